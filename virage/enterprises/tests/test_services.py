"""Intake services: application steps, submission, decisions, review requests, enrolment
and the status path (every transition, valid and invalid)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from virage.core.models import AuditEvent
from virage.enterprises import rules, services
from virage.enterprises.models import (
    Application,
    Business,
    Contact,
    Decision,
    Location,
    Package,
    ProgramCounter,
    ReviewRequest,
)
from virage.programs.models import Region

from .factories import (
    cohort,
    complete_application,
    eligible_business,
    invited_business,
    submitted_business,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the French catalog is tested in test_views)."""
    with translation.override("en"):
        yield


def verbs(business):
    return list(
        AuditEvent.objects.filter(object_type="enterprises.business", object_id=str(business.pk))
        .order_by("id")
        .values_list("verb", flat=True)
    )


# --- the status path (rules.py through business_transition) ----------------------------------

ALL_STATUSES = list(rules.TRANSITIONS)


@pytest.mark.parametrize("current", ALL_STATUSES)
@pytest.mark.parametrize("target", ALL_STATUSES)
def test_every_transition_is_allowed_or_refused_with_a_message(current, target, personas):
    business = Business.objects.create(legal_name="Commerce", status=current)
    allowed = target in rules.TRANSITIONS[current]
    if allowed:
        services.business_transition(
            business=business, to_status=target, actor=personas.ada, reason="test"
        )
        assert business.status == target
        event = AuditEvent.objects.get(verb="business.status_changed", object_id=str(business.pk))
        assert (event.before, event.after, event.reason, event.actor_id) == (
            {"status": current},
            {"status": target},
            "test",
            personas.ada.pk,
        )
    else:
        with pytest.raises(ValidationError) as exc:
            services.business_transition(business=business, to_status=target, actor=personas.ada)
        label = Business.Status(current).label
        target_label = Business.Status(target).label
        assert exc.value.messages == [
            f"A business that is “{label}” cannot become “{target_label}”."
        ]
        business.refresh_from_db()
        assert business.status == current
        assert AuditEvent.objects.filter(object_id=str(business.pk)).count() == 0


def test_transition_stamps_applied_and_enrolled_dates(personas):
    business = Business.objects.create(legal_name="Commerce", status="invited")
    services.business_transition(business=business, to_status="applied", actor=None)
    assert business.applied_at is not None and business.enrolled_at is None


# --- the application steps --------------------------------------------------------------------


def test_business_step_saves_partial_answers_and_audits_field_names(personas):
    business, user = invited_business()
    services.application_update_business(
        business=business, actor=user, data={"legal_name": "Fleuriste Lune inc.", "employees": 3}
    )
    business.refresh_from_db()
    assert (business.legal_name, business.employees, business.neq) == (
        "Fleuriste Lune inc.",
        3,
        None,
    )
    event = AuditEvent.objects.get(verb="application.profile_saved")
    assert event.after == {"fields": ["legal_name", "employees"]}


def test_business_step_refuses_a_neq_already_in_the_program(businesses):
    business, user = invited_business()
    with pytest.raises(ValidationError) as exc:
        services.application_update_business(
            business=business, actor=user, data={"legal_name": "X", "neq": "1170000001"}
        )
    assert list(exc.value.message_dict) == ["neq"]
    business.refresh_from_db()
    assert (business.legal_name, business.neq) == ("Commerce " + business.legal_name[9:], None)


def test_another_merchant_cannot_touch_the_application(personas):
    business, _user = invited_business()
    with pytest.raises(PermissionDenied):
        services.application_update_business(
            business=business, actor=personas.luc, data={"legal_name": "Piraté"}
        )
    with pytest.raises(PermissionDenied):
        services.application_submit(business=business, actor=personas.ada)
    business.refresh_from_db()
    assert business.legal_name != "Piraté"


def test_first_location_is_the_main_one_and_sets_the_region(personas):
    business, user = invited_business()
    estrie, laval = Region.objects.get(code="05"), Region.objects.get(code="13")
    first = services.location_add(
        business=business,
        actor=user,
        address="1, rue A",
        city="Sherbrooke",
        postal_code="J1H 1N5",
        region=estrie,
    )
    second = services.location_add(
        business=business,
        actor=user,
        address="2, rue B",
        city="Laval",
        postal_code="H7N 1A1",
        region=laval,
    )
    assert (first.is_primary, second.is_primary) == (True, False)
    business.refresh_from_db()
    assert business.region == estrie
    services.location_remove(location=first, actor=user)
    second.refresh_from_db()
    business.refresh_from_db()
    assert (second.is_primary, business.region) == (True, laval)


