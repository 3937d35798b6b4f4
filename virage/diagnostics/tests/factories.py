"""Test data for diagnostics: answers and assessments built directly (no services), and
other businesses to compare with."""

from __future__ import annotations

import copy
import json
from itertools import count
from pathlib import Path

from django.utils import timezone

from virage.diagnostics import questionnaire as qn
from virage.diagnostics import scoring
from virage.diagnostics.models import Assessment, ScoreRecord
from virage.enterprises.models import Business
from virage.programs.models import Region, Subsector

EXAMPLE_FILE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "diagnostic-answers.json"
_neq = count(1)


def example_answers() -> dict:
    """The documented example (docs/examples/diagnostic-answers.json): overall 28.3."""
    return json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))


def improved_answers() -> dict:
    """The example a year later: more in place everywhere."""
    answers = copy.deepcopy(example_answers())
    answers.update(
        {
            "m2_1_1": {"already": [3, 5, 6, 7, 8], "plans": [2, 9, 10]},
            "m2_1_2": [1, 2, 5, 6, 7, 9, 10],
            "m2_2_3": [1, 2, 3, 4, 5, 6, 7, 8, 10],
            "m2_4_7": [1, 3, 5, 6, 8],
            "m2_4_8": [1, 2, 3, 4, 5],
            "m2_6_10": [4, 8, 10],
            "r1_4": "yes",
            "r2_1": "yes",
            "r2_2": "partially",
            "r3_1": "yes",
            "r3_3": "partially",
            "r7_2": "yes",
        }
    )
    return answers


def page_answers(answers: dict, page_key: str) -> dict:
    from virage.diagnostics.progress import page_answer_keys

    return {k: answers[k] for k in page_answer_keys(page_key)}


def make_assessment(
    business, *, time_point="T0", answers=None, submitted=True, by=None, opened_by=None
) -> Assessment:
    """An assessment stored as the services would store it (results, score records)."""
    answers = example_answers() if answers is None else answers
    assessment = Assessment(
        business=business,
        time_point=time_point,
        answers=answers,
        started_by=by,
        opened_by=opened_by,
    )
    if submitted:
        m2, r = scoring.score_m2(answers), scoring.score_r(answers)
        assessment.status = Assessment.Status.SUBMITTED
        assessment.m2_result = m2.as_dict()
        assessment.r_result = r.as_dict()
        assessment.scoring_version_m2 = m2.version
        assessment.scoring_version_r = r.version
        assessment.submitted_by = by
        assessment.submitted_at = timezone.now()
    assessment.save()
    if submitted:
        ScoreRecord.objects.create(
            assessment=assessment,
            module="m2",
            version=assessment.scoring_version_m2,
            result=assessment.m2_result,
            reason="submit",
        )
        ScoreRecord.objects.create(
            assessment=assessment,
            module="r",
            version=assessment.scoring_version_r,
            result=assessment.r_result,
            reason="submit",
        )
    return assessment


def make_business(
    *, subsector="458", region="16", employees=6, status="diagnosed", advisor=None
) -> Business:
    number = next(_neq)
    return Business.objects.create(
        legal_name=f"Commerce {number:03d} inc.",
        neq=f"88{number:08d}",
        subsector=Subsector.objects.get(code=subsector) if subsector else None,
        region=Region.objects.get(code=region) if region else None,
        employees=employees,
        status=status,
        advisor=advisor,
    )


def blank_answers() -> dict:
    """Valid complete answers with nothing in place (module R all "no")."""
    answers: dict = {}
    for q in qn.questions("m2"):
        n = len(q.items)
        answers[q.key] = {
            qn.INVEST_MATRIX: lambda: {"already": [], "plans": []},
            qn.MULTI: list,
            qn.LEVELS: lambda n=n: [0] * n,
            qn.TRISTATE: lambda n=n: ["no"] * n,
        }[q.answer_type]()
    answers.update(dict.fromkeys(qn.all_item_keys("r"), "no"))
    return answers
