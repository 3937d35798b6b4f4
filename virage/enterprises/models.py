"""Businesses in the program, their locations, their people, packages and cohorts."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
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
        indexes = [
            models.Index(fields=["region", "status"]),
            # The admin's application list: newest applications first, read page by page,
            # all of them or those of one status (its main filter).
            models.Index(fields=["-applied_at", "legal_name", "id"], name="business_applied_order"),
            models.Index(
                fields=["status", "-applied_at", "legal_name", "id"],
                name="business_status_applied",
            ),
            # The default order (by name): lists of businesses and of their plans, read page
            # by page (EXPLAIN in docs/performance.md).
            models.Index(fields=["legal_name", "id"], name="business_name_order"),
        ]
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


# --- intake: applications, decisions, review requests, contacts ------------------------------

naics_validator = RegexValidator(r"^\d{2,6}$", _("A NAICS code has 2 to 6 digits."))


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> ApplicationQuerySet:
        return self.filter(business__in=Business.objects.visible_to(user))


class Application(models.Model):
    """The intake file of a business, from the invitation to the decision.

    The merchant fills it in over several steps (saved as they go) and submits it when
    complete; submission stores the eligibility *proposal* (`proposal_result`, with the
    facts, the criteria snapshot and the rules' version). Only a program admin's `Decision`
    changes the business's status afterwards."""

    class Proposal(models.TextChoices):
        ELIGIBLE = rules.ELIGIBLE, _("eligible")
        INELIGIBLE = rules.INELIGIBLE, _("ineligible")
        NEEDS_REVIEW = rules.NEEDS_REVIEW, _("needs review")

    business = models.OneToOneField(Business, on_delete=models.CASCADE, related_name="application")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("applicant"),
    )
    naics_code = models.CharField(
        _("NAICS code (other activity)"),
        max_length=6,
        blank=True,
        validators=[naics_validator],
    )
    activity = models.CharField(_("main activity"), max_length=250, blank=True)
    has_no_neq = models.BooleanField(_("the business has no NEQ"), default=False)
    online_answered = models.BooleanField(default=False)
    website_url = models.URLField(_("web site address"), blank=True)
    marketplaces = models.CharField(_("marketplaces used"), max_length=250, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    proposal = models.CharField(
        _("eligibility proposal"), max_length=20, choices=Proposal.choices, blank=True
    )
    proposal_result = models.JSONField(null=True, blank=True)
    proposal_facts = models.JSONField(null=True, blank=True)
    proposal_criteria = models.JSONField(null=True, blank=True)
    rules_version = models.CharField(max_length=40, blank=True)
    evaluated_at = models.DateTimeField(null=True, blank=True)
    package_reason = models.TextField(_("reason for another package"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(submitted_at__isnull=True) | ~models.Q(proposal=""),
                name="application_submitted_has_proposal",
            ),
        ]

    def __str__(self) -> str:
        return str(self.business)

    def result(self):
        """The stored proposal as an `eligibility.EligibilityResult` (None before submission)."""
        from .eligibility import EligibilityResult

        return EligibilityResult.from_dict(self.proposal_result) if self.proposal_result else None


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user) -> DecisionQuerySet:
        return self.filter(application__business__in=Business.objects.visible_to(user))


class Decision(models.Model):
    """A program admin's decision on an application: accepted (eligible), refused
    (ineligible, reason required) or needs review. Never automatic: `decided_by` is a person.
    Decisions are kept as history (a refusal, a review request, then a new decision)."""

    class Outcome(models.TextChoices):
        ELIGIBLE = rules.ELIGIBLE, _("accepted")
        INELIGIBLE = rules.INELIGIBLE, _("refused")
        NEEDS_REVIEW = rules.NEEDS_REVIEW, _("needs review")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    proposal = models.CharField(
        _("proposal at the time"), max_length=20, choices=Application.Proposal.choices
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome=rules.INELIGIBLE) | ~models.Q(reason=""),
                name="decision_refusal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_outcome_display()}"


class ReviewRequest(models.Model):
    """A merchant asks a person to look again at a refusal (Law 25: human review)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="review_requests"
    )
    message = models.TextField(_("message"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(message=""), name="review_request_has_message"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} ({self.requested_at:%Y-%m-%d})"


class ContactQuerySet(models.QuerySet):
    def visible_to(self, user) -> ContactQuerySet:
        return self.filter(business__in=Business.objects.visible_to(user))


class Contact(models.Model):
    """Another person of the business the program may reach (manager, web person…).

    Only a contact card: no account is created for them (they have not consented to one);
    the owner can later give them access."""

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    role = models.CharField(_("role in the business"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        constraints = [
            models.UniqueConstraint(
                "business", Lower("email"), name="contact_unique_email_per_business"
            ),
        ]

    def __str__(self) -> str:
        return self.name
