"""Pages: catalog filters and query counts, who sees the online link and the roster, the
merchant's hours, the advisor's view, admin forms and rates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from virage.training import services
from virage.training.models import Attendance, Registration, TrainingModule, TrainingSession
from virage.training.tests.factories import make_merchant, make_module, make_session

pytestmark = pytest.mark.django_db

SECRET = "https://meet.example.org/secret-room"


def detail(session, lang="fr"):
    return f"/{lang}/training/sessions/{session.pk}/"


# ------------------------------------------------------------------ catalog


def test_catalog_filters_by_region_mode_topic_and_language(client, personas):
    cyber = make_module(key="cyber", topics=("cybersecurity", "D4"), title_fr="Cyber essentielle")
    shop = make_module(key="shop", topics=("ecommerce", "D2"), title_fr="Boutique en ligne 101")
    make_session(trainer=personas.nadia, module=cyber, mode="in_person", region_code="16")
    make_session(trainer=personas.nadia, module=shop, mode="in_person", region_code="05")
    make_session(trainer=personas.nadia, module=shop, mode="online", language="en")
    make_session(trainer=personas.nadia, module=cyber, days=-1)  # past: never listed

    def titles(query):
        body = client.get(f"/fr/training/?{query}").content.decode()
        return body.count("Cyber essentielle"), body.count("Boutique en ligne 101")

    from virage.programs.models import Region

    monteregie = Region.objects.get(code="16").pk
    assert titles("") == (1, 2)
    assert titles(f"region={monteregie}") == (1, 0)
    assert titles("mode=online") == (0, 1)
    assert titles("mode=in_person") == (1, 1)
    assert titles("topic=cybersecurity") == (1, 0)
    assert titles("topic=D2") == (0, 2)
    assert titles("language=en") == (0, 1)
    assert titles("mode=in_person&topic=ecommerce") == (0, 1)
    body = client.get("/fr/training/?topic=nonsense").content.decode()
    assert "Sélectionnez un choix valide." in body  # bad value: said, and ignored
    assert "3 séances à venir" in body


def catalog_world(personas, businesses, n):
    sessions = [make_session(trainer=personas.nadia, days=3 + i, capacity=30) for i in range(n)]
    for s in sessions:
        Registration.objects.create(
            session=s, person=personas.marie, business=businesses.marie, status="registered"
        )
    return sessions


@pytest.mark.parametrize("n", [1, 20])
def test_catalog_queries_do_not_grow_with_sessions(assert_queries, personas, businesses, n):
    catalog_world(personas, businesses, n)
    client = Client()
    client.force_login(personas.marie)
    client.get("/fr/training/")  # warm the session and the program cache
    # 1 session, 2 user, 3 program (context processor), 4 sessions with module, region and
    # trainer, 5 module topics (prefetch), 6 Marie's own registrations, 7 regions (filter form)
    with assert_queries(7):
        response = client.get("/fr/training/")
    assert response.content.decode().count("Votre place est réservée") == n


@pytest.mark.parametrize("n", [1, 20])
def test_anonymous_catalog_queries_do_not_grow(assert_queries, personas, businesses, n):
    catalog_world(personas, businesses, n)
    client = Client()
    # 1 program, 2 sessions, 3 topics, 4 regions
    with assert_queries(4):
        client.get("/fr/training/")


# ------------------------------------------------------------------ online link and roster


@pytest.fixture
def online(personas, businesses):
    session = make_session(trainer=personas.nadia, capacity=1)
    services.registration_create(
        session=session, person=personas.marie, business=businesses.marie, actor=personas.marie
    )
    services.registration_create(
        session=session, person=personas.luc, business=businesses.luc, actor=personas.luc
    )  # full: Luc waits
    return session


@pytest.mark.parametrize(
    ("key", "sees"),
    [
        ("anonymous", False),
        ("marie", True),  # registered
        ("luc", False),  # on the waitlist
        ("antoine", False),  # Marie's advisor: not registered
        ("sofia", False),
        ("nadia", True),  # the trainer
        ("paul", False),
        ("fatou", False),
        ("ada", True),
    ],
)
def test_online_link_only_for_registered_people_trainer_and_admin(online, client_for, key, sees):
    client = Client() if key == "anonymous" else client_for(key)
    response = client.get(detail(online))
    assert response.status_code == 200
    assert (SECRET in response.content.decode()) is sees
    assert ("meet.example.org" in response.content.decode()) is sees


def test_online_link_hidden_from_another_trainer(online, personas):
    from virage.accounts.models import User

    other = User.objects.create_user(email="autre@test.example", role="trainer")
    client = Client()
    client.force_login(other)
    assert SECRET not in client.get(detail(online)).content.decode()
    assert client.get(f"/fr/training/sessions/{online.pk}/roster/").status_code == 404


def test_online_link_not_in_catalog(online, client_for):
    assert SECRET not in client_for("marie").get("/fr/training/").content.decode()


@pytest.mark.parametrize(
    ("key", "status"),
    [("marie", 403), ("antoine", 403), ("paul", 403), ("nadia", 200), ("ada", 200)],
)
def test_roster_only_for_the_trainer_and_admins(online, client_for, key, status):
    response = client_for(key).get(f"/fr/training/sessions/{online.pk}/roster/")
    assert response.status_code == status
    body = response.content.decode()
    assert ("Gagnon" in body) is (status == 200)  # Luc's name, on the waitlist


def roster_world(personas, n):
    session = make_session(trainer=personas.nadia, hours=-1, capacity=n)
    for _ in range(n):
        user, business = make_merchant()
        Registration.objects.create(
            session=session, person=user, business=business, status="registered"
        )
    session.seats_taken = n
    session.save(update_fields=["seats_taken"])
    return session


@pytest.mark.parametrize("n", [1, 20])
def test_roster_queries_do_not_grow_with_registrations(assert_queries, personas, n):
    session = roster_world(personas, n)
    client = Client()
    client.force_login(personas.nadia)
    client.get(f"/fr/training/sessions/{session.pk}/roster/")
    # 1 session, 2 user, 3 the session with module, region, trainer, 4 registrations with
    # person, business and attendance, 5 program (context processor)
    with assert_queries(5):
        response = client.get(f"/fr/training/sessions/{session.pk}/roster/")
    assert response.content.decode().count('type="radio"') == 3 * n


def test_trainer_takes_attendance_and_closes_from_the_roster(personas, client_for, businesses):
    session = roster_world(personas, 2)
    a, b = session.registrations.order_by("id")
    client = client_for("nadia")
    url = f"/fr/training/sessions/{session.pk}/roster/"
    # a partial attendance without minutes: error on the field, typed values kept, nothing saved
    response = client.post(
        url, {f"status_{a.pk}": "partial", f"status_{b.pk}": "present", "action": "close"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pour une présence partielle, indiquez les minutes de présence (1 à 89)." in body
    # what was typed is kept: "partial" for one, "present" for the other
    assert f'value="partial" id="id_status_{a.pk}_1" checked' in body
    assert f'value="present" id="id_status_{b.pk}_0" checked' in body
    assert Attendance.objects.count() == 0
    session.refresh_from_db()
    assert session.status == "scheduled"
    response = client.post(
        url,
        {
            f"status_{a.pk}": "partial",
            f"minutes_{a.pk}": "30",
            f"status_{b.pk}": "present",
            "action": "close",
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == "closed"
    assert sorted(session.registrations.values_list("credited_minutes", flat=True)) == [30, 90]


# ------------------------------------------------------------------ merchant and advisor


def test_merchant_registers_and_sees_hours_used_and_remaining(
    personas, businesses, client_for, django_capture_on_commit_callbacks
):
    past = make_session(trainer=personas.nadia, hours=-3, minutes=90)
    attended = Registration.objects.create(
        session=past, person=personas.marie, business=businesses.marie, status="registered"
    )
    past.seats_taken = 1
    past.save()
    services.session_close(
        session=past, entries={attended.pk: ("partial", 75)}, actor=personas.nadia
    )
    upcoming = make_session(trainer=personas.nadia, capacity=5)
    client = client_for("marie")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/fr/training/sessions/{upcoming.pk}/register/")
        client.post(f"/fr/training/sessions/{upcoming.pk}/register/")  # double click
    assert response.status_code == 302
    assert Registration.objects.filter(session=upcoming).count() == 1
    assert len(mail.outbox) == 1
    page = client.get("/fr/training/mine/").content.decode()
    assert '<td class="num" id="hours-used">1,2 h</td>' in page  # 75 min of 600 (1.25 → 1.2)
    assert '<td class="num" id="hours-remaining">8,8 h</td>' in page  # 525 min
    assert upcoming.module.title_fr in page
    assert "Attestation" in page
    assert f"/fr/training/registrations/{attended.pk}/attestation/" in page


def test_merchant_cancels_from_my_trainings(personas, businesses, client_for):
    session = make_session(trainer=personas.nadia)
    registration = services.registration_create(
        session=session, person=personas.marie, business=businesses.marie, actor=personas.marie
    )
    response = client_for("marie").post(
        f"/fr/training/registrations/{registration.pk}/cancel/", {"next": "mine"}
    )
    assert response["Location"] == "/fr/training/mine/"
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    # another merchant cannot even see it
    again = services.registration_create(
        session=session, person=personas.marie, business=businesses.marie, actor=personas.marie
    )
    assert (
        client_for("luc").post(f"/fr/training/registrations/{again.pk}/cancel/").status_code == 404
    )
    again.refresh_from_db()
    assert again.status == "registered"


def test_late_cancellation_shows_a_clear_message(personas, businesses, client_for):
    session = make_session(trainer=personas.nadia, hours=5, deadline_hours=24)
    registration = services.registration_create(
        session=session, person=personas.marie, business=businesses.marie, actor=personas.marie
    )
    response = client_for("marie").post(
        f"/fr/training/registrations/{registration.pk}/cancel/", follow=True
    )
    assert "Le délai d&#x27;annulation" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "registered"


def test_advisor_sees_and_registers_for_assigned_businesses_only(personas, businesses, client_for):
    session = make_session(trainer=personas.nadia)
    client = client_for("antoine")
    page = client.get(detail(session)).content.decode()
    value = f"{businesses.marie.pk}:{personas.marie.pk}"
    assert f'value="{value}"' in page
    assert f'value="{businesses.luc.pk}:{personas.luc.pk}"' not in page
    # Luc's business is not his: refused, nothing written
    response = client.post(
        f"/fr/training/sessions/{session.pk}/register/",
        {"person": f"{businesses.luc.pk}:{personas.luc.pk}"},
    )
    assert response.status_code == 302
    assert Registration.objects.count() == 0
    client.post(f"/fr/training/sessions/{session.pk}/register/", {"person": value})
    registration = Registration.objects.get()
    assert (registration.person, registration.created_by) == (personas.marie, personas.antoine)
    page = client.get("/fr/training/advisor/").content.decode()
    assert session.module.title_fr in page
    assert "Boutique Marie" in page
    assert "Quincaillerie Luc" not in page
    assert (
        session.module.title_fr
        not in client_for("sofia").get("/fr/training/advisor/").content.decode()
    )


@pytest.mark.parametrize("n", [1, 20])
def test_advisor_page_queries_do_not_grow(assert_queries, personas, businesses, client_for, n):
    for i in range(n):
        s = make_session(trainer=personas.nadia, days=2 + i)
        Registration.objects.create(
            session=s, person=personas.marie, business=businesses.marie, status="registered"
        )
    client = client_for("antoine")
    client.get("/fr/training/advisor/")
    # 1 session, 2 user, 3 businesses with minutes used, 4 registrations, 5 program
    with assert_queries(5):
        client.get("/fr/training/advisor/")


@pytest.mark.parametrize("n", [1, 20])
def test_my_trainings_queries_do_not_grow(assert_queries, personas, businesses, client_for, n):
    for i in range(n):
        s = make_session(trainer=personas.nadia, days=2 + i)
        Registration.objects.create(
            session=s, person=personas.marie, business=businesses.marie, status="registered"
        )
    client = client_for("marie")
    client.get("/fr/training/mine/")
    # 1 session, 2 user, 3 business, 4 registrations, 5 allowance totals, 6 program
    with assert_queries(6):
        client.get("/fr/training/mine/")


def test_merchant_home_panel_shows_hours(personas, businesses, client_for):
    body = client_for("marie").get("/fr/account/home/").content.decode()
    assert "0,0 h utilisées sur 10,0 h; 10,0 h restantes." in body


# ------------------------------------------------------------------ program admin


def test_admin_creates_a_module_and_a_session_with_forms(personas, client_for):
    client = client_for("ada")
    response = client.post(
        "/fr/training/manage/modules/new/",
        {
            "key": "inventaire_101",
            "title_fr": "Inventaire 101",
            "title_en": "Inventory 101",
            "duration_minutes": "60",
            "level": "beginner",
            "categories": ["inventory", "pos"],
            "dimensions": ["D4"],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    module = TrainingModule.objects.get(key="inventaire_101")
    assert module.topic_keys == ["pos", "inventory", "D4"]
    day = (timezone.localdate() + timedelta(days=9)).isoformat()
    bad = client.post(
        "/fr/training/manage/sessions/new/",
        {
            "module": module.pk,
            "day": day,
            "start_time": "10:00",
            "end_time": "09:00",
            "mode": "in_person",
            "city": "Granby",
            "language": "fr",
            "capacity": "12",
            "trainer": personas.nadia.pk,
        },
    )
    body = bad.content.decode()
    assert "La séance doit se terminer après son début." in body
    assert "Une séance en personne exige une adresse." in body
    assert 'value="Granby"' in body  # what was typed is kept
    assert TrainingSession.objects.count() == 0
    from virage.programs.models import Region

    ok = client.post(
        "/fr/training/manage/sessions/new/",
        {
            "module": module.pk,
            "day": day,
            "start_time": "09:00",
            "end_time": "10:00",
            "mode": "in_person",
            "address": "650, rue Principale",
            "city": "Granby",
            "region": Region.objects.get(code="16").pk,
            "language": "fr",
            "capacity": "12",
            "trainer": personas.nadia.pk,
        },
    )
    session = TrainingSession.objects.get()
    assert ok["Location"] == detail(session)
    assert (session.capacity, session.cancellation_deadline_hours, session.duration_minutes) == (
        12,
        24,
        60,
    )
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "09:00"


def test_module_key_must_be_unique_and_prerequisites_acyclic(personas, client_for):
    first = make_module(key="premier")
    second = make_module(key="second")
    second.prerequisites.set([first])
    client = client_for("ada")
    response = client.post(
        f"/fr/training/manage/modules/{first.pk}/edit/",
        {
            "key": "second",
            "title_fr": "Premier",
            "duration_minutes": "60",
            "level": "beginner",
            "categories": ["ecommerce"],
            "prerequisites": [second.pk],
        },
    )
    body = response.content.decode()
    assert "Un autre module utilise déjà cette clé." in body
    response = client.post(
        f"/fr/training/manage/modules/{first.pk}/edit/",
        {
            "key": "premier",
            "title_fr": "Premier",
            "duration_minutes": "60",
            "level": "beginner",
            "categories": ["ecommerce"],
            "prerequisites": [second.pk],
        },
    )
    assert "Un module ne peut pas se requérir lui-même" in response.content.decode()
    assert list(first.prerequisites.all()) == []


def test_fill_and_attendance_rates_per_module_and_region(personas, client_for):
    """Known dataset:
    module A: online session, capacity 10, 8 seats, closed: 6 attended, 2 absent;
              in person Montérégie, capacity 10, 5 seats (scheduled);
    module B: in person Montérégie, capacity 4, 4 seats, closed: 1 attended, 3 absent;
              in person Estrie, capacity 20, cancelled (ignored).
    """
    a = make_module(key="a", title_fr="A · Module")
    b = make_module(key="b", title_fr="B · Module")

    def closed(module, capacity, attended, absent, **where):
        session = make_session(
            trainer=personas.nadia, module=module, days=-5, capacity=capacity, **where
        )
        for i in range(attended + absent):
            user, business = make_merchant()
            Registration.objects.create(
                session=session,
                person=user,
                business=business,
                status="attended" if i < attended else "absent",
                credited_minutes=60 if i < attended else 0,
            )
        session.seats_taken = attended + absent
        session.status = "closed"
        session.save()

    closed(a, 10, 6, 2)
    open_session = make_session(
        trainer=personas.nadia, module=a, capacity=10, mode="in_person", region_code="16"
    )
    open_session.seats_taken = 5
    open_session.save()
    closed(b, 4, 1, 3, mode="in_person", region_code="16")
    cancelled = make_session(
        trainer=personas.nadia, module=b, capacity=20, mode="in_person", region_code="05"
    )
    cancelled.status = "cancelled"
    cancelled.save()

    from virage.training import selectors

    by_module = [
        (
            r.label,
            r.sessions,
            r.capacity,
            r.seats_taken,
            r.fill_rate,
            r.attended,
            r.absent,
            r.attendance_rate,
        )
        for r in selectors.rates_by_module()
    ]
    assert by_module == [
        ("A · Module", 2, 20, 13, 65.0, 6, 2, 75.0),
        ("B · Module", 1, 4, 4, 100.0, 1, 3, 25.0),
    ]
    by_region = [
        (
            r.label,
            r.sessions,
            r.capacity,
            r.seats_taken,
            r.fill_rate,
            r.attended,
            r.absent,
            r.attendance_rate,
        )
        for r in selectors.rates_by_region(online_label="En ligne")
    ]
    assert by_region == [
        ("16 Montérégie", 2, 14, 9, 64.3, 1, 3, 25.0),
        ("En ligne", 1, 10, 8, 80.0, 6, 2, 75.0),
    ]
    body = client_for("ada").get("/fr/training/manage/rates/").content.decode()
    assert '<td class="num">64,3 %</td>' in body
    assert '<td class="num">75,0 %</td>' in body


def test_rates_page_queries(assert_queries, personas, client_for):
    make_session(trainer=personas.nadia)
    client = client_for("ada")
    client.get("/fr/training/manage/rates/")
    # 1 session, 2 user, 3 module labels, 4 seats per module, 5 attendance per module,
    # 6 region labels, 7 seats per region, 8 attendance per region, 9 program
    with assert_queries(9):
        client.get("/fr/training/manage/rates/")


def test_pages_in_english(personas, client_for, online):
    body = client_for("marie").get(detail(online, "en")).content.decode()
    assert "You are registered" in body
    assert "Online link" in body
    body = Client().get("/en/training/").content.decode()
    assert "1 upcoming session" in body


def test_module_links_for_other_apps(personas):
    from virage.training.selectors import module_links

    make_module(key="cyber", topics=("cybersecurity", "D4"), title_fr="Cyber", title_en="Cyber EN")
    make_module(key="old", topics=("ecommerce",), is_active=False)
    assert module_links() == [
        {
            "key": "cyber",
            "title_fr": "Cyber",
            "title_en": "Cyber EN",
            "categories": ["cybersecurity"],
        }
    ]


def test_demo_seed_is_idempotent(personas):
    from io import StringIO

    from django.db.models import F

    from virage.accounts.personas import persona_users
    from virage.enterprises.selectors import business_for_merchant
    from virage.training.demo import seed
    from virage.training.selectors import training_minutes_used

    users = persona_users(password=None)
    seed(users=users, stdout=StringIO())
    counts = (
        TrainingModule.objects.count(),
        TrainingSession.objects.count(),
        Registration.objects.count(),
    )
    seed(users=users, stdout=StringIO())
    assert counts == (
        TrainingModule.objects.count(),
        TrainingSession.objects.count(),
        Registration.objects.count(),
    )
    assert counts[:2] == (9, 11)
    # Marie: 60 min present + 45 min partial, in two closed sessions
    assert training_minutes_used(business=business_for_merchant(user=users["marie"])) == 105
    full = TrainingSession.objects.filter(status="scheduled", seats_taken=F("capacity"))
    assert full.count() == 2
    assert Registration.objects.filter(status="waitlisted").count() == 4
