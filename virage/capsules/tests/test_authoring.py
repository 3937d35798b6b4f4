"""Program admin authoring pages: forms with validation, preview, questions, publication."""

import pytest
from django.urls import reverse

from virage.capsules.models import Capsule, QuizChoice, QuizQuestion
from virage.core.models import AuditEvent

from .factories import make_capsule, make_topic

pytestmark = pytest.mark.django_db


def capsule_data(**overrides):
    data = {
        "key": "nouvelle-capsule",
        "title_fr": "Vendre sur les médias sociaux",
        "title_en": "Selling on social media",
        "summary_fr": "Les bases.",
        "summary_en": "The basics.",
        "body_fr": "## Pourquoi\n\nParce que.",
        "body_en": "## Why\n\nBecause.",
        "video_url": "",
        "transcript_fr": "",
        "transcript_en": "",
        "minutes": "5",
        "level": "beginner",
        "pass_mark_percent": "70",
        "topics": [],
        "categories": ["visibility"],
    }
    data.update(overrides)
    return data


def question_data(**overrides):
    data = {
        "prompt_fr": "Quelle est la bonne réponse ?",
        "prompt_en": "Which is the right answer?",
        "explanation_fr": "Parce que.",
        "explanation_en": "Because.",
        "choice_1_fr": "Celle-ci",
        "choice_1_en": "This one",
        "choice_2_fr": "Celle-là",
        "choice_2_en": "That one",
        "choice_3_fr": "",
        "choice_3_en": "",
        "choice_4_fr": "",
        "choice_4_en": "",
        "correct": "2",
    }
    data.update(overrides)
    return data


def test_admin_creates_a_draft_capsule(client_for):
    topic = make_topic("visibility", "Visibilité", "Visibility")
    client = client_for("ada")
    response = client.post(reverse("capsules:manage_create"), capsule_data(topics=[topic.pk]))
    capsule = Capsule.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("capsules:manage_edit", kwargs={"pk": capsule.pk})
    assert (capsule.status, capsule.categories, list(capsule.topics.all())) == (
        "draft",
        ["visibility"],
        [topic],
    )
    assert capsule.search_text == (
        " vendre sur les medias sociaux selling on social media les bases the basics "
        "visibilite visibility "
    )
    assert AuditEvent.objects.filter(verb="capsule.created").count() == 1


def test_double_submit_creates_one_capsule(client_for):
    client = client_for("ada")
    client.post(reverse("capsules:manage_create"), capsule_data())
    response = client.post(reverse("capsules:manage_create"), capsule_data())
    assert response.status_code == 200
    assert "Une autre capsule utilise déjà cette clé." in response.content.decode()
    assert Capsule.objects.count() == 1


def test_video_from_another_host_is_refused_on_the_field_and_input_is_kept(client_for):
    response = client_for("ada").post(
        reverse("capsules:manage_create"),
        capsule_data(
            video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            transcript_fr="Transcription.",
            transcript_en="Transcript.",
        ),
    )
    form = response.context["form"]
    assert list(form.errors) == ["video_url"]
    assert "youtube-nocookie.com" in form.errors["video_url"][0]
    content = response.content.decode()
    assert 'value="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in content
    assert "Vendre sur les médias sociaux" in content
    assert Capsule.objects.count() == 0


def test_video_needs_both_transcripts(client_for):
    response = client_for("ada").post(
        reverse("capsules:manage_create"),
        capsule_data(video_url="https://player.vimeo.com/video/76979871", transcript_en="Text."),
    )
    form = response.context["form"]
    assert form.errors == {
        "transcript_fr": ["Une vidéo doit avoir sa transcription : écrivez-la en Français."]
    }
    assert Capsule.objects.count() == 0


def test_a_video_with_transcripts_is_accepted_and_embedded(client_for):
    client = client_for("ada")
    client.post(
        reverse("capsules:manage_create"),
        capsule_data(
            video_url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            transcript_fr="Bonjour et bienvenue.",
            transcript_en="Hello and welcome.",
        ),
    )
    capsule = Capsule.objects.get()
    content = client.get(reverse("capsules:detail", kwargs={"key": capsule.key})).content.decode()
    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in content
    assert "Bonjour et bienvenue." in content


