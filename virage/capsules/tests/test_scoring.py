"""Quiz scoring: a pure function, tested with a table of cases and properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from virage.capsules.scoring import QuestionKey, score_quiz

# Four questions: question n has choices 10n+1..10n+3, the correct one is 10n+2.
QUIZ = [QuestionKey(n, (10 * n + 1, 10 * n + 2, 10 * n + 3), 10 * n + 2) for n in (1, 2, 3, 4)]
RIGHT = {1: 12, 2: 22, 3: 32, 4: 42}

CASES = [
    # name, questions, answers, pass mark, (correct, total, percent, passed)
    ("all right", QUIZ, RIGHT, 70, (4, 4, 100, True)),
    ("one mistake passes at 70", QUIZ, {**RIGHT, 4: 41}, 70, (3, 4, 75, True)),
    ("two mistakes fail at 70", QUIZ, {**RIGHT, 3: 31, 4: 41}, 70, (2, 4, 50, False)),
    ("exactly the pass mark passes", QUIZ, {**RIGHT, 3: 31, 4: 41}, 50, (2, 4, 50, True)),
    ("unanswered counts as wrong", QUIZ, {1: 12, 2: 22, 3: 32}, 70, (3, 4, 75, True)),
    ("nothing answered", QUIZ, {}, 70, (0, 4, 0, False)),
    ("choice of another question is ignored", QUIZ, {**RIGHT, 1: 22}, 100, (3, 4, 75, False)),
    ("unknown choice is ignored", QUIZ, {**RIGHT, 2: 999}, 70, (3, 4, 75, True)),
    ("answer to an unknown question is ignored", QUIZ, {**RIGHT, 99: 12}, 100, (4, 4, 100, True)),
    ("2 of 3 is 66 %, not 67", QUIZ[:3], {1: 12, 2: 22, 3: 31}, 67, (2, 3, 66, False)),
    ("2 of 3 passes at 66", QUIZ[:3], {1: 12, 2: 22, 3: 31}, 66, (2, 3, 66, True)),
    ("1 of 3 is 33 %", QUIZ[:3], {1: 12}, 34, (1, 3, 33, False)),
    ("no questions cannot be passed", [], {}, 1, (0, 0, 0, False)),
    ("pass mark 0 still needs questions", [], {}, 0, (0, 0, 0, False)),
    ("pass mark 100 needs every answer", QUIZ, {**RIGHT, 1: 11}, 100, (3, 4, 75, False)),
]


@pytest.mark.parametrize(
    ("name", "questions", "answers", "mark", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_score_quiz(name, questions, answers, mark, expected):
    result = score_quiz(questions, answers, mark)
    assert (result.correct, result.total, result.percent, result.passed) == expected
    assert result.pass_mark_percent == mark


def test_per_question_results_say_what_was_chosen_and_what_was_right():
    result = score_quiz(QUIZ[:2], {1: 11, 2: 22}, 70)
    assert [
        (r.question_id, r.chosen_choice_id, r.correct_choice_id, r.is_correct, r.answered)
        for r in result.questions
    ] == [(1, 11, 12, False, True), (2, 22, 22, True, True)]
    assert result.for_question(2).is_correct is True
    assert result.for_question(3) is None
    unanswered = score_quiz(QUIZ[:1], {}, 70).questions[0]
    assert (unanswered.chosen_choice_id, unanswered.answered) == (None, False)


@pytest.mark.parametrize("mark", [-1, 101])
def test_pass_mark_must_be_a_percentage(mark):
    with pytest.raises(ValueError, match="is not a percentage"):
        score_quiz(QUIZ, RIGHT, mark)


@given(
    picks=st.lists(st.sampled_from([None, 0, 1, 2]), min_size=1, max_size=12),
    mark=st.integers(min_value=1, max_value=100),
)
def test_properties(picks, mark):
    questions = [
        QuestionKey(i, (3 * i, 3 * i + 1, 3 * i + 2), 3 * i + 1) for i in range(len(picks))
    ]
    answers = {i: 3 * i + p for i, p in enumerate(picks) if p is not None}
    result = score_quiz(questions, answers, mark)
    assert 0 <= result.percent <= 100
    assert result.correct == sum(1 for p in picks if p == 1)
    # shown percentage and pass/fail always agree
    assert result.passed is (result.percent >= mark)
    # one more right answer never lowers the score
    wrong = [i for i, p in enumerate(picks) if p != 1]
    if wrong:
        better = score_quiz(questions, {**answers, wrong[0]: 3 * wrong[0] + 1}, mark)
        assert better.percent >= result.percent
        assert better.passed or not result.passed
