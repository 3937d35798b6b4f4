"""Read-only views of the callback list in Django's admin (staff). Every change goes through
the services, from the program admin's pages under /intake/manage/."""

from django.contrib import admin

from .models import CallbackEntry, CallbackImport, IntakeWave, Invitation, ReferralCode


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CallbackEntry)
class CallbackEntryAdmin(ReadOnlyAdmin):
    list_display = ["business_name", "region", "status", "source", "signed_up_at"]
    list_filter = ["status", "source", "region"]
    search_fields = ["business_name", "email", "neq"]
    list_select_related = ["region"]


@admin.register(IntakeWave)
class IntakeWaveAdmin(ReadOnlyAdmin):
    list_display = ["name", "places", "status", "created_at"]


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["wave", "entry", "status", "sent_at", "expires_at"]
    list_filter = ["status", "wave"]
    list_select_related = ["wave", "entry"]
    exclude = ["token"]


@admin.register(ReferralCode)
class ReferralCodeAdmin(ReadOnlyAdmin):
    list_display = ["code", "partner", "created_at"]


@admin.register(CallbackImport)
class CallbackImportAdmin(ReadOnlyAdmin):
    list_display = ["filename", "status", "created", "duplicates", "invalid", "created_at"]
    exclude = ["content"]
