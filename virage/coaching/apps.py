from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "virage.coaching"
    label = "coaching"
    verbose_name = _("Coaching")

    def ready(self) -> None:
        from virage.core.navigation import register_nav, register_panel
        from virage.privacy.registry import register_anonymiser, register_exporter

        from . import panels, privacy

        register_exporter("coaching", privacy.export_person)
        register_anonymiser("coaching", privacy.anonymise_person)

        register_nav(
            roles={"merchant"}, url_name="coaching:my_coaching", label=_("Coaching"), order=40
        )
        register_nav(
            roles={"advisor"}, url_name="coaching:caseload", label=_("My caseload"), order=10
        )
        register_nav(roles={"admin"}, url_name="coaching:advisors", label=_("Advisors"), order=40)
        register_nav(
            roles={"admin"}, url_name="coaching:assignments", label=_("Assignments"), order=41
        )
        register_panel(
            roles={"merchant"},
            template="coaching/panel_merchant.html",
            context=panels.merchant,
            order=15,
        )
        register_panel(
            roles={"advisor"},
            template="coaching/panel_advisor.html",
            context=panels.advisor,
            order=10,
        )
        register_panel(
            roles={"admin"}, template="coaching/panel_admin.html", context=panels.admin, order=40
        )
