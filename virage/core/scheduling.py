"""Periodic work (reminders, expiries, retention purge) from one scheduler.

Apps register their jobs in AppConfig.ready():

    register_periodic("training.reminders", "virage.training.services.reminders_send",
                      every_minutes=60)

`manage.py run_scheduled` (cron, every 15 minutes, see deploy/virage-scheduled.timer) runs the
jobs that are due. It takes a database lock per job (a row in ScheduledRun updated with a
conditional UPDATE), so two schedulers started at once never run a job twice, and every job is
idempotent anyway."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    func: str  # dotted path to a callable taking no argument (or only keyword defaults)
    every_minutes: int


_JOBS: dict[str, PeriodicJob] = {}


def register_periodic(name: str, func: str, *, every_minutes: int) -> None:
    _JOBS[name] = PeriodicJob(name=name, func=func, every_minutes=every_minutes)


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_JOBS.values(), key=lambda j: j.name)


def resolve(job: PeriodicJob):
    return import_string(job.func)
