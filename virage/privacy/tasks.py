"""Privacy tasks (Django Tasks API)."""

from __future__ import annotations

from django_tasks import task


@task()
def retention_purge_daily() -> dict[str, int]:
    """Apply the retention schedule (idempotent: a second run the same day finds nothing).
    The periodic scheduler (`manage.py run_scheduled`) runs the same function daily; this task
    lets an operator enqueue a run. Returns rows disposed of per rule."""
    from .retention import retention_purge_scheduled

    return retention_purge_scheduled()
