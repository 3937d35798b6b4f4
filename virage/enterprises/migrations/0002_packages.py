"""Seed the two packages of DOMAIN.md §1: standard (10 h + 10 h) and multi-location (more
coaching per additional location, capped). Editable data afterwards."""

from django.db import migrations


def load(apps, schema_editor):
    Package = apps.get_model("enterprises", "Package")
    Package.objects.get_or_create(
        key="standard",
        defaults={
            "name_fr": "Forfait standard",
            "name_en": "Standard package",
            "description_fr": "Environ 10 heures de formation et 10 heures d'accompagnement.",
            "description_en": "About 10 hours of training and 10 hours of coaching.",
            "coaching_minutes": 600,
            "training_minutes": 600,
            "min_locations": 1,
            "max_locations": 1,
            "order": 1,
        },
    )
    Package.objects.get_or_create(
        key="multi-location",
        defaults={
            "name_fr": "Forfait multisite",
            "name_en": "Multi-location package",
            "description_fr": (
                "Pour les commerces de plusieurs adresses : 10 heures de formation, 10 heures "
                "d'accompagnement plus 2 heures par adresse additionnelle, jusqu'à 20 heures."
            ),
            "description_en": (
                "For retailers with several locations: 10 hours of training, 10 hours of "
                "coaching plus 2 hours per additional location, up to 20 hours."
            ),
            "coaching_minutes": 600,
            "training_minutes": 600,
            "min_locations": 2,
            "extra_coaching_minutes_per_location": 120,
            "max_coaching_minutes": 1200,
            "order": 2,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
