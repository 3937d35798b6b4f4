"""API v1 endpoints beyond the program figures: callback-list sign-up (idempotent), public
capsules and training sessions, and a business's plan and diagnostic for its advisor."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from .api import ERRORS, Problem, api, problem
from .auth import ANY_KEY, KEY_OR_SESSION, require_scope, session
from .models import IdempotencyRecord

# --- callback-list sign-up ------------------------------------------------------------------


class CallbackIn(Schema):
    business_name: str = Field(..., max_length=200)
    contact_name: str = Field(..., max_length=150)
    email: str = Field(..., max_length=254)
    phone: str = Field("", max_length=30)
    postal_code: str = Field(..., max_length=10, pattern=r"^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$")
    region: str = Field(
        ..., pattern="^(0[1-9]|1[0-7])$", description="Administrative region code, 01–17"
    )
    subsector: str | None = Field(None, max_length=4, description="NAICS subsector, e.g. 458")
    employees: int | None = Field(None, ge=0, le=100000)
    locations_count: int = Field(1, ge=1, le=1000)
    neq: str = Field("", max_length=12)
    consent_contact: bool = Field(..., description="Required: contact about the program")
    consent_newsletter: bool = False
    consent_research: bool = False
    language: str = Field("fr", pattern="^(fr|en)$")


class Accepted(Schema):
    status: str = Field(
        ...,
        description="Always 'received': the answer never tells whether "
        "the address was already on the list",
    )


def _request_hash(payload: dict) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


@api.post(
    "/callbacks",
    response={202: Accepted, **ERRORS, 409: Problem},
    auth=ANY_KEY,
    tags=["intake"],
    summary="Sign a business up to the callback list",
)
def callback_create(request, payload: CallbackIn):
    """Same rules, consent and duplicate handling as the web form. Send an `Idempotency-Key`
    header: a retry with the same key replays the first answer and creates nothing."""
    key = require_scope(request, "callbacks:write")
    from virage.waitlist.forms import SignupForm
    from virage.waitlist.services import callback_signup

    data = payload.dict()
    language = data.pop("language")
    idem = request.headers.get("Idempotency-Key", "")[:100]
    digest = _request_hash({**data, "language": language})
    if idem and key is not None:
        previous = IdempotencyRecord.objects.filter(api_key=key, key=idem).first()
        if previous is not None:
            if previous.request_hash != digest:
                return problem(
                    request,
                    409,
                    "Idempotency key reused",
                    "This Idempotency-Key was used with another body.",
                )
            return previous.status_code, previous.body
    form_data = {
        k: ("on" if v is True else "" if v is False else v)
        for k, v in data.items()
        if v is not None
    }
    form = SignupForm(data=form_data)
    if not form.is_valid():
        errors = [
            {"field": field, "message": str(message)}
            for field, messages in form.errors.items()
            for message in messages
        ]
        return problem(request, 422, "Invalid request", "Some fields are not valid.", errors)
    callback_signup(data=form.cleaned_data, language=language)
    body = {"status": "received"}
    if idem and key is not None:
        try:
            with transaction.atomic():
                IdempotencyRecord.objects.create(
                    api_key=key, key=idem, request_hash=digest, status_code=202, body=body
                )
        except IntegrityError:
            pass  # a simultaneous retry stored it first: same answer
    return 202, body


# --- public catalog -------------------------------------------------------------------------


class CapsuleOut(Schema):
    key: str
    title_fr: str
    title_en: str
    summary_fr: str
    summary_en: str
    minutes: int
    level: str
    categories: list[str]
    url_fr: str
    url_en: str


@api.get(
    "/capsules",
    response={200: list[CapsuleOut], **ERRORS},
    auth=KEY_OR_SESSION,
    tags=["catalog"],
    summary="Published e-learning capsules",
)
def capsule_list(request):
    require_scope(request, "catalog:read")
    from django.urls import reverse
    from django.utils import translation

    from virage.capsules.models import Capsule

    rows = []
    for c in Capsule.objects.filter(status="published").order_by("key"):
        urls = {}
        for lang in ("fr", "en"):
            with translation.override(lang):
                urls[lang] = reverse("capsules:detail", kwargs={"key": c.key})
        rows.append(
            {
                "key": c.key,
                "title_fr": c.title_fr,
                "title_en": c.title_en or c.title_fr,
                "summary_fr": c.summary_fr,
                "summary_en": c.summary_en or c.summary_fr,
                "minutes": c.minutes,
                "level": c.level,
                "categories": list(c.categories or []),
                "url_fr": urls["fr"],
                "url_en": urls["en"],
            }
        )
    return rows


class SessionOut(Schema):
    id: int
    module_key: str
    title_fr: str
    title_en: str
    starts_at: datetime
    ends_at: datetime
    mode: str
    language: str
    region: str | None
    city: str
    seats_left: int


@api.get(
    "/training/sessions",
    response={200: list[SessionOut], **ERRORS},
    auth=KEY_OR_SESSION,
    tags=["catalog"],
    summary="Upcoming training sessions",
)
def session_list(request):
    """No online link here: it is given only to registered people."""
    require_scope(request, "catalog:read")
    from virage.training.selectors import catalog_sessions

    return [
        {
            "id": s.pk,
            "module_key": s.module.key,
            "title_fr": s.module.title_fr,
            "title_en": s.module.title_en or s.module.title_fr,
            "starts_at": s.starts_at,
            "ends_at": s.ends_at,
            "mode": s.mode,
            "language": s.language,
            "region": s.region.code if s.region_id else None,
            "city": s.city,
            "seats_left": max(s.capacity - s.seats_taken, 0),
        }
        for s in catalog_sessions()
    ]


# --- a business's plan and diagnostic, for its advisor (signed-in session) ------------------


class ActionOut(Schema):
    id: int
    category: str
    title_fr: str
    title_en: str
    status: str
    target_date: str | None


class PlanOut(Schema):
    business_id: int
    status: str
    actions: list[ActionOut]


class DiagnosticOut(Schema):
    business_id: int
    time_point: str
    submitted_at: datetime | None
    scoring_version_m2: str
    m2: dict
    r: dict


def _business_in_scope(request, business_id: int):
    from virage.enterprises.models import Business

    if getattr(request, "api_key", None) is not None:
        raise HttpError(403, "Business data is for signed-in advisors, not organisation keys.")
    return get_object_or_404(Business.objects.visible_to(request.auth), pk=business_id)


@api.get(
    "/businesses/{business_id}/plan",
    response={200: PlanOut, **ERRORS},
    auth=[session],
    tags=["advisors"],
    summary="The business's current action plan (its advisor only)",
)
def business_plan(request, business_id: int):
    from virage.plans.models import Plan

    business = _business_in_scope(request, business_id)
    plan = Plan.objects.visible_to(request.auth).filter(business=business).order_by("-id").first()
    if plan is None:
        raise Http404
    actions = plan.actions.select_related("category").order_by("order", "id")
    return {
        "business_id": business.pk,
        "status": plan.status,
        "actions": [
            {
                "id": a.pk,
                "category": a.category.key if a.category_id else "",
                "title_fr": a.title_fr,
                "title_en": a.title_en or a.title_fr,
                "status": a.status,
                "target_date": a.target_date.isoformat() if a.target_date else None,
            }
            for a in actions
        ],
    }


@api.get(
    "/businesses/{business_id}/diagnostic",
    response={200: DiagnosticOut, **ERRORS},
    auth=[session],
    tags=["advisors"],
    summary="The business's latest submitted diagnostic results (its advisor only)",
)
def business_diagnostic(request, business_id: int, time_point: str = "T0"):
    from virage.diagnostics.models import Assessment

    business = _business_in_scope(request, business_id)
    if time_point not in {"T0", "T1"}:
        raise HttpError(422, "time_point must be T0 or T1.")
    assessment = (
        Assessment.objects.visible_to(request.auth)
        .filter(business=business, time_point=time_point, status="submitted")
        .first()
    )
    if assessment is None:
        raise Http404
    return {
        "business_id": business.pk,
        "time_point": assessment.time_point,
        "submitted_at": assessment.submitted_at,
        "scoring_version_m2": assessment.scoring_version_m2,
        "m2": assessment.m2_result or {},
        "r": assessment.r_result or {},
    }


# --- aggregates for funders and partners (no personal data, small cells suppressed) ---------


class Aggregates(Schema):
    """Figures as on the dashboards: numbers, ISO months ("2026-10"), "< 5" for a cell under
    five businesses, null when there is nothing to show. Keys: docs/reporting.md."""

    scope: str
    figures: dict


def _caller_role(request) -> tuple[str, object]:
    """("partner", region) / ("funder", None) / ("operator", None) / ("admin", None)."""
    key = getattr(request, "api_key", None)
    if key is not None:
        return key.kind, key.region
    user = request.auth
    if user.role == "partner":
        return "partner", user.region
    if user.role in {"funder", "admin"}:
        return user.role, None
    raise HttpError(403, "Aggregates are for funders, partners and the program team.")


@api.get(
    "/aggregates/program",
    response={200: Aggregates, **ERRORS},
    auth=KEY_OR_SESSION,
    tags=["aggregates"],
    summary="Program-wide aggregates (funders, operator, admin)",
)
def aggregates_program(request):
    require_scope(request, "aggregates:read")
    role, _region = _caller_role(request)
    if role == "partner":
        raise HttpError(403, "A regional partner reads its region's aggregates.")
    from virage.reporting.filters import Filters
    from virage.reporting.selectors import program_aggregates

    return {"scope": "program", "figures": program_aggregates(filters=Filters())}


@api.get(
    "/aggregates/regions/{code}",
    response={200: Aggregates, **ERRORS},
    auth=KEY_OR_SESSION,
    tags=["aggregates"],
    summary="A region's aggregates (a partner: its own region only)",
)
def aggregates_region(request, code: str):
    require_scope(request, "aggregates:read")
    role, own_region = _caller_role(request)
    from virage.programs.models import Region

    region = Region.objects.filter(code=code).first()
    if region is None or (role == "partner" and (own_region is None or own_region.pk != region.pk)):
        raise Http404
    from virage.reporting.filters import Filters
    from virage.reporting.selectors import region_aggregates

    return {
        "scope": f"region:{region.code}",
        "figures": region_aggregates(region=region, filters=Filters()),
    }


# --- bulk export (the operator's systems): the all-businesses table, without contact details


class ExportPage(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[dict]


def _json_safe(row: dict) -> dict:
    out = {}
    for k, v in row.items():
        out[k] = v.isoformat() if hasattr(v, "isoformat") else v
    return out


@api.get(
    "/exports/businesses",
    response={200: ExportPage, **ERRORS},
    auth=KEY_OR_SESSION,
    tags=["exports"],
    summary="All businesses, one row each, paginated (no contact data)",
)
def export_businesses(
    request, page: int = Query(1, ge=1, le=1_000_000), page_size: int = Query(500, ge=1, le=1000)
):
    """The CSV-equivalent of the program admin's all-businesses export, without names, NEQ or
    contact details. Operator keys with `exports:read`, or a program admin's session."""
    import itertools

    key = require_scope(request, "exports:read")
    if key is not None and key.kind != "operator":
        raise HttpError(403, "Per-business rows are for the operator only; use aggregates.")
    if key is None and request.auth.role != "admin":
        raise HttpError(403, "Per-business rows are for the program team only.")
    if not (1 <= page_size <= 1000) or page < 1:
        raise HttpError(422, "page must be ≥ 1 and page_size between 1 and 1000.")
    from virage.enterprises.models import Business
    from virage.reporting.filters import Filters
    from virage.reporting.selectors import business_export_rows

    count = Business.objects.count()
    pages = max((count + page_size - 1) // page_size, 1)
    start = (page - 1) * page_size
    results = []
    if start < count:
        rows = business_export_rows(filters=Filters(), contact=False)
        results = [_json_safe(r) for r in itertools.islice(rows, start, start + page_size)]
    return {
        "count": count,
        "page": page,
        "pages": pages,
        "page_size": page_size,
        "results": results,
    }
