"""Recommendation rules: tables of cases with exact rankings, plus properties (hypothesis).

Pure tests: no database, no Django settings needed.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from virage.catalog.seed_data import SOLUTIONS, TRAINING_MODULES
from virage.diagnostics import questionnaire as qn
from virage.plans.rules import (
    ANSWER_VALUES,
    M2_DIMENSION_KEYS,
    R_ITEM_KEYS,
    RULES,
    LinkedContent,
    M2Boost,
    Profile,
    Rule,
    SolutionInfo,
    cite_answers,
    fit_solutions,
    recommend,
    validate_rules,
)

NBSP = "\u00a0"
ALL_YES = dict.fromkeys(R_ITEM_KEYS, "yes")


def answers(**changes: str) -> dict[str, str]:
    """Every module R item answered "yes", except ``changes``."""
    return {**ALL_YES, **changes}


def store(**changes) -> Profile:
    """A one-location clothing store (NAICS 458) with five employees and nothing online."""
    values = {"employees": 5, "locations": 1, "subsector": "458"}
    return Profile(**{**values, **changes})


def label_fr(item_key: str) -> str:
    return qn.items_by_key()[item_key][1].label_fr


def label_en(item_key: str) -> str:
    return qn.items_by_key()[item_key][1].label_en


def ranking(recommendations) -> list[tuple[str, str, float, tuple[str, ...]]]:
    return [(r.category, r.rule_key, r.score, r.source_items) for r in recommendations]


def run(profile: Profile, r_answers: dict, m2: dict | None = None, **kwargs):
    return recommend(profile, r_answers, m2 or {}, CATALOG, TRAININGS, CAPSULES, **kwargs)


# A small catalog whose fit points are easy to follow (see fit_score's docstring).
CATALOG = (
    # pos, French, multi-location, medium effort, $50-200: 4+3+1+1 = 9 (+2 with several stores)
    SolutionInfo(
        "caisse_a",
        "Caisse A",
        "pos",
        ("inventory",),
        french_interface=True,
        multi_location=True,
        price_range="50_200",
    ),
    # pos, French, one location only, low effort, under $50: 4+3+2+2 = 11
    SolutionInfo(
        "caisse_b",
        "Caisse B",
        "pos",
        french_interface=True,
        setup_effort="low",
        price_range="under_50",
    ),
    # pos, English only, multi-location, low effort, under $50: 3+2+2 = 7 (+2 with several)
    SolutionInfo(
        "caisse_c",
        "Caisse C",
        "pos",
        multi_location=True,
        setup_effort="low",
        price_range="under_50",
    ),
    # inventory, English only, multi-location, high effort, over $200: 3 (+2 with several)
    SolutionInfo(
        "stocks_a",
        "Stocks A",
        "inventory",
        multi_location=True,
        setup_effort="high",
        price_range="over_200",
    ),
    # ecommerce, French, Québec vendor, low effort, under $50: 4+3+2+2+1 = 12
    SolutionInfo(
        "boutique_a",
        "Boutique A",
        "ecommerce",
        french_interface=True,
        quebec_vendor=True,
        setup_effort="low",
        price_range="under_50",
    ),
    # ecommerce, English only, low effort, under $50: 3+2+2 = 7
    SolutionInfo(
        "boutique_b", "Boutique B", "ecommerce", setup_effort="low", price_range="under_50"
    ),
)
TRAININGS = (
    LinkedContent("t_store", "Boutique", "Store", ("ecommerce", "payments")),
    LinkedContent("t_omni", "Omnicanal", "Omnichannel", ("pos", "inventory")),
    LinkedContent("t_security", "Sécurité", "Security", ("cybersecurity",)),
)
CAPSULES = (
    LinkedContent("c_mfa", "AMF", "MFA", ("cybersecurity",)),
    LinkedContent("c_pos", "Caisse", "POS", ("pos",)),
    LinkedContent("c_backup", "Sauvegardes", "Backups", ("cybersecurity",)),
)


# --------------------------------------------------------------------------------------------
# The rule set itself
# --------------------------------------------------------------------------------------------


def test_rules_are_sound():
    assert validate_rules(RULES) == []


def test_validate_rules_reports_problems():
    bad = Rule(
        key="bad",
        category="manufacturing",
        triggers=("m2_2_4", "r5_1"),
        priority=10,
        m2_boosts=(M2Boost("D9", 5),),
        why_fr="Sans citation %(missing)s",
        why_en="%(answers)s ok",
    )
    assert validate_rules([bad, bad]) == [
        "bad: unknown category 'manufacturing'",
        "bad: 'm2_2_4' is not a module R item",
        "bad: r5_1 does not map to manufacturing",
        "bad: bad M2 boost M2Boost(dimension='D9', weight=5)",
        "bad: a template does not cite the answers",
        "bad: bad template (KeyError('missing'))",
        "bad: duplicate key",
        "bad: unknown category 'manufacturing'",
        "bad: 'm2_2_4' is not a module R item",
        "bad: r5_1 does not map to manufacturing",
        "bad: bad M2 boost M2Boost(dimension='D9', weight=5)",
        "bad: a template does not cite the answers",
        "bad: bad template (KeyError('missing'))",
    ]


def test_only_the_online_store_rule_can_reach_100():
    # This is what guarantees that a store without a transactional site gets it first.
    launch = next(r for r in RULES if r.key == "ecommerce_launch")
    others = {r.key: r.priority + sum(b.weight for b in r.m2_boosts) for r in RULES}
    del others["ecommerce_launch"]
    assert launch.priority == 100
    assert max(others.values()) == 95


def test_every_category_has_a_rule_and_every_item_triggers_one():
    assert {r.category for r in RULES} == set(qn.SOLUTION_CATEGORIES)
    assert {key for r in RULES for key in r.triggers} == set(R_ITEM_KEYS)


# --------------------------------------------------------------------------------------------
# Table of cases: exact rankings
# --------------------------------------------------------------------------------------------

CASES = [
    pytest.param(
        store(employees=4),
        answers(r2_1="no", r5_1="no", r6_2="partially", r7_2="no"),
        {},
        [
            ("ecommerce", "ecommerce_launch", 100.0, ("r2_1",)),
            # 75 × (0.9 × 1 + 0.1 × mean(0, 1)) = 71.25
            ("cybersecurity", "security_essentials", 71.25, ("r7_2",)),
            ("accounting", "accounting", 55.0, ("r5_1",)),
            # 45 × (0.9 × 0.5 + 0.1 × mean(0, 0.5)) = 21.375, half-up
            ("crm_email", "crm_email", 21.38, ("r6_2",)),
        ],
        id="no-transactional-site-gets-ecommerce-first",
    ),
    pytest.param(
        store(locations=3, employees=12),
        dict.fromkeys(R_ITEM_KEYS, "no"),
        dict.fromkeys(M2_DIMENSION_KEYS, 0.0),
        [
            ("ecommerce", "ecommerce_launch", 105.0, ("r2_1",)),
            ("pos", "omnichannel_multi_location", 95.0, ("r3_3", "r3_2")),
            ("inventory", "inventory_multi_location", 85.0, ("r4_1",)),
            ("visibility", "website_launch", 85.0, ("r1_1",)),
            ("cybersecurity", "security_essentials", 85.0, ("r7_1", "r7_2")),
            ("payments", "online_payments", 65.0, ("r3_1",)),
            ("accounting", "accounting", 55.0, ("r5_1",)),
            ("hr_payroll", "hr_payroll_multi_location", 55.0, ("r5_2",)),
            ("marketplace", "marketplace_products", 50.0, ("r2_2",)),
            ("shipping", "shipping", 50.0, ("r4_2",)),
            ("analytics", "analytics", 50.0, ("r6_4",)),
            ("crm_email", "crm_email", 45.0, ("r6_1", "r6_2")),
            ("supply_chain", "supply_chain", 45.0, ("r4_3",)),
            ("loyalty", "loyalty", 30.0, ("r6_3",)),
            ("booking", "booking", 30.0, ("r2_4",)),
        ],
        id="everything-missing-multi-location-weak-m2",
    ),
    pytest.param(
        store(locations=3, employees=25, has_transactional_site=True, has_website=True),
        answers(r3_3="no", r4_1="partially", r5_1="no", r6_1="no", r1_2="no"),
        {},
        [
            # 95 × (0.9 × 1 + 0.1 × mean(1, 0)) = 90.25: above every generic item
            ("pos", "omnichannel_multi_location", 90.25, ("r3_3",)),
            ("visibility", "online_presence", 65.33, ("r1_2",)),
            ("accounting", "accounting", 55.0, ("r5_1",)),
            ("crm_email", "crm_email", 42.75, ("r6_1",)),
            ("inventory", "inventory_multi_location", 42.5, ("r4_1",)),
        ],
        id="multi-location-without-sync-gets-omnichannel-pos-first",
    ),
    pytest.param(
        store(locations=1, employees=25, has_transactional_site=True, has_website=True),
        answers(r3_3="no", r4_1="partially", r5_1="no", r6_1="no", r1_2="no"),
        {},
        [
            ("visibility", "online_presence", 65.33, ("r1_2",)),
            ("pos", "omnichannel_sync", 60.0, ("r3_3",)),
            ("accounting", "accounting", 55.0, ("r5_1",)),
            ("crm_email", "crm_email", 42.75, ("r6_1",)),
            ("inventory", "inventory_basic", 30.0, ("r4_1",)),
        ],
        id="same-answers-one-location-no-multi-location-weight",
    ),
    pytest.param(
        store(),
        answers(r2_1="na", r2_4="na", r4_2="na", r6_3="no"),
        {},
        [("loyalty", "loyalty", 30.0, ("r6_3",))],
        id="na-items-never-recommended",
    ),
    pytest.param(store(), ALL_YES, {}, [], id="all-yes-nothing-to-do"),
    pytest.param(
        store(),
        ALL_YES,
        dict.fromkeys(M2_DIMENSION_KEYS, 0.0),
        [],
        id="weak-m2-alone-recommends-nothing",
    ),
    pytest.param(store(), dict.fromkeys(R_ITEM_KEYS, "na"), {}, [], id="all-not-applicable"),
    pytest.param(store(), {}, {}, [], id="nothing-answered"),
    pytest.param(
        store(employees=10),
        answers(r5_1="partially", r5_2="no"),
        {},
        [
            ("hr_payroll", "hr_payroll", 40.0, ("r5_2",)),
            ("accounting", "accounting", 27.5, ("r5_1",)),
        ],
        id="partially-ranks-below-no",
    ),
    pytest.param(
        store(employees=10),
        answers(r5_1="no", r5_2="no"),
        {},
        [
            ("accounting", "accounting", 55.0, ("r5_1",)),
            ("hr_payroll", "hr_payroll", 40.0, ("r5_2",)),
        ],
        id="same-items-answered-no",
    ),
    pytest.param(
        store(),
        answers(r6_4="partially", r6_3="no"),
        {"D4": 18.0},
        [
            ("analytics", "analytics", 32.5, ("r6_4",)),
            ("loyalty", "loyalty", 30.0, ("r6_3",)),
        ],
        id="weak-d4-adds-weight-to-analytics",
    ),
    pytest.param(
        store(),
        answers(r6_4="partially", r6_3="no"),
        {"D4": 25.4},
        [
            ("analytics", "analytics", 32.5, ("r6_4",)),
            ("loyalty", "loyalty", 30.0, ("r6_3",)),
        ],
        id="d4-25.4-rounds-to-basic",
    ),
    pytest.param(
        store(),
        answers(r6_4="partially", r6_3="no"),
        {"D4": 25.5},
        [
            ("loyalty", "loyalty", 30.0, ("r6_3",)),
            ("analytics", "analytics", 17.5, ("r6_4",)),
        ],
        id="d4-25.5-rounds-to-average-no-weight",
    ),
    pytest.param(
        store(),
        answers(r6_4="partially", r6_3="no"),
        {"D4": None},
        [
            ("loyalty", "loyalty", 30.0, ("r6_3",)),
            ("analytics", "analytics", 17.5, ("r6_4",)),
        ],
        id="missing-d4-no-weight",
    ),
    pytest.param(
        store(),
        answers(r7_4="no", r1_4="no"),
        {"D4": 10.0, "D2": 90.0},
        [
            # 50 × (0.9 + 0.1 × 0.5) = 47.5, + 5 for the weak D4
            ("cybersecurity", "privacy_consent", 52.5, ("r7_4",)),
            ("visibility", "reviews", 40.0, ("r1_4",)),
        ],
        id="weak-d4-adds-weight-to-privacy",
    ),
    pytest.param(
        store(),
        answers(r2_1="no"),
        {"D2": 12.0},
        [("ecommerce", "ecommerce_launch", 105.0, ("r2_1",))],
        id="weak-d2-adds-weight-to-ecommerce",
    ),
    pytest.param(
        store(subsector="456"),
        answers(r2_4="no"),
        {},
        [("booking", "booking_services", 50.0, ("r2_4",))],
        id="booking-weighs-more-for-health-and-personal-care",
    ),
    pytest.param(
        store(subsector="4561"),
        answers(r2_4="no"),
        {},
        [("booking", "booking_services", 50.0, ("r2_4",))],
        id="four-digit-naics-matches-its-subsector",
    ),
    pytest.param(
        store(subsector="458"),
        answers(r2_4="no"),
        {},
        [("booking", "booking", 30.0, ("r2_4",))],
        id="booking-for-clothing",
    ),
    pytest.param(
        store(subsector="458"),
        answers(r2_2="no"),
        {},
        [("marketplace", "marketplace_products", 50.0, ("r2_2",))],
        id="marketplace-for-clothing",
    ),
    pytest.param(
        store(subsector="458", has_marketplace=True),
        answers(r2_2="no"),
        {},
        [("marketplace", "marketplace", 35.0, ("r2_2",))],
        id="marketplace-already-used-per-profile",
    ),
    pytest.param(
        store(subsector="445"),
        answers(r2_2="no"),
        {},
        [("marketplace", "marketplace", 35.0, ("r2_2",))],
        id="marketplace-for-food",
    ),
    pytest.param(
        store(has_transactional_site=True),
        answers(r2_1="no"),
        {},
        # 55 × (0.9 × 1 + 0.1 × mean(1, 0)) = 52.25
        [("ecommerce", "ecommerce_extend", 52.25, ("r2_1",))],
        id="profile-says-transactional-site-exists",
    ),
    pytest.param(
        store(),
        answers(r1_1="no"),
        {},
        [("visibility", "website_launch", 80.0, ("r1_1",))],
        id="no-website-per-profile",
    ),
    pytest.param(
        store(has_website=True),
        answers(r1_1="no", r1_2="partially", r1_3="no"),
        {},
        # 70 × (0.9 × 1 + 0.1 × mean(1, 0.5, 1)) = 68.83
        [("visibility", "online_presence", 68.83, ("r1_1", "r1_2", "r1_3"))],
        id="several-gaps-in-one-rule",
    ),
    pytest.param(
        store(employees=0),
        answers(r5_2="no"),
        {},
        [],
        id="no-employees-no-payroll",
    ),
]


@pytest.mark.parametrize(("profile", "r_answers", "m2", "expected"), CASES)
def test_recommendation_ranking(profile, r_answers, m2, expected):
    result = run(profile, r_answers, m2)
    assert ranking(result) == expected
    assert [r.rank for r in result] == list(range(1, len(expected) + 1))


def test_limit_keeps_the_top_actions():
    r_answers = dict.fromkeys(R_ITEM_KEYS, "no")
    full = run(store(locations=2), r_answers)
    assert [r.category for r in run(store(locations=2), r_answers, limit=3)] == [
        "ecommerce",
        "pos",
        "inventory",
    ]
    assert run(store(locations=2), r_answers, limit=3) == full[:3]
    assert run(store(locations=2), r_answers, limit=0) == []


# --------------------------------------------------------------------------------------------
# "Why": plain language that cites the answers
# --------------------------------------------------------------------------------------------


def test_why_cites_the_answer_in_both_languages():
    [rec] = run(store(), answers(r2_1="no"))
    assert rec.why_fr == (
        f"Vous avez répondu «{NBSP}Non{NBSP}» à «{NBSP}{label_fr('r2_1')}{NBSP}». "
        "Une boutique en ligne permet à votre clientèle de commander et de payer à toute "
        "heure, et de vous trouver même quand elle ne peut pas se déplacer."
    )
    assert rec.why_en == (
        f"You answered “No” to “{label_en('r2_1')}”. An online store lets your customers "
        "order and pay at any time, and find you even when they cannot come to the store."
    )


def test_why_cites_every_gap_of_the_rule_in_order():
    [rec] = run(store(has_website=True), answers(r1_1="no", r1_2="partially", r1_3="no"))
    assert rec.why_fr.startswith(
        f"Vous avez répondu «{NBSP}Non{NBSP}» à «{NBSP}{label_fr('r1_1')}{NBSP}», "
        f"«{NBSP}Partiellement{NBSP}» à «{NBSP}{label_fr('r1_2')}{NBSP}» "
        f"et «{NBSP}Non{NBSP}» à «{NBSP}{label_fr('r1_3')}{NBSP}». "
    )
    assert rec.why_en.startswith(
        f"You answered “No” to “{label_en('r1_1')}”, “Partially” to “{label_en('r1_2')}” "
        f"and “No” to “{label_en('r1_3')}”. "
    )


def test_why_names_the_number_of_locations():
    [rec] = run(store(locations=4), answers(r4_1="no"))
    assert "Avec 4 points de vente, " in rec.why_fr
    assert "With 4 locations, " in rec.why_en


def test_why_cites_the_weak_m2_dimension():
    [rec] = run(store(), answers(r6_4="no"), {"D4": 18.44})
    assert rec.why_fr.endswith(
        f" Votre score M2 en «{NBSP}Gestion des données{NBSP}» est de 18 sur 100, "
        f"au niveau «{NBSP}De base{NBSP}»."
    )
    assert rec.why_en.endswith(
        " Your M2 score in “Data management” is 18 out of 100, at the “Basic” level."
    )


def test_yes_and_na_items_are_never_cited():
    r_answers = answers(r1_1="no", r1_2="yes", r1_3="na", r7_1="na", r7_2="partially")
    result = run(store(has_website=True), r_answers)
    assert ranking(result) == [
        # 70 × (0.9 + 0.1 × mean(1, 0)) = 66.5: the "na" item is left out of the mean
        ("visibility", "online_presence", 66.5, ("r1_1",)),
        # 75 × (0.9 × 0.5 + 0.1 × mean(0.5)) = 37.5
        ("cybersecurity", "security_essentials", 37.5, ("r7_2",)),
    ]
    for rec in result:
        for key in ("r1_2", "r1_3", "r7_1"):
            assert label_fr(key) not in rec.why_fr
            assert label_en(key) not in rec.why_en


def test_cite_answers_for_a_single_item():
    assert cite_answers([("r5_1", "partially")]) == (
        f"Vous avez répondu «{NBSP}Partiellement{NBSP}» à «{NBSP}{label_fr('r5_1')}{NBSP}».",
        f"You answered “Partially” to “{label_en('r5_1')}”.",
    )


# --------------------------------------------------------------------------------------------
# Solutions, trainings and capsules attached to an action
# --------------------------------------------------------------------------------------------

FIT_CASES = [
    pytest.param("pos", store(), ["caisse_b", "caisse_a", "caisse_c"], id="pos-one-location"),
    pytest.param(
        "pos",
        store(locations=3),
        ["caisse_a", "caisse_c"],
        id="pos-several-locations-needs-multi-location",
    ),
    pytest.param(
        "inventory",
        store(locations=3),
        ["caisse_a", "stocks_a"],
        id="inventory-several-locations-extra-category-counts",
    ),
    pytest.param("inventory", store(), ["caisse_a", "stocks_a"], id="inventory-one-location"),
    pytest.param(
        "ecommerce", store(locations=3), ["boutique_a", "boutique_b"], id="ecommerce-not-filtered"
    ),
    pytest.param("loyalty", store(), [], id="nothing-fits"),
]


@pytest.mark.parametrize(("category", "profile", "expected"), FIT_CASES)
def test_fit_solutions(category, profile, expected):
    assert [s.key for s in fit_solutions(category, profile, CATALOG)] == expected


def test_fit_ties_are_broken_by_name_then_key():
    twins = [
        SolutionInfo("z2", "zeta", "crm_email"),
        SolutionInfo("a1", "Alpha", "crm_email"),
        SolutionInfo("z1", "Zeta", "crm_email"),
    ]
    assert [s.key for s in fit_solutions("crm_email", store(), twins)] == ["a1", "z1", "z2"]


def test_recommendation_lists_fitting_solutions_trainings_and_capsules():
    result = run(store(locations=2), answers(r3_3="no", r7_2="no", r2_1="no"))
    assert [(r.category, r.solution_keys, r.training_keys, r.capsule_keys) for r in result] == [
        ("ecommerce", ("boutique_a", "boutique_b"), ("t_store",), ()),
        ("pos", ("caisse_a", "caisse_c"), ("t_omni",), ("c_pos",)),
        ("cybersecurity", (), ("t_security",), ("c_backup", "c_mfa")),
    ]


def test_max_solutions():
    [rec] = run(store(), answers(r3_2="no"), max_solutions=2)
    assert rec.solution_keys == ("caisse_b", "caisse_a")


def test_seed_catalog_candidates():
    solutions = [SolutionInfo.from_mapping(s) for s in SOLUTIONS]
    trainings = [
        LinkedContent(t["key"], t["title_fr"], t["title_en"], t["categories"])
        for t in TRAINING_MODULES
    ]
    result = recommend(
        store(locations=3, has_transactional_site=True),
        answers(r3_3="no", r2_3="no"),
        {},
        solutions,
        trainings,
        [],
    )
    assert [(r.category, r.solution_keys, r.training_keys) for r in result] == [
        # Square 3+4+2+2+2 = 13; Lightspeed 3+4+2+1+1+1 = 12; Shopify 4+2+1+1 = 8;
        # Odoo 4+2+0+1 = 7; Clover is left out (one location only).
        (
            "pos",
            ("square", "lightspeed_retail", "shopify", "odoo"),
            ("multi_location_inventory",),
        ),
        (
            "ecommerce",
            # Ecwid, Squarespace, Wix 4+3+2+2 = 11; Shopify 4+3+2+1+1 = 11 (several stores);
            # then Square 4+2+2+2 = 10 (the online store is an extra category for it).
            ("ecwid", "shopify", "squarespace", "wix", "square"),
            ("launch_online_store",),
        ),
    ]


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("r_answers", "m2", "message"),
    [
        ({"r2_1": "maybe"}, {}, "r2_1: answer 'maybe' is not one of"),
        ({"r9_9": "no"}, {}, "unknown module R item 'r9_9'"),
        ({"m2_2_4": "no"}, {}, "unknown module R item 'm2_2_4'"),
        ({}, {"D7": 10.0}, "unknown M2 dimension 'D7'"),
        ({}, {"D4": 100.5}, "D4: score 100.5 is outside 0-100"),
        ({}, {"D4": -1}, "D4: score -1 is outside 0-100"),
    ],
)
def test_bad_input_is_refused(r_answers, m2, message):
    with pytest.raises(ValueError, match=message):
        recommend(store(), r_answers, m2, CATALOG, TRAININGS, CAPSULES)


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

SUBSECTORS = ["441", "444", "445", "449", "455", "456", "457", "458", "459", "4581", "448"]
profiles = st.builds(
    Profile,
    employees=st.integers(0, 99),
    locations=st.integers(1, 12),
    subsector=st.sampled_from(SUBSECTORS),
    has_website=st.booleans(),
    has_transactional_site=st.booleans(),
    has_marketplace=st.booleans(),
)
r_answer_maps = st.fixed_dictionaries(
    {}, optional={key: st.sampled_from(ANSWER_VALUES) for key in R_ITEM_KEYS}
)
m2_maps = st.fixed_dictionaries(
    {},
    optional={key: st.none() | st.floats(0, 100, allow_nan=False) for key in M2_DIMENSION_KEYS},
)
IMPROVEMENTS = [("no", "partially"), ("no", "yes"), ("partially", "yes")]


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, r_answer_maps, m2_maps)
def test_structure(profile, r_answers, m2):
    result = run(profile, r_answers, m2)
    categories = [r.category for r in result]
    assert len(categories) == len(set(categories))
    assert [r.rank for r in result] == list(range(1, len(result) + 1))
    assert [r.score for r in result] == sorted((r.score for r in result), reverse=True)
    for rec in result:
        assert rec.source_items
        for key in rec.source_items:
            assert r_answers[key] in ("no", "partially")
        for key, answer in r_answers.items():
            if answer in ("yes", "na"):
                assert key not in rec.source_items
                assert f"«{NBSP}{label_fr(key)}{NBSP}»" not in rec.why_fr
                assert f"“{label_en(key)}”" not in rec.why_en


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, r_answer_maps, m2_maps, st.data())
def test_improving_an_answer_never_adds_an_action_nor_raises_a_score(profile, r_answers, m2, data):
    improvable = sorted(k for k, v in r_answers.items() if v in ("no", "partially"))
    if not improvable:
        return
    key = data.draw(st.sampled_from(improvable))
    better = data.draw(st.sampled_from([new for old, new in IMPROVEMENTS if old == r_answers[key]]))
    before = {r.category: r.score for r in run(profile, r_answers, m2)}
    after = {r.category: r.score for r in run(profile, {**r_answers, key: better}, m2)}
    assert set(after) <= set(before)
    for category, score in after.items():
        assert score <= before[category]


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, r_answer_maps, m2_maps)
def test_no_transactional_site_always_gets_ecommerce_first(profile, r_answers, m2):
    profile = replace(profile, has_transactional_site=False)
    result = run(profile, {**r_answers, "r2_1": "no"}, m2)
    assert (result[0].category, result[0].rule_key) == ("ecommerce", "ecommerce_launch")


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, r_answer_maps, m2_maps)
def test_multi_location_without_sync_gets_pos_above_generic_actions(profile, r_answers, m2):
    profile = replace(profile, locations=max(profile.locations, 2))
    result = run(profile, {**r_answers, "r3_3": "no"}, m2)
    categories = [r.category for r in result]
    assert categories[: categories.index("pos")] in ([], ["ecommerce"])
    assert result[categories.index("pos")].rule_key == "omnichannel_multi_location"


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, r_answer_maps, m2_maps)
def test_m2_never_decides_what_is_recommended(profile, r_answers, m2):
    with_m2 = [r.category for r in run(profile, r_answers, m2)]
    without_m2 = [r.category for r in run(profile, r_answers, {})]
    assert sorted(with_m2) == sorted(without_m2)


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, m2_maps, st.sampled_from(["yes", "na"]))
def test_nothing_to_do_when_every_item_is_yes_or_na(profile, m2, answer):
    assert run(profile, dict.fromkeys(R_ITEM_KEYS, answer), m2) == []


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, r_answer_maps, m2_maps, st.randoms(use_true_random=False))
def test_deterministic_whatever_the_input_order(profile, r_answers, m2, rnd: random.Random):
    expected = run(profile, r_answers, m2)
    shuffled_answers = list(r_answers.items())
    rnd.shuffle(shuffled_answers)
    catalog, trainings, capsules = list(CATALOG), list(TRAININGS), list(CAPSULES)
    for items in (catalog, trainings, capsules):
        rnd.shuffle(items)
    again = recommend(profile, dict(shuffled_answers), m2, catalog, trainings, capsules)
    assert again == expected


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, r_answer_maps, m2_maps, st.integers(0, 16))
def test_limit_is_a_prefix(profile, r_answers, m2, limit):
    assert run(profile, r_answers, m2, limit=limit) == run(profile, r_answers, m2)[:limit]


@settings(deadline=None)  # pure and fast; no flaky timing on a loaded machine
@given(profiles, r_answer_maps)
def test_pos_and_inventory_candidates_handle_several_locations(profile, r_answers):
    solutions = [SolutionInfo.from_mapping(s) for s in SOLUTIONS]
    result = recommend(profile, r_answers, {}, solutions, [], [])
    by_key = {s.key: s for s in solutions}
    for rec in result:
        if rec.category in ("pos", "inventory") and profile.locations > 1:
            assert all(by_key[key].multi_location for key in rec.solution_keys)
