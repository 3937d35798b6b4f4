"""Demo diagnostics: Marie's first diagnostic (T0) submitted, Luc's in progress.

Goes through the services (audit trail, business path, draft plan), as the merchants would.
Idempotent: what exists is left as it is.
"""

from __future__ import annotations

from virage.enterprises import rules as business_rules
from virage.enterprises.testing import persona_businesses

from .models import Assessment
from .progress import page_answer_keys, progress
from .services import assessment_save_page, assessment_start, assessment_submit

# Boutique Marie, a clothing store in Granby with six employees, at the start of its support:
# a showcase web site and social media, a modern till, but no online sales yet.
MARIE_T0 = {
    "m2_1_1": {"already": [3, 6, 8], "plans": [5, 6, 7, 10]},
    "m2_1_2": [1, 5, 6, 9],
    "m2_2_3": [1, 2, 4, 6, 7, 8],
    "m2_2_4": [0, 0, 0, 0, 1, 0, 0],
    "m2_3_5": [3, 4, 7],
    "m2_3_6": [1, 2, 7],
    "m2_4_7": [3, 6],
    "m2_4_8": [2, 4, 5],
    "m2_5_9": [1, 0, 0, 0, 1],
    "m2_6_10": [8, 10],
    "m2_6_11": ["partially", "no", "no", "no", "yes"],
    "r1_1": "yes",
    "r1_2": "yes",
    "r1_3": "yes",
    "r1_4": "partially",
    "r2_1": "no",
    "r2_2": "no",
    "r2_3": "no",
    "r2_4": "na",
    "r3_1": "no",
    "r3_2": "yes",
    "r3_3": "no",
    "r4_1": "partially",
    "r4_2": "no",
    "r4_3": "partially",
    "r5_1": "yes",
    "r5_2": "partially",
    "r6_1": "partially",
    "r6_2": "no",
    "r6_3": "yes",
    "r6_4": "partially",
    "r7_1": "partially",
    "r7_2": "no",
    "r7_3": "no",
    "r7_4": "no",
}

# Quincaillerie Luc (two stores in Estrie): the first four pages answered so far.
LUC_T0_PAGES = {
    "d1": {
        "m2_1_1": {"already": [3, 5, 8, 9], "plans": [6, 7]},
        "m2_1_2": [1, 3, 5, 7],
    },
    "d2": {
        "m2_2_3": [1, 2, 7, 8, 10],
        "m2_2_4": [0, 0, 0, 0, 0, 0, 0],
    },
    "d3": {
        "m2_3_5": [3],
        "m2_3_6": [1, 5, 8],
    },
    "r1": {"r1_1": "yes", "r1_2": "yes", "r1_3": "no", "r1_4": "no"},
}


def _answer(assessment, pages: dict, actor) -> Assessment:
    for page_key, answers in pages.items():
        if all(k in assessment.answers for k in page_answer_keys(page_key)):
            continue
        assessment = assessment_save_page(
            assessment=assessment, page_key=page_key, answers=answers, actor=actor
        )
    return assessment


def seed(*, users, stdout) -> None:
    businesses = persona_businesses(users)
    marie, luc = users["marie"], users["luc"]

    marie_business = businesses["marie"]
    t0 = Assessment.objects.filter(business=marie_business, time_point="T0").first()
    if t0 is None and marie_business.status != business_rules.ENROLLED:
        stdout.write("  diagnostics: Marie's business is past enrolment, no T0 added")
    elif t0 is None or t0.is_draft:
        t0 = t0 or assessment_start(business=marie_business, actor=marie)
        by_page = {
            page.page.key: {k: MARIE_T0[k] for k in page_answer_keys(page.page.key)}
            for page in progress({}).pages
        }
        t0 = _answer(t0, by_page, marie)
        t0 = assessment_submit(assessment=t0, actor=marie)
        stdout.write(
            f"  diagnostics: Marie's T0 submitted (overall {t0.m2_result['overall']}, "
            f"{t0.m2_result['band']})"
        )

    luc_business = businesses["luc"]
    luc_t0 = Assessment.objects.filter(business=luc_business, time_point="T0").first()
    if luc_t0 is None and luc_business.status == business_rules.ENROLLED:
        luc_t0 = assessment_start(business=luc_business, actor=luc)
    if luc_t0 is not None and luc_t0.is_draft:
        luc_t0 = _answer(luc_t0, LUC_T0_PAGES, luc)
        done = progress(luc_t0.answers)
        stdout.write(
            f"  diagnostics: Luc's T0 in progress ({done.complete_pages} of "
            f"{done.total_pages} pages)"
        )
