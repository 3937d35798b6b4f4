"""Advisors and coaching: advisor profiles, assignment history, meetings and the coaching
allowance's extensions. A business's advisor is `enterprises.Business.advisor`; minutes used
are the sum of the meetings held (see `selectors.coaching_minutes_used`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from virage.enterprises.models import Business

LANGUAGE_CHOICES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("pt", _("Portuguese")),
    ("vi", _("Vietnamese")),
]


def _business_scope(user):
    return Business.objects.visible_to(user)


class AdvisorProfileQuerySet(models.QuerySet):
    def visible_to(self, user) -> AdvisorProfileQuerySet:
        """admin → all; advisor → own; everyone else → none."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "advisor":
            return self.filter(user=user)
        return self.none()


class AdvisorProfile(models.Model):
    """What the program admin knows about a digital transformation advisor to assign
    businesses: regions served, languages, subsectors of expertise, maximum caseload and
    availability. One per advisor user."""

    class Availability(models.TextChoices):
        ACTIVE = "active", _("active")
        ON_LEAVE = "on_leave", _("on leave")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="advisor_profile",
        limit_choices_to={"role": "advisor"},
        verbose_name=_("advisor"),
    )
    regions = models.ManyToManyField(
        "programs.Region", blank=True, related_name="+", verbose_name=_("regions served")
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. fr, en.")
    )
    subsectors = models.ManyToManyField(
        "programs.Subsector",
        blank=True,
        related_name="+",
        verbose_name=_("subsectors of expertise"),
    )
    max_caseload = models.PositiveSmallIntegerField(_("maximum caseload"), default=40)
    availability = models.CharField(
        _("availability"),
        max_length=10,
        choices=Availability.choices,
        default=Availability.ACTIVE,
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = AdvisorProfileQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name", "id"]
        verbose_name = _("advisor profile")
        verbose_name_plural = _("advisor profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_caseload__gte=1), name="advisor_max_caseload_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(availability__in=["active", "on_leave"]),
                name="advisor_availability_valid",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def on_leave(self) -> bool:
        return self.availability == self.Availability.ON_LEAVE

    def language_labels(self) -> list[str]:
        labels = dict(LANGUAGE_CHOICES)
        return [str(labels.get(code, code)) for code in self.languages]


class BusinessScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rows of the businesses the user sees (merchant → own, advisor → assigned,
        admin → all, others → none)."""
        return self.filter(business__in=_business_scope(user))


class AdvisorAssignment(models.Model):
    """History of who advises a business: one row per assignment or reassignment, written by
    `services.advisor_assign`. The current advisor is `Business.advisor`."""

    class Kind(models.TextChoices):
        INITIAL = "initial", _("assignment")
        BULK = "bulk", _("bulk assignment")
        REASSIGNMENT = "reassignment", _("reassignment")

    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="advisor_assignments"
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("advisor"),
    )
    previous_advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("previous advisor"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    reason = models.TextField(_("reason"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    objects = BusinessScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("advisor assignment")
        verbose_name_plural = _("advisor assignments")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="reassignment") | ~models.Q(reason=""),
                name="assignment_reassignment_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business} → {self.advisor} ({self.kind})"


class Meeting(models.Model):
    """A coaching meeting between a business and its advisor: planned (invitation sent),
    then held (logged with the actual minutes, which count against the allowance) or
    cancelled. `private_notes` are the advisor's own: never shown to the merchant, partners
    or funders, never exported to the merchant."""

    class Mode(models.TextChoices):
        ON_SITE = "on_site", _("on site")
        VIDEO = "video", _("video call")
        PHONE = "phone", _("phone")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="meetings")
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coaching_meetings",
        verbose_name=_("advisor"),
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    planned_minutes = models.PositiveSmallIntegerField(_("planned duration (minutes)"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    location = models.CharField(
        _("where"),
        max_length=250,
        blank=True,
        help_text=_("Address, video link or phone number."),
    )
    agenda = models.TextField(_("agenda"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    actual_minutes = models.PositiveSmallIntegerField(
        _("actual duration (minutes)"), null=True, blank=True
    )
    topics = models.TextField(_("topics covered"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    private_notes = models.TextField(_("private notes"), blank=True)
    plan_actions = models.ManyToManyField(
        "plans.PlanAction",
        blank=True,
        related_name="coaching_meetings",
        verbose_name=_("plan actions worked on"),
    )
    sequence = models.PositiveIntegerField(default=0, help_text="iCalendar SEQUENCE")
    request_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    logged_at = models.DateTimeField(_("logged at"), null=True, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = BusinessScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("coaching meeting")
        verbose_name_plural = _("coaching meetings")
        indexes = [models.Index(fields=["business", "status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_minutes__gt=0), name="meeting_planned_minutes_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(actual_minutes__isnull=True) | models.Q(actual_minutes__gt=0),
                name="meeting_actual_minutes_positive",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="held", actual_minutes__isnull=False)
                    | (~models.Q(status="held") & models.Q(actual_minutes__isnull=True))
                ),
                name="meeting_held_has_minutes",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["planned", "held", "cancelled"]),
                name="meeting_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        from datetime import timedelta

        return self.starts_at + timedelta(minutes=self.actual_minutes or self.planned_minutes)


class AllowanceExtension(models.Model):
    """Extra coaching minutes granted to a business by a program admin, with a reason; the
    allowance is the package's minutes plus every extension."""

    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="coaching_extensions"
    )
    minutes = models.PositiveIntegerField(_("extra minutes"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granted by"),
    )
    request_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    objects = BusinessScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("coaching allowance extension")
        verbose_name_plural = _("coaching allowance extensions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="extension_minutes_positive"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="extension_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.business} +{self.minutes} min"
