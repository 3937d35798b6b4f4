"""Load the demo program: personas (one login per role) and each app's demo data.

Idempotent: running it twice changes nothing the second time. Each app may provide
`virage/<app>/demo.py` with `seed(users, stdout)`; they run in INSTALLED_APPS order."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from virage.accounts.personas import DEMO_PASSWORD, PERSONAS, persona_users


class Command(BaseCommand):
    help = "Load the demo program and one user per role (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Do not print the logins.")

    def handle(self, *args, quiet=False, **options):
        if not settings.VIRAGE_DEMO:
            raise CommandError("Demo data is for development: set VIRAGE_DEMO=1 (or DEBUG=1).")
        with transaction.atomic():
            users = persona_users()
            for config in apps.get_app_configs():
                if not config.name.startswith("virage."):
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.seed(users=users, stdout=self.stdout)
        if not quiet:
            self.stdout.write(self.style.SUCCESS("Demo logins (development only):"))
            for p in PERSONAS:
                self.stdout.write(f"  {p.role:<9} {p.email:<32} {DEMO_PASSWORD}")
