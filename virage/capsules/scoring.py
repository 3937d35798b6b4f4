"""Quiz scoring: a pure function (no Django, no ORM), tested with a table of cases.

A quiz is a list of single-answer multiple-choice questions. Each question is worth one point;
an unanswered question, or an answer naming a choice of another question, scores zero. The
percentage is rounded down, so the learner never sees "67 %" next to a 67 % pass mark they
missed (2 out of 3 is 66 %); `passed` compares exactly: correct × 100 ≥ pass mark × total. A
quiz without questions cannot be passed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SCORING_VERSION = "quiz-1"


@dataclass(frozen=True)
class QuestionKey:
    """A question's id, the ids of its choices and the id of its correct choice."""

    question_id: int
    choice_ids: tuple[int, ...]
    correct_choice_id: int


@dataclass(frozen=True)
class QuestionResult:
    question_id: int
    chosen_choice_id: int | None
    correct_choice_id: int
    is_correct: bool

    @property
    def answered(self) -> bool:
        return self.chosen_choice_id is not None


@dataclass(frozen=True)
class QuizResult:
    correct: int
    total: int
    percent: int
    pass_mark_percent: int
    passed: bool
    questions: tuple[QuestionResult, ...]

    def for_question(self, question_id: int) -> QuestionResult | None:
        for result in self.questions:
            if result.question_id == question_id:
                return result
        return None


def score_quiz(
    questions: Sequence[QuestionKey],
    answers: Mapping[int, int | None],
    pass_mark_percent: int,
) -> QuizResult:
    """Score `answers` ({question id: chosen choice id}) against `questions`."""
    if not 0 <= pass_mark_percent <= 100:
        raise ValueError(f"pass mark {pass_mark_percent} is not a percentage")
    results = []
    for question in questions:
        chosen = answers.get(question.question_id)
        if chosen not in question.choice_ids:
            chosen = None
        results.append(
            QuestionResult(
                question_id=question.question_id,
                chosen_choice_id=chosen,
                correct_choice_id=question.correct_choice_id,
                is_correct=chosen is not None and chosen == question.correct_choice_id,
            )
        )
    total = len(results)
    correct = sum(1 for r in results if r.is_correct)
    percent = (100 * correct) // total if total else 0
    passed = total > 0 and correct * 100 >= pass_mark_percent * total
    return QuizResult(
        correct=correct,
        total=total,
        percent=percent,
        pass_mark_percent=pass_mark_percent,
        passed=passed,
        questions=tuple(results),
    )
