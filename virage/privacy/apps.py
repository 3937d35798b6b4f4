from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "virage.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        from virage.core.navigation import register_nav, register_panel
        from virage.core.scheduling import register_periodic

        from .builtin import register_builtin
        from .panels import officer_panel
        from .purposes import register_default_purposes

        register_default_purposes()
        register_periodic(
            "privacy.retention_purge",
            "virage.privacy.retention.retention_purge_scheduled",
            every_minutes=24 * 60,
        )
        register_builtin()
        register_nav(roles={"merchant"}, url_name="privacy:my_data", label=_("My data"), order=90)
        register_nav(roles={"admin"}, url_name="privacy:officer_home", label=_("Privacy"), order=90)
        register_panel(
            roles={"admin"}, template="privacy/panel_officer.html", context=officer_panel, order=80
        )
