"""The callback list (« liste de rappel »), intake waves and invitations.

A visitor joins the callback list (`CallbackEntry`, one per e-mail and per NEQ), confirms
the address, waits in the queue (first come, first served by `signed_up_at`), is invited in an
intake wave (`Invitation`, a personal link that expires) and applies (enterprises app).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EntryStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", pgettext_lazy("callback entry status", "e-mail not confirmed")
    WAITING = "waiting", pgettext_lazy("callback entry status", "waiting in the queue")
    INVITED = "invited", pgettext_lazy("callback entry status", "invited")
    APPLIED = "applied", pgettext_lazy("callback entry status", "applied")
    WITHDRAWN = "withdrawn", pgettext_lazy("callback entry status", "withdrawn")


class Source(models.TextChoices):
    WEB = "web", pgettext_lazy("callback entry source", "web sign-up")
    IMPORT = "import", pgettext_lazy("callback entry source", "import")


class CallbackEntryQuerySet(models.QuerySet):
    def visible_to(self, user) -> CallbackEntryQuerySet:
        """Program admins only: partners and funders get counts, never rows."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        return self.none()

    def in_queue(self) -> CallbackEntryQuerySet:
        """Confirmed entries waiting for an invitation, first come first served."""
        return self.filter(status=EntryStatus.WAITING).order_by("signed_up_at", "id")


