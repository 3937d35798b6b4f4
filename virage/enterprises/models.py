"""Businesses in the program, their locations, their people, packages and cohorts."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from virage.core.i18n import localized

from . import rules

neq_validator = RegexValidator(r"^\d{10}$", _("The NEQ has exactly 10 digits."))


class Package(models.Model):
    """A support package (data, editable by the program admin): coaching and training
    allowances and which businesses it suits. Multi-location packages add coaching time per
    additional location, up to a cap."""

    key = models.SlugField(unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    coaching_minutes = models.PositiveIntegerField(_("coaching allowance (minutes)"))
    training_minutes = models.PositiveIntegerField(_("training allowance (minutes)"))
    min_locations = models.PositiveSmallIntegerField(_("suits from (locations)"), default=1)
    max_locations = models.PositiveSmallIntegerField(
        _("suits up to (locations)"), null=True, blank=True
    )
    extra_coaching_minutes_per_location = models.PositiveIntegerField(
        _("extra coaching per additional location (minutes)"), default=0
    )
    max_coaching_minutes = models.PositiveIntegerField(
        _("coaching cap (minutes)"), null=True, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("package")
        verbose_name_plural = _("packages")

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")

    def coaching_minutes_for(self, locations: int) -> int:
        extra = max(locations - 1, 0) * self.extra_coaching_minutes_per_location
        total = self.coaching_minutes + extra
        if self.max_coaching_minutes is not None:
            total = min(total, self.max_coaching_minutes)
        return total

    def suits(self, locations: int) -> bool:
        if locations < self.min_locations:
            return False
        return self.max_locations is None or locations <= self.max_locations


class Cohort(models.Model):
    """A group of businesses enrolled together (e.g. by intake wave or quarter)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    starts_on = models.DateField(_("starts on"))

    class Meta:
        ordering = ["starts_on", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self) -> str:
        return self.name


class BusinessQuerySet(models.QuerySet):
    def visible_to(self, user) -> BusinessQuerySet:
        """merchant → own business(es); advisor → assigned; admin → all; others → none
        (partners and funders get aggregates from `reporting`)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "merchant":
            return self.filter(members__user=user)
        if user.role == "advisor":
            return self.filter(advisor=user)
        return self.none()

    def active(self) -> BusinessQuerySet:
        return self.filter(status__in=rules.ACTIVE)


class Business(models.Model):
    """A retail business on its path through the program (status follows
    `enterprises.rules`; change it only with `services.business_transition`)."""

    class Status(models.TextChoices):
        INVITED = rules.INVITED, _("invited")
        APPLIED = rules.APPLIED, _("applied")
        ELIGIBLE = rules.ELIGIBLE, _("eligible")
        INELIGIBLE = rules.INELIGIBLE, _("ineligible")
        NEEDS_REVIEW = rules.NEEDS_REVIEW, _("needs review")
        ENROLLED = rules.ENROLLED, _("enrolled")
        DIAGNOSED = rules.DIAGNOSED, _("diagnosed")
        PLAN_PUBLISHED = rules.PLAN_PUBLISHED, _("plan published")
        IMPLEMENTING = rules.IMPLEMENTING, _("actions implemented")
        REASSESSED = rules.REASSESSED, _("re-assessed")
        COMPLETED = rules.COMPLETED, _("completed")
        WITHDRAWN = rules.WITHDRAWN, _("withdrawn")

    class RevenueBand(models.TextChoices):
        UNDER_250K = "lt250k", _("under $250,000")
        FROM_250K = "250k-1m", _("$250,000 to $1 million")
        FROM_1M = "1m-5m", _("$1 million to $5 million")
        FROM_5M = "5m-20m", _("$5 million to $20 million")
        OVER_20M = "gt20m", _("over $20 million")

    legal_name = models.CharField(_("legal name"), max_length=200)
    operating_name = models.CharField(_("operating name"), max_length=200, blank=True)
    neq = models.CharField(
        _("Québec enterprise number (NEQ)"),
        max_length=10,
        null=True,
        blank=True,
        unique=True,
        validators=[neq_validator],
    )
    subsector = models.ForeignKey(
        "programs.Subsector",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("NAICS subsector"),
    )
    employees = models.PositiveIntegerField(
        _("employees (full-time equivalent)"), null=True, blank=True
    )
    revenue_band = models.CharField(
        _("annual revenue"), max_length=10, choices=RevenueBand.choices, blank=True
    )
    region = models.ForeignKey(
        "programs.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region (main location)"),
    )
    has_website = models.BooleanField(_("has a web site"), default=False)
    has_transactional_site = models.BooleanField(
        _("sells online (order and pay on its site)"), default=False
    )
    has_marketplace = models.BooleanField(_("sells on marketplaces"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.INVITED, db_index=True
    )
    package = models.ForeignKey(
        Package,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="businesses",
        verbose_name=_("package"),
    )
    cohort = models.ForeignKey(
        Cohort,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="businesses",
        verbose_name=_("cohort"),
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="advised_businesses",
        limit_choices_to={"role": "advisor"},
        verbose_name=_("advisor"),
    )
    coaching_minutes_allowed = models.PositiveIntegerField(
        _("coaching allowance (minutes)"), default=0
    )
    training_minutes_allowed = models.PositiveIntegerField(
        _("training allowance (minutes)"), default=0
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    enrolled_at = models.DateTimeField(null=True, blank=True, db_index=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)

    objects = BusinessQuerySet.as_manager()

    class Meta:
        ordering = ["legal_name", "id"]
        verbose_name = _("business")
        verbose_name_plural = _("businesses")
        indexes = [models.Index(fields=["region", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(employees__isnull=True) | models.Q(employees__gte=0),
                name="business_employees_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.operating_name or self.legal_name

    @property
    def name(self) -> str:
        return self.operating_name or self.legal_name


class BusinessMember(models.Model):
    """A merchant user who acts for a business (owner or employee)."""

    class Role(models.TextChoices):
        OWNER = "owner", _("owner")
        EMPLOYEE = "employee", _("employee")

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.OWNER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("business member")
        verbose_name_plural = _("business members")
        constraints = [
            models.UniqueConstraint(fields=["business", "user"], name="member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.business}"


class LocationQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(business__in=Business.objects.visible_to(user))


class Location(models.Model):
    """An establishment (address) of a business; multi-location businesses get packages."""

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=250)
    city = models.CharField(_("city"), max_length=120)
    postal_code = models.CharField(_("postal code"), max_length=7)
    region = models.ForeignKey(
        "programs.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    is_primary = models.BooleanField(_("main location"), default=False)

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["-is_primary", "id"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.UniqueConstraint(
                fields=["business"],
                condition=models.Q(is_primary=True),
                name="location_one_primary",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.address}, {self.city}"


class ProgramCounter(models.Model):
    """Places taken in the program (enrolments), updated with a conditional UPDATE so that
    simultaneous decisions can never exceed the program's target."""

    program = models.OneToOneField(
        "programs.Program", on_delete=models.CASCADE, related_name="counter"
    )
    enrolled = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("program counter")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enrolled__gte=0), name="counter_enrolled_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program}: {self.enrolled}"
