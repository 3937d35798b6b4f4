"""`make bench`: server-side page timings at program and national scale, with budgets
(docs/performance.md).

Builds (or reuses and migrates) a synthetic database keyed by N and seed under var/bench/ with
`manage.py seed_scale`, refreshes the dashboards' snapshots as the scheduler does, then
measures each key page with a signed-in Django test client: queries per request, median and
p95 over BENCH_REPEAT requests, each followed by a request of the floor page (accounts:profile,
the same base layout, the same role), and the ratio of the two medians. Also the CSV export
(time, tracemalloc peak) and the eligibility and scoring functions (operations per second).
A child process measures the same pages and the export on a database ten times larger
(national scale): same query count, dashboards at most 1.5× slower, export peak < 64 MB.
Writes bench/results/latest.json and latest.md; exits 1 when a budget fails.

Environment: BENCH_BUSINESSES (5000), BENCH_SEED (2026), BENCH_REPEAT (30),
BENCH_NATIONAL (1; 0 skips the national scale), BENCH_NATIONAL_REPEAT (BENCH_REPEAT / 3),
BENCH_DATABASE_URL / BENCH_NATIONAL_DATABASE_URL (another database, e.g. PostgreSQL, seeded
or empty: migrated and seeded by this script), BENCH_PAGES (comma-separated parts of page
labels: measure only those, print, write nothing), BENCH_SQL (print each query's start).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("BENCH_BUSINESSES", "5000"))
SEED = int(os.environ.get("BENCH_SEED", "2026"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
QUERY_BUDGET = 15
KEY_RATIO, DASHBOARD_RATIO = 3.0, 5.0


def _env(db_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        VIRAGE_TESTING="1",  # development secret, fast hashing, no MFA, immediate tasks
        DEBUG="0",  # no debug overhead in the timings
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
    )
    # dashboards read snapshots, as in production (refreshed below like the periodic job does)
    env.setdefault("REPORTING_SNAPSHOT_MAX_AGE", "1200")
    return env


def _migrate(url: str) -> None:
    """Schema and the cache table (the database cache, as `make run` sets up)."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v", "0"], ["createcachetable"]):
        subprocess.run([*manage, *command], check=True, env=_env(url))


def ensure_database(n: int = N, given: str = "BENCH_DATABASE_URL") -> str:
    """The database URL to measure for `n` businesses; builds it when missing (migrate +
    seed_scale). `given` names the environment variable that may point at a database."""
    if os.environ.get(given):
        url = os.environ[given]
        ready = None
    else:
        path = ROOT / "var" / "bench" / f"bench-n{n}-s{SEED}.sqlite3"
        url = f"sqlite:///{path}"
        if path.exists():  # built before: bring its schema up to date (new tables, indexes)
            _migrate(url)
            return url
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.sqlite3")
        tmp.unlink(missing_ok=True)
        ready = (tmp, path)
        url_build = f"sqlite:///{tmp}"
    build = url if ready is None else url_build
    manage = [sys.executable, str(ROOT / "manage.py")]
    env = _env(build)
    _migrate(build)
    check = subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from virage.accounts.models import User;"
            "print(User.objects.filter(email__endswith='@scale.virage.example').exists())",
        ],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    if "True" not in check.stdout:
        print(f"seeding {n} businesses (seed {SEED}) …", flush=True)
        subprocess.run(
            [*manage, "seed_scale", "--businesses", str(n), "--seed", str(SEED)],
            check=True,
            env=env,
        )
    if ready is not None:
        ready[0].rename(ready[1])
    return url


