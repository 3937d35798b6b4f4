"""How far a questionnaire is answered: pure functions on the canonical answers mapping.

A page is complete when every answer key it holds is present (answers are validated page by
page before they are stored, so a present key is a valid answer). No Django import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from . import questionnaire as qn


def question_answer_keys(question: qn.Question) -> tuple[str, ...]:
    """The answers-mapping keys of a question: its own key, or its items' keys (module R)."""
    if question.answer_type == qn.RETAIL:
        return tuple(item.key for item in question.items)
    return (question.key,)


@cache
def page_answer_keys(page_key: str) -> tuple[str, ...]:
    """The answers-mapping keys of a page, in questionnaire order."""
    page = page_by_key(page_key)
    return tuple(k for q in page.questions for k in question_answer_keys(q))


@cache
def page_by_key(page_key: str) -> qn.Page:
    """The page with this key (``d1``..``d6``, ``r1``..``r7``); ``KeyError`` otherwise."""
    for page in qn.pages():
        if page.key == page_key:
            return page
    raise KeyError(page_key)


def page_index(page_key: str) -> int:
    """0-based position of a page."""
    return [p.key for p in qn.pages()].index(page_key)


@dataclass(frozen=True)
class PageProgress:
    page: qn.Page
    number: int  # 1-based
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def started(self) -> bool:
        return self.answered > 0


@dataclass(frozen=True)
class Progress:
    pages: tuple[PageProgress, ...]
    missing_questions: frozenset[str] = frozenset()

    @property
    def total_pages(self) -> int:
        return len(self.pages)

    @property
    def complete_pages(self) -> int:
        return sum(1 for p in self.pages if p.complete)

    @property
    def answered(self) -> int:
        return sum(p.answered for p in self.pages)

    @property
    def total(self) -> int:
        return sum(p.total for p in self.pages)

    @property
    def complete(self) -> bool:
        return self.complete_pages == self.total_pages

    @property
    def percent(self) -> int:
        """Share of complete pages, 0-100, rounded down (100 only when all are done)."""
        return self.complete_pages * 100 // self.total_pages

    @property
    def next_page(self) -> qn.Page | None:
        """The first page not complete yet; ``None`` when everything is answered."""
        return next((p.page for p in self.pages if not p.complete), None)

    def missing(self) -> list[tuple[qn.Page, list[qn.Question]]]:
        """Pages not complete, each with the questions that still lack an answer."""
        return [
            (p.page, [q for q in p.page.questions if q.key in self.missing_questions])
            for p in self.pages
            if not p.complete
        ]


def progress(answers: Mapping) -> Progress:
    """Completion of every page for these answers."""
    pages = []
    missing_questions = set()
    for number, page in enumerate(qn.pages(), start=1):
        keys = page_answer_keys(page.key)
        answered = sum(1 for k in keys if k in answers)
        pages.append(PageProgress(page=page, number=number, answered=answered, total=len(keys)))
        for question in page.questions:
            if any(k not in answers for k in question_answer_keys(question)):
                missing_questions.add(question.key)
    return Progress(pages=tuple(pages), missing_questions=frozenset(missing_questions))
