"""Writes on the callback list, intake waves and invitations.

Lifetimes and limits (documented in docs/callback-import.md, "Operations"):

- confirmation link: random token, only its SHA-256 is stored; single use; expires after
  `CONFIRMATION_LIFETIME` (72 h). Signing up again with the same address sends a fresh one.
- status link: the entry's public id signed with the secret key; valid while the entry lives.
- duplicate sign-up (same e-mail or NEQ): the visitor sees the same neutral page; the address
  already on the list gets at most one notice per `NOTICE_INTERVAL` (a fresh confirmation link
  if it is not confirmed yet, otherwise "you are already on the list" with its status link);
  the visitor's address, when it differs, gets nothing.
- unconfirmed entries are erased `UNCONFIRMED_RETENTION` (30 days) after their link expired.
- invitations expire after the wave's `invitation_days`; a reminder goes `reminder_days`
  before; expiry puts the entry back in the queue (same position) and frees the place.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connections, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from virage.core.services import audit_log, email_queue
from virage.enterprises.eligibility import EligibilityFacts, evaluate

from . import importing, rules
from .models import (
    CallbackConsent,
    CallbackEntry,
    CallbackImport,
    ConsentPurpose,
    EntryStatus,
    IntakeWave,
    Invitation,
    InvitationStatus,
    ReferralCode,
    Source,
    WaveQuota,
)
from .permissions import can_manage_intake

logger = logging.getLogger(__name__)

CONFIRMATION_LIFETIME = timedelta(hours=72)
NOTICE_INTERVAL = timedelta(hours=1)
UNCONFIRMED_RETENTION = timedelta(days=30)
STATUS_SALT = "virage.waitlist.status"
# Bump when the wording of the consent boxes (forms.SignupForm) changes.
CONSENT_TEXT_VERSION = "callback-2026.1"
REFERRAL_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
IMPORT_BATCH_SIZE = 1000


# --- links ---------------------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _absolute(url_name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        path = reverse(url_name, kwargs=kwargs)
    return f"{settings.VIRAGE_SITE_URL}{path}"


def status_token(entry: CallbackEntry) -> str:
    return signing.Signer(salt=STATUS_SALT).sign(str(entry.public_id))


def status_url(entry: CallbackEntry, language: str | None = None) -> str:
    return _absolute("waitlist:status", language or entry.language, token=status_token(entry))


def confirm_url(token: str, language: str) -> str:
    return _absolute("waitlist:confirm", language, token=token)


def apply_url(invitation: Invitation) -> str:
    """The personal application link (enterprises app) in the invitee's language."""
    return _absolute("enterprises:apply", invitation.language, token=invitation.token)


def _require_admin(actor) -> None:
    if actor is not None and not can_manage_intake(actor):
        raise PermissionDenied


# --- eligibility at sign-up ----------------------------------------------------------------


def _criteria():
    from .selectors import eligibility_criteria

    return eligibility_criteria()


def eligibility_of(*, criteria, subsector_code, employees, postal_code, region_code, neq=None):
    """The indicative eligibility of what a visitor typed (pure rules of the enterprises app)."""
    facts = EligibilityFacts(
        subsector_code=subsector_code or None,
        employees=employees,
        postal_codes=(postal_code,) if postal_code else (),
        region_codes=(region_code,) if region_code else (),
        neq=neq or None,
    )
    return evaluate(facts, criteria)


# --- sign-up, confirmation, withdrawal -----------------------------------------------------


@dataclass
class SignupResult:
    """What happened; the view shows the same neutral page whatever it is."""

    created: bool
    entry: CallbackEntry | None = None
    confirmation_token: str = ""


def _partner_for_code(code: str | None):
    if not code:
        return None
    referral = (
        ReferralCode.objects.select_related("partner")
        .filter(code=code, partner__role="partner", partner__is_active=True)
        .first()
    )
    return referral.partner if referral else None


