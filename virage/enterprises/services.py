"""Writes on businesses. The status of a business changes only through
`business_transition`, which checks the path (rules.TRANSITIONS) and writes an audit event.

Intake (issue 3): `application_start` (invitation → account + business), the profile steps
(`application_update_business`, `application_update_online`, `location_*`, `contact_*`),
`application_submit` (INVITED → APPLIED + eligibility proposal), `application_decide` (a program
admin's decision), `review_request` (the merchant asks for a human review) and
`business_enrol` (a place in the program, taken with a conditional UPDATE)."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from virage.accounts.models import Role, User
from virage.core.services import audit_log, email_queue

from . import eligibility, permissions, rules
from .models import (
    Application,
    Business,
    BusinessMember,
    Cohort,
    Contact,
    Decision,
    Location,
    Package,
    ProgramCounter,
    ReviewRequest,
)


def business_transition(*, business: Business, to_status: str, actor, reason: str = "") -> Business:
    """Move a business along its path. Refuses an invalid transition with a clear message.

    Locks the row so that two simultaneous transitions cannot both start from the same status.
    Permission checks belong to the calling service (who may decide what depends on the step).
    """
    with transaction.atomic():
        locked = Business.objects.select_for_update().get(pk=business.pk)
        current = locked.status
        if not rules.can_transition(current, to_status):
            raise ValidationError(
                _("A business that is “%(current)s” cannot become “%(target)s”.")
                % {
                    "current": Business.Status(current).label,
                    "target": Business.Status(to_status).label
                    if to_status in Business.Status.values
                    else to_status,
                }
            )
        now = timezone.now()
        locked.status = to_status
        locked.status_changed_at = now
        fields = ["status", "status_changed_at"]
        if to_status == rules.APPLIED and locked.applied_at is None:
            locked.applied_at = now
            fields.append("applied_at")
        if to_status == rules.ENROLLED and locked.enrolled_at is None:
            locked.enrolled_at = now
            fields.append("enrolled_at")
        locked.save(update_fields=fields)
        audit_log(
            actor=actor,
            verb="business.status_changed",
            obj=locked,
            before={"status": current},
            after={"status": to_status},
            reason=reason,
        )
    business.refresh_from_db()
    return business


# --- helpers ---------------------------------------------------------------------------------


def _site_url(name: str, language: str, **kwargs) -> str:
    from django.conf import settings

    with translation.override(language):
        return f"{settings.VIRAGE_SITE_URL}{reverse(name, kwargs=kwargs or None)}"


def _lock_member_business(business: Business, actor) -> Business:
    """The business, locked, if `actor` is one of its merchants; else PermissionDenied."""
    if not permissions.is_merchant(actor):
        raise PermissionDenied
    locked = (
        Business.objects.visible_to(actor).select_for_update(of=("self",)).filter(pk=business.pk)
    ).first()
    if locked is None:
        raise PermissionDenied
    return locked


def _application(business: Business) -> Application:
    application, _created = Application.objects.get_or_create(business=business)
    return application


def _require_editable_application(business: Business) -> None:
    if business.status != rules.INVITED:
        raise ValidationError(
            _("This application was already submitted: it can no longer be changed.")
        )


def _notify_members(*, business: Business, key: str, template: str, context: dict) -> None:
    """E-mail every merchant of the business, each in their own language."""
    members = BusinessMember.objects.filter(business=business, user__is_active=True)
    for member in members.select_related("user"):
        user = member.user
        email_queue(
            key=f"{key}:{user.pk}",
            to=user.email,
            template=template,
            context={
                **context,
                "name": user.get_short_name(),
                "business": business.name,
                "status_url": _site_url("enterprises:status", user.language),
            },
            language=user.language,
        )


# --- application: start from an invitation ---------------------------------------------------


def _account_exists_message() -> str:
    return _(
        "An account already uses this e-mail address: sign in, then open the invitation link again."
    )


def application_start(
    *,
    invitation,
    actor=None,
    password: str = "",
    first_name: str = "",
    last_name: str = "",
    language: str = "fr",
) -> Business:
    """Open the application of an invited business.

    Creates the merchant's account (e-mail of the callback entry, validated password) unless
    `actor` is already the signed-in merchant with that e-mail, then the business (status
    INVITED, prefilled from the callback entry), its owner membership and its application, and
    marks the invitation used (`waitlist.services.invitation_accept`). Atomic: a double submit
    or a used invitation creates nothing twice."""
    from virage.waitlist.services import invitation_accept

    entry = invitation.entry
    email = User.objects.normalize_email(entry.email).lower()
    with transaction.atomic():
        if actor is not None and getattr(actor, "is_authenticated", False):
            if actor.email.lower() != email or actor.role != Role.MERCHANT:
                raise PermissionDenied
            user = actor
        else:
            if User.objects.filter(email__iexact=email).exists():
                raise ValidationError({"email": _account_exists_message()})
            candidate = User(email=email, first_name=first_name, last_name=last_name)
            try:
                validate_password(password, user=candidate)
            except ValidationError as exc:
                raise ValidationError({"password": exc.messages}) from None
            try:
                with transaction.atomic():
                    user = User.objects.create_user(
                        email=email,
                        password=password,
                        first_name=first_name,
                        last_name=last_name,
                        role=Role.MERCHANT,
                        language=language if language in ("fr", "en") else "fr",
                        phone=getattr(entry, "phone", "") or "",
                    )
            except IntegrityError:
                raise ValidationError({"email": _account_exists_message()}) from None
            audit_log(actor=user, verb="user.merchant_signed_up", obj=user)
        neq = (getattr(entry, "neq", "") or "").strip() or None
        if neq and Business.objects.filter(neq=neq).exists():
            neq = None  # the merchant will confirm it; the NEQ is unique in the program
        business = Business.objects.create(
            legal_name=(entry.business_name or "")[:200],
            neq=neq,
            subsector_id=getattr(entry, "subsector_id", None),
            employees=getattr(entry, "employees", None),
            region_id=getattr(entry, "region_id", None),
            status=rules.INVITED,
        )
        BusinessMember.objects.create(business=business, user=user, role=BusinessMember.Role.OWNER)
        Application.objects.create(business=business, applicant=user)
        invitation_accept(invitation=invitation, business=business, actor=user)
        audit_log(
            actor=user,
            verb="application.started",
            obj=business,
            after={"invitation": invitation.pk},
        )
    return business


# --- application: the profile steps ----------------------------------------------------------


def _neq_taken_message() -> str:
    return _(
        "This NEQ is already in another file of the program. Check it, or write to the "
        "program team."
    )


BUSINESS_FIELDS = ("legal_name", "operating_name", "neq", "subsector", "employees", "revenue_band")
APPLICATION_FIELDS = ("naics_code", "activity", "has_no_neq")


def application_update_business(*, business: Business, actor, data: dict) -> Business:
    """Save the business step (partial answers are fine until submission)."""
    with transaction.atomic():
        locked = _lock_member_business(business, actor)
        _require_editable_application(locked)
        application = _application(locked)
        changed = []
        for name in BUSINESS_FIELDS:
            if name in data and getattr(locked, name) != data[name]:
                setattr(locked, name, data[name])
                changed.append(name)
        app_changed = []
        for name in APPLICATION_FIELDS:
            if name in data and getattr(application, name) != data[name]:
                setattr(application, name, data[name])
                app_changed.append(name)
        if locked.neq and Business.objects.filter(neq=locked.neq).exclude(pk=locked.pk).exists():
            raise ValidationError({"neq": _neq_taken_message()})
        if changed:
            try:
                with transaction.atomic():
                    locked.save(update_fields=changed)
            except IntegrityError:  # the same NEQ saved at the same moment by another file
                raise ValidationError({"neq": _neq_taken_message()}) from None
        if app_changed:
            application.save(update_fields=[*app_changed, "updated_at"])
        if {"subsector", "employees"} & set(changed):
            _peers_changed()
        if changed or app_changed:
            audit_log(
                actor=actor,
                verb="application.profile_saved",
                obj=locked,
                after={"fields": changed + app_changed},
            )
    business.refresh_from_db()
    return business


def application_update_online(
    *,
    business: Business,
    actor,
    has_website: bool,
    website_url: str,
    has_transactional_site: bool,
    has_marketplace: bool,
    marketplaces: str,
) -> Business:
    """Save "what the business has online today" (the program's baseline KPI)."""
    with transaction.atomic():
        locked = _lock_member_business(business, actor)
        _require_editable_application(locked)
        application = _application(locked)
        locked.has_website = has_website
        locked.has_transactional_site = has_transactional_site
        locked.has_marketplace = has_marketplace
        locked.save(update_fields=["has_website", "has_transactional_site", "has_marketplace"])
        application.website_url = website_url if has_website else ""
        application.marketplaces = marketplaces if has_marketplace else ""
        application.online_answered = True
        application.save(
            update_fields=["website_url", "marketplaces", "online_answered", "updated_at"]
        )
        audit_log(
            actor=actor,
            verb="application.online_saved",
            obj=locked,
            after={
                "has_website": has_website,
                "has_transactional_site": has_transactional_site,
                "has_marketplace": has_marketplace,
            },
        )
    business.refresh_from_db()
    return business


def _locations_editable(business: Business) -> None:
    if not permissions.locations_editable(business.status):
        raise ValidationError(
            _(
                "Locations cannot be changed while the application is being decided. Write to "
                "the program team if an address is wrong."
            )
        )


def _sync_main_region(business: Business) -> None:
    primary = Location.objects.filter(business=business).order_by("-is_primary", "id").first()
    region_id = primary.region_id if primary else None
    if primary is not None and not primary.is_primary:
        primary.is_primary = True
        primary.save(update_fields=["is_primary"])
    if business.region_id != region_id and region_id is not None:
        Business.objects.filter(pk=business.pk).update(region_id=region_id)
        _peers_changed()


def _peers_changed() -> None:
    """A business changed subsector, size or region: the diagnostics' cached peer totals
    (grouped by those) are dropped once the change is committed."""
    from virage.diagnostics.selectors import peer_cache_clear

    transaction.on_commit(peer_cache_clear)


def location_add(
    *, business: Business, actor, address: str, city: str, postal_code: str, region, name=""
) -> Location:
    """Add a location; the first one is the main location (its region is the business's)."""
    with transaction.atomic():
        locked = _lock_member_business(business, actor)
        _locations_editable(locked)
        is_first = not Location.objects.filter(business=locked).exists()
        location = Location.objects.create(
            business=locked,
            name=name,
            address=address,
            city=city,
            postal_code=postal_code,
            region=region,
            is_primary=is_first,
        )
        _sync_main_region(locked)
        audit_log(actor=actor, verb="location.added", obj=location, after={"region": region.code})
    return location


def location_update(
    *, location: Location, actor, address: str, city: str, postal_code: str, region, name=""
) -> Location:
    with transaction.atomic():
        locked = _lock_member_business(location.business, actor)
        _locations_editable(locked)
        location.name, location.address, location.city = name, address, city
        location.postal_code, location.region = postal_code, region
        location.save(update_fields=["name", "address", "city", "postal_code", "region"])
        _sync_main_region(locked)
        audit_log(actor=actor, verb="location.updated", obj=location, after={"region": region.code})
    return location


def location_remove(*, location: Location, actor) -> None:
    """Remove a location; an enrolled business keeps at least one; the next one becomes the
    main location."""
    with transaction.atomic():
        locked = _lock_member_business(location.business, actor)
        _locations_editable(locked)
        count = Location.objects.filter(business=locked).count()
        if count <= 1 and locked.status != rules.INVITED:
            raise ValidationError(_("A business in the program keeps at least one location."))
        audit_log(actor=actor, verb="location.removed", obj=location)
        location.delete()
        _sync_main_region(locked)


def contact_add(*, business: Business, actor, name: str, email: str, phone="", role="") -> Contact:
    with transaction.atomic():
        locked = _lock_member_business(business, actor)
        email = User.objects.normalize_email(email).lower()
        if Contact.objects.filter(business=locked, email__iexact=email).exists():
            raise ValidationError({"email": _("This person is already in your contacts.")})
        try:
            with transaction.atomic():
                contact = Contact.objects.create(
                    business=locked, name=name, email=email, phone=phone, role=role
                )
        except IntegrityError:
            raise ValidationError(
                {"email": _("This person is already in your contacts.")}
            ) from None
        audit_log(actor=actor, verb="contact.added", obj=contact)
    return contact


def contact_remove(*, contact: Contact, actor) -> None:
    with transaction.atomic():
        _lock_member_business(contact.business, actor)
        audit_log(actor=actor, verb="contact.removed", obj=contact)
        contact.delete()


# --- application: submission and eligibility ------------------------------------------------


def business_facts(
    business: Business, application: Application | None, locations
) -> eligibility.EligibilityFacts:
    """What the application says, as plain facts for the eligibility rules."""
    code = business.subsector.code if business.subsector_id else None
    if code is None and application is not None:
        code = application.naics_code or None
    regions = sorted({loc.region.code for loc in locations if loc.region_id})
    if not regions and business.region_id:
        regions = [business.region.code]
    return eligibility.EligibilityFacts(
        subsector_code=code,
        employees=business.employees,
        postal_codes=tuple(loc.postal_code for loc in locations),
        region_codes=tuple(regions),
        neq=business.neq or None,
    )


def program_criteria(program) -> eligibility.EligibilityCriteria:
    from virage.programs.models import Subsector

    return eligibility.criteria_from_program(program, Subsector.objects.all())


def application_evaluate(*, business: Business, program) -> Application:
    """Run the eligibility rules on the application and store the proposal with its facts,
    criteria snapshot and rules' version. Changes no status (a person decides)."""
    application = _application(business)
    locations = list(Location.objects.filter(business=business).select_related("region"))
    facts = business_facts(business, application, locations)
    criteria = program_criteria(program)
    result = eligibility.evaluate(facts, criteria)
    application.proposal = result.outcome
    application.proposal_result = result.as_dict()
    application.proposal_facts = {
        "subsector_code": facts.subsector_code,
        "employees": facts.employees,
        "postal_codes": list(facts.postal_codes),
        "region_codes": list(facts.region_codes),
        "has_neq": bool(facts.neq),
    }
    application.proposal_criteria = criteria.as_dict()
    application.rules_version = result.version
    application.evaluated_at = timezone.now()
    application.save()
    return application


def application_submit(*, business: Business, actor) -> Business:
    """Submit a complete application: INVITED → APPLIED, then the eligibility proposal.

    Refused (ValidationError listing what is missing) when incomplete; a second submit is
    refused with a clear message and changes nothing."""
    from virage.programs.selectors import program_current

    from .selectors import application_missing

    with transaction.atomic():
        locked = _lock_member_business(business, actor)
        if locked.status != rules.INVITED:
            raise ValidationError(_("This application was already submitted."))
        missing = application_missing(business=locked)
        if missing:
            raise ValidationError([m["label"] for m in missing])
        business_transition(
            business=locked, to_status=rules.APPLIED, actor=actor, reason="application submitted"
        )
        application = application_evaluate(business=locked, program=program_current())
        Application.objects.filter(pk=application.pk).update(submitted_at=timezone.now())
        audit_log(
            actor=actor,
            verb="application.submitted",
            obj=locked,
            after={"proposal": application.proposal, "rules_version": application.rules_version},
        )
        _notify_members(
            business=locked,
            key=f"application-submitted:{locked.pk}",
            template="enterprises/application_submitted",
            context={},
        )
    business.refresh_from_db()
    return business


# --- decisions -------------------------------------------------------------------------------


def application_decide(*, business: Business, actor, outcome: str, reason: str = "") -> Decision:
    """A program admin decides: accept (eligible), refuse (ineligible, reason required) or mark
    needs review (reason required: what to check). Accepting against an "ineligible" proposal
    also needs a reason. The merchant is told by e-mail and sees the reasons."""
    if not permissions.can_decide(actor):
        raise PermissionDenied
    reason = (reason or "").strip()
    if outcome not in Decision.Outcome.values:
        raise ValidationError({"outcome": _("Choose a decision.")})
    with transaction.atomic():
        locked = Business.objects.select_for_update().get(pk=business.pk)
        application = Application.objects.filter(business=locked).first()
        if application is None or not application.proposal:
            raise ValidationError(_("This business has no submitted application to decide."))
        if not reason and permissions.decision_needs_reason(outcome, application.proposal):
            raise ValidationError({"reason": permissions.reason_required_message(outcome)})
        business_transition(business=locked, to_status=outcome, actor=actor, reason=reason)
        decision = Decision.objects.create(
            application=application,
            outcome=outcome,
            proposal=application.proposal,
            reason=reason,
            decided_by=actor,
        )
        audit_log(
            actor=actor,
            verb="application.decided",
            obj=locked,
            after={"outcome": outcome, "proposal": application.proposal},
            reason=reason,
        )
        _notify_members(
            business=locked,
            key=f"application-decision:{decision.pk}",
            template="enterprises/decision",
            context={"outcome": outcome, "reason": reason},
        )
    business.refresh_from_db()
    return decision


def review_request(*, business: Business, actor, message: str) -> ReviewRequest:
    """The merchant asks a person to look again at a refusal: INELIGIBLE → NEEDS_REVIEW."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Tell us why the decision should be reviewed.")})
    with transaction.atomic():
        locked = _lock_member_business(business, actor)
        if locked.status != rules.INELIGIBLE:
            raise ValidationError(_("A review can be asked for only after a refusal."))
        application = _application(locked)
        business_transition(
            business=locked, to_status=rules.NEEDS_REVIEW, actor=actor, reason=message
        )
        request = ReviewRequest.objects.create(
            application=application, message=message, requested_by=actor
        )
        audit_log(actor=actor, verb="application.review_requested", obj=locked)
    business.refresh_from_db()
    return request


# --- enrolment -------------------------------------------------------------------------------


def package_suggest(*, locations: int) -> Package | None:
    """The first active package (by order) that suits a business with `locations`."""
    for package in Package.objects.filter(is_active=True).order_by("order", "key"):
        if package.suits(locations):
            return package
    return None


def program_counter(program) -> ProgramCounter:
    """The program's place counter; created on first use from the enrolments so far."""
    counter = ProgramCounter.objects.filter(program=program).first()
    if counter is None:
        counter, _created = ProgramCounter.objects.get_or_create(
            program=program,
            defaults={"enrolled": Business.objects.filter(enrolled_at__isnull=False).count()},
        )
    return counter


class ProgramFull(ValidationError):
    """No place left in the program."""


def business_enrol(
    *, business: Business, actor, cohort: Cohort, package: Package | None = None, reason=""
) -> Business:
    """Enrol an accepted (eligible) business in a cohort with a package.

    The package defaults to the one that suits the business's number of locations; another
    one needs a reason. Allowances are copied to the business. A place is taken with
    `UPDATE counter SET enrolled = enrolled + 1 WHERE enrolled < capacity`, so simultaneous
    decisions never exceed `Program.target_businesses`; when no place is left the business
    stays eligible and the admin gets a clear message (ProgramFull)."""
    from virage.programs.selectors import program_current

    if not permissions.can_decide(actor):
        raise PermissionDenied
    reason = (reason or "").strip()
    program = program_current()
    with transaction.atomic():
        locked = Business.objects.select_for_update().get(pk=business.pk)
        if locked.status != rules.ELIGIBLE:
            raise ValidationError(
                _("Only an accepted business can be enrolled (this one is “%(status)s”).")
                % {"status": locked.get_status_display()}
            )
        locations = Location.objects.filter(business=locked).count()
        suggested = package_suggest(locations=locations)
        chosen = package or suggested
        if chosen is None:
            raise ValidationError({"package": _("No package suits this business: choose one.")})
        if suggested is not None and chosen.pk != suggested.pk and not reason:
            raise ValidationError(
                {
                    "reason": _("Give a reason for choosing another package than “%(package)s”.")
                    % {"package": suggested.name}
                }
            )
        counter = program_counter(program)
        capacity = program.target_businesses
        taken = ProgramCounter.objects.filter(pk=counter.pk, enrolled__lt=capacity).update(
            enrolled=F("enrolled") + 1
        )
        if not taken:
            raise ProgramFull(
                _(
                    "The program is full: all %(capacity)s places are taken. The business stays "
                    "accepted and can be enrolled when a place opens."
                )
                % {"capacity": capacity}
            )
        locked.package = chosen
        locked.cohort = cohort
        locked.coaching_minutes_allowed = chosen.coaching_minutes_for(max(locations, 1))
        locked.training_minutes_allowed = chosen.training_minutes
        locked.save(
            update_fields=[
                "package",
                "cohort",
                "coaching_minutes_allowed",
                "training_minutes_allowed",
            ]
        )
        if chosen != suggested:
            Application.objects.filter(business=locked).update(package_reason=reason)
        business_transition(business=locked, to_status=rules.ENROLLED, actor=actor, reason=reason)
        audit_log(
            actor=actor,
            verb="business.enrolled",
            obj=locked,
            after={
                "package": chosen.key,
                "suggested_package": suggested.key if suggested else None,
                "cohort": cohort.pk,
                "coaching_minutes": locked.coaching_minutes_allowed,
                "training_minutes": locked.training_minutes_allowed,
            },
            reason=reason,
        )
        _notify_members(
            business=locked,
            key=f"business-enrolled:{locked.pk}",
            template="enterprises/enrolled",
            context={
                "package_fr": chosen.name_fr,
                "package_en": chosen.name_en or chosen.name_fr,
                "coaching_minutes": locked.coaching_minutes_allowed,
                "training_minutes": locked.training_minutes_allowed,
            },
        )
    business.refresh_from_db()
    return business
