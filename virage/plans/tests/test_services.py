"""Plan services: generation from the T0 diagnostic, curation, publication, the merchant's
answer, every action transition (refused ones with their message), history and audit."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from virage.catalog.models import Solution, SolutionCategory
from virage.core.models import AuditEvent
from virage.enterprises.models import Business
from virage.plans import services, transitions
from virage.plans.models import Plan, PlanAction, PlanEvent
from virage.plans.rules import RULES_VERSION, LinkedContent

from .helpers import complete_answers, plan_with_actions, submitted_t0

pytestmark = pytest.mark.django_db

TRAININGS = [
    LinkedContent("launch_online_store", "Lancer sa boutique", "Launch your store", ("ecommerce",)),
    LinkedContent("cyber", "Cybersécurité", "Cybersecurity", ("cybersecurity",)),
]
CAPSULES = [LinkedContent("capsule_pos", "Caisse", "Till", ("pos",))]


@pytest.fixture(autouse=True)
def linked(monkeypatch):
    """Training modules and capsules come from other apps: fixed here (see test_links.py)."""
    monkeypatch.setattr(services, "linked_trainings", lambda: list(TRAININGS))
    monkeypatch.setattr(services, "linked_capsules", lambda: list(CAPSULES))


def diagnosed(business):
    Business.objects.filter(pk=business.pk).update(status=Business.Status.DIAGNOSED)
    business.refresh_from_db()
    return business


@pytest.fixture
def t0(businesses, personas):
    """Marie's T0: no online store, stock partly in sync, no tested backups; M2 all lowest."""
    diagnosed(businesses.marie)
    answers = complete_answers(r2_1="no", r3_3="partially", r7_1="no")
    return submitted_t0(businesses.marie, answers, actor=personas.marie)


@pytest.fixture
def draft(t0, personas):
    return services.plan_generate_draft(assessment=t0, actor=personas.marie)


@pytest.fixture
def published(draft, personas):
    return services.plan_publish(plan=draft, actor=personas.antoine)


def actions_of(plan):
    return list(plan.actions.order_by("order"))


def set_status(action, actor, status, **kwargs):
    return services.plan_action_set_status(action=action, actor=actor, status=status, **kwargs)


# ------------------------------------------------------------------ generation


def test_draft_generated_from_t0_ranks_actions_with_why_solutions_and_links(draft, t0):
    assert draft.status == "draft"
    assert draft.source_assessment == t0
    assert draft.rules_version == RULES_VERSION
    rows = [
        (
            a.order,
            a.category_id,
            a.rule_key,
            a.score,
            a.source_items,
            a.title_fr,
            a.title_en,
            [c.solution.key for c in a.candidates.order_by("order")],
            a.training_keys,
            a.capsule_keys,
        )
        for a in actions_of(draft)
    ]
    assert rows == [
        (
            1,
            "ecommerce",
            "ecommerce_launch",
            Decimal("105.00"),
            ["r2_1"],
            "Lancer une boutique en ligne",
            "Launch an online store",
            ["ecwid", "squarespace", "wix", "shopify", "woocommerce"],
            ["launch_online_store"],
            [],
        ),
        (
            2,
            "cybersecurity",
            "security_essentials",
            Decimal("81.25"),
            ["r7_1"],
            "Mettre en place des sauvegardes testées et l'authentification multifacteur",
            "Set up tested backups and multi-factor authentication",
            ["1password", "bitwarden", "google_workspace", "microsoft_365_business", "backblaze"],
            ["cyber"],
            [],
        ),
        (
            3,
            "pos",
            "omnichannel_sync",
            Decimal("30.00"),
            ["r3_3"],
            "Synchroniser les stocks entre la caisse et le site Web",
            "Keep stock in sync between the till and the web site",
            ["square", "lightspeed_retail", "shopify", "clover", "odoo"],
            [],
            ["capsule_pos"],
        ),
    ]
    first = actions_of(draft)[0]
    assert first.why_fr.startswith(
        "Vous avez répondu «\u00a0Non\u00a0» à «\u00a0Site Web transactionnel : commande et "
        "paiement en ligne\u00a0»."
    )
    assert first.why_en.startswith(
        "You answered “No” to “Transactional web site: order and pay online”."
    )
    # the weak M2 dimension is cited too
    assert "Préparation numérique" in first.why_fr
    assert first.link_titles == {
        "launch_online_store": {"fr": "Lancer sa boutique", "en": "Launch your store"}
    }
    assert all(a.status == "proposed" for a in actions_of(draft))


