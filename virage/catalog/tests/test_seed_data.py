"""Integrity of the catalog and training seed data (pure: no database)."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from virage.catalog.seed_data import (
    CATEGORIES,
    CATEGORY_KEYS,
    M2_DIMENSION_KEYS,
    PRICE_MODELS,
    PRICE_RANGES,
    SETUP_EFFORTS,
    SOLUTIONS,
    TRAINING_LEVELS,
    TRAINING_MODULES,
)
from virage.diagnostics import questionnaire as qn

SLUG = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
SOLUTION_FIELDS = {
    "key",
    "name",
    "vendor",
    "category",
    "extra_categories",
    "description_fr",
    "description_en",
    "price_range",
    "price_model",
    "french_interface",
    "quebec_vendor",
    "multi_location",
    "setup_effort",
    "url",
}
TRAINING_FIELDS = {
    "key",
    "title_fr",
    "title_en",
    "description_fr",
    "description_en",
    "duration_minutes",
    "level",
    "categories",
    "m2_dimensions",
}
# Words that would turn a neutral description into an advertisement or a ranking.
PROMOTIONAL = re.compile(
    r"\b(meilleure?s?|best|leader|chef de file|numéro un|n° ?1|#1|incontournable|"
    r"idéale?s?|ideal|populaire|popular|top|révolutionnaire|revolutionary)\b",
    re.IGNORECASE,
)


def sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text))


def test_categories_are_the_fifteen_of_the_domain_in_order():
    assert CATEGORY_KEYS == (
        "ecommerce",
        "marketplace",
        "payments",
        "pos",
        "inventory",
        "shipping",
        "supply_chain",
        "hr_payroll",
        "accounting",
        "crm_email",
        "loyalty",
        "booking",
        "visibility",
        "cybersecurity",
        "analytics",
    )
    assert CATEGORY_KEYS == qn.SOLUTION_CATEGORIES


@pytest.mark.parametrize("category", CATEGORIES, ids=CATEGORY_KEYS)
def test_category_texts(category):
    assert set(category) == {
        "key",
        "name_fr",
        "name_en",
        "description_fr",
        "description_en",
    }
    for field in ("name", "description"):
        fr, en = category[f"{field}_fr"], category[f"{field}_en"]
        assert fr.strip() == fr != ""
        assert en.strip() == en != ""
        assert fr != en
    assert category["description_fr"].endswith(".")
    assert category["description_en"].endswith(".")


def test_at_least_forty_solutions_with_unique_slug_keys():
    keys = [s["key"] for s in SOLUTIONS]
    assert len(keys) >= 40
    assert [k for k, n in Counter(keys).items() if n > 1] == []
    assert [k for k in keys if not SLUG.match(k)] == []


def test_every_category_has_at_least_two_solutions_of_its_own():
    counts = Counter(s["category"] for s in SOLUTIONS)
    assert {c: counts[c] for c in CATEGORY_KEYS if counts[c] < 2} == {}


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[s["key"] for s in SOLUTIONS])
def test_solution_fields(solution):
    assert set(solution) == SOLUTION_FIELDS
    assert solution["category"] in CATEGORY_KEYS
    extra = solution["extra_categories"]
    assert isinstance(extra, tuple)
    assert set(extra) <= set(CATEGORY_KEYS)
    assert solution["category"] not in extra
    assert len(extra) == len(set(extra))
    assert solution["price_range"] in PRICE_RANGES
    assert solution["price_model"] in PRICE_MODELS
    assert solution["setup_effort"] in SETUP_EFFORTS
    for flag in ("french_interface", "quebec_vendor", "multi_location"):
        assert type(solution[flag]) is bool
    for field in ("name", "vendor"):
        assert solution[field].strip() == solution[field] != ""
    if solution["price_model"] == "free":
        # Free software; hosting or add-ons may still cost a little.
        assert solution["price_range"] in ("free", "under_50")


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[s["key"] for s in SOLUTIONS])
def test_solution_descriptions_are_short_neutral_and_translated(solution):
    fr, en = solution["description_fr"], solution["description_en"]
    assert fr.strip() == fr != ""
    assert en.strip() == en != ""
    assert fr != en
    assert fr.endswith(".")
    assert en.endswith(".")
    assert 1 <= sentences(fr) <= 2
    assert 1 <= sentences(en) <= 2
    assert PROMOTIONAL.search(fr) is None
    assert PROMOTIONAL.search(en) is None


@pytest.mark.parametrize("solution", SOLUTIONS, ids=[s["key"] for s in SOLUTIONS])
def test_solution_url_is_https(solution):
    url = urlsplit(solution["url"])
    assert url.scheme == "https"
    assert url.netloc != ""
    assert url.query == ""
    assert url.fragment == ""


def test_quebec_vendors():
    assert sorted(s["key"] for s in SOLUTIONS if s["quebec_vendor"]) == [
        "acomba",
        "agendrix",
        "cyberimpact",
        "desjardins_monetico",
        "employeur_d",
        "gorendezvous",
        "lightspeed_retail",
        "nethris",
    ]


@pytest.mark.parametrize("category", ["pos", "inventory"])
def test_multi_location_stores_always_have_candidates(category):
    # The recommendation engine keeps only multi-location solutions for these categories
    # when a business has several locations.
    fitting = [
        s["key"]
        for s in SOLUTIONS
        if s["multi_location"] and category in (s["category"], *s["extra_categories"])
    ]
    assert len(fitting) >= 3


def test_every_category_has_a_solution_with_a_french_interface():
    covered = {
        category
        for s in SOLUTIONS
        if s["french_interface"]
        for category in (s["category"], *s["extra_categories"])
    }
    assert sorted(set(CATEGORY_KEYS) - covered) == []


def test_training_modules():
    keys = [m["key"] for m in TRAINING_MODULES]
    assert 8 <= len(keys) <= 10
    assert len(keys) == len(set(keys))
    for module in TRAINING_MODULES:
        assert set(module) == TRAINING_FIELDS
        assert SLUG.match(module["key"])
        for field in ("title", "description"):
            fr, en = module[f"{field}_fr"], module[f"{field}_en"]
            assert fr.strip() == fr != ""
            assert en.strip() == en != ""
            assert fr != en
        assert module["level"] in TRAINING_LEVELS
        assert module["duration_minutes"] > 0
        assert module["duration_minutes"] % 15 == 0
        assert module["categories"]
        assert set(module["categories"]) <= set(CATEGORY_KEYS)
        assert set(module["m2_dimensions"]) <= set(M2_DIMENSION_KEYS)
        assert set(module["m2_dimensions"]) <= set(qn.DIMENSIONS)


def test_training_modules_cover_every_category_in_about_ten_hours():
    covered = {c for m in TRAINING_MODULES for c in m["categories"]}
    assert sorted(set(CATEGORY_KEYS) - covered) == []
    total = sum(m["duration_minutes"] for m in TRAINING_MODULES)
    assert total == 630  # 10.5 h: the program plans about 10 h of training per business
