"""Privacy records (Québec Law 25): published policies, consents, requests from the people
concerned, the staff access log and the confidentiality-incident register."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from virage.core.i18n import localized

REQUEST_RESPONSE_DAYS = 30


def _is_officer(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role == "admin"
        and user.is_privacy_officer
    )  # Law 25: answer an access, correction or deletion request in 30 days


class PolicyVersionQuerySet(models.QuerySet):
    def published(self) -> PolicyVersionQuerySet:
        return self.filter(published_at__isnull=False, published_at__lte=timezone.now())


class PolicyVersion(models.Model):
    """One version of the privacy policy or of the terms of use, in French and English.

    Bodies are plain text (paragraphs separated by blank lines), shown HTML-escaped. A version
    becomes current when `published_at` is reached; published versions are never edited (a
    change is a new version), so the history stays what people actually read."""

    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("privacy policy")
        TERMS = "terms", _("terms of use")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    version = models.CharField(
        _("version"), max_length=20, help_text=_("For example 2026-01: letters, digits, dashes.")
    )
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_fr = models.TextField(_("text (French)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    changes_fr = models.TextField(_("what changed (French)"), blank=True)
    changes_en = models.TextField(_("what changed (English)"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-published_at", "-id"]
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="policy_version_unique"),
            models.CheckConstraint(
                condition=models.Q(version__regex=r"^[A-Za-z0-9.-]+$"),
                name="policy_version_slug",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.version}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def body(self) -> str:
        return localized(self, "body")

    @property
    def changes(self) -> str:
        return localized(self, "changes")


class ConsentRecordQuerySet(models.QuerySet):
    def active(self) -> ConsentRecordQuerySet:
        return self.filter(withdrawn_at__isnull=True)

    def for_person(self, person) -> ConsentRecordQuerySet:
        """Rows of a user (their own, or given with their address before they had an account)
        or of an e-mail address."""
        if isinstance(person, str):
            return self.filter(user__isnull=True, email=person.strip().lower())
        return self.filter(
            models.Q(user=person) | models.Q(user__isnull=True, email=person.email.lower())
        )

    def visible_to(self, user) -> ConsentRecordQuerySet:
        """A person sees their own consents; the privacy officer sees all."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin" and user.is_privacy_officer:
            return self.all()
        return self.for_person(user)


