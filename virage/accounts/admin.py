"""Program admins manage staff accounts here; creation goes through `staff_user_create`."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError

from .models import Role, User
from .services import staff_user_create


class StaffCreationForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "email",
            "first_name",
            "last_name",
            "role",
            "region",
            "organisation",
            "language",
            "is_privacy_officer",
        ]

    def clean_role(self):
        role = self.cleaned_data["role"]
        if role == Role.MERCHANT:
            raise ValidationError("Merchants join through the program's intake.")
        return role


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    add_form = StaffCreationForm
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "role", "region", "is_active"]
    list_filter = ["role", "is_active", "region"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Identity", {"fields": ["first_name", "last_name", "phone", "language"]}),
        ("Role", {"fields": ["role", "region", "organisation", "is_privacy_officer"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"fields": StaffCreationForm.Meta.fields})]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        data = form.cleaned_data
        created = staff_user_create(actor=request.user, **data)
        obj.pk = created.pk
        obj._state.adding = False
        obj._state.db = created._state.db

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)
