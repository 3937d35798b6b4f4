from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapsulesConfig(AppConfig):
    name = "virage.capsules"
    label = "capsules"
    verbose_name = _("Capsules")

    def ready(self):
        from virage.core.navigation import register_nav, register_panel
        from virage.privacy.registry import register_anonymiser, register_exporter

        from . import panels, privacy

        register_exporter("capsules", privacy.export_person)
        register_anonymiser("capsules", privacy.anonymise_person)

        register_nav(
            roles={"merchant", "advisor", "trainer", "partner", "funder"},
            url_name="capsules:library",
            label=_("Capsules"),
            order=70,
        )
        register_nav(
            roles={"admin"}, url_name="capsules:manage_list", label=_("Capsules"), order=70
        )
        register_nav(
            roles={"funder", "partner"},
            url_name="capsules:reach",
            label=_("Capsule reach"),
            order=71,
        )
        register_panel(
            roles={"merchant"},
            template="capsules/panel_home.html",
            context=panels.home,
            order=70,
        )