def callback_signup(
    *, data: dict, language: str, referral_code: str | None = None, criteria=None
) -> SignupResult:
    """A visitor joins the callback list (cleaned data of forms.SignupForm).

    Creates the entry and one consent record per ticked purpose, and e-mails a single-use
    confirmation link. A duplicate (same e-mail or NEQ, even submitted at the same instant:
    the database's unique constraints decide) creates nothing and is told nothing; see the
    module docstring for the notice the existing address may get."""
    if not data.get("consent_contact"):
        raise ValidationError(
            {"consent_contact": _("You must agree to be contacted about the program to join.")}
        )
    email = rules.normalize_email(data["email"])
    neq = rules.normalize_neq(data.get("neq")) or None
    region = data["region"]
    subsector = data.get("subsector")
    result = eligibility_of(
        criteria=criteria or _criteria(),
        subsector_code=subsector.code if subsector else None,
        employees=data.get("employees"),
        postal_code=data["postal_code"],
        region_code=region.code,
        neq=neq,
    )
    partner = _partner_for_code(referral_code)
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        try:
            with transaction.atomic():
                entry = CallbackEntry.objects.create(
                    business_name=data["business_name"].strip(),
                    contact_name=data["contact_name"].strip(),
                    email=email,
                    phone=(data.get("phone") or "").strip(),
                    postal_code=rules.normalize_postal_code(data["postal_code"]),
                    region=region,
                    subsector=subsector,
                    employees=data.get("employees"),
                    locations_count=data.get("locations_count") or 1,
                    neq=neq,
                    language=language,
                    status=EntryStatus.UNCONFIRMED,
                    source=Source.WEB,
                    signed_up_at=now,
                    confirmation_token_hash=_hash(token),
                    confirmation_expires_at=now + CONFIRMATION_LIFETIME,
                    last_notice_at=now,
                    referral_partner=partner,
                    eligibility_outcome=result.outcome,
                    eligibility_reasons=result.codes(),
                )
                purposes = [ConsentPurpose.CONTACT]
                if data.get("consent_newsletter"):
                    purposes.append(ConsentPurpose.NEWSLETTER)
                if data.get("consent_research"):
                    purposes.append(ConsentPurpose.RESEARCH)
                CallbackConsent.objects.bulk_create(
                    CallbackConsent(
                        entry=entry,
                        purpose=purpose,
                        text_version=CONSENT_TEXT_VERSION,
                        language=language,
                        source=Source.WEB,
                        given_at=now,
                    )
                    for purpose in purposes
                )
        except IntegrityError:
            _notify_existing(email=email, neq=neq, now=now)
            return SignupResult(created=False)
        audit_log(
            actor=None,
            verb="waitlist.signed_up",
            obj=entry,
            after={"source": Source.WEB, "referred": partner is not None},
        )
        _send_confirmation(entry, token)
    return SignupResult(created=True, entry=entry, confirmation_token=token)


