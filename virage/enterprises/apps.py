from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "virage.enterprises"
    label = "enterprises"
    verbose_name = _("Businesses")

    def ready(self):
        from virage.core.navigation import register_nav, register_panel

        from . import panels

        register_nav(
            roles={"merchant"}, url_name="enterprises:my_business", label=_("My business"), order=10
        )
        register_nav(
            roles={"admin"},
            url_name="enterprises:admin_applications",
            label=_("Applications"),
            order=10,
        )
        register_panel(
            roles={"merchant"},
            template="enterprises/panel_merchant.html",
            context=panels.merchant,
            order=10,
        )
        register_panel(
            roles={"admin"}, template="enterprises/panel_admin.html", context=panels.admin, order=10
        )
