"""Reads of the callback list, scoped by user."""

from __future__ import annotations

from django.core import signing
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from virage.enterprises.eligibility import criteria_from_program
from virage.programs.models import Subsector
from virage.programs.selectors import program_current

from . import rules
from .models import (
    LIVE_INVITATION_STATUSES,
    CallbackConsent,
    CallbackEntry,
    CallbackImport,
    ConsentPurpose,
    EntryStatus,
    IntakeWave,
    Invitation,
    InvitationStatus,
    ReferralCode,
    WaveQuota,
)
from .permissions import can_manage_intake, can_see_referral_counts
from .services import STATUS_SALT, _hash

# --- public pages --------------------------------------------------------------------------


def eligibility_criteria(*, require_neq: bool = False):
    """The program's eligibility rules as data (2 queries: program, subsectors). The public
    check and the sign-up do not ask for the NEQ, so it is not required there."""
    program = program_current()
    return criteria_from_program(program, list(Subsector.objects.all()), require_neq=require_neq)


def confirmation_is_valid(token: str) -> bool:
    if not token:
        return False
    return CallbackEntry.objects.filter(
        confirmation_token_hash=_hash(token),
        status=EntryStatus.UNCONFIRMED,
        confirmation_expires_at__gt=timezone.now(),
    ).exists()


