"""Exporters and anonymisers for the platform's own apps (core, programs, enterprises,
privacy), registered by PrivacyConfig.ready(). Other apps register theirs themselves (see
virage/privacy/registry.py and docs/privacy.md)."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from virage.core.models import AuditEvent, OutgoingEmail

from .models import ConsentRecord, PrivacyRequest
from .registry import purpose_get

KEPT_EMAIL_TEMPLATES = ("privacy/request_decided",)  # the deletion confirmation itself


def _business_ids(user) -> list[int]:
    from virage.enterprises.models import BusinessMember

    return list(BusinessMember.objects.filter(user=user).values_list("business_id", flat=True))


# --- core: the audit trail about the person and the e-mails sent to them ---------------------


def export_core(user) -> dict[str, list[dict]]:
    """Audit events about the person, their business, or done by them. Other people are named
    by role only ("advisor", "admin"), never by name."""
    businesses = [str(pk) for pk in _business_ids(user)]
    events = (
        AuditEvent.objects.filter(
            Q(actor=user)
            | Q(object_type="accounts.user", object_id=str(user.pk))
            | Q(object_type="enterprises.business", object_id__in=businesses)
        )
        .select_related("actor")
        .order_by("created_at", "id")
    )
    rows = []
    for event in events:
        if event.actor_id == user.pk:
            by = "you"
        elif event.actor_id is None:
            by = "system"
        else:
            by = event.actor.role
        rows.append(
            {
                "time": event.created_at,
                "action": event.verb,
                "record_type": event.object_type,
                "record_id": event.object_id,
                "by": by,
                "before": event.before,
                "after": event.after,
                "reason": event.reason,
            }
        )
    emails = [
        {
            "subject": e.subject,
            "language": e.language,
            "status": e.status,
            "created_at": e.created_at,
            "sent_at": e.sent_at,
        }
        for e in OutgoingEmail.objects.filter(to__iexact=user.email).order_by("created_at", "id")
    ]
    return {"history": rows, "emails": emails}


def anonymise_core(user, *, actor) -> dict[str, int]:
    """Copies of e-mails sent to the person are deleted (except the deletion confirmation,
    purged by the retention schedule). Audit events hold no personal values: they stay, and
    point to the anonymised account."""
    deleted = (
        OutgoingEmail.objects.filter(to__iexact=user.email)
        .exclude(template__in=KEPT_EMAIL_TEMPLATES)
        .delete()[0]
    )
    return {"emails": deleted}


# --- programs: which program holds the data and whom to ask -------------------------------------


def export_programs(user) -> dict[str, list[dict]]:
    from virage.programs.models import Program

    return {
        "program": [
            {
                "name": p.name,
                "start_date": p.start_date,
                "duration_months": p.duration_months,
                "privacy_officer": p.privacy_officer_title,
                "privacy_officer_email": p.privacy_officer_email,
                "privacy_officer_phone": p.privacy_officer_phone,
            }
            for p in Program.objects.filter(is_current=True)
        ]
    }


# --- enterprises: the business profile, its locations, its people -----------------------------

BUSINESS_FIELDS = [
    "legal_name",
    "operating_name",
    "neq",
    "employees",
    "revenue_band",
    "has_website",
    "has_transactional_site",
    "has_marketplace",
    "status",
    "coaching_minutes_allowed",
    "training_minutes_allowed",
    "created_at",
    "applied_at",
    "enrolled_at",
    "status_changed_at",
]


def _contact_model():
    try:
        return apps.get_model("enterprises", "Contact")
    except LookupError:
        return None


def export_enterprises(user) -> dict[str, list[dict]]:
    from virage.enterprises.models import Business, BusinessMember, Location

    ids = _business_ids(user)
    businesses = Business.objects.filter(pk__in=ids).select_related(
        "subsector", "region", "package", "cohort", "advisor"
    )
    rows = []
    for b in businesses:
        row = {"business_id": b.pk, **{name: getattr(b, name) for name in BUSINESS_FIELDS}}
        row.update(
            subsector=str(b.subsector) if b.subsector_id else None,
            region=str(b.region) if b.region_id else None,
            package=str(b.package) if b.package_id else None,
            cohort=str(b.cohort) if b.cohort_id else None,
            advisor=b.advisor.get_full_name() if b.advisor_id else None,
        )
        rows.append(row)
    locations = [
        {
            "business_id": loc.business_id,
            "name": loc.name,
            "address": loc.address,
            "city": loc.city,
            "postal_code": loc.postal_code,
            "region": str(loc.region),
            "is_primary": loc.is_primary,
        }
        for loc in Location.objects.filter(business_id__in=ids).select_related("region")
    ]
    members = []
    for m in BusinessMember.objects.filter(business_id__in=ids).select_related("user"):
        mine = m.user_id == user.pk
        members.append(
            {
                "business_id": m.business_id,
                "person": "you" if mine else m.user.get_full_name(),
                "role": m.role,
                "since": m.created_at,
            }
        )
    tables = {"businesses": rows, "locations": locations, "members": members}
    contact = _contact_model()
    if contact is not None:
        tables["contacts"] = [
            {
                "business_id": c.business_id,
                "name": c.name,
                "email": c.email,
                "phone": c.phone,
                "role": c.role,
            }
            for c in contact.objects.filter(business_id__in=ids)
        ]
    return tables


def anonymise_enterprises(user, *, actor) -> dict[str, int]:
    """A business's identifying data (names, NEQ, addresses, contacts) is erased once none of
    its members is identifiable any more. Region, subsector, size, status, package, dates and
    allowances stay: every count and total of the dashboards is unchanged."""
    from virage.enterprises.models import Business, BusinessMember, Location

    ids = _business_ids(user)
    still_identified = set(
        BusinessMember.objects.filter(business_id__in=ids, user__anonymised_at__isnull=True)
        .exclude(user=user)
        .values_list("business_id", flat=True)
    )
    erase = [pk for pk in ids if pk not in still_identified]
    touched = {"businesses": 0, "locations": 0, "contacts": 0}
    for business in Business.objects.filter(pk__in=erase):
        business.legal_name = f"Entreprise anonymisée {business.pk}"
        business.operating_name = ""
        business.neq = None
        business.save(update_fields=["legal_name", "operating_name", "neq"])
        touched["businesses"] += 1
    for location in Location.objects.filter(business_id__in=erase):
        location.name = ""
        location.address = ""
        location.city = ""
        location.postal_code = location.postal_code[:3]  # forward sortation area only
        location.save(update_fields=["name", "address", "city", "postal_code"])
        touched["locations"] += 1
    contact = _contact_model()
    if contact is not None:
        touched["contacts"] = contact.objects.filter(business_id__in=erase).delete()[0]
    return touched


# --- privacy: consents and requests ------------------------------------------------------------


def export_privacy(user) -> dict[str, list[dict]]:
    consents = []
    for c in ConsentRecord.objects.for_person(user).order_by("given_at", "id"):
        purpose = purpose_get(c.purpose)
        consents.append(
            {
                "purpose": c.purpose,
                "purpose_label": str(purpose.label) if purpose else c.purpose,
                "text_version": c.text_version,
                "language": c.language,
                "given_at": c.given_at,
                "withdrawn_at": c.withdrawn_at,
                "source": c.source,
            }
        )
    requests = [
        {
            "kind": r.kind,
            "details": r.details,
            "status": r.status,
            "received": r.created_at,
            "due_on": r.due_on,
            "decided_at": r.decided_at,
            "decision": r.decision_notes,
        }
        for r in PrivacyRequest.objects.filter(requester=user).order_by("created_at", "id")
    ]
    return {"consents": consents, "requests": requests}


def anonymise_privacy(user, *, actor) -> dict[str, int]:
    """Every consent is withdrawn (the history stays, tied to the anonymised account, without
    an address); the text of the person's requests is erased."""
    now = timezone.now()
    rows = ConsentRecord.objects.for_person(user)
    withdrawn = rows.active().update(withdrawn_at=now)
    rows.filter(user__isnull=True).update(user=user, email="")
    erased = PrivacyRequest.objects.filter(requester=user).exclude(details="").update(details="")
    return {"consents": withdrawn, "requests": erased}


def register_builtin() -> None:
    from .registry import register_anonymiser, register_exporter

    register_exporter("core", export_core)
    register_exporter("programs", export_programs)
    register_exporter("enterprises", export_enterprises)
    register_exporter("privacy", export_privacy)
    register_anonymiser("core", anonymise_core, order=80)
    register_anonymiser("enterprises", anonymise_enterprises, order=70)
    register_anonymiser("privacy", anonymise_privacy, order=60)
