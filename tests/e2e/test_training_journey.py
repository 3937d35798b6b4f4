"""Journeys 3 and 5: a merchant books a training session; the trainer takes attendance and
closes the session (the minutes are credited to each business)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

T = {
    "fr": {
        "register": "M'inscrire",
        "registered": "L'inscription de Marie Tremblay est confirmée.",
        "present": "présent",
        "partial": "partiel",
        "minutes": "Minutes de présence",
        "close": "Enregistrer et terminer la séance",
        "closed": "La séance est terminée et les heures de présence sont créditées.",
    },
    "en": {
        "register": "Register",
        "registered": "Marie Tremblay is registered.",
        "present": "present",
        "partial": "partial",
        "minutes": "Minutes attended",
        "close": "Save and close the session",
        "closed": "The session is closed and the attended hours are credited.",
    },
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_merchant_books_a_training_session(page, check, login, personas, businesses, lang):
    from virage.training.models import Registration
    from virage.training.tests.factories import make_module, make_session

    t = T[lang]
    module = make_module(title_fr="Vendre en ligne", title_en="Selling online", duration=90)
    session = make_session(trainer=personas.nadia, module=module, days=10, language=lang)
    personas.marie.language = lang
    personas.marie.save(update_fields=["language"])
    login(personas.marie.email, language=lang)

    page.goto(f"/{lang}/training/")
    check(page, f"j3-training-catalog-{lang}")
    page.get_by_role("link", name=module.title_fr if lang == "fr" else module.title_en).click()
    page.wait_for_url(f"**/{lang}/training/sessions/{session.pk}/")
    check(page, f"j3-training-session-{lang}")
    with page.expect_navigation():
        page.get_by_role("button", name=t["register"], exact=True).click()
    assert t["registered"] in page.get_by_role("status").inner_text()
    check(page, f"j3-training-registered-{lang}")
    registration = Registration.objects.get(session=session, person=personas.marie)
    assert (registration.business_id, registration.status) == (businesses.marie.pk, "registered")
    session.refresh_from_db()
    assert session.seats_taken == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_trainer_marks_attendance_and_closes(page, check, login, personas, businesses, lang):
    from virage.training import services
    from virage.training.models import Registration, TrainingSession
    from virage.training.selectors import training_minutes_used
    from virage.training.tests.factories import make_session

    t = T[lang]
    session = make_session(trainer=personas.nadia, days=3, minutes=90)
    for who in ("marie", "luc"):
        services.registration_create(
            session=session,
            person=getattr(personas, who),
            business=getattr(businesses, who),
            actor=getattr(personas, who),
        )
    # the session took place this morning
    start = timezone.now() - dt.timedelta(hours=3)
    TrainingSession.objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + dt.timedelta(minutes=90)
    )
    login(personas.nadia.email, language=lang)
    page.goto(f"/{lang}/training/trainer/")
    check(page, f"j5-trainer-sessions-{lang}")
    page.goto(f"/{lang}/training/sessions/{session.pk}/roster/")
    check(page, f"j5-roster-{lang}")
    marie = page.get_by_role("row", name=re.compile("Marie Tremblay"))
    marie.get_by_role("radio", name=t["present"], exact=True).check()
    luc = page.get_by_role("row", name=re.compile("Luc Gagnon"))
    luc.get_by_role("radio", name=t["partial"], exact=True).check()
    luc.get_by_role("spinbutton", name=re.compile(t["minutes"])).fill("45")
    with page.expect_navigation():
        page.get_by_role("button", name=t["close"]).click()
    assert t["closed"] in page.get_by_role("status").inner_text()
    check(page, f"j5-roster-closed-{lang}")
    credited = dict(
        Registration.objects.filter(session=session).values_list(
            "person__email", "credited_minutes"
        )
    )
    assert credited == {personas.marie.email: 90, personas.luc.email: 45}
    assert training_minutes_used(business=businesses.luc) == 45
