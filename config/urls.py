"""Root URLs. Every page lives under a language prefix (/fr/, /en/); health checks do not."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from virage.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("api/", include("virage.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("virage.core.urls")),
    path("account/", include("virage.accounts.urls")),
    path("intake/", include("virage.waitlist.urls")),
    path("business/", include("virage.enterprises.urls")),
    path("diagnostic/", include("virage.diagnostics.urls")),
    path("solutions/", include("virage.catalog.urls")),
    path("plan/", include("virage.plans.urls")),
    path("coaching/", include("virage.coaching.urls")),
    path("training/", include("virage.training.urls")),
    path("capsules/", include("virage.capsules.urls")),
    path("funding/", include("virage.funding.urls")),
    path("reports/", include("virage.reporting.urls")),
    path("privacy/", include("virage.privacy.urls")),
    path("api-keys/", include("virage.api.urls_pages")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "virage.core.views.page_not_found"
handler500 = "virage.core.views.server_error"
handler403 = "virage.core.views.permission_denied"
