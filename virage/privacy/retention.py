"""The retention schedule: data category → model(s) → how long → disposal.

`SCHEDULE` below is the program's schedule (mirrored in docs/privacy.md); apps may add rules
for their own models with `registry.register_retention_rule`. `retention_run()` applies every
rule that has an automatic disposal; it is idempotent (what was purged is gone, what was
anonymised is not matched again) and runs daily (task `retention_purge_daily`, command
`manage.py retention_purge [--dry-run]`).

A test (test_retention.py) fails when an installed model holds personal data (a text field
named like email, phone, first_name, last_name, contact_name, address, neq, notes, or a
`PERSONAL_DATA = True` marker) and no rule names it.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.apps import apps
from django.core.exceptions import FieldError
from django.db import models, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .registry import registered_retention_rules

logger = logging.getLogger("virage.privacy")

PURGE = "purge"
ANONYMISE = "anonymise"
WITH_PERSON = "with_person"  # disposed of by the person's anonymisation (deletion, program end)
NOT_PERSONAL = "not_personal"  # flagged by the field-name scan, but holds no personal data

DISPOSALS = {
    PURGE: _("deleted for good"),
    ANONYMISE: _("anonymised, statistics kept"),
    WITH_PERSON: _("anonymised with the person or the business"),
    NOT_PERSONAL: _("not personal information: kept"),
}

PERSONAL_FIELD_NAMES = (
    "email",
    "phone",
    "first_name",
    "last_name",
    "contact_name",
    "address",
    "neq",
    "notes",
)


@dataclass(frozen=True)
class RetentionRule:
    """One line of the schedule. `dispose(now, dry_run) -> int` applies it (rows deleted or
    anonymised, or that would be); rules without `dispose` are carried out by the person's
    anonymisation (WITH_PERSON) or keep nothing personal (NOT_PERSONAL)."""

    key: str
    category: str
    models: tuple[str, ...]
    retention: str
    disposal: str
    basis: str = ""
    dispose: Callable[[datetime, bool], int] | None = None


@dataclass
class RetentionResult:
    rule: RetentionRule
    count: int
    status: str  # "done", "dry-run", "manual", "unavailable"
    detail: str = ""


# --- helpers -----------------------------------------------------------------------------------


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def program_end(program=None) -> date | None:
    """Last day of the current program (start date + duration), or None without a program."""
    if program is None:
        from virage.programs.selectors import program_current

        program = program_current()
    if program is None:
        return None
    return add_months(program.start_date, program.duration_months)


def _after_program(now: datetime, months: int) -> bool:
    end = program_end()
    return end is not None and timezone.localdate(now) > add_months(end, months)


def _purge(label: str, build: Callable[[models.QuerySet, datetime], models.QuerySet]):
    def dispose(now: datetime, dry_run: bool) -> int:
        model = _model(label)
        qs = build(model.objects.all(), now)
        if dry_run:
            return qs.count()
        return qs.delete()[1].get(model._meta.label, 0)

    return dispose


# --- disposals of the platform's own data ------------------------------------------------------


def _sessions(qs, now):
    return qs.filter(expire_date__lt=now)


def _emails(qs, now):
    return qs.filter(created_at__lt=now - timedelta(days=365))


def _deletion_confirmations(qs, now):
    return qs.filter(template="privacy/request_decided", created_at__lt=now - timedelta(days=30))


def _audit(qs, now):
    return qs.filter(created_at__lt=now - timedelta(days=7 * 365))


def _access_log(qs, now):
    return qs.filter(at__lt=now - timedelta(days=2 * 365))


def _withdrawn_consents(qs, now):
    return qs.filter(withdrawn_at__lt=now - timedelta(days=3 * 365))


def _closed_requests(qs, now):
    return qs.exclude(status="open").filter(decided_at__lt=now - timedelta(days=2 * 365))


def _incidents(qs, now):
    return qs.filter(discovered_on__lt=add_months(timezone.localdate(now), -60))


def _unconfirmed_signups(qs, now):
    return qs.filter(status="unconfirmed", signed_up_at__lt=now - timedelta(days=30))


ERASED_DOMAIN = "@erased.invalid"


def _callback_never_invited(now: datetime, dry_run: bool) -> int:
    """Entries still waiting 90 days after the program: contact details erased; region,
    subsector, size and dates stay for the demand statistics."""
    model = _model("waitlist.CallbackEntry")
    if not _after_program(now, 3):
        return 0
    qs = model.objects.filter(status="waiting").exclude(email__endswith=ERASED_DOMAIN)
    if dry_run:
        return qs.count()
    return qs.update(
        business_name="",
        contact_name="",
        phone="",
        neq=None,
        email=Concat(Value("erased-"), Cast("pk", CharField()), Value(ERASED_DOMAIN)),
    )


def _people_after_program(now: datetime, dry_run: bool) -> int:
    """Two years after the program, every remaining merchant account (and so their business)
    is anonymised through the registry, like an approved deletion."""
    from django.contrib.auth import get_user_model

    from .services import person_anonymise

    if not _after_program(now, 24):
        return 0
    people = get_user_model().objects.filter(role="merchant", anonymised_at__isnull=True)
    if dry_run:
        return people.count()
    count = 0
    for user in people.iterator():
        person_anonymise(user=user, actor=None, reason="retention:program-end")
        count += 1
    return count


def _former_staff(now: datetime, dry_run: bool) -> int:
    """Deactivated staff accounts not used for a year are anonymised."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from .services import person_anonymise

    cutoff = now - timedelta(days=365)
    people = (
        get_user_model()
        .objects.filter(
            Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff),
            is_active=False,
            anonymised_at__isnull=True,
        )
        .exclude(role="merchant")
    )
    if dry_run:
        return people.count()
    count = 0
    for user in people.iterator():
        person_anonymise(user=user, actor=None, reason="retention:former-staff")
        count += 1
    return count


