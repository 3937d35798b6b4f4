"""Public library: search in either language, filters, pages without an account, and
constant query counts."""

import pytest
from django.urls import reverse
from django.utils import translation

from .factories import make_capsule, make_light_learner, make_path, make_topic, right_answers

pytestmark = pytest.mark.django_db


def library_url(language="fr", **params):
    with translation.override(language):
        url = reverse("capsules:library")
    if params:
        from urllib.parse import urlencode

        url = f"{url}?{urlencode(params)}"
    return url


def listed_keys(response):
    return [capsule.key for capsule, _progress in response.context["cards"]]


@pytest.fixture
def catalogue(db):
    inventory = make_topic("inventory", "Inventaire", "Inventory")
    security = make_topic("cybersecurity", "Cybersécurité et sauvegardes", "Cybersecurity")
    make_capsule(
        "ecommerce-platform",
        title_fr="Choisir sa plateforme de commerce électronique",
        title_en="Choosing an e-commerce platform",
        summary_fr="Comparer les plateformes de boutique en ligne.",
        summary_en="Compare online store platforms.",
        minutes=6,
        level="beginner",
    )
    make_capsule(
        "inventory-sync",
        title_fr="Synchroniser les stocks de plusieurs magasins",
        title_en="Syncing stock across several stores",
        summary_fr="Un seul inventaire pour la caisse et le site.",
        summary_en="One inventory for the till and the site.",
        minutes=8,
        level="intermediate",
        topics=[inventory],
    )
    make_capsule(
        "backups",
        title_fr="Des sauvegardes qui fonctionnent",
        title_en="Backups that work",
        summary_fr="La règle 3-2-1 expliquée.",
        summary_en="The 3-2-1 rule explained.",
        minutes=4,
        level="beginner",
        topics=[security],
    )
    make_capsule("hidden-draft", title_fr="Brouillon secret", published=False)


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("fr", "plateforme", ["ecommerce-platform"]),
        ("fr", "PLATFORM", ["ecommerce-platform"]),  # English word on the French page
        ("en", "électronique", ["ecommerce-platform"]),  # French word on the English page
        ("fr", "electronique", ["ecommerce-platform"]),  # accents do not matter
        ("fr", "inventory", ["inventory-sync"]),  # English topic name
        ("en", "cybersécurité", ["backups"]),  # French topic name
        ("fr", "3-2-1", ["backups"]),  # summary
        ("fr", "caisse site", ["inventory-sync"]),  # every word must match
        ("fr", "caisse sauvegardes", []),
        ("fr", "brouillon", []),  # drafts are never listed
        ("fr", "", ["backups", "ecommerce-platform", "inventory-sync"]),
    ],
)
def test_search_in_either_language(client, catalogue, language, query, expected):
    response = client.get(library_url(language, q=query))
    assert response.status_code == 200
    assert sorted(listed_keys(response)) == expected


def test_results_are_sorted_by_title_in_the_page_language(client, catalogue):
    assert listed_keys(client.get(library_url("fr"))) == [
        "ecommerce-platform",  # Choisir…
        "backups",  # Des sauvegardes…
        "inventory-sync",  # Synchroniser…
    ]
    assert listed_keys(client.get(library_url("en"))) == [
        "backups",  # Backups…
        "ecommerce-platform",  # Choosing…
        "inventory-sync",  # Syncing…
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"topic": "inventory"}, ["inventory-sync"]),
        ({"level": "beginner"}, ["backups", "ecommerce-platform"]),
        ({"length": "short"}, ["backups"]),
        ({"length": "medium"}, ["ecommerce-platform", "inventory-sync"]),
        ({"length": "long"}, []),
        ({"level": "beginner", "length": "medium"}, ["ecommerce-platform"]),
        (
            {"topic": "nope", "level": "expert", "length": "huge"},
            ["backups", "ecommerce-platform", "inventory-sync"],
        ),  # unknown values are ignored
    ],
)
def test_filters(client, catalogue, params, expected):
    response = client.get(library_url("fr", **params))
    assert response.status_code == 200
    assert sorted(listed_keys(response)) == expected


