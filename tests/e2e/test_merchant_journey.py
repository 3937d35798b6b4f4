"""Journey 2: an invited merchant applies, the program admin accepts and enrols the business,
the merchant answers the T0 diagnostic (one page with the keyboard only) and reads the results,
the advisor publishes the plan and the merchant accepts it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from .conftest import KnownViolations
from .helpers import PASSWORD, callback_entry_invited, select_containing, words

pytestmark = pytest.mark.django_db(transaction=True)

T = {
    "fr": {
        "first": "Prénom (obligatoire)",
        "last": "Nom (obligatoire)",
        "pw1": "Mot de passe (obligatoire)",
        "pw2": "Mot de passe (confirmation) (obligatoire)",
        "create": "Créer mon compte",
        "steps": "Étapes de la demande",
        "step_business": "L'entreprise",
        "no_neq": "Mon entreprise n'a pas de NEQ",
        "revenue": "Chiffre d'affaires annuel",
        "save_next": "Enregistrer et continuer",
        "address": "Adresse (obligatoire)",
        "city": "Ville (obligatoire)",
        "postal": "Code postal (obligatoire)",
        "region": "Région administrative (obligatoire)",
        "add_location": "Ajouter cet établissement",
        "continue": "Continuer",
        "website": "Nous avons un site Web",
        "website_url": "Adresse du site Web",
        "review": "Vérifier et soumettre",
        "submit_app": "Soumettre ma demande",
        "submitted": "Votre demande a été soumise.",
        "accepted": "Acceptée",
        "reason": "Motif",
        "record": "Enregistrer la décision",
        "cohort": "Cohorte (obligatoire)",
        "enrol": "Inscrire l'entreprise",
        "enrolled": "L'entreprise est inscrite.",
        "start": "Commencer le diagnostic",
        "save_review": "Enregistrer et vérifier",
        "submit_diag": "Soumettre et voir les résultats",
        "results": "Résultats du diagnostic",
        "publish": "Publier le plan pour le commerçant",
        "accept": "Accepter le plan",
        "plan_accepted": "Vous avez accepté le plan.",
    },
    "en": {
        "first": "First name (required)",
        "last": "Last name (required)",
        "pw1": "Password (required)",
        "pw2": "Password (again) (required)",
        "create": "Create my account",
        "steps": "Steps of the application",
        "step_business": "The business",
        "no_neq": "My business has no NEQ",
        "revenue": "Annual revenue",
        "save_next": "Save and continue",
        "address": "Address (required)",
        "city": "City (required)",
        "postal": "Postal code (required)",
        "region": "Administrative region (required)",
        "add_location": "Add this location",
        "continue": "Continue",
        "website": "We have a web site",
        "website_url": "Web site address",
        "review": "Review and submit",
        "submit_app": "Submit my application",
        "submitted": "Your application was submitted.",
        "accepted": "accepted",
        "reason": "Reason",
        "record": "Record the decision",
        "cohort": "Cohort (required)",
        "enrol": "Enrol the business",
        "enrolled": "The business is enrolled.",
        "start": "Start the diagnostic",
        "save_review": "Save and review",
        "submit_diag": "Submit and see the results",
        "results": "Results of the diagnostic",
        "publish": "Publish the plan to the merchant",
        "accept": "Accept the plan",
        "plan_accepted": "You accepted the plan.",
    },
}

# No axe violation is known on these pages today (KnownViolations would record them).
KNOWN: dict[str, set[str]] = {}


def answer_page_with_mouse(page) -> None:
    """Answer every question of a diagnostic page: first box of each checklist, second
    choice of each row (levels, yes/no…)."""
    form = page.locator("form.diag-form")
    for question in form.locator("fieldset.diag-question").all():
        boxes = question.locator("ul.diag-options input[type=checkbox]")
        if boxes.count():
            boxes.first.check()
        for row in question.locator("fieldset.diag-row").all():
            inputs = row.locator("input")
            inputs.nth(min(1, inputs.count() - 1)).check()


def answer_page_with_keyboard(page, save_label: str) -> int:
    """Tab through the page; Space on the first control of each unanswered group (a checklist
    or a row of choices); Enter on the save button. Returns the number of groups answered."""
    answered: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const el = document.activeElement;
                       return {tag: el.tagName, type: el.type || '', name: el.name || '',
                               text: (el.textContent || '').trim(),
                               inForm: !!el.closest('form.diag-form')}; }"""
        )
        if not info["inForm"]:
            continue
        if info["type"] in ("checkbox", "radio") and info["name"] not in answered:
            page.keyboard.press("Space")
            answered.add(info["name"])
        elif info["tag"] == "BUTTON" and info["text"].startswith(save_label):
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return len(answered)
    raise AssertionError("the save button was never reached with Tab")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_invited_merchant_to_accepted_plan(page, check, open_as, personas, lang):
    from virage.enterprises.models import Business, Cohort

    t = T[lang]
    known = KnownViolations(KNOWN)
    Cohort.objects.create(name="Cohorte printemps 2027", starts_on=dt.date(2027, 3, 1))
    email = f"camille-{lang}@example.com"
    invitation = callback_entry_invited(
        email=email, business_name=f"Mode Camille {lang}", admin=personas.ada, language=lang
    )

    # --- the merchant opens the invitation and creates the account
    page.goto(f"/{lang}/business/apply/{invitation.token}/")
    check(page, f"j2-apply-{lang}")
    page.get_by_label(t["first"]).fill("Camille")
    page.get_by_label(t["last"], exact=True).fill("Commerce")
    page.get_by_label(t["pw1"]).fill(PASSWORD)
    page.get_by_label(t["pw2"]).fill(PASSWORD)
    page.get_by_role("button", name=t["create"]).click()
    page.wait_for_url(f"**/{lang}/business/application/")
    check(page, f"j2-application-{lang}")

    # --- the application, step by step
    page.get_by_role("navigation", name=t["steps"]).get_by_role(
        "link", name=t["step_business"], exact=True
    ).click()
    page.get_by_role("checkbox", name=re.compile(t["no_neq"])).check()
    page.get_by_label(t["revenue"]).select_option(index=2)
    check(page, f"j2-application-business-{lang}")
    page.get_by_role("button", name=t["save_next"]).click()
    page.wait_for_url(f"**/{lang}/business/locations/")
    page.get_by_label(t["address"]).fill("12 rue Principale")
    page.get_by_label(t["city"]).fill("Granby")
    page.get_by_label(t["postal"]).fill("J2G 2V5")
    select_containing(page.get_by_label(t["region"]), "Montérégie")
    page.get_by_role("button", name=t["add_location"]).click()
    assert page.get_by_role("cell", name="12 rue Principale").first.is_visible()
    check(page, f"j2-application-locations-{lang}")
    page.get_by_role("link", name=t["continue"], exact=True).click()
    page.get_by_role("checkbox", name=t["website"]).check()
    page.get_by_label(t["website_url"]).fill("https://mode-camille.example")
    check(page, f"j2-application-online-{lang}")
    page.get_by_role("button", name=t["save_next"]).click()
    page.wait_for_url(f"**/{lang}/business/contacts/")
    check(page, f"j2-application-contacts-{lang}")
    page.get_by_role("navigation", name=t["steps"]).get_by_role("link", name=t["review"]).click()
    page.get_by_role("button", name=t["submit_app"]).click()
    page.wait_for_url(f"**/{lang}/business/status/")
    assert t["submitted"] in page.get_by_role("status").inner_text()
    check(page, f"j2-application-submitted-{lang}")
    business = Business.objects.get(members__user__email=email)
    assert business.status == "applied"

    # --- the program admin accepts and enrols
    admin = open_as(personas.ada.email, lang)
    admin.goto(f"/{lang}/business/applications/")
    check(admin, f"j2-admin-applications-{lang}")
    admin.get_by_role("link", name=business.legal_name).first.click()
    check(admin, f"j2-admin-application-{lang}")
    admin.get_by_role("radio", name=t["accepted"]).check()
    admin.get_by_label(t["reason"], exact=True).first.fill("NEQ vérifié au registre.")
    with admin.expect_navigation():
        admin.get_by_role("button", name=t["record"]).click()
    known.check(admin, f"j2-admin-accepted-{lang}")
    # Every form control needs a unique id so that its <label for> names it. axe does not see
    # this one (each label finds *an* element), so it is asserted here.
    duplicated = admin.evaluate(
        """() => { const seen = {}; const dup = new Set();
                   document.querySelectorAll('main input, main textarea, main select')
                     .forEach(e => { if (e.id && seen[e.id]) dup.add(e.id); seen[e.id] = 1; });
                   return [...dup]; }"""
    )
    bug = None
    if duplicated:
        bug = (
            f"enterprises:admin_application (accepted business): form controls share the ids "
            f"{duplicated}: the decision form's and the enrolment form's `reason` textareas are "
            f"both id=id_reason, so the enrolment reason has no accessible name of its own"
        )
    select_containing(admin.get_by_label(t["cohort"]), "printemps 2027")
    with admin.expect_navigation():
        admin.get_by_role("button", name=t["enrol"]).click()
    assert t["enrolled"] in admin.get_by_role("status").inner_text()
    business.refresh_from_db()
    assert business.status == "enrolled"

    # --- the merchant answers the T0 diagnostic
    page.goto(f"/{lang}/diagnostic/")
    check(page, f"j2-diagnostic-overview-{lang}")
    page.get_by_role("button", name=t["start"]).click()
    page.wait_for_url(re.compile(r"/diagnostic/\d+/page/"))
    check(page, f"j2-diagnostic-page1-{lang}")
    expected = page.evaluate(
        """() => new Set([...document.querySelectorAll('form.diag-form input[type=checkbox],'
                          + ' form.diag-form input[type=radio]')].map(e => e.name)).size"""
    )
    assert answer_page_with_keyboard(page, t["save_next"]) == expected
    pages = 1
    while "/page/" in page.url:
        pages += 1
        if lang == "fr" or pages == 13:  # same template: English checked once, to save time
            check(page, f"j2-diagnostic-page{pages}-{lang}")
        answer_page_with_mouse(page)
        last = page.get_by_role("button", name=t["save_review"])
        with page.expect_navigation():
            (last if last.count() else page.get_by_role("button", name=t["save_next"])).click()
    assert pages == 13
    check(page, f"j2-diagnostic-review-{lang}")
    page.get_by_role("button", name=t["submit_diag"]).click()
    page.wait_for_url(re.compile(r"/diagnostic/\d+/results/"))
    assert words(page.get_by_role("heading", level=1).inner_text()).startswith(t["results"])
    check(page, f"j2-diagnostic-results-{lang}")
    business.refresh_from_db()
    assert business.status == "diagnosed"

    # --- the advisor publishes the plan drafted from the diagnostic
    Business.objects.filter(pk=business.pk).update(advisor=personas.antoine)
    from virage.plans.models import Plan

    plan = Plan.objects.get(business=business)
    advisor = open_as(personas.antoine.email, lang)
    advisor.goto(f"/{lang}/plan/all/")
    check(advisor, f"j2-advisor-plans-{lang}")
    advisor.goto(f"/{lang}/plan/{plan.pk}/")
    check(advisor, f"j2-advisor-plan-draft-{lang}")
    with advisor.expect_navigation():
        advisor.get_by_role("button", name=t["publish"]).click()
    plan.refresh_from_db()
    assert plan.status == "published"

    # --- the merchant accepts it
    page.goto(f"/{lang}/plan/")
    check(page, f"j2-merchant-plan-{lang}")
    with page.expect_navigation():
        page.get_by_role("button", name=t["accept"]).click()
    assert t["plan_accepted"] in page.get_by_role("status").inner_text()
    check(page, f"j2-merchant-plan-accepted-{lang}")
    plan.refresh_from_db()
    assert plan.status == "accepted"
    known.finish()
    if bug:
        pytest.xfail(bug)
