"""The personal digital action plan: from the diagnostic's gaps to solutions in use.

A draft is generated from the T0 diagnostic (`services.plan_generate_draft`), curated by the
advisor, published, then accepted by the merchant; each action moves from proposed to
implemented (which solution went live, and when) or dropped (why). Every change is kept as a
`PlanEvent` and shown on the plan. Change plans only through `services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from virage.core.i18n import localized

from . import transitions

PUBLISHED_STATUSES = ("published", "accepted")


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> PlanQuerySet:
        """merchant → own business's published or accepted plans (a draft is the advisor's
        work in progress); advisor → plans of assigned businesses; admin → all; others none."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "merchant":
            return self.filter(business__members__user=user, status__in=PUBLISHED_STATUSES)
        if user.role == "advisor":
            return self.filter(business__advisor=user)
        return self.none()

    def published(self) -> PlanQuerySet:
        return self.filter(status__in=PUBLISHED_STATUSES)


class Plan(models.Model):
    """A business's action plan. `source_assessment` is the diagnostic it was generated from
    (one plan per assessment); `rules_version` the recommendation rules used."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        ACCEPTED = "accepted", pgettext_lazy("plan status", "accepted")

    business = models.ForeignKey(
        "enterprises.Business",
        on_delete=models.CASCADE,
        related_name="plans",
        verbose_name=_("business"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    source_assessment = models.ForeignKey(
        "diagnostics.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
        verbose_name=_("diagnostic"),
    )
    rules_version = models.CharField(_("recommendation rules version"), max_length=20)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(pgettext_lazy("plan", "updated"), auto_now=True)
    published_at = models.DateTimeField(_("date published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    accepted_at = models.DateTimeField(_("date accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    merchant_comment = models.TextField(_("merchant's comment"), blank=True)
    merchant_comment_at = models.DateTimeField(_("commented"), null=True, blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(
                fields=["source_assessment"],
                condition=Q(source_assessment__isnull=False),
                name="plan_one_per_assessment",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "accepted"]),
                name="plan_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="plan_published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(accepted_at__isnull=False),
                name="plan_accepted_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.business} · {self.get_status_display()}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED_STATUSES


class PlanActionQuerySet(models.QuerySet):
    def visible_to(self, user) -> PlanActionQuerySet:
        """The actions of the plans `user` may see (`Plan.objects.visible_to`)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == "admin":
            return self.all()
        if user.role == "merchant":
            return self.filter(
                plan__business__members__user=user, plan__status__in=PUBLISHED_STATUSES
            )
        if user.role == "advisor":
            return self.filter(plan__business__advisor=user)
        return self.none()

    def open(self) -> PlanActionQuerySet:
        """Neither implemented nor dropped."""
        return self.exclude(status__in=transitions.CLOSED)

    def overdue(self, today) -> PlanActionQuerySet:
        """Open actions whose target date has passed."""
        return self.open().filter(target_date__lt=today)