def test_generation_is_idempotent_for_an_assessment(draft, t0, personas):
    again = services.plan_generate_draft(assessment=t0, actor=personas.antoine)
    assert again.pk == draft.pk
    assert Plan.objects.count() == 1
    assert PlanAction.objects.count() == 3
    assert list(PlanEvent.objects.values_list("kind", flat=True)) == ["generated"]
    assert AuditEvent.objects.filter(verb="plan.generated").count() == 1


def test_generation_uses_the_business_profile(businesses, personas):
    # Luc: 2 locations, subsector 444 → the multi-location rule and multi-location tills.
    diagnosed(businesses.luc)
    t0 = submitted_t0(businesses.luc, complete_answers(r3_3="partially"))
    plan = services.plan_generate_draft(assessment=t0, actor=personas.luc)
    (action,) = actions_of(plan)
    assert (action.rule_key, action.score) == ("omnichannel_multi_location", Decimal("45.13"))
    assert [c.solution.key for c in action.candidates.order_by("order")] == [
        "square",
        "lightspeed_retail",
        "shopify",
        "odoo",
    ]
    assert "Avec 2 points de vente" in action.why_fr


def test_na_items_never_become_actions(businesses, personas):
    t0 = submitted_t0(businesses.marie, complete_answers(r2_1="na", r2_4="na", r7_1="no"))
    plan = services.plan_generate_draft(assessment=t0, actor=personas.marie)
    assert [a.category_id for a in actions_of(plan)] == ["cybersecurity"]


def test_inactive_solutions_are_not_candidates(businesses, personas):
    Solution.objects.filter(key__in=["ecwid", "wix"]).update(is_active=False)
    t0 = submitted_t0(businesses.marie, complete_answers(r2_1="no"))
    plan = services.plan_generate_draft(assessment=t0, actor=personas.marie)
    (action,) = actions_of(plan)
    assert [c.solution.key for c in action.candidates.order_by("order")] == [
        "squarespace",
        "shopify",
        "woocommerce",
        "square",
        "lightspeed_retail",
    ]


def test_only_a_submitted_t0_makes_a_plan(businesses, personas):
    t1 = submitted_t0(businesses.marie, complete_answers(r2_1="no"))
    t1.time_point = "T1"
    t1.save()
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        services.plan_generate_draft(assessment=t1, actor=personas.marie)
    assert exc.value.messages == [
        "Un plan est produit seulement à partir d'un diagnostic T0 soumis."
    ]
    assert Plan.objects.count() == 0


def test_generation_refuses_someone_outside_the_business(businesses, personas):
    t0 = submitted_t0(businesses.marie, complete_answers(r2_1="no"))
    for outsider in (personas.luc, personas.sofia):
        with pytest.raises(PermissionDenied):
            services.plan_generate_draft(assessment=t0, actor=outsider)
    assert Plan.objects.count() == 0


# ------------------------------------------------------------------ curation


def test_advisor_adds_a_category_action_with_fitting_solutions(draft, personas):
    action = services.plan_action_add(
        plan=draft,
        actor=personas.antoine,
        category=SolutionCategory.objects.get(key="accounting"),
        target_date=datetime.date(2027, 3, 1),
        owner="other",
        owner_other="Cabinet Leblanc CPA",
        request_token="tok-1",
    )
    assert (action.order, action.title_fr, action.title_en) == (4, "Comptabilité", "Accounting")
    assert action.owner_label() == "Cabinet Leblanc CPA"
    assert [c.solution.key for c in action.candidates.order_by("order")] == [
        "acomba",
        "quickbooks_online",
        "sage_50",
        "xero",
        "odoo",
    ]
    # the same form submitted twice creates one action
    again = services.plan_action_add(
        plan=draft, actor=personas.antoine, title_fr="Autre", request_token="tok-1"
    )
    assert again.pk == action.pk
    assert draft.actions.count() == 4
    event = PlanEvent.objects.get(kind="action_added")
    assert (event.actor, event.action, event.new_value) == (
        personas.antoine,
        action,
        "Comptabilité",
    )


