"""Writes of the capsules app: authoring, learners, quiz attempts, certificates and reach.

Every write is atomic and permission-checked; what a funder or a learner may ask about later
(publication, sign-up confirmation, completion, certificate) is audited.

Light sign-up without a password
    The sign-up form stores a pending learner (not confirmed) and e-mails a signed link;
    nothing is recorded for them until they open it. The link carries only the learner's id
    and the time it was issued, signed with the site's secret (`django.core.signing`, salt
    below): no personal data in the address. It is valid for 24 hours and once: any sign-in
    makes every earlier link void, and a pending sign-up whose details were typed again makes
    the earlier links void too. Opening the link shows a button; the sign-in happens on POST,
    so mail scanners that prefetch links do not use it up. Asking again with the same details
    within five minutes sends nothing twice. A confirmed learner who signs up again only gets
    a sign-in link (their details do not change), and the answer on the page is the same
    whether the address is known or not. We chose signed links over passwords: nothing to
    remember or leak, and owning the mailbox is what proves the learner's identity.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from virage.core.i18n import localized
from virage.core.services import audit_log, email_queue

from . import rules
from .models import (
    BusinessReach,
    Capsule,
    CapsuleProgress,
    Learner,
    LearningPath,
    LearningPathStep,
    PathCertificate,
    QuizChoice,
    QuizQuestion,
    ReachCount,
    Topic,
)
from .permissions import can_author_capsules, records_progress_with_account
from .scoring import QuestionKey, QuizResult, score_quiz

LINK_SALT = "virage.capsules.learner-link"
LINK_MAX_AGE = timedelta(hours=24)
LINK_RESEND_WINDOW_SECONDS = 5 * 60
CERTIFICATE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class LinkInvalid(Exception):
    """The sign-in link is unknown, expired, already used or replaced by a newer one."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _require_author(actor) -> None:
    if not can_author_capsules(actor):
        raise PermissionDenied


# --- Authoring --------------------------------------------------------------------------------

CAPSULE_FIELDS = (
    "key",
    "title_fr",
    "title_en",
    "summary_fr",
    "summary_en",
    "body_fr",
    "body_en",
    "video_url",
    "transcript_fr",
    "transcript_en",
    "minutes",
    "level",
    "categories",
    "pass_mark_percent",
)


def capsule_reindex(*, capsule: Capsule) -> None:
    """Refresh the folded text the library searches: titles, summaries and topic names in
    both languages."""
    names = []
    for topic in capsule.topics.all():
        names += [topic.name_fr, topic.name_en]
    text = rules.search_document(
        capsule.title_fr, capsule.title_en, capsule.summary_fr, capsule.summary_en, *names
    )
    Capsule.objects.filter(pk=capsule.pk).update(search_text=text)
    capsule.search_text = text


def _check_categories(categories) -> list[str]:
    from .seed_data import CATEGORY_KEYS

    values = list(categories or [])
    unknown = [c for c in values if c not in CATEGORY_KEYS]
    if unknown:
        raise ValidationError({"categories": _("Unknown solution category.")})
    return [c for c in CATEGORY_KEYS if c in values]


def capsule_create(*, actor, fields: dict, topics) -> Capsule:
    """A new capsule, always a draft."""
    _require_author(actor)
    data = {name: fields[name] for name in CAPSULE_FIELDS if name in fields}
    data["categories"] = _check_categories(data.get("categories"))
    capsule = Capsule(**data, status=Capsule.Status.DRAFT)
    capsule.full_clean()
    try:
        with transaction.atomic():
            capsule.save()
            capsule.topics.set(topics)
            capsule_reindex(capsule=capsule)
            audit_log(actor=actor, verb="capsule.created", obj=capsule, after={"key": capsule.key})
    except IntegrityError:
        raise ValidationError({"key": _("Another capsule already uses this key.")}) from None
    return capsule


def capsule_update(*, capsule: Capsule, actor, fields: dict, topics) -> Capsule:
    """Edit a capsule's texts and settings (its status does not change here)."""
    _require_author(actor)
    with transaction.atomic():
        current = Capsule.objects.select_for_update().get(pk=capsule.pk)
        changed = []
        for name in CAPSULE_FIELDS:
            if name not in fields:
                continue
            value = fields[name]
            if name == "categories":
                value = _check_categories(value)
            if getattr(current, name) != value:
                setattr(current, name, value)
                changed.append(name)
        current.full_clean()
        current.save()
        current.topics.set(topics)
        capsule_reindex(capsule=current)
        audit_log(actor=actor, verb="capsule.updated", obj=current, after={"fields": changed})
    return current


