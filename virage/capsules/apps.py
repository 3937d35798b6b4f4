from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapsulesConfig(AppConfig):
    name = "virage.capsules"
    label = "capsules"
    verbose_name = _("Capsules")
