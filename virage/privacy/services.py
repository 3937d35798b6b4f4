"""Writes on privacy records: consents, requests and their decision (anonymisation), the
personal-data export, the staff access log and the incident register."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from virage.accounts.permissions import is_privacy_officer
from virage.core.services import audit_log, email_queue

from .models import AccessLogEntry, ConfidentialityIncident, ConsentRecord, PrivacyRequest
from .permissions import access_is_logged, can_change_consent, can_manage_privacy
from .registry import anonymisers, exporters, purpose_get

# --- consents ---------------------------------------------------------------------------------


def _person_fields(person) -> dict:
    if isinstance(person, str):
        email = person.strip().lower()
        if not email:
            raise ValidationError({"email": _("An e-mail address is required.")})
        return {"user": None, "email": email}
    return {"user": person, "email": ""}


def consent_give(
    *, person, purpose: str, source: str, actor=None, language: str | None = None
) -> ConsentRecord:
    """Record that `person` (User or e-mail address) consents to `purpose`, for the current
    version of its text. Idempotent: an active consent is returned as is (double submit)."""
    spec = purpose_get(purpose)
    if spec is None:
        raise ValidationError({"purpose": _("Unknown purpose.")})
    if not can_change_consent(actor, person):
        raise PermissionDenied
    fields = _person_fields(person)
    language = (
        language
        or (None if isinstance(person, str) else person.language)
        or translation.get_language()
        or "fr"
    ).split("-")[0]
    existing = ConsentRecord.objects.for_person(person).active().filter(purpose=purpose).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            record = ConsentRecord.objects.create(
                **fields,
                purpose=purpose,
                text_version=spec.version,
                language=language,
                source=source,
            )
            if fields["user"] is not None:
                audit_log(
                    actor=actor,
                    verb="consent.given",
                    obj=record,
                    after={"purpose": purpose, "version": spec.version, "source": source},
                )
    except IntegrityError:  # a simultaneous identical submit won the race
        return ConsentRecord.objects.for_person(person).active().get(purpose=purpose)
    return record


def consent_withdraw(
    *, person, purpose: str, source: str, actor=None, allow_required: bool = False
) -> int:
    """Withdraw `person`'s consent for `purpose` (every active record, including those given
    with their address before they had an account). Returns the number of records closed.
    A required purpose is withdrawn only by leaving the program (deletion, withdrawal)."""
    spec = purpose_get(purpose)
    if spec is None:
        raise ValidationError({"purpose": _("Unknown purpose.")})
    if spec.required and not allow_required:
        raise ValidationError(
            {
                "purpose": _(
                    "This consent is needed to take part in the program: to withdraw it, ask to "
                    "leave the program or to delete your data."
                )
            }
        )
    if not can_change_consent(actor, person):
        raise PermissionDenied
    with transaction.atomic():
        records = list(
            ConsentRecord.objects.for_person(person)
            .active()
            .filter(purpose=purpose)
            .select_for_update()
        )
        now = timezone.now()
        for record in records:
            record.withdrawn_at = now
            record.save(update_fields=["withdrawn_at"])
            if record.user_id is not None:
                audit_log(
                    actor=actor,
                    verb="consent.withdrawn",
                    obj=record,
                    after={"purpose": purpose, "source": source},
                )
    return len(records)


# --- requests (correction, deletion) -----------------------------------------------------------


def privacy_request_create(*, requester, kind: str, details: str, actor) -> PrivacyRequest:
    """A person asks for a correction or a deletion; the privacy officer is told by e-mail.
    One open request per kind: a second submit returns the open one."""
    if actor is None or actor.pk != requester.pk:
        raise PermissionDenied
    if kind not in PrivacyRequest.Kind.values:
        raise ValidationError({"kind": _("Unknown request.")})
    details = details.strip()
    if kind == PrivacyRequest.Kind.CORRECTION and not details:
        raise ValidationError({"details": _("Tell us what is wrong and what it should be.")})
    existing = PrivacyRequest.objects.open().filter(requester=requester, kind=kind).first()
    if existing is not None:
        return existing
    now = timezone.now()
    try:
        with transaction.atomic():
            request = PrivacyRequest.objects.create(
                requester=requester,
                kind=kind,
                details=details,
                created_at=now,
                due_on=PrivacyRequest.due_from(now),
            )
            audit_log(
                actor=actor, verb="privacy_request.created", obj=request, after={"kind": kind}
            )
            _notify_officer(request)
    except IntegrityError:
        return PrivacyRequest.objects.open().get(requester=requester, kind=kind)
    return request


def _notify_officer(request: PrivacyRequest) -> None:
    from virage.programs.selectors import program_current

    program = program_current()
    if program is None or not program.privacy_officer_email:
        return
    email_queue(
        key=f"privacy-request:{request.pk}",
        to=program.privacy_officer_email,
        template="privacy/request_received",
        context={"request_id": request.pk, "kind": request.kind, "due_on": request.due_on},
        language="fr",
    )


def privacy_request_decide(
    *, request: PrivacyRequest, approve: bool, notes: str, actor
) -> PrivacyRequest:
    """The privacy officer completes or refuses a request (a refusal needs a reason). An
    approved deletion anonymises the person's data in every app, in the same transaction."""
    if not can_manage_privacy(actor):
        raise PermissionDenied
    notes = notes.strip()
    if not approve and not notes:
        raise ValidationError({"notes": _("Give the reason for the refusal.")})
    with transaction.atomic():
        locked = PrivacyRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != PrivacyRequest.Status.OPEN:
            raise ValidationError(_("This request was already decided."))
        requester = locked.requester
        language = requester.language
        to = requester.email
        name = requester.get_short_name()
        locked.status = (
            PrivacyRequest.Status.COMPLETED if approve else PrivacyRequest.Status.REFUSED
        )
        locked.decided_at = timezone.now()
        locked.decided_by = actor
        locked.decision_notes = notes
        locked.save(update_fields=["status", "decided_at", "decided_by", "decision_notes"])
        audit_log(
            actor=actor,
            verb="privacy_request.decided",
            obj=locked,
            after={"kind": locked.kind, "status": locked.status},
        )
        # tell the person first: after anonymisation their address is gone
        email_queue(
            key=f"privacy-decision:{locked.pk}",
            to=to,
            template="privacy/request_decided",
            context={
                "name": name,
                "kind": locked.kind,
                "approved": approve,
                "notes": notes,
            },
            language=language,
        )
        if approve and locked.kind == PrivacyRequest.Kind.DELETION:
            person_anonymise(user=requester, actor=actor, reason=f"privacy-request:{locked.pk}")
    request.refresh_from_db()
    return request


