"""Pages: answering through the pages (every answer type, errors in French, typed answers
kept), submission, results, export, lists, home panels; scope and query counts."""

from __future__ import annotations

import json
import re

import pytest

from virage.core.models import AuditEvent
from virage.diagnostics.models import Assessment
from virage.diagnostics.progress import page_answer_keys
from virage.diagnostics.questionnaire import pages
from virage.enterprises.models import Business

from .conftest import needs_plans
from .factories import example_answers, improved_answers, make_assessment, make_business

pytestmark = pytest.mark.django_db


def form_data(answers: dict, page_key: str, action: str = "next") -> dict:
    """What the browser posts for the answers of one page."""
    from virage.diagnostics import questionnaire as qn
    from virage.diagnostics.progress import page_by_key

    data: dict = {"action": action}
    for question in page_by_key(page_key).questions:
        key = question.key
        if question.answer_type == qn.MULTI:
            data[key] = [str(n) for n in answers[key]]
        elif question.answer_type == qn.INVEST_MATRIX:
            data[f"{key}-already"] = [str(n) for n in answers[key]["already"]]
            data[f"{key}-plans"] = [str(n) for n in answers[key]["plans"]]
        elif question.answer_type in (qn.LEVELS, qn.TRISTATE):
            for row, value in enumerate(answers[key], start=1):
                data[f"{key}-{row}"] = str(value)
        else:
            for item in question.items:
                data[item.key] = answers[item.key]
    return data


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --------------------------------------------------------------------------------------------
# Answering
# --------------------------------------------------------------------------------------------


def test_merchant_starts_and_lands_on_the_first_page(client_for, personas, marie_business):
    marie = client_for("marie")
    response = marie.post(f"/fr/diagnostic/business/{marie_business.pk}/start/")
    assessment = Assessment.objects.get()
    assert response["Location"] == f"/fr/diagnostic/{assessment.pk}/page/d1/"
    again = marie.post(f"/fr/diagnostic/business/{marie_business.pk}/start/")
    assert again["Location"] == f"/fr/diagnostic/{assessment.pk}/page/d1/"
    assert Assessment.objects.count() == 1
    page = text(marie.get(response["Location"]))
    assert "<h1>Stratégie d&#x27;affaires numérique</h1>" in page
    assert "Page 1 sur 13" in page
    assert '<progress id="diag-progress" max="13" value="0">0 %</progress>' in page
    assert "0 page complétée sur 13" in page


def test_page_markup_is_accessible(client_for, personas, marie_business):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    body = text(client_for("marie").get(f"/fr/diagnostic/{assessment.pk}/page/d2/"))
    # a fieldset per question, described by its help text
    assert '<fieldset class="diag-question" id="q-m2_2_4" aria-describedby="q-m2_2_4-help">' in body
    assert '<legend class="diag-legend">Où en est votre entreprise avec chacune de ces ' in body
    assert '<p class="help" id="q-m2_2_4-help">Choisissez un niveau par ligne' in body
    # each level row is a radio group with its own legend, each radio its label
    assert '<fieldset class="diag-row" id="q-m2_2_4-1"> <legend>Simulation et jumeaux' in body
    assert (
        '<input type="radio" id="in-m2_2_4-1-0" name="m2_2_4-1" value="0"> '
        '<label for="in-m2_2_4-1-0">0 · Non utilisée</label>' in body
    )
    # multi-select: checkboxes with labels
    assert (
        '<input type="checkbox" id="in-m2_2_3-2" name="m2_2_3" value="2"> '
        '<label for="in-m2_2_3-2">Site Web</label>' in body
    )
    # the list of pages says where we are
    assert 'aria-current="step">Préparation numérique</a>' in body
    assert "<script" not in body
    assert 'style="' not in body


