"""Plan pages: what each role sees and may do, forms (errors kept, nothing twice), the
printable plan in the merchant's language, home panels, and query counts that do not grow
with the number of actions (1 vs 20) or plans."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from virage.catalog.models import Solution
from virage.enterprises.models import Business
from virage.plans.models import Plan, PlanAction, PlanEvent

from .helpers import plan_with_actions

pytestmark = pytest.mark.django_db


def url(name, obj):
    with translation.override("fr"):
        return reverse(name, kwargs={"pk": obj.pk})


def body(response) -> str:
    return response.content.decode()


@pytest.fixture
def published(businesses, personas):
    Business.objects.filter(pk=businesses.marie.pk).update(status="plan_published")
    return plan_with_actions(businesses.marie, 3, published_by=personas.antoine)


@pytest.fixture
def draft(businesses):
    Business.objects.filter(pk=businesses.marie.pk).update(status="diagnosed")
    return plan_with_actions(businesses.marie, 3, status="draft")


# ------------------------------------------------------------------ pages by role


def test_merchant_sees_her_published_plan_and_can_answer(client_for, published):
    response = client_for("marie").get("/fr/plan/")
    page = body(response)
    assert response.status_code == 200
    assert "<h1>Plan d'action numérique</h1>" in page
    assert "Accepter le plan" in page
    assert "Votre commentaire pour votre conseiller" in page
    # no curation controls for the merchant
    assert "Ajouter une action" not in page
    assert "Monter" not in page
    assert page.count("Mettre à jour le statut") == 3
    assert "Lancer" in page  # the training module title, in French


def test_merchant_without_published_plan(client_for, draft):
    page = body(client_for("marie").get("/fr/plan/"))
    assert "Votre plan n'est pas encore publié." in page
    assert client_for("marie").get(url("plans:detail", draft)).status_code == 404


def test_advisor_curates_a_draft(client_for, draft):
    page = body(client_for("antoine").get(url("plans:detail", draft)))
    assert "Brouillon : le commerçant ne voit pas ce plan" in page
    assert "Publier le plan pour le commerçant" in page
    assert page.count(">Monter") == 2
    assert page.count(">Descendre") == 2
    assert page.count(">Retirer") == 3
    assert "Mettre à jour le statut" not in page  # statuses move once published


def test_english_page(client_for, published):
    page = body(client_for("antoine").get(f"/en{url('plans:detail', published)[3:]}"))
    assert "<h1>Digital action plan</h1>" in page
    assert "Action 1 (en)" in page
    assert "Launch" in page


def test_history_is_shown(client_for, published, personas):
    action = published.actions.order_by("order").first()
    PlanEvent.objects.create(
        plan=published,
        action=action,
        action_title=action.title_fr,
        actor=personas.marie,
        kind="action_status",
        field="status",
        old_value="proposed",
        new_value="accepted",
    )
    page = body(client_for("antoine").get(url("plans:detail", published)))
    assert '<h2 id="history-title">Historique des modifications</h2>' in page
    assert "<td>Marie Tremblay</td>" in page
    assert "<td>proposée</td>" in page
    assert "<td>acceptée</td>" in page


# ------------------------------------------------------------------ writes through pages


def test_publish_accept_and_comment_through_pages(
    client_for, draft, personas, django_capture_on_commit_callbacks
):
    antoine, marie = client_for("antoine"), client_for("marie")
    response = antoine.post(url("plans:publish", draft))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    response = marie.post(url("plans:accept", draft))
    assert response["Location"] == url("plans:detail", draft)
    draft.refresh_from_db()
    assert draft.status == "accepted"
    response = marie.post(url("plans:comment", draft), {"comment": ""})
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in body(response)
    response = marie.post(url("plans:comment", draft), {"comment": "Merci!"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.merchant_comment == "Merci!"


def test_denied_writes_change_nothing(client_for, draft, published):
    # Sofia is not Marie's advisor: out of scope → 404; Marie may not publish → 403
    assert client_for("sofia").post(url("plans:publish", draft)).status_code == 404
    assert client_for("marie").post(url("plans:publish", draft)).status_code == 403
    assert client_for("luc").post(url("plans:accept", published)).status_code == 404
    assert client_for("antoine").post(url("plans:accept", published)).status_code == 403
    action = draft.actions.first()
    assert client_for("sofia").post(url("plans:action_remove", action)).status_code == 404
    assert (
        client_for("marie")
        .post(url("plans:action_move", action), {"direction": "down"})
        .status_code
        == 403
    )
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, published.status) == ("draft", "published")
    assert draft.actions.count() == 3
    assert PlanEvent.objects.count() == 0


def test_add_action_form_keeps_input_and_adds_once(client_for, draft):
    client = client_for("antoine")
    add = url("plans:action_add", draft)
    page = body(client.get(add))
    assert 'name="request_token"' in page
    data = {
        "category": "",
        "title_fr": "",
        "title_en": "Keep this",
        "owner": "other",
        "owner_other": "",
        "request_token": "abc123",
    }
    response = client.post(add, data)
    page = body(response)
    assert response.status_code == 200
    assert "Donnez un titre à l&#x27;action ou choisissez une catégorie." in page
    assert "Précisez qui s&#x27;en charge." in page
    assert 'value="Keep this"' in page
    assert draft.actions.count() == 3
    data.update(category="accounting", owner_other="Cabinet Leblanc")
    first = client.post(add, data)
    second = client.post(add, data)
    assert first.status_code == second.status_code == 302
    assert draft.actions.count() == 4
    added = draft.actions.get(order=4)
    assert (added.title_fr, added.title_en, added.owner_other) == (
        "Comptabilité",
        "Keep this",
        "Cabinet Leblanc",
    )


def test_edit_move_and_remove_through_pages(client_for, draft):
    client = client_for("antoine")
    first, second, third = draft.actions.order_by("order")
    response = client.post(
        url("plans:action_edit", first),
        {
            "title_fr": "Nouveau titre",
            "title_en": "",
            "owner": "advisor",
            "target_date": "2027-01-15",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.title_fr, first.owner, first.target_date) == (
        "Nouveau titre",
        "advisor",
        datetime.date(2027, 1, 15),
    )
    client.post(url("plans:action_move", third), {"direction": "up", "position": "3"})
    client.post(url("plans:action_move", third), {"direction": "up", "position": "3"})
    assert list(draft.actions.order_by("order").values_list("pk", flat=True)) == [
        first.pk,
        third.pk,
        second.pk,
    ]
    client.post(url("plans:action_remove", second))
    assert list(draft.actions.order_by("order").values_list("pk", "order")) == [
        (first.pk, 1),
        (third.pk, 2),
    ]


def test_status_page_marks_an_action_implemented(client_for, published, businesses):
    action = published.actions.order_by("order").first()
    PlanAction.objects.filter(pk=action.pk).update(status="accepted")
    client = client_for("marie")
    page = body(client.get(url("plans:action_status", action)))
    assert '<optgroup label="Suggérées dans le plan">' in page
    assert '<optgroup label="Autres solutions du catalogue">' in page
    response = client.post(url("plans:action_status", action), {"status": "implemented"})
    assert response.status_code == 200
    assert "Précisez quelle solution a été mise en service" in body(response)
    today = timezone.localdate().isoformat()
    response = client.post(
        url("plans:action_status", action),
        {"status": "implemented", "solution": "wix", "implemented_at": today},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.implemented_solution.key) == ("implemented", "wix")
    businesses.marie.refresh_from_db()
    assert businesses.marie.status == "implementing"
    page = body(client.get(url("plans:action_status", action)))
    assert "Il n'y a plus rien à changer à cette action." in page


def test_invalid_transition_message_on_the_form(client_for, published):
    action = published.actions.order_by("order").first()
    response = client_for("marie").post(
        url("plans:action_status", action), {"status": "in_progress"}
    )
    # "in progress" is not offered from "proposed": the form refuses the choice itself
    assert response.status_code == 200
    assert "Sélectionnez un choix valide." in body(response)
    action.refresh_from_db()
    assert action.status == "proposed"


def test_printable_plan_is_in_the_merchants_language(client_for, published, personas):
    personas.marie.language = "en"
    personas.marie.save()
    response = client_for("antoine").get(url("plans:print", published))  # a /fr/ URL
    page = body(response)
    assert response["Content-Language"] == "en"
    assert '<html lang="en-CA">' in page
    assert "<h1>Digital action plan</h1>" in page
    assert "Action 1 (en)" in page
    assert "save it as a PDF" in page


def test_advisor_list_shows_overdue(client_for, published, personas):
    page = body(client_for("antoine").get("/fr/plan/all/"))
    assert "2 actions en retard" in page  # actions 1 and 3 have a target date in 2020
    assert page.count(f'href="/fr/plan/{published.pk}/#action-') == 2
    assert "Boutique Marie" in page
    assert "Aucun plan pour l'instant" in body(client_for("sofia").get("/fr/plan/all/"))


@pytest.fixture
def many_plans(personas):
    """Five businesses of Antoine's, A to E, each with a plan of 3 actions (2 overdue);
    C's plan is a draft, E has implemented its first action."""
    plans = {}
    for letter in "EDCBA":  # created out of order: the list sorts by name
        biz = Business.objects.create(legal_name=f"Commerce {letter}", advisor=personas.antoine)
        plans[letter] = plan_with_actions(biz, 3, status="draft" if letter == "C" else "published")
    PlanAction.objects.filter(plan=plans["E"], order=1).update(
        status="implemented", implemented_at=datetime.date(2020, 2, 1), implemented_note="x"
    )
    return plans


