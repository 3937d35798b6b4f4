"""The program admin maintains the catalog here (Django admin keeps who changed what in its
history). Keys are fixed once created: rules, plans, training and capsules refer to them.
Hide a solution with "shown in the catalog" rather than deleting it: plans may name it."""

from django.contrib import admin
from django.db import models

from .models import Solution, SolutionCategory


class KeyReadOnlyOnChange:
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "key"] if obj is not None else fields


@admin.register(SolutionCategory)
class SolutionCategoryAdmin(KeyReadOnlyOnChange, admin.ModelAdmin):
    list_display = ["key", "name_fr", "name_en", "order"]
    list_editable = ["order"]
    search_fields = ["key", "name_fr", "name_en"]


@admin.register(Solution)
class SolutionAdmin(KeyReadOnlyOnChange, admin.ModelAdmin):
    list_display = [
        "name",
        "vendor",
        "category",
        "price_range",
        "french_interface",
        "quebec_vendor",
        "multi_location",
        "setup_effort",
        "is_active",
    ]
    list_filter = [
        "category",
        "is_active",
        "french_interface",
        "quebec_vendor",
        "multi_location",
        "price_range",
        "setup_effort",
    ]
    search_fields = ["key", "name", "vendor"]
    filter_horizontal = ["extra_categories"]
    readonly_fields = ["updated_at"]
    list_select_related = ["category"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
