from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.catalog, name="catalog"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/register/", views.session_register, name="session_register"),
    path("sessions/<int:pk>/roster/", views.roster, name="roster"),
    path("registrations/<int:pk>/cancel/", views.registration_cancel, name="registration_cancel"),
    path("registrations/<int:pk>/attestation/", views.attestation, name="attestation"),
    path("mine/", views.my_trainings, name="my_trainings"),
    path("advisor/", views.advisor_trainings, name="advisor_trainings"),
    path("trainer/", views.trainer_sessions, name="trainer_sessions"),
    path("manage/", views.manage, name="manage"),
    path("manage/rates/", views.rates, name="rates"),
    path("manage/modules/new/", views.module_create, name="module_create"),
    path("manage/modules/<int:pk>/edit/", views.module_edit, name="module_edit"),
    path("manage/sessions/new/", views.session_create, name="session_create"),
    path("manage/sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("manage/sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
]
