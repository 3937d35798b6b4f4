"""Load the starter catalog (15 categories, the seed solutions): reference data every
database needs, since plans map each recommended action to a category. See catalog/loading.py.
"""

from django.db import migrations


def load(apps, schema_editor):
    from virage.catalog.loading import load_catalog

    load_catalog(
        apps.get_model("catalog", "SolutionCategory"), apps.get_model("catalog", "Solution")
    )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
