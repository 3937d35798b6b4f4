"""Reads of businesses and applications, scoped by user."""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from . import rules
from .models import Application, Business, Contact, Decision, Location, ReviewRequest


def business_for_merchant(*, user) -> Business | None:
    """The business a merchant acts for (the first one if they belong to several)."""
    if user is None or not user.is_authenticated or user.role != "merchant":
        return None
    return (
        Business.objects.visible_to(user)
        .select_related("region", "subsector", "package", "advisor")
        .order_by("id")
        .first()
    )


def application_for(*, business: Business) -> Application:
    """The application of a business (an empty, unsaved one for businesses that joined
    before online applications, like the demo personas)."""
    try:
        return business.application
    except Application.DoesNotExist:
        return Application(business=business)


def application_missing(*, business: Business) -> list[dict]:
    """What must still be filled in before the application can be submitted, in order:
    [{"step", "field", "label"}]. Empty when complete."""
    application = application_for(business=business)
    missing = []

    def need(step, field, label):
        missing.append({"step": step, "field": field, "label": label})

    if not business.legal_name.strip():
        need("business", "legal_name", _("The legal name of the business."))
    if not business.neq and not application.has_no_neq:
        need(
            "business",
            "neq",
            _("The Québec enterprise number (NEQ), or tick “my business has no NEQ”."),
        )
    if not business.subsector_id and not application.naics_code:
        need("business", "subsector", _("The line of business (NAICS subsector)."))
    if business.employees is None:
        need("business", "employees", _("The number of employees."))
    if not business.revenue_band:
        need("business", "revenue_band", _("The annual revenue."))
    if not Location.objects.filter(business=business).exists():
        need("locations", "locations", _("At least one location (address)."))
    if not application.online_answered:
        need("online", "online", _("What the business has online today."))
    return missing


def business_locations(*, user, business: Business) -> QuerySet[Location]:
    return Location.objects.visible_to(user).filter(business=business).select_related("region")


def business_contacts(*, user, business: Business) -> QuerySet[Contact]:
    return Contact.objects.visible_to(user).filter(business=business)


def business_decisions(*, user, business: Business) -> QuerySet[Decision]:
    return (
        Decision.objects.visible_to(user)
        .filter(application__business=business)
        .select_related("decided_by")
    )


def business_review_requests(*, user, business: Business) -> QuerySet[ReviewRequest]:
    return ReviewRequest.objects.filter(
        application__business__in=Business.objects.visible_to(user),
        application__business=business,
    ).select_related("requested_by")


# --- program admin ----------------------------------------------------------------------------


def _invitation_relation() -> str | None:
    """The query name from Business to waitlist.Invitation (None if the app is absent)."""
    try:
        from virage.waitlist.models import Invitation
    except ImportError:
        return None
    try:
        return Invitation._meta.get_field("business").related_query_name()
    except Exception:  # noqa: BLE001 - waitlist models not there yet
        return None


def application_list(
    *,
    user,
    status: str = "",
    region=None,
    wave=None,
    package=None,
    cohort=None,
    q: str = "",
) -> QuerySet[Business]:
    """Businesses with their application, for the program admin's list and CSV export.

    One query: business + region, package, cohort (joins); the application's proposal and
    NAICS code and the subsector code as `application_proposal`, `application_naics`,
    `subsector_code` (columns, not objects built row by row); the number of locations (a
    correlated subquery, not a GROUP BY over every business: the page's LIMIT walks the
    `business_applied_order` index and counts locations of the rows shown only; the
    paginator's COUNT(*) stays a plain count)."""
    location_count = Coalesce(
        Subquery(
            Location.objects.filter(business=OuterRef("pk"))
            .order_by()
            .values("business")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )
    qs = (
        Business.objects.visible_to(user)
        .select_related("region", "package", "cohort")
        .annotate(
            location_count=location_count,
            application_proposal=F("application__proposal"),
            application_naics=F("application__naics_code"),
            subsector_code=F("subsector__code"),
        )
    )
    if status:
        qs = qs.filter(status=status)
    if region is not None:
        qs = qs.filter(region=region)
    if package is not None:
        qs = qs.filter(package=package)
    if cohort is not None:
        qs = qs.filter(cohort=cohort)
    if wave is not None:
        relation = _invitation_relation()
        if relation:
            qs = qs.filter(pk__in=Business.objects.filter(**{f"{relation}__wave": wave}))
    q = (q or "").strip()
    if q:
        digits = q.replace(" ", "")
        condition = Q(legal_name__icontains=q) | Q(operating_name__icontains=q)
        if digits.isdigit():
            condition |= Q(neq__startswith=digits)
        qs = qs.filter(condition)
    # never-applied businesses last on every database (PostgreSQL puts NULLs first in a
    # descending order; SQLite puts them last and still reads business_applied_order)
    return qs.order_by(F("applied_at").desc(nulls_last=True), "legal_name", "id")


def application_counts(*, user) -> dict:
    """Counts for the admin's home panel and list, in one query: businesses per status over
    the four statuses counted (the status index, not a scan of every business)."""
    statuses = [rules.APPLIED, rules.NEEDS_REVIEW, rules.ELIGIBLE, rules.INVITED]
    per_status = dict(
        Business.objects.visible_to(user)
        .filter(status__in=statuses)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    applied = per_status.get(rules.APPLIED, 0)
    needs_review = per_status.get(rules.NEEDS_REVIEW, 0)
    return {
        "to_decide": applied + needs_review,
        "applied": applied,
        "needs_review": needs_review,
        "to_enrol": per_status.get(rules.ELIGIBLE, 0),
        "in_progress": per_status.get(rules.INVITED, 0),
    }


def application_detail(*, user, pk: int) -> Business:
    """A business with what its detail page shows (raises Business.DoesNotExist)."""
    return (
        Business.objects.visible_to(user)
        .select_related("region", "subsector", "package", "cohort", "advisor", "application")
        .get(pk=pk)
    )


def wave_choices() -> list[tuple[int, str]]:
    """Intake waves for the list filter (empty when the waitlist app has none)."""
    try:
        from virage.waitlist.models import IntakeWave
    except ImportError:
        return []
    return [(w.pk, str(w)) for w in IntakeWave.objects.all()]


def wave_for(*, business: Business):
    """The intake wave that invited this business, if any."""
    relation = _invitation_relation()
    if not relation:
        return None
    from virage.waitlist.models import IntakeWave

    waves = Business.objects.filter(pk=business.pk).values(f"{relation}__wave")
    return IntakeWave.objects.filter(pk__in=waves).first()


def program_places(*, program) -> dict:
    """Places taken and capacity of the program (reads the counter without creating it)."""
    from .models import ProgramCounter

    if program is None:
        return {"enrolled": 0, "capacity": 0, "left": 0}
    enrolled = (
        ProgramCounter.objects.filter(program=program).values_list("enrolled", flat=True).first()
    )
    if enrolled is None:
        enrolled = Business.objects.filter(enrolled_at__isnull=False).count()
    capacity = program.target_businesses
    return {"enrolled": enrolled, "capacity": capacity, "left": max(capacity - enrolled, 0)}
