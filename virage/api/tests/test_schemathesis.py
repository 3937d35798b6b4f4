"""Property-based API conformance (Schemathesis): every operation, generated inputs, with an
organisation key that holds every scope and with a signed-in session. No server error, every
response matches the OpenAPI schema (status code, content type, body)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())

SETTINGS = settings(
    max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@pytest.fixture
def key_headers(personas):
    from virage.api.models import ApiKey
    from virage.api.services import api_key_create

    _key, secret = api_key_create(
        actor=personas.ada,
        name="All scopes",
        kind="operator",
        scopes=list(ApiKey.Scope.values),
        rate_per_minute=100_000,
    )
    return {"X-API-Key": secret}


@pytest.mark.django_db
@schema.parametrize()
@SETTINGS
def test_api_with_an_organisation_key(case, key_headers):
    case.call_and_validate(headers=key_headers)


@pytest.mark.django_db
@schema.parametrize()
@SETTINGS
def test_api_with_a_session(case, client_for):
    client = client_for("ada")
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    case.call_and_validate(headers={"Cookie": cookie})
