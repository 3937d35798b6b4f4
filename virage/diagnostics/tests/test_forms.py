"""One questionnaire page as a form: every answer type parsed, validated and re-shown."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.utils import translation

from virage.diagnostics.forms import PageForm
from virage.diagnostics.progress import page_by_key, progress

from .factories import example_answers, page_answers


def post(pairs) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in pairs:
        data.appendlist(key, str(value))
    return data


D1_VALID = [
    ("m2_1_1-already", 3),
    ("m2_1_1-already", 8),
    ("m2_1_1-already", 6),
    ("m2_1_1-plans", 5),
    ("m2_1_1-plans", 6),
    ("m2_1_1-plans", 7),
    *(("m2_1_2", n) for n in (1, 5, 6, 9)),
]


def test_invest_matrix_and_multi_select_parse_to_canonical_answers():
    form = PageForm(page_by_key("d1"), data=post(D1_VALID))
    assert form.is_valid()
    assert form.cleaned == {
        "m2_1_1": {"already": [3, 8, 6], "plans": [5, 6, 7]},
        "m2_1_2": [1, 5, 6, 9],
    }


def test_nothing_ticked_is_an_answer_for_checkbox_questions():
    form = PageForm(page_by_key("d1"), data=post([]))
    assert form.is_valid()
    assert form.cleaned == {"m2_1_1": {"already": [], "plans": []}, "m2_1_2": []}


def test_levels_every_row_needed_and_kept_on_error():
    data = [*(("m2_2_3", n) for n in (1, 2)), *((f"m2_2_4-{r}", 0) for r in (1, 2, 3, 5, 6, 7))]
    with translation.override("fr"):
        form = PageForm(page_by_key("d2"), data=post(data))
        assert not form.is_valid()
        assert form.errors == {"m2_2_4-4": ["Choisissez un niveau pour cette ligne."]}
        summary = form.summary()
    assert summary == [
        {
            "href": "#in-m2_2_4-4-0",
            "text": "Technologies avancées, Systèmes de pilotage de la production : "
            "Choisissez un niveau pour cette ligne.",
        }
    ]
    # what was typed is kept: row 1 stays "0", the ticked basic technologies stay ticked
    questions = form.questions()
    ticked = [o["value"] for o in questions[0]["options"] if o["checked"]]
    assert ticked == [1, 2]
    row1 = questions[1]["rows"][0]["inputs"]
    assert [i["value"] for i in row1 if i["checked"]] == [0]
    assert [i["value"] for i in questions[1]["rows"][3]["inputs"] if i["checked"]] == []


def test_levels_out_of_range_and_not_a_number_are_refused_in_the_user_language():
    data = [(f"m2_5_9-{r}", v) for r, v in zip(range(1, 6), [0, 9, "x", 1, 5], strict=True)]
    with translation.override("en"):
        form = PageForm(page_by_key("d5"), data=post(data))
        assert not form.is_valid()
    assert form.errors == {
        "m2_5_9": [
            "Row 2: level 9 is out of range (0 to 5).",
            'Row 3: level "x" is not a whole number.',
        ]
    }
    with translation.override("fr"):
        form = PageForm(page_by_key("d5"), data=post(data))
        assert not form.is_valid()
    assert form.errors["m2_5_9"] == [
        "Ligne 2 : le niveau 9 est hors limites (0 à 5).",
        'Ligne 3 : le niveau "x" n\'est pas un nombre entier.',
    ]


def test_multi_select_tampered_values_are_refused():
    data = [("m2_4_7", 2), ("m2_4_7", 12), ("m2_4_8", "deux"), ("m2_4_8", 1), ("m2_4_8", 1)]
    with translation.override("fr"):
        form = PageForm(page_by_key("d4"), data=post(data))
        assert not form.is_valid()
    assert form.errors == {
        "m2_4_7": ["L'élément 12 est hors limites (1 à 8)."],
        "m2_4_8": [
            "L'élément \"deux\" n'est pas un nombre entier.",
            "L'élément 1 figure plus d'une fois.",
        ],
    }


def test_tristate_rows_and_bad_value():
    rows = ["yes", "partially", "maybe", "no", ""]
    data = [("m2_6_10", 10), *((f"m2_6_11-{r}", v) for r, v in enumerate(rows, start=1))]
    with translation.override("fr"):
        form = PageForm(page_by_key("d6"), data=post(data))
        assert not form.is_valid()
    assert form.errors == {"m2_6_11-5": ["Choisissez une réponse pour cette ligne."]}
    rows[4] = "no"
    data = [("m2_6_10", 10), *((f"m2_6_11-{r}", v) for r, v in enumerate(rows, start=1))]
    with translation.override("fr"):
        form = PageForm(page_by_key("d6"), data=post(data))
        assert not form.is_valid()
    assert form.errors == {
        "m2_6_11": ['Ligne 3 : la réponse "maybe" n\'est pas « no », « partially » ou « yes ».']
    }
    # the invalid value matches no radio: none is checked on row 3, the others are kept
    checked = [
        [i["value"] for i in row["inputs"] if i["checked"]] for row in form.questions()[1]["rows"]
    ]
    assert checked == [["yes"], ["partially"], [], ["no"], ["no"]]


def test_retail_items_one_answer_each():
    data = [("r5_1", "yes")]
    with translation.override("en"):
        form = PageForm(page_by_key("r5"), data=post(data))
        assert not form.is_valid()
    assert form.errors == {"r5_2": ["Choose an answer."]}
    form = PageForm(page_by_key("r5"), data=post([("r5_1", "yes"), ("r5_2", "oui")]))
    with translation.override("en"):
        assert not form.is_valid()
    assert form.errors == {"r5_2": ['Answer "oui" is not "yes", "partially", "no" or "na".']}
    form = PageForm(page_by_key("r5"), data=post([("r5_1", "na"), ("r5_2", "partially")]))
    assert form.is_valid()
    assert form.cleaned == {"r5_1": "na", "r5_2": "partially"}


def test_unbound_form_shows_stored_answers():
    answers = example_answers()
    form = PageForm(page_by_key("d2"), answers=page_answers(answers, "d2"))
    questions = form.questions()
    assert [o["value"] for o in questions[0]["options"] if o["checked"]] == [1, 2, 4, 6, 7, 8]
    levels = [[i["value"] for i in r["inputs"] if i["checked"]] for r in questions[1]["rows"]]
    assert levels == [[0], [1], [0], [0], [0], [0], [0]]
    assert form.errors == {}


@pytest.mark.parametrize(
    ("answered_pages", "complete", "next_page"),
    [([], 0, "d1"), (["d1", "d2"], 2, "d3"), (["d1", "d3"], 2, "d2")],
)
def test_progress(answered_pages, complete, next_page):
    answers = example_answers()
    stored = {}
    for key in answered_pages:
        stored |= page_answers(answers, key)
    result = progress(stored)
    assert (result.complete_pages, result.total_pages) == (complete, 13)
    assert result.next_page.key == next_page
    assert result.total == 35
    assert result.percent == complete * 100 // 13


def test_progress_complete_and_missing():
    answers = example_answers()
    assert progress(answers).complete
    assert progress(answers).next_page is None
    del answers["r7_4"]
    del answers["m2_2_4"]
    missing = [(p.key, [q.key for q in qs]) for p, qs in progress(answers).missing()]
    assert missing == [("d2", ["m2_2_4"]), ("r7", ["r7"])]
