from django.urls import path

from . import views

app_name = "coaching"

urlpatterns = [
    path("", views.my_coaching, name="my_coaching"),
    path("caseload/", views.caseload, name="caseload"),
    path("business/<int:pk>/", views.business_detail, name="business"),
    path("business/<int:pk>/meetings/new/", views.meeting_plan, name="meeting_plan"),
    path("business/<int:pk>/extension/", views.extension, name="extension"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/log/", views.meeting_log, name="meeting_log"),
    path("meetings/<int:pk>/correct/", views.meeting_correct, name="meeting_correct"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/invitation.ics", views.meeting_ics, name="meeting_ics"),
    path("advisors/", views.advisors, name="advisors"),
    path("advisors/<int:user_pk>/", views.advisor_edit, name="advisor_edit"),
    path("assignments/", views.assignments, name="assignments"),
    path("assignments/bulk/", views.bulk_assign, name="bulk_assign"),
    path("assignments/<int:pk>/", views.assign, name="assign"),
]
