"""Reading the CSV of the existing callback list (pure): each rule of the documented format."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from virage.waitlist import importing
from virage.waitlist.tests.factories import CSV_HEADER, csv_row

TZ = ZoneInfo("America/Toronto")
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=TZ)
REGIONS = {"16": (16, "16"), "06": (6, "06"), "6": (6, "06"), "monteregie": (16, "16")}
SUBSECTORS = {"458": 58, "445": 45}


def read(text: str):
    return importing.read_csv(text, regions=REGIONS, subsectors=SUBSECTORS, tz=TZ, now=NOW)


def one(**over) -> str:
    return "\n".join([CSV_HEADER, csv_row(1, **over)]) + "\n"


def test_a_valid_row_is_normalised():
    result = read(one(email="Magasin@Example.com", neq="1170 000 001", postal_code="h2x1y4"))
    assert (result.rows_total, result.invalid) == (1, [])
    row = result.rows[0]
    assert (row.line, row.email, row.neq, row.postal_code, row.region_id) == (
        2,
        "magasin@example.com",
        "1170000001",
        "H2X 1Y4",
        16,
    )
    assert row.signed_up_at == datetime(2021, 5, 1, 0, 0, tzinfo=TZ)
    assert (row.subsector_id, row.employees, row.locations_count, row.language) == (58, 5, 1, "fr")
    assert (row.consent_newsletter, row.consent_research) == (False, False)
    assert row.consent_version == "legacy-callback-list"


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"business_name": ""}, "business_name", "required"),
        ({"email": "not-an-address"}, "email", "email_invalid"),
        ({"postal_code": "12345"}, "postal_code", "postal_code_invalid"),
        ({"region": "99"}, "region", "region_unknown"),
        ({"subsector": "999"}, "subsector", "subsector_unknown"),
        ({"employees": "beaucoup"}, "employees", "integer_invalid"),
        ({"employees": "-2"}, "employees", "integer_min"),
        ({"locations": "0"}, "locations", "integer_min"),
        ({"neq": "12345"}, "neq", "neq_invalid"),
        ({"date": "01/05/2021"}, "signed_up_at", "date_invalid"),
        ({"date": "2027-01-01"}, "signed_up_at", "date_future"),
        ({"consent_contact": "non"}, "consent_contact", "consent_missing"),
        ({"consent_contact": "peut-être"}, "consent_contact", "yes_no_invalid"),
        ({"consent_newsletter": "maybe"}, "consent_newsletter", "yes_no_invalid"),
        ({"language": "de"}, "language", "language_invalid"),
        ({"contact_name": "x" * 201}, "contact_name", "too_long"),
    ],
)
def test_each_invalid_value_is_reported_with_line_column_and_reason(changes, field, code):
    result = read(one(**changes))
    assert result.rows == []
    assert [(i.line, i.field, i.code) for i in result.invalid] == [(2, field, code)]


def test_dates_times_and_offsets():
    assert read(one(date="2021-05-01 09:30")).rows[0].signed_up_at == datetime(
        2021, 5, 1, 9, 30, tzinfo=TZ
    )
    assert read(one(date="2021-05-01T13:30:00Z")).rows[0].signed_up_at == datetime(
        2021, 5, 1, 13, 30, tzinfo=UTC
    )


def test_regions_by_code_without_zero_or_by_name():
    assert read(one(region="6")).rows[0].region_id == 6
    assert read(one(region="Monteregie")).rows[0].region_id == 16


def test_missing_required_column_stops_the_file():
    text = "business_name,email\nA,a@example.com\n"
    result = read(text)
    assert result.fatal is True
    assert [(i.line, i.field, i.code) for i in result.invalid] == [
        (1, "contact_name", "column_missing"),
        (1, "postal_code", "column_missing"),
        (1, "region", "column_missing"),
        (1, "signed_up_at", "column_missing"),
        (1, "consent_contact", "column_missing"),
    ]


def test_unknown_columns_are_noted_and_export_columns_accepted():
    text = CSV_HEADER + ",status,colour\n" + csv_row(1) + ",waiting,blue\n"
    result = read(text)
    assert len(result.rows) == 1
    assert [(i.field, i.code) for i in result.notes] == [("colour", "column_ignored")]


def test_semicolons_blank_lines_and_row_shape():
    text = CSV_HEADER.replace(",", ";") + "\n" + csv_row(1).replace(",", ";") + "\n\n;;\nA;B\n"
    result = read(text)
    assert len(result.rows) == 1
    assert [(i.line, i.code) for i in result.invalid] == [(5, "row_shape")]
    assert result.rows_total == 2


def test_quoted_values_with_line_breaks_keep_line_numbers():
    text = (
        CSV_HEADER
        + "\n"
        + csv_row(1, business_name='"Chez\nNous"')
        + "\n"
        + csv_row(2, email="bad")
        + "\n"
    )
    result = read(text)
    assert result.rows[0].business_name == "Chez\nNous"
    assert [(i.line, i.code) for i in result.invalid] == [(4, "email_invalid")]


def test_decode_accepts_utf8_bom_and_windows_1252():
    assert importing.decode("\ufeffé".encode()) == "é"
    assert importing.decode("Montérégie".encode("cp1252")) == "Montérégie"


def test_plan_finds_duplicates_in_the_list_and_in_the_file():
    text = "\n".join(
        [
            CSV_HEADER,
            csv_row(1, email="listed@example.com", date="2020-01-01"),
            csv_row(2, neq="1170000009"),
            csv_row(3),
            csv_row(4, email="magasin3@example.com"),
            csv_row(5, neq="1170000005"),
            csv_row(6, neq="1170000005"),
        ]
    )
    listed = datetime(2022, 1, 1, tzinfo=TZ)
    plan = importing.plan_import(
        read(text),
        existing_emails={"listed@example.com": (77, listed, True)},
        existing_neqs={"1170000009": (78, listed, False)},
    )
    assert [r.line for r in plan.create] == [4, 6]
    assert [(i.line, i.field, i.code, i.params) for i in plan.duplicates] == [
        (2, "email", "duplicate_email_listed", {}),
        (3, "neq", "duplicate_neq_listed", {}),
        (5, "email", "duplicate_email_line", {"other": 4}),
        (7, "neq", "duplicate_neq_line", {"other": 6}),
    ]
    # the waiting entry 77 takes the earlier original date; 78 (not waiting) keeps its own
    assert plan.move_earlier == {77: datetime(2020, 1, 1, tzinfo=TZ)}


def test_rows_to_create_follow_the_original_dates():
    text = "\n".join(
        [
            CSV_HEADER,
            csv_row(1, date="2021-03-01"),
            csv_row(2, date="2020-12-01"),
            csv_row(3, date="2021-03-01"),
        ]
    )
    plan = importing.plan_import(read(text), existing_emails={}, existing_neqs={})
    assert [r.line for r in plan.create] == [3, 2, 4]


def test_issue_messages_in_french_and_english():
    from django.utils import translation

    with translation.override("fr"):
        assert importing.issue_message("duplicate_email_line", {"other": 4}) == (
            "Même adresse courriel qu'à la ligne 4."
        )
    with translation.override("en"):
        assert importing.issue_message("duplicate_email_line", {"other": 4}) == (
            "Same e-mail address as line 4."
        )
