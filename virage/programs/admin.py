from django.contrib import admin

from .models import Program, Region, Subsector


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_fr", "start_date", "target_businesses", "is_current"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fr", "name_en"]


@admin.register(Subsector)
class SubsectorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fr", "is_eligible"]
    list_filter = ["is_eligible"]
