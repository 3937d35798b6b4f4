"""Role-matrix routes of the training app.

World: an upcoming online session by Nadia where Marie is registered, a past closed session
where Marie attended (her attestation), and Luc's registration on the upcoming session."""

from datetime import timedelta

from django.utils import timezone

from virage.core.testing.matrix import Route, everyone, only, roles

ROUTES = [
    Route("training:catalog", everyone(200)),
    Route(
        "training:session_detail",
        everyone(200),
        kwargs=lambda w: {"pk": w.training_session.pk},
    ),
    Route(
        "training:session_register",
        everyone(405),
        kwargs=lambda w: {"pk": w.training_session.pk},
        note="POST only",
    ),
    Route(
        "training:registration_cancel",
        everyone(405),
        kwargs=lambda w: {"pk": w.marie_registration.pk},
        note="POST only",
    ),
    # the roster: the session's own trainer and admins; other roles 403
    Route(
        "training:roster",
        only(roles("nadia", "ada")),
        kwargs=lambda w: {"pk": w.training_session.pk},
    ),
    # the attestation: Marie's business, its advisor, the session's trainer, admins; others 404
    Route(
        "training:attestation",
        only({**roles("marie", "antoine", "nadia", "ada")}, others=404),
        kwargs=lambda w: {"pk": w.marie_attended.pk},
    ),
    Route("training:my_trainings", only(roles("marie", "luc"))),
    Route("training:advisor_trainings", only(roles("antoine", "sofia"))),
    Route("training:trainer_sessions", only(roles("nadia"))),
    Route("training:manage", only(roles("ada"))),
    Route("training:rates", only(roles("ada"))),
    Route("training:module_create", only(roles("ada"))),
    Route(
        "training:module_edit",
        only(roles("ada")),
        kwargs=lambda w: {"pk": w.training_session.module_id},
    ),
    Route("training:session_create", only(roles("ada"))),
    Route(
        "training:session_edit",
        only(roles("ada")),
        kwargs=lambda w: {"pk": w.training_session.pk},
    ),
    Route(
        "training:session_cancel",
        only(roles("ada")),
        kwargs=lambda w: {"pk": w.training_session.pk},
    ),
]


def build_world(world) -> None:
    from virage.training.models import Attendance, Registration, TrainingSession
    from virage.training.tests.factories import make_module, make_session

    if not hasattr(world, "marie_business"):
        from virage.enterprises.testing import persona_businesses

        users = {k: getattr(world, k) for k in ("marie", "luc", "antoine", "sofia")}
        businesses = persona_businesses(users)
        world.marie_business, world.luc_business = businesses["marie"], businesses["luc"]
    module = make_module(key="matrix_module")
    world.training_session = make_session(trainer=world.nadia, module=module, capacity=5)
    world.marie_registration = Registration.objects.create(
        session=world.training_session,
        person=world.marie,
        business=world.marie_business,
        status=Registration.Status.REGISTERED,
        created_by=world.marie,
    )
    Registration.objects.create(
        session=world.training_session,
        person=world.luc,
        business=world.luc_business,
        status=Registration.Status.REGISTERED,
        created_by=world.luc,
    )
    world.training_session.seats_taken = 2
    world.training_session.save(update_fields=["seats_taken"])
    past = make_session(trainer=world.nadia, module=module, days=-10, capacity=5)
    past.status = TrainingSession.Status.CLOSED
    past.closed_at = timezone.now() - timedelta(days=9)
    past.seats_taken = 1
    past.save()
    world.marie_attended = Registration.objects.create(
        session=past,
        person=world.marie,
        business=world.marie_business,
        status=Registration.Status.ATTENDED,
        credited_minutes=90,
        created_by=world.marie,
    )
    Attendance.objects.create(registration=world.marie_attended, status="present", minutes=90)
