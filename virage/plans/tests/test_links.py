"""Training modules and capsules linked to actions come from the training and capsules apps
(`module_links()`, `capsule_links()`); the plan falls back to none only when a selector is
missing."""

from __future__ import annotations

import importlib
import types

import pytest

from virage.plans import services
from virage.plans.rules import LinkedContent

pytestmark = pytest.mark.django_db


def selector(module_path: str, name: str):
    try:
        return getattr(importlib.import_module(module_path), name, None)
    except ModuleNotFoundError:
        return None


@pytest.mark.parametrize(
    ("module_path", "name", "reader"),
    [
        ("virage.training.selectors", "module_links", services.linked_trainings),
        ("virage.capsules.selectors", "capsule_links", services.linked_capsules),
    ],
)
def test_links_come_from_the_other_apps_selectors(module_path, name, reader):
    function = selector(module_path, name)
    if function is None:
        pytest.skip(f"{module_path}.{name} does not exist yet")
    expected = [
        LinkedContent(d["key"], d["title_fr"], d["title_en"], tuple(d["categories"]))
        for d in function()
    ]
    assert reader() == expected


def test_a_generated_action_lists_the_modules_and_capsules_of_its_category(businesses, personas):
    from .helpers import complete_answers, submitted_t0

    t0 = submitted_t0(businesses.marie, complete_answers(r2_1="no"))
    plan = services.plan_generate_draft(assessment=t0, actor=personas.marie)
    action = plan.actions.get()
    trainings = services.linked_trainings()
    capsules = services.linked_capsules()
    assert action.training_keys == sorted(t.key for t in trainings if "ecommerce" in t.categories)
    assert action.capsule_keys == sorted(c.key for c in capsules if "ecommerce" in c.categories)
    assert set(action.link_titles) == {*action.training_keys, *action.capsule_keys}


def test_missing_module_or_function_gives_no_links(monkeypatch):
    assert services._linked_contents("virage.plans.no_such_module", "module_links") == []
    fake = types.ModuleType("virage.plans.fake_links")
    monkeypatch.setitem(__import__("sys").modules, "virage.plans.fake_links", fake)
    assert services._linked_contents("virage.plans.fake_links", "capsule_links") == []
    fake.capsule_links = lambda: [
        {"key": "k", "title_fr": "Titre", "title_en": "Title", "categories": ["pos"]}
    ]
    assert services._linked_contents("virage.plans.fake_links", "capsule_links") == [
        LinkedContent("k", "Titre", "Title", ("pos",))
    ]