class ConsentRecord(models.Model):
    """One consent given by a person for one purpose (registry key), with the version and
    language of the text they agreed to and where it was given. Withdrawal sets
    `withdrawn_at`; giving it again creates a new row, so the history is kept. A person is a
    user, or an e-mail address for someone without an account (callback list, capsules)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("person"),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    purpose = models.CharField(_("purpose"), max_length=50, db_index=True)
    text_version = models.CharField(_("text version"), max_length=40)
    language = models.CharField(_("language"), max_length=5)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=40)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["purpose", "withdrawn_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(email=""),
                name="consent_has_person",
            ),
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=models.Q(withdrawn_at__isnull=True, user__isnull=False),
                name="consent_one_active_per_user",
            ),
            models.UniqueConstraint(
                Lower("email"),
                "purpose",
                condition=models.Q(withdrawn_at__isnull=True, user__isnull=True),
                name="consent_one_active_per_email",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True)
                | models.Q(withdrawn_at__gte=models.F("given_at")),
                name="consent_withdrawn_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} ({self.given_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class PrivacyRequestQuerySet(models.QuerySet):
    def visible_to(self, user) -> PrivacyRequestQuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin" and user.is_privacy_officer:
            return self.all()
        return self.filter(requester=user)

    def open(self) -> PrivacyRequestQuerySet:
        return self.filter(status=PrivacyRequest.Status.OPEN)


class PrivacyRequest(models.Model):
    """A person asks to correct or to delete their personal information. The privacy officer
    decides; an approved deletion anonymises the person's data everywhere (registry of
    anonymisers) while statistics stay intact. One open request per person and kind."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("correction")
        DELETION = "deletion", _("deletion")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        COMPLETED = "completed", _("completed")
        REFUSED = "refused", _("refused")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="privacy_requests",
        verbose_name=_("requested by"),
    )
    details = models.TextField(_("details"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    due_on = models.DateField(_("answer due"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_notes = models.TextField(_("decision and reason"), blank=True)

    objects = PrivacyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["status", "due_on", "id"]
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "kind"],
                condition=models.Q(status="open"),
                name="privacy_request_one_open",
            ),
            models.CheckConstraint(
                condition=models.Q(status="open") | models.Q(decided_at__isnull=False),
                name="privacy_request_decided_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @staticmethod
    def due_from(moment) -> object:
        return (timezone.localtime(moment) + timedelta(days=REQUEST_RESPONSE_DAYS)).date()


class AccessLogQuerySet(models.QuerySet):
    def visible_to(self, user) -> AccessLogQuerySet:
        if _is_officer(user):
            return self.all()
        return self.none()


class AccessLogEntry(models.Model):
    """A staff member viewed (or exported) a record holding a business's or a person's data:
    who, what, when. Written by `services.access_log`; read by the privacy officer only."""

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        EXPORT = "export", _("exported")
        DOWNLOAD = "download", _("downloaded")
        EDIT = "edit", _("edited")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("staff member"),
    )
    actor_role = models.CharField(_("role"), max_length=20)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("record type"), max_length=80)
    object_id = models.CharField(_("record id"), max_length=64)
    business_id = models.PositiveBigIntegerField(_("business"), null=True, blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["business_id", "at"]),
            models.Index(fields=["actor", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"

    @property
    def actor_role_label(self) -> str:
        from virage.accounts.models import Role

        return Role(self.actor_role).label if self.actor_role in Role.values else self.actor_role


class IncidentQuerySet(models.QuerySet):
    def visible_to(self, user) -> IncidentQuerySet:
        if _is_officer(user):
            return self.all()
        return self.none()


class ConfidentialityIncident(models.Model):
    """The register of confidentiality incidents (Law 25, s. 3.8, and its regulation): the
    eight required fields, kept at least five years after the date the incident became
    known. Texts shown to affected persons (information, circumstances, measures, advice)
    have French and English columns for the notice generator."""

    class Risk(models.TextChoices):
        LOW = "low", _("low")
        MODERATE = "moderate", _("moderate")
        SERIOUS = "serious", _("risk of serious injury")

    # 1. the personal information concerned
    information_fr = models.TextField(_("personal information concerned (French)"))
    information_en = models.TextField(_("personal information concerned (English)"), blank=True)
    # 2. the circumstances
    circumstances_fr = models.TextField(_("circumstances (French)"))
    circumstances_en = models.TextField(_("circumstances (English)"), blank=True)
    # 3. date or period of the incident
    occurred_from = models.DateField(_("incident date (or start of period)"))
    occurred_to = models.DateField(_("end of period"), null=True, blank=True)
    # 4. date or period the organisation learned of it
    discovered_on = models.DateField(_("date the incident became known"))
    # 5. number of persons concerned
    persons_affected = models.PositiveIntegerField(_("number of persons concerned"))
    persons_affected_is_estimate = models.BooleanField(
        _("the number is an estimate"), default=False
    )
    # 6. assessment of the risk of serious injury
    risk = models.CharField(_("risk level"), max_length=10, choices=Risk.choices)
    risk_assessment = models.TextField(
        _("risk assessment"),
        help_text=_("Sensitivity of the information, foreseeable consequences and likelihood."),
    )
    # 7. notices sent
    commission_notified_on = models.DateField(
        _("notice to the Commission d'accès à l'information"), null=True, blank=True
    )
    persons_notified_on = models.DateField(
        _("notice to the persons concerned"), null=True, blank=True
    )
    notices_details = models.TextField(_("other notices (who, when, how)"), blank=True)
    # 8. measures taken
    measures_fr = models.TextField(_("measures taken (French)"))
    measures_en = models.TextField(_("measures taken (English)"), blank=True)
    # for the notice to affected persons
    advice_fr = models.TextField(_("what persons can do to reduce the risk (French)"), blank=True)
    advice_en = models.TextField(_("what persons can do to reduce the risk (English)"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-discovered_on", "-id"]
        verbose_name = _("confidentiality incident")
        verbose_name_plural = _("confidentiality incidents")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(occurred_to__isnull=True)
                | models.Q(occurred_to__gte=models.F("occurred_from")),
                name="incident_period_in_order",
                violation_error_message=_("The end of the period comes before its start."),
            ),
            models.CheckConstraint(
                condition=models.Q(discovered_on__gte=models.F("occurred_from")),
                name="incident_known_after_start",
                violation_error_message=_("An incident cannot become known before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.occurred_from:%Y-%m-%d}"

    @property
    def information(self) -> str:
        return localized(self, "information")

    @property
    def circumstances(self) -> str:
        return localized(self, "circumstances")

    @property
    def measures(self) -> str:
        return localized(self, "measures")

    @property
    def advice(self) -> str:
        return localized(self, "advice")

    @property
    def notices_missing(self) -> bool:
        """A risk of serious injury must be notified to the Commission and the persons."""
        return self.risk == self.Risk.SERIOUS and (
            self.commission_notified_on is None or self.persons_notified_on is None
        )
