"""The status tables of actions and plans (pure)."""

from __future__ import annotations

import pytest

from virage.plans import transitions as t

ROLES = ("merchant", "advisor", "admin")


def test_every_transition_in_the_table():
    allowed = {
        (current, target, role)
        for current in t.STATUSES
        for target in t.STATUSES
        for role in ROLES
        if t.check_action(current, target, role) == t.OK
    }
    everyone = {
        ("proposed", "accepted"),
        ("proposed", "dropped"),
        ("accepted", "in_progress"),
        ("accepted", "implemented"),
        ("accepted", "dropped"),
        ("in_progress", "implemented"),
        ("in_progress", "dropped"),
    }
    expected = {(c, g, r) for c, g in everyone for r in ROLES} | {
        ("dropped", "proposed", "advisor"),
        ("dropped", "proposed", "admin"),
    }
    assert allowed == expected


@pytest.mark.parametrize(
    ("current", "target", "role", "outcome"),
    [
        ("proposed", "proposed", "merchant", t.SAME),
        ("implemented", "implemented", "advisor", t.SAME),
        ("proposed", "implemented", "advisor", t.INVALID),
        ("implemented", "dropped", "admin", t.INVALID),
        ("implemented", "in_progress", "advisor", t.INVALID),
        ("in_progress", "proposed", "advisor", t.INVALID),
        ("dropped", "proposed", "merchant", t.FORBIDDEN),
        ("dropped", "proposed", "trainer", t.FORBIDDEN),
        ("proposed", "accepted", None, t.FORBIDDEN),
    ],
)
def test_check_action(current, target, role, outcome):
    assert t.check_action(current, target, role) == outcome


def test_implemented_is_final_and_closed_statuses():
    for role in ROLES:
        assert t.next_statuses("implemented", role) == ()
    assert {"implemented", "dropped"} == t.CLOSED


@pytest.mark.parametrize(
    ("current", "role", "expected"),
    [
        ("proposed", "merchant", ("accepted", "dropped")),
        ("accepted", "merchant", ("in_progress", "implemented", "dropped")),
        ("in_progress", "advisor", ("implemented", "dropped")),
        ("dropped", "merchant", ()),
        ("dropped", "advisor", ("proposed",)),
    ],
)
def test_next_statuses_in_path_order(current, role, expected):
    assert t.next_statuses(current, role) == expected


@pytest.mark.parametrize(
    ("current", "target", "role", "outcome"),
    [
        ("draft", "published", "advisor", t.OK),
        ("draft", "published", "admin", t.OK),
        ("draft", "published", "merchant", t.FORBIDDEN),
        ("published", "accepted", "merchant", t.OK),
        ("published", "accepted", "advisor", t.FORBIDDEN),
        ("draft", "accepted", "merchant", t.INVALID),
        ("accepted", "published", "advisor", t.INVALID),
        ("accepted", "accepted", "merchant", t.SAME),
    ],
)
def test_check_plan(current, target, role, outcome):
    assert t.check_plan(current, target, role) == outcome