def _send_confirmation(entry: CallbackEntry, token: str) -> None:
    email_queue(
        key=f"waitlist-confirm:{entry.pk}:{_hash(token)[:16]}",
        to=entry.email,
        template="waitlist/confirm",
        context={
            "contact_name": entry.contact_name,
            "business_name": entry.business_name,
            "confirm_url": confirm_url(token, entry.language),
            "hours": int(CONFIRMATION_LIFETIME.total_seconds() // 3600),
        },
        language=entry.language,
    )


def _notify_existing(*, email: str, neq: str | None, now) -> None:
    """Someone signed up again with an e-mail or NEQ already on the list: tell the address
    on the list (at most once per NOTICE_INTERVAL), never the visitor."""
    existing = CallbackEntry.objects.filter(email=email).first()
    same_email = existing is not None
    if existing is None and neq:
        existing = CallbackEntry.objects.filter(neq=neq).first()
    if existing is None or existing.status == EntryStatus.WITHDRAWN:
        return
    claimed = (
        CallbackEntry.objects.filter(pk=existing.pk)
        .filter(Q(last_notice_at__isnull=True) | Q(last_notice_at__lt=now - NOTICE_INTERVAL))
        .update(last_notice_at=now)
    )
    if not claimed:
        return
    if existing.status == EntryStatus.UNCONFIRMED:
        token = secrets.token_urlsafe(32)
        CallbackEntry.objects.filter(pk=existing.pk).update(
            confirmation_token_hash=_hash(token),
            confirmation_expires_at=now + CONFIRMATION_LIFETIME,
        )
        _send_confirmation(existing, token)
        return
    email_queue(
        key=f"waitlist-notice:{existing.pk}:{now:%Y%m%d%H%M%S}",
        to=existing.email,
        template="waitlist/already_listed",
        context={
            "contact_name": existing.contact_name,
            "business_name": existing.business_name,
            "same_email": same_email,
            "status_url": status_url(existing),
        },
        language=existing.language,
    )


def callback_confirm(*, token: str) -> CallbackEntry | None:
    """Use a confirmation link: the entry joins the queue. None when the link is unknown,
    already used or expired (the page then explains how to get a new one)."""
    if not token:
        return None
    now = timezone.now()
    with transaction.atomic():
        entry = (
            CallbackEntry.objects.select_for_update()
            .filter(confirmation_token_hash=_hash(token), status=EntryStatus.UNCONFIRMED)
            .first()
        )
        if entry is None or entry.confirmation_expires_at is None:
            return None
        if entry.confirmation_expires_at <= now:
            return None
        entry.status = EntryStatus.WAITING
        entry.confirmed_at = now
        entry.confirmation_token_hash = ""
        entry.confirmation_expires_at = None
        entry.save(
            update_fields=[
                "status",
                "confirmed_at",
                "confirmation_token_hash",
                "confirmation_expires_at",
                "updated_at",
            ]
        )
        audit_log(
            actor=None,
            verb="waitlist.confirmed",
            obj=entry,
            before={"status": EntryStatus.UNCONFIRMED},
            after={"status": EntryStatus.WAITING},
        )
        email_queue(
            key=f"waitlist-confirmed:{entry.pk}",
            to=entry.email,
            template="waitlist/confirmed",
            context={
                "contact_name": entry.contact_name,
                "business_name": entry.business_name,
                "status_url": status_url(entry),
            },
            language=entry.language,
        )
    return entry


def callback_withdraw(*, entry: CallbackEntry, actor=None, reason: str = "") -> CallbackEntry:
    """The person leaves the callback list (from their status page, `actor` None) or a
    program admin removes the entry at the person's request (`actor`, with an optional
    `reason` kept in the audit trail). Contact details are erased (the address may join again
    later), consents are marked withdrawn, a pending invitation is cancelled and its place
    freed. Atomic and idempotent: an entry already withdrawn is returned unchanged, with no
    second audit event. An entry whose application has started is handled by the program
    team in the application, not here."""
    _require_admin(actor)
    now = timezone.now()
    with transaction.atomic():
        locked = CallbackEntry.objects.select_for_update().filter(pk=entry.pk).first()
        if locked is None:  # erased meanwhile (unconfirmed sign-ups are purged)
            raise ValidationError(_("This entry is no longer on the callback list."))
        if locked.status == EntryStatus.WITHDRAWN:
            return locked
        if locked.status == EntryStatus.APPLIED:
            if actor is None:
                message = _(
                    "Your application has started: contact the program team to withdraw it."
                )
            else:
                message = _(
                    "This business has applied: its entry can no longer be withdrawn from the "
                    "callback list. Handle the request in its application."
                )
            raise ValidationError(message)
        before = locked.status
        cancelled = Invitation.objects.filter(entry=locked, status=InvitationStatus.SENT).update(
            status=InvitationStatus.CANCELLED, ended_at=now
        )
        CallbackConsent.objects.filter(entry=locked, withdrawn_at__isnull=True).update(
            withdrawn_at=now
        )
        locked.status = EntryStatus.WITHDRAWN
        locked.business_name = "—"
        locked.contact_name = ""
        locked.email = f"withdrawn-{locked.public_id}@invalid.example"
        locked.phone = ""
        locked.neq = None
        locked.postal_code = locked.postal_code[:3]
        locked.confirmation_token_hash = ""
        locked.confirmation_expires_at = None
        locked.save()
        audit_log(
            actor=actor,
            verb="waitlist.withdrawn",
            obj=locked,
            before={"status": before},
            after={"status": EntryStatus.WITHDRAWN, "invitations_cancelled": cancelled},
            reason=(reason or "").strip(),
        )
    return locked


def callback_unconfirmed_purge(*, now=None) -> int:
    """Erase sign-ups never confirmed, `UNCONFIRMED_RETENTION` after their link expired."""
    now = now or timezone.now()
    with transaction.atomic():
        _total, detail = CallbackEntry.objects.filter(
            status=EntryStatus.UNCONFIRMED,
            confirmation_expires_at__lt=now - UNCONFIRMED_RETENTION,
        ).delete()
    count = detail.get("waitlist.CallbackEntry", 0)
    if count:
        logger.info("waitlist: erased %s unconfirmed sign-ups", count)
    return count


# --- referrals -----------------------------------------------------------------------------


def referral_code_ensure(*, partner) -> ReferralCode:
    """The partner's referral code, created the first time (idempotent)."""
    if partner is None or partner.role != "partner":
        raise PermissionDenied
    existing = ReferralCode.objects.filter(partner=partner).first()
    if existing is not None:
        return existing
    for _attempt in range(5):
        code = "".join(secrets.choice(REFERRAL_ALPHABET) for _i in range(8))
        try:
            with transaction.atomic():
                return ReferralCode.objects.create(partner=partner, code=code)
        except IntegrityError:
            existing = ReferralCode.objects.filter(partner=partner).first()
            if existing is not None:
                return existing
    raise RuntimeError("could not allocate a referral code")


# --- intake waves and invitations ----------------------------------------------------------


def wave_create(
    *,
    actor,
    name: str,
    places: int,
    invitation_days: int = 14,
    reminder_days: int = 3,
    quotas: dict | None = None,
) -> IntakeWave:
    """Open a wave with `places` places; `quotas` maps a Region to its maximum places."""
    if not can_manage_intake(actor):
        raise PermissionDenied
    errors = {}
    if places < 1:
        errors["places"] = _("A wave has at least one place.")
    if invitation_days < 1:
        errors["invitation_days"] = _("An invitation is valid for at least one day.")
    elif reminder_days >= invitation_days:
        errors["reminder_days"] = _("The reminder must come before the invitation expires.")
    quotas = {region: n for region, n in (quotas or {}).items() if n is not None}
    if any(n > places for n in quotas.values()):
        errors["quotas"] = _("A regional quota cannot exceed the wave's places.")
    if IntakeWave.objects.filter(name__iexact=name.strip()).exists():
        errors["name"] = _("Another wave already has this name.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        wave = IntakeWave.objects.create(
            name=name.strip(),
            places=places,
            invitation_days=invitation_days,
            reminder_days=reminder_days,
            created_by=actor,
        )
        WaveQuota.objects.bulk_create(
            WaveQuota(wave=wave, region=region, places=n) for region, n in quotas.items()
        )
        audit_log(
            actor=actor,
            verb="waitlist.wave_created",
            obj=wave,
            after={
                "places": places,
                "invitation_days": invitation_days,
                "reminder_days": reminder_days,
                "quotas": {region.code: n for region, n in sorted(quotas.items(), key=str)},
            },
        )
    return wave


def wave_close(*, wave: IntakeWave, actor) -> IntakeWave:
    """No more invitations from this wave; those already sent stay valid."""
    if not can_manage_intake(actor):
        raise PermissionDenied
    with transaction.atomic():
        locked = IntakeWave.objects.select_for_update().get(pk=wave.pk)
        if locked.status == IntakeWave.Status.CLOSED:
            return locked
        locked.status = IntakeWave.Status.CLOSED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "closed_at"])
        audit_log(
            actor=actor,
            verb="waitlist.wave_closed",
            obj=locked,
            before={"status": IntakeWave.Status.OPEN},
            after={"status": IntakeWave.Status.CLOSED},
        )
    return locked


