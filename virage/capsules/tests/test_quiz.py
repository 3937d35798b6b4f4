"""The quiz as a plain form: scoring, explanations after answering, recording progress,
completion, reach and certificates."""

import pytest
from django.core import mail
from django.urls import reverse

from virage.capsules.models import BusinessReach, CapsuleProgress, Learner, PathCertificate
from virage.capsules.services import quiz_submit
from virage.core.models import AuditEvent

from .factories import (
    make_capsule,
    make_light_learner,
    make_path,
    post_data,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def quiz_url(capsule):
    return reverse("capsules:quiz", kwargs={"key": capsule.key})


def test_anonymous_visitor_gets_a_score_and_explanations_but_nothing_is_recorded(client):
    capsule = make_capsule(questions=4)
    answers = right_answers(capsule)
    first = next(iter(answers))
    answers[first] = wrong_answers(capsule)[first]
    response = client.post(quiz_url(capsule), post_data(answers))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vous avez répondu correctement à 3 questions sur 4 : 75 %." in content
    assert "Note de passage : 70 %." in content
    assert "Réussi!" in content
    for n in (1, 2, 3, 4):
        assert f"Explication {n}." in content
    assert content.count("(bonne réponse)") == 4
    assert content.count("(votre réponse)") == 1
    assert "Ce résultat n'est pas enregistré." in content
    assert CapsuleProgress.objects.count() == 0
    assert Learner.objects.count() == 0


def test_explanations_are_hidden_before_answering(client):
    capsule = make_capsule()
    content = client.get(reverse("capsules:detail", kwargs={"key": capsule.key})).content.decode()
    assert "Explication 1." not in content
    assert "(bonne réponse)" not in content
    assert 'type="radio"' in content
    assert "2 questions; note de passage 70 %." in content


def test_unanswered_question_is_an_error_and_keeps_the_other_answers(client):
    capsule = make_capsule(questions=2)
    answers = right_answers(capsule)
    first, second = list(answers)
    response = client.post(quiz_url(capsule), {f"q{first}": str(answers[first])})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Veuillez corriger ce qui suit" in content
    assert "Question 2 : Choisissez une réponse à cette question." in content
    assert f'value="{answers[first]}" checked' in content
    assert response.context["result"] is None
    assert f'id="id_q{second}_error"' in content


def test_merchant_progress_is_recorded_once_with_the_best_score(client_for, personas, businesses):
    capsule = make_capsule(questions=2)
    client = client_for("marie")
    client.post(quiz_url(capsule), post_data(wrong_answers(capsule)))
    client.post(quiz_url(capsule), post_data(right_answers(capsule)))
    response = client.post(quiz_url(capsule), post_data(wrong_answers(capsule)))
    assert "Votre tentative est enregistrée dans votre progression." in response.content.decode()
    learner = Learner.objects.get()
    assert (learner.user, learner.business, learner.business_key) == (
        personas.marie,
        businesses.marie,
        f"b:{businesses.marie.pk}",
    )
    progress = CapsuleProgress.objects.get()
    assert (progress.attempts, progress.best_score_percent, progress.passed) == (3, 100, True)
    assert progress.completed_at is not None
    assert BusinessReach.objects.count() == 1
    assert AuditEvent.objects.filter(verb="capsules.capsule_completed").count() == 1


def test_double_submit_creates_nothing_twice(client_for, businesses):
    capsule = make_capsule()
    client = client_for("marie")
    for _ in range(2):
        client.post(quiz_url(capsule), post_data(right_answers(capsule)))
    assert CapsuleProgress.objects.count() == 1
    assert CapsuleProgress.objects.get().attempts == 2
    assert BusinessReach.objects.count() == 1
    assert AuditEvent.objects.filter(verb="capsules.capsule_completed").count() == 1


def test_staff_accounts_are_not_recorded(client_for, personas):
    capsule = make_capsule()
    for key in ("antoine", "fatou", "ada"):
        response = client_for(key).post(quiz_url(capsule), post_data(right_answers(capsule)))
        assert response.status_code == 200
        assert response.context["result"].passed is True
    assert CapsuleProgress.objects.count() == 0
    assert Learner.objects.count() == 0


def test_admin_preview_of_a_draft_records_nothing(client_for, personas):
    capsule = make_capsule(published=False)
    response = client_for("ada").post(quiz_url(capsule), post_data(right_answers(capsule)))
    assert response.status_code == 200
    assert client_for("marie").post(quiz_url(capsule), {}).status_code == 404
    assert CapsuleProgress.objects.count() == 0


def test_light_learner_progress_is_recorded(learner_client):
    capsule = make_capsule()
    learner = make_light_learner()
    response = learner_client(learner).post(quiz_url(capsule), post_data(right_answers(capsule)))
    assert "Cette capsule est maintenant terminée" in response.content.decode()
    progress = CapsuleProgress.objects.get()
    assert (progress.learner, progress.passed, progress.best_score_percent) == (learner, True, 100)
    reach = BusinessReach.objects.get()
    assert (reach.business_key, reach.region.code, reach.business) == (
        "n:12:fleuriste lea",
        "12",
        None,
    )


def test_a_failed_attempt_is_not_a_completion(learner_client):
    capsule = make_capsule()
    learner_client(make_light_learner()).post(quiz_url(capsule), post_data(wrong_answers(capsule)))
    progress = CapsuleProgress.objects.get()
    assert (progress.passed, progress.completed_at, progress.best_score_percent) == (False, None, 0)
    assert BusinessReach.objects.count() == 0


def test_completing_a_path_issues_one_certificate_in_the_learner_language(
    learner_client, django_capture_on_commit_callbacks
):
    first, second = make_capsule("first"), make_capsule("second")
    make_path("duo", [first, second])
    learner = make_light_learner(language="en")
    client = learner_client(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(quiz_url(first), post_data(right_answers(first)))
    assert PathCertificate.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(quiz_url(second), post_data(right_answers(second)))
        client.post(quiz_url(second), post_data(right_answers(second)))
    certificate = PathCertificate.objects.get()
    assert (certificate.learner, certificate.language, certificate.business_name) == (
        learner,
        "en",
        "Fleuriste Léa",
    )
    assert (
        "Bravo! Vous avez obtenu l&#x27;attestation « Parcours duo »." in response.content.decode()
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lea@example.com"]
    assert message.subject == "Your certificate: “Path duo”"
    assert f"/en/capsules/verify/{certificate.code}/" in message.body


def test_merchant_certificate_names_the_person_and_the_business(personas, businesses):
    capsule = make_capsule()
    make_path("solo", [capsule])
    personas.marie.language = "fr"
    outcome = quiz_submit(
        capsule=capsule, answers=right_answers(capsule), learner=None, user=personas.marie
    )
    certificate = outcome.certificates[0]
    assert (certificate.holder_name, certificate.business_name, certificate.language) == (
        "Marie Tremblay",
        "Boutique Marie",
        "fr",
    )
    assert len(certificate.code) == 14


def test_unpublished_capsules_of_a_path_are_not_required(learner_client):
    first = make_capsule("first")
    later = make_capsule("later", published=False)
    make_path("duo", [first, later])
    learner = make_light_learner()
    learner_client(learner).post(quiz_url(first), post_data(right_answers(first)))
    assert PathCertificate.objects.filter(learner=learner).count() == 1


def test_certificate_page_is_printable_in_the_learner_language(learner_client, client):
    capsule = make_capsule()
    make_path("solo", [capsule])
    learner = make_light_learner(language="en")
    learner_c = learner_client(learner)
    learner_c.post(quiz_url(capsule), post_data(right_answers(capsule)))
    certificate = PathCertificate.objects.get()
    url = reverse("capsules:certificate", kwargs={"code": certificate.code})  # /fr/…
    response = learner_c.get(url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Certificate of completion" in content
    assert "Fleuriste Léa" in content
    assert f"http://testserver/en/capsules/verify/{certificate.code}/" in content
    assert '<html lang="en-CA">' in content
    # another learner, or nobody, cannot see it
    other = learner_client(make_light_learner("autre@example.com", "Autre commerce"))
    assert other.get(url).status_code == 404
    assert client.get(url).status_code == 302
    # anyone can verify it
    verify = client.get(reverse("capsules:verify_code", kwargs={"code": certificate.code}))
    assert verify.status_code == 200
    assert "Cette attestation est valide." in verify.content.decode()
    assert "lea@example.com" not in verify.content.decode()


def test_verify_form_and_unknown_code(client):
    response = client.get(reverse("capsules:verify"), {"code": " abcd-efgh-jkmn "})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "capsules:verify_code", kwargs={"code": "ABCD-EFGH-JKMN"}
    )
    unknown = client.get(response["Location"])
    assert unknown.status_code == 404
    assert "Aucune attestation ne porte le code ABCD-EFGH-JKMN." in unknown.content.decode()
