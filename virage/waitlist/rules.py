"""Pure rules of the callback list: normalising what people type, choosing who a wave
invites, and hiding small counts. No ORM here; services load the data and call these."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A Canadian postal code: letter digit letter, optional space, digit letter digit.
POSTAL_CODE_RE = re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$")
NEQ_RE = re.compile(r"^\d{10}$")
SMALL_COUNT = 5  # counts under this are shown as "< 5" to partners (DOMAIN.md §7)


def normalize_email(value: str | None) -> str:
    return (value or "").strip().lower()


def normalize_neq(value: str | None) -> str:
    """Digits only: "1170 000 001" and "1170-000-001" → "1170000001"."""
    return re.sub(r"[\s\-.]+", "", value or "")


def normalize_postal_code(value: str | None) -> str:
    """ "j2g2v5" → "J2G 2V5" when well formed; otherwise the compact upper-case text."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if POSTAL_CODE_RE.match(compact):
        return f"{compact[:3]} {compact[3:]}"
    return compact


def is_postal_code(value: str | None) -> bool:
    return bool(POSTAL_CODE_RE.match(re.sub(r"\s+", "", value or "").upper()))


def is_neq(value: str | None) -> bool:
    return bool(NEQ_RE.match(value or ""))


def select_invitees(
    candidates: Iterable[tuple[int, int]],
    *,
    free_places: int,
    region_free: dict[int, int] | None = None,
) -> list[int]:
    """First come, first served with optional regional caps.

    `candidates` are (entry_id, region_id) in queue order; `free_places` is what the wave has
    left; `region_free` maps a capped region to the places it has left in the wave (regions
    absent from it are limited only by the wave). Returns the entry ids to invite, in order."""
    chosen: list[int] = []
    if free_places <= 0:
        return chosen
    left = dict(region_free or {})
    for entry_id, region_id in candidates:
        if region_id in left:
            if left[region_id] <= 0:
                continue
            left[region_id] -= 1
        chosen.append(entry_id)
        if len(chosen) >= free_places:
            break
    return chosen


def shown_count(n: int) -> str:
    """Counts shown to partners: under 5 becomes "< 5" so no small group can be singled out."""
    return f"< {SMALL_COUNT}" if n < SMALL_COUNT else str(n)


CSV_DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(CSV_DANGEROUS_PREFIXES):
        return "'" + text
    return text


def fold(value: str | None) -> str:
    """Lower case without accents or typographic dashes, to match names people type:
    "Gaspésie–Îles-de-la-Madeleine" and "gaspesie-iles-de-la-madeleine" fold the same."""
    import unicodedata

    text = unicodedata.normalize("NFKD", (value or "").strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("–", "-").replace("—", "-")