def test_plan_list_pages_filters_and_totals(client_for, many_plans, monkeypatch):
    from virage.plans import views

    monkeypatch.setattr(views, "PLANS_PER_PAGE", 2)
    monkeypatch.setattr(views, "OVERDUE_PER_PAGE", 4)
    antoine = client_for("antoine")
    page = body(antoine.get("/fr/plan/all/?page=2"))
    # totals count everything, the tables show one page
    assert "9 actions en retard" in page
    assert "5 plans" in page
    assert re.findall(r'<a href="/fr/plan/\d+/">(Commerce .)</a>', page) == [
        "Commerce C",
        "Commerce D",
    ]
    assert "Page 2 sur 3" in page
    assert 'href="?page=1"' in page and 'href="?page=3"' in page
    # overdue actions, oldest first, 4 a page; their pager keeps the plans page
    assert page.count("#action-") == 4
    assert 'href="?page=2&amp;overdue_page=2"' in page
    last = body(antoine.get("/fr/plan/all/?page=2&overdue_page=3"))
    assert last.count("#action-") == 1
    # filters: name, status, with overdue actions; the pager keeps them
    page = body(antoine.get("/fr/plan/all/?q=commerce&status=published"))
    assert "4 plans" in page
    assert "Commerce C</a>" not in page
    assert 'href="?q=commerce&amp;status=published&amp;page=2"' in page
    PlanAction.objects.filter(plan=many_plans["D"]).update(target_date=None)
    page = body(antoine.get("/fr/plan/all/?overdue=on"))
    assert "4 plans" in page
    assert "Commerce D</a>" not in page
    assert "Aucun plan ne correspond à ces filtres." in body(antoine.get("/fr/plan/all/?q=zzz"))
    # a page number out of range shows the last page; a bad status is ignored
    page = body(antoine.get("/fr/plan/all/?page=99&status=nope"))
    assert "Page 3 sur 3" in page
    assert "Commerce E</a>" in page


