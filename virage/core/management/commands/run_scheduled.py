"""Run the periodic jobs that are due (see virage/core/scheduling.py). Safe if started twice."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from virage.core.models import ScheduledRun
from virage.core.scheduling import periodic_jobs, resolve


class Command(BaseCommand):
    help = "Run the periodic jobs that are due (cron every 15 minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run every job now.")
        parser.add_argument("--list", action="store_true", help="List the jobs and exit.")

    def handle(self, *args, force=False, list=False, **options):
        jobs = periodic_jobs()
        if list:
            for job in jobs:
                self.stdout.write(f"{job.name}\tevery {job.every_minutes} min\t{job.func}")
            return
        for job in jobs:
            now = timezone.now()
            ScheduledRun.objects.get_or_create(name=job.name)
            due = Q(last_started_at__isnull=True) | Q(
                last_started_at__lte=now
                - timedelta(minutes=job.every_minutes)
                + timedelta(seconds=30)
            )
            claimed = ScheduledRun.objects.filter(Q(name=job.name) & (Q() if force else due))
            if not claimed.update(last_started_at=now):
                continue  # not due, or another scheduler just claimed it
            try:
                result = resolve(job)()
            except Exception as exc:  # noqa: BLE001 - one failing job must not stop others
                outcome = f"error: {exc.__class__.__name__}"
                self.stderr.write(f"{job.name}: {outcome}")
            else:
                outcome = str(result if result is not None else "ok")[:300]
                self.stdout.write(f"{job.name}: {outcome}")
            ScheduledRun.objects.filter(name=job.name).update(
                last_finished_at=timezone.now(), last_result=outcome
            )