def wave_send(*, wave: IntakeWave, actor) -> None:
    """Ask for the wave's free places to be filled: invitations go out in a task."""
    if not can_manage_intake(actor):
        raise PermissionDenied
    if wave.status != IntakeWave.Status.OPEN:
        raise ValidationError(_("This wave is closed: it sends no more invitations."))
    from .tasks import wave_send_invitations_task

    with transaction.atomic():
        audit_log(actor=actor, verb="waitlist.wave_send_requested", obj=wave)
        wave_id, actor_id = wave.pk, actor.pk
        transaction.on_commit(
            lambda: wave_send_invitations_task.enqueue(wave_id=wave_id, actor_id=actor_id)
        )


def _lock_intake() -> None:
    """Serialise invitation sending across all waves (one entry, one live invitation)."""
    list(IntakeWave.objects.select_for_update().order_by("pk").values_list("pk", flat=True))


def wave_send_invitations(*, wave: IntakeWave, actor=None) -> int:
    """Fill the wave's free places: invite the next confirmed entries in the queue (first
    come, first served, regional caps respected), e-mail each a personal link. Entries
    already invited by this wave once (and whose invitation expired) are skipped: they keep
    their place in the queue for the next wave. Idempotent: a full wave invites nobody."""
    _require_admin(actor)
    from .selectors import wave_candidates, wave_free_places

    now = timezone.now()
    with transaction.atomic():
        _lock_intake()
        wave = IntakeWave.objects.get(pk=wave.pk)
        if wave.status != IntakeWave.Status.OPEN:
            return 0
        free, region_free = wave_free_places(wave)
        chosen = rules.select_invitees(
            wave_candidates(wave), free_places=free, region_free=region_free
        )
        if not chosen:
            return 0
        locked = set(
            CallbackEntry.objects.select_for_update()
            .filter(pk__in=chosen, status=EntryStatus.WAITING)
            .values_list("pk", flat=True)
        )
        entries = [
            e for e in CallbackEntry.objects.filter(pk__in=locked).order_by("signed_up_at", "id")
        ]
        expires_at = now + timedelta(days=wave.invitation_days)
        invitations = Invitation.objects.bulk_create(
            Invitation(
                wave=wave,
                entry=entry,
                token=secrets.token_urlsafe(32),
                language=entry.language,
                sent_at=now,
                expires_at=expires_at,
                remind_at=expires_at - timedelta(days=wave.reminder_days),
            )
            for entry in entries
        )
        CallbackEntry.objects.filter(pk__in=locked).update(
            status=EntryStatus.INVITED, updated_at=now
        )
        for invitation, entry in zip(invitations, entries, strict=True):
            invitation.entry = entry
            audit_log(
                actor=actor,
                verb="waitlist.invitation_sent",
                obj=invitation,
                after={"wave": wave.pk, "entry": entry.pk, "expires_at": expires_at.isoformat()},
            )
            _send_invitation_email(invitation, "waitlist/invitation")
        wave.last_sent_at = now
        wave.save(update_fields=["last_sent_at"])
        audit_log(actor=actor, verb="waitlist.wave_sent", obj=wave, after={"invited": len(entries)})
    return len(entries)


