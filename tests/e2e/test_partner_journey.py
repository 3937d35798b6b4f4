"""Journey 7: a regional partner reads the dashboard of its own region only."""

from __future__ import annotations

import re

import pytest

from .helpers import callback_entry_confirmed

pytestmark = pytest.mark.django_db(transaction=True)

T = {
    "fr": {
        "title": "Tableau de bord : {region}",
        "funnel": "De la liste de rappel à la fin du parcours",
        "confirmed": "Liste de rappel (inscriptions confirmées)",
    },
    "en": {
        "title": "Dashboard: {region}",
        "funnel": "From the callback list to completion",
        "confirmed": "On the callback list (confirmed sign-ups)",
    },
}


def confirmed_count(page, t) -> str:
    funnel = page.get_by_role("table", name=t["funnel"])
    row = funnel.get_by_role("row", name=re.compile(re.escape(t["confirmed"])))
    return row.get_by_role("cell").first.inner_text()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_partner_sees_only_its_region(page, check, login, open_as, personas, lang):
    t = T[lang]
    # 5 confirmed sign-ups in the Montérégie (Paul), 6 in the Estrie (Rita): both at or above
    # the small-number threshold, so the exact counts show
    for n in range(5):
        callback_entry_confirmed(email=f"mont{n}@example.com", business_name=f"Mont {n}")
    for n in range(6):
        callback_entry_confirmed(
            email=f"estrie{n}@example.com", business_name=f"Estrie {n}", region_code="05"
        )

    login(personas.paul.email, language=lang)
    page.goto(f"/{lang}/reports/region/")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == t["title"].format(region="Montérégie")
    assert confirmed_count(page, t) == "5"
    check(page, f"j7-partner-paul-{lang}")
    # asking for another region changes nothing: the partner's region is imposed
    page.goto(f"/{lang}/reports/region/?region=05")
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert confirmed_count(page, t) == "5"
    # the program dashboard is not for partners
    response = page.goto(f"/{lang}/reports/")
    assert response.status == 403

    rita = open_as(personas.rita.email, lang)
    rita.goto(f"/{lang}/reports/region/")
    assert rita.get_by_role("heading", level=1).inner_text() == t["title"].format(region="Estrie")
    assert confirmed_count(rita, t) == "6"
    check(rita, f"j7-partner-rita-{lang}")
