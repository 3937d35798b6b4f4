"""Models of the reporting app: pre-computed dashboard figures (snapshots)."""

from django.db import models
from django.utils.translation import pgettext_lazy


class ReportSnapshot(models.Model):
    """The raw figures of one dashboard scope (filters, program, day), computed once and read
    by every viewer until they are older than `settings.REPORTING_SNAPSHOT_MAX_AGE` seconds.

    `manage.py run_scheduled` recomputes the scopes viewed recently (job
    "reporting.refresh_snapshots"), so a dashboard reads one row instead of aggregating every
    table; a missing or stale snapshot is recomputed on the request that needs it. The figures
    are exact as of `computed_at`, which every dashboard shows. Holds counts and means only,
    never a name or a business (see snapshots.py)."""

    key = models.CharField(pgettext_lazy("reporting", "key"), max_length=64, unique=True)
    kind = models.CharField(pgettext_lazy("reporting", "kind"), max_length=20)
    scope = models.JSONField(pgettext_lazy("reporting", "scope"))
    data = models.JSONField(pgettext_lazy("reporting", "figures"))
    computed_at = models.DateTimeField(pgettext_lazy("reporting", "computed at"))
    compute_ms = models.PositiveIntegerField(pgettext_lazy("reporting", "computation time (ms)"))
    last_used_at = models.DateTimeField(pgettext_lazy("reporting", "last viewed at"))

    class Meta:
        verbose_name = pgettext_lazy("reporting", "report snapshot")
        verbose_name_plural = pgettext_lazy("reporting", "report snapshots")
        indexes = [models.Index(fields=["last_used_at"], name="reporting_snapshot_used_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.scope} @ {self.computed_at:%Y-%m-%d %H:%M}"
