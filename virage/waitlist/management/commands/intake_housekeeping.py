"""Scheduled work of the intake: reminders before invitations expire, expiry (the entry goes
back to its place in the queue, the wave's place is freed), erasure of sign-ups never
confirmed. Idempotent: run it from cron as often as you like, e.g. every 15 minutes:

    */15 * * * *  cd /srv/virage && .venv/bin/python manage.py intake_housekeeping
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from virage.waitlist.services import intake_housekeeping


class Command(BaseCommand):
    help = "Send invitation reminders, expire invitations, erase stale unconfirmed sign-ups."

    def handle(self, *args, **options):
        counts = intake_housekeeping()
        self.stdout.write(
            f"reminded {counts['reminded']}, expired {counts['expired']}, "
            f"erased {counts['purged']} unconfirmed sign-ups"
        )
