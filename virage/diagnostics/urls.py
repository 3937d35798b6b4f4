from django.urls import path

from . import views

app_name = "diagnostics"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("assessments/", views.assessment_list, name="list"),
    path("business/<int:business_id>/", views.overview, name="overview"),
    path("business/<int:business_id>/start/", views.start, name="start"),
    path("business/<int:business_id>/reassessment/", views.open_t1, name="open_t1"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/page/<slug:page_key>/", views.page, name="page"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/results/", views.results, name="results"),
    path("<int:pk>/answers.json", views.export, name="export"),
]