def test_plan_list_progress_counts(client_for, many_plans):
    page = body(client_for("antoine").get("/fr/plan/all/?q=Commerce+E"))
    row = page.split("Commerce E</a>")[1].split("</tr>")[0]
    # 3 actions, 1 implemented, 0 dropped, 1 overdue (action 3; action 1 is implemented)
    assert re.findall(r'<td class="num">(?:<span class="badge badge-err">)?(\d+)', row) == [
        "3",
        "1",
        "0",
        "1",
    ]


def test_home_panels(client_for, published):
    page = body(client_for("marie").get("/fr/account/home/"))
    assert "Mon plan d'action" in page
    assert "Actions réalisées : 0 sur 3" in page
    assert "Votre plan est prêt : lisez-le et acceptez-le, ou commentez-le." in page
    page = body(client_for("antoine").get("/fr/account/home/"))
    assert "1 plan publié" in page
    assert "2 actions en retard" in page


# ------------------------------------------------------------------ query counts


@pytest.mark.parametrize("n", [1, 20])
def test_detail_queries_do_not_grow_with_actions(
    client_for, businesses, personas, n, assert_queries
):
    plan = plan_with_actions(businesses.marie, n, status="accepted")
    for action in plan.actions.all()[:1]:
        PlanEvent.objects.create(
            plan=plan, action=action, actor=personas.marie, kind="action_status"
        )
    antoine, marie = client_for("antoine"), client_for("marie")
    path = url("plans:detail", plan)
    # 1 session, 1 user, 1 program, 1 plan (scoped), 1 actions, 1 candidate solutions,
    # 1 history
    with assert_queries(7):
        assert antoine.get(path).status_code == 200
    with assert_queries(7):
        assert marie.get(path).status_code == 200
    # my plan: + 1 the merchant's business
    with assert_queries(8):
        assert marie.get("/fr/plan/").status_code == 200
    # printable: 1 session, 1 user, 1 plan, 1 merchant's language, 1 program, 1 actions,
    # 1 candidates
    with assert_queries(7):
        assert antoine.get(url("plans:print", plan)).status_code == 200
    action = plan.actions.first()
    # status page: 1 session, 1 user, 1 action (scoped), 1 candidates, 1 other solutions,
    # 1 program
    with assert_queries(6):
        assert marie.get(url("plans:action_status", action)).status_code == 200