def test_free_text_action_needs_a_title_and_a_named_other_owner(draft, personas):
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        services.plan_action_add(
            plan=draft, actor=personas.antoine, title_fr=" ", owner="other", owner_other=""
        )
    assert exc.value.message_dict == {
        "title_fr": ["Donnez un titre en français à l'action."],
        "owner_other": ["Précisez qui s'en charge."],
    }
    assert draft.actions.count() == 3


def test_edit_records_one_history_line_per_changed_field(draft, personas):
    action = actions_of(draft)[0]
    services.plan_action_update(
        action=action,
        actor=personas.antoine,
        title_fr="Ouvrir la boutique en ligne",
        title_en=action.title_en,
        target_date=datetime.date(2027, 2, 15),
        owner="advisor",
    )
    events = PlanEvent.objects.filter(kind="action_edited").order_by("id")
    assert [(e.field, e.old_value, e.new_value) for e in events] == [
        ("title_fr", "Lancer une boutique en ligne", "Ouvrir la boutique en ligne"),
        ("target_date", "", "2027-02-15"),
        ("owner", "merchant", "advisor"),
    ]
    # the same edit again changes nothing
    services.plan_action_update(
        action=action, actor=personas.antoine, title_fr="Ouvrir la boutique en ligne"
    )
    assert PlanEvent.objects.filter(kind="action_edited").count() == 3


def test_reorder_up_and_down_and_repeated_click(draft, personas):
    first, second, third = actions_of(draft)
    services.plan_action_move(action=third, actor=personas.antoine, direction="up", from_position=3)
    assert [a.pk for a in actions_of(draft)] == [first.pk, third.pk, second.pk]
    # the same click again: the action is no longer at position 3, nothing moves
    services.plan_action_move(action=third, actor=personas.antoine, direction="up", from_position=3)
    assert [a.pk for a in actions_of(draft)] == [first.pk, third.pk, second.pk]
    services.plan_action_move(action=first, actor=personas.antoine, direction="down")
    assert [a.pk for a in actions_of(draft)] == [third.pk, first.pk, second.pk]
    assert [a.order for a in actions_of(draft)] == [1, 2, 3]
    # the first one cannot go further up
    services.plan_action_move(action=third, actor=personas.antoine, direction="up")
    moves = PlanEvent.objects.filter(kind="action_moved").order_by("id")
    assert [(m.old_value, m.new_value) for m in moves] == [("3", "2"), ("1", "2")]


def test_remove_from_a_draft_renumbers_and_keeps_the_history(draft, personas):
    first, second, third = actions_of(draft)
    services.plan_action_remove(action=second, actor=personas.antoine)
    assert [(a.pk, a.order) for a in actions_of(draft)] == [(first.pk, 1), (third.pk, 2)]
    event = PlanEvent.objects.get(kind="action_removed")
    assert (event.action, event.action_title) == (
        None,
        "Mettre en place des sauvegardes testées et l'authentification multifacteur",
    )


def test_a_published_plan_keeps_its_actions(published, personas):
    action = actions_of(published)[0]
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        services.plan_action_remove(action=action, actor=personas.antoine)
    assert exc.value.messages == [
        "Un plan publié garde ses actions : abandonnez plutôt celle-ci, avec une raison, pour "
        "que le commerçant sache pourquoi."
    ]
    assert published.actions.count() == 3


