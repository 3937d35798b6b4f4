"""Role-matrix routes of the coaching app (GET statuses per persona)."""

from datetime import timedelta

from django.utils import timezone

from virage.core.testing.matrix import ALL, Route, only

ROUTES = [
    Route("coaching:my_coaching", only({"marie": 200, "luc": 200})),
    Route("coaching:caseload", only({"antoine": 200, "sofia": 200})),
    # Marie's business: her advisor Antoine and the admin; Sofia (not assigned) gets a 404
    Route(
        "coaching:business",
        only({"antoine": 200, "ada": 200, "sofia": 404}),
        kwargs=lambda w: {"pk": w.marie_business.pk},
    ),
    Route(
        "coaching:meeting_plan",
        only({"antoine": 200, "sofia": 404}),
        kwargs=lambda w: {"pk": w.marie_business.pk},
    ),
    Route(
        "coaching:extension",
        only({"ada": 200}),
        kwargs=lambda w: {"pk": w.marie_business.pk},
    ),
    Route(
        "coaching:meeting_detail",
        only({"antoine": 200, "ada": 200, "sofia": 404}),
        kwargs=lambda w: {"pk": w.marie_meeting.pk},
    ),
    Route(
        "coaching:meeting_log",
        only({"antoine": 200, "sofia": 404}),
        kwargs=lambda w: {"pk": w.marie_meeting.pk},
    ),
    # correcting a meeting held: Marie's advisor and the admin; Sofia (not assigned) gets a
    # 404, merchants and other roles a 403
    Route(
        "coaching:meeting_correct",
        only({"antoine": 200, "ada": 200, "sofia": 404}),
        kwargs=lambda w: {"pk": w.marie_held_meeting.pk},
    ),
    Route(
        "coaching:meeting_cancel",
        dict.fromkeys(ALL, 405),
        kwargs=lambda w: {"pk": w.marie_meeting.pk},
        note="POST only",
    ),
    # the invitation: Marie, her advisor and the admin; Luc and Sofia do not see it (404)
    Route(
        "coaching:meeting_ics",
        only({"marie": 200, "antoine": 200, "ada": 200, "luc": 404, "sofia": 404}),
        kwargs=lambda w: {"pk": w.marie_meeting.pk},
    ),
    Route("coaching:advisors", only({"ada": 200})),
    Route(
        "coaching:advisor_edit",
        only({"ada": 200}),
        kwargs=lambda w: {"user_pk": w.antoine.pk},
    ),
    Route("coaching:assignments", only({"ada": 200})),
    Route("coaching:bulk_assign", only({"ada": 200})),
    Route(
        "coaching:assign",
        only({"ada": 200}),
        kwargs=lambda w: {"pk": w.marie_business.pk},
    ),
]


def build_world(world) -> None:
    """A planned meeting of Marie's business that started an hour ago (loggable), and one
    held a week ago (correctable)."""
    from virage.coaching.models import Meeting

    world.marie_meeting = Meeting.objects.create(
        business=world.marie_business,
        advisor=world.antoine,
        starts_at=timezone.now() - timedelta(hours=1),
        planned_minutes=60,
        mode=Meeting.Mode.VIDEO,
        location="https://meet.example/marie",
        agenda="Boutique en ligne : choix de la plateforme",
    )
    world.marie_held_meeting = Meeting.objects.create(
        business=world.marie_business,
        advisor=world.antoine,
        starts_at=timezone.now() - timedelta(days=7),
        planned_minutes=60,
        mode=Meeting.Mode.ON_SITE,
        agenda="Inventaire : choisir un logiciel",
        status=Meeting.Status.HELD,
        actual_minutes=60,
        topics="Logiciels d'inventaire",
        logged_at=timezone.now() - timedelta(days=7),
        logged_by=world.antoine,
    )
