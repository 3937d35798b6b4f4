"""Virage JSON API v1 (django-ninja, OpenAPI 3 at /api/v1/openapi.json, docs at /api/v1/docs).

Errors are problem details (RFC 9457, `application/problem+json`) with a field-level list."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from .auth import KEY_OR_SESSION, RateLimited


class VirageAPI(NinjaAPI):
    """Error responses are documented as `application/problem+json` (RFC 9457)."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if str(status).startswith(("4", "5")) and "application/json" in content:
                        content["application/problem+json"] = content.pop("application/json")
        return schema


api = VirageAPI(
    title="Virage API",
    version="1",
    description=(
        "Programme data for the operator's web site, regional partners and funders. "
        "Authenticate with an organisation key (`X-API-Key` header or `Authorization: Bearer`). "
        "Errors are problem details (`application/problem+json`)."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)


class FieldError(Schema):
    field: str
    message: str


class Problem(Schema):
    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: list[FieldError] = []


def problem(request, status: int, title: str, detail: str = "", errors=None, headers=None):
    response = api.create_response(
        request,
        {
            "type": "about:blank",
            "title": title,
            "status": status,
            "detail": detail,
            "errors": errors or [],
        },
        status=status,
    )
    response["Content-Type"] = "application/problem+json"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc):
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", []) if part not in {"body", "payload"}]
        errors.append({"field": ".".join(location) or "body", "message": error.get("msg", "")})
    return problem(request, 422, "Invalid request", "Some fields are not valid.", errors)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return problem(
        request,
        401,
        "Unauthorized",
        "A valid API key is required.",
        headers={"WWW-Authenticate": 'Bearer realm="virage"'},
    )


@api.exception_handler(RateLimited)
def on_rate_limited(request, exc):
    return problem(
        request,
        429,
        "Too many requests",
        "This key exceeded its requests per minute.",
        headers={"Retry-After": str(exc.retry_after)},
    )


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return problem(request, 404, "Not found")


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return problem(request, 403, "Forbidden")


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return problem(request, exc.status_code, str(exc) or "Error", str(exc))


ERRORS = {
    400: Problem,
    401: Problem,
    403: Problem,
    404: Problem,
    413: Problem,
    422: Problem,
    429: Problem,
}


class ProgramOut(Schema):
    name_fr: str
    name_en: str
    start_date: str
    duration_months: int
    target_businesses: int
    capsule_reach_target: int
    training_hours_default: int
    coaching_hours_default: int


class RegionOut(Schema):
    code: str
    name_fr: str
    name_en: str


@api.get(
    "/program",
    response={200: ProgramOut, **ERRORS},
    auth=KEY_OR_SESSION,
    tags=["program"],
    summary="The program's targets and allowances",
)
def program_detail(request):
    from virage.programs.selectors import program_current

    program = program_current()
    if program is None:
        raise Http404
    return {
        "name_fr": program.name_fr,
        "name_en": program.name_en or program.name_fr,
        "start_date": program.start_date.isoformat(),
        "duration_months": program.duration_months,
        "target_businesses": program.target_businesses,
        "capsule_reach_target": program.capsule_reach_target,
        "training_hours_default": program.training_hours_default,
        "coaching_hours_default": program.coaching_hours_default,
    }


@api.get(
    "/regions",
    response={200: list[RegionOut], **ERRORS},
    auth=KEY_OR_SESSION,
    tags=["program"],
    summary="Québec's administrative regions",
)
def region_list(request):
    from virage.programs.selectors import region_list as regions

    return [
        {"code": r.code, "name_fr": r.name_fr, "name_en": r.name_en or r.name_fr} for r in regions()
    ]
