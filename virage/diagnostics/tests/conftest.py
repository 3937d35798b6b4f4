"""Fixtures of the diagnostics tests."""

from __future__ import annotations

import pytest


def plans_ready() -> bool:
    try:
        from virage.plans.services import plan_generate_draft  # noqa: F401
    except ImportError:
        return False
    return True


needs_plans = pytest.mark.skipif(
    not plans_ready(),
    reason="virage.plans.services.plan_generate_draft is missing: T0 submission calls it "
    "(the plans engineer builds it)",
)


@pytest.fixture
def marie_business(businesses):
    return businesses.marie


@pytest.fixture
def luc_business(businesses):
    return businesses.luc
