"""Training: modules, scheduled sessions, registrations (with a waitlist) and attendance.

Invariants live in the database: a session never has more seats taken than its capacity, one
registration per person and session, a waitlisted registration has a position and no other
one does, attendance minutes agree with the attendance status. Writes go through
`services.py` only."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from virage.core.i18n import localized

from . import topics as topic_data


class Level(models.TextChoices):
    BEGINNER = "beginner", _("beginner")
    INTERMEDIATE = "intermediate", _("intermediate")
    ADVANCED = "advanced", _("advanced")


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class TrainingSettings(models.Model):
    """Training defaults of a program (data, editable by the program admin): the cancellation
    deadline a new session gets when none is given."""

    program = models.OneToOneField(
        "programs.Program", on_delete=models.CASCADE, related_name="training_settings"
    )
    cancellation_deadline_hours = models.PositiveSmallIntegerField(
        _("default cancellation deadline (hours before the start)"), default=24
    )

    class Meta:
        verbose_name = _("training settings")
        verbose_name_plural = _("training settings")

    def __str__(self) -> str:
        return str(self.program)


class TrainingModule(models.Model):
    """A training module of the program (written by the program admin): FR/EN title and
    description, topics (solution categories and M2 dimensions), duration, level and the
    modules recommended before it."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    prerequisites = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("prerequisites"),
    )
    is_active = models.BooleanField(_("offered"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title_fr", "id"]
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0), name="training_module_duration_positive"
            ),
        ]

    def __str__(self) -> str:
        return localized(self, "title")

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def topic_keys(self) -> list[str]:
        """Topic keys in the reference order (uses prefetched `topics` when present)."""
        keys = {t.key for t in self.topics.all()}
        return [t.key for t in topic_data.all_topics() if t.key in keys]

    @property
    def topic_list(self) -> list[topic_data.Topic]:
        return [topic_data.topic(key) for key in self.topic_keys]

    @property
    def category_keys(self) -> list[str]:
        return [k for k in self.topic_keys if k in topic_data.CATEGORY_KEYS]

    @property
    def dimension_keys(self) -> list[str]:
        return [k for k in self.topic_keys if k in topic_data.DIMENSION_KEYS]


class TrainingModuleTopic(models.Model):
    """One topic of a module: a solution category key (`ecommerce`…) or an M2 dimension key
    (`D1`…`D6`), validated against `topics.py` by the services."""

    module = models.ForeignKey(TrainingModule, on_delete=models.CASCADE, related_name="topics")
    key = models.CharField(_("topic"), max_length=40, db_index=True)

    class Meta:
        verbose_name = _("module topic")
        verbose_name_plural = _("module topics")
        constraints = [
            models.UniqueConstraint(fields=["module", "key"], name="training_topic_unique"),
        ]

    def __str__(self) -> str:
        return self.key


class SessionQuerySet(models.QuerySet):
    def upcoming(self, now=None) -> SessionQuerySet:
        """Scheduled sessions that have not started: the public catalog."""
        return self.filter(
            status=TrainingSession.Status.SCHEDULED, starts_at__gt=now or timezone.now()
        )

    def visible_to(self, user) -> SessionQuerySet:
        """Sessions a user manages: trainer → own sessions; admin → all; others → none.
        (The catalog and a session's public page are open to everyone; its online link,
        roster and attendance are not.)"""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "trainer":
            return self.filter(trainer=user)
        return self.none()


