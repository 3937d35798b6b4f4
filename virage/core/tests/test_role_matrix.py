"""Every URL pattern × every persona → expected status (see virage/core/testing/matrix.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from virage.core.testing.matrix import ALL, load_routes

ROUTES, BUILDERS = load_routes()
EXCLUDED_NAMESPACES = {"admin"}  # Django admin: staff-only, tested in test_admin_access


def url_names(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    resolver = resolver or get_resolver()
    names = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            if ns in EXCLUDED_NAMESPACES:
                continue
            prefix = f"{namespace}{ns}:" if ns else namespace
            names |= url_names(entry, prefix)
        elif isinstance(entry, URLPattern):
            if entry.name is None:
                raise AssertionError(f"URL pattern {entry.pattern} has no name")
            names.add(f"{namespace}{entry.name}")
    return names


def test_every_url_pattern_has_expectations():
    declared = {route.name for route in ROUTES}
    patterns = url_names()
    assert sorted(patterns - declared) == [], "URL patterns without a role-matrix Route"
    assert sorted(declared - patterns) == [], "Routes naming no URL pattern"


def test_routes_are_declared_once():
    names = [route.name for route in ROUTES]
    assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.fixture
def world(personas):
    world = SimpleNamespace(**vars(personas))
    for build in BUILDERS:
        build(world)
    return world


@pytest.mark.parametrize("route", ROUTES, ids=[r.name for r in ROUTES])
def test_role_matrix(route, world, django_capture_on_commit_callbacks):
    url = reverse(route.name, kwargs=route.kwargs(world) if route.kwargs else None)
    if route.query:
        url = f"{url}?{route.query}"
    got = {}
    for key in ALL:
        client = Client()
        if key != "anonymous":
            client.force_login(getattr(world, key))
        got[key] = client.get(url).status_code
    assert got == route.expect, url