class CallbackEntry(models.Model):
    """One business on the callback list. The e-mail (case-insensitive) and the NEQ (when
    given) are unique in the database, so simultaneous sign-ups cannot create duplicates.
    The queue order is (`signed_up_at`, `id`); imported entries keep their original date.
    A withdrawn entry keeps only what counts need (region, subsector, dates): its contact
    details are erased, so the same e-mail may join again."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    business_name = models.CharField(_("business name"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail address"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7)
    region = models.ForeignKey(
        "programs.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    subsector = models.ForeignKey(
        "programs.Subsector",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("NAICS subsector"),
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    locations_count = models.PositiveSmallIntegerField(_("number of locations"), default=1)
    neq = models.CharField(
        _("Québec enterprise number (NEQ)"), max_length=10, null=True, blank=True, unique=True
    )
    language = models.CharField(_("language"), max_length=5, default="fr")
    status = models.CharField(
        _("status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.UNCONFIRMED
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    signed_up_at = models.DateTimeField(_("signed up"), db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirmation_expires_at = models.DateTimeField(null=True, blank=True)
    last_notice_at = models.DateTimeField(null=True, blank=True)
    referral_partner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referred_callbacks",
        limit_choices_to={"role": "partner"},
        verbose_name=_("referred by"),
    )
    import_batch = models.ForeignKey(
        "waitlist.CallbackImport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
        verbose_name=_("import"),
    )
    eligibility_outcome = models.CharField(
        _("eligibility (indicative)"), max_length=20, blank=True, default=""
    )
    eligibility_reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CallbackEntryQuerySet.as_manager()

    class Meta:
        ordering = ["signed_up_at", "id"]
        verbose_name = _("callback list entry")
        verbose_name_plural = _("callback list entries")
        indexes = [models.Index(fields=["status", "signed_up_at", "id"], name="callback_queue")]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="callback_email_unique_ci"),
            models.CheckConstraint(
                condition=models.Q(locations_count__gte=1), name="callback_locations_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(neq__isnull=True) | models.Q(neq__regex=r"^[0-9]{10}$"),
                name="callback_neq_ten_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.business_name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class ConsentPurpose(models.TextChoices):
    CONTACT = "contact", _("contact about the program")
    NEWSLETTER = "newsletter", _("newsletter")
    RESEARCH = "research", _("research surveys")


class CallbackConsent(models.Model):
    """A consent given for one purpose, with the version and language of the text the person
    agreed to (Law 25: separate, unticked, per purpose, withdrawable). Only given consents are
    stored; a withdrawal sets `withdrawn_at`."""

    entry = models.ForeignKey(CallbackEntry, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    text_version = models.CharField(_("text version"), max_length=60)
    language = models.CharField(_("language"), max_length=5)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    given_at = models.DateTimeField(_("given"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["entry", "purpose"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(fields=["entry", "purpose"], name="callback_consent_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.purpose} {self.text_version}"


class ReferralCode(models.Model):
    """A regional partner's referral code: `/intake/r/<code>/` attributes the next sign-up
    in that browser session to the partner. Partners see counts, never entries."""

    partner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="referral_code",
        limit_choices_to={"role": "partner"},
        verbose_name=_("partner"),
    )
    code = models.CharField(_("code"), max_length=16, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("referral code")
        verbose_name_plural = _("referral codes")

    def __str__(self) -> str:
        return self.code


class IntakeWaveQuerySet(models.QuerySet):
    def visible_to(self, user) -> IntakeWaveQuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.all() if user.role == "admin" else self.none()


class IntakeWave(models.Model):
    """A round of invitations: at most `places` live invitations (sent or accepted) at once,
    optionally capped per region (`WaveQuota`). An expired invitation frees its place, which
    the next send fills with the next entry in the queue."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("intake wave status", "open")
        CLOSED = "closed", pgettext_lazy("intake wave status", "closed")

    name = models.CharField(_("name"), max_length=120, unique=True)
    places = models.PositiveIntegerField(_("places"))
    invitation_days = models.PositiveSmallIntegerField(_("invitation valid for (days)"), default=14)
    reminder_days = models.PositiveSmallIntegerField(_("reminder (days before expiry)"), default=3)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = IntakeWaveQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("intake wave")
        verbose_name_plural = _("intake waves")
        constraints = [
            models.CheckConstraint(condition=models.Q(places__gte=1), name="wave_places_positive"),
            models.CheckConstraint(
                condition=models.Q(invitation_days__gte=1)
                & models.Q(reminder_days__lt=models.F("invitation_days")),
                name="wave_reminder_before_expiry",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class WaveQuota(models.Model):
    """At most `places` invitations of a wave go to businesses of one region."""

    wave = models.ForeignKey(IntakeWave, on_delete=models.CASCADE, related_name="quotas")
    region = models.ForeignKey(
        "programs.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    places = models.PositiveIntegerField(_("places"))

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("regional quota")
        verbose_name_plural = _("regional quotas")
        constraints = [
            models.UniqueConstraint(fields=["wave", "region"], name="wave_quota_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.wave}: {self.region} {self.places}"


class InvitationStatus(models.TextChoices):
    SENT = "sent", pgettext_lazy("invitation status", "sent")
    ACCEPTED = "accepted", pgettext_lazy("invitation status", "accepted")
    EXPIRED = "expired", pgettext_lazy("invitation status", "expired")
    CANCELLED = "cancelled", pgettext_lazy("invitation status", "cancelled")


LIVE_INVITATION_STATUSES = (InvitationStatus.SENT, InvitationStatus.ACCEPTED)


class Invitation(models.Model):
    """A personal, expiring invitation to apply (`enterprises:apply` with `token`). At most
    one live (sent or accepted) invitation per entry. Accepting links the Business created by
    the application; expiry puts the entry back in the queue and frees the wave's place."""

    wave = models.ForeignKey(IntakeWave, on_delete=models.PROTECT, related_name="invitations")
    entry = models.ForeignKey(CallbackEntry, on_delete=models.PROTECT, related_name="invitations")
    token = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InvitationStatus.choices,
        default=InvitationStatus.SENT,
    )
    language = models.CharField(_("language"), max_length=5, default="fr")
    sent_at = models.DateTimeField(_("sent"))
    expires_at = models.DateTimeField(_("expires"))
    remind_at = models.DateTimeField(_("reminder due"))
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    ended_at = models.DateTimeField(_("expired or cancelled"), null=True, blank=True)
    business = models.ForeignKey(
        "enterprises.Business",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
        verbose_name=_("business"),
    )

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["status", "expires_at"], name="invitation_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["entry"],
                condition=models.Q(status__in=["sent", "accepted"]),
                name="invitation_one_live_per_entry",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("sent_at")),
                name="invitation_expires_after_sending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wave} → {self.entry_id} ({self.status})"


class CallbackImport(models.Model):
    """One upload of the existing callback list (CSV, docs/callback-import.md): checked
    first (dry run, `report`), then applied once, atomically. The file's text is kept only
    until it is applied or abandoned; the report holds line numbers and reasons, no values."""

    class Status(models.TextChoices):
        CHECKED = "checked", pgettext_lazy("import status", "checked (dry run)")
        QUEUED = "queued", pgettext_lazy("import status", "import queued")
        APPLIED = "applied", pgettext_lazy("import status", "imported")
        FAILED = "failed", pgettext_lazy("import status", "failed")

    filename = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    content = models.TextField(blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CHECKED
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    to_create = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    invalid = models.PositiveIntegerField(default=0)
    moved_earlier = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("callback list import")
        verbose_name_plural = _("callback list imports")

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"