SCHEDULE: list[RetentionRule] = [
    RetentionRule(
        key="accounts.merchants",
        category=_("Merchant accounts (name, e-mail, phone, language)"),
        models=("accounts.User", "otp_totp.TOTPDevice", "otp_static.StaticDevice"),
        retention=_("Until 2 years after the end of the program (reports to funders)"),
        disposal=ANONYMISE,
        basis=_("Needed to run the program and to answer funders' audits."),
        dispose=_people_after_program,
    ),
    RetentionRule(
        key="accounts.former_staff",
        category=_("Accounts of former staff"),
        models=("accounts.User",),
        retention=_("1 year after the account was deactivated and last used"),
        disposal=ANONYMISE,
        basis=_("Accountability for what they did while employed."),
        dispose=_former_staff,
    ),
    RetentionRule(
        key="sessions",
        category=_("Sign-in sessions"),
        models=("sessions.Session",),
        retention=_("Until the session expires (12 hours at most)"),
        disposal=PURGE,
        basis=_("Security: a session is a key to the account."),
        dispose=_purge("sessions.Session", _sessions),
    ),
    RetentionRule(
        key="core.emails",
        category=_("Copies of e-mails sent (recipient, subject, text)"),
        models=("core.OutgoingEmail",),
        retention=_("1 year after sending"),
        disposal=PURGE,
        basis=_("Proof of the notices sent; troubleshooting."),
        dispose=_purge("core.OutgoingEmail", _emails),
    ),
    RetentionRule(
        key="core.deletion_confirmations",
        category=_("Copies of deletion confirmations"),
        models=("core.OutgoingEmail",),
        retention=_("30 days after sending"),
        disposal=PURGE,
        basis=_("The person asked for deletion: keep the proof only briefly."),
        dispose=_purge("core.OutgoingEmail", _deletion_confirmations),
    ),
    RetentionRule(
        key="core.audit",
        category=_("Audit trail (who did what, no personal values)"),
        models=("core.AuditEvent",),
        retention=_("7 years"),
        disposal=PURGE,
        basis=_("Accountability to funders (public money)."),
        dispose=_purge("core.AuditEvent", _audit),
    ),
    RetentionRule(
        key="admin.log",
        category=_("Django admin change history (names of the records changed)"),
        models=("admin.LogEntry",),
        retention=_("2 years"),
        disposal=PURGE,
        basis=_("Troubleshooting changes made in the administration."),
        dispose=_purge(
            "admin.LogEntry",
            lambda qs, now: qs.filter(action_time__lt=now - timedelta(days=2 * 365)),
        ),
    ),
    RetentionRule(
        key="programs.officer",
        category=_("Privacy officer's work contact details"),
        models=("programs.Program",),
        retention=_("Published while the program runs"),
        disposal=NOT_PERSONAL,
        basis=_("Law 25 requires publishing the officer's title and contact details."),
    ),
    RetentionRule(
        key="enterprises.businesses",
        category=_("Business profiles, locations, members and contacts"),
        models=(
            "enterprises.Business",
            "enterprises.Location",
            "enterprises.BusinessMember",
            "enterprises.Contact",
            "enterprises.Application",
            "enterprises.Decision",
            "enterprises.ReviewRequest",
        ),
        retention=_("Until 2 years after the end of the program"),
        disposal=WITH_PERSON,
        basis=_("Identifying data erased with the last member; statistics are kept."),
    ),
    RetentionRule(
        key="waitlist.unconfirmed",
        category=_("Callback-list sign-ups never confirmed"),
        models=("waitlist.CallbackEntry", "waitlist.CallbackConsent"),
        retention=_("30 days after sign-up"),
        disposal=PURGE,
        basis=_("The address was never confirmed: nothing to keep."),
        dispose=_purge("waitlist.CallbackEntry", _unconfirmed_signups),
    ),
    RetentionRule(
        key="waitlist.never_invited",
        category=_("Callback-list entries never invited"),
        models=("waitlist.CallbackEntry", "waitlist.Invitation"),
        retention=_("90 days after the end of the program"),
        disposal=ANONYMISE,
        basis=_("Contact details erased; region, subsector and dates kept for statistics."),
        dispose=_callback_never_invited,
    ),
    RetentionRule(
        key="diagnostics",
        category=_("Diagnostics (answers and scores)"),
        models=("diagnostics.Assessment", "diagnostics.ScoreRecord"),
        retention=_("Until 2 years after the end of the program"),
        disposal=WITH_PERSON,
        basis=_("Scores stay for the T0/T1 statistics; nothing identifies the person."),
    ),
    RetentionRule(
        key="coaching",
        category=_("Coaching meetings, advisors' notes and assignments"),
        models=(
            "coaching.Meeting",
            "coaching.AdvisorProfile",
            "coaching.AdvisorAssignment",
            "coaching.AllowanceExtension",
        ),
        retention=_("Until 2 years after the end of the program"),
        disposal=WITH_PERSON,
        basis=_("Minutes stay for the hours delivered; notes are erased."),
    ),
    RetentionRule(
        key="training",
        category=_("Training registrations and attendance"),
        models=("training.Registration", "training.Attendance"),
        retention=_("Until 2 years after the end of the program"),
        disposal=WITH_PERSON,
        basis=_("Attendance stays for the hours delivered."),
    ),
    RetentionRule(
        key="training.venues",
        category=_("Training venues (public addresses)"),
        models=("training.TrainingSession",),
        retention=_("While the program runs"),
        disposal=NOT_PERSONAL,
        basis=_("The address of a public venue is not personal information."),
    ),
    RetentionRule(
        key="capsules.learners",
        category=_("Capsule learners and their progress"),
        models=("capsules.Learner",),
        retention=_("Until 2 years after the end of the program"),
        disposal=WITH_PERSON,
        basis=_("Reach is counted by business; the address is erased."),
    ),
    RetentionRule(
        key="privacy.consents",
        category=_("Withdrawn consents (proof of consent)"),
        models=("privacy.ConsentRecord",),
        retention=_("3 years after withdrawal"),
        disposal=PURGE,
        basis=_("Proof that a person consented, should it be disputed."),
        dispose=_purge("privacy.ConsentRecord", _withdrawn_consents),
    ),
    RetentionRule(
        key="privacy.requests",
        category=_("Correction and deletion requests"),
        models=("privacy.PrivacyRequest",),
        retention=_("2 years after the decision"),
        disposal=PURGE,
        basis=_("Proof that the request was answered."),
        dispose=_purge("privacy.PrivacyRequest", _closed_requests),
    ),
    RetentionRule(
        key="privacy.access_log",
        category=_("Staff access log"),
        models=("privacy.AccessLogEntry",),
        retention=_("2 years"),
        disposal=PURGE,
        basis=_("Detect and investigate improper access."),
        dispose=_purge("privacy.AccessLogEntry", _access_log),
    ),
    RetentionRule(
        key="privacy.incidents",
        category=_("Confidentiality-incident register"),
        models=("privacy.ConfidentialityIncident",),
        retention=_("5 years after the date the incident became known"),
        disposal=PURGE,
        basis=_("Required by the regulation on confidentiality incidents."),
        dispose=_purge("privacy.ConfidentialityIncident", _incidents),
    ),
]