def test_no_result_says_so_and_keeps_the_query(client, catalogue):
    response = client.get(library_url("fr", q="zzzz"))
    content = response.content.decode()
    assert "0 capsule trouvée" in content
    assert 'value="zzzz"' in content
    assert "Aucune capsule ne correspond" in content


def test_pages_are_public_and_bilingual(client, catalogue):
    fr = client.get(reverse("capsules:detail", kwargs={"key": "inventory-sync"}))
    assert fr.status_code == 200
    assert "Synchroniser les stocks de plusieurs magasins" in fr.content.decode()
    with translation.override("en"):
        url = reverse("capsules:detail", kwargs={"key": "inventory-sync"})
    en = client.get(url)
    assert "Syncing stock across several stores" in en.content.decode()
    assert "Question 1 in English?" in en.content.decode()


def test_draft_capsule_is_404_except_for_program_admins(client, client_for, catalogue):
    url = reverse("capsules:detail", kwargs={"key": "hidden-draft"})
    assert client.get(url).status_code == 404
    assert client_for("marie").get(url).status_code == 404
    response = client_for("ada").get(url)
    assert response.status_code == 200
    assert "Brouillon : cet aperçu" in response.content.decode()


def make_many(count):
    topic = make_topic("inventory", "Inventaire", "Inventory")
    capsules = [
        make_capsule(f"capsule-{i:02d}", title_fr=f"Capsule {i:02d}", topics=[topic])
        for i in range(count)
    ]
    make_path("path", capsules[:3] if count >= 3 else capsules)
    return capsules


@pytest.mark.parametrize("count", [1, 20])
def test_library_query_count_is_constant_for_anonymous_visitors(client, assert_queries, count):
    make_many(count)
    # program, topics (filter), count, page of capsules, their topics, paths, path steps
    with assert_queries(7):
        response = client.get(library_url("fr"))
    assert len(response.context["cards"]) == count


@pytest.mark.parametrize("count", [1, 20])
def test_search_query_count_is_constant(client, assert_queries, count):
    make_many(count)
    # program, topics (filter), count, page of capsules, their topics (no paths while searching)
    with assert_queries(5):
        response = client.get(library_url("fr", q="capsule", topic="inventory"))
    assert len(response.context["cards"]) == count


@pytest.mark.parametrize("count", [1, 20])
def test_library_query_count_is_constant_for_a_merchant(
    client_for, personas, assert_queries, count
):
    from virage.capsules.services import quiz_submit

    capsules = make_many(count)
    quiz_submit(
        capsule=capsules[0], answers=right_answers(capsules[0]), learner=None, user=personas.marie
    )
    client = client_for("marie")
    # session, user, program, topics, learner, count, capsules, their topics, progress,
    # paths, path steps
    with assert_queries(11):
        response = client.get(library_url("fr"))
    assert [p is not None for _c, p in response.context["cards"]] == [True] + [False] * (count - 1)


@pytest.mark.parametrize("count", [1, 20])
def test_library_query_count_is_constant_for_a_light_learner(learner_client, assert_queries, count):
    make_many(count)
    client = learner_client(make_light_learner())
    # session, program, topics, learner, count, capsules, their topics, progress, paths, steps
    with assert_queries(10):
        response = client.get(library_url("fr"))
    assert response.context["learner"].email == "lea@example.com"


@pytest.mark.parametrize("questions", [1, 10])
def test_capsule_page_query_count_is_constant(client, assert_queries, questions):
    capsule = make_capsule("one", questions=questions, topics=[make_topic()])
    # program, capsule, topics, questions, choices, paths
    with assert_queries(6):
        response = client.get(reverse("capsules:detail", kwargs={"key": capsule.key}))
    assert len(response.context["quiz_rows"]) == questions
