"""The eligibility rules (pure): one row per case, plus properties checked with hypothesis."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from virage.enterprises.eligibility import (
    ELIGIBLE,
    INELIGIBLE,
    NEEDS_REVIEW,
    RULES_VERSION,
    EligibilityCriteria,
    EligibilityFacts,
    EligibilityResult,
    criteria_from_program,
    evaluate,
)

RETAIL = frozenset({"441", "444", "445", "449", "455", "456", "457", "458", "459"})
CRITERIA = EligibilityCriteria(
    subsector_codes=RETAIL, employee_limit=100, postal_prefixes=("G", "H", "J")
)
OK = EligibilityFacts(
    subsector_code="458",
    employees=6,
    postal_codes=("J2G 2V5",),
    region_codes=("16",),
    neq="1170000001",
)

CASES = [
    # (name, changes to the facts, outcome, reason codes)
    ("all criteria met", {}, ELIGIBLE, []),
    ("6-digit NAICS code of an eligible subsector", {"subsector_code": "458110"}, ELIGIBLE, []),
    ("4-digit code under 449", {"subsector_code": "4491"}, ELIGIBLE, []),
    ("professional services", {"subsector_code": "541"}, INELIGIBLE, ["subsector_not_retail"]),
    ("manufacturing, 6 digits", {"subsector_code": "311811"}, INELIGIBLE, ["subsector_not_retail"]),
    (
        "NAICS 2017 retail code 448",
        {"subsector_code": "448"},
        NEEDS_REVIEW,
        ["subsector_retail_unlisted"],
    ),
    (
        "NAICS 2017 code 4541",
        {"subsector_code": "4541"},
        NEEDS_REVIEW,
        ["subsector_retail_unlisted"],
    ),
    ("sector only (44)", {"subsector_code": "44"}, NEEDS_REVIEW, ["subsector_retail_unlisted"]),
    ("no subsector", {"subsector_code": None}, NEEDS_REVIEW, ["subsector_unknown"]),
    ("blank subsector", {"subsector_code": "  "}, NEEDS_REVIEW, ["subsector_unknown"]),
    ("garbled subsector", {"subsector_code": "45A"}, NEEDS_REVIEW, ["subsector_unknown"]),
    ("0 employees (owner only)", {"employees": 0}, ELIGIBLE, []),
    ("99 employees", {"employees": 99}, ELIGIBLE, []),
    ("exactly 100 employees", {"employees": 100}, INELIGIBLE, ["employees_over_limit"]),
    ("250 employees", {"employees": 250}, INELIGIBLE, ["employees_over_limit"]),
    ("employees unknown", {"employees": None}, NEEDS_REVIEW, ["employees_unknown"]),
    ("negative employees", {"employees": -1}, NEEDS_REVIEW, ["employees_invalid"]),
    ("Québec City postal code", {"postal_codes": ("G1R 4P5",)}, ELIGIBLE, []),
    ("Montréal, lower case, no space", {"postal_codes": ("h2x1y4",)}, ELIGIBLE, []),
    ("forward sortation area only", {"postal_codes": ("J2G",)}, ELIGIBLE, []),
    ("Ottawa only", {"postal_codes": ("K1A 0B1",)}, INELIGIBLE, ["location_outside_quebec"]),
    ("Ottawa and Gatineau", {"postal_codes": ("K1A 0B1", "J8X 3X7")}, ELIGIBLE, []),
    (
        "Toronto and Moncton",
        {"postal_codes": ("M5V 2T6", "E1C 4M3")},
        INELIGIBLE,
        ["location_outside_quebec"],
    ),
    ("no location", {"postal_codes": ()}, NEEDS_REVIEW, ["location_unknown"]),
    ("blank postal code", {"postal_codes": ("",)}, NEEDS_REVIEW, ["location_unknown"]),
    ("malformed postal code", {"postal_codes": ("12345",)}, NEEDS_REVIEW, ["postal_code_invalid"]),
    (
        "malformed and Ontario",
        {"postal_codes": ("K1A 0B1", "HX")},
        NEEDS_REVIEW,
        ["postal_code_invalid"],
    ),
    ("malformed but one in Québec", {"postal_codes": ("HX", "H2X 1Y4")}, ELIGIBLE, []),
    ("no region", {"region_codes": ()}, NEEDS_REVIEW, ["region_unknown"]),
    ("NEQ missing", {"neq": None}, NEEDS_REVIEW, ["neq_missing"]),
    ("NEQ with spaces", {"neq": "1170 000 001"}, ELIGIBLE, []),
    ("NEQ too short", {"neq": "117000"}, NEEDS_REVIEW, ["neq_invalid"]),
    (
        "too big and outside Québec: every reason is given",
        {"employees": 150, "postal_codes": ("K1A 0B1",)},
        INELIGIBLE,
        ["employees_over_limit", "location_outside_quebec"],
    ),
    (
        "ineligible wins over needs review",
        {"subsector_code": "541", "employees": None, "neq": None},
        INELIGIBLE,
        ["subsector_not_retail", "employees_unknown", "neq_missing"],
    ),
]


@pytest.mark.parametrize(
    ("changes", "outcome", "codes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_rules(changes, outcome, codes):
    result = evaluate(replace(OK, **changes), CRITERIA)
    assert (result.outcome, result.codes()) == (outcome, codes)


def test_public_check_does_not_ask_for_the_neq():
    criteria = replace(CRITERIA, require_neq=False)
    assert evaluate(replace(OK, neq=None), criteria).outcome == ELIGIBLE


def test_a_retail_subsector_the_admin_excluded_is_ineligible():
    criteria = replace(
        CRITERIA, subsector_codes=RETAIL - {"457"}, excluded_subsector_codes=frozenset({"457"})
    )
    result = evaluate(replace(OK, subsector_code="457"), criteria)
    assert (result.outcome, result.codes()) == (INELIGIBLE, ["subsector_excluded"])
    assert result.reasons[0].message_en == (
        "Subsector 457 is part of retail trade, but the program does not accept it at this time."
    )


def test_messages_explain_in_plain_words_in_both_languages():
    result = evaluate(
        replace(OK, subsector_code="541", employees=120, postal_codes=("K1A 0B1",)), CRITERIA
    )
    assert [(r.field, r.severity) for r in result.reasons] == [
        ("subsector", INELIGIBLE),
        ("employees", INELIGIBLE),
        ("postal_codes", INELIGIBLE),
    ]
    assert [r.message_fr for r in result.reasons] == [
        "Le programme s'adresse aux commerces de détail (SCIAN 44-45) ; "
        "le sous-secteur 541 n'en fait pas partie.",
        "Le programme s'adresse aux entreprises de moins de 100 employés "
        "(équivalents temps plein) ; l'entreprise en compte 120.",
        "Le programme s'adresse aux commerces qui ont au moins un établissement au Québec "
        "(code postal commençant par G, H ou J) ; aucune des adresses indiquées ne s'y "
        "trouve (K1A 0B1).",
    ]
    assert [r.message("en") for r in result.reasons] == [
        "The program is for retail businesses (NAICS 44-45); subsector 541 is not one of them.",
        "The program is for businesses with fewer than 100 employees (full-time equivalents); "
        "this business has 120.",
        "The program is for retailers with at least one location in Québec (postal code "
        "starting with G, H or J); none of the addresses given is in Québec (K1A 0B1).",
    ]
    assert result.reasons[0].message("fr-ca") == result.reasons[0].message_fr


def test_criteria_come_from_the_program_settings():
    program = SimpleNamespace(employee_limit=50, postal_prefixes=["H", "J"])
    subsectors = [
        SimpleNamespace(code="458", is_eligible=True),
        SimpleNamespace(code="445", is_eligible=True),
        SimpleNamespace(code="457", is_eligible=False),
    ]
    criteria = criteria_from_program(program, subsectors)
    assert criteria == EligibilityCriteria(
        subsector_codes=frozenset({"458", "445"}),
        excluded_subsector_codes=frozenset({"457"}),
        employee_limit=50,
        postal_prefixes=("H", "J"),
    )
    assert evaluate(replace(OK, postal_codes=("G1R 4P5",)), criteria).codes() == [
        "location_outside_quebec"
    ]
    assert evaluate(replace(OK, employees=50), criteria).codes() == ["employees_over_limit"]
    assert criteria_from_program(program, subsectors, require_neq=False).require_neq is False


@pytest.mark.django_db
def test_criteria_from_the_seeded_program(program):
    from virage.programs.models import Subsector

    criteria = criteria_from_program(program, Subsector.objects.all())
    assert criteria.as_dict() == {
        "subsector_codes": ["441", "444", "445", "449", "455", "456", "457", "458", "459"],
        "excluded_subsector_codes": [],
        "employee_limit": 100,
        "postal_prefixes": ["G", "H", "J"],
        "retail_sectors": ["44", "45"],
        "require_neq": True,
    }


def test_results_and_criteria_round_trip_through_json():
    result = evaluate(replace(OK, employees=None), CRITERIA)
    assert EligibilityResult.from_dict(result.as_dict()) == result
    assert result.as_dict()["version"] == RULES_VERSION
    assert EligibilityCriteria.from_dict(CRITERIA.as_dict()) == CRITERIA


# --- properties ----------------------------------------------------------------------------

naics = st.one_of(
    st.none(),
    st.sampled_from(sorted(RETAIL)),
    st.from_regex(r"\A\d{2,6}\Z", fullmatch=True),
    st.text(max_size=6),
)
postal = st.one_of(
    st.from_regex(r"\A[ABCEGHJKLMNPRSTVXY]\d[A-Z] ?\d[A-Z]\d\Z", fullmatch=True),
    st.text(max_size=8),
)
facts_strategy = st.builds(
    EligibilityFacts,
    subsector_code=naics,
    employees=st.one_of(st.none(), st.integers(min_value=-5, max_value=500)),
    postal_codes=st.lists(postal, max_size=3).map(tuple),
    region_codes=st.lists(st.sampled_from(["05", "06", "16"]), max_size=2).map(tuple),
    neq=st.one_of(st.none(), st.from_regex(r"\A\d{8,11}\Z", fullmatch=True)),
)


@given(facts_strategy)
def test_outcome_follows_the_reasons(facts):
    result = evaluate(facts, CRITERIA)
    severities = {r.severity for r in result.reasons}
    assert result.outcome in {ELIGIBLE, INELIGIBLE, NEEDS_REVIEW}
    assert (result.outcome == ELIGIBLE) == (result.reasons == [])
    assert (result.outcome == INELIGIBLE) == (INELIGIBLE in severities)
    assert all(r.message_fr and r.message_en for r in result.reasons)
    assert len({r.field for r in result.reasons}) == len(result.reasons)  # one reason per rule


@given(facts_strategy, st.integers(min_value=0, max_value=500))
def test_fewer_employees_never_hurts(facts, fewer):
    if facts.employees is None or facts.employees < 0:
        return
    smaller = replace(facts, employees=min(fewer, facts.employees))
    rank = {ELIGIBLE: 0, NEEDS_REVIEW: 1, INELIGIBLE: 2}
    assert rank[evaluate(smaller, CRITERIA).outcome] <= rank[evaluate(facts, CRITERIA).outcome]


@given(facts_strategy)
def test_adding_a_quebec_location_clears_every_location_reason(facts):
    more = replace(facts, postal_codes=(*facts.postal_codes, "H2X 1Y4"))
    codes = evaluate(more, CRITERIA).codes()
    assert {"location_unknown", "location_outside_quebec", "postal_code_invalid"} & set(
        codes
    ) == set()


@given(st.integers(min_value=1, max_value=1000), st.integers(min_value=0, max_value=2000))
def test_employee_limit_is_strict(limit, employees):
    criteria = replace(CRITERIA, employee_limit=limit)
    result = evaluate(replace(OK, employees=employees), criteria)
    assert result.outcome == (ELIGIBLE if employees < limit else INELIGIBLE)
