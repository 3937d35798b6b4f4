"""Reads of privacy records. Mailings and exports MUST call `consent_has` (one person) or
`consent_emails` (many) before using personal information for an optional purpose."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import AccessLogEntry, ConsentRecord, PolicyVersion, PrivacyRequest
from .registry import purpose_get, purposes


def consent_has(person, purpose: str) -> bool:
    """True when `person` (a User, or an e-mail address for someone without an account) has
    an active consent for `purpose`. No consent recorded → False (privacy by default).
    One query."""
    if person is None or (not isinstance(person, str) and not person.pk):
        return False
    return ConsentRecord.objects.for_person(person).active().filter(purpose=purpose).exists()


def consent_emails(purpose: str, *, emails=None) -> set[str]:
    """Lower-case addresses that may be used for `purpose`: active users with an active
    consent (their current address) and addresses that consented without an account. Pass
    `emails` to filter a mailing list. Two queries, whatever the number of people."""
    active = ConsentRecord.objects.active().filter(purpose=purpose)
    users = get_user_model().objects.filter(
        is_active=True, anonymised_at__isnull=True, consents__in=active.filter(user__isnull=False)
    )
    wanted = {e.strip().lower() for e in emails} if emails is not None else None
    result = {e.lower() for e in users.values_list("email", flat=True)}
    result |= set(active.filter(user__isnull=True).values_list("email", flat=True))
    if wanted is not None:
        result &= wanted
    return result


def consent_current(person, *, role: str | None = None) -> list[dict]:
    """For the "my consents" page: each purpose for the person's role with its active record
    (or None). One query."""
    role = role or (None if isinstance(person, str) else person.role)
    records = {}
    for record in ConsentRecord.objects.for_person(person).active():
        records.setdefault(record.purpose, record)
    return [{"purpose": p, "record": records.get(p.key)} for p in purposes(role=role)]


def consent_history(person):
    return ConsentRecord.objects.for_person(person).order_by("-given_at", "-id")


def policy_current(kind: str) -> PolicyVersion | None:
    return PolicyVersion.objects.published().filter(kind=kind).order_by("-published_at").first()


def policy_history(kind: str):
    return PolicyVersion.objects.published().filter(kind=kind).order_by("-published_at", "-id")


def privacy_request_list(*, user, status: str | None = None):
    qs = PrivacyRequest.objects.visible_to(user).select_related("requester", "decided_by")
    if status:
        qs = qs.filter(status=status)
    return qs


def access_log_list(
    *,
    user,
    actor_id: int | None = None,
    object_type: str = "",
    business_id: int | None = None,
    action: str = "",
    date_from=None,
    date_to=None,
):
    """The access log for the privacy officer, newest first, filtered."""
    qs = AccessLogEntry.objects.visible_to(user).select_related("actor")
    filters = Q()
    if actor_id:
        filters &= Q(actor_id=actor_id)
    if object_type:
        filters &= Q(object_type=object_type)
    if business_id:
        filters &= Q(business_id=business_id)
    if action:
        filters &= Q(action=action)
    if date_from:
        filters &= Q(at__date__gte=date_from)
    if date_to:
        filters &= Q(at__date__lte=date_to)
    return qs.filter(filters).order_by("-at", "-id")


def purpose_label(key: str) -> str:
    purpose = purpose_get(key)
    return str(purpose.label) if purpose else key
