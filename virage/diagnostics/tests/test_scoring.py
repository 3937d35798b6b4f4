"""Questionnaire data and pure scoring: table-driven cases and properties (no database)."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from virage.diagnostics import questionnaire as qn
from virage.diagnostics.scoring import (
    SCORERS,
    AnswerError,
    InvalidAnswersError,
    band_for,
    gaps,
    round_half_up,
    score_m2,
    score_r,
    to_json_result,
    validate_answers,
)

DOCS = Path(__file__).resolve().parents[3] / "docs"
EXAMPLE_FILE = DOCS / "examples" / "diagnostic-answers.json"


def blank_m2() -> dict:
    """Valid M2 answers with nothing in place: every question scores 0."""
    answers: dict = {}
    for q in qn.questions("m2"):
        n = len(q.items)
        answers[q.key] = {
            qn.INVEST_MATRIX: lambda: {"already": [], "plans": []},
            qn.MULTI: list,
            qn.LEVELS: lambda n=n: [0] * n,
            qn.TRISTATE: lambda n=n: ["no"] * n,
        }[q.answer_type]()
    return answers


def all_r(value: str) -> dict:
    return dict.fromkeys(qn.all_item_keys("r"), value)


def m2_with(**overrides) -> dict:
    return blank_m2() | overrides


def exact(numerator, denominator=1) -> float:
    """The float a correct exact computation yields for ``numerator / denominator``."""
    return float(Fraction(numerator, denominator))


# --------------------------------------------------------------------------------------------
# Questionnaire data
# --------------------------------------------------------------------------------------------


def test_questionnaire_version_and_scorers():
    assert qn.QUESTIONNAIRE_VERSION == "2026.1"
    assert {v: (s.version, s.module) for v, s in SCORERS.items()} == {
        "dma-b1": ("dma-b1", "m2"),
        "retail-r1": ("retail-r1", "r"),
    }


def test_m2_structure_matches_domain_table():
    shape = [(q.key, q.dimension, q.answer_type, len(q.items)) for q in qn.questions("m2")]
    assert shape == [
        ("m2_1_1", "D1", "invest_matrix", 10),
        ("m2_1_2", "D1", "multi", 10),
        ("m2_2_3", "D2", "multi", 10),
        ("m2_2_4", "D2", "levels", 7),
        ("m2_3_5", "D3", "multi", 7),
        ("m2_3_6", "D3", "multi", 8),
        ("m2_4_7", "D4", "multi", 8),
        ("m2_4_8", "D4", "multi", 6),
        ("m2_5_9", "D5", "levels", 5),
        ("m2_6_10", "D6", "multi", 10),
        ("m2_6_11", "D6", "tristate", 5),
    ]
    assert [q.number for q in qn.questions("m2")] == list(range(1, 12))


def test_module_r_items_in_domain_order_with_categories():
    assert {q.key: [i.key for i in q.items] for q in qn.questions("r")} == {
        "r1": ["r1_1", "r1_2", "r1_3", "r1_4"],
        "r2": ["r2_1", "r2_2", "r2_3", "r2_4"],
        "r3": ["r3_1", "r3_2", "r3_3"],
        "r4": ["r4_1", "r4_2", "r4_3"],
        "r5": ["r5_1", "r5_2"],
        "r6": ["r6_1", "r6_2", "r6_3", "r6_4"],
        "r7": ["r7_1", "r7_2", "r7_3", "r7_4"],
    }
    assert qn.items_by_key()["r2_1"][1].label_en == "Transactional web site: order and pay online"
    assert qn.items_by_key()["r2_1"][1].categories == ("ecommerce", "payments")
    for key in qn.all_item_keys("r"):
        item = qn.items_by_key()[key][1]
        assert item.categories, key
        assert set(item.categories) <= set(qn.SOLUTION_CATEGORIES), key
    used = {c for k in qn.all_item_keys("r") for c in qn.items_by_key()[k][1].categories}
    assert used == set(qn.SOLUTION_CATEGORIES)


def test_irrelevant_items_and_negative_weight():
    irrelevant = [k for k, (_, i) in qn.items_by_key().items() if not i.relevant_to_retail]
    assert irrelevant == ["m2_2_4_1", "m2_2_4_3", "m2_2_4_4", "m2_2_4_7", "m2_5_9_4"]
    weights = {k: i.weight for k, (_, i) in qn.items_by_key().items() if i.weight != 1}
    assert weights == {"m2_4_7_2": -1}


def test_every_text_present_in_both_languages():
    for obj in (*qn.MODULES.values(), *qn.DIMENSIONS.values(), *qn.R_GROUPS.values()):
        assert obj.title_fr
        assert obj.title_en
        assert obj.title_fr != obj.title_en
    for q in qn.QUESTIONS:
        for name in ("title", "short", "help"):
            assert getattr(q, f"{name}_fr"), (q.key, name)
            assert getattr(q, f"{name}_en"), (q.key, name)
        assert [i.number for i in q.items] == list(range(1, len(q.items) + 1))
        assert len({i.label_fr for i in q.items}) == len(q.items), q.key
        assert len({i.label_en for i in q.items}) == len(q.items), q.key
    assert [(b.key, b.label_fr, b.label_en) for b in qn.BANDS] == [
        ("basic", "De base", "Basic"),
        ("average", "Moyen", "Average"),
        ("moderate", "Modérément avancé", "Moderately advanced"),
        ("advanced", "Avancé", "Advanced"),
    ]


def test_lookups_and_pages():
    assert list(qn.questions_by_key()) == [
        *(q.key for q in qn.questions("m2")),
        *(f"r{n}" for n in range(1, 8)),
    ]
    assert len(qn.all_item_keys()) == len(set(qn.all_item_keys())) == 86 + 24
    assert qn.all_item_keys("m2")[:3] == ("m2_1_1_1", "m2_1_1_2", "m2_1_1_3")
    assert len(qn.answer_keys()) == 11 + 24
    assert [p.key for p in qn.pages()] == [
        *("d1", "d2", "d3", "d4", "d5", "d6"),
        *("r1", "r2", "r3", "r4", "r5", "r6", "r7"),
    ]
    on_pages = [q for p in qn.pages() for q in p.questions]
    assert on_pages == list(qn.QUESTIONS)
    with pytest.raises(ValueError, match="unknown module 'm3'"):
        qn.questions("m3")


# --------------------------------------------------------------------------------------------
# dma-b1: every answer type
# --------------------------------------------------------------------------------------------

QUESTION_CASES = [
    # Q1: 10 x (already + 0.5 x plans) / 15
    ("m2_1_1", {"already": [], "plans": []}, exact(0)),
    ("m2_1_1", {"already": [1, 2], "plans": [3]}, exact(5, 3)),
    ("m2_1_1", {"already": [], "plans": list(range(1, 11))}, exact(10, 3)),
    ("m2_1_1", {"already": list(range(1, 11)), "plans": []}, exact(20, 3)),
    ("m2_1_1", {"already": list(range(1, 11)), "plans": list(range(1, 11))}, exact(10)),
    ("m2_1_1", {"already": [4], "plans": [4]}, exact(1)),
    # multi-select: 10 x ticked / count
    ("m2_1_2", [1, 2, 3], exact(3)),
    ("m2_1_2", list(range(1, 11)), exact(10)),
    ("m2_2_3", [2, 5], exact(2)),
    ("m2_3_5", [1], exact(10, 7)),
    ("m2_3_5", list(range(1, 8)), exact(10)),
    ("m2_3_6", [1, 2], exact(5, 2)),
    ("m2_4_8", [1, 2, 3], exact(5)),
    ("m2_6_10", [10], exact(1)),
    # Q7: item 2 weighs -1, others +1, / 6, clamped to 0..10
    ("m2_4_7", [3], exact(10, 6)),
    ("m2_4_7", [2, 3], exact(0)),
    ("m2_4_7", [1, 2, 3], exact(10, 6)),
    ("m2_4_7", [2], exact(0)),  # -10/6 clamped to 0
    ("m2_4_7", [1, 3, 4, 5, 6, 7], exact(10)),
    ("m2_4_7", [1, 3, 4, 5, 6, 7, 8], exact(10)),  # 70/6 clamped to 10
    ("m2_4_7", list(range(1, 9)), exact(10)),  # (7 - 1) / 6
    # levels: 10 x mean / 5
    ("m2_2_4", [5] * 7, exact(10)),
    ("m2_2_4", [1, 0, 0, 0, 0, 0, 0], exact(2, 7)),
    ("m2_2_4", [0, 1, 2, 3, 4, 5, 0], exact(30, 7)),
    ("m2_5_9", [1, 2, 3, 4, 5], exact(6)),
    ("m2_5_9", [0, 0, 0, 0, 1], exact(2, 5)),
    # tri-state: no 0, partially 0.5, yes 1; 10 x mean
    ("m2_6_11", ["yes"] * 5, exact(10)),
    ("m2_6_11", ["partially"] * 5, exact(5)),
    ("m2_6_11", ["yes", "no", "no", "no", "no"], exact(2)),
    ("m2_6_11", ["partially", "yes", "no", "no", "no"], exact(3)),
]


@pytest.mark.parametrize(("key", "answer", "expected"), QUESTION_CASES)
def test_question_score(key, answer, expected):
    result = score_m2(m2_with(**{key: answer}))
    assert result.questions[key] == expected
    others = {k: v for k, v in result.questions.items() if k != key}
    assert set(others.values()) == {0.0}


def test_blank_answers_score_zero_basic():
    result = score_m2(blank_m2())
    assert result.dimensions == dict.fromkeys(["D1", "D2", "D3", "D4", "D5", "D6"], 0.0)
    assert (result.overall, result.band) == (0.0, "basic")


def test_full_answers_score_hundred_advanced():
    answers = {
        "m2_1_1": {"already": list(range(1, 11)), "plans": list(range(1, 11))},
        "m2_2_4": [5] * 7,
        "m2_5_9": [5] * 5,
        "m2_6_11": ["yes"] * 5,
    }
    for q in qn.questions("m2"):
        if q.answer_type == qn.MULTI:
            answers[q.key] = [i.number for i in q.items if not i.is_negative]
    result = score_m2(answers)
    assert set(result.questions.values()) == {10.0}
    assert set(result.dimensions.values()) == {100.0}
    assert (result.overall, result.band) == (100.0, "advanced")


def test_domain_worked_example_d1():
    """DOMAIN.md: 0 "already", 10 "plans", 6 readiness items: 10 x mean(3.33, 6) = 46.7."""
    answers = m2_with(
        m2_1_1={"already": [], "plans": list(range(1, 11))}, m2_1_2=[1, 2, 3, 4, 5, 6]
    )
    result = score_m2(answers)
    assert result.questions["m2_1_1"] == exact(10, 3)
    assert result.questions["m2_1_2"] == exact(6)
    assert result.dimensions["D1"] == exact(140, 3)
    assert to_json_result(result)["dimensions"]["D1"] == 46.7
    assert result.dimension_bands["D1"] == "average"


def test_dimension_is_ten_times_mean_and_overall_mean_of_dimensions():
    answers = m2_with(m2_5_9=[1, 2, 3, 4, 5], m2_3_6=[1], m2_6_10=[1, 2, 3, 4, 5])
    result = score_m2(answers)
    assert result.dimensions == {
        "D1": 0.0,
        "D2": 0.0,
        "D3": exact(25, 4),  # 10 x mean(Q5 0, Q6 1.25) = 6.25
        "D4": 0.0,
        "D5": 60.0,  # D5 has one question
        "D6": 25.0,  # 10 x mean(5, 0)
    }
    assert result.overall == exact(365, 24)  # (6.25 + 60 + 25) / 6
    # 6.25 rounds half-up to 6.3 (Python's round() would give 6.2)
    assert to_json_result(result) == {
        "version": "dma-b1",
        "dimensions": {"D1": 0.0, "D2": 0.0, "D3": 6.3, "D4": 0.0, "D5": 60.0, "D6": 25.0},
        "overall": 15.2,
        "band": "basic",
    }


def test_overall_exactly_on_a_half_rounds_up_into_the_next_band():
    answers = {
        "m2_1_1": {"already": [1, 4, 5, 6, 9], "plans": [1, 2, 5, 7, 8, 9, 10]},
        "m2_1_2": [2, 3, 5, 6, 7, 9, 10],
        "m2_2_3": [2, 3, 6, 10],
        "m2_2_4": [1, 5, 4, 2, 4, 0, 0],
        "m2_3_5": [4],
        "m2_3_6": [1, 2, 4, 5],
        "m2_4_7": [1, 2, 3, 5, 6, 8],
        "m2_4_8": [3, 4, 5, 6],
        "m2_5_9": [1, 0, 5, 5, 1],
        "m2_6_10": [7, 9, 10],
        "m2_6_11": ["partially", "yes", "yes", "partially", "partially"],
    }
    result = score_m2(answers)
    assert result.overall == 50.5
    assert round(result.overall) == 50  # banker's rounding would say "average"
    assert result.band == "moderate"
    assert to_json_result(result) == {
        "version": "dma-b1",
        "dimensions": {"D1": 63.3, "D2": 42.9, "D3": 32.1, "D4": 66.7, "D5": 48.0, "D6": 50.0},
        "overall": 50.5,
        "band": "moderate",
    }


def test_result_rounding_keeps_exact_values_inside():
    result = score_m2(m2_with(m2_1_1={"already": [1], "plans": []}))
    assert result.dimensions["D1"] == exact(10, 3)  # 10 x mean(10 x 1 / 15, 0)
    assert result.rounded().dimensions["D1"] == 3.3
    assert result.as_dict()["questions"]["m2_1_1"] == 0.7
    assert result.as_dict(2)["dimensions"]["D1"] == 3.33
    assert list(to_json_result(result)) == ["version", "dimensions", "overall", "band"]


# --------------------------------------------------------------------------------------------
# Bands and rounding
# --------------------------------------------------------------------------------------------

BAND_CASES = [
    (0, "basic"),
    (25, "basic"),
    (25.4, "basic"),
    (25.49, "basic"),
    (25.5, "average"),
    (26, "average"),
    (50.4, "average"),
    (50.5, "moderate"),
    (75.4, "moderate"),
    (75.5, "advanced"),
    (100, "advanced"),
    (Decimal("25.5"), "average"),
    (Fraction(51, 2), "average"),
    (Fraction(101, 4), "basic"),
    (Fraction(101, 2), "moderate"),
]


@pytest.mark.parametrize(("value", "band"), BAND_CASES)
def test_band_for(value, band):
    assert band_for(value) == band


@pytest.mark.parametrize(
    ("value", "error"),
    [(-0.1, ValueError), (100.01, ValueError), (float("nan"), ValueError), (True, TypeError)],
)
def test_band_for_rejects(value, error):
    with pytest.raises(error):
        band_for(value)


@pytest.mark.parametrize(
    ("value", "ndigits", "expected"),
    [(46.65, 1, 46.7), (25.45, 1, 25.5), (0.05, 1, 0.1), (2.675, 2, 2.68), (6.25, 1, 6.3)],
)
def test_round_half_up(value, ndigits, expected):
    assert round_half_up(value, ndigits) == expected


# --------------------------------------------------------------------------------------------
# retail-r1
# --------------------------------------------------------------------------------------------


def test_module_r_all_yes_and_all_no():
    assert score_r(all_r("yes")).as_dict()["groups"] == {f"R{n}": 100.0 for n in range(1, 8)}
    result = score_r(all_r("no"))
    assert (result.overall, result.applicable) == (0.0, 24)


def test_module_r_not_applicable_left_out():
    result = score_r(all_r("na"))
    assert result.groups == {f"R{n}": None for n in range(1, 8)}
    assert (result.overall, result.applicable) == (None, 0)
    assert result.as_dict()["overall"] is None


def test_module_r_group_and_overall_are_means_over_applicable_items():
    answers = all_r("yes") | {
        "r1_2": "partially",
        "r1_3": "no",
        "r1_4": "na",
        "r5_1": "na",
        "r5_2": "na",
        "r7_1": "no",
    }
    result = score_r(answers)
    assert result.groups["R1"] == 50.0  # (1 + 0.5 + 0) / 3
    assert result.groups["R5"] is None
    assert result.groups["R7"] == 75.0
    assert result.overall == exact(1850, 21)  # items, not groups: 18.5 points / 21
    assert result.items["r1_4"] is None
    assert result.items["r1_2"] == 0.5


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


def err(key, en, fr):
    return AnswerError(key, en, fr)


# fmt: off
VALIDATION_CASES = [
    (
        "unknown key",
        {"m2_9_9": []},
        [err("m2_9_9", "m2_9_9: unknown question or item key.",
             "m2_9_9 : clé de question ou d'élément inconnue.")],
    ),
    (
        "matrix not an object",
        {"m2_1_1": [1, 2]},
        [err("m2_1_1", 'm2_1_1: expected an object with two lists, "already" and "plans".',
             "m2_1_1 : un objet avec deux listes, « already » et « plans », est attendu.")],
    ),
    (
        "matrix extra field and missing list",
        {"m2_1_1": {"already": [], "maybe": []}},
        [
            err("m2_1_1",
                'm2_1_1: unexpected field "maybe"; only "already" and "plans" are allowed.',
                "m2_1_1 : champ inattendu \"maybe\"; seuls « already » et « plans » sont permis."),
            err("m2_1_1", 'm2_1_1: the list "plans" is missing.',
                "m2_1_1 : la liste « plans » est manquante."),
        ],
    ),
    (
        "matrix box not a list",
        {"m2_1_1": {"already": "3", "plans": []}},
        [err("m2_1_1", 'm2_1_1: "already" must be a list of area numbers.',
             "m2_1_1 : « already » doit être une liste de numéros de secteurs.")],
    ),
    (
        "matrix out of range, duplicate, not a number",
        {"m2_1_1": {"already": [11, 3, 3], "plans": [0, "2"]}},
        [
            err("m2_1_1", 'm2_1_1: area 11 in "already" is out of range (1 to 10).',
                "m2_1_1 : le secteur 11 dans « already » est hors limites (1 à 10)."),
            err("m2_1_1", 'm2_1_1: area 3 appears more than once in "already".',
                "m2_1_1 : le secteur 3 figure plus d'une fois dans « already »."),
            err("m2_1_1", 'm2_1_1: area 0 in "plans" is out of range (1 to 10).',
                "m2_1_1 : le secteur 0 dans « plans » est hors limites (1 à 10)."),
            err("m2_1_1", 'm2_1_1: area "2" in "plans" is not a whole number.',
                "m2_1_1 : le secteur \"2\" dans « plans » n'est pas un nombre entier."),
        ],
    ),
    (
        "matrix: one area both already invested and planned is allowed",
        {"m2_1_1": {"already": [1, 2], "plans": [2, 3]}},
        [],
    ),
    (
        "multi not a list",
        {"m2_1_2": "1,2"},
        [err("m2_1_2", "m2_1_2: expected a list of ticked item numbers.",
             "m2_1_2 : une liste des numéros d'éléments cochés est attendue.")],
    ),
    (
        "multi out of range, duplicate, boolean, decimal",
        {"m2_4_8": [7, 2, 2, True, 1.0]},
        [
            err("m2_4_8", "m2_4_8: item 7 is out of range (1 to 6).",
                "m2_4_8 : l'élément 7 est hors limites (1 à 6)."),
            err("m2_4_8", "m2_4_8: item 2 appears more than once.",
                "m2_4_8 : l'élément 2 figure plus d'une fois."),
            err("m2_4_8", "m2_4_8: item true is not a whole number.",
                "m2_4_8 : l'élément true n'est pas un nombre entier."),
            err("m2_4_8", "m2_4_8: item 1.0 is not a whole number.",
                "m2_4_8 : l'élément 1.0 n'est pas un nombre entier."),
        ],
    ),
    (
        "levels: wrong row count",
        {"m2_2_4": [0] * 6},
        [err("m2_2_4", "m2_2_4: expected 7 levels, one per row, got 6.",
             "m2_2_4 : 7 niveaux sont attendus, une valeur par ligne; 6 reçus.")],
    ),
    (
        "levels: not a list",
        {"m2_5_9": 3},
        [err("m2_5_9", "m2_5_9: expected a list of 5 levels, one per row.",
             "m2_5_9 : une liste de 5 niveaux, une valeur par ligne, est attendue.")],
    ),
    (
        "levels outside 0-5 or not whole",
        {"m2_5_9": [0, 6, -1, "x", 5]},
        [
            err("m2_5_9", "m2_5_9: row 2: level 6 is out of range (0 to 5).",
                "m2_5_9 : ligne 2 : le niveau 6 est hors limites (0 à 5)."),
            err("m2_5_9", "m2_5_9: row 3: level -1 is out of range (0 to 5).",
                "m2_5_9 : ligne 3 : le niveau -1 est hors limites (0 à 5)."),
            err("m2_5_9", 'm2_5_9: row 4: level "x" is not a whole number.',
                "m2_5_9 : ligne 4 : le niveau \"x\" n'est pas un nombre entier."),
        ],
    ),
    (
        "tri-state: wrong row count",
        {"m2_6_11": ["no"] * 4},
        [err("m2_6_11", "m2_6_11: expected 5 answers, one per row, got 4.",
             "m2_6_11 : 5 choix sont attendus, une valeur par ligne; 4 reçus.")],
    ),
    (
        "tri-state: bad value",
        {"m2_6_11": ["no", "maybe", "yes", "Yes", None]},
        [
            err("m2_6_11", 'm2_6_11: row 2: answer "maybe" is not "no", "partially" or "yes".',
                "m2_6_11 : ligne 2 : la réponse \"maybe\" n'est pas « no », « partially » ou "
                "« yes »."),
            err("m2_6_11", 'm2_6_11: row 4: answer "Yes" is not "no", "partially" or "yes".',
                "m2_6_11 : ligne 4 : la réponse \"Yes\" n'est pas « no », « partially » ou "
                "« yes »."),
            err("m2_6_11", 'm2_6_11: row 5: answer null is not "no", "partially" or "yes".',
                "m2_6_11 : ligne 5 : la réponse null n'est pas « no », « partially » ou "
                "« yes »."),
        ],
    ),
    (
        "retail: bad value",
        {"r2_1": "oui"},
        [err("r2_1", 'r2_1: answer "oui" is not "yes", "partially", "no" or "na".',
             "r2_1 : la réponse \"oui\" n'est pas « yes », « partially », « no » ou « na ».")],
    ),
    (
        "errors in questionnaire order, unknown keys last and sorted",
        {"zz": 1, "r1_1": 1, "aa": 1, "m2_1_2": [0]},
        [
            err("m2_1_2", "m2_1_2: item 0 is out of range (1 to 10).",
                "m2_1_2 : l'élément 0 est hors limites (1 à 10)."),
            err("r1_1", 'r1_1: answer 1 is not "yes", "partially", "no" or "na".',
                "r1_1 : la réponse 1 n'est pas « yes », « partially », « no » ou « na »."),
            err("aa", "aa: unknown question or item key.",
                "aa : clé de question ou d'élément inconnue."),
            err("zz", "zz: unknown question or item key.",
                "zz : clé de question ou d'élément inconnue."),
        ],
    ),
]
# fmt: on


@pytest.mark.parametrize(
    ("answers", "expected"),
    [case[1:] for case in VALIDATION_CASES],
    ids=[case[0] for case in VALIDATION_CASES],
)
def test_validation_errors(answers, expected):
    assert validate_answers(answers, partial=True) == expected


def test_not_an_object():
    assert validate_answers([["m2_1_1", []]]) == [
        AnswerError(
            "",
            "Answers must be a JSON object whose keys are question or item keys.",
            "Les réponses doivent former un objet JSON dont les clés sont des clés de questions "
            "ou d'éléments.",
        )
    ]


def test_missing_answers_unless_partial():
    errors = validate_answers({}, module="m2")
    assert [e.key for e in errors] == list(qn.answer_keys("m2"))
    assert errors[0] == AnswerError(
        "m2_1_1", "m2_1_1: answer missing.", "m2_1_1 : réponse manquante."
    )
    assert [e.key for e in validate_answers({})] == list(qn.answer_keys())
    assert validate_answers({}, partial=True) == []
    assert validate_answers({"r1_1": "yes"}, module="r", partial=True) == []


def test_module_filter_ignores_the_other_module_but_not_unknown_keys():
    answers = blank_m2() | {"r1_1": "maybe", "nope": 1}
    assert [e.key for e in validate_answers(answers, module="m2")] == ["nope"]
    assert [e.key for e in validate_answers(all_r("yes") | {"m2_1_2": "x"}, module="r")] == []
    with pytest.raises(ValueError, match="unknown module 'm3'"):
        validate_answers({}, module="m3")


def test_scorers_refuse_invalid_answers_and_unknown_versions():
    with pytest.raises(InvalidAnswersError) as caught:
        score_m2(m2_with(m2_2_4=[9] * 7))
    assert [e.key for e in caught.value.errors] == ["m2_2_4"] * 7
    assert str(caught.value).startswith("m2_2_4: row 1: level 9 is out of range (0 to 5).; ")
    with pytest.raises(InvalidAnswersError):
        score_r(all_r("yes") | {"r3_2": None})
    with pytest.raises(ValueError, match="unknown scoring version"):
        score_m2(blank_m2(), version="dma-b2")
    with pytest.raises(ValueError, match="unknown scoring version"):
        score_m2(blank_m2(), version="retail-r1")
    assert score_m2(blank_m2() | all_r("maybe")).overall == 0.0  # R keys ignored by score_m2


# --------------------------------------------------------------------------------------------
# Gaps
# --------------------------------------------------------------------------------------------

IRRELEVANT = {k for k, (_, item) in qn.items_by_key().items() if not item.relevant_to_retail}


def test_gaps_never_name_manufacturing_items():
    result_answers = m2_with(m2_2_4=[0] * 7)
    found = gaps(result_answers, score_m2(result_answers), None, limit=None)
    q4 = next(g for g in found if g.key == "m2_2_4")
    assert q4.item_keys == ("m2_2_4_2", "m2_2_4_5", "m2_2_4_6")
    assert "Simulation" not in q4.explanation_en
    assert "CAD" not in q4.explanation_en
    q9 = next(g for g in found if g.key == "m2_5_9")
    assert q9.item_keys == ("m2_5_9_1", "m2_5_9_2", "m2_5_9_3", "m2_5_9_5")
    assert "Robotique" not in q9.explanation_fr


def test_weak_question_with_only_manufacturing_items_missing_is_no_gap():
    # relevant rows operational, manufacturing rows unused: Q4 = 10 x (15/7) / 5 = 4.3
    answers = m2_with(m2_2_4=[0, 5, 0, 0, 5, 5, 0], m2_5_9=[5, 5, 5, 0, 5])
    result = score_m2(answers)
    assert result.questions["m2_2_4"] == exact(30, 7)
    assert result.questions["m2_5_9"] == 8.0
    keys = [g.key for g in gaps(answers, result, None, limit=None)]
    assert "m2_2_4" not in keys
    assert "m2_5_9" not in keys


def test_gaps_skip_not_applicable_items():
    answers = all_r("na") | {"r4_2": "no", "r6_3": "yes"}
    found = gaps(answers, None, score_r(answers))
    assert [(g.key, g.severity, g.categories) for g in found] == [("r4_2", 1.0, ("shipping",))]


def test_gaps_ranking_and_wording():
    answers = (
        m2_with(
            **{
                "m2_1_1": {"already": list(range(1, 11)), "plans": []},
                "m2_1_2": list(range(1, 11)),
                "m2_2_3": list(range(1, 11)),
                "m2_2_4": [0, 5, 0, 0, 5, 5, 0],
                "m2_3_5": list(range(1, 8)),
                "m2_3_6": list(range(1, 9)),
                "m2_4_7": [1, 2, 3, 4, 5, 6, 7, 8],
                "m2_4_8": [1, 2, 3],  # half in place: a gap of severity 0.5
                "m2_5_9": [5, 5, 5, 0, 5],
                "m2_6_10": list(range(1, 11)),
                "m2_6_11": ["yes"] * 5,
            }
        )
        | all_r("yes")
        | {"r7_2": "partially", "r2_1": "partially", "r5_2": "no", "r6_4": "na"}
    )
    m2, r = score_m2(answers), score_r(answers)
    ranked = gaps(answers, m2, r, limit=None)
    # severity first; R before M2 on a tie; then questionnaire order
    assert [(g.key, g.severity) for g in ranked] == [
        ("r5_2", 1.0),
        ("r2_1", 0.5),
        ("r7_2", 0.5),
        ("m2_4_8", 0.5),
    ]
    assert [g.key for g in gaps(answers, m2, r)] == ["r5_2", "r2_1", "r7_2"]
    assert gaps(answers, m2, r, limit=0) == []
    top = ranked[0]
    assert (top.kind, top.dimension, top.categories) == ("r_item", "R5", ("hr_payroll",))
    assert top.explanation_fr == (
        "Pas encore en place : Logiciel de ressources humaines, d'horaires et de paie. "
        "C'est un des essentiels du volet « Gestion »."
    )
    assert top.explanation_en == (
        "Not in place yet: HR, scheduling and payroll software. It is one of the essentials "
        "of “Business management”."
    )
    assert ranked[1].explanation_en == (
        "Only partly in place: Transactional web site: order and pay online. Completing it "
        "would strengthen “Online sales”."
    )
    security = ranked[3]
    assert (security.kind, security.item_keys) == (
        "m2_question",
        ("m2_4_8_4", "m2_4_8_5", "m2_4_8_6"),
    )
    assert security.explanation_fr == (
        "« Sécurité des données » obtient 5,0 sur 10. Pas encore en place (éléments utiles à "
        "un commerce de détail) : Surveillance des menaces (antivirus, alertes); Sauvegardes "
        "hors site ou infonuagiques; Plan de continuité des activités."
    )
    assert security.explanation_en == (
        "“Data security” scores 5.0 out of 10. Not in place yet (items that matter to a retail "
        "business): Threats monitored (antivirus, alerts); Off-site or cloud backups; Business "
        "continuity plan."
    )


def test_negative_data_item_is_named_as_what_to_do():
    answers = m2_with(m2_4_7=[2, 3])
    found = gaps(answers, score_m2(answers), None, limit=None)
    data = next(g for g in found if g.key == "m2_4_7")
    assert "m2_4_7_2" in data.item_keys
    assert "Collecting data digitally" in data.explanation_en
    assert "Recueillir les données sous forme numérique" in data.explanation_fr
    assert data.severity == 1.0


def test_gaps_validate_answers():
    with pytest.raises(InvalidAnswersError):
        gaps({"r1_1": "yes"}, None, score_r(all_r("yes")))
    with pytest.raises(ValueError, match="limit must be 0 or more"):
        gaps(all_r("yes"), None, score_r(all_r("yes")), limit=-1)


# --------------------------------------------------------------------------------------------
# The documented example answers file
# --------------------------------------------------------------------------------------------


def test_example_answers_file():
    answers = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    assert validate_answers(answers) == []
    m2 = score_m2(answers)
    assert to_json_result(m2) == {
        "version": "dma-b1",
        "dimensions": {"D1": 35.0, "D2": 31.4, "D3": 33.0, "D4": 33.3, "D5": 12.0, "D6": 25.0},
        "overall": 28.3,
        "band": "average",
    }
    r = score_r(answers)
    assert r.as_dict()["groups"] == {
        "R1": 62.5,
        "R2": 16.7,
        "R3": 33.3,
        "R4": 25.0,
        "R5": 75.0,
        "R6": 37.5,
        "R7": 12.5,
    }
    assert (r.rounded().overall, r.applicable) == (36.4, 22)
    assert [g.key for g in gaps(answers, m2, r)] == ["r1_4", "r2_1", "r2_2"]


def test_docs_show_the_example_file_and_its_result():
    text = (DOCS / "scoring.md").read_text(encoding="utf-8")
    blocks = text.split("```json\n")[1:]
    shown = [json.loads(block.split("```")[0]) for block in blocks]
    answers = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    assert answers in shown
    assert to_json_result(score_m2(answers)) in shown


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------


def _numbers(count: int):
    return st.sets(st.integers(1, count)).map(sorted)


def _answer_strategy(question):
    n = len(question.items)
    if question.answer_type == qn.INVEST_MATRIX:
        return st.fixed_dictionaries({"already": _numbers(n), "plans": _numbers(n)})
    if question.answer_type == qn.MULTI:
        return _numbers(n)
    if question.answer_type == qn.LEVELS:
        return st.lists(st.integers(0, 5), min_size=n, max_size=n)
    return st.lists(st.sampled_from(qn.TRISTATE_VALUES), min_size=n, max_size=n)


m2_answers = st.fixed_dictionaries({q.key: _answer_strategy(q) for q in qn.questions("m2")})
r_answers = st.fixed_dictionaries(
    {k: st.sampled_from(qn.RETAIL_VALUES) for k in qn.all_item_keys("r")}
)


def _all_scores(result) -> list[float]:
    return [*result.questions.values(), *result.dimensions.values(), result.overall]


def _never_lower(before, after):
    for key in before.questions:
        assert after.questions[key] >= before.questions[key], key
    for key in before.dimensions:
        assert after.dimensions[key] >= before.dimensions[key], key
    assert after.overall >= before.overall


@settings(deadline=None)  # scoring is fast; no flaky timing on a loaded machine
@given(m2_answers)
def test_m2_scores_stay_within_bounds(answers):
    assert validate_answers(answers, module="m2") == []
    result = score_m2(answers)
    assert all(0 <= v <= 10 for v in result.questions.values())
    assert all(0 <= v <= 100 for v in result.dimensions.values())
    assert 0 <= result.overall <= 100
    assert result.band == band_for(result.overall)


@settings(deadline=None)  # scoring is fast; no flaky timing on a loaded machine
@given(m2_answers, st.data())
def test_ticking_one_more_positive_item_never_lowers_a_score(answers, data):
    options = [
        (q.key, box, i.number)
        for q in qn.questions("m2")
        for i in q.items
        if not i.is_negative
        for box in (("already", "plans") if q.answer_type == qn.INVEST_MATRIX else (None,))
        if q.answer_type in (qn.MULTI, qn.INVEST_MATRIX)
        and i.number not in (answers[q.key][box] if box else answers[q.key])
    ]
    if not options:
        return
    key, box, number = data.draw(st.sampled_from(options))
    after = json.loads(json.dumps(answers))
    (after[key][box] if box else after[key]).append(number)
    _never_lower(score_m2(answers), score_m2(after))


@settings(deadline=None)  # scoring is fast; no flaky timing on a loaded machine
@given(m2_answers)
def test_ticking_the_negative_data_item_never_raises_a_score(answers):
    without = answers | {"m2_4_7": [n for n in answers["m2_4_7"] if n != 2]}
    with_it = answers | {"m2_4_7": [*without["m2_4_7"], 2]}
    _never_lower(score_m2(with_it), score_m2(without))


@settings(deadline=None)  # scoring is fast; no flaky timing on a loaded machine
@given(m2_answers, st.data())
def test_raising_a_level_or_tristate_row_never_lowers_a_score(answers, data):
    order = {"no": 0, "partially": 1, "yes": 2}
    options = [
        (q.key, row)
        for q in qn.questions("m2")
        if q.answer_type in (qn.LEVELS, qn.TRISTATE)
        for row, value in enumerate(answers[q.key])
        if value not in (5, "yes")
    ]
    if not options:
        return
    key, row = data.draw(st.sampled_from(options))
    after = json.loads(json.dumps(answers))
    value = after[key][row]
    if isinstance(value, int):
        after[key][row] = data.draw(st.integers(value + 1, 5))
    else:
        after[key][row] = data.draw(
            st.sampled_from([v for v in qn.TRISTATE_VALUES if order[v] > order[value]])
        )
    _never_lower(score_m2(answers), score_m2(after))


@settings(deadline=None)  # scoring is fast; no flaky timing on a loaded machine
@given(r_answers, st.data())
def test_module_r_bounds_and_monotonicity(answers, data):
    result = score_r(answers)
    values = [*result.groups.values(), result.overall]
    assert all(v is None or 0 <= v <= 100 for v in values)
    better = {"no": ["partially", "yes"], "partially": ["yes"]}
    options = [k for k, v in answers.items() if v in better]
    if not options:
        return
    key = data.draw(st.sampled_from(options))
    after = answers | {key: data.draw(st.sampled_from(better[answers[key]]))}
    raised = score_r(after)
    for group, value in result.groups.items():
        assert (value is None and raised.groups[group] is None) or raised.groups[group] >= value
    assert raised.overall >= result.overall


@settings(max_examples=200, deadline=None)
@given(m2_answers, r_answers)
def test_gaps_never_name_irrelevant_or_not_applicable_items(m2, r):
    answers = m2 | r
    found = gaps(answers, score_m2(answers), score_r(answers), limit=None)
    named = {k for g in found for k in g.item_keys}
    assert not named & IRRELEVANT
    assert not {k for k in named if answers.get(k) in ("na", "yes")}
    severities = [g.severity for g in found]
    assert severities == sorted(severities, reverse=True)
    for g in found:
        assert 0.5 <= g.severity <= 1
        assert g.explanation_fr
        assert g.explanation_en
