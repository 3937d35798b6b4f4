from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "virage.catalog"
    label = "catalog"
    verbose_name = _("Catalog")

    def ready(self):
        from virage.core.navigation import register_nav

        register_nav(
            roles={"merchant", "advisor", "admin"},
            url_name="catalog:list",
            label=_("Solutions"),
            order=45,
        )
