"""Reload the reference data that data migrations load (regions, program, packages, catalog,
policies…) after a transactional test flushed every table. Every loader is idempotent."""

from __future__ import annotations

import importlib
import pkgutil

from django.apps import apps as global_apps
from django.db import migrations


def reference_loaders() -> list:
    loaders = []
    for config in global_apps.get_app_configs():
        if not config.name.startswith("virage."):
            continue
        try:
            package = importlib.import_module(f"{config.name}.migrations")
        except ModuleNotFoundError:
            continue
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            module = importlib.import_module(f"{config.name}.migrations.{info.name}")
            migration = getattr(module, "Migration", None)
            for operation in getattr(migration, "operations", []):
                if isinstance(operation, migrations.RunPython):
                    loaders.append(operation.code)
    return loaders


def reload_reference_data() -> None:
    for load in reference_loaders():
        load(global_apps, None)
