"""Journey 6: the program admin reads the callback-list dashboard, opens an intake wave with
a regional quota and sends its invitations."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from .helpers import callback_entry_confirmed

pytestmark = pytest.mark.django_db(transaction=True)

T = {
    "fr": {
        "panel": "Liste de rappel",
        "waiting": "En attente dans la file",
        "invited": "Invitées",
        "waves": "Vagues d'invitations",
        "open_a_wave": "Ouvrir une vague",
        "name": "Nom (obligatoire)",
        "places": "Places (obligatoire)",
        "open": "Ouvrir la vague",
        "opened": "La vague est ouverte.",
        "send": "Envoyer 2 invitations",
        "sending": "Les invitations partent",
    },
    "en": {
        "panel": "Callback list",
        "waiting": "Waiting in the queue",
        "invited": "Invited",
        "waves": "Intake waves",
        "open_a_wave": "Open a wave",
        "name": "Name (required)",
        "places": "Places (required)",
        "open": "Open the wave",
        "opened": "The wave is open.",
        "send": "Send 2 invitations",
        "sending": "Invitations are being sent",
    },
}


def panel_count(page, t, row: str) -> str:
    panel = page.get_by_role("region", name=t["panel"])
    return panel.get_by_role("row", name=re.compile(row)).get_by_role("cell").inner_text()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_admin_opens_a_wave_and_reads_the_dashboard(page, check, login, personas, lang):
    from virage.waitlist.models import Invitation

    t = T[lang]
    for n, region in ((1, "16"), (2, "16"), (3, "05")):
        callback_entry_confirmed(
            email=f"file{n}@example.com", business_name=f"Commerce {n}", region_code=region
        )
    mail.outbox.clear()
    login(personas.ada.email, language=lang)
    page.goto(f"/{lang}/account/home/")
    assert panel_count(page, t, t["waiting"]) == "3"
    assert panel_count(page, t, t["invited"]) == "0"
    check(page, f"j6-admin-home-{lang}")

    page.get_by_role("region", name=t["panel"]).get_by_role("link", name=t["waves"]).click()
    check(page, f"j6-waves-{lang}")
    page.get_by_role("link", name=t["open_a_wave"]).click()
    check(page, f"j6-wave-form-{lang}")
    page.get_by_label(t["name"]).fill(f"Vague d'hiver {lang}")
    page.get_by_label(t["places"], exact=True).fill("2")
    page.get_by_label("Montérégie", exact=True).fill("1")
    page.get_by_role("button", name=t["open"]).click()
    page.wait_for_url(re.compile(rf"/{lang}/intake/manage/waves/\d+/$"))
    assert t["opened"] in page.get_by_role("status").inner_text()
    check(page, f"j6-wave-detail-{lang}")

    with page.expect_navigation():
        page.get_by_role("button", name=t["send"]).click()
    assert t["sending"] in page.get_by_role("status").inner_text()
    check(page, f"j6-wave-sent-{lang}")
    # first come, first served, at most one place for the Montérégie
    invited = sorted(Invitation.objects.values_list("entry__email", flat=True))
    assert invited == ["file1@example.com", "file3@example.com"]
    assert sorted(m.to[0] for m in mail.outbox) == invited

    page.goto(f"/{lang}/account/home/")
    assert panel_count(page, t, t["waiting"]) == "1"
    assert panel_count(page, t, t["invited"]) == "2"

    # the program dashboard (reporting) opens for the admin and passes the accessibility checks
    response = page.goto(f"/{lang}/reports/")
    assert response.status == 200
    check(page, f"j6-program-dashboard-{lang}")
