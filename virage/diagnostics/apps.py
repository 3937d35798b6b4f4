from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagnosticsConfig(AppConfig):
    name = "virage.diagnostics"
    label = "diagnostics"
    verbose_name = _("Diagnostics")

    def ready(self):
        from virage.core.navigation import register_nav, register_panel
        from virage.privacy.registry import register_exporter

        from . import panels, privacy

        register_exporter("diagnostics", privacy.export_person)

        register_nav(
            roles={"merchant"}, url_name="diagnostics:mine", label=_("My diagnostic"), order=20
        )
        register_nav(
            roles={"advisor", "admin"},
            url_name="diagnostics:list",
            label=_("Diagnostics"),
            order=20,
        )
        register_panel(
            roles={"merchant"},
            template="diagnostics/panel_merchant.html",
            context=panels.merchant_panel,
            order=20,
        )
        register_panel(
            roles={"advisor", "admin"},
            template="diagnostics/panel_staff.html",
            context=panels.staff_panel,
            order=20,
        )
