"""The program's settings as data: the program itself, regions and retail subsectors."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from virage.core.i18n import localized


class Program(models.Model):
    """The program Virage runs, with its targets and defaults (never hard-coded in logic).

    Exactly one program is `is_current`; amounts are in cents."""

    slug = models.SlugField(unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"))
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), default=36, validators=[MinValueValidator(1)]
    )
    target_businesses = models.PositiveIntegerField(_("target: businesses enrolled"), default=5000)
    capsule_reach_target = models.PositiveIntegerField(
        _("target: businesses reached by capsules"), default=25000
    )
    training_hours_default = models.PositiveSmallIntegerField(
        _("training allowance (hours)"), default=10
    )
    coaching_hours_default = models.PositiveSmallIntegerField(
        _("coaching allowance (hours)"), default=10
    )
    employee_limit = models.PositiveSmallIntegerField(_("employee limit (fewer than)"), default=100)
    budget_cents = models.BigIntegerField(_("budget (cents)"), default=0)
    transactional_baseline_percent = models.PositiveSmallIntegerField(
        _("baseline: merchants with a transactional site (%)"), default=36
    )
    eligible_postal_prefixes = models.CharField(
        _("eligible postal code prefixes"),
        max_length=50,
        default="G,H,J",
        help_text=_("Comma-separated first letters of eligible postal codes."),
    )
    privacy_officer_title_fr = models.CharField(
        _("privacy officer title (French)"), max_length=200, blank=True
    )
    privacy_officer_title_en = models.CharField(
        _("privacy officer title (English)"), max_length=200, blank=True
    )
    privacy_officer_email = models.EmailField(_("privacy officer e-mail"), blank=True)
    privacy_officer_phone = models.CharField(_("privacy officer phone"), max_length=30, blank=True)
    is_current = models.BooleanField(_("current program"), default=False)

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="program_single_current",
            ),
            models.CheckConstraint(
                condition=models.Q(budget_cents__gte=0), name="program_budget_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def privacy_officer_title(self) -> str:
        return localized(self, "privacy_officer_title")

    @property
    def postal_prefixes(self) -> list[str]:
        return [p.strip().upper() for p in self.eligible_postal_prefixes.split(",") if p.strip()]

    @property
    def planned_cost_per_business_cents(self) -> int:
        if not self.target_businesses:
            return 0
        return self.budget_cents // self.target_businesses


class Region(models.Model):
    """One of Québec's 17 administrative regions (code "01"…"17")."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("administrative region")
        verbose_name_plural = _("administrative regions")

    def __str__(self) -> str:
        return f"{self.code} {localized(self, 'name')}"

    @property
    def name(self) -> str:
        return localized(self, "name")


class Subsector(models.Model):
    """A NAICS 2022 subsector (3 digits). `is_eligible` marks the retail subsectors the
    program accepts; the list is data, editable by the program admin."""

    code = models.CharField(_("NAICS code"), max_length=3, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250, blank=True)
    is_eligible = models.BooleanField(_("eligible"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("NAICS subsector")
        verbose_name_plural = _("NAICS subsectors")

    def __str__(self) -> str:
        return f"{self.code} {localized(self, 'name')}"

    @property
    def name(self) -> str:
        return localized(self, "name")