def test_locations_are_locked_while_a_decision_is_pending(personas):
    business, user = submitted_business()
    location = Location.objects.get(business=business)
    with pytest.raises(ValidationError) as exc:
        services.location_update(
            location=location,
            actor=user,
            address="9, rue Autre",
            city="Laval",
            postal_code="H7N 1A1",
            region=location.region,
        )
    assert exc.value.messages == [
        "Locations cannot be changed while the application is being decided. Write to the "
        "program team if an address is wrong."
    ]


def test_enrolled_business_edits_locations_but_keeps_one(businesses, personas):
    marie = personas.marie
    location = Location.objects.get(business=businesses.marie)
    services.location_update(
        location=location,
        actor=marie,
        address="122, rue Principale",
        city="Granby",
        postal_code="J2G 2V6",
        region=location.region,
    )
    location.refresh_from_db()
    assert location.address == "122, rue Principale"
    with pytest.raises(ValidationError) as exc:
        services.location_remove(location=location, actor=marie)
    assert exc.value.messages == ["A business in the program keeps at least one location."]
    assert Location.objects.filter(business=businesses.marie).count() == 1


def test_contacts_are_unique_per_business_by_email(personas):
    business, user = invited_business()
    services.contact_add(business=business, actor=user, name="Éric", email="Eric@Boutique.example")
    with pytest.raises(ValidationError) as exc:
        services.contact_add(
            business=business, actor=user, name="Éric 2", email="eric@boutique.example"
        )
    assert exc.value.message_dict == {"email": ["This person is already in your contacts."]}
    assert list(Contact.objects.values_list("email", flat=True)) == ["eric@boutique.example"]


# --- submission -------------------------------------------------------------------------------


def test_incomplete_application_lists_what_is_missing_and_changes_nothing(personas):
    business, user = invited_business()
    with pytest.raises(ValidationError) as exc:
        services.application_submit(business=business, actor=user)
    assert exc.value.messages == [
        "The Québec enterprise number (NEQ), or tick “my business has no NEQ”.",
        "The line of business (NAICS subsector).",
        "The number of employees.",
        "The annual revenue.",
        "At least one location (address).",
        "What the business has online today.",
    ]
    business.refresh_from_db()
    assert business.status == "invited"


def test_submission_stores_the_proposal_with_facts_criteria_and_version(
    personas, django_capture_on_commit_callbacks
):
    business, user = invited_business(language="en")
    complete_application(business, user, postal_codes=("K1A 0B1", "J8X 3X7"), employees=12)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(business=business, actor=user)
    business.refresh_from_db()
    app = business.application
    assert (business.status, app.proposal, app.rules_version) == (
        "applied",
        "eligible",
        "eligibility-2026.1",
    )
    assert app.proposal_facts == {
        "subsector_code": "458",
        "employees": 12,
        "postal_codes": ["K1A 0B1", "J8X 3X7"],
        "region_codes": ["06"],
        "has_neq": True,
    }
    assert app.proposal_criteria["employee_limit"] == 100
    assert app.submitted_at is not None and business.applied_at is not None
    assert verbs(business)[-2:] == ["business.status_changed", "application.submitted"]
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([user.email], "Virage: your application was received")
    ]


def test_second_submission_is_refused(personas):
    business, user = submitted_business()
    with pytest.raises(ValidationError) as exc:
        services.application_submit(business=business, actor=user)
    assert exc.value.messages == ["This application was already submitted."]
    assert Decision.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "proposal", "codes"),
    [
        ({"employees": 150}, "ineligible", ["employees_over_limit"]),
        ({"postal_codes": ("K1A 0B1",)}, "ineligible", ["location_outside_quebec"]),
        ({"subsector_code": None, "naics_code": "541"}, "ineligible", ["subsector_not_retail"]),
        (
            {"subsector_code": None, "naics_code": "4483"},
            "needs_review",
            ["subsector_retail_unlisted"],
        ),
    ],
)
def test_submission_proposals_follow_the_rules(personas, changes, proposal, codes):
    business, _user = submitted_business(**changes)
    app = Application.objects.get(business=business)
    assert (business.status, app.proposal, app.result().codes()) == ("applied", proposal, codes)


def test_business_without_neq_is_proposed_for_review(personas):
    business, user = invited_business()
    complete_application(business, user, neq="")
    services.application_update_business(
        business=business, actor=user, data={"neq": None, "has_no_neq": True}
    )
    services.application_submit(business=business, actor=user)
    app = Application.objects.get(business=business)
    assert (app.proposal, app.result().codes()) == ("needs_review", ["neq_missing"])


# --- decisions --------------------------------------------------------------------------------


def test_only_a_program_admin_decides(personas):
    business, user = submitted_business()
    for actor in (user, personas.antoine, personas.fatou, None):
        with pytest.raises(PermissionDenied):
            services.application_decide(business=business, actor=actor, outcome="eligible")
    business.refresh_from_db()
    assert (business.status, Decision.objects.count()) == ("applied", 0)


