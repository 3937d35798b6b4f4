"""Dashboards, exports and the funder report: what each role gets, and that partners and
funders never get personal data (pages and every export)."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from virage.core.models import AuditEvent
from virage.reporting import tables as T
from virage.reporting.filters import Filters
from virage.reporting.suppression import HIDDEN as H

from . import dataset as D

pytestmark = pytest.mark.django_db


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def csv_rows(response) -> list[list[str]]:
    text = body(response)
    assert text.startswith("\ufeff")  # byte order mark: spreadsheets read the accents right
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def montérégie(businesses, personas):
    """Marie's business (Montérégie) and 6 more there, one in Estrie besides Luc's: enough
    for some cells to be shown to the Montérégie partner and others to be hidden."""
    for i in range(6):
        b = D.business(name=f"Épicerie Secrète {i}", enrolled_on=date(2026, 10, 5 + i))
        D.meeting(b, personas.antoine, minutes=60, on=date(2026, 10, 20))
    D.business(name="Fromagerie Cachée", region_code="05", status="applied")
    return businesses


PERSONAL = [
    "Boutique Marie",
    "Quincaillerie Luc",
    "Épicerie Secrète",
    "Fromagerie Cachée",
    "Tremblay",  # Marie's last name
    "Gagnon",  # Luc's
    "marie@demo.virage.example",
    "luc@demo.virage.example",
    "1170000001",  # Marie's NEQ
    "Antoine",  # the advisor
    "Granby",  # Marie's address
]


def assert_no_personal_data(text: str):
    found = [s for s in PERSONAL if s in text]
    assert found == []


# --- program admin --------------------------------------------------------------------------


def test_program_dashboard_in_french(client_for, montérégie):
    response = client_for("ada").get(reverse("reporting:program"))
    assert response.status_code == 200
    html = body(response)
    assert "<h1>Tableau de bord du programme</h1>" in html
    report = response.context["report"]
    assert report["suppressed"] is False
    # 8 enrolled businesses: Marie's, Luc's and the 6 in Montérégie
    assert report["enrolment"]["enrolled"] == 8
    # exact figures, small ones included: Estrie has Luc's business only
    by_code = {r["code"]: r["enrolled"] for r in report["regions"]["rows"]}
    assert (by_code["16"], by_code["05"]) == (7, 1)
    # the same numbers as a table, next to the chart
    assert "<caption>Entreprises par région</caption>" in html
    assert "Chiffres exacts (équipe du programme seulement)" in html


def test_program_dashboard_in_english(client_for, montérégie):
    response = client_for("ada").get("/en/reports/")
    html = body(response)
    assert "<h1>Program dashboard</h1>" in html
    assert "<caption>Businesses by region</caption>" in html


def test_bad_filters_keep_what_was_typed_and_show_the_whole_program(client_for, montérégie):
    client = client_for("ada")
    response = client.get(
        reverse("reporting:program"), {"start": "2026-12-01", "end": "2026-11-01"}
    )
    html = body(response)
    assert response.status_code == 200
    assert "La fin de la période doit être le même jour que son début ou après." in html
    assert 'value="2026-12-01"' in html and 'value="2026-11-01"' in html
    assert response.context["filters"] == Filters()
    assert "Les filtres n'ont pas pu être appliqués" in html
    # an export asked with the same filters is refused rather than unfiltered
    export = client.get(
        reverse("reporting:program_export", kwargs={"table": "funnel", "fmt": "csv"}),
        {"start": "2026-12-01", "end": "2026-11-01"},
    )
    assert export.status_code == 400


def test_program_table_export_csv_and_xlsx(client_for, montérégie):
    from openpyxl import load_workbook

    client = client_for("ada")
    url = reverse("reporting:program_export", kwargs={"table": "enrolment_regions", "fmt": "csv"})
    rows = csv_rows(client.get(url))
    assert rows[0] == [
        "Code",
        "Région",
        "Inscrites dans la période",
        "Dans le programme aujourd'hui",
        "Parcours terminé",
    ]
    assert len(rows) == 1 + 17 + 1  # header, the 17 regions, the total
    assert rows[16] == ["16", "Montérégie", "7", "7", "0"]
    assert rows[-1] == ["", "Toutes les régions", "8", "8", "0"]
    response = client.get(
        reverse("reporting:program_export", kwargs={"table": "enrolment_regions", "fmt": "xlsx"})
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet = book.active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[16] == ["16", "Montérégie", 7, 7, 0]  # numbers stay numbers
    assert sheet.title == "Entreprises par région"


def test_unknown_table_or_format_is_404(client_for):
    client = client_for("ada")
    assert (
        client.get(
            reverse("reporting:program_export", kwargs={"table": "nope", "fmt": "csv"})
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("reporting:program_export", kwargs={"table": "funnel", "fmt": "pdf"})
        ).status_code
        == 404
    )


# --- export of every business ---------------------------------------------------------------


def test_businesses_export_has_no_contact_details_by_default(client_for, montérégie, personas):
    from virage.reporting import business_export as bx

    D.assessment(montérégie.marie, time_point="T0", overall=30.5, r2_1="yes")
    D.plan(montérégie.marie, implemented=[date(2026, 11, 1)], other=["proposed", "dropped"])
    D.meeting(montérégie.marie, personas.antoine, minutes=90, on=date(2026, 10, 2))
    response = client_for("ada").get(reverse("reporting:businesses_export", kwargs={"fmt": "csv"}))
    rows = csv_rows(response)
    assert rows[0] == bx.header(contact=False)
    assert len(rows[0]) == 22
    assert len(rows) == 1 + 9  # Marie, Luc, 6 in Montérégie, 1 in Estrie
    assert_no_personal_data(body(response))
    marie = next(r for r in rows[1:] if r[0] == str(montérégie.marie.pk))
    # status, region, package, hours (90 min = 1.5 h; allowance 600 min = 10 h),
    # T0 30.5, actions: 1 implemented of 2 not dropped; transactional: no at intake, yes now
    assert marie[1:6] == ["inscrite", "enrolled", "16", "standard", ""]
    assert marie[10:15] == ["1.5", "10.0", "0.0", "10.0", "30.5"]
    assert marie[18:] == ["1", "2", "non", "oui"]
    event = AuditEvent.objects.get(verb="reporting.businesses_exported")
    assert event.actor == personas.ada
    assert event.after["contact"] is False


def test_businesses_export_contact_variant(client_for, montérégie, personas):
    from openpyxl import load_workbook

    from virage.reporting import business_export as bx

    response = client_for("ada").get(
        reverse("reporting:businesses_export", kwargs={"fmt": "xlsx"}) + "?contact=1&region=05"
    )
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = [list(r) for r in book.active.iter_rows(values_only=True)]
    assert rows[0] == bx.header(contact=True)
    # Estrie: Luc's business and the Fromagerie
    luc = next(r for r in rows[1:] if r[0] == montérégie.luc.pk)
    assert luc[-7:] == [
        "Quincaillerie Luc ltée",
        "Quincaillerie Luc",
        "1170000002",
        "Luc",
        "Gagnon",
        "luc@demo.virage.example",
        None,  # no phone
    ]
    assert len(rows) == 3
    event = AuditEvent.objects.get(verb="reporting.businesses_exported")
    assert event.after == {
        "contact": True,
        "format": "xlsx",
        "filters": {"start": None, "end": None, "region": "05", "cohort": None, "package": None},
    }


# --- regional partner -----------------------------------------------------------------------


def test_partner_sees_own_region_whatever_is_asked(client_for, montérégie):
    response = client_for("paul").get(reverse("reporting:partner"), {"region": "05"})
    assert response.status_code == 200
    html = body(response)
    assert response.context["region"].code == "16"
    assert response.context["report"]["filters"]["region"] == "16"
    assert "Tableau de bord : Montérégie" in html
    assert "Estrie" not in html
    assert response.context["report"]["regions"] is None  # no other region's figures
    assert_no_personal_data(html)


def test_partner_figures_are_suppressed(client_for, montérégie):
    report = client_for("paul").get(reverse("reporting:partner")).context["report"]
    # Montérégie: Marie's business and the 6 others are enrolled → 7, shown
    assert report["enrolment"]["enrolled"] == 7
    # 6 businesses got 60 minutes each = 6 h, over 6 businesses → shown
    assert report["hours"]["coaching"]["delivered_hours"] == 6.0
    # nobody completed: hidden, like every stage under 5
    stages = {s["key"]: s["businesses"] for s in report["funnel"]["stages"]}
    assert stages["completed"] == H
    assert stages["enrolled"] == 7
    rita = client_for("rita").get(reverse("reporting:partner")).context["report"]
    # Estrie: Luc's business and the Fromagerie (created, not enrolled) → hidden
    assert rita["enrolment"]["enrolled"] == H


PARTNER_TABLES = {
    "funnel": ["stage", "businesses", "rate"],
    "funnel_exits": ["status", "businesses"],
    "enrolment_months": ["month", "new", "cumulative"],
    "hours": [
        "service",
        "delivered",
        "businesses",
        "per_business",
        "allowance",
        "used",
        "default",
    ],
    "attendance": ["attended", "absent", "businesses", "rate"],
    "maturity": ["dimension", "t0", "t1", "change"],
    "transactional": ["when", "businesses", "percent"],
    "actions": ["businesses", "implemented", "per_business", "with_one", "with_one_percent"],
    "actions_distribution": ["implemented", "businesses"],
    "capsules": ["in_period", "reached"],
    "referrals": ["what", "businesses"],
}


def _check_export_cells(rows):
    """Data cells: numbers, "< 5", empty, or labels (steps, months, dimensions…)."""
    text = "\n".join(",".join(r) for r in rows)
    assert "@" not in text
    assert_no_personal_data(text)


def test_partner_exports_exact_columns_and_no_personal_data(client_for, montérégie):
    client = client_for("paul")
    tables = client.get(reverse("reporting:partner")).context["tables"]
    assert {k: [c.key for c in t.columns] for k, t in tables.items()} == PARTNER_TABLES
    for key, table in tables.items():
        for fmt in ("csv", "xlsx"):
            url = reverse("reporting:partner_export", kwargs={"table": key, "fmt": fmt})
            response = client.get(url, {"region": "05"})
            assert response.status_code == 200, url
        rows = csv_rows(
            client.get(reverse("reporting:partner_export", kwargs={"table": key, "fmt": "csv"}))
        )
        assert rows[0] == [c.label for c in table.columns]
        _check_export_cells(rows)
    # the breakdown by region is not the partner's
    assert (
        client.get(
            reverse("reporting:partner_export", kwargs={"table": "enrolment_regions", "fmt": "csv"})
        ).status_code
        == 404
    )


def test_admin_previews_a_partner_dashboard(client_for, montérégie):
    response = client_for("ada").get(reverse("reporting:partner"), {"region": "05"})
    assert response.context["region"].code == "05"
    assert "Aperçu : voici ce que voit le partenaire de la région." in body(response)
    assert response.context["report"]["suppressed"] is True


# --- funders --------------------------------------------------------------------------------


@pytest.fixture
def money(personas):
    from virage.funding.models import BudgetLine, Contribution, Expense, Funder

    otn = Funder.objects.create(key="otn", name_fr="Offensive de transformation numérique")
    otn.users.add(personas.fatou)
    other = Funder.objects.create(key="cerii", name_fr="Croissance économique régionale")
    Contribution.objects.create(
        funder=otn,
        amount_cents=920_000_000,
        starts_on=date(2026, 9, 1),
        ends_on=date(2029, 8, 31),
    )
    Contribution.objects.create(
        funder=other,
        amount_cents=930_000_000,
        starts_on=date(2026, 9, 1),
        ends_on=date(2029, 8, 31),
    )
    advisors = BudgetLine.objects.create(category="advisors", funder=otn, planned_cents=300_000_000)
    training = BudgetLine.objects.create(category="training", funder=otn, planned_cents=420_000_000)
    theirs = BudgetLine.objects.create(category="advisors", funder=other, planned_cents=550_000_000)
    for line, kind, day, cents in [
        (advisors, "spent", date(2026, 10, 15), 1_000_000),
        (advisors, "spent", date(2026, 11, 2), 500_000),
        (training, "commitment", date(2026, 11, 1), 60_000_000),
        (theirs, "spent", date(2026, 10, 20), 2_000_000),
    ]:
        Expense.objects.create(
            line=line, kind=kind, incurred_on=day, amount_cents=cents, description="Test"
        )
    return {"otn": otn, "other": other}


def test_funder_lines_and_program_money(money):
    from virage.reporting import selectors

    november = Filters(start=date(2026, 11, 1), end=date(2026, 11, 30))
    lines = selectors.funder_lines(funders=[money["otn"]], filters=november)
    assert [
        (x["category"], x["planned"], x["committed"], x["spent_in_period"], x["spent"])
        for x in lines
    ] == [
        # advisors: spent 10,000 $ in October + 5,000 $ in November; in the period: 5,000 $
        ("advisors", 300_000_000, 0, 500_000, 1_500_000),
        # training: a 600,000 $ commitment, nothing spent
        ("training", 420_000_000, 60_000_000, 0, 0),
    ]
    # remaining: 3,000,000 $ − 15,000 $ = 2,985,000 $; 4,200,000 $ − 600,000 $ = 3,600,000 $
    assert [x["remaining"] for x in lines] == [298_500_000, 360_000_000]
    # program spending up to 30 November, every funder: 10,000 + 5,000 + 20,000 = 35,000 $
    assert selectors.program_money(filters=november) == {
        "spent": 3_500_000,
        "spent_in_period": 500_000,
    }


def test_funder_dashboard_shows_own_money_only(client_for, montérégie, money):
    response = client_for("fatou").get(reverse("reporting:funder"))
    html = body(response)
    assert response.status_code == 200
    assert "Contribution totale : 9\xa0200\xa0000\xa0$." in html
    assert "Offensive de transformation numérique" in html
    assert "Croissance économique régionale" not in html  # the other funder's money
    assert "9\xa0300\xa0000" not in html
    assert response.context["report"]["suppressed"] is True
    assert_no_personal_data(html)


FUNDER_EXTRA_TABLES = {
    "enrolment_months": ["month", "new", "cumulative", "target"],
    "enrolment_regions": ["code", "region", "enrolled", "active", "completed"],
    "capsules": ["in_period", "reached", "target", "percent"],
    "contributions": ["funder", "amount", "starts_on", "ends_on", "schedule"],
    "funder_lines": ["funder", "line", "planned", "committed", "spent", "remaining"],
    "program_budget": ["what", "amount"],
}


def test_funder_exports_exact_columns_and_no_personal_data(client_for, montérégie, money):
    client = client_for("fatou")
    tables = client.get(reverse("reporting:funder")).context["tables"]
    expected = {k: v for k, v in PARTNER_TABLES.items() if k != "referrals"}
    expected.update(FUNDER_EXTRA_TABLES)
    assert {k: [c.key for c in t.columns] for k, t in tables.items()} == expected
    for key, table in tables.items():
        rows = csv_rows(
            client.get(reverse("reporting:funder_export", kwargs={"table": key, "fmt": "csv"}))
        )
        assert rows[0] == [c.label for c in table.columns]
        _check_export_cells(rows)
    regions = csv_rows(
        client.get(
            reverse("reporting:funder_export", kwargs={"table": "enrolment_regions", "fmt": "csv"})
        )
    )
    # Montérégie 7 shown; Estrie (1) hidden, and so is the smallest other cell… all others
    # are 0 → hidden already; the total stays
    assert regions[16] == ["16", "Montérégie", "7", "7", H]
    assert regions[5] == ["05", "Estrie", H, H, H]
    assert regions[-1] == ["", "Toutes les régions", "8", "8", H]


def test_funder_without_funder_link(client_for, montérégie):
    html = body(client_for("fatou").get(reverse("reporting:funder")))
    assert "Votre compte n'est pas encore associé à un bailleur de fonds" in html


def test_quarterly_report_html_and_pdf(client_for, montérégie, money):
    client = client_for("fatou")
    response = client.get(reverse("reporting:funder_report"), {"quarter": "2026-Q4"})
    html = body(response)
    assert response.status_code == 200
    assert "<h1>Rapport trimestriel aux bailleurs de fonds</h1>" in html
    assert "T4 2026 (octobre à décembre)" in html
    assert "Offensive de transformation numérique" in html
    assert_no_personal_data(html)
    document = response.context["document"]
    assert [s["title"] for s in document["sections"]] == [
        "Sommaire",
        "Le parcours des entreprises",
        "Inscriptions",
        "Accompagnement et formation",
        "Résultats",
        "Votre contribution",
        "Budget du programme",
    ]
    pdf = client.get(reverse("reporting:funder_report_pdf"), {"quarter": "2026-Q4"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="rapport-bailleurs-2026-Q4.pdf"'
    assert pdf.content.startswith(b"%PDF-")
    english = client.get("/en/reports/funder/report/", {"quarter": "2026-Q4"})
    assert "<h1>Quarterly report to funders</h1>" in body(english)
    assert "Q4 2026 (October to December)" in body(english)
    english_pdf = client.get("/en/reports/funder/report.pdf", {"quarter": "2026-Q4"})
    assert english_pdf["Content-Disposition"] == (
        'attachment; filename="funder-report-2026-Q4.pdf"'
    )


def test_quarter_that_does_not_exist_is_an_error_not_a_crash(client_for):
    response = client_for("fatou").get(reverse("reporting:funder_report"), {"quarter": "1999-Q9"})
    assert response.status_code == 200
    html = body(response)
    assert "Sélectionnez un choix valide." in html  # tied to the field, in French
    # the report shown is the latest quarter's, never the one asked for
    assert response.context["quarter"].key == "2026-Q4"
    assert "1999-Q9" not in html.split("<article")[1]


def test_pdf_text_is_drawable_in_the_core_font():
    from virage.reporting.pdf import text

    assert text("Œuvre « été » – 1\u202f234 $ ’") == "Œuvre « été » – 1\xa0234 $ ’"
    assert text("emoji 🙂") == "emoji ?"


# --- home panels ----------------------------------------------------------------------------


def test_partner_home_panel(client_for, montérégie):
    html = body(client_for("paul").get(reverse("accounts:home")))
    assert "Votre région en un coup d'œil : Montérégie" in html
    assert_no_personal_data(html)


def test_funder_home_panel(client_for, montérégie, money):
    html = body(client_for("fatou").get(reverse("accounts:home")))
    assert "9\xa0200\xa0000\xa0$" in html  # contributed
    assert "15\xa0000\xa0$" in html  # spent on its lines: 10,000 + 5,000
    assert_no_personal_data(html)


def test_format_values():
    from django.utils import translation

    from virage.reporting.formatting import format_value

    assert format_value(H, T.PERCENT) == "< 5"
    assert format_value(None, T.COUNT) == "—"
    assert format_value(1234, T.COUNT) == "1\xa0234"
    assert format_value(41.7, T.PERCENT) == "41,7\xa0%"
    assert format_value(-2.0, T.CHANGE) == "−2,0"
    assert format_value(10.0, T.CHANGE) == "+10,0"
    assert format_value(123_456_78, T.MONEY) == "123\xa0457\xa0$"
    assert format_value("2026-09", T.MONTH) == "septembre 2026"
    with translation.override("en"):
        assert format_value(41.7, T.PERCENT) == "41.7%"
        assert format_value("2026-09", T.MONTH) == "September 2026"
