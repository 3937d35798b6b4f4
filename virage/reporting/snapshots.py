"""Pre-computed dashboard figures: one `ReportSnapshot` row per scope (kind, program, filters,
day), read by every viewer while it is younger than `settings.REPORTING_SNAPSHOT_MAX_AGE`.

Why: the dashboards aggregate every business, diagnostic, plan, meeting and registration of
the program. That takes a few hundred milliseconds at 5,000 businesses and grows with the
data; a snapshot read is one indexed row whatever the size of the program. The figures stay
exact: a snapshot holds the raw figures of `selectors.raw_figures` as they were at
`computed_at` (the pages say when), suppression is applied when they are presented, and
`refresh_snapshots` (job "reporting.refresh_snapshots", every 15 minutes under
`manage.py run_scheduled`; also `manage.py refresh_reports`) recomputes every scope viewed in
the last two days plus the default scopes of the home panels, dashboards and API, so viewers
rarely wait. A scope nobody has viewed for two days is dropped.

Snapshots hold counts, sums and means only: never a name, a business or a person.
`REPORTING_SNAPSHOT_MAX_AGE = 0` turns them off (every request computes; the tests' default).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .filters import Filters
from .models import ReportSnapshot

REPORT = "report"
KEY_FIGURES = "key_figures"
USED_RESOLUTION = timedelta(hours=1)  # last_used_at is rewritten at most once an hour
KEEP_UNUSED = timedelta(days=2)


@dataclass(frozen=True)
class Figures:
    """Raw figures and when they were computed (None: computed for this request)."""

    raw: Any
    computed_at: datetime | None


def enabled() -> bool:
    return settings.REPORTING_SNAPSHOT_MAX_AGE > 0


def scope_of(
    kind: str, *, filters: Filters, program_id: int | None, today: date, with_regions: bool
) -> dict:
    return {
        "kind": kind,
        "program": program_id,
        "filters": filters.as_dict(),
        "today": today.isoformat(),
        "regions": with_regions,
    }


def key_of(scope: dict) -> str:
    return hashlib.sha256(json.dumps(scope, sort_keys=True).encode()).hexdigest()


def filters_of(scope: dict) -> Filters:
    raw = scope["filters"]
    return Filters(
        start=date.fromisoformat(raw["start"]) if raw.get("start") else None,
        end=date.fromisoformat(raw["end"]) if raw.get("end") else None,
        region=raw.get("region") or "",
        cohort=raw.get("cohort"),
        package=raw.get("package") or "",
    )


# --- encoding: JSON-safe raw figures and back -----------------------------------------------


def encode_report(raw: dict) -> dict:
    """Dates of the monthly series as ISO strings; region names dropped (they are localized:
    `decode_report` puts them back in the viewer's language)."""
    data = dict(raw)
    data["months"] = [{**row, "month": row["month"].isoformat()} for row in raw["months"]]
    if raw["regions"] is not None:
        data["regions"] = [{k: v for k, v in row.items() if k != "name"} for row in raw["regions"]]
    return data


def decode_report(data: dict, regions: list | None) -> dict:
    raw = dict(data)
    raw["months"] = [{**row, "month": date.fromisoformat(row["month"])} for row in data["months"]]
    if data["regions"] is not None:
        names = {region.code: region.name for region in regions or []}
        raw["regions"] = [{**row, "name": names.get(row["code"], "")} for row in data["regions"]]
    return raw


# --- read and store ---------------------------------------------------------------------------


def cached(
    scope: dict,
    compute: Callable[[], Any],
    *,
    encode: Callable[[Any], Any] = lambda raw: raw,
    decode: Callable[[Any], Any] = lambda data: data,
) -> Figures:
    """The figures of `scope`: from its snapshot when fresh (one query), else computed now and
    stored. The live and the stored paths give identical values (both go through encode and
    decode)."""
    if not enabled():
        return Figures(decode(encode(compute())), None)
    now = timezone.now()
    key = key_of(scope)
    snapshot = (
        ReportSnapshot.objects.filter(key=key).only("data", "computed_at", "last_used_at").first()
    )
    max_age = timedelta(seconds=settings.REPORTING_SNAPSHOT_MAX_AGE)
    if snapshot is not None and now - snapshot.computed_at < max_age:
        if now - snapshot.last_used_at > USED_RESOLUTION:
            ReportSnapshot.objects.filter(pk=snapshot.pk).update(last_used_at=now)
        return Figures(decode(snapshot.data), snapshot.computed_at)
    data, computed_at = store(scope, compute, encode=encode, used_at=now)
    return Figures(decode(data), computed_at)


def store(
    scope: dict,
    compute: Callable[[], Any],
    *,
    encode: Callable[[Any], Any] = lambda raw: raw,
    used_at: datetime | None = None,
) -> tuple[Any, datetime]:
    """Compute the figures of `scope` and write its snapshot (insert or replace). Returns the
    encoded figures and their time. Two requests computing the same scope at once both
    succeed: the later write wins, with figures as fresh as the earlier's."""
    started = time.perf_counter()
    data = encode(compute())
    computed_at = timezone.now()
    values = {
        "kind": scope["kind"],
        "scope": scope,
        "data": data,
        "computed_at": computed_at,
        "compute_ms": round((time.perf_counter() - started) * 1000),
    }
    key = key_of(scope)
    updated = ReportSnapshot.objects.filter(key=key).update(**values)
    if not updated:
        try:
            with transaction.atomic():
                ReportSnapshot.objects.create(
                    key=key, last_used_at=used_at or computed_at, **values
                )
        except IntegrityError:  # created meanwhile by a concurrent request
            ReportSnapshot.objects.filter(key=key).update(**values)
    elif used_at is not None:
        ReportSnapshot.objects.filter(key=key, last_used_at__lt=used_at - USED_RESOLUTION).update(
            last_used_at=used_at
        )
    return data, computed_at


# --- the periodic refresh ----------------------------------------------------------------------


def default_scopes(*, program_id: int | None, today: date, region_codes: list[str]) -> list[dict]:
    """What the home panels, dashboards and API show without any filter: the program (with its
    breakdown by region) and each region, report and key figures."""
    scopes = [
        scope_of(REPORT, filters=Filters(), program_id=program_id, today=today, with_regions=True),
        scope_of(
            KEY_FIGURES, filters=Filters(), program_id=program_id, today=today, with_regions=False
        ),
    ]
    for code in region_codes:
        for kind in (REPORT, KEY_FIGURES):
            scopes.append(
                scope_of(
                    kind,
                    filters=Filters(region=code),
                    program_id=program_id,
                    today=today,
                    with_regions=False,
                )
            )
    return scopes


def refresh_snapshots() -> dict:
    """Recompute the default scopes and every scope viewed in the last two days (for today's
    date); drop the others (unused for two days, or of another day).
    Returns {"refreshed": n, "dropped": n, "seconds": s}."""
    from virage.programs.models import Program, Region
    from virage.programs.selectors import program_current

    from . import selectors

    started = time.perf_counter()
    now = timezone.now()
    today = timezone.localdate()
    dropped, _ = ReportSnapshot.objects.filter(last_used_at__lt=now - KEEP_UNUSED).delete()
    regions = list(Region.objects.order_by("code"))
    program = program_current()
    scopes = {
        key_of(s): s
        for s in default_scopes(
            program_id=program.pk if program else None,
            today=today,
            region_codes=[r.code for r in regions],
        )
    }
    for scope in ReportSnapshot.objects.values_list("scope", flat=True):
        renewed = {**scope, "today": today.isoformat()}
        scopes.setdefault(key_of(renewed), renewed)
    programs = {
        p.pk: p for p in Program.objects.filter(pk__in={s["program"] for s in scopes.values()})
    }
    for scope in scopes.values():
        if scope["program"] is not None and scope["program"] not in programs:
            continue  # a program deleted since
        selectors.refresh_scope(
            scope, program=programs.get(scope["program"]), today=today, regions=regions
        )
    # what was not recomputed is another day's (or a deleted program's): never read again
    stale, _ = ReportSnapshot.objects.exclude(key__in=list(scopes)).delete()
    return {
        "refreshed": len(scopes),
        "dropped": dropped + stale,
        "seconds": round(time.perf_counter() - started, 2),
    }
