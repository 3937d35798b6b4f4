from django.urls import path

from . import views

app_name = "capsules"

urlpatterns = [
    path("", views.library, name="library"),
    path("learner/signup/", views.learner_signup, name="signup"),
    path("learner/signin/", views.learner_signin, name="signin"),
    path("learner/link/<str:token>/", views.learner_confirm, name="learner_confirm"),
    path("learner/signout/", views.learner_signout, name="signout"),
    path("me/", views.learner_me, name="me"),
    path("paths/<slug:key>/", views.path_detail, name="path_detail"),
    path("certificates/<str:code>/", views.certificate_detail, name="certificate"),
    path("verify/", views.certificate_verify, name="verify"),
    path("verify/<str:code>/", views.certificate_verify_code, name="verify_code"),
    path("manage/", views.manage_list, name="manage_list"),
    path("manage/new/", views.manage_create, name="manage_create"),
    path("manage/<int:pk>/", views.manage_edit, name="manage_edit"),
    path("manage/<int:pk>/publish/", views.manage_publish, name="manage_publish"),
    path("manage/<int:pk>/questions/new/", views.question_create, name="question_create"),
    path("manage/questions/<int:pk>/", views.question_edit, name="question_edit"),
    path("manage/questions/<int:pk>/delete/", views.question_delete, name="question_delete"),
    path("reach/", views.reach_report, name="reach"),
    path("<slug:key>/", views.capsule_detail, name="detail"),
    path("<slug:key>/quiz/", views.quiz_submit, name="quiz"),
]
