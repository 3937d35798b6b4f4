"""Callback sign-up through the API (same rules as the web form, idempotent), catalog
endpoints, and business data scoped to its advisor."""

from __future__ import annotations

import json

import pytest

from virage.api.services import api_key_create
from virage.waitlist.models import CallbackEntry

pytestmark = pytest.mark.django_db

SIGNUP = {
    "business_name": "Fleuriste Laval",
    "contact_name": "Julie Roy",
    "email": "julie@fleuriste.example",
    "phone": "",
    "postal_code": "H7N 1A1",
    "region": "13",
    "subsector": "459",
    "employees": 4,
    "locations_count": 1,
    "neq": "",
    "consent_contact": True,
    "consent_newsletter": False,
    "consent_research": False,
    "language": "fr",
}


@pytest.fixture
def operator(personas):
    return api_key_create(
        actor=personas.ada, name="Site", kind="operator", scopes=["callbacks:write", "catalog:read"]
    )[1]


def post(client, secret, body, **headers):
    return client.post(
        "/api/v1/callbacks",
        json.dumps(body),
        content_type="application/json",
        HTTP_X_API_KEY=secret,
        **headers,
    )


def test_signup_creates_one_entry_and_answers_neutrally(
    client, operator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, operator, SIGNUP)
        again = post(client, operator, {**SIGNUP, "business_name": "Autre nom"})
    assert (first.status_code, first.json()) == (202, {"status": "received"})
    assert (again.status_code, again.json()) == (202, {"status": "received"})
    assert CallbackEntry.objects.filter(email="julie@fleuriste.example").count() == 1


def test_idempotency_key_replays_and_refuses_another_body(client, operator):
    one = post(client, operator, SIGNUP, HTTP_IDEMPOTENCY_KEY="abc-1")
    two = post(client, operator, SIGNUP, HTTP_IDEMPOTENCY_KEY="abc-1")
    other = post(
        client, operator, {**SIGNUP, "email": "x@example.com"}, HTTP_IDEMPOTENCY_KEY="abc-1"
    )
    assert (one.status_code, two.status_code, other.status_code) == (202, 202, 409)
    assert CallbackEntry.objects.count() == 1


def test_required_consent_and_field_errors_are_problem_details(client, operator):
    response = post(
        client, operator, {**SIGNUP, "consent_contact": False, "postal_code": "K1A 0B1"}
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    fields = sorted(e["field"] for e in response.json()["errors"])
    assert "consent_contact" in fields
    assert CallbackEntry.objects.count() == 0


def test_partner_and_funder_keys_cannot_sign_up(client, personas):
    _key, secret = api_key_create(
        actor=personas.ada,
        name="P",
        kind="partner",
        scopes=["aggregates:read"],
        region=personas.paul.region,
    )
    response = post(client, secret, SIGNUP)
    assert response.status_code == 403
    assert CallbackEntry.objects.count() == 0


def test_sessions_never_expose_online_links(client, operator):
    response = client.get("/api/v1/training/sessions", HTTP_X_API_KEY=operator)
    assert response.status_code == 200
    assert "online" not in json.dumps(
        [{k: v for k, v in r.items() if k != "mode"} for r in response.json()]
    )


def test_business_data_is_for_signed_in_people_in_scope(client, client_for, businesses, operator):
    url = f"/api/v1/businesses/{businesses.marie.pk}/diagnostic"
    # organisation keys never reach a business's data: the endpoint only takes a session
    assert client.get(url, HTTP_X_API_KEY=operator).status_code == 401
    assert client_for("sofia").get(url).status_code == 404
    assert client_for("luc").get(url).status_code == 404


PERSONAL = {
    "email",
    "phone",
    "first_name",
    "last_name",
    "contact_name",
    "legal_name",
    "operating_name",
    "neq",
    # "name" keys hold region names, not people
    "address",
}


def _all_keys(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _all_keys(v)
    elif isinstance(value, list):
        for v in value:
            yield from _all_keys(v)


def test_funder_key_reads_program_aggregates_without_personal_fields(client, personas, businesses):
    _key, secret = api_key_create(
        actor=personas.ada, name="F", kind="funder", scopes=["aggregates:read"]
    )
    response = client.get("/api/v1/aggregates/program", HTTP_X_API_KEY=secret)
    assert response.status_code == 200
    body = response.json()
    assert body["scope"] == "program"
    assert set(_all_keys(body)) & PERSONAL == set()
    assert "marie" not in json.dumps(body).lower()
    assert "Boutique Marie" not in json.dumps(body)


def test_partner_key_reads_only_its_region(client, personas):
    _key, secret = api_key_create(
        actor=personas.ada,
        name="P",
        kind="partner",
        scopes=["aggregates:read"],
        region=personas.paul.region,
    )
    own = client.get(
        f"/api/v1/aggregates/regions/{personas.paul.region.code}", HTTP_X_API_KEY=secret
    )
    other = client.get("/api/v1/aggregates/regions/05", HTTP_X_API_KEY=secret)
    program = client.get("/api/v1/aggregates/program", HTTP_X_API_KEY=secret)
    assert (own.status_code, other.status_code, program.status_code) == (200, 404, 403)


def test_key_without_the_scope_is_refused(client, operator):
    assert client.get("/api/v1/aggregates/program", HTTP_X_API_KEY=operator).status_code == 403


def test_bulk_export_is_paginated_and_has_no_contact_data(client, personas, businesses):
    _key, secret = api_key_create(
        actor=personas.ada, name="Ops", kind="operator", scopes=["exports:read"]
    )
    first = client.get("/api/v1/exports/businesses?page=1&page_size=1", HTTP_X_API_KEY=secret)
    second = client.get("/api/v1/exports/businesses?page=2&page_size=1", HTTP_X_API_KEY=secret)
    assert first.status_code == second.status_code == 200
    one, two = first.json(), second.json()
    assert (one["count"], one["pages"], len(one["results"]), len(two["results"])) == (2, 2, 1, 1)
    assert one["results"][0] != two["results"][0]
    keys = set(one["results"][0])
    assert (
        keys
        & {
            "legal_name",
            "operating_name",
            "neq",
            "owner_email",
            "owner_phone",
            "owner_first_name",
            "owner_last_name",
        }
        == set()
    )
    assert "Boutique Marie" not in json.dumps(one) + json.dumps(two)


def test_bulk_export_refuses_funder_keys(client, personas):
    _key, secret = api_key_create(
        actor=personas.ada, name="F", kind="funder", scopes=["exports:read"]
    )
    response = client.get("/api/v1/exports/businesses", HTTP_X_API_KEY=secret)
    assert response.status_code == 403
