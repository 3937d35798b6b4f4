"""Journey 4: the advisor plans a meeting, logs it once held, and sees the hours used."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

T = {
    "fr": {
        "date": "Date (obligatoire)",
        "start": "Heure de début (obligatoire)",
        "planned": "Durée prévue (minutes) (obligatoire)",
        "agenda": "Ordre du jour (obligatoire)",
        "plan": "Planifier et envoyer l'invitation",
        "planned_ok": "Rencontre planifiée",
        "actual": "Durée réelle (minutes)",
        "topics": "Sujets abordés",
        "log": "Consigner la rencontre",
        "logged": "Rencontre consignée.",
        "allowance": "Enveloppe d'accompagnement",
        "used": "Utilisées",
        "hours": "1,5 h",
    },
    "en": {
        "date": "Date (required)",
        "start": "Start time (required)",
        "planned": "Planned duration (minutes) (required)",
        "agenda": "Agenda (required)",
        "plan": "Plan and send the invitation",
        "planned_ok": "Meeting planned",
        "actual": "Actual duration (minutes)",
        "topics": "Topics covered",
        "log": "Log the meeting",
        "logged": "Meeting logged.",
        "allowance": "Coaching allowance",
        "used": "Used",
        "hours": "1.5 h",
    },
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_advisor_plans_logs_a_meeting_and_sees_hours(
    page, check, login, personas, businesses, lang
):
    from virage.coaching.models import Meeting
    from virage.coaching.selectors import coaching_minutes_used

    t = T[lang]
    business = businesses.marie
    login(personas.antoine.email, language=lang)
    page.goto(f"/{lang}/coaching/caseload/")
    check(page, f"j4-caseload-{lang}")
    page.goto(f"/{lang}/coaching/business/{business.pk}/")
    check(page, f"j4-business-{lang}")
    page.goto(f"/{lang}/coaching/business/{business.pk}/meetings/new/")
    check(page, f"j4-meeting-plan-{lang}")
    day = timezone.localdate() + dt.timedelta(days=7)
    page.get_by_label(t["date"]).fill(day.isoformat())
    page.get_by_label(t["start"]).fill("10:00")
    page.get_by_label(t["planned"]).fill("90")
    page.get_by_label(t["agenda"]).fill("Choisir une plateforme de vente en ligne")
    with page.expect_navigation():
        page.get_by_role("button", name=t["plan"]).click()
    assert t["planned_ok"] in page.get_by_role("status").inner_text()
    meeting = Meeting.objects.get(business=business)
    assert [m.to for m in mail.outbox] == [[personas.marie.email]]

    # the meeting took place yesterday
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - dt.timedelta(days=1))
    page.goto(f"/{lang}/coaching/meetings/{meeting.pk}/log/")
    check(page, f"j4-meeting-log-{lang}")
    page.get_by_label(re.compile(re.escape(t["actual"]))).fill("90")
    page.get_by_label(re.compile(re.escape(t["topics"]))).fill("Comparaison de trois plateformes.")
    with page.expect_navigation():
        page.get_by_role("button", name=t["log"]).click()
    assert t["logged"] in page.get_by_role("status").inner_text()
    check(page, f"j4-meeting-logged-{lang}")
    assert coaching_minutes_used(business=business) == 90

    page.goto(f"/{lang}/coaching/business/{business.pk}/")
    allowance = page.get_by_role("table", name=t["allowance"])
    assert (
        allowance.get_by_role("row", name=re.compile(t["used"])).get_by_role("cell").inner_text()
        == t["hours"]
    )
    check(page, f"j4-business-hours-{lang}")
