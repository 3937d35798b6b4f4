from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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

        from . import panels, privacy

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
            context=panels.merchant,
            order=40,
        )
        register_panel(
            roles={"trainer"},
            template="training/panel_trainer.html",
            context=panels.trainer,
            order=20,
        )