def measure(client, url: str, repeat: int, floor_url: str | None = None) -> dict:
    """Queries, median and p95 of `url`. With `floor_url`, each request of the page is
    followed by one of the floor page, and "floor_ms" is the floor's median over the same
    stretch of time: the ratio then compares like with like on a machine whose speed drifts."""
    from django.db import connection

    def one(target=url):
        response = client.get(target)
        if getattr(response, "streaming", False):
            for _ in response.streaming_content:
                pass
        return response

    started = time.perf_counter()
    one()  # warm-up (template and URL caches)
    print(
        f"  {url}: first request {1000 * (time.perf_counter() - started):.0f} ms",
        file=sys.stderr,
        flush=True,
    )
    # Counted with an execute wrapper: request_started resets connection.queries, so
    # CaptureQueriesContext would see nothing across a test-client request.
    executed = []

    def counter(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        response = one()
    times, floor_times = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        one()
        times.append((time.perf_counter() - started) * 1000)
        if floor_url:
            started = time.perf_counter()
            one(floor_url)
            floor_times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    result = {
        "status": response.status_code,
        "queries": len(executed),
        "sql": executed,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(p95, 2),
    }
    if floor_times:
        result["floor_ms"] = round(statistics.median(floor_times), 2)
    return result


def pages(users, objects) -> list[dict]:
    """(label, role, kind, candidate URL names with kwargs). The first name that reverses is
    measured; a page with none is reported as missing."""
    return [
        ("merchant home", "merchant", "key", [("accounts:home", {})]),
        ("diagnostic results", "merchant", "key", [("diagnostics:results", {"pk": objects["t0"]})]),
        ("plan", "merchant", "key", [("plans:mine", {})]),
        ("advisor caseload", "advisor", "key", [("coaching:caseload", {})]),
        ("training catalog", "merchant", "key", [("training:catalog", {})]),
        ("capsule library", "merchant", "key", [("capsules:library", {})]),
        ("admin dashboard", "admin", "dashboard", [("reporting:program", {})]),
        ("funder dashboard", "funder", "dashboard", [("reporting:funder", {})]),
        ("funder report", "funder", "dashboard", [("reporting:funder_report", {})]),
        ("partner dashboard", "partner", "dashboard", [("reporting:partner", {})]),
        ("capsule reach report", "funder", "dashboard", [("capsules:reach", {})]),
        ("callback-list admin list", "admin", "key", [("waitlist:admin_list", {})]),
        ("admin home", "admin", "key", [("accounts:home", {})]),
        ("budget (funding)", "admin", "dashboard", [("funding:budget", {})]),
        ("plans list (admin)", "admin", "key", [("plans:list", {})]),
        ("applications (admin)", "admin", "key", [("enterprises:admin_applications", {})]),
        ("assignments (admin)", "admin", "key", [("coaching:assignments", {})]),
    ]


def run_pages() -> tuple[list[dict], dict]:
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from virage.accounts.models import User
    from virage.diagnostics.models import Assessment
    from virage.plans.models import PUBLISHED_STATUSES

    dom = "@scale.virage.example"
    # The merchant in the same state at both scales: the first (by e-mail) whose business has
    # a submitted T0 and a published plan, so every panel of the home page and the plan page
    # have something to show (a merchant without a plan makes fewer queries).
    merchant = (
        User.objects.filter(
            email__endswith=dom,
            role="merchant",
            memberships__business__plans__status__in=PUBLISHED_STATUSES,
            memberships__business__assessments__time_point="T0",
            memberships__business__assessments__status="submitted",
        )
        .order_by("email")
        .first()
    )
    users = {
        "merchant": merchant,
        "advisor": User.objects.get(email=f"advisor0000{dom}"),
        "admin": User.objects.get(email=f"admin{dom}"),
        "funder": User.objects.get(email=f"funder{dom}"),
        "partner": User.objects.filter(role="partner", email__endswith=dom).order_by("email")[0],
    }
    business = users["merchant"].memberships.get().business
    objects = {
        "t0": Assessment.objects.get(business=business, time_point="T0", status="submitted").pk
    }
    clients = {}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=False)
        clients[role].force_login(user)
    translation.activate("fr")
    floors = {}
    rows = []
    for role in users:
        floor_url = reverse("accounts:profile")
        floors[role] = measure(clients[role], floor_url, REPEAT)
        floors[role].pop("sql")
        rows.append(
            {
                "page": f"floor ({role}: accounts:profile)",
                "role": role,
                "kind": "floor",
                "url": floor_url,
                **floors[role],
                "ratio": 1.0,
            }
        )
    only = [x.strip() for x in os.environ.get("BENCH_PAGES", "").split(",") if x.strip()]
    for label, role, kind, candidates in pages(users, objects):
        if only and not any(o in label for o in only):
            continue
        url = name = None
        for name, kwargs in candidates:
            try:
                url = reverse(name, kwargs=kwargs or None)
                break
            except NoReverseMatch:
                continue
        if url is None:
            rows.append(
                {
                    "page": label,
                    "role": role,
                    "kind": kind,
                    "missing": True,
                    "url": None,
                    "note": "no such URL yet: " + ", ".join(c[0] for c in candidates),
                }
            )
            continue
        result = measure(clients[role], url, REPEAT, floor_url=reverse("accounts:profile"))
        sql = result.pop("sql")
        if result["queries"] > QUERY_BUDGET or os.environ.get("BENCH_SQL"):  # name the culprit
            result["sql_over_budget"] = [q[:200] for q in sql]
        ratio = round(result["median_ms"] / result["floor_ms"], 2)
        limit = DASHBOARD_RATIO if kind == "dashboard" else KEY_RATIO
        rows.append(
            {
                "page": label,
                "role": role,
                "kind": kind,
                "url": url,
                "url_name": name,
                **result,
                "ratio": ratio,
                "queries_ok": result["queries"] <= QUERY_BUDGET,
                "ratio_ok": ratio <= limit,
                "status_ok": result["status"] == 200,
            }
        )
    return rows, floors