def test_every_page_saves_and_resumes_where_left(client_for, personas, marie_business):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    answers = example_answers()
    marie = client_for("marie")
    keys = [p.key for p in pages()]
    for index, key in enumerate(keys[:5]):
        response = marie.post(
            f"/fr/diagnostic/{assessment.pk}/page/{key}/", form_data(answers, key)
        )
        assert response.status_code == 302
        assert response["Location"] == f"/fr/diagnostic/{assessment.pk}/page/{keys[index + 1]}/"
    # "finish later" on page 6 saves it and goes back to the overview
    response = marie.post(
        f"/fr/diagnostic/{assessment.pk}/page/d6/", form_data(answers, "d6", "later")
    )
    assert response["Location"] == f"/fr/diagnostic/business/{marie_business.pk}/"
    assessment.refresh_from_db()
    saved = {k for k in assessment.answers}
    assert saved == {k for p in keys[:6] for k in page_answer_keys(p)}
    assert {k: assessment.answers[k] for k in saved} == {k: answers[k] for k in saved}
    overview = text(marie.get(response["Location"]))
    assert f'href="/fr/diagnostic/{assessment.pk}/page/r1/">Continuer</a>' in overview
    assert "6 pages complétées sur 13" in overview
    # back to page 2: what was saved is shown
    page = marie.get(f"/fr/diagnostic/{assessment.pk}/page/d2/").content.decode()
    assert 'id="in-m2_2_4-2-1" name="m2_2_4-2" value="1" checked' in page


def test_previous_goes_back_and_last_page_goes_to_review(client_for, personas, marie_business):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    marie = client_for("marie")
    answers = example_answers()
    back = marie.post(
        f"/fr/diagnostic/{assessment.pk}/page/d2/", form_data(answers, "d2", "previous")
    )
    assert back["Location"] == f"/fr/diagnostic/{assessment.pk}/page/d1/"
    last = marie.post(f"/fr/diagnostic/{assessment.pk}/page/r7/", form_data(answers, "r7"))
    assert last["Location"] == f"/fr/diagnostic/{assessment.pk}/"


def test_errors_in_french_with_typed_answers_kept(client_for, personas, marie_business):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    data = form_data(example_answers(), "d6")
    del data["m2_6_11-2"]
    data["m2_6_10"] = ["8", "10", "11"]
    response = client_for("marie").post(f"/fr/diagnostic/{assessment.pk}/page/d6/", data)
    assert response.status_code == 200
    body = text(response)
    assert '<h2 id="error-summary-title">Veuillez corriger ce qui suit :</h2>' in body
    assert (
        '<a href="#in-m2_6_10-1">Numérique au service de l&#x27;environnement : '
        "L&#x27;élément 11 est hors limites (1 à 10).</a>" in body
    )
    assert (
        '<a href="#in-m2_6_11-2-no">Environnement dans les choix numériques, Système de '
        "gestion environnementale : Choisissez une réponse pour cette ligne.</a>" in body
    )
    # errors are tied to their question and row
    assert 'id="q-m2_6_10" aria-describedby="q-m2_6_10-help q-m2_6_10-error"' in body
    assert 'id="q-m2_6_11-2" aria-describedby="q-m2_6_11-2-error"' in body
    # what was typed is kept
    assert 'name="m2_6_10" value="8" checked' in body
    assert 'name="m2_6_11-1" value="partially" checked' in body
    assessment.refresh_from_db()
    assert assessment.answers == {}


def test_errors_in_english(client_for, personas, marie_business):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    data = form_data(example_answers(), "r2")
    data["r2_1"] = "oui"
    body = text(client_for("marie").post(f"/en/diagnostic/{assessment.pk}/page/r2/", data))
    assert (
        "Online sales, Transactional web site: order and pay online: "
        "Answer &quot;oui&quot; is not &quot;yes&quot;, &quot;partially&quot;, &quot;no&quot; "
        "or &quot;na&quot;." in body
    )


