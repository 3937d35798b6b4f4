from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def merchant_panel(request):
    """Plan progress and next actions on the merchant's home page (None: no business)."""
    from django.utils import timezone

    from virage.enterprises.selectors import business_for_merchant

    from .selectors import merchant_plan_panel

    user = request.user
    return merchant_plan_panel(
        user=user, business=business_for_merchant(user=user), today=timezone.localdate()
    )


def staff_panel(request):
    from django.utils import timezone

    from .selectors import advisor_plan_panel

    return advisor_plan_panel(user=request.user, today=timezone.localdate())


class PlansConfig(AppConfig):
    name = "virage.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from virage.core.navigation import register_nav, register_panel
        from virage.privacy.registry import register_anonymiser, register_exporter

        from . import privacy

        register_exporter("plans", privacy.export_person)
        register_anonymiser("plans", privacy.anonymise_person)

        register_nav(roles={"merchant"}, url_name="plans:mine", label=_("My plan"), order=25)
        register_nav(roles={"advisor", "admin"}, url_name="plans:list", label=_("Plans"), order=25)
        register_panel(
            roles={"merchant"},
            template="plans/panel_merchant.html",
            context=merchant_panel,
            order=25,
        )
        register_panel(
            roles={"advisor", "admin"},
            template="plans/panel_advisor.html",
            context=staff_panel,
            order=25,
        )
