"""Money: funders and their contributions, budget lines, unit costs, expenses and commitments.

Amounts are integers in cents (never floats). Program-wide data: only program admins see the
detail; funders see their own contribution and program aggregates (reporting)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from virage.core.i18n import localized


class Funder(models.Model):
    """A contributing government program (e.g. « Offensive de transformation numérique »)."""

    key = models.SlugField(unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    government = models.CharField(_("government"), max_length=100, blank=True)
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="funders",
        limit_choices_to={"role": "funder"},
        verbose_name=_("funder users"),
    )

    class Meta:
        ordering = ["name_fr"]
        verbose_name = _("funder")
        verbose_name_plural = _("funders")

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")


class Contribution(models.Model):
    """A non-repayable contribution of a funder to the program, with its period, conditions
    and reporting schedule."""

    class Schedule(models.TextChoices):
        MONTHLY = "monthly", _("monthly")
        QUARTERLY = "quarterly", _("quarterly")
        YEARLY = "yearly", _("yearly")

    funder = models.ForeignKey(Funder, on_delete=models.PROTECT, related_name="contributions")
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    starts_on = models.DateField(_("period start"))
    ends_on = models.DateField(_("period end"))
    conditions_fr = models.TextField(_("conditions (French)"), blank=True)
    conditions_en = models.TextField(_("conditions (English)"), blank=True)
    reporting_schedule = models.CharField(
        _("reporting schedule"),
        max_length=10,
        choices=Schedule.choices,
        default=Schedule.QUARTERLY,
    )

    class Meta:
        ordering = ["funder", "starts_on"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_cents__gt=0), name="contribution_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="contribution_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder}: {self.amount_cents / 100:,.0f} $"


class BudgetLine(models.Model):
    """Planned spending for one category (advisors, training…) and, optionally, one funder."""

    class Category(models.TextChoices):
        ADVISORS = "advisors", _("advisors (coaching)")
        TRAINING = "training", _("training")
        CAPSULES = "capsules", _("e-learning capsules")
        PROMOTION = "promotion", _("promotion")
        ADMINISTRATION = "administration", _("administration")
        OTHER = "other", _("other")

    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    funder = models.ForeignKey(
        Funder,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="budget_lines",
        verbose_name=_("funder"),
    )
    planned_cents = models.BigIntegerField(_("planned (cents)"))

    class Meta:
        ordering = ["category", "funder"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(fields=["category", "funder"], name="budget_line_unique"),
            models.CheckConstraint(
                condition=models.Q(planned_cents__gte=0), name="budget_line_planned_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} / {self.funder or '—'}"


class UnitCost(models.Model):
    """Cost of one unit of delivered service, from a date on (the latest applicable wins)."""

    class Kind(models.TextChoices):
        ADVISOR_HOUR = "advisor_hour", _("advisor hour (coaching)")
        TRAINING_SEAT_HOUR = "training_seat_hour", _("training seat-hour")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    valid_from = models.DateField(_("valid from"))

    class Meta:
        ordering = ["kind", "-valid_from"]
        verbose_name = _("unit cost")
        verbose_name_plural = _("unit costs")
        constraints = [
            models.UniqueConstraint(fields=["kind", "valid_from"], name="unit_cost_unique"),
            models.CheckConstraint(
                condition=models.Q(amount_cents__gte=0), name="unit_cost_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount_cents / 100:.2f} $"


class Expense(models.Model):
    """Money committed or spent on a budget line: entered by the program admin, or accrued
    automatically each month from delivered coaching minutes and attended training hours
    (`source_key` makes accruals idempotent)."""

    class Kind(models.TextChoices):
        COMMITMENT = "commitment", _("commitment")
        SPENT = "spent", _("spent")

    class Source(models.TextChoices):
        ENTERED = "entered", _("entered")
        COACHING = "coaching", _("accrued from coaching")
        TRAINING = "training", _("accrued from training")

    line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="expenses", verbose_name=_("budget line")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SPENT)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.ENTERED
    )
    source_key = models.CharField(max_length=80, null=True, blank=True, unique=True)
    incurred_on = models.DateField(_("date"), db_index=True)
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    description = models.CharField(_("description"), max_length=250)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-incurred_on", "-id"]
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_cents__gte=0), name="expense_amount_non_negative"
            ),
        ]
        indexes = [
            # covering indexes: the budget page sums per line and per day from the index only
            models.Index(fields=["line", "kind", "amount_cents"], name="expense_line_kind_amount"),
            models.Index(
                fields=["kind", "incurred_on", "amount_cents"], name="expense_kind_day_amount"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.incurred_on} {self.description}"
