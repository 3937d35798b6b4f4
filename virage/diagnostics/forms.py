"""The form of one questionnaire page: parse the POST into canonical answers, validate them
with ``scoring.validate_answers`` (plus "every row answered"), and describe the page for the
template with what was typed, so nothing is lost on an error.

Field names: a multi-select question posts ``<key>`` (ticked item numbers); the invest matrix
``<key>-already`` / ``<key>-plans`` (area numbers); level and tri-state rows ``<key>-<row>``;
module R items ``<item key>``. Every input has a label, every question is a fieldset whose
legend is the question, help and errors are tied with ``aria-describedby``.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from virage.core.i18n import current_language, localized

from . import questionnaire as qn
from . import scoring
from .progress import question_answer_keys

_WHOLE = re.compile(r"-?\d{1,6}")


def _number(raw: str):
    """A posted value as an integer when it looks like one; kept as typed otherwise, so that
    validation names it."""
    raw = raw.strip()
    return int(raw) if _WHOLE.fullmatch(raw) else raw


def _message(error: scoring.AnswerError) -> str:
    """The error in the active language, without the leading "key:" (shown under the
    question itself)."""
    if current_language() == "fr":
        text, prefix = error.message_fr, f"{error.key} : "
    else:
        text, prefix = error.message_en, f"{error.key}: "
    text = text.removeprefix(prefix)
    return text[:1].upper() + text[1:]


class PageForm:
    """One page of the questionnaire, bound to POST data or to the stored answers."""

    def __init__(self, page: qn.Page, *, data=None, answers=None):
        self.page = page
        self.data = data
        self.values: dict = dict(answers or {})
        self.errors: dict[str, list[str]] = {}
        self.cleaned: dict | None = None

    # -- parsing and validation ------------------------------------------------------------

    def is_valid(self) -> bool:
        if self.data is None:
            return False
        values: dict = {}
        complete: dict = {}
        errors: dict[str, list[str]] = {}
        for question in self.page.questions:
            key, kind = question.key, question.answer_type
            if kind == qn.MULTI:
                values[key] = complete[key] = [_number(v) for v in self.data.getlist(key)]
            elif kind == qn.INVEST_MATRIX:
                values[key] = complete[key] = {
                    box: [_number(v) for v in self.data.getlist(f"{key}-{box}")]
                    for box in qn.INVEST_BOXES
                }
            elif kind in (qn.LEVELS, qn.TRISTATE):
                rows = []
                for item in question.items:
                    raw = (self.data.get(f"{key}-{item.number}") or "").strip()
                    if not raw:
                        rows.append(None)
                        errors.setdefault(f"{key}-{item.number}", []).append(
                            _("Choose a level for this row.")
                            if kind == qn.LEVELS
                            else _("Choose an answer for this row.")
                        )
                    else:
                        rows.append(_number(raw) if kind == qn.LEVELS else raw)
                values[key] = rows
                if None not in rows:
                    complete[key] = rows
            else:  # module R: one answer per item
                for item in question.items:
                    raw = (self.data.get(item.key) or "").strip()
                    if raw:
                        values[item.key] = complete[item.key] = raw
                    else:
                        errors.setdefault(item.key, []).append(_("Choose an answer."))
        for error in scoring.validate_answers(complete, partial=True):
            errors.setdefault(error.key, []).append(_message(error))
        self.values, self.errors = values, errors
        if errors:
            return False
        self.cleaned = complete
        return True

    def add_answer_errors(self, answer_errors) -> None:
        """Errors found by the service (``InvalidAnswers.answer_errors``)."""
        for error in answer_errors:
            self.errors.setdefault(error.key, []).append(_message(error))

    # -- description for the template ----------------------------------------------------------

    def _checked(self, value, candidate) -> bool:
        return candidate is not None and value == candidate

    def questions(self) -> list[dict]:
        """Each question with its inputs, what is ticked or chosen, its help and errors."""
        result = []
        for question in self.page.questions:
            key, kind = question.key, question.answer_type
            entry = {
                "question": question,
                "kind": kind,
                "id": f"q-{key}",
                "help_id": f"q-{key}-help",
                "error_id": f"q-{key}-error",
                "errors": self.errors.get(key, []),
                "options": [],
                "rows": [],
            }
            value = self.values.get(key)
            if kind == qn.MULTI:
                ticked = value if isinstance(value, list) else []
                entry["options"] = [
                    {
                        "id": f"in-{key}-{item.number}",
                        "name": key,
                        "value": item.number,
                        "label": item,
                        "checked": item.number in ticked,
                    }
                    for item in question.items
                ]
            elif kind == qn.INVEST_MATRIX:
                boxes = value if isinstance(value, dict) else {}
                for item in question.items:
                    entry["rows"].append(
                        self._row(
                            f"{key}-{item.number}",
                            item,
                            [
                                {
                                    "id": f"in-{key}-{box}-{item.number}",
                                    "name": f"{key}-{box}",
                                    "value": item.number,
                                    "label": qn.INVEST_BOX_LABELS[box],
                                    "checked": item.number in (boxes.get(box) or []),
                                    "type": "checkbox",
                                }
                                for box in qn.INVEST_BOXES
                            ],
                        )
                    )
            elif kind in (qn.LEVELS, qn.TRISTATE):
                choices = qn.LEVEL_CHOICES if kind == qn.LEVELS else qn.TRISTATE_CHOICES
                rows = value if isinstance(value, list) else []
                for item in question.items:
                    chosen = rows[item.number - 1] if item.number <= len(rows) else None
                    name = f"{key}-{item.number}"
                    entry["rows"].append(
                        self._row(
                            name,
                            item,
                            [
                                {
                                    "id": f"in-{name}-{choice.value}",
                                    "name": name,
                                    "value": choice.value,
                                    "label": choice,
                                    "checked": self._checked(choice.value, chosen),
                                    "type": "radio",
                                }
                                for choice in choices
                            ],
                        )
                    )
            else:
                for item in question.items:
                    chosen = self.values.get(item.key)
                    entry["rows"].append(
                        self._row(
                            item.key,
                            item,
                            [
                                {
                                    "id": f"in-{item.key}-{choice.value}",
                                    "name": item.key,
                                    "value": choice.value,
                                    "label": choice,
                                    "checked": self._checked(choice.value, chosen),
                                    "type": "radio",
                                }
                                for choice in qn.RETAIL_CHOICES
                            ],
                        )
                    )
            entry["invalid"] = bool(entry["errors"]) or any(r["errors"] for r in entry["rows"])
            result.append(entry)
        return result

    def _row(self, row_key: str, item: qn.Item, inputs: list[dict]) -> dict:
        return {
            "id": f"q-{row_key}",
            "item": item,
            "inputs": inputs,
            "errors": self.errors.get(row_key, []),
            "error_id": f"q-{row_key}-error",
        }

    def summary(self) -> list[dict]:
        """The error summary: one link per problem, to the first input of its question or
        row, in page order."""
        links = []
        for entry in self.questions():
            question = entry["question"]
            name = localized(question, "short")
            first = entry["options"][0]["id"] if entry["options"] else None
            if entry["rows"]:
                first = entry["rows"][0]["inputs"][0]["id"]
            for message in entry["errors"]:
                links.append(
                    {
                        "href": f"#{first}",
                        "text": _("%(question)s: %(message)s")
                        % {"question": name, "message": message},
                    }
                )
            for row in entry["rows"]:
                for message in row["errors"]:
                    links.append(
                        {
                            "href": f"#{row['inputs'][0]['id']}",
                            "text": _("%(question)s, %(row)s: %(message)s")
                            % {
                                "question": name,
                                "row": localized(row["item"], "label"),
                                "message": message,
                            },
                        }
                    )
        return links

    @property
    def answer_keys(self) -> tuple[str, ...]:
        return tuple(k for q in self.page.questions for k in question_answer_keys(q))
