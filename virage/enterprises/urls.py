from django.urls import path

from . import views

app_name = "enterprises"

urlpatterns = [
    # the merchant
    path("apply/<str:token>/", views.apply, name="apply"),
    path("application/", views.application, name="application"),
    path("application/<slug:step>/", views.application_step, name="application_step"),
    path("locations/", views.locations, name="locations"),
    path("locations/<int:pk>/", views.location_edit, name="location_edit"),
    path("locations/<int:pk>/remove/", views.location_delete, name="location_delete"),
    path("contacts/", views.contacts, name="contacts"),
    path("contacts/<int:pk>/remove/", views.contact_delete, name="contact_delete"),
    path("", views.my_business, name="my_business"),
    path("status/", views.status, name="status"),
    # the program admin
    path("applications/", views.admin_applications, name="admin_applications"),
    path("applications/export.csv", views.admin_applications_csv, name="admin_applications_csv"),
    path("applications/<int:pk>/", views.admin_application, name="admin_application"),
    path("applications/<int:pk>/decide/", views.admin_decide, name="admin_decide"),
    path("applications/<int:pk>/enrol/", views.admin_enrol, name="admin_enrol"),
]
