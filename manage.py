#!/usr/bin/env python
"""Django's command-line utility, with one-line errors for bad configuration."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        from django.conf import settings

        settings.INSTALLED_APPS  # noqa: B018 - forces the settings to load here
    except ImproperlyConfigured as exc:
        print(f"virage: configuration error: {exc}", file=sys.stderr)
        sys.exit(2)
    try:
        execute_from_command_line(sys.argv)
    except OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        print(f"virage: database unavailable (check DATABASE_URL): {first_line}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