def test_submitted_pages_are_locked(client_for, personas, marie_business):
    assessment = make_assessment(marie_business)
    marie = client_for("marie")
    response = marie.post(f"/fr/diagnostic/{assessment.pk}/page/r5/", {"r5_1": "no", "r5_2": "no"})
    assert response["Location"] == f"/fr/diagnostic/{assessment.pk}/"
    assessment.refresh_from_db()
    assert assessment.answers == example_answers()


def test_unknown_page_is_404(client_for, personas, marie_business):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    assert client_for("marie").get(f"/fr/diagnostic/{assessment.pk}/page/d7/").status_code == 404


@pytest.mark.parametrize(("persona", "status"), [("luc", 404), ("sofia", 404), ("paul", 403)])
def test_others_cannot_write_answers(client_for, personas, marie_business, persona, status):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    client = client_for(persona)
    data = form_data(example_answers(), "r5")
    assert client.post(f"/fr/diagnostic/{assessment.pk}/page/r5/", data).status_code == status
    assert client.post(f"/fr/diagnostic/{assessment.pk}/submit/").status_code == status
    assert client.post(f"/fr/diagnostic/business/{marie_business.pk}/start/").status_code == status
    assessment.refresh_from_db()
    assert assessment.answers == {}
    assert AuditEvent.objects.filter(verb__startswith="assessment.").count() == 0


# --------------------------------------------------------------------------------------------
# Review and submission
# --------------------------------------------------------------------------------------------


def test_review_lists_what_is_missing_and_submit_refuses(client_for, personas, marie_business):
    answers = example_answers()
    del answers["m2_2_4"]
    for key in ("r7_1", "r7_2", "r7_3", "r7_4"):
        del answers[key]
    assessment = make_assessment(marie_business, submitted=False, answers=answers)
    marie = client_for("marie")
    body = text(marie.get(f"/fr/diagnostic/{assessment.pk}/"))
    assert "11 pages complétées sur 13" in body
    assert (
        f'<a href="/fr/diagnostic/{assessment.pk}/page/d2/">Préparation numérique</a>: '
        "Technologies avancées</li>" in body
    )
    assert "Soumettre et voir les résultats" not in body
    response = marie.post(f"/fr/diagnostic/{assessment.pk}/submit/", follow=True)
    assert "Le diagnostic n&#x27;est pas complet : il manque 5 réponses." in text(response)
    assessment.refresh_from_db()
    assert assessment.status == "draft"


@needs_plans
def test_submit_shows_results_and_a_second_click_changes_nothing(
    client_for, personas, marie_business
):
    assessment = make_assessment(marie_business, submitted=False, answers=example_answers())
    marie = client_for("marie")
    assert "Soumettre et voir les résultats" in text(marie.get(f"/fr/diagnostic/{assessment.pk}/"))
    first = marie.post(f"/fr/diagnostic/{assessment.pk}/submit/")
    second = marie.post(f"/fr/diagnostic/{assessment.pk}/submit/")
    assert first["Location"] == second["Location"] == f"/fr/diagnostic/{assessment.pk}/results/"
    assert AuditEvent.objects.filter(verb="assessment.submitted").count() == 1
    marie_business.refresh_from_db()
    assert marie_business.status == "diagnosed"


def test_submitted_answers_in_words(client_for, personas, marie_business):
    assessment = make_assessment(marie_business)
    body = text(client_for("antoine").get(f"/fr/diagnostic/{assessment.pk}/"))
    assert "<h1>Réponses de Boutique Marie</h1>" in body
    assert "<dt>Opérations courantes du commerce</dt> <dd>Déjà investi</dd>" in body
    assert (
        "<dt>Logistique d&#x27;approvisionnement et entreposage</dt> <dd>Investissement prévu</dd>"
        in body
    )
    assert (
        "<dt>Marketing, ventes et service à la clientèle</dt> "
        "<dd>Déjà investi; Investissement prévu</dd>" in body
    )
    assert "<dt>Réalité virtuelle ou augmentée</dt> <dd>Envisagée</dd>" in body
    assert "<dt>Réservation ou prise de rendez-vous en ligne</dt> <dd>Sans objet</dd>" in body


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


