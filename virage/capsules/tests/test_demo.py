"""Demo data and seed content loading are idempotent."""

import io

import pytest

from virage.capsules import demo
from virage.capsules.models import (
    BusinessReach,
    Capsule,
    CapsuleProgress,
    Learner,
    LearningPath,
    PathCertificate,
    QuizChoice,
    QuizQuestion,
    Topic,
)
from virage.capsules.seed_data import CAPSULES, LEARNING_PATHS, TOPICS
from virage.capsules.services import content_load_seed

pytestmark = pytest.mark.django_db


def counts():
    return {
        "topics": Topic.objects.count(),
        "capsules": Capsule.objects.count(),
        "questions": QuizQuestion.objects.count(),
        "choices": QuizChoice.objects.count(),
        "paths": LearningPath.objects.count(),
        "learners": Learner.objects.count(),
        "progress": CapsuleProgress.objects.count(),
        "certificates": PathCertificate.objects.count(),
        "reach": BusinessReach.objects.count(),
    }


def test_seed_content_loads_once_and_is_searchable():
    assert content_load_seed() == {
        "topics": len(TOPICS),
        "capsules": len(CAPSULES),
        "paths": len(LEARNING_PATHS),
    }
    assert content_load_seed() == {"topics": 0, "capsules": 0, "paths": 0}
    assert Capsule.objects.published().count() == 16
    assert QuizQuestion.objects.count() == sum(len(c["quiz"]) for c in CAPSULES)
    capsule = Capsule.objects.get(key="law-25-privacy-basics")
    assert " renseignements personnels " in capsule.search_text
    assert " privacy " in capsule.search_text
    path = LearningPath.objects.get(key="multi-location")
    assert list(path.steps.values_list("capsule__key", flat=True)) == [
        "modern-pos",
        "inventory-multi-location",
        "shipping-quebec",
        "scheduling-payroll",
        "accounting-einvoicing",
    ]


def test_seed_content_passes_the_publication_checks():
    from virage.capsules.services import capsule_publish_problems

    content_load_seed()
    assert {c.key: capsule_publish_problems(capsule=c) for c in Capsule.objects.all()} == {
        c["key"]: [] for c in CAPSULES
    }


def test_demo_is_idempotent(personas, businesses):
    users = vars(personas)
    demo.seed(users=users, stdout=io.StringIO())
    first = counts()
    demo.seed(users=users, stdout=io.StringIO())
    assert counts() == first
    assert first["capsules"] == 16
    # Marie earned the « Protéger son commerce » certificate
    certificate = PathCertificate.objects.get(learner__user=personas.marie)
    assert certificate.path.key == "protect-your-business"
    # 2 merchants + 7 light learners, of 6 light businesses (two people of one flower shop)
    assert first["learners"] == 9
    assert first["reach"] == 8