def retention_schedule() -> list[RetentionRule]:
    """The program's schedule plus the rules other apps registered."""
    keys = {rule.key for rule in SCHEDULE}
    extra = [rule for rule in registered_retention_rules() if rule.key not in keys]
    return [*SCHEDULE, *extra]


def covered_models() -> set[str]:
    return {label.lower() for rule in retention_schedule() for label in rule.models}


def personal_data_models() -> list[str]:
    """Installed models that look like they hold personal data (field names or marker)."""
    found = []
    for model in apps.get_models():
        if getattr(model, "PERSONAL_DATA", None) is False:
            continue
        text_fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        named = any(
            name == pattern or name.endswith(f"_{pattern}")
            for name in text_fields
            for pattern in PERSONAL_FIELD_NAMES
        )
        if named or getattr(model, "PERSONAL_DATA", False):
            found.append(model._meta.label)
    return sorted(found)


def retention_run(*, now: datetime | None = None, dry_run: bool = False) -> list[RetentionResult]:
    """Apply every rule with an automatic disposal. Each rule runs in its own transaction, so
    one failing rule (an app mid-migration) does not stop the others."""
    now = now or timezone.now()
    results = []
    for rule in retention_schedule():
        if rule.dispose is None:
            results.append(RetentionResult(rule, 0, "manual"))
            continue
        if any(_model(label) is None for label in rule.models[:1]):
            results.append(RetentionResult(rule, 0, "unavailable", "model not installed"))
            continue
        try:
            with transaction.atomic():
                count = rule.dispose(now, dry_run)
        except FieldError as exc:  # the app changed its model: report, do not crash
            logger.warning("retention rule %s unavailable: %s", rule.key, exc)
            results.append(RetentionResult(rule, 0, "unavailable", str(exc)))
            continue
        results.append(RetentionResult(rule, count, "dry-run" if dry_run else "done"))
        if count and not dry_run:
            logger.info("retention %s: %s row(s) %s", rule.key, count, rule.disposal)
    return results


def retention_purge_scheduled() -> dict[str, int]:
    """Entry point for the periodic scheduler (registered daily in PrivacyConfig.ready()):
    rows disposed of per rule."""
    return {r.rule.key: r.count for r in retention_run() if r.status == "done"}
