"""Diagnostics' part of a person's data export (Law 25), plugged into
`virage.privacy.registry` in apps.py.

A merchant's export holds the assessments of the businesses they act for: time point,
status, questionnaire version, raw answers, M2 and R results with their scoring versions,
and dates. An advisor's export lists the assessments they started, opened or submitted, as
ids and dates only (the answers belong to the business, not to the advisor).

No anonymiser: answers are ticked choices and levels (no free text), results are scores;
the links to the people who started or submitted an assessment point to accounts that the
accounts anonymiser erases. Every score and count stays as it is."""

from __future__ import annotations

from django.db.models import Q

from .models import Assessment


def export_person(user) -> dict[str, list[dict]]:
    if user.role == "merchant":
        return {"assessments": _merchant_rows(user)}
    if user.role == "advisor":
        return {"assessments_handled": _advisor_rows(user)}
    return {}


def _merchant_rows(user) -> list[dict]:
    assessments = (
        Assessment.objects.filter(business__members__user=user)
        .distinct()
        .order_by("business_id", "time_point", "created_at", "id")
    )
    return [
        {
            "assessment_id": a.pk,
            "business_id": a.business_id,
            "time_point": a.time_point,
            "status": a.status,
            "questionnaire_version": a.questionnaire_version,
            "answers": a.answers,
            "m2_result": a.m2_result,
            "r_result": a.r_result,
            "scoring_version_m2": a.scoring_version_m2,
            "scoring_version_r": a.scoring_version_r,
            "started_at": a.created_at,
            "last_saved_at": a.updated_at,
            "submitted_at": a.submitted_at,
        }
        for a in assessments
    ]


def _advisor_rows(user) -> list[dict]:
    rows = (
        Assessment.objects.filter(Q(started_by=user) | Q(opened_by=user) | Q(submitted_by=user))
        .order_by("created_at", "id")
        .values(
            "pk",
            "business_id",
            "time_point",
            "started_by_id",
            "opened_by_id",
            "submitted_by_id",
            "created_at",
            "submitted_at",
        )
    )
    return [
        {
            "assessment_id": row["pk"],
            "business_id": row["business_id"],
            "time_point": row["time_point"],
            "started_by_you": row["started_by_id"] == user.pk,
            "opened_by_you": row["opened_by_id"] == user.pk,
            "submitted_by_you": row["submitted_by_id"] == user.pk,
            "started_at": row["created_at"],
            "submitted_at": row["submitted_at"],
        }
        for row in rows
    ]