def _send_invitation_email(invitation: Invitation, template: str) -> None:
    entry = invitation.entry
    email_queue(
        key=f"{template.replace('/', '-')}:{invitation.pk}",
        to=entry.email,
        template=template,
        context={
            "contact_name": entry.contact_name,
            "business_name": entry.business_name,
            "apply_url": apply_url(invitation),
            "status_url": status_url(entry, invitation.language),
            "expires_at": invitation.expires_at,
        },
        language=invitation.language,
    )


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation behind an application link when it can still be used (sent, not
    expired, not accepted, not cancelled); None otherwise."""
    if not token:
        return None
    return (
        Invitation.objects.select_related("entry", "entry__region", "entry__subsector", "wave")
        .filter(token=token, status=InvitationStatus.SENT, expires_at__gt=timezone.now())
        .first()
    )


def invitation_accept(*, invitation: Invitation, business, actor) -> Invitation:
    """The invited merchant's application has started (the enterprises app created
    `business`): the invitation is used, the entry leaves the queue. The token is the
    permission: only its holder reaches this. Refused once used or expired."""
    now = timezone.now()
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status != InvitationStatus.SENT or locked.expires_at <= now:
            raise ValidationError(
                _("This invitation can no longer be used: it was already used or it expired.")
            )
        locked.status = InvitationStatus.ACCEPTED
        locked.accepted_at = now
        locked.business = business
        locked.save(update_fields=["status", "accepted_at", "business"])
        CallbackEntry.objects.filter(pk=locked.entry_id).update(
            status=EntryStatus.APPLIED, updated_at=now
        )
        audit_log(
            actor=actor,
            verb="waitlist.invitation_accepted",
            obj=locked,
            before={"status": InvitationStatus.SENT},
            after={"status": InvitationStatus.ACCEPTED, "business": business.pk},
        )
    return locked


def invitation_send_reminders(*, now=None) -> int:
    """Remind invitees whose link expires soon (once each)."""
    now = now or timezone.now()
    due = list(
        Invitation.objects.select_related("entry")
        .filter(
            status=InvitationStatus.SENT,
            reminded_at__isnull=True,
            remind_at__lte=now,
            expires_at__gt=now,
        )
        .order_by("pk")
    )
    sent = 0
    for invitation in due:
        with transaction.atomic():
            claimed = Invitation.objects.filter(
                pk=invitation.pk, status=InvitationStatus.SENT, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                _send_invitation_email(invitation, "waitlist/invitation_reminder")
                audit_log(actor=None, verb="waitlist.invitation_reminded", obj=invitation)
                sent += 1
    return sent


def invitation_expire_due(*, now=None) -> int:
    """Expire unused invitations past their date: the entry goes back to its place in the
    queue and the wave's place is free again."""
    now = now or timezone.now()
    due = list(
        Invitation.objects.select_related("entry")
        .filter(status=InvitationStatus.SENT, expires_at__lte=now)
        .order_by("pk")
    )
    expired = 0
    for invitation in due:
        with transaction.atomic():
            claimed = Invitation.objects.filter(
                pk=invitation.pk, status=InvitationStatus.SENT
            ).update(status=InvitationStatus.EXPIRED, ended_at=now)
            if not claimed:
                continue
            CallbackEntry.objects.filter(pk=invitation.entry_id, status=EntryStatus.INVITED).update(
                status=EntryStatus.WAITING, updated_at=now
            )
            audit_log(
                actor=None,
                verb="waitlist.invitation_expired",
                obj=invitation,
                before={"status": InvitationStatus.SENT},
                after={"status": InvitationStatus.EXPIRED},
            )
            entry = invitation.entry
            email_queue(
                key=f"waitlist-invitation-expired:{invitation.pk}",
                to=entry.email,
                template="waitlist/invitation_expired",
                context={
                    "contact_name": entry.contact_name,
                    "business_name": entry.business_name,
                    "status_url": status_url(entry, invitation.language),
                },
                language=invitation.language,
            )
            expired += 1
    return expired


