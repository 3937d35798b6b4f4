"""Coaching pages: what each role sees, forms, private notes, query counts, admin figures."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from virage.coaching import selectors
from virage.coaching.models import AdvisorAssignment, AdvisorProfile, AllowanceExtension, Meeting
from virage.coaching.privacy import anonymise_person, export_person
from virage.coaching.tests.factories import (
    make_advisor,
    make_business,
    make_meeting,
    make_plan,
    set_profile,
)
from virage.enterprises.models import Business, Cohort

pytestmark = pytest.mark.django_db

SECRET = "Note privée : la propriétaire envisage de vendre le commerce"
LOCAL = ZoneInfo("America/Toronto")


@pytest.fixture
def marie_history(businesses, personas):
    """Marie's business: one meeting held with private notes, one planned next week."""
    held = make_meeting(
        businesses.marie,
        personas.antoine,
        days_ago=7,
        held_minutes=90,
        topics="Choix d'une plateforme de boutique en ligne",
        next_steps="Demander deux soumissions",
        private_notes=SECRET,
    )
    upcoming = make_meeting(
        businesses.marie,
        personas.antoine,
        starts_at=timezone.now() + timedelta(days=7),
        agenda="Comparer les soumissions reçues",
    )
    return held, upcoming


# --- the merchant --------------------------------------------------------------------------


def test_merchant_sees_advisor_meetings_and_next_steps_never_private_notes(
    client_for, marie_history, personas
):
    personas.antoine.phone = "450 555-0101"
    personas.antoine.save(update_fields=["phone"])
    client = client_for("marie")
    body = client.get(reverse("coaching:my_coaching")).content.decode()
    assert "Antoine Roy" in body
    assert "antoine@demo.virage.example" in body
    assert "450 555-0101" in body
    assert "Choix d&#x27;une plateforme de boutique en ligne" in body
    assert "Demander deux soumissions" in body
    assert "Comparer les soumissions reçues" in body
    assert "Rencontres à venir" in body
    # 90 of 600 minutes: 1,5 h used, 8,5 h left
    assert "1,5 h" in body
    assert "8,5 h" in body
    assert SECRET not in body
    home = client.get(reverse("accounts:home")).content.decode()
    assert "Votre conseiller" in home
    assert "antoine@demo.virage.example" in home
    assert SECRET not in home


def test_merchant_page_in_english(client_for, marie_history):
    body = client_for("marie").get("/en/coaching/").content.decode()
    assert "Upcoming meetings" in body
    assert "Your advisor" in body
    assert SECRET not in body


def test_merchant_without_advisor(client_for, businesses):
    Business.objects.filter(pk=businesses.marie.pk).update(advisor=None)
    body = client_for("marie").get(reverse("coaching:my_coaching")).content.decode()
    assert "vous sera assigné sous peu" in body