def run_export() -> dict:
    """The CSV export of all businesses if `reporting` has one, else the callback-list CSV
    (the largest export that exists)."""
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from virage.accounts.models import User

    for name, kwargs in (
        ("reporting:businesses_export", {"fmt": "csv"}),
        ("waitlist:admin_export", None),
    ):
        try:
            url = reverse(name, kwargs=kwargs)
            break
        except NoReverseMatch:
            continue
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(email="admin@scale.virage.example"))
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url)
    size = 0
    if getattr(response, "streaming", False):
        for chunk in response.streaming_content:
            size += len(chunk)
    else:
        size = len(response.content)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "url_name": name,
        "status": response.status_code,
        "streaming": bool(getattr(response, "streaming", False)),
        "bytes": size,
        "seconds": round(elapsed, 2),
        "peak_mb": round(peak / 2**20, 1),
        "peak_ok": peak < 64 * 2**20,
    }


def run_functions() -> dict:
    import random

    from virage.core.management.commands.seed_scale import _answers
    from virage.diagnostics import scoring
    from virage.enterprises.eligibility import EligibilityFacts, criteria_from_program, evaluate
    from virage.programs.models import Subsector
    from virage.programs.selectors import program_current

    criteria = criteria_from_program(program_current(), list(Subsector.objects.all()))
    rng = random.Random(SEED)
    facts = [
        EligibilityFacts(
            subsector_code=rng.choice(("448", "458", "722", "4581")),
            employees=rng.randint(1, 150),
            postal_codes=(rng.choice(("J2G 1A1", "H2X 1Y4", "K1A 0B1")),),
            region_codes=("16",),
            neq=f"11{rng.randint(0, 10**8 - 1):08d}",
        )
        for _ in range(2000)
    ]
    answers = [_answers(rng, better=i % 2 == 0) for i in range(300)]

    def rate(fn, items, rounds):
        started = time.perf_counter()
        for _ in range(rounds):
            for item in items:
                fn(item)
        return round(rounds * len(items) / (time.perf_counter() - started))

    return {
        "eligibility_evaluate_per_s": rate(lambda f: evaluate(f, criteria), facts, 5),
        "score_m2_per_s": rate(scoring.score_m2, answers, 2),
        "score_r_per_s": rate(scoring.score_r, answers, 2),
    }


NATIONAL_RATIO = 1.5


def _merge_national(rows: list[dict], national: dict | None) -> None:
    """Give each program-scale row its national figures and budgets: the same query count,
    and for dashboards a median at most 1.5× the program-scale one."""
    if not national:
        return
    by_page = {r["page"]: r for r in national["pages"]}
    for row in rows:
        other = by_page.get(row["page"])
        if row.get("missing") or other is None or other.get("missing"):
            continue
        row["national"] = {
            "queries": other["queries"],
            "median_ms": other["median_ms"],
            "p95_ms": other["p95_ms"],
            "status": other["status"],
            "ratio_to_program": round(other["median_ms"] / row["median_ms"], 2),
        }
        row["same_queries_ok"] = other["queries"] == row["queries"]
        if row["kind"] == "dashboard":
            row["national_ok"] = row["national"]["ratio_to_program"] <= NATIONAL_RATIO


