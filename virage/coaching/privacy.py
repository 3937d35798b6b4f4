"""Coaching's part of a person's data export and erasure (Law 25), plugged into
`virage.privacy.registry` in apps.py.

A merchant's export holds the coaching of the businesses they act for: their advisor's name,
meetings (agenda, topics, next steps, linked plan actions) and the allowance; never the
advisor's private notes. An advisor's export holds their profile and the meetings they held,
without the private notes (written about merchants, not about the advisor)."""

from __future__ import annotations

from virage.enterprises.models import Business

from .models import AdvisorAssignment, AdvisorProfile, AllowanceExtension, Meeting
from .selectors import allowance_for, merchant_meetings


def export_person(user) -> dict[str, list[dict]]:
    if user.role == "merchant":
        return _export_merchant(user)
    if user.role == "advisor":
        return _export_advisor(user)
    return {}


def _export_merchant(user) -> dict[str, list[dict]]:
    businesses = list(Business.objects.filter(members__user=user).select_related("advisor"))
    meetings, allowances, advisors = [], [], []
    for business in businesses:
        for m in merchant_meetings(business=business):
            meetings.append(
                {
                    "business": business.name,
                    "starts_at": m.starts_at,
                    "minutes": m.minutes,
                    "mode": m.mode,
                    "location": m.location,
                    "agenda": m.agenda,
                    "status": m.status,
                    "topics": m.topics,
                    "next_steps": m.next_steps,
                    "plan_actions": ", ".join(m.plan_actions),
                    "advisor": m.advisor_name,
                }
            )
        current = allowance_for(business=business)
        allowances.append(
            {
                "business": business.name,
                "package_minutes": current.allowed,
                "extension_minutes": current.extended,
                "used_minutes": current.used,
                "remaining_minutes": current.remaining,
            }
        )
        for row in AdvisorAssignment.objects.filter(business=business).select_related("advisor"):
            advisors.append(
                {
                    "business": business.name,
                    "advisor": row.advisor.get_full_name(),
                    "kind": row.kind,
                    "date": row.created_at,
                }
            )
    return {
        "coaching_meetings": meetings,
        "coaching_allowance": allowances,
        "coaching_advisors": advisors,
    }


def _export_advisor(user) -> dict[str, list[dict]]:
    profile = (
        AdvisorProfile.objects.filter(user=user).prefetch_related("regions", "subsectors").first()
    )
    profiles = []
    if profile is not None:
        profiles.append(
            {
                "regions": ", ".join(r.code for r in profile.regions.all()),
                "languages": ", ".join(profile.languages),
                "subsectors": ", ".join(s.code for s in profile.subsectors.all()),
                "max_caseload": profile.max_caseload,
                "availability": profile.availability,
            }
        )
    meetings = [
        {
            "business": row["business__legal_name"],
            "starts_at": row["starts_at"],
            "status": row["status"],
            "actual_minutes": row["actual_minutes"],
        }
        for row in Meeting.objects.filter(advisor=user)
        .order_by("starts_at", "id")
        .values("business__legal_name", "starts_at", "status", "actual_minutes")
    ]
    return {"advisor_profile": profiles, "coaching_meetings_held": meetings}


ERASED = "—"


def anonymise_person(user, *, actor) -> dict[str, int]:
    """Minutes, dates, modes and statuses stay (hours delivered, funders' reports); free text
    goes. A merchant: once no member of a business is identifiable any more, its meetings'
    where, agenda, topics, next steps and private notes, and the reasons written about it,
    are erased. An advisor: their profile is deleted (meetings keep their minutes)."""
    from virage.enterprises.models import BusinessMember

    touched = {"meetings": 0, "assignments": 0, "extensions": 0, "advisor_profiles": 0}
    ids = list(BusinessMember.objects.filter(user=user).values_list("business_id", flat=True))
    still_identified = set(
        BusinessMember.objects.filter(business_id__in=ids, user__anonymised_at__isnull=True)
        .exclude(user=user)
        .values_list("business_id", flat=True)
    )
    erase = [pk for pk in ids if pk not in still_identified]
    if erase:
        touched["meetings"] = Meeting.objects.filter(business_id__in=erase).update(
            location="", agenda=ERASED, topics="", next_steps="", private_notes=""
        )
        touched["assignments"] = (
            AdvisorAssignment.objects.filter(business_id__in=erase)
            .exclude(reason="")
            .update(reason=ERASED)
        )
        touched["extensions"] = AllowanceExtension.objects.filter(business_id__in=erase).update(
            reason=ERASED
        )
    _total, detail = AdvisorProfile.objects.filter(user=user).delete()
    touched["advisor_profiles"] = detail.get("coaching.AdvisorProfile", 0)
    return touched
