"""The shell in a real browser: landing, language switch, sign-in per role, keyboard skip link."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_landing_in_french_then_english(page, check):
    page.goto("/fr/")
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    assert page.get_by_role("heading", level=2, name="Ce que votre commerce obtient").is_visible()
    check(page, "landing-fr")
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/")
    assert page.get_by_role("heading", level=2, name="What your business gets").is_visible()
    check(page, "landing-en")


def test_skip_link_is_the_first_tab_stop(page):
    page.goto("/fr/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu principal"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.mark.parametrize("persona", ["marie", "antoine", "nadia", "paul", "fatou", "ada"])
def test_each_role_signs_in_and_lands_on_its_home(page, personas, login, check, persona):
    user = getattr(personas, persona)
    login(user.email)
    assert page.url.endswith("/fr/account/home/")
    assert page.get_by_role("heading", level=1).inner_text() == f"Bonjour {user.first_name}"
    check(page, f"home-{persona}-fr")


def test_wrong_password_is_announced(page, personas, login, check):
    login(personas.marie.email, password="wrong-password")
    alert = page.get_by_role("alert")
    assert "L'adresse courriel ou le mot de passe est incorrect." in alert.inner_text()
    assert page.get_by_label("Adresse courriel").input_value() == personas.marie.email
    check(page, "login-error-fr")


def test_english_sign_in(page, personas, login):
    login(personas.luc.email, language="en")
    assert page.url.endswith("/fr/account/home/")  # Luc prefers French: his language wins
