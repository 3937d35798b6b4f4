from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.policy, name="policy"),
    path("terms/", views.terms, name="terms"),
    path("versions/<slug:kind>/<str:version>/", views.policy_version, name="policy_version"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.my_data_download, name="my_data_download"),
    path("consents/", views.consents, name="consents"),
    path("requests/new/<slug:kind>/", views.request_new, name="request_new"),
    path("officer/", views.officer_home, name="officer_home"),
    path("officer/requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("officer/access-log/", views.access_log, name="access_log"),
    path("officer/incidents/", views.incident_list, name="incident_list"),
    path("officer/incidents/new/", views.incident_new, name="incident_new"),
    path("officer/incidents/export.csv", views.incident_export, name="incident_export"),
    path("officer/incidents/<int:pk>/", views.incident_detail, name="incident_detail"),
    path("officer/incidents/<int:pk>/edit/", views.incident_edit, name="incident_edit"),
    path("officer/incidents/<int:pk>/notice/", views.incident_notice_view, name="incident_notice"),
]
