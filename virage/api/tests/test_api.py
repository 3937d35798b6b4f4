"""API keys, authentication, scopes, problem details, rate limits and size limits."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from virage.api.models import ApiKey, hash_secret
from virage.api.services import api_key_create, api_key_revoke
from virage.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_key(personas):
    key, secret = api_key_create(
        actor=personas.ada, name="Site", kind="operator", scopes=["catalog:read", "callbacks:write"]
    )
    return key, secret


def test_keys_are_stored_hashed_and_shown_once(personas, operator_key):
    key, secret = operator_key
    assert secret.startswith(f"vrg_{key.prefix}_")
    stored = ApiKey.objects.get(pk=key.pk)
    assert stored.hashed_key == hash_secret(secret)
    assert secret not in json.dumps(list(ApiKey.objects.values()), default=str)
    assert AuditEvent.objects.filter(verb="apikey.created", object_id=str(key.pk)).count() == 1


def test_only_admins_create_keys_and_rules_apply(personas):
    with pytest.raises(PermissionDenied):
        api_key_create(actor=personas.paul, name="x", kind="partner", scopes=["aggregates:read"])
    with pytest.raises(ValidationError):
        api_key_create(actor=personas.ada, name="x", kind="partner", scopes=["aggregates:read"])
    with pytest.raises(ValidationError):
        api_key_create(actor=personas.ada, name="x", kind="funder", scopes=["callbacks:write"])
    with pytest.raises(ValidationError):
        api_key_create(actor=personas.ada, name="x", kind="operator", scopes=[])


def test_authentication_by_header_or_bearer(client, operator_key):
    _key, secret = operator_key
    assert client.get("/api/v1/program", HTTP_X_API_KEY=secret).status_code == 200
    response = client.get("/api/v1/program", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert response.json()["target_businesses"] == 5000


def test_missing_or_revoked_key_is_a_401_problem(client, personas, operator_key):
    key, secret = operator_key
    response = client.get("/api/v1/program")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Unauthorized",
        "status": 401,
        "detail": "A valid API key is required.",
        "errors": [],
    }
    api_key_revoke(actor=personas.ada, key=key)
    assert client.get("/api/v1/program", HTTP_X_API_KEY=secret).status_code == 401


def test_rate_limit_per_key_returns_429_with_retry_after(client, personas):
    _key, secret = api_key_create(
        actor=personas.ada, name="Slow", kind="operator", scopes=["catalog:read"], rate_per_minute=3
    )
    statuses = [client.get("/api/v1/regions", HTTP_X_API_KEY=secret).status_code for _ in range(4)]
    assert statuses[:3] == [200, 200, 200]
    last = client.get("/api/v1/regions", HTTP_X_API_KEY=secret)
    assert last.status_code == 429
    assert 1 <= int(last["Retry-After"]) <= 60
    assert last.json()["title"] == "Too many requests"


def test_body_size_limit_is_a_413_problem(client, settings, operator_key):
    settings.API_MAX_BODY_BYTES = 100
    response = client.generic("POST", "/api/v1/program", "x" * 200, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["title"] == "Request too large"


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Virage API"
    assert "/api/v1/program" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_key_pages_create_show_once_and_revoke(client_for, personas):
    client = client_for("ada")
    response = client.post(
        "/fr/api-keys/new/",
        {
            "name": "Site web",
            "kind": "operator",
            "scopes": ["catalog:read"],
            "rate_per_minute": 120,
        },
    )
    body = response.content.decode()
    key = ApiKey.objects.get(name="Site web")
    assert response.status_code == 200
    assert f"vrg_{key.prefix}_" in body
    listing = client.get("/fr/api-keys/").content.decode()
    assert f"vrg_{key.prefix}_" not in listing
    assert client.post(f"/fr/api-keys/{key.pk}/revoke/").status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_key_form_errors_keep_input(client_for):
    response = client_for("ada").post(
        "/fr/api-keys/new/",
        {
            "name": "Partenaire",
            "kind": "partner",
            "scopes": ["aggregates:read"],
            "rate_per_minute": 60,
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Partenaire"' in body
    assert ApiKey.objects.count() == 0
