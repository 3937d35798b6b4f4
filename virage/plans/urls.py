from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.my_plan, name="mine"),
    path("all/", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/print/", views.plan_print, name="print"),
    path("<int:pk>/publish/", views.plan_publish, name="publish"),
    path("<int:pk>/accept/", views.plan_accept, name="accept"),
    path("<int:pk>/refresh-links/", views.plan_refresh_links, name="refresh_links"),
    path("<int:pk>/comment/", views.plan_comment, name="comment"),
    path("<int:pk>/actions/add/", views.action_add, name="action_add"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/status/", views.action_status, name="action_status"),
    path("actions/<int:pk>/remove/", views.action_remove, name="action_remove"),
    path("actions/<int:pk>/move/", views.action_move, name="action_move"),
]