@pytest.mark.parametrize("persona", ["marie", "luc", "sofia", "nadia", "fatou"])
def test_curation_is_for_the_assigned_advisor_only(draft, personas, persona):
    actor = getattr(personas, persona)
    action = actions_of(draft)[0]
    calls = [
        lambda: services.plan_action_add(plan=draft, actor=actor, title_fr="X"),
        lambda: services.plan_action_update(action=action, actor=actor, title_fr="X"),
        lambda: services.plan_action_move(action=action, actor=actor, direction="down"),
        lambda: services.plan_action_remove(action=action, actor=actor),
        lambda: services.plan_publish(plan=draft, actor=actor),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert actions_of(draft)[0].title_fr == "Lancer une boutique en ligne"
    assert PlanEvent.objects.exclude(kind="generated").count() == 0
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_program_admin_may_curate_and_publish(draft, personas):
    services.plan_action_add(
        plan=draft, actor=personas.ada, title_fr="Faire le ménage des mots de passe"
    )
    services.plan_publish(plan=draft, actor=personas.ada)
    assert Plan.objects.get().status == "published"


# ------------------------------------------------------------------ publication


def test_publish_moves_the_business_and_emails_the_merchant(
    draft, personas, businesses, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan = services.plan_publish(plan=draft, actor=personas.antoine)
    assert (plan.status, plan.published_by) == ("published", personas.antoine)
    businesses.marie.refresh_from_db()
    assert businesses.marie.status == "plan_published"
    assert [m.to for m in mail.outbox] == [[personas.marie.email]]
    assert mail.outbox[0].subject == "Virage : votre plan d'action numérique est prêt"
    assert f"/fr/plan/{plan.pk}/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(verb="plan.published", object_id=str(plan.pk)).count() == 1
    # publishing twice changes nothing and sends nothing more
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_publish(plan=plan, actor=personas.antoine)
    assert len(mail.outbox) == 1
    assert PlanEvent.objects.filter(kind="published").count() == 1


def test_publish_needs_an_action_and_a_diagnosed_business(businesses, personas, t0, draft):
    for action in actions_of(draft):
        services.plan_action_remove(action=action, actor=personas.antoine)
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        services.plan_publish(plan=draft, actor=personas.antoine)
    assert exc.value.messages == ["Ajoutez au moins une action avant de publier le plan."]
    services.plan_action_add(plan=draft, actor=personas.antoine, title_fr="Une action")
    Business.objects.filter(pk=businesses.marie.pk).update(status="enrolled")
    with translation.override("fr"):
        enrolled = str(Business.Status.ENROLLED.label)  # the enterprises app's own wording
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        services.plan_publish(plan=draft, actor=personas.antoine)
    assert exc.value.messages == [
        "Le plan peut être publié une fois le diagnostic de l'entreprise soumis; l'entreprise "
        f"est « {enrolled} »."
    ]
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_merchant_accepts_the_plan_and_its_proposed_actions(
    published, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan = services.plan_accept(plan=published, actor=personas.marie)
    assert (plan.status, plan.accepted_by) == ("accepted", personas.marie)
    assert {a.status for a in actions_of(plan)} == {"accepted"}
    assert PlanEvent.objects.filter(kind="action_status", new_value="accepted").count() == 3
    assert [m.to for m in mail.outbox] == [[personas.antoine.email]]
    # accepting twice changes nothing
    services.plan_accept(plan=plan, actor=personas.marie)
    assert PlanEvent.objects.filter(kind="accepted").count() == 1


def test_only_the_merchant_accepts_and_only_a_published_plan(draft, published, personas):
    with pytest.raises(PermissionDenied):
        services.plan_accept(plan=published, actor=personas.antoine)
    with pytest.raises(PermissionDenied):
        services.plan_accept(plan=published, actor=personas.luc)
    assert Plan.objects.get().status == "published"


def test_merchant_cannot_reach_a_draft(draft, personas):
    # a draft is out of the merchant's scope: refused as if it did not exist
    with pytest.raises(PermissionDenied):
        services.plan_accept(plan=draft, actor=personas.marie)
    with pytest.raises(PermissionDenied):
        services.plan_comment(plan=draft, actor=personas.marie, comment="Allo")


def test_merchant_comment_is_kept_once_and_sent_to_the_advisor(
    published, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_comment(plan=published, actor=personas.marie, comment="  Et la paie?  ")
        services.plan_comment(plan=published, actor=personas.marie, comment="Et la paie?")
    published.refresh_from_db()
    assert published.merchant_comment == "Et la paie?"
    assert PlanEvent.objects.filter(kind="commented").count() == 1
    assert len(mail.outbox) == 1
    assert "Et la paie?" in mail.outbox[0].body
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        services.plan_comment(plan=published, actor=personas.marie, comment="   ")
    assert exc.value.message_dict == {"comment": ["Écrivez votre commentaire."]}


# ------------------------------------------------------------------ action statuses

VALID = [
    ("proposed", "accepted", "marie"),
    ("proposed", "accepted", "antoine"),
    ("proposed", "dropped", "marie"),
    ("accepted", "in_progress", "marie"),
    ("accepted", "implemented", "antoine"),
    ("accepted", "dropped", "antoine"),
    ("in_progress", "implemented", "marie"),
    ("in_progress", "dropped", "marie"),
    ("dropped", "proposed", "antoine"),
    ("dropped", "proposed", "ada"),
]


def details(status):
    if status == "implemented":
        return {
            "solution": Solution.objects.get(key="shopify"),
            "implemented_at": timezone.localdate(),
        }
    if status == "dropped":
        return {"reason": "Pas le budget cette année."}
    return {}


@pytest.mark.parametrize(("current", "target", "persona"), VALID)
def test_valid_transitions(published, personas, current, target, persona):
    action = actions_of(published)[1]
    PlanAction.objects.filter(pk=action.pk).update(
        status=current, dropped_reason="x" if current == "dropped" else ""
    )
    actor = getattr(personas, persona)
    result = set_status(action, actor, target, **details(target))
    assert result.status == target
    event = PlanEvent.objects.get(kind="action_status")
    assert (event.actor, event.old_value, event.new_value) == (actor, current, target)
    audit = AuditEvent.objects.get(verb="plan_action.status_changed")
    assert (audit.before, audit.after["status"]) == ({"status": current}, target)


INVALID = [
    # (current, target, persona, message)
    (
        "proposed",
        "in_progress",
        "marie",
        "Une action « proposée » ne peut pas devenir « en cours ».",
    ),
    (
        "proposed",
        "implemented",
        "antoine",
        "Une action « proposée » ne peut pas devenir « réalisée ».",
    ),
    (
        "in_progress",
        "accepted",
        "marie",
        "Une action « en cours » ne peut pas devenir « acceptée ».",
    ),
    (
        "implemented",
        "dropped",
        "antoine",
        "Une action « réalisée » ne peut pas devenir « abandonnée ».",
    ),
    (
        "implemented",
        "in_progress",
        "marie",
        "Une action « réalisée » ne peut pas devenir « en cours ».",
    ),
    (
        "dropped",
        "accepted",
        "antoine",
        "Une action « abandonnée » ne peut pas devenir « acceptée ».",
    ),
    (
        "dropped",
        "proposed",
        "marie",
        "Seul le conseiller peut faire passer une action du statut « abandonnée » au statut "
        "« proposée ».",
    ),
]


@pytest.mark.parametrize(("current", "target", "persona", "message"), INVALID)
def test_invalid_transitions_are_refused_with_a_message(
    published, personas, current, target, persona, message
):
    action = actions_of(published)[1]
    PlanAction.objects.filter(pk=action.pk).update(
        status=current,
        dropped_reason="x" if current == "dropped" else "",
        implemented_at=timezone.localdate() if current == "implemented" else None,
        implemented_note="x" if current == "implemented" else "",
    )
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        set_status(action, getattr(personas, persona), target, **details(target))
    assert exc.value.messages == [message]
    action.refresh_from_db()
    assert action.status == current
    assert PlanEvent.objects.filter(kind="action_status").count() == 0


def test_same_status_again_changes_nothing(published, personas):
    action = actions_of(published)[0]
    set_status(action, personas.marie, "accepted")
    set_status(action, personas.marie, "accepted")
    assert PlanEvent.objects.filter(kind="action_status").count() == 1


def test_statuses_change_once_the_plan_is_published(draft, personas):
    action = actions_of(draft)[0]
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        set_status(action, personas.antoine, "accepted")
    assert exc.value.messages == ["Les actions changent de statut une fois le plan publié."]


def test_implemented_records_the_solution_and_moves_the_business_once(
    published, personas, businesses
):
    first, second, _third = actions_of(published)
    set_status(first, personas.marie, "accepted")
    shopify = Solution.objects.get(key="shopify")
    live = timezone.localdate()
    set_status(first, personas.marie, "implemented", solution=shopify, implemented_at=live)
    first.refresh_from_db()
    assert (first.status, first.implemented_solution, first.implemented_at) == (
        "implemented",
        shopify,
        live,
    )
    businesses.marie.refresh_from_db()
    assert businesses.marie.status == "implementing"
    # the second implemented action leaves the business where it is
    set_status(second, personas.antoine, "accepted")
    set_status(
        second,
        personas.antoine,
        "implemented",
        implemented_note="Sauvegardes infonuagiques du fournisseur de la caisse",
        implemented_at=live,
    )
    businesses.marie.refresh_from_db()
    assert businesses.marie.status == "implementing"
    transitions_audited = AuditEvent.objects.filter(verb="business.status_changed").values_list(
        "after", flat=True
    )
    assert [a["status"] for a in transitions_audited.order_by("id")] == [
        "plan_published",
        "implementing",
    ]


def test_implemented_needs_what_and_a_plausible_date(published, personas, t0):
    action = actions_of(published)[0]
    set_status(action, personas.marie, "accepted")
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        set_status(action, personas.marie, "implemented")
    assert exc.value.message_dict == {
        "solution": [
            "Précisez quelle solution a été mise en service : choisissez-la dans la liste ou "
            "décrivez-la."
        ],
        "implemented_at": ["Indiquez la date de mise en service."],
    }
    shopify = Solution.objects.get(key="shopify")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        set_status(action, personas.marie, "implemented", solution=shopify, implemented_at=tomorrow)
    assert exc.value.message_dict == {"implemented_at": ["La date ne peut pas être dans le futur."]}
    before = timezone.localdate(t0.submitted_at) - datetime.timedelta(days=1)
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        set_status(action, personas.marie, "implemented", solution=shopify, implemented_at=before)
    assert exc.value.message_dict == {
        "implemented_at": [
            f"La date ne peut pas précéder le diagnostic ({timezone.localdate(t0.submitted_at)})."
        ]
    }
    action.refresh_from_db()
    assert action.status == "accepted"


def test_dropped_needs_a_reason_and_reopening_clears_it(published, personas):
    action = actions_of(published)[0]
    with translation.override("fr"), pytest.raises(ValidationError) as exc:
        set_status(action, personas.marie, "dropped", reason="  ")
    assert exc.value.message_dict == {"reason": ["Précisez pourquoi l'action est abandonnée."]}
    set_status(action, personas.marie, "dropped", reason="Déjà fait par mon neveu.")
    action.refresh_from_db()
    assert (action.status, action.dropped_reason) == ("dropped", "Déjà fait par mon neveu.")
    set_status(action, personas.antoine, "proposed")
    action.refresh_from_db()
    assert (action.status, action.dropped_reason) == ("proposed", "")
    notes = PlanEvent.objects.filter(kind="action_status").order_by("id")
    assert [(e.new_value, e.note) for e in notes] == [
        ("dropped", "Déjà fait par mon neveu."),
        ("proposed", ""),
    ]


@pytest.mark.parametrize("persona", ["luc", "sofia", "nadia", "paul", "fatou"])
def test_status_changes_outside_ones_scope_are_denied(published, personas, persona):
    action = actions_of(published)[0]
    with pytest.raises(PermissionDenied):
        set_status(action, getattr(personas, persona), "accepted")
    action.refresh_from_db()
    assert action.status == "proposed"


def test_transition_messages_in_english(published, personas):
    action = actions_of(published)[0]
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        set_status(action, personas.marie, "in_progress")
    assert exc.value.messages == ["An action that is “proposed” cannot become “in progress”."]


def test_draft_from_answers_for_demo_data(businesses, personas):
    plan = services.plan_draft_from_answers(
        business=businesses.marie,
        answers={"r6_3": "no", "m2_1_1": {"already": []}},
        m2_dimensions={"D4": 10.0},
        actor=personas.antoine,
    )
    assert [(a.rule_key, a.score) for a in actions_of(plan)] == [("loyalty", Decimal("30.00"))]
    assert plan.source_assessment is None
    with pytest.raises(PermissionDenied):
        services.plan_draft_from_answers(
            business=businesses.marie, answers={}, m2_dimensions={}, actor=personas.marie
        )


def test_plan_with_actions_helper(businesses):
    plan = plan_with_actions(businesses.marie, 2)
    assert [a.title_fr for a in actions_of(plan)] == ["Action 1", "Action 2"]
    assert transitions.next_statuses("proposed", "merchant") == ("accepted", "dropped")


def test_refresh_links_follows_the_current_offer(draft, personas, monkeypatch):
    # a capsule on online stores is published after the plan was generated
    monkeypatch.setattr(
        services,
        "linked_capsules",
        lambda: [*CAPSULES, LinkedContent("store_capsule", "Boutique", "Store", ("ecommerce",))],
    )
    assert services.plan_refresh_links(plan=draft, actor=personas.antoine) == 1
    first = actions_of(draft)[0]
    assert first.capsule_keys == ["store_capsule"]
    assert first.link_titles["store_capsule"] == {"fr": "Boutique", "en": "Store"}
    assert services.plan_refresh_links(plan=draft, actor=personas.antoine) == 0
    assert PlanEvent.objects.filter(kind="links_refreshed").count() == 1
    with pytest.raises(PermissionDenied):
        services.plan_refresh_links(plan=draft, actor=personas.marie)