def entry_for_status_token(token: str) -> CallbackEntry | None:
    """The confirmed entry behind a status link, or None (bad signature, unknown entry)."""
    try:
        public_id = signing.Signer(salt=STATUS_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return (
        CallbackEntry.objects.select_related("region")
        .filter(public_id=public_id)
        .exclude(status=EntryStatus.UNCONFIRMED)
        .first()
    )


def queue_position(entry: CallbackEntry) -> tuple[int, int]:
    """(position in the queue, entries waiting) for a waiting entry: one query."""
    ahead = Q(signed_up_at__lt=entry.signed_up_at) | Q(
        signed_up_at=entry.signed_up_at, pk__lt=entry.pk
    )
    counts = CallbackEntry.objects.filter(status=EntryStatus.WAITING).aggregate(
        ahead=Count("pk", filter=ahead), total=Count("pk")
    )
    return counts["ahead"] + 1, counts["total"]


def live_invitation(entry: CallbackEntry) -> Invitation | None:
    return (
        Invitation.objects.filter(entry=entry, status__in=LIVE_INVITATION_STATUSES)
        .order_by("-sent_at")
        .first()
    )


# --- partners ------------------------------------------------------------------------------


def referral_counts(*, partner) -> dict[str, int]:
    """Sign-ups through the partner's link: confirmed, then invited or further (one query)."""
    if not can_see_referral_counts(partner):
        return {"confirmed": 0, "invited": 0}
    return CallbackEntry.objects.filter(referral_partner=partner).aggregate(
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        invited=Count("pk", filter=Q(status__in=[EntryStatus.INVITED, EntryStatus.APPLIED])),
    )


def referral_panel(*, partner, code: ReferralCode) -> dict:
    counts = referral_counts(partner=partner)
    return {
        "code": code.code,
        "confirmed": rules.shown_count(counts["confirmed"]),
        "invited": rules.shown_count(counts["invited"]),
    }


# --- admin ---------------------------------------------------------------------------------


def callback_list(
    *,
    user,
    status: str = "",
    region=None,
    wave=None,
    partner=None,
    q: str = "",
):
    """The callback list in queue order, filtered; each row carries the name of the wave of
    its latest invitation (`wave_name`)."""
    qs = CallbackEntry.objects.visible_to(user)
    if status:
        qs = qs.filter(status=status)
    if region is not None:
        qs = qs.filter(region=region)
    if wave is not None:
        qs = qs.filter(pk__in=Invitation.objects.filter(wave=wave).values("entry_id"))
    if partner is not None:
        qs = qs.filter(referral_partner=partner)
    q = (q or "").strip()
    if q:
        digits = rules.normalize_neq(q)
        match = (
            Q(business_name__icontains=q)
            | Q(contact_name__icontains=q)
            | Q(email__icontains=q)
            | Q(postal_code__icontains=q)
        )
        if digits.isdigit():
            match |= Q(neq__startswith=digits)
        qs = qs.filter(match)
    latest_wave = (
        Invitation.objects.filter(entry=OuterRef("pk"))
        .order_by("-sent_at", "-id")
        .values("wave__name")[:1]
    )
    return (
        qs.select_related("region", "subsector", "referral_partner")
        .annotate(wave_name=Subquery(latest_wave))
        .order_by("signed_up_at", "id")
    )


def entry_consents(entry: CallbackEntry) -> list[CallbackConsent]:
    """The consents an entry gave, given or withdrawn (one query)."""
    return list(entry.consents.order_by("purpose"))


def entry_invitations(entry: CallbackEntry) -> list[Invitation]:
    """An entry's invitations, latest first, with their wave (one query)."""
    return list(entry.invitations.select_related("wave").order_by("-sent_at", "-id"))


def consent_flags() -> dict:
    """Annotations for the export: consents still given, and the contact consent's text
    version (subqueries: the export stays one query)."""

    def given(purpose):
        return Exists(
            CallbackConsent.objects.filter(
                entry=OuterRef("pk"), purpose=purpose, withdrawn_at__isnull=True
            )
        )

    return {
        "has_contact": given(ConsentPurpose.CONTACT),
        "has_newsletter": given(ConsentPurpose.NEWSLETTER),
        "has_research": given(ConsentPurpose.RESEARCH),
        "contact_version": Subquery(
            CallbackConsent.objects.filter(
                entry=OuterRef("pk"), purpose=ConsentPurpose.CONTACT
            ).values("text_version")[:1]
        ),
    }


def callback_summary(*, user) -> dict[str, int]:
    """Entries by status (one query), for the admin's home panel."""
    if not can_manage_intake(user):
        return {}
    return CallbackEntry.objects.aggregate(
        **{s.value: Count("pk", filter=Q(status=s.value)) for s in EntryStatus}
    )


def wave_list(*, user):
    """Waves with their live invitations counted (one query)."""
    live = Q(invitations__status__in=LIVE_INVITATION_STATUSES)
    return IntakeWave.objects.visible_to(user).annotate(
        taken=Count("invitations", filter=live),
        accepted=Count("invitations", filter=Q(invitations__status=InvitationStatus.ACCEPTED)),
    )


def wave_places(wave: IntakeWave) -> dict:
    """Places of a wave (two queries): live invitations by region, regional caps, free places
    in the wave and per capped region."""
    taken = dict(
        Invitation.objects.filter(wave=wave, status__in=LIVE_INVITATION_STATUSES)
        .values_list("entry__region_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    quotas = dict(WaveQuota.objects.filter(wave=wave).values_list("region_id", "places"))
    return {
        "taken_by_region": taken,
        "quotas": quotas,
        "taken": sum(taken.values()),
        "free": max(wave.places - sum(taken.values()), 0),
        "region_free": {rid: max(n - taken.get(rid, 0), 0) for rid, n in quotas.items()},
    }


def wave_free_places(wave: IntakeWave) -> tuple[int, dict[int, int]]:
    """(free places in the wave, {capped region id: free places})."""
    places = wave_places(wave)
    return places["free"], places["region_free"]


def wave_candidates(wave: IntakeWave):
    """(entry id, region id) of confirmed waiting entries in queue order, without those this
    wave already invited once."""
    return (
        CallbackEntry.objects.in_queue()
        .exclude(pk__in=Invitation.objects.filter(wave=wave).values("entry_id"))
        .values_list("pk", "region_id")
        .iterator(chunk_size=2000)
    )


def wave_preview(*, wave: IntakeWave, places: dict | None = None) -> list[CallbackEntry]:
    """Who the next send would invite, in order (the same rule as the send): two queries."""
    if wave.status != IntakeWave.Status.OPEN:
        return []
    places = places or wave_places(wave)
    chosen = rules.select_invitees(
        wave_candidates(wave), free_places=places["free"], region_free=places["region_free"]
    )
    entries = CallbackEntry.objects.select_related("region", "subsector").in_bulk(chosen)
    return [entries[pk] for pk in chosen]


def wave_region_table(places: dict, preview: list[CallbackEntry]) -> list[dict]:
    """Per region: quota, live invitations, invited by the next send (one query)."""
    from virage.programs.models import Region

    upcoming: dict[int, int] = {}
    for entry in preview:
        upcoming[entry.region_id] = upcoming.get(entry.region_id, 0) + 1
    rows = []
    for region in Region.objects.order_by("code"):
        row = {
            "region": region,
            "quota": places["quotas"].get(region.pk),
            "taken": places["taken_by_region"].get(region.pk, 0),
            "next": upcoming.get(region.pk, 0),
        }
        if row["quota"] is not None or row["taken"] or row["next"]:
            rows.append(row)
    return rows


def wave_invitations(*, wave: IntakeWave):
    return (
        Invitation.objects.filter(wave=wave)
        .select_related("entry", "entry__region")
        .order_by("entry__signed_up_at", "entry_id", "-sent_at")
    )


def import_list(*, user):
    if not can_manage_intake(user):
        return CallbackImport.objects.none()
    return CallbackImport.objects.defer("content", "report").select_related("uploaded_by")