def test_preview_renders_sanitised_markdown_and_saves_nothing(client_for):
    response = client_for("ada").post(
        reverse("capsules:manage_create"),
        capsule_data(preview="1", body_fr="## Aperçu\n\n<script>alert(1)</script>**gras**"),
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h2>Aperçu</h2>" in content
    assert "<strong>gras</strong>" in content
    assert "<script>alert(1)</script>" not in content
    assert Capsule.objects.count() == 0


def test_questions_then_publish_then_unpublish(client_for):
    client = client_for("ada")
    capsule = make_capsule("draft", questions=0, published=False)
    publish = reverse("capsules:manage_publish", kwargs={"pk": capsule.pk})
    response = client.post(publish, {"action": "publish"}, follow=True)
    assert "Ajoutez au moins une question au jeu-questionnaire." in response.content.decode()
    capsule.refresh_from_db()
    assert capsule.status == "draft"

    response = client.post(
        reverse("capsules:question_create", kwargs={"pk": capsule.pk}), question_data()
    )
    assert response.status_code == 302
    question = QuizQuestion.objects.get()
    assert [(c.text_fr, c.is_correct) for c in question.choices.all()] == [
        ("Celle-ci", False),
        ("Celle-là", True),
    ]
    client.post(publish, {"action": "publish"})
    capsule.refresh_from_db()
    assert (capsule.status, capsule.published_at is not None) == ("published", True)

    # the last question of a published capsule stays
    delete = reverse("capsules:question_delete", kwargs={"pk": question.pk})
    response = client.post(delete, follow=True)
    assert "Une capsule publiée garde au moins une question" in response.content.decode()
    assert QuizQuestion.objects.count() == 1

    client.post(publish, {"action": "unpublish"})
    capsule.refresh_from_db()
    assert capsule.status == "draft"
    client.post(delete)
    assert QuizQuestion.objects.count() == 0
    assert list(
        AuditEvent.objects.filter(object_type="capsules.capsule")
        .order_by("id")
        .values_list("verb", flat=True)
    ) == [
        "capsule.question_added",
        "capsule.published",
        "capsule.unpublished",
        "capsule.question_deleted",
    ]


def test_editing_a_question_replaces_its_answers(client_for):
    capsule = make_capsule(questions=1, choices=3)
    question = capsule.questions.get()
    url = reverse("capsules:question_edit", kwargs={"pk": question.pk})
    client = client_for("ada")
    initial = client.get(url).context["form"].initial
    assert (initial["correct"], initial["choice_3_en"]) == (2, "Answer 1.3")
    client.post(url, question_data(choice_3_fr="Une troisième", choice_3_en="A third", correct="3"))
    assert [(c.text_en, c.is_correct) for c in QuizChoice.objects.order_by("order")] == [
        ("This one", False),
        ("That one", False),
        ("A third", True),
    ]


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        (
            {"choice_2_fr": "", "choice_2_en": "", "correct": "1"},
            {"choice_1_fr": ["Écrivez au moins deux réponses."]},
        ),
        (
            {"choice_2_en": ""},
            {
                "choice_2_en": ["Écrivez cette réponse dans les deux langues."],
                "choice_1_fr": ["Écrivez au moins deux réponses."],
                "correct": ["La bonne réponse doit être l'une des réponses écrites."],
            },
        ),
        ({"correct": "4"}, {"correct": ["La bonne réponse doit être l'une des réponses écrites."]}),
        ({"prompt_en": ""}, {"prompt_en": ["Ce champ est obligatoire."]}),
    ],
)
def test_question_form_validation(client_for, overrides, errors):
    capsule = make_capsule(questions=0, published=False)
    response = client_for("ada").post(
        reverse("capsules:question_create", kwargs={"pk": capsule.pk}), question_data(**overrides)
    )
    assert response.status_code == 200
    assert response.context["form"].errors == errors
    assert QuizQuestion.objects.count() == 0


@pytest.mark.parametrize("key", ["anonymous", "marie", "antoine", "fatou"])
def test_denied_writes_change_nothing(client, client_for, key):
    capsule = make_capsule("draft", published=False)
    question = capsule.questions.first()
    c = client if key == "anonymous" else client_for(key)
    c.post(reverse("capsules:manage_create"), capsule_data())
    c.post(reverse("capsules:manage_edit", kwargs={"pk": capsule.pk}), capsule_data(key="draft"))
    c.post(reverse("capsules:manage_publish", kwargs={"pk": capsule.pk}), {"action": "publish"})
    c.post(reverse("capsules:question_create", kwargs={"pk": capsule.pk}), question_data())
    c.post(reverse("capsules:question_delete", kwargs={"pk": question.pk}))
    capsule.refresh_from_db()
    assert (Capsule.objects.count(), capsule.status, capsule.title_fr) == (
        1,
        "draft",
        "Capsule d'essai",
    )
    assert QuizQuestion.objects.count() == 2
    assert AuditEvent.objects.filter(object_type="capsules.capsule").count() == 0


def test_editing_keeps_the_status_and_reindexes(client_for):
    capsule = make_capsule("published-one")
    client = client_for("ada")
    response = client.post(
        reverse("capsules:manage_edit", kwargs={"pk": capsule.pk}),
        capsule_data(key="published-one", title_fr="Un titre tout neuf"),
    )
    assert response.status_code == 302
    capsule.refresh_from_db()
    assert (capsule.status, capsule.title_fr) == ("published", "Un titre tout neuf")
    assert " un titre tout neuf " in capsule.search_text


def test_manage_list_shows_drafts_with_counts(client_for, assert_queries):
    make_capsule("one")
    make_capsule("two", published=False, questions=3)
    client = client_for("ada")
    # session, user, program, capsules with counts
    with assert_queries(4):
        response = client.get(reverse("capsules:manage_list"))
    rows = [
        (c.key, c.status, c.question_count, c.completions) for c in response.context["capsules"]
    ]
    assert rows == [("two", "draft", 3, 0), ("one", "published", 2, 0)]
