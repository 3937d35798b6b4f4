"""Build a synthetic program at scale for benchmarks: `manage.py seed_scale --businesses N`.

Proportions follow the real program (per 5,000 enrolled businesses): 20,000 callback entries,
120 advisors, 20 trainers, T0 diagnostics for every enrolled business and T1 for ~30 %,
published plans of 5 actions in mixed statuses, ~10 coaching meetings and ~10 training hours
per business, 30,000 businesses reached by capsules, monthly expenses. Rows are built with the
apps' models and inserted with `bulk_create` in batches; the data is deterministic for a given
`--seed` (random.Random(seed), fixed base date). Meant for an EMPTY (freshly migrated)
database: it refuses to run when synthetic rows are already there.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EMAIL_DOMAIN = "scale.virage.example"
PASSWORD = "Virage-bench-2026"  # noqa: S105 - synthetic accounts only
BATCH = 2000
BASE = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def _answers(rng: random.Random, better: bool = False) -> dict:
    """Random complete answers in the canonical format of diagnostics.scoring."""
    from virage.diagnostics import questionnaire as qn

    bias = 0.25 if better else 0.0
    answers: dict = {}
    for q in qn.questions("m2"):
        n = len(q.items)
        items = list(range(1, n + 1))
        if q.answer_type == qn.INVEST_MATRIX:
            already = sorted(i for i in items if rng.random() < 0.3 + bias)
            plans = sorted(i for i in items if i not in already and rng.random() < 0.3)
            answers[q.key] = {"already": already, "plans": plans}
        elif q.answer_type == qn.MULTI:
            answers[q.key] = sorted(i for i in items if rng.random() < 0.35 + bias)
        elif q.answer_type == qn.LEVELS:
            answers[q.key] = [rng.randint(qn.LEVEL_MIN, qn.LEVEL_MAX) for _ in items]
        else:
            answers[q.key] = [rng.choice(("no", "partially", "yes")) for _ in items]
    for key in qn.all_item_keys("r"):
        answers[key] = rng.choice(("no", "partially", "yes", "yes" if better else "no", "na"))
    return answers


def _bulk(model, rows, batch=BATCH):
    """bulk_create in batches; returns the created objects (with ids)."""
    created = []
    for start in range(0, len(rows), batch):
        created.extend(model.objects.bulk_create(rows[start : start + batch], batch_size=batch))
    return created


class Command(BaseCommand):
    help = "Build a deterministic synthetic program at scale (benchmarks; empty database)."

    def add_arguments(self, parser):
        parser.add_argument("--businesses", type=int, default=None, help="enrolled (5000)")
        parser.add_argument("--scale", choices=["program", "national"], default="program")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        from virage.accounts.models import User

        n = options["businesses"] or (50000 if options["scale"] == "national" else 5000)
        if n < 1:
            raise CommandError("--businesses must be at least 1.")
        if User.objects.filter(email__endswith="@" + EMAIL_DOMAIN).exists():
            raise CommandError("Synthetic data already present: use a fresh database.")
        self.rng = random.Random(options["seed"])
        self.n = n
        self.timings: dict[str, float] = {}
        total = time.perf_counter()
        for step in (
            "reference",
            "staff",
            "callbacks",
            "businesses",
            "diagnostics",
            "plans",
            "meetings",
            "training",
            "capsules",
            "expenses",
        ):
            started = time.perf_counter()
            with transaction.atomic():
                count = getattr(self, f"step_{step}")()
            self.timings[step] = time.perf_counter() - started
            self.stdout.write(f"{step:<12} {count:>9} rows  {self.timings[step]:7.1f} s")
        self.stdout.write(f"{'total':<12} {'':>9}       {time.perf_counter() - total:7.1f} s")

    # --- steps -------------------------------------------------------------------------------

    def step_reference(self) -> int:
        from virage.capsules.models import Capsule
        from virage.catalog.models import SolutionCategory
        from virage.enterprises.models import Package
        from virage.funding.models import BudgetLine, Funder
        from virage.programs.models import Region, Subsector
        from virage.programs.selectors import program_current
        from virage.training.models import TrainingModule

        self.program = program_current()
        self.regions = list(Region.objects.order_by("code"))
        self.subsectors = list(Subsector.objects.filter(is_eligible=True).order_by("code"))
        self.packages = list(Package.objects.order_by("order", "key"))
        self.categories = list(
            SolutionCategory.objects.order_by("key").values_list("key", flat=True)
        )
        self.password = make_password(PASSWORD)
        rows = 0
        self.modules = list(TrainingModule.objects.filter(is_active=True).order_by("key"))
        if not self.modules:
            for i in range(12):
                self.modules.append(
                    TrainingModule.objects.create(
                        key=f"scale-module-{i:02d}",
                        title_fr=f"Module de formation {i + 1}",
                        title_en=f"Training module {i + 1}",
                        duration_minutes=(90, 120, 180)[i % 3],
                        level=("beginner", "intermediate", "advanced")[i % 3],
                    )
                )
                rows += 1
        self.capsules = list(Capsule.objects.filter(status="published").order_by("key"))
        if not self.capsules:
            for i in range(30):
                self.capsules.append(
                    Capsule.objects.create(
                        key=f"scale-capsule-{i:02d}",
                        title_fr=f"Capsule {i + 1}",
                        title_en=f"Capsule {i + 1}",
                        summary_fr="Résumé de la capsule.",
                        summary_en="Capsule summary.",
                        body_fr="## Leçon\n\nContenu de la capsule.",
                        body_en="## Lesson\n\nCapsule content.",
                        minutes=5 + i % 10,
                        level=("beginner", "intermediate", "advanced")[i % 3],
                        categories=[self.categories[i % len(self.categories)]]
                        if self.categories
                        else [],
                        status="published",
                        published_at=BASE - dt.timedelta(days=400 - i),
                    )
                )
                rows += 1
        funder, _ = Funder.objects.get_or_create(
            key="scale-funder", defaults={"name_fr": "Bailleur synthétique"}
        )
        self.lines = {}
        for category in ("advisors", "training", "capsules", "promotion", "administration"):
            self.lines[category], _ = BudgetLine.objects.get_or_create(
                category=category,
                funder=None,
                defaults={"planned_cents": 100_000_000 * self.n // 5000},
            )
        self.funder = funder
        return rows

    def step_staff(self) -> int:
        from virage.accounts.models import User
        from virage.coaching.models import AdvisorProfile

        n_adv = max(1, round(120 * self.n / 5000))
        n_trainers = max(1, round(20 * self.n / 5000))
        users = []
        for i in range(n_adv):
            users.append(self._user(f"advisor{i:04d}", "advisor", first=f"Conseiller {i}"))
        for i in range(n_trainers):
            users.append(self._user(f"trainer{i:03d}", "trainer", first=f"Formateur {i}"))
        for region in self.regions:
            users.append(
                self._user(f"partner{region.code}", "partner", first="Partenaire", region=region)
            )
        users.append(self._user("funder", "funder", first="Bailleur"))
        users.append(self._user("admin", "admin", first="Admin", is_staff=True))
        created = _bulk(User, users)
        self.advisors = [u for u in created if u.role == "advisor"]
        self.trainers = [u for u in created if u.role == "trainer"]
        self.admin = next(u for u in created if u.role == "admin")
        self.funder.users.add(next(u for u in created if u.role == "funder"))
        profiles = [
            AdvisorProfile(user=a, languages=["fr"] if i % 4 else ["fr", "en"], max_caseload=60)
            for i, a in enumerate(self.advisors)
        ]
        _bulk(AdvisorProfile, profiles)
        return len(created) + len(profiles)

    def _user(self, local, role, *, first="", region=None, is_staff=False):
        from virage.accounts.models import User

        return User(
            email=f"{local}@{EMAIL_DOMAIN}",
            password=self.password,
            first_name=first,
            last_name="Synthétique",
            role=role,
            region=region,
            is_staff=is_staff,
            date_joined=BASE,
        )

    def step_callbacks(self) -> int:
        from virage.waitlist.models import CallbackEntry

        rng, rows = self.rng, []
        for i in range(4 * self.n):
            if i < self.n:
                status = "applied"
            else:
                status = rng.choice(("waiting", "waiting", "waiting", "invited", "unconfirmed"))
            region = rng.choice(self.regions)
            rows.append(
                CallbackEntry(
                    business_name=f"Commerce synthétique {i:06d}",
                    contact_name=f"Contact {i:06d}",
                    email=f"cb{i:06d}@{EMAIL_DOMAIN}",
                    postal_code=f"J{i % 10}A 1B{i % 7}",
                    region=region,
                    subsector=rng.choice(self.subsectors),
                    employees=rng.randint(1, 99),
                    locations_count=1 if rng.random() < 0.85 else rng.randint(2, 4),
                    status=status,
                    source="web" if rng.random() < 0.8 else "import",
                    signed_up_at=BASE - dt.timedelta(minutes=7 * (4 * self.n - i)),
                    confirmed_at=None if status == "unconfirmed" else BASE,
                )
            )
        self.callbacks = _bulk(CallbackEntry, rows)
        return len(rows)

    def step_businesses(self) -> int:
        from virage.accounts.models import User
        from virage.enterprises.models import Business, BusinessMember, Location

        rng = self.rng
        statuses = ("plan_published", "implementing", "implementing", "diagnosed")
        rows = []
        self.t1 = []
        for i in range(self.n):
            reassessed = rng.random() < 0.3
            self.t1.append(reassessed)
            status = rng.choice(("reassessed", "completed")) if reassessed else rng.choice(statuses)
            locations = 1 if rng.random() < 0.85 else rng.randint(2, 4)
            package = next(
                (p for p in reversed(self.packages) if p.suits(locations)), self.packages[0]
            )
            rows.append(
                Business(
                    legal_name=f"Commerce synthétique {i:06d} inc.",
                    operating_name=f"Boutique {i:06d}",
                    neq=f"77{i:08d}",
                    subsector=rng.choice(self.subsectors),
                    employees=rng.randint(1, 99),
                    revenue_band=rng.choice(("lt250k", "250k-1m", "1m-5m")),
                    region=rng.choice(self.regions),
                    has_website=rng.random() < 0.7,
                    has_transactional_site=rng.random() < 0.36,
                    status=status,
                    package=package,
                    advisor=self.advisors[i % len(self.advisors)],
                    coaching_minutes_allowed=package.coaching_minutes_for(locations),
                    training_minutes_allowed=package.training_minutes,
                    applied_at=BASE - dt.timedelta(days=300),
                    enrolled_at=BASE - dt.timedelta(days=290 - i % 200),
                )
            )
            rows[-1]._locations = locations
        self.businesses = _bulk(Business, rows)
        locations, users, members = [], [], []
        for i, b in enumerate(self.businesses):
            for k in range(rows[i]._locations):
                locations.append(
                    Location(
                        business=b,
                        name="" if k == 0 else f"Succursale {k}",
                        address=f"{10 + k} rue Principale",
                        city="Granby",
                        postal_code="J2G 1A1",
                        region=b.region if k == 0 else rng.choice(self.regions),
                        is_primary=k == 0,
                    )
                )
            users.append(self._user(f"merchant{i:06d}", "merchant", first=f"Marchand {i}"))
            if rng.random() < 0.2:
                users.append(self._user(f"employee{i:06d}", "merchant", first=f"Employé {i}"))
        _bulk(Location, locations)
        created = _bulk(User, users)
        self.owners = {}
        for u in created:
            index = int(u.email[8:14])  # merchant000123@… / employee000123@…
            is_owner = u.email.startswith("merchant")
            if is_owner:
                self.owners[index] = u
            members.append(
                BusinessMember(
                    business=self.businesses[index],
                    user=u,
                    role="owner" if is_owner else "employee",
                )
            )
        _bulk(BusinessMember, members)
        return len(self.businesses) + len(locations) + len(created) + len(members)

    def step_diagnostics(self) -> int:
        from virage.diagnostics import scoring
        from virage.diagnostics.models import Assessment, ScoreRecord

        rng, rows = self.rng, []
        for i, b in enumerate(self.businesses):
            points = [("T0", False, 280)] + ([("T1", True, 20)] if self.t1[i] else [])
            for time_point, better, days_ago in points:
                answers = _answers(rng, better)
                m2, r = scoring.score_m2(answers), scoring.score_r(answers)
                owner = self.owners[i]
                rows.append(
                    Assessment(
                        business=b,
                        time_point=time_point,
                        status="submitted",
                        answers=answers,
                        m2_result=m2.as_dict(),
                        r_result=r.as_dict(),
                        scoring_version_m2=m2.version,
                        scoring_version_r=r.version,
                        started_by=owner,
                        submitted_by=owner,
                        opened_by=b.advisor if time_point == "T1" else None,
                        submitted_at=BASE - dt.timedelta(days=days_ago - i % 30),
                    )
                )
        self.assessments = _bulk(Assessment, rows)
        records = []
        for a in self.assessments:
            records.append(
                ScoreRecord(
                    assessment=a,
                    module="m2",
                    version=a.scoring_version_m2,
                    result=a.m2_result,
                    reason="submit",
                )
            )
            records.append(
                ScoreRecord(
                    assessment=a,
                    module="r",
                    version=a.scoring_version_r,
                    result=a.r_result,
                    reason="submit",
                )
            )
        _bulk(ScoreRecord, records)
        return len(self.assessments) + len(records)

    def step_plans(self) -> int:
        from virage.plans.models import Plan, PlanAction

        rng = self.rng
        t0 = [a for a in self.assessments if a.time_point == "T0"]
        plans = []
        for a in t0:
            status = {"diagnosed": "draft", "plan_published": "published"}.get(
                a.business.status, "accepted"
            )
            published = None if status == "draft" else a.submitted_at + dt.timedelta(days=7)
            plans.append(
                Plan(
                    business_id=a.business_id,
                    status=status,
                    source_assessment=a,
                    rules_version="scale-1",
                    published_at=published,
                    published_by=a.business.advisor if published else None,
                    accepted_at=published + dt.timedelta(days=2) if status == "accepted" else None,
                    accepted_by=a.submitted_by if status == "accepted" else None,
                )
            )
        plans = _bulk(Plan, plans)
        actions = []
        weights = ("proposed", "accepted", "in_progress", "in_progress", "implemented", "dropped")
        for plan in plans:
            for k in range(5):
                status = "proposed" if plan.status != "accepted" else rng.choice(weights)
                category = self.categories[(plan.id + k) % len(self.categories)]
                actions.append(
                    PlanAction(
                        plan=plan,
                        category_id=category,
                        title_fr=f"Action {k + 1} : {category}",
                        title_en=f"Action {k + 1}: {category}",
                        why_fr="Écart relevé au diagnostic.",
                        status=status,
                        target_date=(BASE + dt.timedelta(days=rng.randint(-60, 120))).date(),
                        implemented_note="Solution en ligne" if status == "implemented" else "",
                        implemented_at=(BASE - dt.timedelta(days=10)).date()
                        if status == "implemented"
                        else None,
                        dropped_reason="Plus prioritaire." if status == "dropped" else "",
                        order=k,
                    )
                )
        _bulk(PlanAction, actions)
        return len(plans) + len(actions)

    def step_meetings(self) -> int:
        from virage.coaching.models import Meeting

        rng, rows = self.rng, []
        for b in self.businesses:
            for k in range(10):
                starts = BASE - dt.timedelta(days=250 - 25 * k, hours=rng.randint(0, 6))
                if k >= 8:
                    status = "planned"
                    starts = BASE + dt.timedelta(days=7 * (k - 7))
                else:
                    status = "cancelled" if rng.random() < 0.08 else "held"
                rows.append(
                    Meeting(
                        business=b,
                        advisor=b.advisor,
                        starts_at=starts,
                        planned_minutes=60,
                        mode=rng.choice(("on_site", "video", "phone")),
                        agenda="Suivi du plan d'action.",
                        status=status,
                        actual_minutes=rng.choice((45, 60, 75)) if status == "held" else None,
                        topics="Plan, outils" if status == "held" else "",
                        logged_at=starts + dt.timedelta(hours=2) if status == "held" else None,
                    )
                )
        _bulk(Meeting, rows)
        return len(rows)

    def step_training(self) -> int:
        """~10 hours per business: each owner attends sessions until 600 minutes; sessions
        hold 20 seats; the last few per module are upcoming with registered seats."""
        from virage.training.models import Attendance, Registration, TrainingSession

        rng = self.rng
        capacity = 20
        # How many seats are needed per module: each business takes modules in turn.
        plan = []  # (business index, module index)
        for i in range(self.n):
            minutes, m = 0, i % len(self.modules)
            while minutes < 600:
                plan.append((i, m))
                minutes += self.modules[m].duration_minutes
                m = (m + 1) % len(self.modules)
        by_module: dict[int, list[int]] = {}
        for i, m in plan:
            by_module.setdefault(m, []).append(i)
        sessions, seats = [], []
        for m, attendees in sorted(by_module.items()):
            module = self.modules[m]
            for s, start in enumerate(range(0, len(attendees), capacity)):
                group = attendees[start : start + capacity]
                upcoming = s % 10 == 9
                starts = (
                    BASE + dt.timedelta(days=3 + s % 30)
                    if upcoming
                    else BASE - dt.timedelta(days=200 - (s % 190))
                )
                online = s % 2 == 0
                session = TrainingSession(
                    module=module,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=module.duration_minutes),
                    mode="online" if online else "in_person",
                    online_url="https://meet.example/s" if online else "",
                    venue="" if online else "Salle communautaire",
                    city="" if online else "Sherbrooke",
                    region=None if online else self.regions[s % len(self.regions)],
                    capacity=capacity,
                    seats_taken=len(group),
                    trainer=self.trainers[s % len(self.trainers)],
                    status="scheduled" if upcoming else "closed",
                    closed_at=None if upcoming else starts + dt.timedelta(hours=4),
                )
                sessions.append(session)
                seats.append(group)
        sessions = _bulk(TrainingSession, sessions)
        regs = []
        for session, group in zip(sessions, seats, strict=True):
            for i in group:
                if session.status == "scheduled":
                    status, credited = "registered", 0
                else:
                    status = "attended" if rng.random() < 0.92 else "absent"
                    credited = session.module.duration_minutes if status == "attended" else 0
                regs.append(
                    Registration(
                        session=session,
                        person=self.owners[i],
                        business=self.businesses[i],
                        status=status,
                        created_by=self.owners[i],
                        status_changed_at=session.starts_at,
                        credited_minutes=credited,
                    )
                )
        regs = _bulk(Registration, regs)
        attendance = [
            Attendance(
                registration=r,
                status="present" if r.status == "attended" else "absent",
                minutes=r.credited_minutes,
                recorded_by=r.session.trainer,
                recorded_at=r.session.ends_at,
            )
            for r in regs
            if r.status in ("attended", "absent")
        ]
        _bulk(Attendance, attendance)
        return len(sessions) + len(regs) + len(attendance)

    def step_capsules(self) -> int:
        """6×N businesses reached: one learner with an account per enrolled business and
        5×N light profiles, each completing 1 to 3 capsules."""
        from virage.capsules import rules
        from virage.capsules.models import BusinessReach, CapsuleProgress, Learner

        rng = self.rng
        learners = []
        for i, b in enumerate(self.businesses):
            learners.append(
                Learner(
                    user=self.owners[i],
                    business=b,
                    region=b.region,
                    subsector=b.subsector,
                    business_key=rules.merchant_business_key(b.id),
                    details_changed_at=BASE,
                    confirmed_at=BASE,
                )
            )
        for j in range(5 * self.n):
            region = self.regions[j % len(self.regions)]
            name = f"Commerce léger {j:07d}"
            learners.append(
                Learner(
                    email=f"learner{j:07d}@{EMAIL_DOMAIN}",
                    business_name=name,
                    region=region,
                    subsector=self.subsectors[j % len(self.subsectors)],
                    business_key=rules.light_business_key(name, region.code),
                    details_changed_at=BASE,
                    confirmed_at=BASE,
                    consent_contact=j % 3 == 0,
                    consent_contact_at=BASE if j % 3 == 0 else None,
                )
            )
        learners = _bulk(Learner, learners)
        progress, reach = [], []
        for k, learner in enumerate(learners):
            chosen = rng.sample(self.capsules, k=min(len(self.capsules), rng.randint(1, 3)))
            first = None
            for c, capsule in enumerate(chosen):
                done = BASE - dt.timedelta(days=rng.randint(1, 360), minutes=c)
                progress.append(
                    CapsuleProgress(
                        learner=learner,
                        capsule=capsule,
                        started_at=done - dt.timedelta(minutes=15),
                        last_attempt_at=done,
                        attempts=1 + (k + c) % 2,
                        best_score_percent=rng.choice((70, 80, 90, 100)),
                        passed=True,
                        completed_at=done,
                    )
                )
                if first is None or done < first[0]:
                    first = (done, capsule)
            reach.append(
                BusinessReach(
                    business_key=learner.business_key,
                    business=learner.business,
                    region=learner.region,
                    first_completed_at=first[0],
                    first_capsule=first[1],
                )
            )
        _bulk(CapsuleProgress, progress)
        _bulk(BusinessReach, reach)
        from virage.capsules.services import rebuild_reach_counts

        rebuild_reach_counts()  # the reach counters that the services keep up to date
        return len(learners) + len(progress) + len(reach)

    def step_expenses(self) -> int:
        from virage.funding.models import Expense

        rng, rows = self.rng, []
        for month in range(12):
            day = (BASE - dt.timedelta(days=30 * (12 - month))).date().replace(day=1)
            for source, line in (("coaching", "advisors"), ("training", "training")):
                hours = Decimal(self.n * 6 // 12) if source == "coaching" else Decimal(self.n // 2)
                rows.append(
                    Expense(
                        line=self.lines[line],
                        kind="spent",
                        source=source,
                        source_key=f"scale:{source}:{day:%Y-%m}",
                        incurred_on=day,
                        amount_cents=int(hours) * 9500,
                        quantity=hours,
                        description=f"Accrual {source} {day:%Y-%m}",
                    )
                )
        for k in range(max(1, self.n // 10)):
            rows.append(
                Expense(
                    line=self.lines[rng.choice(("capsules", "promotion", "administration"))],
                    kind=rng.choice(("spent", "spent", "commitment")),
                    incurred_on=(BASE - dt.timedelta(days=rng.randint(1, 360))).date(),
                    amount_cents=rng.randint(10_000, 2_000_000),
                    description=f"Dépense {k:05d}",
                    created_by=self.admin,
                )
            )
        _bulk(Expense, rows)
        return len(rows)