def person_anonymise(*, user, actor, reason: str) -> dict[str, dict[str, int]]:
    """Run every registered anonymiser for `user` in one transaction (accounts last).
    Idempotent: an already anonymised person is left as is. Returns rows touched per app."""
    if actor is not None and not is_privacy_officer(actor):
        raise PermissionDenied
    with transaction.atomic():
        from django.contrib.auth import get_user_model

        locked = get_user_model().objects.select_for_update().get(pk=user.pk)
        if locked.anonymised_at is not None:
            return {}
        touched = {key: anonymiser(locked, actor=actor) for key, anonymiser in anonymisers()}
        audit_log(
            actor=actor,
            verb="person.anonymised",
            obj=locked,
            after={"apps": sorted(touched)},
            reason=reason,
        )
    user.refresh_from_db()
    return touched


# --- my data (access and portability) ----------------------------------------------------------


def _plain(value):
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def personal_data(user) -> dict[str, dict[str, list[dict]]]:
    """Everything the registered exporters hold about `user`: {app: {table: [rows]}}."""
    return {
        key: {table: [_plain(row) for row in rows] for table, rows in exporter(user).items()}
        for key, exporter in exporters()
    }


def _csv_text(rows: list[dict]) -> str:
    columns: list[str] = []
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()
            }
        )
    return "\ufeff" + out.getvalue()  # BOM: spreadsheets open UTF-8 correctly


