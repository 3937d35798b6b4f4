from django.urls import path

from . import views

app_name = "funding"

urlpatterns = [
    path("", views.budget, name="budget"),
    path("expenses/new/", views.expense_add, name="expense_add"),
    path("accrue/", views.accrue, name="accrue"),
]
