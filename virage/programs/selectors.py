"""Reads of program settings."""

from __future__ import annotations

from .models import Program, Region, Subsector


def program_current() -> Program | None:
    """The program the platform runs (one query; None before the data migration)."""
    return Program.objects.filter(is_current=True).first()


def region_list():
    return Region.objects.order_by("code")


def subsector_list(*, eligible_only: bool = False):
    qs = Subsector.objects.order_by("code")
    return qs.filter(is_eligible=True) if eligible_only else qs


def program_for(request) -> Program | None:
    """The current program, fetched once per request (views and templates share it)."""
    if not hasattr(request, "_virage_program"):
        request._virage_program = program_current()
    return request._virage_program
