"""Pure rules: who a wave invites, small-count suppression, normalising what people type."""

from __future__ import annotations

import pytest

from virage.waitlist import rules

# (entry id, region id) in queue order
QUEUE = [(1, 6), (2, 6), (3, 16), (4, 6), (5, 5), (6, 16)]


@pytest.mark.parametrize(
    ("free", "caps", "expected"),
    [
        (0, {}, []),
        (3, {}, [1, 2, 3]),
        (10, {}, [1, 2, 3, 4, 5, 6]),
        (4, {6: 1}, [1, 3, 5, 6]),
        (3, {6: 0, 16: 1}, [3, 5]),
        (2, {5: 5}, [1, 2]),
        (5, {6: 2, 16: 2, 5: 0}, [1, 2, 3, 6]),
    ],
)
def test_select_invitees_first_come_first_served_with_regional_caps(free, caps, expected):
    assert rules.select_invitees(iter(QUEUE), free_places=free, region_free=caps) == expected


@pytest.mark.parametrize(("n", "shown"), [(0, "< 5"), (1, "< 5"), (4, "< 5"), (5, "5"), (12, "12")])
def test_counts_under_five_are_hidden(n, shown):
    assert rules.shown_count(n) == shown


@pytest.mark.parametrize(
    ("typed", "normal", "valid"),
    [
        ("j2g2v5", "J2G 2V5", True),
        (" H2X 1Y4 ", "H2X 1Y4", True),
        ("K1A0B1", "K1A 0B1", True),
        ("D2X 1Y4", "D2X1Y4", False),
        ("12345", "12345", False),
        ("", "", False),
    ],
)
def test_postal_codes(typed, normal, valid):
    assert rules.normalize_postal_code(typed) == normal
    assert rules.is_postal_code(typed) is valid


@pytest.mark.parametrize(
    ("typed", "normal", "valid"),
    [
        ("1170000001", "1170000001", True),
        ("1170 000 001", "1170000001", True),
        ("1170-000-001", "1170000001", True),
        ("117000001", "117000001", False),
        ("abc", "abc", False),
    ],
)
def test_neq(typed, normal, valid):
    assert rules.normalize_neq(typed) == normal
    assert rules.is_neq(rules.normalize_neq(typed)) is valid


def test_emails_are_compared_in_lower_case():
    assert rules.normalize_email("  Helene@Example.COM ") == "helene@example.com"


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1 514", "'+1 514"),
        ("@x", "'@x"),
        ("Boutique", "Boutique"),
        (None, ""),
        (12, "12"),
    ],
)
def test_csv_cells_never_start_a_formula(value, safe):
    assert rules.csv_safe(value) == safe


def test_fold_matches_region_names_without_accents_or_dashes():
    assert rules.fold("Gaspésie–Îles-de-la-Madeleine") == "gaspesie-iles-de-la-madeleine"
    assert rules.fold(" MONTÉRÉGIE ") == "monteregie"
