"""Capsules' part of a person's data export and erasure (Law 25), plugged into
`virage.privacy.registry` in apps.py.

The person's learner profile is the one tied to their account (a merchant) or the light
profile signed up with their e-mail address (matched case-insensitively). The export holds
that profile (e-mail, business name, region, kind of business, language, consent to be
contacted about progress and its date, sign-in dates), its progress per capsule and its
certificates.

Anonymisation keeps every progress row (attempts, best score, passed, completion date) and
certificate (path, date), so completions and reach stay as they are; it replaces the light
profile's e-mail address and business name, withdraws its consent to be contacted, erases
the name and business on the certificates and replaces a light business key (built from the
business name) that no other learner shares."""

from __future__ import annotations

from django.db.models import Q

from .models import BusinessReach, CapsuleProgress, Learner, PathCertificate

ERASED = "—"


def _learners(user):
    query = Q(user=user)
    if user.email:
        query |= Q(user__isnull=True, email__iexact=user.email)
    return Learner.objects.filter(query)


def export_person(user) -> dict[str, list[dict]]:
    learners = list(_learners(user).select_related("region", "subsector").order_by("id"))
    if not learners:
        return {}
    ids = [learner.pk for learner in learners]
    profiles = [
        {
            "learner_id": learner.pk,
            "with_account": learner.user_id is not None,
            "email": learner.email,
            "business_name": learner.business_name,
            "business_id": learner.business_id,
            "region": str(learner.region) if learner.region_id else None,
            "subsector": str(learner.subsector) if learner.subsector_id else None,
            "language": learner.language,
            "consent_contact": learner.consent_contact,
            "consent_contact_at": learner.consent_contact_at,
            "confirmed_at": learner.confirmed_at,
            "last_signin_at": learner.last_signin_at,
            "details_changed_at": learner.details_changed_at,
            "created_at": learner.created_at,
        }
        for learner in learners
    ]
    progress = [
        {
            "learner_id": p.learner_id,
            "capsule": p.capsule.key,
            "capsule_title": p.capsule.title_fr,
            "started_at": p.started_at,
            "last_attempt_at": p.last_attempt_at,
            "attempts": p.attempts,
            "best_score_percent": p.best_score_percent,
            "passed": p.passed,
            "completed_at": p.completed_at,
        }
        for p in CapsuleProgress.objects.filter(learner_id__in=ids)
        .select_related("capsule")
        .order_by("started_at", "id")
    ]
    certificates = [
        {
            "learner_id": c.learner_id,
            "path": c.path.key,
            "path_title": c.path.title_fr,
            "code": c.code,
            "issued_at": c.issued_at,
            "language": c.language,
            "business_name": c.business_name,
            "holder_name": c.holder_name,
        }
        for c in PathCertificate.objects.filter(learner_id__in=ids)
        .select_related("path")
        .order_by("issued_at", "id")
    ]
    return {
        "capsule_learner": profiles,
        "capsule_progress": progress,
        "capsule_certificates": certificates,
    }


def anonymise_person(user, *, actor) -> dict[str, int]:
    """Returns rows touched per table; progress and reach rows are never deleted."""
    touched = {"learners": 0, "certificates": 0, "business_keys": 0}
    for learner in _learners(user).select_for_update():
        fields = ["consent_contact", "consent_contact_at"]
        learner.consent_contact = False
        learner.consent_contact_at = None
        if learner.user_id is None:
            learner.email = f"anonymised-learner-{learner.pk}@anonymised.invalid"
            learner.business_name = ERASED
            fields += ["email", "business_name"]
            if learner.business_key.startswith("n:") and not (
                Learner.objects.filter(business_key=learner.business_key)
                .exclude(pk=learner.pk)
                .exists()
            ):
                region = learner.business_key.split(":")[1]
                new_key = f"n:{region}:anonymised-{learner.pk}"
                BusinessReach.objects.filter(business_key=learner.business_key).update(
                    business_key=new_key
                )
                learner.business_key = new_key
                fields.append("business_key")
                touched["business_keys"] += 1
        learner.save(update_fields=fields)
        touched["learners"] += 1
        touched["certificates"] += learner.certificates.update(holder_name="", business_name=ERASED)
    return touched
