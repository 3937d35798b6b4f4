"""Journey 1: a visitor checks eligibility, joins the callback list with the keyboard only,
confirms with the e-mailed link and reads the status page. Plus: errors are announced."""

from __future__ import annotations

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db(transaction=True)

T = {
    "fr": {
        "check": "Vérifier mon admissibilité",
        "signup_link": "M'inscrire à la liste de rappel",
        "subsector": "Activité principale (sous-secteur SCIAN)",
        "employees": "Nombre d'employés (obligatoire)",
        "postal": "Code postal du commerce (obligatoire)",
        "region": "Région administrative (obligatoire)",
        "eligible": "Bonne nouvelle",
        "business": "Nom du commerce (obligatoire)",
        "name": "Votre nom (obligatoire)",
        "email": "Adresse courriel (obligatoire)",
        "consent": "J'accepte que l'équipe du programme me joigne",
        "join": "M'inscrire",
        "sent": "Consultez vos courriels",
        "confirm": "Confirmer mon inscription",
        "status": "Votre place sur la liste de rappel",
        "summary": "Veuillez corriger ce qui suit :",
    },
    "en": {
        "check": "Check my eligibility",
        "signup_link": "Join the callback list",
        "subsector": "Main activity (NAICS subsector)",
        "employees": "Number of employees (required)",
        "postal": "Postal code of the business (required)",
        "region": "Administrative region (required)",
        "eligible": "Good news",
        "business": "Business name (required)",
        "name": "Your name (required)",
        "email": "E-mail address (required)",
        "consent": "I agree that the program team contacts me",
        "join": "Join the list",
        "sent": "Check your e-mail",
        "confirm": "Confirm my entry",
        "status": "Your place on the callback list",
        "summary": "Please correct the following:",
    },
}


def focused_label(page) -> str:
    """The accessible label text of the focused element (its <label for=…>)."""
    return page.evaluate(
        """() => { const el = document.activeElement;
                   return el.labels && el.labels.length ? el.labels[0].textContent.trim()
                          : (el.textContent || '').trim(); }"""
    )


def tab_to(page, label: str, *, limit: int = 40) -> None:
    """Press Tab until the focused control's label starts with `label` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if re.sub(r"\s+", " ", focused_label(page)).startswith(label):
            return
    raise AssertionError(f"never reached {label!r} with Tab (last: {focused_label(page)!r})")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_visitor_checks_eligibility_signs_up_with_keyboard_and_confirms(page, check, lang):
    t = T[lang]
    page.goto(f"/{lang}/")
    check(page, f"j1-landing-{lang}")
    page.get_by_role("link", name=t["check"]).first.click()
    page.wait_for_url(f"**/{lang}/intake/eligibility/")
    check(page, f"j1-eligibility-{lang}")

    page.get_by_label(t["subsector"]).select_option("458")
    page.get_by_label(t["employees"]).fill("6")
    page.get_by_label(t["postal"]).fill("J2G 2V5")
    page.get_by_label(t["region"]).select_option(label="Montérégie")
    page.get_by_role("button", name=t["check"]).click()
    result = page.get_by_role("status")
    assert t["eligible"] in result.get_by_role("heading", level=2).inner_text()
    check(page, f"j1-eligibility-result-{lang}")

    result.get_by_role("link", name=t["signup_link"]).click()
    page.wait_for_url(f"**/{lang}/intake/signup/?*")
    # what was typed in the check is carried over
    assert page.get_by_label(t["employees"]).input_value() == "6"
    assert page.get_by_label(t["postal"]).input_value() == "J2G 2V5"
    check(page, f"j1-signup-{lang}")

    # keyboard only from here: Tab to each field, type, Space for the box, Enter to submit
    email = f"boutique-{lang}@example.com"
    tab_to(page, t["business"])
    page.keyboard.type("Boutique Clavier")
    tab_to(page, t["name"])
    page.keyboard.type("Camille Clavier")
    tab_to(page, t["email"])
    page.keyboard.type(email)
    tab_to(page, t["consent"])
    page.keyboard.press("Space")
    assert page.get_by_role("checkbox", name=re.compile(t["consent"])).is_checked()
    tab_to(page, t["join"])
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{lang}/intake/signup/sent/")
    assert page.get_by_role("heading", level=1).inner_text() == t["sent"]
    check(page, f"j1-signup-sent-{lang}")

    sent = [m for m in mail.outbox if email in m.to]
    assert len(sent) == 1
    body = sent[0].body
    link = re.search(rf"https?://[^\s]+(/{lang}/intake/confirm/[^\s/]+/)", body)
    assert link, body
    page.goto(link.group(1))
    check(page, f"j1-confirm-{lang}")
    page.get_by_role("button", name=t["confirm"]).click()
    page.wait_for_url(f"**/{lang}/intake/status/**")
    assert page.get_by_role("heading", level=1).inner_text() == t["status"]
    assert "Boutique Clavier" in page.locator("main").inner_text()
    check(page, f"j1-status-{lang}")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_invalid_signup_is_announced_and_kept(page, check, lang):
    t = T[lang]
    page.goto(f"/{lang}/intake/signup/")
    page.get_by_label(t["business"]).fill("Boutique Erreur")
    page.get_by_label(t["email"]).fill("not-an-email")
    with page.expect_navigation():
        page.get_by_role("button", name=t["join"]).click()
    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading", level=2).inner_text() == t["summary"]
    assert summary.get_attribute("id") == "error-summary"
    # each error in the summary links to its field, and following it moves the focus there
    email_field = page.get_by_label(t["email"])
    assert email_field.get_attribute("aria-invalid") == "true"
    assert email_field.input_value() == "not-an-email"
    assert page.get_by_label(t["business"]).input_value() == "Boutique Erreur"
    summary.get_by_role("link", name=re.compile(re.escape(t["email"].split(" (")[0]))).click()
    assert page.evaluate("document.activeElement.id") == email_field.get_attribute("id")
    assert mail.outbox == []
    check(page, f"j1-signup-errors-{lang}")
