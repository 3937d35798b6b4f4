from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def merchant_panel(request):
    from virage.enterprises.selectors import business_for_merchant

    from .models import Registration
    from .selectors import allowance_for

    business = business_for_merchant(user=request.user)
    if business is None:
        return None
    from django.utils import timezone

    upcoming = (
        Registration.objects.filter(
            business=business,
            status=Registration.Status.REGISTERED,
            session__starts_at__gt=timezone.now(),
        )
        .select_related("session__module")
        .order_by("session__starts_at")
        .first()
    )
    return {"allowance": allowance_for(business=business), "next": upcoming}


def trainer_panel(request):
    from django.utils import timezone

    from .models import TrainingSession

    now = timezone.now()
    mine = TrainingSession.objects.visible_to(request.user)
    return {
        "next": mine.upcoming(now).select_related("module").order_by("starts_at").first(),
        "to_close": mine.filter(
            status=TrainingSession.Status.SCHEDULED, starts_at__lte=now
        ).count(),
    }


class TrainingConfig(AppConfig):
    name = "virage.training"
    label = "training"
    verbose_name = _("Training")

    def ready(self):
        from virage.core.scheduling import register_periodic

        register_periodic(
            "training.reminders", "virage.training.services.reminders_send_due", every_minutes=60
        )
        from virage.core.navigation import register_nav, register_panel
        from virage.privacy.registry import register_exporter

        from . import privacy

        register_exporter("training", privacy.export_person)

        register_nav(
            roles={"merchant"}, url_name="training:my_trainings", label=_("Training"), order=40
        )
        register_nav(
            roles={"advisor"}, url_name="training:advisor_trainings", label=_("Training"), order=40
        )
        register_nav(
            roles={"trainer"},
            url_name="training:trainer_sessions",
            label=_("My sessions"),
            order=40,
        )
        register_nav(roles={"admin"}, url_name="training:manage", label=_("Training"), order=40)
        register_panel(
            roles={"merchant"},
            template="training/panel_merchant.html",
            context=merchant_panel,
            order=40,
        )
        register_panel(
            roles={"trainer"},
            template="training/panel_trainer.html",
            context=trainer_panel,
            order=20,
        )
