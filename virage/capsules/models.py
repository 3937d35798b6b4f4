"""E-learning capsules: lessons, quizzes, learning paths, learners, progress, certificates
and reach (distinct businesses with at least one completed capsule)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from virage.core.i18n import localized

from .validators import VIDEO_URL_HELP, validate_video_url

LANGUAGE_CHOICES = [("fr", _("French")), ("en", _("English"))]
MAX_MINUTES = 120
# Capsule keys are page addresses under /capsules/: these ones are taken by other pages.
RESERVED_KEYS = frozenset(
    {"learner", "me", "paths", "certificates", "verify", "manage", "reach", "quiz"}
)


class Topic(models.Model):
    """A subject capsules are filed under (data: the program admin may add some). Its names
    are searched in both languages; topics whose key is a solution catalog category also
    label the capsule's related categories."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CapsuleQuerySet(models.QuerySet):
    def published(self) -> CapsuleQuerySet:
        return self.filter(status=Capsule.Status.PUBLISHED)

    def visible_to(self, user) -> CapsuleQuerySet:
        """Published capsules for everyone (anonymous included); drafts for program admins."""
        if user is not None and user.is_authenticated and user.is_active and user.role == "admin":
            return self.all()
        return self.published()


class Capsule(models.Model):
    """A short bilingual lesson: Markdown body (sanitised when rendered), optional embedded
    video from an allow-listed host with a transcript in both languages, a quiz with a pass
    mark. Only published capsules are public; change status with the services."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        error_messages={"unique": _("Another capsule already uses this key.")},
        help_text=_("Short unique name used in the page address, e.g. cybersecurity-essentials."),
    )
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    summary_fr = models.CharField(_("summary (French)"), max_length=400)
    summary_en = models.CharField(_("summary (English)"), max_length=400)
    body_fr = models.TextField(
        _("lesson (French)"), help_text=_("Markdown: ## headings, - lists, **bold**, [links](…).")
    )
    body_en = models.TextField(
        _("lesson (English)"), help_text=_("Markdown: ## headings, - lists, **bold**, [links](…).")
    )
    video_url = models.URLField(
        _("video address"),
        max_length=300,
        blank=True,
        validators=[validate_video_url],
        help_text=VIDEO_URL_HELP,
    )
    transcript_fr = models.TextField(
        _("video transcript (French)"), blank=True, help_text=_("Required when there is a video.")
    )
    transcript_en = models.TextField(
        _("video transcript (English)"), blank=True, help_text=_("Required when there is a video.")
    )
    minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), validators=[MinValueValidator(1), MaxValueValidator(MAX_MINUTES)]
    )
    topics = models.ManyToManyField(
        Topic, related_name="capsules", blank=True, verbose_name=_("topics")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    categories = models.JSONField(
        _("related solution categories"),
        default=list,
        blank=True,
        help_text=_("Keys of the solution catalog categories this capsule prepares for."),
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CapsuleQuerySet.as_manager()

    class Meta:
        ordering = ["title_fr", "id"]
        verbose_name = _("capsule")
        verbose_name_plural = _("capsules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(video_url="")
                | (~models.Q(transcript_fr="") & ~models.Q(transcript_en="")),
                name="capsule_video_has_transcripts",
                violation_error_message=_("A video needs its transcript in French and in English."),
            ),
            models.CheckConstraint(
                condition=models.Q(minutes__gte=1, minutes__lte=MAX_MINUTES),
                name="capsule_minutes_range",
            ),
            models.CheckConstraint(
                condition=models.Q(pass_mark_percent__gte=1, pass_mark_percent__lte=100),
                name="capsule_pass_mark_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="capsule_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return localized(self, "title")

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def clean(self):
        super().clean()
        if self.key in RESERVED_KEYS:
            raise ValidationError(
                {"key": ValidationError(_("This key is reserved: choose another."), "reserved")}
            )
        if self.video_url:
            errors = {}
            message = _("A video needs its transcript: write it in %(language)s.")
            if not (self.transcript_fr or "").strip():
                errors["transcript_fr"] = ValidationError(
                    message % {"language": _("French")}, code="transcript_required"
                )
            if not (self.transcript_en or "").strip():
                errors["transcript_en"] = ValidationError(
                    message % {"language": _("English")}, code="transcript_required"
                )
            if errors:
                raise ValidationError(errors)


class QuizQuestion(models.Model):
    """One single-answer multiple-choice question of a capsule's quiz; its explanation is
    shown after answering."""

    capsule = models.ForeignKey(Capsule, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    prompt_fr = models.CharField(_("question (French)"), max_length=400)
    prompt_en = models.CharField(_("question (English)"), max_length=400)
    explanation_fr = models.TextField(_("explanation (French)"))
    explanation_en = models.TextField(_("explanation (English)"))

    class Meta:
        ordering = ["capsule", "order", "id"]
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")

    def __str__(self) -> str:
        return localized(self, "prompt")


class QuizChoice(models.Model):
    """A possible answer; a question has exactly one correct choice (at most one by the
    database, exactly one checked by the form and before publishing)."""

    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_fr = models.CharField(_("answer (French)"), max_length=300)
    text_en = models.CharField(_("answer (English)"), max_length=300)
    is_correct = models.BooleanField(_("correct answer"), default=False)

    class Meta:
        ordering = ["question", "order", "id"]
        verbose_name = _("quiz answer")
        verbose_name_plural = _("quiz answers")
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=models.Q(is_correct=True),
                name="quizchoice_one_correct_per_question",
            ),
        ]

    def __str__(self) -> str:
        return localized(self, "text")


class LearningPath(models.Model):
    """A series of capsules in order; passing all of its published capsules earns a
    certificate of completion."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_fr = models.TextField(_("description (French)"))
    description_en = models.TextField(_("description (English)"))
    is_published = models.BooleanField(_("published"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    capsules = models.ManyToManyField(
        Capsule, through="LearningPathStep", related_name="paths", verbose_name=_("capsules")
    )

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def __str__(self) -> str:
        return localized(self, "title")

    @property
    def title(self) -> str:
        return localized(self, "title")


class LearningPathStep(models.Model):
    """A capsule's place in a learning path."""

    path = models.ForeignKey(LearningPath, on_delete=models.CASCADE, related_name="steps")
    capsule = models.ForeignKey(Capsule, on_delete=models.PROTECT, related_name="path_steps")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["path", "order", "id"]
        verbose_name = _("learning path step")
        verbose_name_plural = _("learning path steps")
        constraints = [
            models.UniqueConstraint(fields=["path", "capsule"], name="pathstep_unique_capsule"),
        ]

    def __str__(self) -> str:
        return f"{self.path} #{self.order}: {self.capsule}"


class LearnerQuerySet(models.QuerySet):
    def visible_to(self, user) -> LearnerQuerySet:
        """admin → all; merchant → their own learner profile; others → none. Light learners
        (no account) reach their own profile through their signed-in session only."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "merchant":
            return self.filter(user=user)
        return self.none()

    def confirmed(self) -> LearnerQuerySet:
        return self.filter(confirmed_at__isnull=False)


class Learner(models.Model):
    """Someone whose capsule progress is recorded: either a merchant user (progress counts for
    their Business) or a light profile from the public sign-up (e-mail, business name,
    region, subsector, consent; no password: signed one-time links by e-mail).

    `business_key` names the business the learner counts for in reach (see `rules`):
    ``b:<business id>`` or ``n:<region code>:<normalised business name>``."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="capsule_learner",
        verbose_name=_("account"),
    )
    business = models.ForeignKey(
        "enterprises.Business",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("business"),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    business_name = models.CharField(_("business name"), max_length=200, blank=True)
    region = models.ForeignKey(
        "programs.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
    )
    subsector = models.ForeignKey(
        "programs.Subsector",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kind of business"),
    )
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="fr")
    consent_contact = models.BooleanField(_("may be contacted about progress"), default=False)
    consent_contact_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    business_key = models.CharField(_("business key"), max_length=200, db_index=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed on"), null=True, blank=True)
    last_signin_at = models.DateTimeField(_("last sign-in"), null=True, blank=True)
    details_changed_at = models.DateTimeField(_("details changed on"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LearnerQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("learner")
        verbose_name_plural = _("learners")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(user__isnull=False) & models.Q(email=""))
                | (
                    models.Q(user__isnull=True)
                    & ~models.Q(email="")
                    & ~models.Q(business_name="")
                    & models.Q(region__isnull=False)
                ),
                name="learner_account_or_light_profile",
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(user__isnull=True),
                name="learner_light_email_unique_ci",
            ),
            models.CheckConstraint(
                condition=~models.Q(business_key=""), name="learner_has_business_key"
            ),
        ]

    def __str__(self) -> str:
        return self.display_business_name

    @property
    def is_light(self) -> bool:
        return self.user_id is None

    @property
    def display_business_name(self) -> str:
        if self.business_name:
            return self.business_name
        if self.business_id is not None:
            return self.business.name
        return ""


class CapsuleProgressQuerySet(models.QuerySet):
    def visible_to(self, user) -> CapsuleProgressQuerySet:
        """admin → all; merchant → their own; advisor → learners of assigned businesses;
        partners and funders get aggregates only (see `selectors.capsule_reach`)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "merchant":
            return self.filter(learner__user=user)
        if user.role == "advisor":
            return self.filter(learner__business__advisor=user)
        return self.none()

    def completed(self) -> CapsuleProgressQuerySet:
        return self.filter(completed_at__isnull=False)


class CapsuleProgress(models.Model):
    """A learner's progress on one capsule: started at the first quiz attempt, completed when
    the quiz is first passed (then stays completed), best score kept. Viewing a page records
    nothing."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="progress")
    capsule = models.ForeignKey(Capsule, on_delete=models.PROTECT, related_name="progress")
    started_at = models.DateTimeField(_("started on"))
    last_attempt_at = models.DateTimeField(_("last attempt"))
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    best_score_percent = models.PositiveSmallIntegerField(_("best score (%)"), default=0)
    passed = models.BooleanField(_("passed"), default=False)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)

    objects = CapsuleProgressQuerySet.as_manager()

    class Meta:
        ordering = ["-last_attempt_at", "id"]
        verbose_name = _("capsule progress")
        verbose_name_plural = _("capsule progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "capsule"], name="progress_unique"),
            models.CheckConstraint(
                condition=models.Q(passed=False, completed_at__isnull=True)
                | models.Q(passed=True, completed_at__isnull=False),
                name="progress_passed_iff_completed",
            ),
            models.CheckConstraint(
                condition=models.Q(best_score_percent__lte=100), name="progress_score_percent"
            ),
        ]
        indexes = [models.Index(fields=["capsule", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.learner_id} / {self.capsule_id}"


class PathCertificate(models.Model):
    """A certificate of completion of a learning path, issued once per learner and path, in
    the learner's language; anyone can check it with its code."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="certificates")
    path = models.ForeignKey(LearningPath, on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(_("verification code"), max_length=14, unique=True)
    issued_at = models.DateTimeField(_("issued on"))
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    business_name = models.CharField(_("business name"), max_length=200)
    holder_name = models.CharField(_("name"), max_length=300, blank=True)

    class Meta:
        ordering = ["-issued_at", "id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(fields=["learner", "path"], name="certificate_unique"),
        ]

    def __str__(self) -> str:
        return self.code


class BusinessReach(models.Model):
    """One row per business reached: its first completed capsule. The unique `business_key`
    makes reach count businesses, never people or page views; the row holds no personal data
    and stays when a learner's profile is deleted."""

    business_key = models.CharField(_("business key"), max_length=200, unique=True)
    business = models.ForeignKey(
        "enterprises.Business",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("business"),
    )
    region = models.ForeignKey(
        "programs.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
    )
    first_completed_at = models.DateTimeField(_("first capsule completed on"), db_index=True)
    first_capsule = models.ForeignKey(
        Capsule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["first_completed_at", "id"]
        verbose_name = _("business reached")
        verbose_name_plural = _("businesses reached")

    def __str__(self) -> str:
        return self.business_key


class ReachCount(models.Model):
    """Pre-aggregated reach: how many businesses had their first completed capsule in a month
    (local time, ``settings.TIME_ZONE``) and region, so the reach report reads a few hundred
    rows whatever the number of learners. The figures equal a count of `BusinessReach` rows:
    `services.quiz_submit` adds 1 in the same transaction as it creates a `BusinessReach` row;
    `services.rebuild_reach_counts()` (command ``manage.py rebuild_reach_counts``) recomputes
    them from the `BusinessReach` rows and must run after any bulk import of those rows."""

    month = models.DateField(_("month"))
    region = models.ForeignKey(
        "programs.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
    )
    businesses = models.PositiveIntegerField(_("businesses reached"), default=0)

    class Meta:
        ordering = ["month", "region"]
        verbose_name = _("reach count")
        verbose_name_plural = _("reach counts")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "region"],
                condition=models.Q(region__isnull=False),
                name="reachcount_unique_month_region",
            ),
            models.UniqueConstraint(
                fields=["month"],
                condition=models.Q(region__isnull=True),
                name="reachcount_unique_month_no_region",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.region_id or '—'}: {self.businesses}"
