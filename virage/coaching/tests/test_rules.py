"""Pure coaching rules: advisor ranking, balanced bulk assignment, allowance, attention."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from virage.coaching import rules
from virage.coaching.rules import AdvisorFacts, BusinessFacts

BIZ = BusinessFacts(
    business_id=1,
    region="16",
    language="fr",
    subsector="458",
    region_name_fr="Montérégie",
    region_name_en="Montérégie",
    subsector_name_fr="Magasins de vêtements",
    subsector_name_en="Clothing stores",
)


def adv(i, name, regions=("16",), languages=("fr",), subsectors=("458",), cap=10, load=0, **kw):
    return AdvisorFacts(
        advisor_id=i,
        name=name,
        regions=frozenset(regions),
        languages=frozenset(languages),
        subsectors=frozenset(subsectors),
        max_caseload=cap,
        load=load,
        **kw,
    )


# --- ranking -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("advisor", "business", "score", "available", "codes"),
    [
        # everything matches, empty caseload: 40 + 30 + 20 + 10
        (
            adv(1, "A"),
            BIZ,
            100,
            True,
            ("region_served", "language_spoken", "subsector_expertise", "capacity"),
        ),
        # half the caseload taken: capacity 5
        (
            adv(1, "A", load=5),
            BIZ,
            95,
            True,
            ("region_served", "language_spoken", "subsector_expertise", "capacity"),
        ),
        # another region: no region points
        (
            adv(1, "A", regions=("05",)),
            BIZ,
            60,
            True,
            ("region_not_served", "language_spoken", "subsector_expertise", "capacity"),
        ),
        # English-speaking merchant, French-only advisor
        (
            adv(1, "A"),
            BusinessFacts(2, region="16", language="en", subsector="458"),
            70,
            True,
            ("region_served", "language_not_spoken", "subsector_expertise", "capacity"),
        ),
        # no expertise in the subsector
        (
            adv(1, "A", subsectors=("444",)),
            BIZ,
            80,
            True,
            ("region_served", "language_spoken", "no_subsector_expertise", "capacity"),
        ),
        # business without region or subsector: nothing to match on
        (
            adv(1, "A"),
            BusinessFacts(3, region=None, language="fr", subsector=None),
            40,
            True,
            ("region_unknown", "language_spoken", "subsector_unknown", "capacity"),
        ),
        # full caseload: listed, not available, no capacity points
        (
            adv(1, "A", load=10),
            BIZ,
            90,
            False,
            ("region_served", "language_spoken", "subsector_expertise", "caseload_full"),
        ),
        # on leave: listed, not available
        (
            adv(1, "A", on_leave=True),
            BIZ,
            100,
            False,
            ("on_leave", "region_served", "language_spoken", "subsector_expertise", "capacity"),
        ),
    ],
)
def test_suggest_scores_each_criterion(advisor, business, score, available, codes):
    suggestion = rules.suggest(business, advisor)
    assert (suggestion.score, suggestion.available, suggestion.codes) == (score, available, codes)


@pytest.mark.parametrize(
    ("load", "cap", "points"),
    [(0, 10, 10), (5, 10, 5), (9, 10, 1), (10, 10, 0), (12, 10, 0), (1, 3, 6), (0, 0, 0)],
)
def test_capacity_points(load, cap, points):
    assert rules.capacity_points(load, cap) == points


def test_ranking_puts_available_advisors_first_then_by_score():
    advisors = [
        adv(4, "D", load=10),  # full: 90 but unavailable
        adv(3, "C", regions=("05",)),  # 60
        adv(2, "B", languages=("fr", "en"), subsectors=(), load=5),  # 75
        adv(5, "E", on_leave=True),  # 100 but on leave
        adv(1, "A"),  # 100
    ]
    ranking = rules.rank_advisors(BIZ, advisors)
    assert [(s.name, s.score, s.available) for s in ranking] == [
        ("A", 100, True),
        ("B", 75, True),
        ("C", 60, True),
        ("E", 100, False),
        ("D", 90, False),
    ]


def test_ranking_ties_go_to_the_lighter_load_then_the_name():
    advisors = [
        adv(1, "Xavier", cap=40, load=2),  # capacity 10 × 38 // 40 = 9
        adv(2, "Yves", cap=10, load=1),  # capacity 10 × 9 // 10 = 9
        adv(3, "Alice", cap=10, load=1),  # same as Yves: name decides
    ]
    ranking = rules.rank_advisors(BIZ, advisors)
    assert [(s.name, s.score, s.load) for s in ranking] == [
        ("Alice", 99, 1),
        ("Yves", 99, 1),
        ("Xavier", 99, 2),
    ]


def test_reasons_are_given_in_french_and_english():
    suggestion = rules.suggest(BIZ, adv(1, "A", load=3))
    assert [r.message("fr") for r in suggestion.reasons] == [
        "Dessert la région de l'entreprise (Montérégie)",
        "Parle la langue du commerçant (français)",
        "Connaît le sous-secteur (Magasins de vêtements)",
        "Charge actuelle : 3 sur 10 entreprises",
    ]
    assert [r.message("en") for r in suggestion.reasons] == [
        "Serves the business's region (Montérégie)",
        "Speaks the merchant's language (French)",
        "Knows the subsector (Clothing stores)",
        "Current load: 3 of 10 businesses",
    ]
    assert [r.points for r in suggestion.reasons] == [40, 30, 20, 7]


# --- bulk assignment -------------------------------------------------------------------------


def businesses(n, **kw):
    return [BusinessFacts(business_id=100 + i, **{"region": "16", **kw}) for i in range(n)]


def test_bulk_spreads_a_cohort_between_equally_matched_advisors():
    # A starts empty, B with 2 businesses (both out of 10). Hand-worked:
    # 1: A 0/10 < B 2/10 → A (1)   2: A 1/10 < B 2/10 → A (2)   3: tie 2/10, same expertise,
    # same load → name: A (3)      4: B 2/10 < A 3/10 → B (3)   5: tie → A (4)   6: B 3 < A 4 → B
    advisors = [adv(1, "A", subsectors=()), adv(2, "B", subsectors=(), load=2)]
    proposals = rules.balance_assignments(businesses(6), advisors)
    assert [p.advisor_id for p in proposals] == [1, 1, 1, 2, 1, 2]


def test_bulk_compares_loads_in_proportion_to_each_maximum():
    # A: 2 of 4 (50 %), B: 3 of 12 (25 %): B takes the next ones until it passes 50 %
    advisors = [
        adv(1, "A", subsectors=(), cap=4, load=2),
        adv(2, "B", subsectors=(), cap=12, load=3),
    ]
    proposals = rules.balance_assignments(businesses(4), advisors)
    # B: 3/12, 4/12, 5/12 (< 1/2) → B three times; then 6/12 = 2/4 → tie → lighter load: A
    assert [p.advisor_id for p in proposals] == [2, 2, 2, 1]


def test_bulk_keeps_the_region_before_the_balance():
    advisors = [adv(1, "Estrie", regions=("05",), load=8), adv(2, "Montérégie", load=0)]
    proposals = rules.balance_assignments(businesses(2, region="05"), advisors)
    assert [p.advisor_id for p in proposals] == [1, 1]
    assert proposals[0].reasons[0].code == "region_served"


def test_bulk_breaks_ties_with_the_subsector_expertise():
    advisors = [adv(1, "A", subsectors=()), adv(2, "B", subsectors=("458",))]
    proposals = rules.balance_assignments(businesses(1, subsector="458"), advisors)
    assert [p.advisor_id for p in proposals] == [2]
    assert [r.code for r in proposals[0].reasons] == [
        "region_served",
        "language_spoken",
        "subsector_expertise",
        "balanced",
    ]
    assert proposals[0].reasons[-1].message("fr") == (
        "Charge la plus légère parmi 2 conseillers aussi bien assortis "
        "(0 sur 10 avant cette entreprise)"
    )


def test_bulk_never_goes_past_a_maximum_and_skips_advisors_on_leave():
    advisors = [adv(1, "A", cap=2, load=1), adv(2, "B", on_leave=True)]
    proposals = rules.balance_assignments(businesses(3), advisors)
    assert [p.advisor_id for p in proposals] == [1, None, None]
    assert [r.code for r in proposals[1].reasons] == ["no_available_advisor"]


@given(
    n_advisors=st.integers(min_value=1, max_value=6),
    n_businesses=st.integers(min_value=0, max_value=40),
    cap=st.integers(min_value=1, max_value=10),
)
def test_bulk_balances_identical_advisors_within_one(n_advisors, n_businesses, cap):
    advisors = [adv(i, f"A{i}", cap=cap) for i in range(1, n_advisors + 1)]
    proposals = rules.balance_assignments(businesses(n_businesses), advisors)
    counts = [sum(1 for p in proposals if p.advisor_id == a.advisor_id) for a in advisors]
    assigned = min(n_businesses, n_advisors * cap)
    assert sum(counts) == assigned
    assert max(counts) <= cap
    assert max(counts) - min(counts) <= 1
    assert sum(1 for p in proposals if p.advisor_id is None) == n_businesses - assigned


# --- allowance -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("allowed", "extended", "used", "total", "remaining", "percent", "level"),
    [
        (600, 0, 0, 600, 600, 0, "ok"),
        (600, 0, 479, 600, 121, 79, "ok"),
        (600, 0, 480, 600, 120, 80, "warning"),
        (600, 0, 599, 600, 1, 99, "warning"),
        (600, 0, 600, 600, 0, 100, "exhausted"),
        (600, 120, 600, 720, 120, 83, "warning"),
        (600, 0, 700, 600, 0, 116, "exhausted"),
        (0, 0, 0, 0, 0, 0, "exhausted"),
        (840, 0, 420, 840, 420, 50, "ok"),
    ],
)
def test_allowance(allowed, extended, used, total, remaining, percent, level):
    a = rules.allowance(allowed=allowed, extended=extended, used=used)
    assert (a.total, a.remaining, a.percent, a.level) == (total, remaining, percent, level)


@pytest.mark.parametrize(
    ("used", "extended", "minutes", "code"),
    [
        (480, 0, 120, None),  # exactly reaches 600
        (481, 0, 120, "allowance_exceeded"),
        (600, 0, 1, "allowance_exceeded"),
        (600, 60, 60, None),  # an extension raises the ceiling
        (0, 0, 0, "minutes_not_positive"),
        (0, 0, -5, "minutes_not_positive"),
    ],
)
def test_check_log(used, extended, minutes, code):
    refusal = rules.check_log(rules.allowance(allowed=600, extended=extended, used=used), minutes)
    assert (refusal.code if refusal else None) == code


def test_refusal_says_what_is_left_in_both_languages():
    refusal = rules.check_log(rules.allowance(allowed=600, used=510), 120)
    assert refusal.message("fr") == (
        "Ces 120 minutes dépasseraient l'enveloppe d'accompagnement : 510 minutes utilisées "
        "sur 600 (1,5 h restantes). Demandez une prolongation à l'administration du programme."
    )
    assert refusal.message("en") == (
        "These 120 minutes would exceed the coaching allowance: 510 minutes used out of 600 "
        "(1.5 h left). Ask the program administration for an extension."
    )


@pytest.mark.parametrize(
    ("used", "extended", "old", "new", "code"),
    [
        (600, 0, 600, 60, None),  # the 600-for-60 typo: lowering is always accepted
        (540, 0, 60, 120, None),  # exactly reaches 600
        (540, 0, 60, 121, "allowance_exceeded"),
        (600, 0, 60, 61, "allowance_exceeded"),
        (600, 60, 60, 120, None),  # an extension raises the ceiling
        (700, 0, 120, 90, None),  # already past (data from before): lowering still accepted
        (700, 0, 120, 121, "allowance_exceeded"),
        (300, 0, 60, 60, None),  # unchanged
        (300, 0, 60, 0, "minutes_not_positive"),
        (300, 0, 60, -5, "minutes_not_positive"),
    ],
)
def test_check_correction(used, extended, old, new, code):
    current = rules.allowance(allowed=600, extended=extended, used=used)
    refusal = rules.check_correction(current, old, new)
    assert (refusal.code if refusal else None) == code


def test_correction_refusal_says_how_far_the_meeting_can_go_in_both_languages():
    refusal = rules.check_correction(rules.allowance(allowed=600, used=540), 60, 600)
    assert refusal.message("fr") == (
        "Corriger cette rencontre de 60 à 600 minutes dépasserait l'enveloppe "
        "d'accompagnement : 540 minutes utilisées sur 600, dont 60 pour cette rencontre. "
        "Elle peut compter au plus 120 minutes ; au-delà, demandez une prolongation à "
        "l'administration du programme."
    )
    assert refusal.message("en") == (
        "Correcting this meeting from 60 to 600 minutes would exceed the coaching allowance: "
        "540 minutes used out of 600, 60 of them for this meeting. It can count at most 120 "
        "minutes; beyond that, ask the program administration for an extension."
    )


@given(
    allowed=st.integers(0, 3000),
    extended=st.integers(0, 3000),
    others=st.integers(0, 4000),
    old=st.integers(1, 480),
    new=st.integers(1, 480),
)
def test_correction_is_a_log_of_the_new_minutes_over_the_other_meetings(
    allowed, extended, others, old, new
):
    """Lowering is always accepted; raising is accepted exactly when logging the corrected
    minutes on top of the other meetings would be."""
    current = rules.allowance(allowed=allowed, extended=extended, used=others + old)
    refusal = rules.check_correction(current, old, new)
    without = rules.allowance(allowed=allowed, extended=extended, used=others)
    if new <= old:
        assert refusal is None
    else:
        assert (refusal is None) == (rules.check_log(without, new) is None)


# --- attention -------------------------------------------------------------------------------

FRESH = rules.allowance(allowed=600, used=0)


@pytest.mark.parametrize(
    ("days", "met", "overdue", "current", "codes"),
    [
        (29, True, 0, FRESH, ()),
        (30, True, 0, FRESH, ("no_contact",)),
        (45, False, 0, FRESH, ("never_met",)),
        (None, False, 0, FRESH, ()),
        (5, True, 2, FRESH, ("plan_overdue",)),
        (5, True, 0, rules.allowance(allowed=600, used=480), ("allowance_warning",)),
        (5, True, 0, rules.allowance(allowed=600, used=479), ()),
        (
            31,
            True,
            1,
            rules.allowance(allowed=600, used=600),
            ("no_contact", "plan_overdue", "allowance_exhausted"),
        ),
    ],
)
def test_attention(days, met, overdue, current, codes):
    reasons = rules.attention(
        days_without_contact=days, ever_met=met, overdue_actions=overdue, current=current
    )
    assert tuple(r.code for r in reasons) == codes


def test_attention_messages():
    reasons = rules.attention(
        days_without_contact=34,
        ever_met=False,
        overdue_actions=2,
        current=rules.allowance(allowed=600, used=510),
    )
    assert [r.message("fr") for r in reasons] == [
        "Aucune rencontre 34 jours après l'assignation",
        "Actions du plan en retard : 2",
        "Enveloppe d'accompagnement utilisée à 85 %",
    ]
    assert [r.message("en") for r in reasons] == [
        "No meeting 34 days after assignment",
        "Plan actions overdue: 2",
        "Coaching allowance 85% used",
    ]


def test_language_names_match_the_profile_choices():
    from virage.coaching.models import LANGUAGE_CHOICES

    assert [code for code, _label in LANGUAGE_CHOICES] == list(rules.LANGUAGE_NAMES)
