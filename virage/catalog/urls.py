from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("", views.solution_browse, name="list"),
]
