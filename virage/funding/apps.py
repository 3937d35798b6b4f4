from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "virage.funding"
    label = "funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from virage.core.navigation import register_nav

        register_nav(roles={"admin"}, url_name="funding:budget", label=_("Budget"), order=80)
