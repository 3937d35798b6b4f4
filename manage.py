#!/usr/bin/env python
"""Django's command-line utility, with one-line errors for bad configuration."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # A bare checkout (no DEBUG, no SECRET_KEY in the environment) is a developer's machine:
    # manage.py runs in development mode there. Production sets DEBUG=0 and a SECRET_KEY in
    # its environment file (deploy/virage.env.example), and gunicorn (config/wsgi.py) never
    # takes this default.
    if not any(os.environ.get(k) for k in ("DEBUG", "SECRET_KEY", "SECRET_KEY_FILE")):
        os.environ["DEBUG"] = "1"
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