@pytest.mark.parametrize("n", [1, 30])
def test_list_queries_do_not_grow_with_plans(client_for, personas, n, assert_queries):
    from virage.plans.views import OVERDUE_PER_PAGE, PLANS_PER_PAGE

    overdue = 0
    for i in range(n):
        biz = Business.objects.create(legal_name=f"Commerce {i:02}", advisor=personas.antoine)
        actions = 2 if i % 2 else 5
        plan_with_actions(biz, actions)
        overdue += (actions + 1) // 2  # actions 1, 3, 5 are overdue
    for persona, path in (
        ("antoine", "/fr/plan/all/"),
        ("ada", "/fr/plan/all/?q=commerce&status=published&overdue=on&page=1&overdue_page=1"),
    ):
        client = client_for(persona)
        # 1 session, 2 user, 3 plans counted, 4 the page's plan ids, 5 those plans with
        # their actions counted (one grouped query), 6 overdue actions counted, 7 the page
        # of overdue actions, 8 program
        with assert_queries(8):
            response = client.get(path)
        page = body(response)
        assert len(re.findall(r'href="/fr/plan/\d+/"', page)) == min(n, PLANS_PER_PAGE)
        assert page.count("#action-") == min(overdue, OVERDUE_PER_PAGE)
        assert (f"{n} plans" if n > 1 else "1 plan<") in page
        assert f"{overdue} actions en retard" in page


@pytest.mark.parametrize("n", [1, 20])
def test_home_panel_queries_do_not_grow(client_for, businesses, n, assert_queries):
    plan_with_actions(businesses.marie, n)
    from virage.plans.apps import merchant_panel, staff_panel

    class Request:
        def __init__(self, user):
            self.user = user

    marie = Business.objects.get(pk=businesses.marie.pk).members.get().user
    # 1 business, 1 plan with counts, 1 next actions
    with assert_queries(3):
        panel = merchant_panel(Request(marie))
    assert panel["progress"].total == n
    antoine = businesses.marie.advisor
    # 1 plan counts, 1 overdue count
    with assert_queries(2):
        staff_panel(Request(antoine))


def test_solution_choice_excludes_inactive(client_for, published):
    Solution.objects.filter(key="wix").update(is_active=False)
    action = published.actions.order_by("order").first()
    page = body(client_for("marie").get(url("plans:action_status", action)))
    assert '<option value="shopify">Shopify</option>' in page
    assert 'value="squarespace"' in page
    assert Plan.objects.count() == 1


def test_plans_are_read_only_in_the_admin(client_for, published):
    ada = client_for("ada")
    assert ada.get("/fr/admin/plans/plan/").status_code == 200
    page = ada.get(f"/fr/admin/plans/plan/{published.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