def test_results_scores_bands_chart_table_and_gaps(client_for, personas, marie_business):
    assessment = make_assessment(marie_business)
    body = text(client_for("marie").get(f"/fr/diagnostic/{assessment.pk}/results/"))
    assert "Score global : <strong>28,3</strong> sur 100" in body
    assert '<span class="badge">Moyen</span>' in body
    # the table: each dimension with its score and band
    assert (
        '<th scope="row">Stratégie d&#x27;affaires numérique</th> <td class="num">35,0</td> '
        "<td>Moyen</td>" in body
    )
    assert (
        '<th scope="row">Automatisation et intelligence artificielle</th> '
        '<td class="num">12,0</td> <td>De base</td>' in body
    )
    # the chart: one SVG bar per dimension, 5 units per point, with a title
    assert '<svg class="diag-svg" viewBox="0 0 640 312.0"' in body
    assert 'role="img" aria-labelledby="chart-m2-title chart-m2-desc"' in body
    assert 'width="182.0" height="16"' in body  # D1 35.0 x 5.2
    assert "<title>Stratégie d&#x27;affaires numérique · 35,0</title>" in body
    # module R groups, n/a when nothing applies
    assert '<th scope="row">Vente en ligne</th> <td class="num">16,7</td>' in body
    assert "Calculé sur 22 éléments qui s'appliquent à votre commerce." in body
    # the three largest gaps, in plain words
    gaps = re.findall(r"<li> <h3>(.*?)</h3>", body)
    assert gaps == [
        "Gestion des avis en ligne (les lire et y répondre)",
        "Site Web transactionnel : commande et paiement en ligne",
        "Vente sur une place de marché en ligne",
    ]
    assert "Pas encore en place : Site Web transactionnel" in body
    assert "<script" not in body
    assert 'style="' not in body


def test_results_in_english(client_for, personas, marie_business):
    assessment = make_assessment(marie_business)
    body = text(client_for("marie").get(f"/en/diagnostic/{assessment.pk}/results/"))
    assert "Overall score: <strong>28.3</strong> out of 100" in body
    assert '<span class="badge">Average</span>' in body
    assert "<h3>Transactional web site: order and pay online</h3>" in body


def test_no_manufacturing_item_ever_shows_as_a_gap(client_for, personas, marie_business):
    from .factories import blank_answers

    answers = blank_answers() | {k: "yes" for k in example_answers() if k.startswith("r")}
    answers |= {
        "m2_1_1": {"already": list(range(1, 11)), "plans": []},
        "m2_1_2": list(range(1, 11)),
        "m2_2_3": list(range(1, 11)),
    }
    assessment = make_assessment(marie_business, answers=answers)
    body = text(client_for("marie").get(f"/fr/diagnostic/{assessment.pk}/results/"))
    section = body.split('id="gaps-title"')[1].split("</section>")[0]
    assert re.findall(r"<h3>(.*?)</h3>", section) == [
        "Technologies avancées",
        "Développement des compétences numériques",
        "Engagement du personnel",
    ]
    assert (
        "Pas encore en place (éléments utiles à un commerce de détail) : Réalité virtuelle ou "
        "augmentée; Internet des objets (capteurs connectés); Chaîne de blocs." in section
    )
    for word in ("Simulation", "CAO", "pilotage de la production", "impression 3D", "Robotique"):
        assert word not in section


def _peers(n: int, **kwargs):
    for _ in range(n):
        make_assessment(make_business(**kwargs), answers=improved_answers())


