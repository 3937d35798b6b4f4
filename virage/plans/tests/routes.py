"""Role-matrix routes of the plans app; the world gets Marie's published plan (advisor
Antoine) with one action, and Luc's draft plan (advisor Sofia)."""

from django.utils import timezone

from virage.core.testing.matrix import ALL, Route, only

POST_ONLY = dict.fromkeys(ALL, 405)
# Marie's plan: Marie, her advisor Antoine and Ada see it; Luc and Sofia get 404 (out of
# scope); trainer, partners and funder get 403 (not a page for their role).
MARIE_PLAN = only({"marie": 200, "luc": 404, "antoine": 200, "sofia": 404, "ada": 200})
CURATION = only({"antoine": 200, "sofia": 404, "ada": 200})


def build_world(world) -> None:
    from virage.plans.models import Plan, PlanAction
    from virage.plans.rules import RULES_VERSION

    world.marie_plan = Plan.objects.create(
        business=world.marie_business,
        status=Plan.Status.PUBLISHED,
        published_at=timezone.now(),
        published_by=world.antoine,
        rules_version=RULES_VERSION,
    )
    world.marie_action = PlanAction.objects.create(
        plan=world.marie_plan,
        category_id="ecommerce",
        title_fr="Lancer une boutique en ligne",
        title_en="Launch an online store",
        order=1,
    )
    world.luc_plan = Plan.objects.create(business=world.luc_business, rules_version=RULES_VERSION)
    world.luc_action = PlanAction.objects.create(
        plan=world.luc_plan, category_id="inventory", title_fr="Suivre les stocks", order=1
    )


def plan(w):
    return {"pk": w.marie_plan.pk}


def action(w):
    return {"pk": w.marie_action.pk}


ROUTES = [
    # a merchant's own plan page (a "not published yet" message when there is none)
    Route("plans:mine", only({"marie": 200, "luc": 200})),
    Route("plans:list", only({"antoine": 200, "sofia": 200, "ada": 200})),
    Route("plans:detail", MARIE_PLAN, kwargs=plan),
    Route("plans:print", MARIE_PLAN, kwargs=plan),
    Route("plans:publish", POST_ONLY, kwargs=plan, note="POST only"),
    Route("plans:accept", POST_ONLY, kwargs=plan, note="POST only"),
    Route("plans:refresh_links", POST_ONLY, kwargs=plan, note="POST only"),
    Route("plans:comment", POST_ONLY, kwargs=plan, note="POST only"),
    Route("plans:action_add", CURATION, kwargs=plan),
    Route("plans:action_edit", CURATION, kwargs=action),
    Route("plans:action_status", MARIE_PLAN, kwargs=action),
    Route("plans:action_remove", POST_ONLY, kwargs=action, note="POST only"),
    Route("plans:action_move", POST_ONLY, kwargs=action, note="POST only"),
]
