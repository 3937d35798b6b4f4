from django.urls import path

from . import endpoints  # noqa: F401 - registers the endpoints on the API
from .api import api

urlpatterns = [path("v1/", api.urls)]