def test_peers_shown_from_five_businesses_hidden_below(client_for, personas, marie_business):
    assessment = make_assessment(marie_business)
    _peers(5, subsector="458", region="05", employees=30)  # same subsector only
    _peers(4, subsector="444", region="16", employees=30)  # same region only
    make_assessment(
        make_business(subsector="458", region="16", employees=6),
        time_point="T0",
        submitted=False,
        answers={},
    )  # drafts never count
    body = text(client_for("marie").get(f"/fr/diagnostic/{assessment.pk}/results/"))
    section = body.split('id="peers-title"')[1].split("</section>")[0]
    improved = 43.6  # overall of improved_answers()
    assert "Même sous-secteur<br>" in section
    assert "5 entreprises" in section
    assert (
        f'<td class="num">28,3</td> <td class="num">{str(improved).replace(".", ",")}</td>'
        in section
    )
    assert (
        "Même région (Montérégie) : non affiché, moins de 5 entreprises pour l'instant." in section
    )
    assert "Même taille (5 à 19 employés) : non affiché" in section


def test_results_with_t1_show_the_deltas(client_for, personas, marie_business):
    t0 = make_assessment(marie_business)
    t1 = make_assessment(marie_business, time_point="T1", answers=improved_answers())
    for persona in ("marie", "antoine"):
        for assessment in (t0, t1):
            body = text(client_for(persona).get(f"/fr/diagnostic/{assessment.pk}/results/"))
            assert "De T0 à T1 : 28,3 → 43,6 (+15,3 points)" in body
            assert (
                '<th scope="row">Stratégie d&#x27;affaires numérique</th> <td class="num">' in body
            )
            assert '<td class="num diag-up">+21,7</td>' in body  # D1 35.0 → 56.7
            assert '<svg class="diag-svg" viewBox="0 0 640 432.0"' in body  # two bars a row


@pytest.mark.parametrize("others", [1, 20])
def test_results_query_count_does_not_depend_on_the_program(
    client_for, personas, marie_business, assert_queries, others
):
    assessment = make_assessment(marie_business)
    make_assessment(marie_business, time_point="T1", answers=improved_answers())
    _peers(others, subsector="458", region="16", employees=6)
    client = client_for("marie")
    # 1 session, 2 user, 3 assessment with its business (scope join), 4 the business's
    # assessments (T0/T1), 5 peers aggregate (one query, three groups), 6 current program
    with assert_queries(6):
        response = client.get(f"/fr/diagnostic/{assessment.pk}/results/")
    assert response.status_code == 200


# --------------------------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------------------------


def test_export_is_the_canonical_answers_file(client_for, personas, marie_business):
    assessment = make_assessment(marie_business)
    response = client_for("ada").get(f"/fr/diagnostic/{assessment.pk}/answers.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="diagnostic-{marie_business.pk}-T0.json"'
    )
    exported = json.loads(response.content)
    assert exported == example_answers()
    assert list(exported) == list(example_answers())


def test_export_of_a_draft_is_404(client_for, personas, marie_business):
    assessment = make_assessment(marie_business, submitted=False, answers={})
    assert (
        client_for("marie").get(f"/fr/diagnostic/{assessment.pk}/answers.json").status_code == 404
    )


# --------------------------------------------------------------------------------------------
# Lists, overview, home
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 20])
def test_advisor_list_scoped_with_constant_queries(client_for, personas, assert_queries, n):
    for _ in range(n):
        make_assessment(make_business(advisor=personas.antoine))
    make_assessment(make_business(advisor=personas.sofia))  # not Antoine's
    client = client_for("antoine")
    # 1 session, 2 user, 3 count, 4 rows with business and region, 5 regions (filter),
    # 6 current program
    with assert_queries(6):
        response = client.get("/fr/diagnostic/assessments/")
    body = text(response)
    assert f"{n} diagnostic" in body
    assert body.count('<td class="num">28,3</td>') == n


