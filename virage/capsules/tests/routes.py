"""Role matrix of the capsules app (GET statuses; see virage/core/testing/matrix.py)."""

from virage.core.testing.matrix import LOGIN_REDIRECT, PERSONA_KEYS, Route, everyone, only

ADMIN_ONLY = only({"ada": 200})


def build_world(world):
    from virage.capsules.services import quiz_submit
    from virage.capsules.tests.factories import make_capsule, make_path, right_answers
    from virage.enterprises.testing import persona_businesses

    persona_businesses({k: getattr(world, k) for k in ("marie", "luc", "antoine", "sofia")})
    world.capsule = make_capsule("world-capsule")
    world.draft_capsule = make_capsule("world-draft", published=False)
    world.capsule_path = make_path("world-path", [world.capsule])
    outcome = quiz_submit(
        capsule=world.capsule,
        answers=right_answers(world.capsule),
        learner=None,
        user=world.marie,
    )
    world.marie_certificate = outcome.certificates[0]
    world.question = world.capsule.questions.first()


ROUTES = [
    Route("capsules:library", everyone(200)),
    Route("capsules:detail", everyone(200), kwargs=lambda w: {"key": w.capsule.key}),
    Route(
        "capsules:quiz",
        everyone(405),
        kwargs=lambda w: {"key": w.capsule.key},
        note="POST only",
    ),
    Route("capsules:path_detail", everyone(200), kwargs=lambda w: {"key": "world-path"}),
    # signed-in users record progress with their account (or not at all): no light sign-up
    Route("capsules:signup", {"anonymous": 200, **dict.fromkeys(PERSONA_KEYS, 302)}),
    Route("capsules:signin", {"anonymous": 200, **dict.fromkeys(PERSONA_KEYS, 302)}),
    # a bad token shows the "link no longer works" page
    Route("capsules:learner_confirm", everyone(200), kwargs=lambda w: {"token": "bad-token"}),
    Route("capsules:signout", everyone(405), note="POST only"),
    # anonymous without a learner session → sign-up page; staff accounts record nothing
    Route("capsules:me", only({"marie": 200, "luc": 200})),
    # the holder (Marie) and the program admin; anonymous → sign-in link page; others 404
    Route(
        "capsules:certificate",
        {
            "anonymous": LOGIN_REDIRECT,
            **dict.fromkeys(PERSONA_KEYS, 404),
            "marie": 200,
            "ada": 200,
        },
        kwargs=lambda w: {"code": w.marie_certificate.code},
    ),
    Route("capsules:verify", everyone(200)),
    Route(
        "capsules:verify_code",
        everyone(200),
        kwargs=lambda w: {"code": w.marie_certificate.code},
    ),
    Route("capsules:manage_list", ADMIN_ONLY),
    Route("capsules:manage_create", ADMIN_ONLY),
    Route("capsules:manage_edit", ADMIN_ONLY, kwargs=lambda w: {"pk": w.draft_capsule.pk}),
    Route(
        "capsules:manage_publish",
        only({"ada": 405}),
        kwargs=lambda w: {"pk": w.draft_capsule.pk},
        note="POST only",
    ),
    Route("capsules:question_create", ADMIN_ONLY, kwargs=lambda w: {"pk": w.draft_capsule.pk}),
    Route("capsules:question_edit", ADMIN_ONLY, kwargs=lambda w: {"pk": w.question.pk}),
    Route("capsules:question_delete", ADMIN_ONLY, kwargs=lambda w: {"pk": w.question.pk}),
    Route(
        "capsules:reach",
        only({"ada": 200, "fatou": 200, "paul": 200, "rita": 200}),
    ),
]
