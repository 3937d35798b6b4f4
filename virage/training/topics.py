"""Topics of a training module: solution categories of the catalog and M2 diagnostic dimensions.

Pure data, no ORM. Category keys are the fixed list of `virage.catalog.seed_data.CATEGORIES`;
dimension keys are the six M2 dimensions (D1-D6), labelled as in the diagnostic
questionnaire. Read labels with `localized(topic, "label")` or `{{ topic|tr:"label" }}`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from virage.catalog.seed_data import CATEGORIES, M2_DIMENSION_KEYS
from virage.diagnostics.questionnaire import DIMENSIONS

CATEGORY = "category"
DIMENSION = "dimension"


@dataclass(frozen=True)
class Topic:
    key: str
    kind: str
    label_fr: str
    label_en: str

    @property
    def is_dimension(self) -> bool:
        return self.kind == DIMENSION


CATEGORY_KEYS: tuple[str, ...] = tuple(c["key"] for c in CATEGORIES)
DIMENSION_KEYS: tuple[str, ...] = tuple(M2_DIMENSION_KEYS)


@cache
def all_topics() -> tuple[Topic, ...]:
    """Categories first (catalog order), then dimensions D1-D6."""
    categories = tuple(
        Topic(c["key"], CATEGORY, c["name_fr"], c.get("name_en") or c["name_fr"])
        for c in CATEGORIES
    )
    dimensions = tuple(
        Topic(
            key,
            DIMENSION,
            f"{key} · {DIMENSIONS[key].title_fr}" if key in DIMENSIONS else key,
            f"{key} · {DIMENSIONS[key].title_en}" if key in DIMENSIONS else key,
        )
        for key in DIMENSION_KEYS
    )
    return categories + dimensions


@cache
def topics_by_key() -> dict[str, Topic]:
    return {t.key: t for t in all_topics()}


def is_topic(key: str) -> bool:
    return key in topics_by_key()


def topic(key: str) -> Topic | None:
    return topics_by_key().get(key)