def test_list_filters(client_for, personas):
    make_assessment(make_business(advisor=personas.antoine, region="05"))
    make_assessment(make_business(advisor=personas.antoine), answers=improved_answers())
    make_assessment(make_business(advisor=personas.antoine), submitted=False, answers={})
    ada = client_for("ada")
    assert "3 diagnostics" in text(ada.get("/fr/diagnostic/assessments/"))
    assert "1 diagnostic<" in text(ada.get("/fr/diagnostic/assessments/?status=draft"))
    assert "2 diagnostics" in text(ada.get("/fr/diagnostic/assessments/?band=average"))
    assert "1 diagnostic<" in text(ada.get("/fr/diagnostic/assessments/?region=05"))
    assert "0 diagnostic<" in text(ada.get("/fr/diagnostic/assessments/?time_point=T1"))
    body = text(ada.get("/fr/diagnostic/assessments/?q=commerce&status=draft"))
    assert "(pages : 0 sur 13)" in body


def test_overview_buttons_by_role(client_for, personas, marie_business):
    t0 = make_assessment(marie_business)
    Business.objects.filter(pk=marie_business.pk).update(status="plan_published")
    url = f"/fr/diagnostic/business/{marie_business.pk}/"
    antoine = text(client_for("antoine").get(url))
    assert "Ouvrir la réévaluation (T1)" in antoine
    marie = text(client_for("marie").get(url))
    assert "Ouvrir la réévaluation (T1)" not in marie
    assert "votre conseiller ouvrira avec vous un deuxième diagnostic" in marie
    assert f'href="/fr/diagnostic/{t0.pk}/results/">Voir les résultats</a>' in marie
    assert "Maturité numérique : <strong>28,3</strong> sur 100 · Moyen" in marie


def test_merchant_home_panel(client_for, personas, marie_business, luc_business):
    make_assessment(marie_business)
    make_assessment(luc_business, submitted=False, answers={"r5_1": "yes", "r5_2": "no"})
    marie = text(client_for("marie").get("/fr/account/home/"))
    assert '<h2 id="panel-diagnostic-title">Mon diagnostic numérique</h2>' in marie
    assert "Voir mes résultats" in marie
    luc = text(client_for("luc").get("/fr/account/home/"))
    assert "Continuer mon diagnostic" in luc
    assert "1 page complétée sur 13" in luc
    assert "Commencer mon diagnostic" not in luc


def test_merchant_nav_entry_leads_to_the_overview(client_for, personas, marie_business):
    response = client_for("marie").get("/fr/diagnostic/")
    assert response["Location"] == f"/fr/diagnostic/business/{marie_business.pk}/"
    home = text(client_for("marie").get("/fr/account/home/"))
    assert '<a href="/fr/diagnostic/">Mon diagnostic</a>' in home
    staff = text(client_for("antoine").get("/fr/account/home/"))
    assert '<a href="/fr/diagnostic/assessments/">Diagnostics</a>' in staff


def test_a_merchant_never_sees_another_business_answers(client_for, personas, marie_business):
    submitted = make_assessment(marie_business)
    draft = make_assessment(marie_business, time_point="T1", submitted=False, answers={})
    luc = client_for("luc")
    for url in (
        f"/fr/diagnostic/{submitted.pk}/",
        f"/fr/diagnostic/{submitted.pk}/results/",
        f"/fr/diagnostic/{submitted.pk}/answers.json",
        f"/fr/diagnostic/{draft.pk}/page/d1/",
        f"/fr/diagnostic/business/{marie_business.pk}/",
    ):
        assert luc.get(url).status_code == 404, url
    for persona in ("paul", "fatou", "nadia"):
        assert client_for(persona).get(f"/fr/diagnostic/{submitted.pk}/").status_code == 403


def test_draft_results_lead_to_the_review(client_for, personas, marie_business):
    draft = make_assessment(marie_business, submitted=False, answers={})
    response = client_for("marie").get(f"/fr/diagnostic/{draft.pk}/results/")
    assert response["Location"] == f"/fr/diagnostic/{draft.pk}/"


def test_merchant_without_a_business(client):
    from virage.accounts.models import User

    user = User.objects.create_user(email="nouveau@example.com", password="x", role="merchant")
    client.force_login(user)
    body = text(client.get("/fr/diagnostic/"))
    assert "Votre compte n'est pas encore lié à une entreprise du programme." in body
