"""The callback list's part of a person's data export and erasure (Law 25), plugged into
`virage.privacy.registry` in apps.py.

The person's callback entry is the one signed up with their account's e-mail address
(matched case-insensitively; the list holds at most one per address). The export holds that
entry (business, contact name, e-mail, phone, postal code, region, size, status, dates,
eligibility), its consent rows and its invitations (wave, status, dates; never the token,
which is a secret link).

Anonymisation keeps the entry and every consent and invitation row (region, kind and size
of business, status, source and dates: the list's counts are unchanged); it replaces the
contact name, business name and e-mail address, erases the phone, NEQ and confirmation token,
cuts the postal code to its forward sortation area and withdraws the entry's consents."""

from __future__ import annotations

from django.utils import timezone

from .models import CallbackConsent, CallbackEntry, Invitation

ANONYMISED_CONTACT = "Personne anonymisée"


def _entries(user):
    if not user.email:
        return CallbackEntry.objects.none()
    return CallbackEntry.objects.filter(email__iexact=user.email)


def export_person(user) -> dict[str, list[dict]]:
    entries = list(_entries(user).select_related("region", "subsector").order_by("id"))
    if not entries:
        return {}
    ids = [e.pk for e in entries]
    rows = [
        {
            "entry_id": e.pk,
            "business_name": e.business_name,
            "contact_name": e.contact_name,
            "email": e.email,
            "phone": e.phone,
            "postal_code": e.postal_code,
            "region": str(e.region),
            "subsector": str(e.subsector) if e.subsector_id else None,
            "employees": e.employees,
            "locations_count": e.locations_count,
            "neq": e.neq,
            "language": e.language,
            "status": e.status,
            "source": e.source,
            "referred_by_a_partner": e.referral_partner_id is not None,
            "signed_up_at": e.signed_up_at,
            "confirmed_at": e.confirmed_at,
            "eligibility_outcome": e.eligibility_outcome,
            "eligibility_reasons": e.eligibility_reasons,
        }
        for e in entries
    ]
    consents = [
        {
            "entry_id": c.entry_id,
            "purpose": c.purpose,
            "text_version": c.text_version,
            "language": c.language,
            "source": c.source,
            "given_at": c.given_at,
            "withdrawn_at": c.withdrawn_at,
        }
        for c in CallbackConsent.objects.filter(entry_id__in=ids).order_by("given_at", "id")
    ]
    invitations = [
        {
            "entry_id": i.entry_id,
            "wave": i.wave.name,
            "status": i.status,
            "language": i.language,
            "sent_at": i.sent_at,
            "expires_at": i.expires_at,
            "reminded_at": i.reminded_at,
            "accepted_at": i.accepted_at,
            "ended_at": i.ended_at,
            "business_id": i.business_id,
        }
        for i in Invitation.objects.filter(entry_id__in=ids)
        .select_related("wave")
        .order_by("sent_at", "id")
    ]
    return {
        "callback_entry": rows,
        "callback_consents": consents,
        "callback_invitations": invitations,
    }


def anonymise_person(user, *, actor) -> dict[str, int]:
    """Returns rows touched per table; no row is deleted."""
    touched = {"entries": 0, "consents": 0}
    for entry in _entries(user).select_for_update():
        entry.contact_name = ANONYMISED_CONTACT
        entry.business_name = f"Entreprise anonymisée {entry.pk}"
        entry.email = f"anonymised-entry-{entry.pk}@anonymised.invalid"
        entry.phone = ""
        entry.neq = None
        entry.postal_code = entry.postal_code[:3]
        entry.confirmation_token_hash = ""
        entry.save(
            update_fields=[
                "contact_name",
                "business_name",
                "email",
                "phone",
                "neq",
                "postal_code",
                "confirmation_token_hash",
                "updated_at",
            ]
        )
        touched["entries"] += 1
        touched["consents"] += CallbackConsent.objects.filter(
            entry=entry, withdrawn_at__isnull=True
        ).update(withdrawn_at=timezone.now())
    return touched
