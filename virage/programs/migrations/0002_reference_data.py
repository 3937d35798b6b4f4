"""Load Québec's regions, the NAICS retail subsectors and the default program (DOMAIN.md).
Idempotent: existing rows (possibly edited by an admin) are left as they are."""

import datetime

from django.db import migrations


def load(apps, schema_editor):
    from virage.programs.reference import PROGRAM, REGIONS, SUBSECTORS

    Region = apps.get_model("programs", "Region")
    Subsector = apps.get_model("programs", "Subsector")
    Program = apps.get_model("programs", "Program")
    for code, name_fr, name_en in REGIONS:
        Region.objects.get_or_create(code=code, defaults={"name_fr": name_fr, "name_en": name_en})
    for code, name_fr, name_en, eligible in SUBSECTORS:
        Subsector.objects.get_or_create(
            code=code, defaults={"name_fr": name_fr, "name_en": name_en, "is_eligible": eligible}
        )
    if not Program.objects.exists():
        Program.objects.create(start_date=datetime.date(2026, 9, 1), is_current=True, **PROGRAM)


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
