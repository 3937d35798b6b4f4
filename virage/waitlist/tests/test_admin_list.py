"""The program admin's callback list: filters, search, streamed CSV export, query counts."""

from __future__ import annotations

import csv
import io
from html import unescape

import pytest

from virage.core.models import AuditEvent
from virage.waitlist import services
from virage.waitlist.models import EntryStatus
from virage.waitlist.tests.factories import make_entry

pytestmark = pytest.mark.django_db
URL = "/fr/intake/manage/"


@pytest.fixture
def listed(personas, program):
    a = make_entry(business_name="Fromagerie Alpha", region="06", neq="1170000301")
    b = make_entry(business_name="Librairie Beta", region="16", partner=personas.paul)
    c = make_entry(business_name="Quincaillerie Gamma", region="16", status=EntryStatus.UNCONFIRMED)
    d = make_entry(business_name="=HYPERLINK(1)", region="05", email="delta@example.com")
    wave = services.wave_create(actor=personas.ada, name="Vague A", places=1)
    services.wave_send_invitations(wave=wave, actor=personas.ada)
    return {"a": a, "b": b, "c": c, "d": d, "wave": wave}


def names(client, query=""):
    body = unescape(client.get(URL + query).content.decode())
    order = ["Fromagerie Alpha", "Librairie Beta", "Quincaillerie Gamma", "=HYPERLINK(1)"]
    return [n for n in order if n in body]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Fromagerie Alpha", "Librairie Beta", "Quincaillerie Gamma", "=HYPERLINK(1)"]),
        ("?status=unconfirmed", ["Quincaillerie Gamma"]),
        ("?status=invited", ["Fromagerie Alpha"]),
        ("?region=16", ["Librairie Beta", "Quincaillerie Gamma"]),
        ("?q=beta", ["Librairie Beta"]),
        ("?q=delta%40example", ["=HYPERLINK(1)"]),
        ("?q=1170000301", ["Fromagerie Alpha"]),
        ("?q=1170+000+301", ["Fromagerie Alpha"]),
        ("?region=16&status=waiting", ["Librairie Beta"]),
    ],
)
def test_filters_and_search(client_for, listed, query, expected):
    assert names(client_for("ada"), query) == expected


def test_wave_and_partner_filters(client_for, personas, listed):
    ada = client_for("ada")
    assert names(ada, f"?wave={listed['wave'].pk}") == ["Fromagerie Alpha"]
    assert names(ada, f"?partner={personas.paul.pk}") == ["Librairie Beta"]
    body = unescape(ada.get(URL).content.decode())
    assert "Vague A" in body
    assert "Développement Montérégie" in body


def test_list_query_count_is_the_same_for_1_and_20_entries(
    client_for, personas, program, assert_queries
):
    ada = client_for("ada")
    for n in (1, 20):
        for _i in range(n if n == 1 else n - 1):
            make_entry(partner=personas.paul)
        ada.get(URL)
        # session, user, count, page rows (with region, subsector, partner, latest wave),
        # filter choices: regions, waves, partners; program (context processor)
        with assert_queries(8):
            response = ada.get(URL)
        assert response.status_code == 200
        assert f"{n} inscription" in response.content.decode()


def test_list_shows_25_entries_a_page_in_queue_order(client_for, personas, program):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    first = datetime(2026, 1, 5, 23, 30, tzinfo=ZoneInfo("America/Toronto"))
    for i in range(30):
        make_entry(
            business_name=f"Commerce {i:02d}",
            signed_up_at=first + timedelta(hours=i),
            status=EntryStatus.UNCONFIRMED if i == 0 else EntryStatus.WAITING,
        )
    ada = client_for("ada")
    page = ada.get(URL)
    rows = page.context["rows"]
    assert [row.entry.business_name for row in rows] == [f"Commerce {i:02d}" for i in range(25)]
    # local date (23:30 in Montréal is already the next day in UTC) and status labels
    assert (rows[0].signed_up_on, rows[0].status) == ("05/01/2026", "courriel non confirmé")
    assert (rows[1].signed_up_on, rows[1].status) == ("06/01/2026", "en attente dans la file")
    body = unescape(page.content.decode())
    assert "30 inscriptions" in body
    assert "<td>06/01/2026</td>" in body
    rest = ada.get(URL + "?page=2").context["rows"]
    assert [row.entry.business_name for row in rest] == [f"Commerce {i:02d}" for i in range(25, 30)]


def export(client, query=""):
    response = client.get("/fr/intake/manage/export.csv" + query)
    assert response.streaming is True
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_export_uses_the_import_format_and_the_filters(client_for, listed):
    rows = export(client_for("ada"), "?region=16")
    assert [r["business_name"] for r in rows] == ["Librairie Beta", "Quincaillerie Gamma"]
    beta = rows[0]
    assert {
        k: beta[k]
        for k in (
            "region",
            "subsector",
            "consent_contact",
            "consent_newsletter",
            "status",
            "source",
            "referral_partner",
            "language",
        )
    } == {
        "region": "16",
        "subsector": "458",
        "consent_contact": "yes",
        "consent_newsletter": "no",
        "status": "waiting",
        "source": "web",
        "referral_partner": "Développement Montérégie",
        "language": "fr",
    }
    event = AuditEvent.objects.get(verb="waitlist.exported")
    assert event.after == {"filters": {"region": str(listed["b"].region_id)}, "rows": 2}


def test_export_neutralises_spreadsheet_formulas(client_for, listed):
    rows = export(client_for("ada"), "?region=05")
    assert rows[0]["business_name"] == "'=HYPERLINK(1)"


def test_export_query_count_is_the_same_for_1_and_20_entries(
    client_for, personas, program, assert_queries
):
    ada = client_for("ada")
    for n in (1, 20):
        for _i in range(n if n == 1 else n - 1):
            make_entry(partner=personas.paul)
        ada.get("/fr/intake/manage/export.csv")
        # session, user, count (audit), audit insert, rows with consents and latest wave
        with assert_queries(5):
            rows = export(ada)
        assert len(rows) == n


def test_an_export_imports_back_as_duplicates_only(client_for, personas, listed):
    response = client_for("ada").get("/fr/intake/manage/export.csv")
    content = b"".join(response.streaming_content)
    batch = services.callback_import_check(
        filename="export.csv", content=content, actor=personas.ada
    )
    assert (batch.rows_total, batch.to_create, batch.duplicates, batch.invalid) == (4, 0, 4, 0)
    assert batch.report["notes"] == []


def test_export_leaves_the_address_of_a_withdrawn_entry_empty(client_for, personas, listed):
    services.callback_withdraw(entry=listed["d"], actor=personas.ada, reason="par téléphone")
    rows = export(client_for("ada"), "?region=05")
    assert rows[0]["status"] == "withdrawn"
    assert rows[0]["email"] == ""
    assert "invalid.example" not in "".join(",".join(r.values()) for r in rows)
