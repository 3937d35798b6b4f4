"""The vendor-neutral solution catalog: categories and solutions (reference data).

No vendor pays for placement: nothing here ranks a solution. Lists are ordered by name, or by
fit to a business (`virage.plans.rules.fit_solutions`), never by anything a vendor controls.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from virage.core.i18n import localized

from . import seed_data


class SolutionCategory(models.Model):
    """A kind of solution (online store, point of sale, payroll…), DOMAIN.md §6.

    The key is stable: diagnostic items, recommendation rules, training modules and capsules
    refer to categories by key."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("solution category")
        verbose_name_plural = _("solution categories")

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


class SolutionQuerySet(models.QuerySet):
    def active(self) -> SolutionQuerySet:
        return self.filter(is_active=True)

    def in_category(self, key: str) -> SolutionQuerySet:
        """Solutions whose main or extra category is `key` (no duplicates)."""
        return self.filter(Q(category_id=key) | Q(extra_categories__key=key)).distinct()


class Solution(models.Model):
    """A product a retailer can adopt, described factually (vendor, what it does, price band,
    French interface, Québec vendor, handles several locations, set-up effort).

    Program admins maintain the catalog in the admin; `is_active=False` hides a solution from
    the catalog and from new recommendations without breaking plans that already name it."""

    class PriceRange(models.TextChoices):
        FREE = "free", _("free")
        UNDER_50 = "under_50", _("under $50 a month")
        FROM_50_TO_200 = "50_200", _("$50 to $200 a month")
        OVER_200 = "over_200", _("over $200 a month")

    class PriceModel(models.TextChoices):
        SUBSCRIPTION = "subscription", _("subscription")
        PER_TRANSACTION = "per_transaction", _("fees per transaction")
        ONE_TIME = "one_time", _("one-time purchase")
        FREE = "free", _("free software")
        QUOTE = "quote", _("price on quote")

    class SetupEffort(models.TextChoices):
        LOW = "low", _("low (an afternoon)")
        MEDIUM = "medium", _("medium (a few days)")
        HIGH = "high", _("high (weeks, or technical skills)")

    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    vendor = models.CharField(_("vendor"), max_length=120)
    category = models.ForeignKey(
        SolutionCategory,
        to_field="key",
        on_delete=models.PROTECT,
        related_name="solutions",
        verbose_name=_("main category"),
    )
    extra_categories = models.ManyToManyField(
        SolutionCategory,
        blank=True,
        related_name="extra_solutions",
        verbose_name=_("other categories"),
    )
    description_fr = models.TextField(_("description (French)"))
    description_en = models.TextField(_("description (English)"), blank=True)
    price_range = models.CharField(
        _("price range"),
        max_length=12,
        choices=PriceRange.choices,
        help_text=_(
            "Approximate monthly cost of the entry plan a small retailer would use, in Canadian "
            "dollars before taxes and transaction fees."
        ),
    )
    price_model = models.CharField(_("price model"), max_length=20, choices=PriceModel.choices)
    french_interface = models.BooleanField(_("interface in French"), default=False)
    quebec_vendor = models.BooleanField(_("Québec-based vendor"), default=False)
    multi_location = models.BooleanField(_("handles several locations"), default=False)
    setup_effort = models.CharField(
        _("typical set-up effort"), max_length=10, choices=SetupEffort.choices
    )
    url = models.URLField(_("vendor's web site"), max_length=300)
    is_active = models.BooleanField(_("shown in the catalog"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SolutionQuerySet.as_manager()

    class Meta:
        ordering = ["name", "key"]
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        constraints = [
            models.CheckConstraint(
                condition=Q(price_range__in=seed_data.PRICE_RANGES),
                name="solution_price_range_valid",
            ),
            models.CheckConstraint(
                condition=Q(price_model__in=seed_data.PRICE_MODELS),
                name="solution_price_model_valid",
            ),
            models.CheckConstraint(
                condition=Q(setup_effort__in=seed_data.SETUP_EFFORTS),
                name="solution_setup_effort_valid",
            ),
            models.CheckConstraint(
                condition=Q(url__startswith="https://"), name="solution_url_https"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        return localized(self, "description")
