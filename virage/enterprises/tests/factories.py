"""Test data for intake: invitations (waitlist models), invited businesses, complete
applications and cohorts."""

from __future__ import annotations

import itertools
import secrets
from datetime import date, timedelta

from django.utils import timezone

from virage.enterprises import services
from virage.enterprises.models import Business, Cohort
from virage.programs.models import Region, Subsector

_seq = itertools.count(1)


def make_invitation(
    *,
    email: str | None = None,
    business_name: str = "Boutique Julie",
    region_code: str = "06",
    subsector_code: str | None = "458",
    employees: int | None = 4,
    neq: str | None = None,
    language: str = "fr",
    expired: bool = False,
    wave_name: str = "Vague de test",
):
    """A sent invitation of a confirmed callback entry, as the waitlist app creates it."""
    from virage.waitlist.models import CallbackEntry, IntakeWave, Invitation

    n = next(_seq)
    now = timezone.now()
    entry = CallbackEntry.objects.create(
        business_name=business_name,
        contact_name="Julie Bergeron",
        email=email or f"julie{n}@boutique.example",
        postal_code="H2X 1Y4",
        region=Region.objects.get(code=region_code),
        subsector=Subsector.objects.get(code=subsector_code) if subsector_code else None,
        employees=employees,
        neq=neq,
        language=language,
        status="invited",
        source="web",
        signed_up_at=now - timedelta(days=30),
        confirmed_at=now - timedelta(days=29),
    )
    wave, _created = IntakeWave.objects.get_or_create(name=wave_name, defaults={"places": 500})
    sent = now - timedelta(days=20 if expired else 1)
    return Invitation.objects.create(
        wave=wave,
        entry=entry,
        token=secrets.token_urlsafe(24),
        language=language,
        sent_at=sent,
        expires_at=sent + timedelta(days=14),
        remind_at=sent + timedelta(days=11),
    )


PASSWORD = "Un-mot-de-passe-solide-2026"


def invited_business(*, email: str | None = None, language: str = "fr", **_ignored):
    """An invited business whose merchant has an account (what `application_start` leaves
    behind, without going through a waitlist invitation): (business, user)."""
    from virage.accounts.models import Role, User
    from virage.enterprises.models import Application, BusinessMember

    n = next(_seq)
    user = User.objects.create_user(
        email=email or f"marchand{n}@commerce.example",
        password=PASSWORD,
        first_name="Julie",
        last_name=f"Bergeron {n}",
        role=Role.MERCHANT,
        language=language,
    )
    business = Business.objects.create(legal_name=f"Commerce {n}", status="invited")
    BusinessMember.objects.create(business=business, user=user)
    Application.objects.create(business=business, applicant=user)
    return business, user


def complete_application(
    business: Business,
    user,
    *,
    postal_codes=("H2X 1Y4",),
    employees: int = 4,
    subsector_code: str | None = "458",
    naics_code: str = "",
    neq: str | None = None,
) -> Business:
    """Fill in every step of the application (not submitted)."""
    n = next(_seq)
    services.application_update_business(
        business=business,
        actor=user,
        data={
            "legal_name": f"Boutique Julie {n} inc.",
            "operating_name": f"Boutique Julie {n}",
            "neq": neq if neq is not None else f"22{n:08d}",
            "has_no_neq": False,
            "subsector": Subsector.objects.get(code=subsector_code) if subsector_code else None,
            "naics_code": naics_code,
            "activity": "Vêtements pour femmes",
            "employees": employees,
            "revenue_band": Business.RevenueBand.UNDER_250K,
        },
    )
    montreal = Region.objects.get(code="06")
    for i, postal in enumerate(postal_codes):
        services.location_add(
            business=business,
            actor=user,
            address=f"{100 + i}, rue Saint-Denis",
            city="Montréal",
            postal_code=postal,
            region=montreal,
        )
    services.application_update_online(
        business=business,
        actor=user,
        has_website=True,
        website_url="https://boutique.example",
        has_transactional_site=False,
        has_marketplace=False,
        marketplaces="",
    )
    business.refresh_from_db()
    return business


def submitted_business(**kwargs) -> tuple[Business, object]:
    """An invited business with a complete, submitted application: (business, user)."""
    complete = {
        k: kwargs.pop(k) for k in ("postal_codes", "employees", "naics_code", "neq") if k in kwargs
    }
    if "subsector_code" in kwargs:
        complete["subsector_code"] = kwargs["subsector_code"]
    business, user = invited_business(**kwargs)
    complete_application(business, user, **complete)
    services.application_submit(business=business, actor=user)
    business.refresh_from_db()
    return business, user


def eligible_business(admin, **kwargs) -> Business:
    business, _user = submitted_business(**kwargs)
    services.application_decide(business=business, actor=admin, outcome="eligible")
    business.refresh_from_db()
    return business


def cohort(name: str = "Cohorte printemps 2026") -> Cohort:
    return Cohort.objects.get_or_create(name=name, defaults={"starts_on": date(2026, 4, 1)})[0]