def intake_housekeeping(*, now=None) -> dict[str, int]:
    """Scheduled work, safe to run as often as wanted (cron: `manage.py intake_housekeeping`)."""
    now = now or timezone.now()
    return {
        "reminded": invitation_send_reminders(now=now),
        "expired": invitation_expire_due(now=now),
        "purged": callback_unconfirmed_purge(now=now),
    }


# --- import of the existing callback list --------------------------------------------------


def _import_plan(text: str, *, now):
    from virage.programs.models import Region, Subsector

    regions = {}
    for region in Region.objects.all():
        value = (region.pk, region.code)
        for key in (region.code, region.code.lstrip("0"), region.name_fr, region.name_en):
            if key:
                regions[rules.fold(key)] = value
    subsectors = dict(Subsector.objects.values_list("code", "pk"))
    read = importing.read_csv(
        text,
        regions=regions,
        subsectors=subsectors,
        tz=timezone.get_default_timezone(),
        now=now,
    )
    existing_emails, existing_neqs = {}, {}
    movable = {EntryStatus.UNCONFIRMED, EntryStatus.WAITING}
    rows = CallbackEntry.objects.values_list("pk", "email", "neq", "signed_up_at", "status")
    for pk, email, neq, signed_up_at, status in rows.iterator(chunk_size=5000):
        value = (pk, signed_up_at, status in movable)
        existing_emails[email.lower()] = value
        if neq:
            existing_neqs[neq] = value
    return importing.plan_import(read, existing_emails=existing_emails, existing_neqs=existing_neqs)


