"""Home-page panels: the key figures of each dashboard (a few queries, no per-business loop).
Partners and funders get suppressed figures ("< 5")."""

from __future__ import annotations

from virage.programs.selectors import program_for

from . import selectors
from .filters import Filters


def admin(request) -> dict:
    program = program_for(request)
    return {"figures": selectors.key_figures(filters=Filters(), program=program, suppress=False)}


def partner(request) -> dict | None:
    region = request.user.region
    if region is None:
        return None
    program = program_for(request)
    return {
        "region": region,
        "figures": selectors.key_figures(
            filters=Filters(region=region.code), program=program, suppress=True
        ),
    }


def funder(request) -> dict:
    program = program_for(request)
    funders = selectors.funders_for(request.user)
    money = selectors.funder_money_summary(funders=funders)
    return {
        "funders": funders,
        "money": money,
        "figures": selectors.key_figures(filters=Filters(), program=program, suppress=True),
    }