def capsule_publish_problems(*, capsule: Capsule) -> list[str]:
    """What stops a capsule from being published (empty list: it can be)."""
    problems = []
    texts = [
        getattr(capsule, f"{name}_{lang}") or ""
        for name in ("title", "summary", "body")
        for lang in ("fr", "en")
    ]
    if not all(text.strip() for text in texts):
        problems.append(_("A text is missing in one of the two languages."))
    if capsule.video_url and not (capsule.transcript_fr.strip() and capsule.transcript_en.strip()):
        problems.append(_("A video needs its transcript in French and in English."))
    questions = list(capsule.questions.prefetch_related("choices"))
    if not questions:
        problems.append(_("Add at least one quiz question."))
    for question in questions:
        choices = list(question.choices.all())
        if len(choices) < 2 or sum(c.is_correct for c in choices) != 1:
            problems.append(
                _("Each question needs at least two answers, exactly one of them correct.")
            )
            break
    return problems


def capsule_publish(*, capsule: Capsule, actor) -> Capsule:
    _require_author(actor)
    with transaction.atomic():
        current = Capsule.objects.select_for_update().get(pk=capsule.pk)
        if current.is_published:
            return current
        problems = capsule_publish_problems(capsule=current)
        if problems:
            raise ValidationError(problems)
        current.status = Capsule.Status.PUBLISHED
        current.published_at = timezone.now()
        current.save(update_fields=["status", "published_at", "updated_at"])
        audit_log(actor=actor, verb="capsule.published", obj=current, after={"status": "published"})
    return current


def capsule_unpublish(*, capsule: Capsule, actor) -> Capsule:
    _require_author(actor)
    with transaction.atomic():
        current = Capsule.objects.select_for_update().get(pk=capsule.pk)
        if not current.is_published:
            return current
        current.status = Capsule.Status.DRAFT
        current.save(update_fields=["status", "updated_at"])
        audit_log(actor=actor, verb="capsule.unpublished", obj=current, after={"status": "draft"})
    return current


def question_save(
    *,
    capsule: Capsule,
    actor,
    prompt_fr: str,
    prompt_en: str,
    explanation_fr: str,
    explanation_en: str,
    choices: list[tuple[str, str]],
    correct_index: int,
    question: QuizQuestion | None = None,
) -> QuizQuestion:
    """Create or replace a question and its answers (`choices` in order; `correct_index` is
    the position of the correct one)."""
    _require_author(actor)
    if len(choices) < 2 or not 0 <= correct_index < len(choices):
        raise ValidationError(_("Each question needs at least two answers, one of them correct."))
    with transaction.atomic():
        Capsule.objects.select_for_update().filter(pk=capsule.pk).first()
        if question is None:
            last = capsule.questions.order_by("-order").values_list("order", flat=True).first()
            question = QuizQuestion(capsule=capsule, order=(last or 0) + 1)
            verb = "capsule.question_added"
        else:
            if question.capsule_id != capsule.pk:
                raise PermissionDenied
            verb = "capsule.question_changed"
        question.prompt_fr = prompt_fr
        question.prompt_en = prompt_en
        question.explanation_fr = explanation_fr
        question.explanation_en = explanation_en
        question.full_clean(exclude=["capsule"])
        question.save()
        question.choices.all().delete()
        QuizChoice.objects.bulk_create(
            QuizChoice(
                question=question,
                order=i + 1,
                text_fr=text_fr,
                text_en=text_en,
                is_correct=i == correct_index,
            )
            for i, (text_fr, text_en) in enumerate(choices)
        )
        audit_log(actor=actor, verb=verb, obj=capsule, after={"question": question.pk})
    return question


def question_delete(*, question: QuizQuestion, actor) -> None:
    """Remove a question; a published capsule keeps at least one."""
    _require_author(actor)
    with transaction.atomic():
        capsule = Capsule.objects.select_for_update().get(pk=question.capsule_id)
        if capsule.is_published and capsule.questions.count() <= 1:
            raise ValidationError(
                _("A published capsule keeps at least one question: unpublish it first.")
            )
        pk = question.pk
        question.delete()
        audit_log(actor=actor, verb="capsule.question_deleted", obj=capsule, after={"question": pk})


# --- Seed content -------------------------------------------------------------------------------