def _store_plan(batch: CallbackImport, plan) -> None:
    batch.rows_total = plan.rows_total
    batch.to_create = len(plan.create)
    batch.duplicates = len(plan.duplicates)
    batch.invalid = len(plan.invalid)
    batch.moved_earlier = len(plan.move_earlier)
    batch.report = plan.report()


def callback_import_check(*, filename: str, content: bytes, actor, criteria=None) -> CallbackImport:
    """Dry run: read the file and report what an import would do; nothing is imported."""
    _require_admin(actor)
    text = importing.decode(content)
    plan = _import_plan(text, now=timezone.now())
    with transaction.atomic():
        batch = CallbackImport(
            filename=filename[:255],
            sha256=hashlib.sha256(content).hexdigest(),
            content=text,
            uploaded_by=actor,
        )
        _store_plan(batch, plan)
        batch.save()
        audit_log(
            actor=actor,
            verb="waitlist.import_checked",
            obj=batch,
            after={
                "rows": batch.rows_total,
                "to_create": batch.to_create,
                "duplicates": batch.duplicates,
                "invalid": batch.invalid,
            },
        )
    return batch


def callback_import_queue(*, batch: CallbackImport, actor) -> CallbackImport:
    """The admin confirms a checked import: it runs in a task (see the import's page)."""
    if not can_manage_intake(actor):
        raise PermissionDenied
    from .tasks import callback_import_apply_task

    with transaction.atomic():
        locked = CallbackImport.objects.select_for_update().get(pk=batch.pk)
        if locked.status not in (CallbackImport.Status.CHECKED, CallbackImport.Status.FAILED):
            return locked
        locked.status = CallbackImport.Status.QUEUED
        locked.error = ""
        locked.save(update_fields=["status", "error"])
        batch_id, actor_id = locked.pk, actor.pk
        transaction.on_commit(
            lambda: callback_import_apply_task.enqueue(import_id=batch_id, actor_id=actor_id)
        )
    return locked


def callback_import_apply(*, batch: CallbackImport, actor, criteria=None) -> CallbackImport:
    """Import the checked file, all or nothing. The file is read again against the list as it
    is now, so rows that became duplicates since the dry run are skipped; applying the same
    file twice (or the same import twice) creates nothing the second time."""
    _require_admin(actor)
    now = timezone.now()
    try:
        with transaction.atomic():
            locked = CallbackImport.objects.select_for_update().get(pk=batch.pk)
            if locked.status == CallbackImport.Status.APPLIED:
                return locked
            plan = _import_plan(locked.content, now=now)
            created = _create_rows(plan, batch=locked, criteria=criteria or _criteria(), now=now)
            if plan.move_earlier:
                CallbackEntry.objects.bulk_update(
                    [
                        CallbackEntry(pk=pk, signed_up_at=when)
                        for pk, when in plan.move_earlier.items()
                    ],
                    ["signed_up_at"],
                    batch_size=IMPORT_BATCH_SIZE,
                )
            _store_plan(locked, plan)
            locked.created = created
            locked.status = CallbackImport.Status.APPLIED
            locked.applied_at = now
            locked.content = ""
            locked.error = ""
            locked.save()
            audit_log(
                actor=actor,
                verb="waitlist.import_applied",
                obj=locked,
                after={
                    "created": created,
                    "duplicates": locked.duplicates,
                    "invalid": locked.invalid,
                    "moved_earlier": locked.moved_earlier,
                },
            )
    except IntegrityError:
        CallbackImport.objects.filter(pk=batch.pk).update(
            status=CallbackImport.Status.FAILED,
            error=_(
                "A sign-up with the same e-mail or NEQ arrived during the import; nothing was "
                "imported. Run the import again."
            )[:300],
        )
        locked = CallbackImport.objects.get(pk=batch.pk)
    return locked


