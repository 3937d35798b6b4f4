"""Small builders for capsule tests (plain functions: the models are simple)."""

from __future__ import annotations

from django.utils import timezone

from virage.capsules import rules
from virage.capsules.models import (
    Capsule,
    Learner,
    LearningPath,
    LearningPathStep,
    QuizChoice,
    QuizQuestion,
    Topic,
)
from virage.capsules.services import capsule_reindex, quiz_keys


def make_topic(key="ecommerce", name_fr="Boutique en ligne", name_en="Online store", order=0):
    topic, _ = Topic.objects.get_or_create(
        key=key, defaults={"name_fr": name_fr, "name_en": name_en, "order": order}
    )
    return topic


def make_capsule(
    key="test-capsule",
    *,
    title_fr="Capsule d'essai",
    title_en="Test capsule",
    summary_fr="Un résumé en français.",
    summary_en="A summary in English.",
    body_fr="## Titre\n\nTexte **gras**.",
    body_en="## Heading\n\nSome **bold** text.",
    questions=2,
    choices=3,
    minutes=6,
    level="beginner",
    topics=(),
    categories=(),
    published=True,
    pass_mark_percent=70,
    **extra,
) -> Capsule:
    capsule = Capsule.objects.create(
        key=key,
        title_fr=title_fr,
        title_en=title_en,
        summary_fr=summary_fr,
        summary_en=summary_en,
        body_fr=body_fr,
        body_en=body_en,
        minutes=minutes,
        level=level,
        categories=list(categories),
        pass_mark_percent=pass_mark_percent,
        status=Capsule.Status.PUBLISHED if published else Capsule.Status.DRAFT,
        published_at=timezone.now() if published else None,
        **extra,
    )
    capsule.topics.set(topics)
    for q in range(1, questions + 1):
        question = QuizQuestion.objects.create(
            capsule=capsule,
            order=q,
            prompt_fr=f"Question {q} en français ?",
            prompt_en=f"Question {q} in English?",
            explanation_fr=f"Explication {q}.",
            explanation_en=f"Explanation {q}.",
        )
        for c in range(1, choices + 1):
            QuizChoice.objects.create(
                question=question,
                order=c,
                text_fr=f"Réponse {q}.{c}",
                text_en=f"Answer {q}.{c}",
                is_correct=c == 2,
            )
    capsule_reindex(capsule=capsule)
    return capsule


def make_path(key, capsules, *, published=True) -> LearningPath:
    path = LearningPath.objects.create(
        key=key,
        title_fr=f"Parcours {key}",
        title_en=f"Path {key}",
        description_fr="Description.",
        description_en="Description.",
        is_published=published,
    )
    for i, capsule in enumerate(capsules, start=1):
        LearningPathStep.objects.create(path=path, capsule=capsule, order=i)
    return path


def make_light_learner(
    email="lea@example.com", business_name="Fleuriste Léa", region=None, language="fr"
) -> Learner:
    from virage.programs.models import Region

    region = region or Region.objects.get(code="12")
    now = timezone.now()
    return Learner.objects.create(
        email=email,
        business_name=business_name,
        region=region,
        language=language,
        business_key=rules.light_business_key(business_name, region.code),
        confirmed_at=now,
        details_changed_at=now,
    )


def right_answers(capsule) -> dict[int, int]:
    return {k.question_id: k.correct_choice_id for k in quiz_keys(capsule=capsule)}


def wrong_answers(capsule) -> dict[int, int]:
    return {
        k.question_id: next(c for c in k.choice_ids if c != k.correct_choice_id)
        for k in quiz_keys(capsule=capsule)
    }


def post_data(answers: dict[int, int]) -> dict[str, str]:
    return {f"q{question}": str(choice) for question, choice in answers.items()}
