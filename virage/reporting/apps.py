from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ReportingConfig(AppConfig):
    name = "virage.reporting"
    label = "reporting"
    verbose_name = pgettext_lazy("reporting", "Reporting")

    def ready(self):
        from virage.core.navigation import register_nav, register_panel
        from virage.core.scheduling import register_periodic

        from . import panels

        register_nav(
            roles={"admin"},
            url_name="reporting:program",
            label=pgettext_lazy("reporting", "Dashboard"),
            order=5,
        )
        register_nav(
            roles={"partner"},
            url_name="reporting:partner",
            label=pgettext_lazy("reporting", "My region"),
            order=5,
        )
        register_nav(
            roles={"funder"},
            url_name="reporting:funder",
            label=pgettext_lazy("reporting", "Program results"),
            order=5,
        )
        register_nav(
            roles={"funder"},
            url_name="reporting:funder_report",
            label=pgettext_lazy("reporting", "Quarterly report"),
            order=6,
        )
        register_periodic(
            "reporting.refresh_snapshots",
            "virage.reporting.snapshots.refresh_snapshots",
            every_minutes=15,
        )
        register_panel(
            roles={"admin"}, template="reporting/panel_admin.html", context=panels.admin, order=5
        )
        register_panel(
            roles={"partner"},
            template="reporting/panel_partner.html",
            context=panels.partner,
            order=5,
        )
        register_panel(
            roles={"funder"},
            template="reporting/panel_funder.html",
            context=panels.funder,
            order=5,
        )