def content_load_seed() -> dict[str, int]:
    """Load the program's seed capsules, quizzes, topics and learning paths (seed_data).
    Idempotent: what already exists (by key) is left as the authors may have edited it."""
    from .seed_data import CAPSULES, LEARNING_PATHS, TOPICS

    counts = {"topics": 0, "capsules": 0, "paths": 0}
    now = timezone.now()
    with transaction.atomic():
        topics = {}
        for order, spec in enumerate(TOPICS, start=1):
            topic, created = Topic.objects.get_or_create(
                key=spec["key"],
                defaults={"name_fr": spec["name_fr"], "name_en": spec["name_en"], "order": order},
            )
            topics[topic.key] = topic
            counts["topics"] += created
        capsules = {c.key: c for c in Capsule.objects.filter(key__in=[s["key"] for s in CAPSULES])}
        for spec in CAPSULES:
            if spec["key"] in capsules:
                continue
            data = {name: spec[name] for name in CAPSULE_FIELDS if name in spec}
            data["video_url"] = spec["video_url"] or ""
            capsule = Capsule.objects.create(
                **data, status=Capsule.Status.PUBLISHED, published_at=now
            )
            capsule.topics.set([topics[key] for key in spec["topics"]])
            for q_order, q in enumerate(spec["quiz"], start=1):
                question = QuizQuestion.objects.create(
                    capsule=capsule,
                    order=q_order,
                    prompt_fr=q["prompt_fr"],
                    prompt_en=q["prompt_en"],
                    explanation_fr=q["explanation_fr"],
                    explanation_en=q["explanation_en"],
                )
                QuizChoice.objects.bulk_create(
                    QuizChoice(
                        question=question,
                        order=c_order,
                        text_fr=c["text_fr"],
                        text_en=c["text_en"],
                        is_correct=c["correct"],
                    )
                    for c_order, c in enumerate(q["choices"], start=1)
                )
            capsule_reindex(capsule=capsule)
            capsules[capsule.key] = capsule
            counts["capsules"] += 1
        for order, spec in enumerate(LEARNING_PATHS, start=1):
            path, created = LearningPath.objects.get_or_create(
                key=spec["key"],
                defaults={
                    "title_fr": spec["title_fr"],
                    "title_en": spec["title_en"],
                    "description_fr": spec["description_fr"],
                    "description_en": spec["description_en"],
                    "is_published": True,
                    "order": order,
                },
            )
            if created:
                LearningPathStep.objects.bulk_create(
                    LearningPathStep(path=path, capsule=capsules[key], order=i)
                    for i, key in enumerate(spec["capsules"], start=1)
                )
                counts["paths"] += 1
    return counts


# --- Learners -----------------------------------------------------------------------------------


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // timedelta(microseconds=1)


