"""E-mail login, language preference, password reset, profile and staff creation."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from virage.accounts import permissions
from virage.accounts.models import Role, User
from virage.accounts.personas import PERSONAS
from virage.accounts.services import staff_user_create
from virage.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", [p.key for p in PERSONAS])
def test_each_persona_logs_in_with_email_and_lands_on_home(client, personas, persona):
    user = getattr(personas, persona)
    response = client.post(
        "/fr/account/login/", {"username": user.email.upper(), "password": "Test-password-2026"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/home/"
    home = client.get(response["Location"])
    assert home.status_code == 200
    assert f"Bonjour {user.first_name}" in home.content.decode()
    expected_role = {
        "merchant": "Commerçant",
        "advisor": "Conseiller",
        "trainer": "Formateur",
        "partner": "Partenaire régional",
        "funder": "Bailleur de fonds",
        "admin": "Administrateur du programme",
    }[user.role]
    assert f'<p class="role-badge">{expected_role}' in home.content.decode()


def test_login_redirects_to_the_user_language(client, personas):
    personas.luc.language = "en"
    personas.luc.save()
    response = client.post(
        "/fr/account/login/", {"username": personas.luc.email, "password": "Test-password-2026"}
    )
    assert response["Location"] == "/en/account/home/"
    assert "Hello Luc" in client.get("/en/account/home/").content.decode()


def test_bad_login_keeps_the_email_and_explains_in_french(client, personas):
    response = client.post(
        "/fr/account/login/", {"username": "marie@demo.virage.example", "password": "wrong"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "L&#x27;adresse courriel ou le mot de passe est incorrect." in body
    assert 'value="marie@demo.virage.example"' in body


def test_password_reset_sends_a_link_in_the_user_language(
    client, personas, django_capture_on_commit_callbacks
):
    personas.luc.language = "en"
    personas.luc.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/account/password-reset/", {"email": personas.luc.email})
    assert response["Location"] == "/fr/account/password-reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [personas.luc.email]
    assert message.subject == "Virage: choose a new password"
    link = next(line for line in message.body.splitlines() if "/reset/" in line)
    assert link.startswith("http://127.0.0.1:8000/en/account/reset/")
    # the link works: it leads to the form to set a new password
    path = link.replace("http://127.0.0.1:8000", "")
    page = client.get(path, follow=True)
    assert page.status_code == 200
    assert "new_password1" in page.content.decode()


def test_password_reset_is_neutral_for_unknown_addresses(client, personas):
    response = client.post("/fr/account/password-reset/", {"email": "nobody@example.com"})
    assert response["Location"] == "/fr/account/password-reset/sent/"
    assert mail.outbox == []


def test_profile_edit_saves_and_switches_language(client_for, personas):
    client = client_for("marie")
    response = client.post(
        "/fr/account/profile/",
        {"first_name": "Marie-Ève", "last_name": "Tremblay", "phone": "", "language": "en"},
    )
    assert response.status_code == 302
    personas.marie.refresh_from_db()
    assert (personas.marie.first_name, personas.marie.language) == ("Marie-Ève", "en")
    event = AuditEvent.objects.get(verb="user.profile_updated")
    assert event.after == {"fields": ["first_name", "language"]}


def test_profile_bad_input_keeps_what_was_typed(client_for):
    response = client_for("marie").post(
        "/fr/account/profile/",
        {"first_name": "Marie", "last_name": "x" * 200, "phone": "", "language": "fr"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Marie"' in body
    assert 'aria-invalid="true"' in body
    assert "Veuillez corriger ce qui suit" in body


def test_email_uniqueness_is_case_insensitive(personas):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="MARIE@demo.virage.example")


def test_admin_creates_staff_who_receive_a_welcome_email(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user = staff_user_create(
            actor=personas.ada,
            email="New.Advisor@Example.com",
            role=Role.ADVISOR,
            first_name="Jean",
            language="fr",
        )
    assert user.email == "new.advisor@example.com"
    assert not user.has_usable_password()
    assert mail.outbox[0].subject == "Votre compte Virage est prêt"
    assert AuditEvent.objects.filter(verb="user.staff_created", object_id=str(user.pk)).count() == 1


def test_only_admins_create_staff_and_duplicates_are_refused(personas):
    with pytest.raises(PermissionDenied):
        staff_user_create(actor=personas.antoine, email="x@example.com", role=Role.ADVISOR)
    with pytest.raises(ValidationError):
        staff_user_create(actor=personas.ada, email="x@example.com", role=Role.MERCHANT)
    with pytest.raises(ValidationError):
        staff_user_create(actor=personas.ada, email="p@example.com", role=Role.PARTNER)
    with pytest.raises(ValidationError) as exc:
        staff_user_create(
            actor=personas.ada, email="ANTOINE@demo.virage.example", role=Role.ADVISOR
        )
    assert exc.value.message_dict == {"email": ["Un compte utilise déjà cette adresse courriel."]}
    assert mail.outbox == []


def test_role_predicates(personas):
    p = personas
    assert [permissions.is_merchant(u) for u in (p.marie, p.antoine)] == [True, False]
    assert permissions.is_privacy_officer(p.ada) is True
    assert permissions.is_privacy_officer(p.antoine) is False
    assert [permissions.is_staff_role(u) for u in (p.marie, p.nadia, p.paul, p.fatou)] == [
        False,
        True,
        True,
        True,
    ]
    assert [permissions.sees_personal_data(u) for u in (p.paul, p.fatou, p.antoine)] == [
        False,
        False,
        True,
    ]


def test_partner_must_have_a_region(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="p@example.com", role=Role.PARTNER)


def test_django_admin_is_for_program_admins_only(client_for):
    assert client_for("ada").get("/fr/admin/").status_code == 200
    response = client_for("antoine").get("/fr/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_seed_demo_is_idempotent(db):
    from django.core.management import call_command

    call_command("seed_demo", "--quiet")
    counts = User.objects.count()
    call_command("seed_demo", "--quiet")
    assert User.objects.count() == counts
    # other apps' demo data may add people (intake merchants); every persona is there once
    emails = list(User.objects.values_list("email", flat=True))
    assert [emails.count(p.email) for p in PERSONAS] == [1] * len(PERSONAS)


def test_program_settings_are_data(program):
    assert (
        program.target_businesses,
        program.capsule_reach_target,
        program.duration_months,
        program.budget_cents,
        program.planned_cost_per_business_cents,
    ) == (5000, 25000, 36, 2_250_000_000, 450_000)
    from virage.programs.models import Region, Subsector

    assert Region.objects.count() == 17
    assert list(Subsector.objects.values_list("code", flat=True)) == [
        "441",
        "444",
        "445",
        "449",
        "455",
        "456",
        "457",
        "458",
        "459",
    ]
