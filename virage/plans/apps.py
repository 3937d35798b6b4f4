from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The panels live in panels.py; these two names stay for callers that import them from here.


def merchant_panel(request):
    """Plan progress and next actions on the merchant's home page (see panels.merchant)."""
    from .panels import merchant

    return merchant(request)


def staff_panel(request):
    """Plan counts on the advisor's and admin's home page (see panels.staff)."""
    from .panels import staff

    return staff(request)


class PlansConfig(AppConfig):
    name = "virage.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from virage.core.navigation import register_nav, register_panel
        from virage.privacy.registry import register_anonymiser, register_exporter

        from . import panels, privacy

        register_exporter("plans", privacy.export_person)
        register_anonymiser("plans", privacy.anonymise_person)

        register_nav(roles={"merchant"}, url_name="plans:mine", label=_("My plan"), order=25)
        register_nav(roles={"advisor", "admin"}, url_name="plans:list", label=_("Plans"), order=25)
        register_panel(
            roles={"merchant"},
            template="plans/panel_merchant.html",
            context=panels.merchant,
            order=25,
        )
        register_panel(
            roles={"advisor", "admin"},
            template="plans/panel_advisor.html",
            context=panels.staff,
            order=25,
        )
