"""Test data for the callback list."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone

from virage.programs.models import Region, Subsector
from virage.waitlist import services
from virage.waitlist.models import (
    CallbackConsent,
    CallbackEntry,
    ConsentPurpose,
    EntryStatus,
    Source,
)

_counter = itertools.count(1)


def make_entry(
    *,
    email: str | None = None,
    business_name: str | None = None,
    region: str = "16",
    subsector: str | None = "458",
    status: str = EntryStatus.WAITING,
    signed_up_at=None,
    neq: str | None = None,
    language: str = "fr",
    partner=None,
    employees: int = 6,
) -> CallbackEntry:
    n = next(_counter)
    now = timezone.now()
    signed_up_at = signed_up_at or now - timedelta(days=100) + timedelta(minutes=n)
    confirmed = status != EntryStatus.UNCONFIRMED
    entry = CallbackEntry.objects.create(
        business_name=business_name or f"Commerce {n}",
        contact_name=f"Personne {n}",
        email=email or f"commerce{n}@example.com",
        postal_code="J2G 2V5",
        region=Region.objects.get(code=region),
        subsector=Subsector.objects.get(code=subsector) if subsector else None,
        employees=employees,
        neq=neq,
        language=language,
        status=status,
        source=Source.WEB,
        signed_up_at=signed_up_at,
        confirmed_at=signed_up_at if confirmed else None,
        confirmation_expires_at=None if confirmed else now + services.CONFIRMATION_LIFETIME,
        referral_partner=partner,
        eligibility_outcome="eligible",
    )
    CallbackConsent.objects.create(
        entry=entry,
        purpose=ConsentPurpose.CONTACT,
        text_version=services.CONSENT_TEXT_VERSION,
        language=language,
        source=Source.WEB,
        given_at=signed_up_at,
    )
    return entry


def make_unconfirmed(**kwargs) -> tuple[CallbackEntry, str]:
    """An entry waiting for confirmation, with its (raw) confirmation token."""
    import secrets

    entry = make_entry(status=EntryStatus.UNCONFIRMED, **kwargs)
    token = secrets.token_urlsafe(32)
    entry.confirmation_token_hash = services._hash(token)
    entry.save(update_fields=["confirmation_token_hash"])
    return entry, token


SIGNUP = {
    "business_name": "Boutique Hélène",
    "contact_name": "Hélène Roy",
    "email": "helene@example.com",
    "phone": "",
    "postal_code": "j2g 2v5",
    "region": "16",
    "subsector": "458",
    "employees": "6",
    "locations_count": "1",
    "neq": "",
    "consent_contact": "on",
}


def signup_data(**changes) -> dict:
    data = {**SIGNUP, **changes}
    return {k: v for k, v in data.items() if v is not None}


CSV_HEADER = (
    "business_name,contact_name,email,phone,postal_code,region,subsector,employees,locations,"
    "neq,signed_up_at,consent_contact,consent_newsletter,consent_research,language"
)


def csv_file(rows: list[str], header: str = CSV_HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def csv_row(n: int, *, email=None, neq="", date="2021-05-01", region="16", **over) -> str:
    values = {
        "business_name": f"Magasin {n}",
        "contact_name": f"Contact {n}",
        "email": email or f"magasin{n}@example.com",
        "phone": "",
        "postal_code": "H2X 1Y4",
        "region": region,
        "subsector": "458",
        "employees": "5",
        "locations": "1",
        "neq": neq,
        "signed_up_at": date,
        "consent_contact": "oui",
        "consent_newsletter": "non",
        "consent_research": "",
        "language": "fr",
    }
    values.update(over)
    return ",".join(values[c] for c in CSV_HEADER.split(","))
