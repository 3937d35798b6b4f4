from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _merchant_panel(request):
    from . import selectors
    from .forms import STATUS_BADGES

    business = selectors.business_for_merchant(user=request.user)
    if business is None:
        return None
    missing = (
        len(selectors.application_missing(business=business)) if business.status == "invited" else 0
    )
    return {
        "business": business,
        "badge": STATUS_BADGES.get(business.status, ""),
        "missing": missing,
    }


def _admin_panel(request):
    from virage.programs.selectors import program_current

    from . import selectors

    return {
        "counts": selectors.application_counts(user=request.user),
        "places": selectors.program_places(program=program_current()),
    }


class EnterprisesConfig(AppConfig):
    name = "virage.enterprises"
    label = "enterprises"
    verbose_name = _("Businesses")

    def ready(self):
        from virage.core.navigation import register_nav, register_panel

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
            context=_merchant_panel,
            order=10,
        )
        register_panel(
            roles={"admin"}, template="enterprises/panel_admin.html", context=_admin_panel, order=10
        )
