"""Project-wide pytest fixtures: personas, the role-matrix world and query-count helpers."""

from __future__ import annotations

import pytest

from virage.core.testing.queries import assert_queries  # noqa: F401 - fixture re-export


def pytest_configure(config):
    """Compile the French catalogs (Babel, skips up-to-date files) so tests see them."""
    import runpy
    from pathlib import Path

    runpy.run_path(
        str(Path(__file__).parent / "scripts" / "compile_messages.py"), run_name="compile_messages"
    ).get("main")()


@pytest.fixture
def personas(db):
    """Marie, Luc, Antoine, Sofia, Nadia, Paul, Rita, Fatou and Ada as users (see
    virage/accounts/personas.py)."""
    from types import SimpleNamespace

    from virage.accounts.personas import persona_users

    return SimpleNamespace(**persona_users(password="Test-password-2026"))  # noqa: S106


@pytest.fixture
def businesses(personas):
    """Marie's business (Montérégie, advisor Antoine) and Luc's (Estrie, 2 locations, advisor
    Sofia), both enrolled: `businesses.marie`, `businesses.luc`."""
    from types import SimpleNamespace

    from virage.enterprises.testing import persona_businesses

    return SimpleNamespace(**persona_businesses(vars(personas)))


@pytest.fixture
def program(db):
    from virage.programs.selectors import program_current

    return program_current()


@pytest.fixture
def client_for(client, personas):
    """`client_for("marie")` → a test client signed in as that persona."""
    from django.test import Client

    def make(key: str) -> Client:
        c = Client()
        c.force_login(getattr(personas, key))
        return c

    return make


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` need real row locks and concurrent transactions: skipped on
    SQLite, with the reason."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL (concurrency); CI runs it with DATABASE_URL=postgres://…"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """Transactional tests start from a flushed database: reload the reference data that
    data migrations load (regions, program, packages, catalog…)."""
    marker = request.node.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from virage.core.testing.reference import reload_reference_data

        reload_reference_data()


@pytest.fixture(autouse=True)
def _french_by_default():
    """Each test starts in French, whatever language an earlier request activated."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")
