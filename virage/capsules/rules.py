"""Pure rules of the capsules app (no Django, no ORM): business identity for reach, search
normalisation, length filters and capsule recommendations.

Business identity (reach counts businesses, not people or views)
    A merchant learner acts for their enrolled Business: its key is ``b:<business id>``.
    A learner from the light sign-up has no Business row; their business is identified by its
    region and its normalised name: ``n:<region code>:<name>``, where the name is lower-cased,
    stripped of accents, punctuation and legal suffixes (inc., ltée, enr.…). So « Boutique
    Marie inc. » and « boutique marie » in Montérégie are one business; the same name in two
    regions is two businesses. When such a name matches an enrolled business of the same
    region, the learner takes that business's key (``b:<id>``), so an employee who signs up
    lightly does not count their business a second time. Two different shops that share a
    name in one region count once: reach errs on the side of under-counting, never of
    inflating a funder's figure.

Recommendations
    Candidates the learner has not completed yet come in this order: the capsules the plan's
    open actions link to (in plan order); then by the first wanted category they cover (the
    plan's open actions, else the diagnostic's gaps, in priority order), popularity
    (completions) and key. Capsules covering no wanted category fill the
    remaining places by popularity, so the list is never empty while capsules remain.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

BUSINESS_KEY_MAX_LENGTH = 200

LEGAL_SUFFIXES = frozenset(
    {
        "inc",
        "incorporated",
        "incorporee",
        "ltee",
        "limitee",
        "ltd",
        "limited",
        "enr",
        "senc",
        "sencrl",
        "srl",
        "corp",
        "corporation",
        "cie",
        "llc",
    }
)

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", stripped.lower()).split())


def normalise_business_name(name: str) -> str:
    """« Boutique Marie inc. » → "boutique marie"; « L'Épicerie & Cie » → "l epicerie"."""
    words = fold(name.replace("&", " ")).split()
    while words and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def merchant_business_key(business_id: int) -> str:
    return f"b:{business_id}"


def light_business_key(name: str, region_code: str) -> str:
    normalised = normalise_business_name(name) or "-"
    return f"n:{region_code}:{normalised}"[:BUSINESS_KEY_MAX_LENGTH]


def matching_business_id(name: str, businesses: Iterable[tuple[int, str, str]]) -> int | None:
    """The id of the first business (id, legal name, operating name) whose normalised legal or
    operating name equals the normalised `name`; ids are compared in ascending order."""
    target = normalise_business_name(name)
    if not target:
        return None
    for business_id, legal_name, operating_name in sorted(businesses):
        names = {normalise_business_name(legal_name), normalise_business_name(operating_name)}
        if target in names:
            return business_id
    return None


# --- Search and filters ---------------------------------------------------------------------

MAX_SEARCH_TERMS = 8


def search_terms(query: str) -> list[str]:
    """Words of a search query, folded like the index (accents and case do not matter)."""
    words = []
    for word in fold(query).split():
        if word not in words:
            words.append(word)
    return words[:MAX_SEARCH_TERMS]


def search_document(*texts: str) -> str:
    """The text a capsule is searched in: its folded titles, summaries and topic names."""
    return " " + " ".join(fold(t) for t in texts if t) + " "


# Estimated length filter: key → (min minutes, max minutes), bounds included.
LENGTHS = {"short": (None, 5), "medium": (6, 10), "long": (11, None)}


# --- Recommendations ------------------------------------------------------------------------


@dataclass(frozen=True)
class CapsuleCandidate:
    key: str
    categories: tuple[str, ...]
    completions: int = 0


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def recommend(
    candidates: Iterable[CapsuleCandidate],
    *,
    wanted_categories: Sequence[str] = (),
    wanted_keys: Sequence[str] = (),
    done: Collection[str] = (),
    limit: int = 3,
) -> list[str]:
    """Keys of the next capsules to suggest, best first (see the module docstring).
    Capsules named in `wanted_keys` (linked by the plan's actions) come first, in that
    order; then by the first wanted category they cover, popularity and key."""
    key_rank = {key: i for i, key in enumerate(_unique(wanted_keys))}
    rank = {category: i for i, category in enumerate(_unique(wanted_categories))}

    def sort_key(candidate: CapsuleCandidate):
        if candidate.key in key_rank:
            return (0, key_rank[candidate.key], 0, candidate.key)
        ranks = [rank[c] for c in candidate.categories if c in rank]
        best = min(ranks) if ranks else len(rank)
        return (1, best, -candidate.completions, candidate.key)

    pool = [c for c in candidates if c.key not in done]
    return [c.key for c in sorted(pool, key=sort_key)][: max(limit, 0)]


GAP_ORDER = ("no", "partially")


def categories_from_answers(
    answers: Mapping[str, object], item_categories: Mapping[str, Sequence[str]]
) -> list[str]:
    """Solution categories of the retail items answered "no", then "partially", each group
    in questionnaire order (the order of `item_categories`); "yes", "na" and unanswered items
    never count."""
    result: list[str] = []
    for gap in GAP_ORDER:
        for item_key, categories in item_categories.items():
            if answers.get(item_key) == gap:
                result.extend(categories)
    return _unique(result)
