"""Small helpers shared by the journeys: keyboard navigation, option picking, set-up data."""

from __future__ import annotations

import re

PASSWORD = "Test-password-2026"  # test personas (conftest.py)


def focused_label(page) -> str:
    """The text of the focused control's <label for=…> (or its own text for a button/link)."""
    return page.evaluate(
        """() => { const el = document.activeElement;
                   const t = el.labels && el.labels.length ? el.labels[0].textContent
                             : (el.textContent || '');
                   return t.replace(/\\s+/g, ' ').trim(); }"""
    )


def tab_to(page, label: str, *, limit: int = 60) -> None:
    """Press Tab until the focused control's label starts with `label` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_label(page).startswith(label):
            return
    raise AssertionError(f"never reached {label!r} with Tab (last: {focused_label(page)!r})")


def select_containing(select, text: str) -> None:
    """Choose the <option> whose text contains `text` (labels like « 16 Montérégie »)."""
    value = select.locator("option", has_text=text).first.get_attribute("value")
    select.select_option(value)


def callback_entry_confirmed(
    *, email: str, business_name: str, region_code="16", subsector_code="458", language="fr"
):
    """A confirmed callback-list entry, through the services."""
    from virage.programs.models import Region, Subsector
    from virage.waitlist import services

    result = services.callback_signup(
        data={
            "business_name": business_name,
            "contact_name": "Camille Commerce",
            "email": email,
            "phone": "",
            "postal_code": "J2G 2V5",
            "region": Region.objects.get(code=region_code),
            "subsector": Subsector.objects.get(code=subsector_code),
            "employees": 6,
            "locations_count": 1,
            "neq": "",
            "consent_contact": True,
            "consent_newsletter": False,
            "consent_research": False,
        },
        language=language,
    )
    return services.callback_confirm(token=result.confirmation_token)


def callback_entry_invited(*, email: str, business_name: str, admin, language="fr", **kwargs):
    """A confirmed callback-list entry invited by a fresh wave. Returns the Invitation."""
    from virage.waitlist import services
    from virage.waitlist.models import Invitation

    callback_entry_confirmed(email=email, business_name=business_name, language=language, **kwargs)
    wave = services.wave_create(actor=admin, name=f"Vague {email}", places=5)
    sent = services.wave_send_invitations(wave=wave, actor=admin)
    assert sent == 1
    return Invitation.objects.get(entry__email=email)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