class PlanAction(models.Model):
    """One action of a plan: a solution category to put in place (or a free-text action),
    why (citing the diagnostic answers behind it), what could help, who does it and by when.

    Status moves by `transitions.TRANSITIONS`: proposed → accepted → in progress →
    implemented (records which solution went live and when) or dropped (with a reason)."""

    class Status(models.TextChoices):
        PROPOSED = transitions.PROPOSED, _("proposed")
        ACCEPTED = transitions.ACCEPTED, pgettext_lazy("action status", "accepted")
        IN_PROGRESS = transitions.IN_PROGRESS, _("in progress")
        IMPLEMENTED = transitions.IMPLEMENTED, _("implemented")
        DROPPED = transitions.DROPPED, _("dropped")

    class Owner(models.TextChoices):
        MERCHANT = "merchant", _("the merchant")
        ADVISOR = "advisor", _("the advisor")
        OTHER = "other", _("someone else")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    category = models.ForeignKey(
        "catalog.SolutionCategory",
        to_field="key",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_actions",
        verbose_name=_("solution category"),
    )
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    why_fr = models.TextField(_("why (French)"), blank=True)
    why_en = models.TextField(_("why (English)"), blank=True)
    rule_key = models.CharField(_("recommendation rule"), max_length=60, blank=True)
    score = models.DecimalField(
        _("recommendation score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    source_items = models.JSONField(_("diagnostic items behind it"), default=list, blank=True)
    candidate_solutions = models.ManyToManyField(
        "catalog.Solution",
        through="PlanActionSolution",
        blank=True,
        related_name="+",
        verbose_name=_("candidate solutions"),
    )
    training_keys = models.JSONField(_("training modules"), default=list, blank=True)
    capsule_keys = models.JSONField(_("capsules"), default=list, blank=True)
    link_titles = models.JSONField(
        _("titles of the training modules and capsules"),
        default=dict,
        blank=True,
        help_text=_('{key: {"fr": …, "en": …}} as they were when the action was created.'),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.PROPOSED,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("status changed"), auto_now_add=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    owner = models.CharField(
        _("who does it"), max_length=10, choices=Owner.choices, default=Owner.MERCHANT
    )
    owner_other = models.CharField(_("who (someone else)"), max_length=120, blank=True)
    implemented_solution = models.ForeignKey(
        "catalog.Solution",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="implemented_actions",
        verbose_name=_("solution that went live"),
    )
    implemented_note = models.CharField(_("what went live"), max_length=200, blank=True)
    implemented_at = models.DateField(_("went live on"), null=True, blank=True)
    dropped_reason = models.TextField(_("why it was dropped"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    # The add form's one-time token: a repeated submission finds the action it created.
    request_token = models.CharField(max_length=40, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan_id", "order", "id"]
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")
        indexes = [
            models.Index(fields=["status", "target_date"]),
            # the overdue list walks target dates in order (status checked in the index)
            models.Index(fields=["target_date", "status"], name="plan_action_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=list(transitions.STATUSES)),
                name="plan_action_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="implemented") | Q(implemented_at__isnull=False),
                name="plan_action_implemented_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="implemented")
                | Q(implemented_solution__isnull=False)
                | ~Q(implemented_note=""),
                name="plan_action_implemented_says_what",
            ),
            models.CheckConstraint(
                condition=~Q(status="dropped") | ~Q(dropped_reason=""),
                name="plan_action_dropped_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(owner="other") | ~Q(owner_other=""),
                name="plan_action_other_owner_named",
            ),
            models.CheckConstraint(condition=~Q(title_fr=""), name="plan_action_has_title"),
            models.UniqueConstraint(
                fields=["plan", "request_token"],
                condition=~Q(request_token=""),
                name="plan_action_request_token_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def why(self) -> str:
        return localized(self, "why")

    @property
    def is_closed(self) -> bool:
        return self.status in transitions.CLOSED

    def is_overdue(self, today) -> bool:
        return not self.is_closed and self.target_date is not None and self.target_date < today

    def owner_label(self) -> str:
        if self.owner == self.Owner.OTHER:
            return self.owner_other
        return self.get_owner_display()

    def linked(self, keys, url_name: str, with_key: bool) -> list[dict]:
        """[{key, title, url}] for training or capsule keys, in the current language; `url`
        is None when the other app has no such page."""
        from django.urls import NoReverseMatch, reverse

        from virage.core.i18n import current_language

        lang = current_language()
        result = []
        for key in keys:
            titles = self.link_titles.get(key) or {}
            try:
                url = reverse(url_name, kwargs={"key": key} if with_key else None)
            except NoReverseMatch:
                url = None
            result.append(
                {"key": key, "title": titles.get(lang) or titles.get("fr") or key, "url": url}
            )
        return result

    def trainings(self) -> list[dict]:
        """Training modules that prepare the action (linked to the session catalog)."""
        return self.linked(self.training_keys, "training:catalog", with_key=False)

    def capsules(self) -> list[dict]:
        return self.linked(self.capsule_keys, "capsules:detail", with_key=True)


class PlanActionSolution(models.Model):
    """A candidate solution of an action, in fit order (best fit first)."""

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="candidates")
    solution = models.ForeignKey("catalog.Solution", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["action_id", "order", "id"]
        verbose_name = _("candidate solution")
        verbose_name_plural = _("candidate solutions")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "solution"], name="plan_action_solution_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action_id} · {self.solution_id}"


class PlanEventQuerySet(models.QuerySet):
    def visible_to(self, user) -> PlanEventQuerySet:
        return self.filter(plan__in=Plan.objects.visible_to(user))


class PlanEvent(models.Model):
    """One change to a plan, shown as its history: who, what, when, old and new values.

    `action_title` keeps the action's title so the history stays readable after a draft
    action is removed. Values are short display texts, never personal data beyond what the
    plan itself holds."""

    class Kind(models.TextChoices):
        GENERATED = "generated", _("draft generated from the diagnostic")
        ACTION_ADDED = "action_added", _("action added")
        ACTION_REMOVED = "action_removed", _("action removed")
        ACTION_MOVED = "action_moved", _("action moved")
        ACTION_EDITED = "action_edited", _("action edited")
        ACTION_STATUS = "action_status", _("action status changed")
        PUBLISHED = "published", _("plan published")
        ACCEPTED = "accepted", _("plan accepted")
        COMMENTED = "commented", _("merchant's comment")
        LINKS_REFRESHED = "links_refreshed", _("training and capsules updated")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="events")
    action = models.ForeignKey(
        PlanAction, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    action_title = models.CharField(max_length=200, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who"),
    )
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    field = models.CharField(_("field"), max_length=40, blank=True)
    old_value = models.TextField(_("before"), blank=True)
    new_value = models.TextField(_("after"), blank=True)
    note = models.TextField(pgettext_lazy("plan event", "note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = PlanEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("plan event")
        verbose_name_plural = _("plan events")

    def __str__(self) -> str:
        return f"{self.plan_id} · {self.kind}"