def _from_micros(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


def learner_link_token(*, learner: Learner, issued_at: datetime) -> str:
    return signing.dumps({"l": learner.pk, "t": _micros(issued_at)}, salt=LINK_SALT)


def learner_link_url(*, learner: Learner, issued_at: datetime) -> str:
    token = learner_link_token(learner=learner, issued_at=issued_at)
    with translation.override(learner.language):
        path = reverse("capsules:learner_confirm", kwargs={"token": token})
    return f"{settings.VIRAGE_SITE_URL}{path}"


def _send_link(*, learner: Learner, issued_at: datetime, digest: str) -> None:
    window = int(issued_at.timestamp()) // LINK_RESEND_WINDOW_SECONDS
    first_time = learner.confirmed_at is None
    email_queue(
        key=f"capsules-link:{learner.pk}:{window}:{digest}",
        to=learner.email,
        template="capsules/learner_link",
        context={
            "business_name": learner.business_name,
            "link_url": learner_link_url(learner=learner, issued_at=issued_at),
            "first_time": first_time,
            "hours": int(LINK_MAX_AGE.total_seconds() // 3600),
        },
        language=learner.language,
    )


def _light_business_key(*, business_name: str, region) -> str:
    from virage.enterprises.models import Business

    candidates = Business.objects.filter(region=region).values_list(
        "id", "legal_name", "operating_name"
    )
    business_id = rules.matching_business_id(business_name, candidates)
    if business_id is not None:
        return rules.merchant_business_key(business_id)
    return rules.light_business_key(business_name, region.code)


def learner_signup_request(
    *,
    email: str,
    business_name: str,
    region,
    subsector,
    consent_contact: bool,
    language: str,
) -> None:
    """The public sign-up: e-mail a one-time link (see the module docstring). Same outcome on
    the page whatever the address; an address with an account is told to sign in instead."""
    from virage.accounts.models import User

    email = User.objects.normalize_email(email.strip()).lower()
    business_name = " ".join(business_name.split())
    language = language if language in ("fr", "en") else "fr"
    account = User.objects.filter(email__iexact=email).first()
    if account is not None:
        email_queue(
            key=f"capsules-has-account:{account.pk}:{int(timezone.now().timestamp()) // 300}",
            to=account.email,
            template="capsules/has_account",
            context={"login_url": _absolute("accounts:login", account.language)},
            language=account.language,
        )
        return
    details = {
        "business_name": business_name,
        "region_id": region.pk,
        "subsector_id": subsector.pk if subsector else None,
        "consent_contact": bool(consent_contact),
        "language": language,
    }
    digest = hashlib.sha256(repr(sorted(details.items())).encode()).hexdigest()[:16]
    now = timezone.now()
    with transaction.atomic():
        learner = (
            Learner.objects.select_for_update()
            .filter(email__iexact=email, user__isnull=True)
            .first()
        )
        if learner is None:
            learner = Learner(
                email=email,
                details_changed_at=now,
                business_key=_light_business_key(business_name=business_name, region=region),
                consent_contact_at=now if consent_contact else None,
                **details,
            )
            learner.full_clean()
            try:
                with transaction.atomic():
                    learner.save()
            except IntegrityError:
                # Someone submitted the same address at the same moment: one pending row.
                learner = Learner.objects.get(email__iexact=email, user__isnull=True)
        elif learner.confirmed_at is None:
            changed = [name for name, value in details.items() if getattr(learner, name) != value]
            if changed:
                for name, value in details.items():
                    setattr(learner, name, value)
                learner.business_key = _light_business_key(
                    business_name=business_name, region=region
                )
                learner.consent_contact_at = now if consent_contact else None
                learner.details_changed_at = now
                learner.save()
        else:
            digest = "sign-in"
        _send_link(learner=learner, issued_at=now, digest=digest)


def learner_link_request(*, email: str) -> None:
    """ "Send me a new link": only for an address that has a light profile; the page says
    the same thing either way."""
    email = email.strip().lower()
    learner = Learner.objects.filter(email__iexact=email, user__isnull=True).first()
    if learner is None:
        return
    with transaction.atomic():
        now = timezone.now()
        digest = "sign-in" if learner.confirmed_at else "pending"
        _send_link(learner=learner, issued_at=now, digest=digest)


def learner_confirm(*, token: str) -> Learner:
    """Use a sign-in link: confirms a pending learner or signs a known one in. Raises
    LinkInvalid("expired" | "invalid" | "used")."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE)
        learner_id, issued_at = int(data["l"]), _from_micros(int(data["t"]))
    except signing.SignatureExpired:
        raise LinkInvalid("expired") from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkInvalid("invalid") from None
    with transaction.atomic():
        learner = (
            Learner.objects.select_for_update().filter(pk=learner_id, user__isnull=True).first()
        )
        if learner is None:
            raise LinkInvalid("invalid")
        if learner.last_signin_at is not None and learner.last_signin_at >= issued_at:
            raise LinkInvalid("used")
        if learner.confirmed_at is None and learner.details_changed_at > issued_at:
            raise LinkInvalid("used")
        now = timezone.now()
        first_time = learner.confirmed_at is None
        if first_time:
            learner.confirmed_at = now
        learner.last_signin_at = now
        learner.save(update_fields=["confirmed_at", "last_signin_at"])
        audit_log(
            actor=None,
            verb="capsules.learner_confirmed" if first_time else "capsules.learner_signed_in",
            obj=learner,
        )
    return learner


def learner_update_preferences(*, learner: Learner, consent_contact: bool, language: str) -> None:
    """A light learner changes their consent (withdrawable at any time) or language."""
    if not learner.is_light:
        raise PermissionDenied
    with transaction.atomic():
        current = Learner.objects.select_for_update().get(pk=learner.pk)
        changes = {}
        if current.consent_contact != consent_contact:
            current.consent_contact = consent_contact
            current.consent_contact_at = timezone.now() if consent_contact else None
            changes["consent_contact"] = consent_contact
        if language in ("fr", "en") and current.language != language:
            current.language = language
            changes["language"] = language
        if changes:
            current.save(update_fields=["consent_contact", "consent_contact_at", "language"])
            audit_log(actor=None, verb="capsules.learner_preferences", obj=current, after=changes)
    learner.consent_contact = current.consent_contact
    learner.language = current.language


def learner_for_merchant(*, user) -> Learner:
    """The merchant's learner profile (created at their first quiz); it counts for their
    business."""
    if not records_progress_with_account(user):
        raise PermissionDenied
    existing = Learner.objects.filter(user=user).first()
    if existing is not None:
        return existing
    from virage.enterprises.selectors import business_for_merchant

    business = business_for_merchant(user=user)
    key = rules.merchant_business_key(business.pk) if business else f"u:{user.pk}"
    now = timezone.now()
    learner, _created = Learner.objects.get_or_create(
        user=user,
        defaults={
            "business": business,
            "region": business.region if business else None,
            "language": user.language,
            "business_key": key,
            "confirmed_at": now,
            "details_changed_at": now,
        },
    )
    return learner


# --- Quiz attempts, completion, reach, certificates ----------------------------------------


@dataclass
class QuizOutcome:
    result: QuizResult
    recorded: bool = False
    newly_completed: bool = False
    progress: CapsuleProgress | None = None
    certificates: list[PathCertificate] = field(default_factory=list)


def quiz_keys(*, capsule: Capsule) -> list[QuestionKey]:
    """The quiz as plain data for scoring (uses prefetched questions and choices if any)."""
    keys = []
    for question in capsule.questions.all():
        choices = list(question.choices.all())
        correct = next((c.pk for c in choices if c.is_correct), None)
        keys.append(
            QuestionKey(
                question_id=question.pk,
                choice_ids=tuple(c.pk for c in choices),
                correct_choice_id=correct if correct is not None else -1,
            )
        )
    return keys


def quiz_submit(
    *,
    capsule: Capsule,
    answers: dict[int, int],
    learner: Learner | None,
    user=None,
    at: datetime | None = None,
) -> QuizOutcome:
    """Score an attempt; with a learner (a light learner, or the merchant `user` whose
    learner profile is created on their first attempt), record it: attempts, best score,
    completion (first pass), the business's reach (first completion of the business) and any
    certificate the completion earns. Re-submitting is safe: one progress row per learner and
    capsule."""
    result = score_quiz(quiz_keys(capsule=capsule), answers, capsule.pass_mark_percent)
    outcome = QuizOutcome(result=result)
    if learner is None and capsule.is_published and records_progress_with_account(user):
        learner = learner_for_merchant(user=user)
    if learner is None or not capsule.is_published:
        return outcome
    now = at or timezone.now()
    with transaction.atomic():
        progress, _created = CapsuleProgress.objects.get_or_create(
            learner=learner,
            capsule=capsule,
            defaults={"started_at": now, "last_attempt_at": now},
        )
        CapsuleProgress.objects.filter(pk=progress.pk).update(
            attempts=F("attempts") + 1,
            last_attempt_at=now,
            best_score_percent=Greatest(F("best_score_percent"), result.percent),
        )
        if result.passed:
            outcome.newly_completed = bool(
                CapsuleProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
                    passed=True, completed_at=now
                )
            )
        progress.refresh_from_db()
        outcome.progress = progress
        outcome.recorded = True
        if outcome.newly_completed:
            audit_log(
                actor=learner.user,
                verb="capsules.capsule_completed",
                obj=progress,
                after={"capsule": capsule.key, "score": result.percent},
            )
            _reach_record(learner=learner, capsule=capsule, at=now)
            outcome.certificates = _certificates_earned(learner=learner, capsule=capsule, at=now)
    return outcome


def _reach_record(*, learner: Learner, capsule: Capsule, at: datetime) -> None:
    business_id = learner.business_id
    if business_id is None and learner.business_key.startswith("b:"):
        business_id = int(learner.business_key[2:])
    _reach, created = BusinessReach.objects.get_or_create(
        business_key=learner.business_key,
        defaults={
            "business_id": business_id,
            "region_id": learner.region_id,
            "first_completed_at": at,
            "first_capsule": capsule,
        },
    )
    if created:
        _reach_count_add(month=reach_month(at), region_id=learner.region_id)


def reach_month(at: datetime) -> date:
    """The month a first completion counts in: its first day, in local time
    (``settings.TIME_ZONE``), as the reach report shows it."""
    return timezone.localtime(at, timezone.get_default_timezone()).date().replace(day=1)


def _reach_count_add(*, month: date, region_id: int | None) -> None:
    """One more business reached in (month, region), in the caller's transaction: a
    conditional ``UPDATE … SET businesses = businesses + 1``, or the row's creation; when two
    transactions create the row at once, the loser's insert fails on the unique constraint and
    it adds 1 to the winner's row."""
    row = ReachCount.objects.filter(month=month, region_id=region_id)
    if row.update(businesses=F("businesses") + 1):
        return
    try:
        with transaction.atomic():
            ReachCount.objects.create(month=month, region_id=region_id, businesses=1)
    except IntegrityError:
        row.update(businesses=F("businesses") + 1)


def reach_counts_from_rows(rows) -> dict[tuple, int]:
    """{(month, region id): businesses} from (first_completed_at, region_id) pairs."""
    counts: dict[tuple, int] = {}
    for first_completed_at, region_id in rows:
        key = (reach_month(first_completed_at), region_id)
        counts[key] = counts.get(key, 0) + 1
    return counts


def rebuild_reach_counts() -> int:
    """Recompute the reach counters (`ReachCount`) from the `BusinessReach` rows; returns the
    number of businesses reached. Idempotent; run it after any import that writes
    `BusinessReach` rows without `quiz_submit` (``manage.py rebuild_reach_counts``)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # no business reached while counting (SQLite writes one transaction at a time)
            with connection.cursor() as cursor:
                table = connection.ops.quote_name(BusinessReach._meta.db_table)
                cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        rows = BusinessReach.objects.order_by().values_list("first_completed_at", "region_id")
        counts = reach_counts_from_rows(rows.iterator(chunk_size=5000))
        ReachCount.objects.all().delete()
        ReachCount.objects.bulk_create(
            [
                ReachCount(month=month, region_id=region_id, businesses=n)
                for (month, region_id), n in sorted(
                    counts.items(), key=lambda item: (item[0][0], item[0][1] or 0)
                )
            ],
            batch_size=500,
        )
    return sum(counts.values())


def _new_certificate_code() -> str:
    raw = "".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _certificates_earned(*, learner: Learner, capsule: Capsule, at: datetime):
    paths = LearningPath.objects.filter(is_published=True, steps__capsule=capsule).distinct()
    issued = []
    for path in paths:
        required = set(
            path.steps.filter(capsule__status=Capsule.Status.PUBLISHED).values_list(
                "capsule_id", flat=True
            )
        )
        passed = set(
            CapsuleProgress.objects.filter(
                learner=learner, capsule_id__in=required, passed=True
            ).values_list("capsule_id", flat=True)
        )
        if not required or required - passed:
            continue
        certificate = certificate_issue(learner=learner, path=path, at=at)
        if certificate is not None:
            issued.append(certificate)
    return issued


def certificate_issue(*, learner: Learner, path: LearningPath, at: datetime | None = None):
    """Issue the path's certificate once (None when it already exists) and e-mail it."""
    if PathCertificate.objects.filter(learner=learner, path=path).exists():
        return None
    user = learner.user
    language = user.language if user is not None else learner.language
    certificate = None
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = PathCertificate.objects.create(
                    learner=learner,
                    path=path,
                    code=_new_certificate_code(),
                    issued_at=at or timezone.now(),
                    language=language,
                    business_name=learner.display_business_name,
                    holder_name=user.get_full_name() if user is not None else "",
                )
            break
        except IntegrityError:
            if PathCertificate.objects.filter(learner=learner, path=path).exists():
                return None
    if certificate is None:
        return None
    audit_log(
        actor=user,
        verb="capsules.certificate_issued",
        obj=certificate,
        after={"path": path.key},
    )
    with translation.override(language):
        path_title = localized(path, "title", language)
        certificate_path = reverse("capsules:certificate", kwargs={"code": certificate.code})
        verify_path = reverse("capsules:verify_code", kwargs={"code": certificate.code})
    email_queue(
        key=f"capsules-certificate:{certificate.pk}",
        to=user.email if user is not None else learner.email,
        template="capsules/certificate_issued",
        context={
            "path_title": path_title,
            "certificate_url": f"{settings.VIRAGE_SITE_URL}{certificate_path}",
            "verify_url": f"{settings.VIRAGE_SITE_URL}{verify_path}",
            "code": certificate.code,
        },
        language=language,
    )
    return certificate


def _absolute(url_name: str, language: str) -> str:
    with translation.override(language):
        return f"{settings.VIRAGE_SITE_URL}{reverse(url_name)}"
