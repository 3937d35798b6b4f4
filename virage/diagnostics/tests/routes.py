"""Role-matrix routes of the diagnostics app. World: Marie's T0 submitted, Luc's T0 draft."""

from virage.core.testing.matrix import ALL, Route, only

from .factories import make_assessment

# object pages: the business's merchant, its advisor and admins; the other merchant and the
# other advisor get 404 (out of scope); trainer, partners and funder 403 (not their pages)
MARIE_SCOPE = only({"marie": 200, "antoine": 200, "ada": 200, "luc": 404, "sofia": 404})
LUC_SCOPE = only({"luc": 200, "sofia": 200, "ada": 200, "marie": 404, "antoine": 404})
POST_ONLY = dict.fromkeys(ALL, 405)

ROUTES = [
    Route("diagnostics:mine", only({"marie": 302, "luc": 302}), note="to the overview"),
    Route("diagnostics:list", only({"antoine": 200, "sofia": 200, "ada": 200})),
    Route(
        "diagnostics:overview",
        MARIE_SCOPE,
        kwargs=lambda w: {"business_id": w.marie_business.pk},
    ),
    Route(
        "diagnostics:start",
        POST_ONLY,
        kwargs=lambda w: {"business_id": w.marie_business.pk},
        note="POST only",
    ),
    Route(
        "diagnostics:open_t1",
        POST_ONLY,
        kwargs=lambda w: {"business_id": w.marie_business.pk},
        note="POST only",
    ),
    Route("diagnostics:review", MARIE_SCOPE, kwargs=lambda w: {"pk": w.marie_t0.pk}),
    Route(
        "diagnostics:page",
        LUC_SCOPE,
        kwargs=lambda w: {"pk": w.luc_t0.pk, "page_key": "d1"},
    ),
    Route(
        "diagnostics:submit",
        POST_ONLY,
        kwargs=lambda w: {"pk": w.luc_t0.pk},
        note="POST only",
    ),
    Route("diagnostics:results", MARIE_SCOPE, kwargs=lambda w: {"pk": w.marie_t0.pk}),
    Route("diagnostics:export", MARIE_SCOPE, kwargs=lambda w: {"pk": w.marie_t0.pk}),
]


def build_world(world) -> None:
    """Marie's T0 submitted, Luc's T0 in progress (needs the enterprises world first)."""
    if not hasattr(world, "marie_business"):
        from virage.enterprises.tests.routes import build_world as enterprises_world

        enterprises_world(world)
    world.marie_t0 = make_assessment(world.marie_business, by=world.marie)
    world.luc_t0 = make_assessment(world.luc_business, submitted=False, answers={}, by=world.luc)
