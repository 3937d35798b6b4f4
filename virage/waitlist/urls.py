from django.urls import path

from . import views

app_name = "waitlist"

urlpatterns = [
    path("eligibility/", views.eligibility, name="eligibility"),
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_done, name="signup_done"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("status/<str:token>/", views.status, name="status"),
    path("r/<slug:code>/", views.referral, name="referral"),
    path("manage/", views.admin_list, name="admin_list"),
    path("manage/entries/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("manage/export.csv", views.admin_export, name="admin_export"),
    path("manage/import/", views.import_upload, name="import_upload"),
    path("manage/import/<int:pk>/", views.import_detail, name="import_detail"),
    path("manage/import/<int:pk>/report.csv", views.import_report, name="import_report"),
    path("manage/waves/", views.wave_list, name="wave_list"),
    path("manage/waves/new/", views.wave_create, name="wave_create"),
    path("manage/waves/<int:pk>/", views.wave_detail, name="wave_detail"),
]
