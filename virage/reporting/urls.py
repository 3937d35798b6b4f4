from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.program_dashboard, name="program"),
    path("refresh/", views.refresh, name="refresh"),
    path("export/<slug:table>.<slug:fmt>", views.program_export, name="program_export"),
    path("businesses.<slug:fmt>", views.businesses_export, name="businesses_export"),
    path("region/", views.partner_dashboard, name="partner"),
    path("region/export/<slug:table>.<slug:fmt>", views.partner_export, name="partner_export"),
    path("funder/", views.funder_dashboard, name="funder"),
    path("funder/export/<slug:table>.<slug:fmt>", views.funder_export, name="funder_export"),
    path("funder/report/", views.funder_report, name="funder_report"),
    path("funder/report.pdf", views.funder_report_pdf, name="funder_report_pdf"),
]