def _verdict(r: dict) -> str:
    if r["kind"] == "floor":
        fails = [] if r["queries"] <= QUERY_BUDGET else [f"queries > {QUERY_BUDGET}"]
    else:
        fails = []
        if not r["status_ok"]:
            fails.append(f"HTTP {r['status']}")
        if not r["queries_ok"]:
            fails.append(f"queries > {QUERY_BUDGET}")
        if not r["ratio_ok"]:
            limit = DASHBOARD_RATIO if r["kind"] == "dashboard" else KEY_RATIO
            fails.append(f"> {limit:g}× floor")
    if r.get("same_queries_ok") is False:
        fails.append("query count differs at 10×")
    if r.get("national_ok") is False:
        fails.append(f"> {NATIONAL_RATIO:g}× slower at 10×")
    if r.get("national", {}).get("status", 200) != 200:
        fails.append(f"HTTP {r['national']['status']} at 10×")
    return (
        ("floor" if r["kind"] == "floor" else "pass") if not fails else "FAIL: " + ", ".join(fails)
    )


def write(rows, export, functions, setup, national=None) -> bool:
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    _merge_national(rows, national)
    measured = [r for r in rows if not r.get("missing")]
    passed = all(not _verdict(r).startswith("FAIL") for r in measured)
    exports = [("program", export)] + ([("national", national["export"])] if national else [])
    passed = passed and all(e["peak_ok"] and e["status"] == 200 for _, e in exports)
    passed = passed and national is not None
    data = {
        "setup": setup,
        "pages": rows,
        "export": export,
        "national": {k: v for k, v in (national or {}).items() if k != "pages"} or None,
        "functions": functions,
        "budgets": {
            "queries": QUERY_BUDGET,
            "key_ratio": KEY_RATIO,
            "dashboard_ratio": DASHBOARD_RATIO,
            "national_dashboard_ratio": NATIONAL_RATIO,
            "export_peak_mb": 64,
        },
        "all_pass": passed,
    }
    (out / "latest.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    big = national["businesses"] if national else N * 10
    lines = [
        f"# Benchmark: {setup['businesses']} businesses (seed {setup['seed']}), "
        f"{setup['database']}, {setup['repeat']} requests per page",
        "",
        f"Run {setup['when']} on {setup['host']} (Python {setup['python']}).",
        "× floor = median / median of the floor page (accounts:profile, same role), the two "
        "requested alternately over the same stretch of time (floor ms). "
        f"“10×” = the same page on the national-scale database ({big:,} businesses).",
        "",
        "| page | role | URL name | queries | median ms | p95 ms | floor ms | × floor "
        "| queries 10× | median ms 10× | 10× / 1× | budget |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        if r.get("missing"):
            lines.append(
                f"| {r['page']} | {r['role']} | — | — | — | — | — | — | — | — | — "
                f"| not measured: {r['note']} |"
            )
            continue
        nat = r.get("national") or {}
        lines.append(
            f"| {r['page']} | {r['role']} | {r.get('url_name', 'accounts:profile')} | "
            f"{r['queries']} | {r['median_ms']} | {r['p95_ms']} | "
            f"{r.get('floor_ms', r['median_ms'])} | {r['ratio']} | "
            f"{nat.get('queries', '—')} | {nat.get('median_ms', '—')} | "
            f"{nat.get('ratio_to_program', '—')} | {_verdict(r)} |"
        )
    lines.append("")
    for scale, e in exports:
        lines.append(
            f"Export at {scale} scale ({e['url_name']}): HTTP {e['status']}, streaming "
            f"{e['streaming']}, {e['bytes']:,} bytes in {e['seconds']} s, tracemalloc peak "
            f"{e['peak_mb']} MB ({'pass' if e['peak_ok'] else 'FAIL'} < 64 MB)."
        )
        lines.append("")
    snaps = [("program", setup.get("snapshots"))]
    if national:
        snaps.append(("national", national.get("snapshots")))
    for scale, snap in snaps:
        if snap:
            lines.append(
                f"Dashboard snapshots at {scale} scale (the periodic job): {snap['refreshed']} "
                f"scopes recomputed in {snap['seconds']} s; the whole-program report alone "
                f"computes in {snap.get('program_report_compute_ms')} ms (what a dashboard "
                "would cost per request without snapshots)."
            )
            lines.append("")
    if national is None:
        lines += ["National scale: not measured (BENCH_NATIONAL=0): budgets not all checked.", ""]
    lines += [
        f"Functions: eligibility.evaluate {functions['eligibility_evaluate_per_s']:,}/s, "
        f"scoring.score_m2 {functions['score_m2_per_s']:,}/s, "
        f"scoring.score_r {functions['score_r_per_s']:,}/s.",
        "",
        f"All budgets pass: {'yes' if passed else 'NO'}.",
    ]
    (out / "latest.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return passed


def _django(url: str) -> None:
    os.environ.update(_env(url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _refresh_snapshots() -> dict:
    """What `run_scheduled` does every 15 minutes, timed; with the live computation time of
    the whole-program report (what a dashboard would cost without snapshots)."""
    from virage.reporting.models import ReportSnapshot
    from virage.reporting.snapshots import refresh_snapshots

    result = refresh_snapshots()
    program = (
        ReportSnapshot.objects.filter(
            kind="report", scope__regions=True, scope__filters__region=None
        )
        .values_list("compute_ms", flat=True)
        .first()
    )
    result["program_report_compute_ms"] = program
    print(f"snapshots: {result}", file=sys.stderr, flush=True)
    return result


def run_national() -> dict | None:
    """The same pages and the export at national scale (10× the businesses), in a child
    process on its own database (built on first use: about 11 minutes on SQLite)."""
    if os.environ.get("BENCH_NATIONAL", "1") == "0":
        return None
    url = ensure_database(N * 10, "BENCH_NATIONAL_DATABASE_URL")
    out = ROOT / "var" / "bench" / "national.json"
    out.unlink(missing_ok=True)
    env = dict(os.environ, BENCH_CHILD="national", BENCH_CHILD_URL=url, BENCH_OUT=str(out))
    env.setdefault("BENCH_NATIONAL_REPEAT", str(max(5, REPEAT // 3)))
    print(f"national scale ({N * 10} businesses) …", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, __file__], check=True, env=env)
    return json.loads(out.read_text())


def child_national() -> int:
    global REPEAT
    REPEAT = int(os.environ["BENCH_NATIONAL_REPEAT"])
    _django(os.environ["BENCH_CHILD_URL"])
    snapshots = _refresh_snapshots()
    rows, _ = run_pages()
    export = run_export()
    for row in rows:
        row.pop("sql_over_budget", None)
    Path(os.environ["BENCH_OUT"]).write_text(
        json.dumps({"businesses": N * 10, "snapshots": snapshots, "pages": rows, "export": export})
    )
    return 0


def main() -> int:
    import platform

    if os.environ.get("BENCH_CHILD") == "national":
        return child_national()
    _django(ensure_database())
    from django.db import connection

    snapshots = _refresh_snapshots()
    rows, _ = run_pages()
    if os.environ.get("BENCH_PAGES"):  # a quick look at some pages: print, write nothing
        for r in rows:
            print(
                f"{r['page']:40} {r.get('queries', '-'):>3} q  median {r.get('median_ms')} ms"
                f"  p95 {r.get('p95_ms')} ms  x{r.get('ratio')}"
            )
            for q in r.get("sql_over_budget", []) if os.environ.get("BENCH_SQL") else []:
                print("     ", q)
        return 0
    export = run_export()
    functions = run_functions()
    setup = {
        "businesses": N,
        "seed": SEED,
        "repeat": REPEAT,
        "database": connection.vendor,
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "host": platform.machine() + " " + platform.system(),
        "python": platform.python_version(),
        "snapshots": snapshots,
    }
    national = run_national()
    passed = write(rows, export, functions, setup, national)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
