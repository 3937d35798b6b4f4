"""Demo training data (idempotent): the modules of `catalog/seed_data.py`, ~8 upcoming
sessions across regions and modes (some full, with a waitlist), past closed sessions that Marie
attended, one past session still to close, all given by Nadia.

Seats are filled by a few demo participants (merchant users with their own enrolled
business), so the waitlist and the rates have something to show. Rows are written directly
(no e-mails): services refuse registrations in the past, and a demo should not mail anyone."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from virage.catalog.seed_data import TRAINING_MODULES

from .models import Attendance, Registration, TrainingModule, TrainingModuleTopic, TrainingSession

PREREQUISITES = {
    "multi_location_inventory": ["launch_online_store"],
    "sales_analytics": ["launch_online_store"],
    "email_marketing_law25": ["cybersecurity_essentials"],
}

PARTICIPANTS = [
    # key, first, last, business, region, language
    ("p1", "Julie", "Bellerive", "Fleuriste Bellerive", "16", "fr"),
    ("p2", "Karim", "Haddad", "Librairie du Quartier", "06", "fr"),
    ("p3", "Sophie", "Lavallée", "Épicerie fine Lavallée", "03", "fr"),
    ("p4", "Émile", "Dumas", "Chaussures Dumas", "05", "fr"),
    ("p5", "Grace", "Wilson", "Wilson Outdoor Supply", "07", "en"),
    ("p6", "Mathieu", "Pelletier", "Vélo Plus", "16", "fr"),
    ("p7", "Nathalie", "Girard", "Cadeaux et Cie", "12", "fr"),
    ("p8", "Olivier", "Bergeron", "Animalerie Chez Toutou", "14", "fr"),
]


def load_modules() -> dict[str, TrainingModule]:
    """Create the seed modules that do not exist yet (by key); never overwrite edits."""
    modules = {}
    for spec in TRAINING_MODULES:
        module, created = TrainingModule.objects.get_or_create(
            key=spec["key"],
            defaults={
                "title_fr": spec["title_fr"],
                "title_en": spec["title_en"],
                "description_fr": spec["description_fr"],
                "description_en": spec["description_en"],
                "duration_minutes": spec["duration_minutes"],
                "level": spec["level"],
            },
        )
        if created:
            TrainingModuleTopic.objects.bulk_create(
                [
                    TrainingModuleTopic(module=module, key=key)
                    for key in (*spec["categories"], *spec["m2_dimensions"])
                ]
            )
        modules[module.key] = module
    for key, required in PREREQUISITES.items():
        if key in modules and not modules[key].prerequisites.exists():
            modules[key].prerequisites.set([modules[r] for r in required if r in modules])
    return modules


def _participants(users) -> dict:
    from virage.accounts.models import Role, User
    from virage.enterprises.models import Business, BusinessMember, Package
    from virage.programs.models import Region

    regions = {r.code: r for r in Region.objects.all()}
    package = Package.objects.filter(key="standard").first()
    result = {}
    for key, first, last, business_name, region, language in PARTICIPANTS:
        email = f"formation.{key}@demo.virage.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=None,
                first_name=first,
                last_name=last,
                role=Role.MERCHANT,
                language=language,
            )
            business = Business.objects.create(
                legal_name=f"{business_name} inc.",
                operating_name=business_name,
                region=regions.get(region),
                status=Business.Status.ENROLLED,
                package=package,
                training_minutes_allowed=package.training_minutes if package else 600,
                coaching_minutes_allowed=package.coaching_minutes if package else 600,
                enrolled_at=timezone.now(),
            )
            BusinessMember.objects.create(business=business, user=user)
        business = user.memberships.select_related("business").first().business
        result[key] = (user, business)
    return result


def _at(day_offset: int, start: tuple[int, int], minutes: int):
    tz = timezone.get_current_timezone()
    day = timezone.localdate() + timedelta(days=day_offset)
    starts = timezone.make_aware(datetime.combine(day, time(*start)), tz)
    return starts, starts + timedelta(minutes=minutes)


def seed(*, users, stdout) -> None:
    from virage.enterprises.testing import persona_businesses
    from virage.programs.models import Region
    from virage.programs.selectors import program_current

    from .services import training_settings_for

    modules = load_modules()
    training_settings_for(program_current())
    nadia = users["nadia"]
    if TrainingSession.objects.filter(trainer=nadia).exists():
        stdout.write(f"  training: {len(modules)} modules (sessions already loaded)")
        return
    persona = persona_businesses(users)
    people = {
        "marie": (users["marie"], persona["marie"]),
        "luc": (users["luc"], persona["luc"]),
        **_participants(users),
    }
    regions = {r.code: r for r in Region.objects.all()}
    online = {"mode": TrainingSession.Mode.ONLINE}

    def place(venue, address, city, code):
        return {
            "mode": TrainingSession.Mode.IN_PERSON,
            "venue": venue,
            "address": address,
            "city": city,
            "region": regions[code],
        }

    # module, day offset, start, capacity, where, language, seated, waitlisted, attendance
    plan = [
        ("launch_online_store", 1, (9, 30), 25, online, "fr", ["marie", "p2", "p6"], [], None),
        (
            "local_visibility",
            8,
            (13, 30),
            4,
            place("Chambre de commerce Haute-Yamaska", "650, rue Principale", "Granby", "16"),
            "fr",
            ["p1", "p6", "p7", "p8"],
            ["p3", "p4"],
            None,
        ),
        (
            "multi_location_inventory",
            10,
            (9, 0),
            12,
            place("Espace entrepreneurs", "2, rue Wellington Nord", "Sherbrooke", "05"),
            "fr",
            ["luc", "p4"],
            [],
            None,
        ),
        ("email_marketing_law25", 12, (12, 0), 30, online, "en", ["p5"], [], None),
        (
            "payroll_scheduling",
            15,
            (14, 0),
            3,
            place("Maison de l'entrepreneuriat", "1000, rue Sherbrooke Ouest", "Montréal", "06"),
            "fr",
            ["p2", "p3", "p7"],
            ["p8", "marie"],
            None,
        ),
        ("cloud_accounting", 18, (10, 0), 40, online, "fr", ["p1"], [], None),
        (
            "shipping_quebec",
            21,
            (9, 0),
            15,
            place("Carrefour d'affaires", "275, rue du Parvis", "Québec", "03"),
            "fr",
            ["p3"],
            [],
            None,
        ),
        ("sales_analytics", 25, (13, 0), 25, online, "fr", [], [], None),
        # past, closed: Marie attended
        (
            "cybersecurity_essentials",
            -20,
            (9, 0),
            10,
            place("Chambre de commerce Haute-Yamaska", "650, rue Principale", "Granby", "16"),
            "fr",
            ["marie", "luc", "p1", "p6", "p7"],
            [],
            {
                "marie": ("present", 60),
                "luc": ("absent", 0),
                "p1": ("partial", 40),
                "p6": ("present", 60),
                "p7": ("absent", 0),
            },
        ),
        (
            "local_visibility",
            -10,
            (13, 0),
            20,
            online,
            "fr",
            ["marie", "p2", "p8"],
            [],
            {"marie": ("partial", 45), "p2": ("present", 60), "p8": ("present", 60)},
        ),
        # past, still to close by Nadia
        ("cloud_accounting", -2, (10, 0), 20, online, "fr", ["p4", "p5", "p6"], [], "open"),
    ]
    now = timezone.now()
    ada = users.get("ada")
    for n, (
        key,
        offset,
        start,
        capacity,
        where,
        language,
        seated,
        waiting,
        attendance,
    ) in enumerate(plan, start=1):
        module = modules[key]
        starts, ends = _at(offset, start, module.duration_minutes)
        closed = isinstance(attendance, dict)
        session = TrainingSession.objects.create(
            module=module,
            starts_at=starts,
            ends_at=ends,
            language=language,
            capacity=capacity,
            seats_taken=len(seated),
            trainer=nadia,
            online_url=f"https://meet.example.org/virage-{n:03d}"
            if where["mode"] == "online"
            else "",
            replay_url=f"https://videos.example.org/virage/{key}-{n:03d}" if closed else "",
            status=TrainingSession.Status.CLOSED if closed else TrainingSession.Status.SCHEDULED,
            closed_at=ends if closed else None,
            closed_by=nadia if closed else None,
            cancellation_deadline_hours=24,
            **where,
        )
        for who in seated:
            person, business = people[who]
            status, credited = Registration.Status.REGISTERED, 0
            if closed:
                mark, minutes = attendance[who]
                status = (
                    Registration.Status.ABSENT if mark == "absent" else Registration.Status.ATTENDED
                )
                credited = minutes if mark != "absent" else 0
            registration = Registration.objects.create(
                session=session,
                person=person,
                business=business,
                status=status,
                created_by=ada if who.startswith("p") and ada else person,
                credited_minutes=credited,
                status_changed_at=now,
            )
            if closed:
                mark, minutes = attendance[who]
                Attendance.objects.create(
                    registration=registration, status=mark, minutes=minutes, recorded_by=nadia
                )
        for position, who in enumerate(waiting, start=1):
            person, business = people[who]
            Registration.objects.create(
                session=session,
                person=person,
                business=business,
                status=Registration.Status.WAITLISTED,
                waitlist_position=position,
                created_by=person,
                status_changed_at=now,
            )
    stdout.write(
        f"  training: {len(modules)} modules, {len(plan)} sessions by Nadia "
        f"(8 upcoming, 2 closed, 1 to close)"
    )
