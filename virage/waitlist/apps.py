from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WaitlistConfig(AppConfig):
    name = "virage.waitlist"
    label = "waitlist"
    verbose_name = _("Callback list")

    def ready(self):
        from virage.core.scheduling import register_periodic

        register_periodic(
            "waitlist.intake_housekeeping",
            "virage.waitlist.services.intake_housekeeping",
            every_minutes=60,
        )
        from virage.core.navigation import register_nav, register_panel
        from virage.privacy.registry import register_anonymiser, register_exporter

        from . import panels, privacy

        register_exporter("waitlist", privacy.export_person)
        register_anonymiser("waitlist", privacy.anonymise_person)

        register_nav(
            roles={"admin"}, url_name="waitlist:admin_list", label=_("Callback list"), order=10
        )
        register_nav(
            roles={"admin"}, url_name="waitlist:wave_list", label=_("Intake waves"), order=11
        )
        register_panel(
            roles={"partner"},
            template="waitlist/panel_partner.html",
            context=panels.partner,
            order=10,
        )
        register_panel(
            roles={"admin"}, template="waitlist/panel_admin.html", context=panels.admin, order=10
        )