class TrainingSession(models.Model):
    """A module delivered at a date and time, online (link shown only to registered people,
    the trainer and admins) or in person (address, region), in one language, with a capacity
    and a trainer from a partner organisation. `seats_taken` counts registrations holding a
    seat and is only changed by the registration services, under a row lock."""

    class Mode(models.TextChoices):
        ONLINE = "online", _("online")
        IN_PERSON = "in_person", _("in person")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", pgettext_lazy("training session", "scheduled")
        CLOSED = "closed", pgettext_lazy("training session", "closed")
        CANCELLED = "cancelled", pgettext_lazy("training session", "cancelled")

    module = models.ForeignKey(
        TrainingModule, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("module")
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    mode = models.CharField(_("format"), max_length=10, choices=Mode.choices)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    region = models.ForeignKey(
        "programs.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.FRENCH
    )
    capacity = models.PositiveIntegerField(_("capacity"))
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="training_sessions",
        limit_choices_to={"role": "trainer"},
        verbose_name=_("trainer"),
    )
    replay_url = models.URLField(_("replay link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    cancellation_deadline_hours = models.PositiveSmallIntegerField(
        _("cancellation deadline (hours before the start)"), default=24
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=0), name="training_capacity_gte_0"),
            models.CheckConstraint(
                condition=Q(seats_taken__gte=0) & Q(seats_taken__lte=models.F("capacity")),
                name="training_seats_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="training_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(mode="in_person") | Q(region__isnull=False),
                name="training_in_person_has_region",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.module} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_taken >= self.capacity

    @property
    def is_online(self) -> bool:
        return self.mode == self.Mode.ONLINE

    @property
    def cancellation_deadline(self):
        return self.starts_at - timedelta(hours=self.cancellation_deadline_hours)

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at


class RegistrationQuerySet(models.QuerySet):
    def visible_to(self, user) -> RegistrationQuerySet:
        """merchant → registrations of their business(es); advisor → of assigned businesses;
        trainer → of own sessions; admin → all; partners and funders → none."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "merchant":
            return self.filter(business__members__user=user)
        if user.role == "advisor":
            return self.filter(business__advisor=user)
        if user.role == "trainer":
            return self.filter(session__trainer=user)
        return self.none()

    def holding_seat(self) -> RegistrationQuerySet:
        return self.filter(status__in=Registration.SEAT_STATUSES)


class Registration(models.Model):
    """A person (merchant user) of a business registered for a session, by themselves or by
    the business's advisor. When the session is full the registration waits on the list
    (`waitlist_position` 1, 2, … kept contiguous); a freed seat goes to position 1. After the
    session is closed it is `attended` (with credited minutes) or `absent`."""

    class Status(models.TextChoices):
        REGISTERED = "registered", pgettext_lazy("training registration", "registered")
        WAITLISTED = "waitlisted", pgettext_lazy("training registration", "on the waitlist")
        CANCELLED = "cancelled", pgettext_lazy("training registration", "cancelled")
        ATTENDED = "attended", pgettext_lazy("training registration", "attended")
        ABSENT = "absent", pgettext_lazy("training registration", "did not attend")

    SEAT_STATUSES = (Status.REGISTERED, Status.ATTENDED, Status.ABSENT)
    ACTIVE_STATUSES = (Status.REGISTERED, Status.WAITLISTED)

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=pgettext_lazy("training", "session"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="training_registrations",
        verbose_name=_("participant"),
    )
    business = models.ForeignKey(
        "enterprises.Business",
        on_delete=models.PROTECT,
        related_name="training_registrations",
        verbose_name=_("business"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    waitlist_position = models.PositiveIntegerField(_("waitlist position"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    credited_minutes = models.PositiveIntegerField(_("credited minutes"), default=0)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["session", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="training_one_registration_per_person"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        status="waitlisted",
                        waitlist_position__isnull=False,
                        waitlist_position__gte=1,
                    )
                    | (~Q(status="waitlisted") & Q(waitlist_position__isnull=True))
                ),
                name="training_waitlist_position_iff_waitlisted",
            ),
            models.CheckConstraint(
                condition=Q(credited_minutes=0) | Q(status="attended"),
                name="training_credit_only_when_attended",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.session}"

    @property
    def holds_seat(self) -> bool:
        return self.status in self.SEAT_STATUSES


class Attendance(models.Model):
    """What the trainer recorded for one registration: present (the whole session), absent,
    or partial (minutes attended). Closing the session credits these minutes."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        PARTIAL = "partial", _("partial")
        ABSENT = "absent", _("absent")

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    minutes = models.PositiveIntegerField(_("minutes attended"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(status="absent", minutes=0) | (~Q(status="absent") & Q(minutes__gt=0))
                ),
                name="training_attendance_minutes_match_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration}: {self.status} ({self.minutes})"