def data_export(*, user, actor) -> tuple[str, bytes]:
    """The person's data as a zip: one JSON file with everything, one CSV file per table and a
    README in their language. Returns (filename, bytes). Audited."""
    if actor is None or actor.pk != user.pk:
        raise PermissionDenied
    data = personal_data(user)
    now = timezone.localtime()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json",
            json.dumps(
                {"exported_at": now.isoformat(), "data": data}, ensure_ascii=False, indent=2
            ),
        )
        for app, tables in data.items():
            for table, rows in tables.items():
                archive.writestr(f"csv/{app}-{table}.csv", _csv_text(rows))
        with translation.override(user.language):
            readme = render_to_string(
                "privacy/export_readme.txt",
                {"user": user, "exported_at": now, "data": data},
            )
        archive.writestr("README.txt", readme)
    audit_log(actor=actor, verb="privacy.data_exported", obj=user, after={"apps": sorted(data)})
    return f"virage-data-{now:%Y-%m-%d}.zip", buffer.getvalue()


# --- access log --------------------------------------------------------------------------------


def access_log(*, user, obj, action: str = "view", business=None) -> AccessLogEntry | None:
    """Log that a staff member viewed (or exported, downloaded, edited) a record holding a
    business's or a person's data. Merchants reading their own records are not logged.
    `business` defaults to `obj` when it is a Business, else `obj.business`."""
    if not access_is_logged(user):
        return None
    if action not in AccessLogEntry.Action.values:
        raise ValueError(f"unknown access action {action}")
    business_id = _business_id(obj, business)
    return AccessLogEntry.objects.create(
        actor=user,
        actor_role=user.role,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        business_id=business_id,
    )


def _business_id(obj, business) -> int | None:
    if business is not None:
        return business.pk
    if obj._meta.label_lower == "enterprises.business":
        return obj.pk
    return getattr(obj, "business_id", None)


# --- incident register -------------------------------------------------------------------------

INCIDENT_FIELDS = [
    "information_fr",
    "information_en",
    "circumstances_fr",
    "circumstances_en",
    "occurred_from",
    "occurred_to",
    "discovered_on",
    "persons_affected",
    "persons_affected_is_estimate",
    "risk",
    "risk_assessment",
    "commission_notified_on",
    "persons_notified_on",
    "notices_details",
    "measures_fr",
    "measures_en",
    "advice_fr",
    "advice_en",
]


def incident_check_dates(values: dict) -> None:
    start, end, known = values["occurred_from"], values.get("occurred_to"), values["discovered_on"]
    errors = {}
    if end is not None and end < start:
        errors["occurred_to"] = _("The end of the period comes before its start.")
    if known < start:
        errors["discovered_on"] = _("An incident cannot become known before it starts.")
    if known > timezone.localdate():
        errors["discovered_on"] = _("This date is in the future.")
    if errors:
        raise ValidationError(errors)


def incident_create(*, actor, **values) -> ConfidentialityIncident:
    if not can_manage_privacy(actor):
        raise PermissionDenied
    unknown = set(values) - set(INCIDENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown incident fields: {sorted(unknown)}")
    incident_check_dates(values)
    with transaction.atomic():
        incident = ConfidentialityIncident.objects.create(created_by=actor, **values)
        audit_log(
            actor=actor, verb="incident.recorded", obj=incident, after={"risk": incident.risk}
        )
    return incident


def incident_update(
    *, incident: ConfidentialityIncident, actor, **values
) -> ConfidentialityIncident:
    if not can_manage_privacy(actor):
        raise PermissionDenied
    unknown = set(values) - set(INCIDENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown incident fields: {sorted(unknown)}")
    incident_check_dates(values)
    with transaction.atomic():
        locked = ConfidentialityIncident.objects.select_for_update().get(pk=incident.pk)
        changed = [name for name, value in values.items() if getattr(locked, name) != value]
        for name in changed:
            setattr(locked, name, values[name])
        if changed:
            locked.save(update_fields=[*changed, "updated_at"])
            audit_log(actor=actor, verb="incident.updated", obj=locked, after={"fields": changed})
    incident.refresh_from_db()
    return incident