_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)
_PLAIN_VALUES = (str, int, bool, type(None))


def _insert_many(model, objs: list, *, batch_size: int = IMPORT_BATCH_SIZE) -> None:
    """INSERT model instances with one prepared statement per batch (executemany).

    `bulk_create` compiles a statement per ~40 rows on SQLite and spends about half a
    millisecond per row doing so; an import inserts 20,000 rows and more. Values are prepared
    as the ORM prepares them (`pre_save` for automatic dates, `get_db_prep_save` for dates,
    UUIDs, JSON and anything not already a plain str/int/bool/None), so what is stored is
    what `bulk_create` would store."""
    db = connections[CallbackEntry.objects.db]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    auto = [isinstance(f, models.DateField) and (f.auto_now or f.auto_now_add) for f in fields]
    plain = [isinstance(f, _PLAIN_FIELDS) or f.is_relation for f in fields]
    spec = list(zip(fields, auto, plain, strict=True))

    def prepare(obj) -> list:
        values = []
        for field, is_auto, is_plain in spec:
            value = field.pre_save(obj, True) if is_auto else getattr(obj, field.attname)
            if not (is_plain and isinstance(value, _PLAIN_VALUES)):
                value = field.get_db_prep_save(value, db)
            values.append(value)
        return values

    quote = db.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 - identifiers from the model, quoted
    with db.cursor() as cursor:
        for start in range(0, len(objs), batch_size):
            cursor.executemany(sql, [prepare(obj) for obj in objs[start : start + batch_size]])


def _create_rows(plan, *, batch: CallbackImport, criteria, now) -> int:
    """Insert the plan's rows and their consents; returns how many entries were created."""
    outcomes: dict[tuple, object] = {}
    entries = []
    for row in plan.create:
        key = (row.subsector_code, row.employees, row.postal_code, row.region_code)
        result = outcomes.get(key)
        if result is None:
            result = outcomes[key] = eligibility_of(
                criteria=criteria,
                subsector_code=row.subsector_code,
                employees=row.employees,
                postal_code=row.postal_code,
                region_code=row.region_code,
            )
        entries.append(
            CallbackEntry(
                business_name=row.business_name,
                contact_name=row.contact_name,
                email=row.email,
                phone=row.phone,
                postal_code=row.postal_code,
                region_id=row.region_id,
                subsector_id=row.subsector_id,
                employees=row.employees,
                locations_count=row.locations_count,
                neq=row.neq,
                language=row.language,
                status=EntryStatus.WAITING,
                source=Source.IMPORT,
                signed_up_at=row.signed_up_at,
                confirmed_at=now,
                import_batch=batch,
                eligibility_outcome=result.outcome,
                eligibility_reasons=result.codes(),
            )
        )
    _insert_many(CallbackEntry, entries)
    ids = dict(CallbackEntry.objects.filter(import_batch=batch).values_list("email", "pk"))
    consents = []
    for row in plan.create:
        purposes = [ConsentPurpose.CONTACT]
        if row.consent_newsletter:
            purposes.append(ConsentPurpose.NEWSLETTER)
        if row.consent_research:
            purposes.append(ConsentPurpose.RESEARCH)
        consents.extend(
            CallbackConsent(
                entry_id=ids[row.email],
                purpose=purpose,
                text_version=row.consent_version,
                language=row.language,
                source=Source.IMPORT,
                given_at=row.signed_up_at,
            )
            for purpose in purposes
        )
    _insert_many(CallbackConsent, consents)
    return len(entries)


def callback_export_audit(*, actor, filters: dict, count: int) -> None:
    """Record that an admin downloaded the callback list (personal data leaves the app)."""
    if not can_manage_intake(actor):
        raise PermissionDenied
    audit_log(
        actor=actor,
        verb="waitlist.exported",
        obj=actor,
        after={"filters": filters, "rows": count},
    )