def test_ics_download_has_no_private_notes(client_for, marie_history):
    _held, upcoming = marie_history
    response = client_for("marie").get(reverse("coaching:meeting_ics", args=[upcoming.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert SECRET not in text
    [vevent] = Calendar.from_ical(text).walk("VEVENT")
    assert str(vevent["UID"]) == f"coaching-meeting-{upcoming.pk}@virage"
    assert "Comparer les soumissions reçues" in str(vevent["DESCRIPTION"])


def test_merchant_export_never_holds_private_notes(marie_history, businesses, personas):
    export = selectors.coaching_export(business=businesses.marie)
    assert SECRET not in repr(export)
    assert [m["status"] for m in export["meetings"]] == ["held", "planned"]
    assert export["meetings"][0]["next_steps"] == "Demander deux soumissions"
    assert export["allowance_minutes"] == {
        "package": 600,
        "extensions": 0,
        "used": 90,
        "remaining": 510,
    }
    person = export_person(personas.marie)
    assert SECRET not in repr(person)
    assert sorted(person) == ["coaching_advisors", "coaching_allowance", "coaching_meetings"]
    assert len(person["coaching_meetings"]) == 2
    # the advisor's own export leaves the notes out too
    assert SECRET not in repr(export_person(personas.antoine))
    assert export_person(personas.fatou) == {}


def test_anonymising_the_last_member_erases_the_meeting_texts(marie_history, personas):
    held, _upcoming = marie_history
    touched = anonymise_person(personas.marie, actor=personas.ada)
    assert touched == {"meetings": 2, "assignments": 0, "extensions": 0, "advisor_profiles": 0}
    held.refresh_from_db()
    assert (held.topics, held.private_notes, held.next_steps, held.actual_minutes) == (
        "",
        "",
        "",
        90,
    )


# --- advisors: scope and private notes --------------------------------------------------------


def test_staff_file_shows_private_notes_to_the_advisor_and_the_admin(client_for, marie_history):
    held, _upcoming = marie_history
    for key in ("antoine", "ada"):
        body = client_for(key).get(reverse("coaching:meeting_detail", args=[held.pk])).content
        assert SECRET in body.decode()
    business_page = client_for("antoine").get(reverse("coaching:business", args=[held.business_id]))
    assert business_page.status_code == 200
    assert "Rencontres tenues" in business_page.content.decode()


def test_another_advisor_gets_404_and_changes_nothing(client_for, marie_history, businesses):
    _held, upcoming = marie_history
    sofia = client_for("sofia")
    urls = [
        reverse("coaching:meeting_log", args=[upcoming.pk]),
        reverse("coaching:meeting_cancel", args=[upcoming.pk]),
        reverse("coaching:meeting_plan", args=[businesses.marie.pk]),
    ]
    for url in urls:
        response = sofia.post(url, {"actual_minutes": "60", "topics": "x", "agenda": "x"})
        assert response.status_code == 404, url
    upcoming.refresh_from_db()
    assert upcoming.status == "planned"
    assert Meeting.objects.count() == 2
    assert mail.outbox == []


# --- planning and logging through the pages ---------------------------------------------------


def plan_data(**changes):
    day = timezone.localdate() + timedelta(days=5)
    data = {
        "date": day.isoformat(),
        "time": "14:00",
        "planned_minutes": "90",
        "mode": "video",
        "location": "https://meet.example/marie",
        "agenda": "Inventaire : choisir un logiciel",
        "request_token": "6f1c1a56-4d8a-4a43-9a4c-6a1b2c3d4e5f",
    }
    data.update(changes)
    return data


def test_plan_a_meeting_sends_one_invitation_even_when_submitted_twice(
    client_for, businesses, django_capture_on_commit_callbacks
):
    client = client_for("antoine")
    url = reverse("coaching:meeting_plan", args=[businesses.marie.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, plan_data())
        second = client.post(url, plan_data())
    meeting = Meeting.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == reverse("coaching:meeting_detail", args=[meeting.pk])
    assert timezone.localtime(meeting.starts_at).time().isoformat() == "14:00:00"
    assert len(mail.outbox) == 1


def test_plan_form_keeps_input_and_explains_errors(client_for, businesses):
    client = client_for("antoine")
    url = reverse("coaching:meeting_plan", args=[businesses.marie.pk])
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(url, plan_data(date=yesterday, location=""))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez une date et une heure à venir." in body
    assert "Indiquez le lien de la visioconférence." in body
    assert "Inventaire : choisir un logiciel" in body  # what was typed is kept
    assert Meeting.objects.count() == 0


def test_log_form_refuses_past_the_allowance_and_keeps_input(client_for, businesses, personas):
    make_meeting(businesses.marie, personas.antoine, days_ago=20, held_minutes=540)
    meeting = make_meeting(businesses.marie, personas.antoine, days_ago=1)
    client = client_for("antoine")
    url = reverse("coaching:meeting_log", args=[meeting.pk])
    response = client.post(
        url, {"actual_minutes": "90", "topics": "Paiements en ligne", "private_notes": "À suivre"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ces 90 minutes dépasseraient l&#x27;enveloppe d&#x27;accompagnement" in body
    assert "Seule l'administration du programme peut prolonger" in body
    assert "Paiements en ligne" in body
    meeting.refresh_from_db()
    assert meeting.status == "planned"


def test_log_form_warns_at_80_percent(client_for, businesses, personas):
    _plan, (action,) = make_plan(
        businesses.marie, actions=[("Boutique en ligne", "accepted", None)]
    )
    make_meeting(businesses.marie, personas.antoine, days_ago=20, held_minutes=420)
    meeting = make_meeting(businesses.marie, personas.antoine, days_ago=1)
    client = client_for("antoine")
    url = reverse("coaching:meeting_log", args=[meeting.pk])
    assert "Boutique en ligne" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "actual_minutes": "60",
            "topics": "Paiements",
            "next_steps": "Ouvrir un compte marchand",
            "plan_actions": [str(action.pk)],
        },
        follow=True,
    )
    body = response.content.decode()
    assert "Rencontre consignée." in body
    assert (
        "Boutique Marie a utilisé 80 % de son enveloppe d&#x27;accompagnement "
        "(480 minutes sur 600)." in body
    )
    assert list(meeting.plan_actions.all()) == [action]


def test_cancel_through_the_page(client_for, marie_history, django_capture_on_commit_callbacks):
    _held, upcoming = marie_history
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("antoine").post(
            reverse("coaching:meeting_cancel", args=[upcoming.pk]), {"reason": "Malade"}
        )
    assert response.status_code == 302
    upcoming.refresh_from_db()
    assert upcoming.status == "cancelled"
    assert len(mail.outbox) == 1


# --- caseload ------------------------------------------------------------------------------


def test_caseload_shows_what_needs_attention(client_for, businesses, personas):
    # Marie: last meeting 40 days ago, 510 of 600 minutes used, one plan action overdue,
    # one training... none attended
    make_meeting(businesses.marie, personas.antoine, days_ago=40, held_minutes=510)
    make_plan(
        businesses.marie,
        actions=[
            ("Site transactionnel", "in_progress", timezone.localdate() - timedelta(days=3)),
            ("Caisse", "implemented", None),
            ("Fidélité", "dropped", None),
        ],
    )
    rows = selectors.caseload(user=personas.antoine)
    assert [r.business.name for r in rows] == ["Boutique Marie"]
    [row] = rows
    assert (row.allowance.used, row.allowance.percent, row.days_without_contact) == (510, 85, 40)
    assert (row.plan.implemented, row.plan.total, row.plan.overdue) == (1, 2, 1)
    assert row.trainings_attended == 0
    assert [r.code for r in row.attention] == ["no_contact", "plan_overdue", "allowance_warning"]
    body = client_for("antoine").get(reverse("coaching:caseload")).content.decode()
    assert "Aucune rencontre depuis 40 jours" in body
    assert "Actions du plan en retard : 1" in body
    assert "Enveloppe d&#x27;accompagnement utilisée à 85 %" in body
    assert "1 / 2" in body


def test_caseload_query_count_is_constant(client_for, personas, assert_queries):
    """The same number of queries for 1 and for 20 businesses, meetings and plans."""
    advisor = personas.antoine
    client = client_for("antoine")
    url = reverse("coaching:caseload")

    def add(n):
        for _ in range(n):
            business = make_business(advisor=advisor)
            make_meeting(business, advisor, days_ago=3, held_minutes=60)
            make_meeting(business, advisor, starts_at=timezone.now() + timedelta(days=2))
            make_plan(business, actions=[("Site web", "accepted", None)])
            AdvisorAssignment.objects.create(business=business, advisor=advisor, kind="initial")

    add(1)
    # selector: businesses with extensions and assignment date (1), their meetings grouped
    # (1), plans (1), the latest plans' actions (1), trainings (1)
    with assert_queries(5):
        assert len(selectors.caseload(user=advisor)) == 1
    client.get(url)  # warm the session
    # page: session, user, the 5 caseload queries, program (context processor)
    with assert_queries(8):
        assert client.get(url).status_code == 200
    add(19)
    with assert_queries(5):
        assert len(selectors.caseload(user=advisor)) == 20
    with assert_queries(8):
        response = client.get(url)
    assert response.content.decode().count('<th scope="row">') == 20


def test_caseload_sums_and_dates_per_business(personas, client_for):
    """Minutes used and extended, last and next meeting, the assignment date when no meeting
    was ever held: each business gets its own figures (the per-business aggregates)."""
    advisor = personas.antoine
    now = timezone.now()
    alpha = make_business(name="Alpha inc.", advisor=advisor, allowed=600)
    beta = make_business(name="Beta inc.", advisor=advisor, allowed=300, enrolled_days_ago=90)
    gamma = make_business(name="Gamma inc.", advisor=advisor, status=Business.Status.COMPLETED)
    make_meeting(alpha, advisor, days_ago=10, held_minutes=60)
    make_meeting(alpha, advisor, days_ago=3, held_minutes=45)
    make_meeting(alpha, advisor, starts_at=now - timedelta(days=1))  # planned, past: not next
    upcoming = make_meeting(alpha, advisor, starts_at=now + timedelta(days=2))
    make_meeting(alpha, advisor, starts_at=now + timedelta(days=9))
    cancelled = make_meeting(alpha, advisor, starts_at=now + timedelta(days=1))
    Meeting.objects.filter(pk=cancelled.pk).update(status="cancelled")  # not the next one
    for minutes in (120, 30):
        AllowanceExtension.objects.create(
            business=alpha, minutes=minutes, reason="Test", granted_by=personas.ada
        )
    make_meeting(gamma, advisor, days_ago=2, held_minutes=600)  # completed: not listed
    assigned = AdvisorAssignment.objects.create(business=beta, advisor=advisor, kind="initial")
    AdvisorAssignment.objects.filter(pk=assigned.pk).update(created_at=now - timedelta(days=40))
    other = AdvisorAssignment.objects.create(
        business=beta, advisor=personas.sofia, kind="initial"
    )  # another advisor's assignment does not count
    AdvisorAssignment.objects.filter(pk=other.pk).update(created_at=now - timedelta(days=2))

    rows = {r.business.name: r for r in selectors.caseload(user=advisor)}
    assert set(rows) == {"Alpha inc.", "Beta inc."}
    a, b = rows["Alpha inc."], rows["Beta inc."]
    assert (a.allowance.allowed, a.allowance.extended, a.allowance.used) == (600, 150, 105)
    assert (a.days_without_contact, a.next_meeting) == (3, upcoming.starts_at)
    assert a.attention == ()
    assert (b.allowance.allowed, b.allowance.extended, b.allowance.used) == (300, 0, 0)
    assert (b.last_contact, b.next_meeting, b.days_without_contact) == (None, None, 40)
    assert [r.code for r in b.attention] == ["never_met"]

    body = client_for("antoine").get(reverse("coaching:caseload")).content.decode()
    assert "1,8 / 12,5 h" in body  # Alpha: 105 of 600 + 150 minutes
    assert "il y a 3 jours" in body
    assert "Aucune rencontre 40 jours après l&#x27;assignation" in body


# --- program admin ---------------------------------------------------------------------------


def at(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL)


def test_advisor_load_overview_on_a_known_dataset(businesses, personas, client_for, assert_queries):
    zoe = make_advisor(first_name="Zoé", last_name="Zuniga")
    marie, luc = businesses.marie, businesses.luc
    antoine, sofia = personas.antoine, personas.sofia
    make_meeting(marie, antoine, starts_at=at(2026, 1, 15), held_minutes=60)
    # 23:30 on 31 January in Montréal is 1 February in UTC: it counts in January
    make_meeting(marie, antoine, starts_at=at(2026, 1, 31, 23, 30), held_minutes=90)
    make_meeting(marie, antoine, starts_at=at(2026, 2, 10), held_minutes=45)
    make_meeting(marie, antoine, starts_at=at(2026, 3, 5))  # planned: not delivered
    make_meeting(marie, antoine, starts_at=at(2025, 12, 31), held_minutes=120)  # other year
    make_meeting(luc, sofia, starts_at=at(2026, 1, 20), held_minutes=30)
    make_meeting(luc, sofia, starts_at=at(2026, 3, 3), held_minutes=120)
    cancelled = make_meeting(luc, sofia, starts_at=at(2026, 3, 4))
    Meeting.objects.filter(pk=cancelled.pk).update(status="cancelled")

    # advisors with caseload and monthly sums (1), program totals (1)
    with assert_queries(2):
        overview = selectors.advisor_load_overview(user=personas.ada, year=2026)
    table = {
        row.advisor.first_name: (row.caseload, row.months[:4], row.total) for row in overview.rows
    }
    assert table == {
        "Antoine": (1, [150, 45, 0, 0], 195),
        "Sofia": (1, [30, 0, 120, 0], 150),
        "Zoé": (0, [0, 0, 0, 0], 0),
    }
    assert overview.month_totals[:4] == [180, 45, 120, 0]
    assert sum(overview.month_totals) == overview.total == 345
    assert selectors.advisor_load_overview(user=personas.antoine, year=2026) is None
    assert zoe.pk in {row.advisor.pk for row in overview.rows}

    body = client_for("ada").get(reverse("coaching:advisors") + "?year=2026").content.decode()
    assert "Heures d'accompagnement offertes par mois, 2026" in body
    assert '<td class="num">2,5</td>' in body  # Sofia's 150 minutes
    assert '<abbr title="janvier 2026">jan.</abbr>' in body
    assert '<td class="num">5,8</td>' in body  # everyone: 345 minutes


def test_admin_edits_an_advisor_profile(client_for, personas):
    client = client_for("ada")
    url = reverse("coaching:advisor_edit", args=[personas.antoine.pk])
    response = client.post(
        url,
        {"languages": ["fr", "en"], "max_caseload": "25", "availability": "on_leave"},
    )
    assert response.status_code == 302
    profile = AdvisorProfile.objects.get(user=personas.antoine)
    assert (profile.languages, profile.max_caseload, profile.on_leave) == (["fr", "en"], 25, True)
    bad = client.post(url, {"max_caseload": "0", "availability": "active"})
    body = bad.content.decode()
    assert "Choisissez au moins une langue." in body
    assert 'value="0"' in body
    assert client.get(reverse("coaching:advisor_edit", args=[personas.marie.pk])).status_code == 404


def test_admin_assigns_and_reassigns_from_the_ranking(client_for, personas):
    set_profile(personas.antoine, regions=("16",), subsectors=("458",))
    set_profile(personas.sofia, regions=("05",))
    business = make_business()
    client = client_for("ada")
    url = reverse("coaching:assign", args=[business.pk])
    body = client.get(url).content.decode()
    assert "Dessert la région de l&#x27;entreprise (Montérégie)" in body
    assert client.post(url, {"advisor": str(personas.antoine.pk)}).status_code == 302
    business.refresh_from_db()
    assert business.advisor_id == personas.antoine.pk

    response = client.post(url, {"advisor": str(personas.sofia.pk), "reason": ""})
    assert response.status_code == 200
    assert "Indiquez le motif de la réassignation." in response.content.decode()
    business.refresh_from_db()
    assert business.advisor_id == personas.antoine.pk
    client.post(url, {"advisor": str(personas.sofia.pk), "reason": "Déménagement en Estrie"})
    business.refresh_from_db()
    assert business.advisor_id == personas.sofia.pk
    assert [a.kind for a in AdvisorAssignment.objects.order_by("id")] == [
        "initial",
        "reassignment",
    ]


@pytest.mark.parametrize("show", ["unassigned", "assigned"])
def test_assignments_query_count_is_constant(client_for, personas, assert_queries, show):
    """The same number of queries for 1 and for 20 businesses on either tab."""
    client = client_for("ada")
    url = reverse("coaching:assignments") + f"?show={show}"
    advisor = personas.antoine if show == "assigned" else None
    Cohort.objects.create(name="Printemps 2026", starts_on=date(2026, 4, 1))
    client.get(url)  # warm the session
    for n in (1, 20):
        while Business.objects.filter(advisor=advisor, legal_name__startswith="Lot ").count() < n:
            make_business(name=f"Lot {n} inc.", advisor=advisor)
        # session, user, count, page rows (joins + owner language), program; and the
        # cohorts (bulk assignment form) on the tab without an advisor
        with assert_queries(6 if show == "unassigned" else 5):
            response = client.get(url)
        assert response.status_code == 200
        assert response.content.decode().count('<th scope="row">') == n


def test_bulk_assignment_of_a_cohort(client_for, personas):
    set_profile(personas.antoine, regions=("16",), subsectors=())
    set_profile(personas.sofia, regions=("16",), subsectors=())
    cohort = Cohort.objects.create(name="Printemps 2026", starts_on=date(2026, 4, 1))
    made = [make_business(cohort=cohort) for _ in range(4)]
    make_business()  # not in the cohort
    client = client_for("ada")
    url = reverse("coaching:bulk_assign")
    preview = client.get(url, {"cohort": cohort.pk})
    rows = [r for r in preview.context["rows"]]
    assert [r["advisor"].first_name for r in rows] == ["Antoine", "Sofia", "Antoine", "Sofia"]
    pairs = [r["value"] for r in rows]
    response = client.post(url, {"cohort": cohort.pk, "pair": pairs[:3]})
    assert response.status_code == 302
    assigned = {b.pk: b.advisor_id for b in Business.objects.filter(cohort=cohort)}
    assert [assigned[b.pk] is not None for b in made] == [True, True, True, False]
    assert AdvisorAssignment.objects.filter(kind="bulk").count() == 3


def test_admin_grants_an_extension(client_for, businesses):
    client = client_for("ada")
    url = reverse("coaching:extension", args=[businesses.marie.pk])
    data = {
        "minutes": "120",
        "reason": "Deux adresses à intégrer",
        "request_token": "0b7c6a56-4d8a-4a43-9a4c-6a1b2c3d4e50",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # double submit
    assert AllowanceExtension.objects.get().minutes == 120
    assert selectors.allowance_for(business=businesses.marie).total == 720
    empty = client.post(url, {"minutes": "", "reason": ""})
    assert "Ce champ est obligatoire." in empty.content.decode()


def test_merchant_page_query_count_is_constant(client_for, businesses, personas, assert_queries):
    client = client_for("marie")
    url = reverse("coaching:my_coaching")
    make_meeting(businesses.marie, personas.antoine, days_ago=3, held_minutes=30)
    client.get(url)  # warm the session
    # session, user, business (with advisor), meetings, linked plan actions, allowance, program
    with assert_queries(7):
        assert client.get(url).status_code == 200
    for i in range(19):
        make_meeting(businesses.marie, personas.antoine, days_ago=4 + i, held_minutes=10)
    with assert_queries(7):
        body = client.get(url).content.decode()
    assert body.count('<td class="num">10</td>') == 19


def test_advisors_page_query_count_is_constant(client_for, personas, assert_queries):
    client = client_for("ada")
    url = reverse("coaching:advisors") + "?year=2026"
    make_advisor()
    client.get(url)  # warm the session
    # session, user, profiles with load, their regions, their subsectors, advisors without
    # profile, advisors with monthly sums, program totals, program
    with assert_queries(9):
        assert client.get(url).status_code == 200
    for _ in range(19):
        make_advisor(regions=("06", "13"), subsectors=("458",))
    with assert_queries(9):
        assert client.get(url).status_code == 200


def test_caseload_counts_training_sessions_attended(businesses, personas):
    """The bridge to training: distinct closed sessions attended by the business's people."""
    from virage.training.models import Registration, TrainingSession
    from virage.training.tests.factories import make_session

    closed = []
    for _ in range(3):
        session = make_session(trainer=personas.nadia, days=-10)
        TrainingSession.objects.filter(pk=session.pk).update(status="closed")
        closed.append(session)
    upcoming = make_session(trainer=personas.nadia, days=5)
    from virage.accounts.models import User
    from virage.enterprises.models import BusinessMember

    employee = User.objects.create_user(email="julie@boutique-marie.example", role="merchant")
    BusinessMember.objects.create(business=businesses.marie, user=employee, role="employee")
    rows = [
        (closed[0], employee, "attended", 90),  # same session as Marie: counted once
        (closed[0], personas.marie, "attended", 90),
        (closed[1], personas.marie, "attended", 60),
        (closed[2], personas.marie, "absent", 0),
        (upcoming, personas.marie, "registered", 0),
        (closed[0], personas.luc, "attended", 90),  # another business
    ]
    for session, person, status, minutes in rows:
        business = businesses.luc if person == personas.luc else businesses.marie
        Registration.objects.create(
            session=session,
            person=person,
            business=business,
            status=status,
            credited_minutes=minutes,
        )
    [row] = selectors.caseload(user=personas.antoine)
    assert row.trainings_attended == 2


def test_business_file_query_count_is_constant(client_for, businesses, personas, assert_queries):
    client = client_for("antoine")
    url = reverse("coaching:business", args=[businesses.marie.pk])
    make_meeting(businesses.marie, personas.antoine, days_ago=2, held_minutes=30)
    client.get(url)  # warm the session
    # session, user, business, meetings with advisors, allowance, extensions, history, program
    with assert_queries(8):
        assert client.get(url).status_code == 200
    for i in range(19):
        make_meeting(businesses.marie, personas.antoine, days_ago=3 + i, held_minutes=10)
    AllowanceExtension.objects.create(
        business=businesses.marie, minutes=60, reason="Test", granted_by=personas.ada
    )
    with assert_queries(8):
        assert client.get(url).status_code == 200


def test_caseload_pages_by_25_and_counts_every_business(personas, client_for):
    advisor = personas.antoine
    for _ in range(30):
        make_business(advisor=advisor)
    client = client_for("antoine")
    first = client.get(reverse("coaching:caseload")).content.decode()
    second = client.get(reverse("coaching:caseload") + "?page=2").content.decode()
    assert first.count('<th scope="row">') == 25
    assert second.count('<th scope="row">') == 5
    assert "30 entreprises assignées" in first
    assert "Page 1 sur 2" in first and "Page suivante" in first
    # a page out of range shows the last one, never an error
    assert client.get(reverse("coaching:caseload") + "?page=99").status_code == 200


def test_caseload_rows_escape_what_people_typed(personas, client_for):
    business = make_business(advisor=personas.antoine)
    Business.objects.filter(pk=business.pk).update(
        legal_name='<script>alert("x")</script> & Fils', operating_name=""
    )
    body = client_for("antoine").get(reverse("coaching:caseload")).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Fils" in body
