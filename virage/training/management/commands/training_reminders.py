"""Queue the day-before reminders of training sessions. Run it daily from cron, e.g.

    0 9 * * *  cd /srv/virage && .venv/bin/python manage.py training_reminders

Idempotent: each registration gets one reminder per start time, however often it runs."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from virage.training.services import reminders_send_due


class Command(BaseCommand):
    help = "Queue the reminder e-mails of tomorrow's training sessions (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the task worker instead of doing it now.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            from virage.training.tasks import send_training_reminders

            send_training_reminders.enqueue()
            self.stdout.write("training reminders: task enqueued")
            return
        queued = reminders_send_due()
        self.stdout.write(f"training reminders: {queued} queued")
