"""Diagnostic assessments of a business: raw answers, their scores and the scoring history.

The questionnaire itself is versioned data in code (``questionnaire.py``), not a table: its
texts and item numbers are reviewed and tested with the code, and each assessment records the
``questionnaire_version`` its answers refer to. A copy in the database would add a second
source of truth without adding anything an assessment needs (see docs/scoring.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import questionnaire as qn


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> AssessmentQuerySet:
        """merchant → own business; advisor → assigned businesses; admin → all; others none
        (partners and funders get aggregates from ``reporting``)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "merchant":
            return self.filter(business__members__user=user)
        if user.role == "advisor":
            return self.filter(business__advisor=user)
        return self.none()

    def submitted(self) -> AssessmentQuerySet:
        return self.filter(status=Assessment.Status.SUBMITTED)


class Assessment(models.Model):
    """One diagnostic of one business at one time point: T0 before support, T1 at its end.

    ``answers`` holds the raw answers in the canonical format of ``scoring.py`` (the same as
    the JSON answers file), saved page by page while ``draft``. Submission locks them and
    stores the results (``M2Result.as_dict()`` / ``RResult.as_dict()``) with the scoring
    versions used; ``ScoreRecord`` keeps every version's result. A business has at most one
    draft and one submitted assessment per time point (in practice one assessment: a
    submitted time point is never started again). Change it only through ``services``.
    """

    class TimePoint(models.TextChoices):
        T0 = "T0", _("T0: start of support")
        T1 = "T1", _("T1: re-assessment")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("diagnostic status", "in progress")
        SUBMITTED = "submitted", pgettext_lazy("diagnostic status", "submitted")

    business = models.ForeignKey(
        "enterprises.Business",
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("business"),
    )
    time_point = models.CharField(_("time point"), max_length=2, choices=TimePoint.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    questionnaire_version = models.CharField(
        _("questionnaire version"), max_length=20, default=qn.QUESTIONNAIRE_VERSION
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    m2_result = models.JSONField(_("digital maturity result"), null=True, blank=True)
    r_result = models.JSONField(_("retail essentials result"), null=True, blank=True)
    scoring_version_m2 = models.CharField(_("M2 scoring version"), max_length=20, blank=True)
    scoring_version_r = models.CharField(_("R scoring version"), max_length=20, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("opened by"),
        help_text=_("T1 only: the advisor or administrator who opened the re-assessment."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, db_index=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["business_id", "time_point", "-id"]
        verbose_name = _("diagnostic")
        verbose_name_plural = _("diagnostics")
        indexes = [models.Index(fields=["time_point", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["business", "time_point"],
                condition=Q(status="submitted"),
                name="assessment_one_submitted_per_time_point",
            ),
            models.UniqueConstraint(
                fields=["business", "time_point"],
                condition=Q(status="draft"),
                name="assessment_one_draft_per_time_point",
            ),
            models.CheckConstraint(
                condition=Q(time_point__in=["T0", "T1"]), name="assessment_time_point_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted"]), name="assessment_status_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        status="draft",
                        submitted_at__isnull=True,
                        m2_result__isnull=True,
                        r_result__isnull=True,
                    )
                    | Q(
                        status="submitted",
                        submitted_at__isnull=False,
                        m2_result__isnull=False,
                        r_result__isnull=False,
                    )
                    & ~Q(scoring_version_m2="")
                    & ~Q(scoring_version_r="")
                ),
                name="assessment_submitted_has_results",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business} · {self.time_point}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class ScoreRecord(models.Model):
    """The result of one scoring version for one submitted assessment, kept for history.

    Written at submission and by ``manage.py diagnostic_rescore``; the assessment's
    ``m2_result`` / ``r_result`` hold the version in use. Submitted answers never change, so
    a version's result for an assessment is computed once (unique per assessment and version).
    """

    class Reason(models.TextChoices):
        SUBMIT = "submit", _("submission")
        RESCORE = "rescore", _("re-scoring")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="score_records"
    )
    module = models.CharField(_("module"), max_length=2, choices=[("m2", "M2"), ("r", "R")])
    version = models.CharField(_("scoring version"), max_length=20)
    result = models.JSONField(_("result"))
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    created_at = models.DateTimeField(_("scored at"), auto_now_add=True)

    class Meta:
        ordering = ["assessment_id", "module", "created_at", "id"]
        verbose_name = _("score record")
        verbose_name_plural = _("score records")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "version"], name="score_record_one_per_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.version}"