def test_submission_alone_never_decides(personas):
    business, _user = submitted_business()
    assert (business.status, Decision.objects.count()) == ("applied", 0)


@pytest.mark.parametrize("outcome", ["ineligible", "needs_review"])
def test_refusal_and_review_need_a_reason(personas, outcome):
    business, _user = submitted_business()
    with pytest.raises(ValidationError) as exc:
        services.application_decide(
            business=business, actor=personas.ada, outcome=outcome, reason="  "
        )
    assert list(exc.value.message_dict) == ["reason"]
    business.refresh_from_db()
    assert business.status == "applied"


def test_accepting_against_an_ineligible_proposal_needs_a_reason(personas):
    business, _user = submitted_business(employees=150)
    with pytest.raises(ValidationError) as exc:
        services.application_decide(business=business, actor=personas.ada, outcome="eligible")
    assert exc.value.message_dict == {
        "reason": ["The automatic check proposed a refusal: say why you accept."]
    }
    decision = services.application_decide(
        business=business,
        actor=personas.ada,
        outcome="eligible",
        reason="150 employés au total, mais 60 équivalents temps plein : admissible.",
    )
    assert (decision.proposal, decision.outcome) == ("ineligible", "eligible")


def test_refusal_is_recorded_audited_and_sent_to_the_merchant(
    personas, django_capture_on_commit_callbacks
):
    business, user = submitted_business(postal_codes=("K1A 0B1",))
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.application_decide(
            business=business,
            actor=personas.ada,
            outcome="ineligible",
            reason="Aucun établissement au Québec.",
        )
    business.refresh_from_db()
    assert (business.status, decision.decided_by, decision.proposal) == (
        "ineligible",
        personas.ada,
        "ineligible",
    )
    event = AuditEvent.objects.get(verb="application.decided")
    assert (event.actor_id, event.after, event.reason) == (
        personas.ada.pk,
        {"outcome": "ineligible", "proposal": "ineligible"},
        "Aucun établissement au Québec.",
    )
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "Aucun établissement au Québec." in mail.outbox[0].body


def test_a_decision_needs_a_submitted_application(personas):
    business, _user = invited_business()
    with pytest.raises(ValidationError) as exc:
        services.application_decide(business=business, actor=personas.ada, outcome="eligible")
    assert exc.value.messages == ["This business has no submitted application to decide."]


def test_mark_needs_review_twice_is_an_invalid_transition(personas):
    business, _user = submitted_business()
    services.application_decide(
        business=business, actor=personas.ada, outcome="needs_review", reason="Vérifier le NEQ."
    )
    with pytest.raises(ValidationError) as exc:
        services.application_decide(
            business=business, actor=personas.ada, outcome="needs_review", reason="Encore."
        )
    assert exc.value.messages == ["A business that is “needs review” cannot become “needs review”."]
    assert Decision.objects.count() == 1


def test_database_refuses_a_refusal_without_reason(personas):
    from django.db import IntegrityError, transaction

    business, _user = submitted_business()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            application=business.application,
            outcome="ineligible",
            proposal="eligible",
            reason="",
            decided_by=personas.ada,
        )


# --- review requests --------------------------------------------------------------------------


def test_merchant_asks_for_a_review_after_a_refusal(personas):
    business, user = submitted_business(employees=150)
    services.application_decide(
        business=business, actor=personas.ada, outcome="ineligible", reason="150 employés."
    )
    request = services.review_request(
        business=business, actor=user, message="Nous avons 60 employés à temps plein, pas 150."
    )
    business.refresh_from_db()
    assert (business.status, request.requested_by) == ("needs_review", user)
    # a person decides again
    services.application_decide(
        business=business, actor=personas.ada, outcome="eligible", reason="Vérifié : 60 ETP."
    )
    business.refresh_from_db()
    assert business.status == "eligible"
    assert list(business.application.decisions.values_list("outcome", flat=True)) == [
        "eligible",
        "ineligible",
    ]


def test_review_request_rules(personas):
    business, user = submitted_business()
    with pytest.raises(ValidationError) as exc:
        services.review_request(business=business, actor=user, message="Pourquoi ?")
    assert exc.value.messages == ["A review can be asked for only after a refusal."]
    services.application_decide(
        business=business, actor=personas.ada, outcome="ineligible", reason="Non."
    )
    with pytest.raises(ValidationError) as exc:
        services.review_request(business=business, actor=user, message="   ")
    assert exc.value.message_dict == {"message": ["Tell us why the decision should be reviewed."]}
    with pytest.raises(PermissionDenied):
        services.review_request(
            business=business, actor=personas.luc, message="Je ne suis pas le proprio."
        )
    assert ReviewRequest.objects.count() == 0


