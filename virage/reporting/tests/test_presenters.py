"""From raw figures to the report dict (pure functions, hand-made numbers)."""

from datetime import date

import pytest

from virage.reporting import presenters as P
from virage.reporting.suppression import HIDDEN as H


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0, 0),
        (1, 139),  # 5,000 × 1 / 36 = 138.89 → 139
        (2, 278),  # 277.78 → 278
        (3, 417),  # 416.67 → 417
        (18, 2500),  # exactly half
        (36, 5000),
        (40, 5000),  # capped at the target after the end
    ],
)
def test_linear_target(elapsed, expected):
    assert P.linear_target(5000, elapsed, 36) == expected


def test_hours_from_minutes_half_up():
    assert P.hours(90) == 1.5
    assert P.hours(225) == 3.8  # 3.75 h → 3.8
    assert P.hours(0) == 0.0
    assert P.hours(None) is None


def test_difference_of_shown_values():
    assert P.difference(45.0, 40.0) == 5.0
    assert P.difference(40.1, 40.3) == -0.2  # exact, no float noise
    assert P.difference(H, 40.0) == H
    assert P.difference(None, 40.0) is None


def test_actions_distribution_and_mean():
    # businesses with a published plan: one with 0 implemented, two with 1, one with 3,
    # one with 6 → buckets 0:1, 1:2, 3:1, 5+:1
    # total implemented = 0×1 + 1×2 + 3×1 + 6×1 = 11; businesses = 5; mean = 11 / 5 = 2.2
    # with at least one: 4 of 5 = 80.0 %
    raw = [
        {"implemented": 0, "businesses": 1},
        {"implemented": 1, "businesses": 2},
        {"implemented": 3, "businesses": 1},
        {"implemented": 6, "businesses": 1},
    ]
    shown = P.present_actions(raw, suppress=False)
    assert shown == {
        "businesses": 5,
        "implemented": 11,
        "per_business": 2.2,
        "with_one_or_more": 4,
        "with_one_or_more_percent": 80.0,
        "distribution": [
            {"implemented": "0", "businesses": 1},
            {"implemented": "1", "businesses": 2},
            {"implemented": "2", "businesses": 0},
            {"implemented": "3", "businesses": 1},
            {"implemented": "4", "businesses": 0},
            {"implemented": "5+", "businesses": 1},
        ],
    }
    hidden = P.present_actions(raw, suppress=True)
    # 5 businesses shown; 4 with one or more are hidden, so are the 11 actions they
    # implemented, the mean derived from them and the share (numerator 4 < 5)
    assert hidden["businesses"] == 5
    assert hidden["implemented"] == H
    assert hidden["per_business"] == H
    assert hidden["with_one_or_more"] == H
    assert hidden["with_one_or_more_percent"] == H
    assert [d["businesses"] for d in hidden["distribution"]] == [H] * 6


def test_enrolment_without_months():
    shown = P.present_enrolment([], suppress=False, targets=P.Targets(businesses=5000))
    assert shown == {
        "enrolled": 0,
        "target": 5000,
        "percent_of_target": 0.0,
        "target_to_date": None,
        "months": [],
    }


def test_enrolment_percent_of_target_keeps_two_decimals():
    months = [{"month": date(2026, 11, 1), "new": 11, "cumulative": 11, "target": 417}]
    shown = P.present_enrolment(months, suppress=True, targets=P.Targets(businesses=5000))
    # 11 / 5,000 = 0.22 %
    assert shown["percent_of_target"] == 0.22
    assert shown["months"] == [{"month": "2026-11", "new": 11, "cumulative": 11, "target": 417}]


def test_targets_do_not_apply_to_a_subset(program):
    whole = P.Targets.of(program, subset=False)
    part = P.Targets.of(program, subset=True)
    assert (whole.businesses, whole.capsule_reach) == (5000, 25000)
    assert (part.businesses, part.capsule_reach) == (None, None)
    # the 36 % reference applies everywhere
    assert part.transactional_baseline_percent == 36