# --- packages and enrolment -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locations", "key"), [(1, "standard"), (2, "multi-location"), (9, "multi-location")]
)
def test_suggested_package_suits_the_number_of_locations(db, locations, key):
    assert services.package_suggest(locations=locations).key == key


@pytest.mark.parametrize(
    ("locations", "coaching"), [(1, 600), (2, 720), (3, 840), (6, 1200), (12, 1200)]
)
def test_multi_location_coaching_grows_per_location_up_to_the_cap(db, locations, coaching):
    assert Package.objects.get(key="multi-location").coaching_minutes_for(locations) == coaching


def test_enrolment_copies_the_allowances_of_the_suited_package(
    personas, program, django_capture_on_commit_callbacks
):
    business = eligible_business(personas.ada, postal_codes=("H2X 1Y4", "H3B 2Y5", "J4K 1A1"))
    before = services.program_counter(program).enrolled
    with django_capture_on_commit_callbacks(execute=True):
        services.business_enrol(business=business, actor=personas.ada, cohort=cohort())
    business.refresh_from_db()
    assert (business.status, business.package.key, business.cohort.name) == (
        "enrolled",
        "multi-location",
        "Cohorte printemps 2026",
    )
    assert (business.coaching_minutes_allowed, business.training_minutes_allowed) == (840, 600)
    assert business.enrolled_at is not None
    assert ProgramCounter.objects.get(program=program).enrolled == before + 1
    event = AuditEvent.objects.get(verb="business.enrolled")
    assert event.after == {
        "package": "multi-location",
        "suggested_package": "multi-location",
        "cohort": business.cohort_id,
        "coaching_minutes": 840,
        "training_minutes": 600,
    }
    # in the merchant's language (French by default)
    assert [m.subject for m in mail.outbox] == ["Virage : bienvenue dans le programme"]


def test_another_package_needs_a_reason(personas):
    business = eligible_business(personas.ada)
    multi = Package.objects.get(key="multi-location")
    with pytest.raises(ValidationError) as exc:
        services.business_enrol(
            business=business, actor=personas.ada, cohort=cohort(), package=multi
        )
    assert exc.value.message_dict == {
        "reason": ["Give a reason for choosing another package than “Standard package”."]
    }
    services.business_enrol(
        business=business,
        actor=personas.ada,
        cohort=cohort(),
        package=multi,
        reason="Deuxième boutique ouvre en mai.",
    )
    business.refresh_from_db()
    assert (business.package, business.application.package_reason) == (
        multi,
        "Deuxième boutique ouvre en mai.",
    )


def test_only_accepted_businesses_are_enrolled(personas):
    business, _user = submitted_business()
    with pytest.raises(ValidationError) as exc:
        services.business_enrol(business=business, actor=personas.ada, cohort=cohort())
    assert exc.value.messages == [
        "Only an accepted business can be enrolled (this one is “applied”)."
    ]
    with pytest.raises(PermissionDenied):
        services.business_enrol(business=business, actor=personas.antoine, cohort=cohort())


def test_enrolment_stops_at_the_program_capacity(personas, program):
    first = eligible_business(personas.ada)
    second = eligible_business(personas.ada)
    counter = services.program_counter(program)
    program.target_businesses = counter.enrolled + 1
    program.save()
    services.business_enrol(business=first, actor=personas.ada, cohort=cohort())
    with pytest.raises(services.ProgramFull) as exc:
        services.business_enrol(business=second, actor=personas.ada, cohort=cohort())
    assert exc.value.messages == [
        f"The program is full: all {program.target_businesses} places are taken. The business "
        "stays accepted and can be enrolled when a place opens."
    ]
    second.refresh_from_db()
    assert (second.status, second.package) == ("eligible", None)
    assert ProgramCounter.objects.get(program=program).enrolled == program.target_businesses


def test_counter_starts_from_the_enrolments_so_far(businesses, program):
    assert services.program_counter(program).enrolled == 2


def test_admin_reopens_a_refusal_only_through_a_review(personas):
    business, _user = submitted_business()
    services.application_decide(
        business=business, actor=personas.ada, outcome="ineligible", reason="Non."
    )
    with pytest.raises(ValidationError) as exc:
        services.application_decide(
            business=business, actor=personas.ada, outcome="eligible", reason="Oups."
        )
    assert exc.value.messages == ["A business that is “ineligible” cannot become “eligible”."]
    services.application_decide(
        business=business, actor=personas.ada, outcome="needs_review", reason="À revoir."
    )
    services.application_decide(
        business=business, actor=personas.ada, outcome="eligible", reason="Revu."
    )
    business.refresh_from_db()
    assert business.status == "eligible"
    assert list(
        Decision.objects.filter(application__business=business)
        .order_by("id")
        .values_list("outcome", flat=True)
    ) == ["ineligible", "needs_review", "eligible"]
