"""`make bench`: server-side page timings at program scale, with budgets (docs/performance.md).

Builds (or reuses) a synthetic database keyed by N and seed under var/bench/ with
`manage.py seed_scale`, then measures each key page with a signed-in Django test client:
queries per request, median and p95 over BENCH_REPEAT requests (default 30), the ratio to the
floor page (accounts:profile: the same base layout, signed in as the same role), and the
pass/fail of the budgets. Also the CSV export (time, tracemalloc peak) and the eligibility and
scoring functions (operations per second). Writes bench/results/latest.json and latest.md.

Environment: BENCH_BUSINESSES (5000), BENCH_SEED (2026), BENCH_REPEAT (30),
BENCH_DATABASE_URL (PostgreSQL, already seeded or empty & migrated by this script).
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
    return env


def ensure_database() -> str:
    """The database URL to measure; builds it when missing (migrate + seed_scale)."""
    if os.environ.get("BENCH_DATABASE_URL"):
        url = os.environ["BENCH_DATABASE_URL"]
        ready = None
    else:
        path = ROOT / "var" / "bench" / f"bench-n{N}-s{SEED}.sqlite3"
        url = f"sqlite:///{path}"
        if path.exists():
            return url
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.sqlite3")
        tmp.unlink(missing_ok=True)
        ready = (tmp, path)
        url_build = f"sqlite:///{tmp}"
    build = url if ready is None else url_build
    manage = [sys.executable, str(ROOT / "manage.py")]
    env = _env(build)
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], check=True, env=env)
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
        print(f"seeding {N} businesses (seed {SEED}) …", flush=True)
        subprocess.run(
            [*manage, "seed_scale", "--businesses", str(N), "--seed", str(SEED)],
            check=True,
            env=env,
        )
    if ready is not None:
        ready[0].rename(ready[1])
    return url


def measure(client, url: str, repeat: int) -> dict:
    from django.db import connection

    def one():
        response = client.get(url)
        if getattr(response, "streaming", False):
            for _ in response.streaming_content:
                pass
        return response

    started = time.perf_counter()
    one()  # warm-up (template and URL caches)
    print(f"  {url}: first request {1000 * (time.perf_counter() - started):.0f} ms",
          file=sys.stderr, flush=True)
    # Counted with an execute wrapper: request_started resets connection.queries, so
    # CaptureQueriesContext would see nothing across a test-client request.
    executed = []

    def counter(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        response = one()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        one()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {
        "status": response.status_code,
        "queries": len(executed),
        "sql": executed,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(p95, 2),
    }


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

    dom = "@scale.virage.example"
    users = {
        "merchant": User.objects.get(email=f"merchant000000{dom}"),
        "advisor": User.objects.get(email=f"advisor0000{dom}"),
        "admin": User.objects.get(email=f"admin{dom}"),
        "funder": User.objects.get(email=f"funder{dom}"),
        "partner": User.objects.filter(role="partner", email__endswith=dom).order_by("email")[0],
    }
    business = users["merchant"].memberships.get().business
    objects = {"t0": Assessment.objects.get(business=business, time_point="T0").pk}
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
    for label, role, kind, candidates in pages(users, objects):
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
        result = measure(clients[role], url, REPEAT)
        sql = result.pop("sql")
        if result["queries"] > QUERY_BUDGET:  # the statements, to name the culprit
            result["sql_over_budget"] = [q[:200] for q in sql]
        ratio = round(result["median_ms"] / floors[role]["median_ms"], 2)
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


def write(rows, export, functions, setup) -> bool:
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    measured = [r for r in rows if r["kind"] != "floor" and not r.get("missing")]
    passed = all(r["queries_ok"] and r["ratio_ok"] and r["status_ok"] for r in measured)
    passed = passed and all(r["queries"] <= QUERY_BUDGET for r in rows if not r.get("missing"))
    data = {
        "setup": setup,
        "pages": rows,
        "export": export,
        "functions": functions,
        "budgets": {
            "queries": QUERY_BUDGET,
            "key_ratio": KEY_RATIO,
            "dashboard_ratio": DASHBOARD_RATIO,
        },
        "all_pass": passed,
    }
    (out / "latest.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    lines = [
        f"# Benchmark: {setup['businesses']} businesses (seed {setup['seed']}), "
        f"{setup['database']}, {setup['repeat']} requests per page",
        "",
        f"Run {setup['when']} on {setup['host']} (Python {setup['python']}).",
        "Ratio = median / median of the floor page (accounts:profile) for the same role.",
        "",
        "| page | role | URL name | queries | median ms | p95 ms | × floor | budget |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        if r.get("missing"):
            lines.append(
                f"| {r['page']} | {r['role']} | — | — | — | — | — | not measured: {r['note']} |"
            )
            continue
        if r["kind"] == "floor":
            verdict = "floor" + (
                "" if r["queries"] <= QUERY_BUDGET else f"; FAIL queries > {QUERY_BUDGET}"
            )
        else:
            fails = []
            if not r["status_ok"]:
                fails.append(f"HTTP {r['status']}")
            if not r["queries_ok"]:
                fails.append(f"queries > {QUERY_BUDGET}")
            if not r["ratio_ok"]:
                limit = DASHBOARD_RATIO if r["kind"] == "dashboard" else KEY_RATIO
                fails.append(f"> {limit:g}× floor")
            verdict = "pass" if not fails else "FAIL: " + ", ".join(fails)
        lines.append(
            f"| {r['page']} | {r['role']} | {r.get('url_name', 'accounts:profile')} | "
            f"{r['queries']} | {r['median_ms']} | {r['p95_ms']} | {r['ratio']} | {verdict} |"
        )
    lines += [
        "",
        f"Export ({export['url_name']}): HTTP {export['status']}, streaming {export['streaming']}, "
        f"{export['bytes']:,} bytes in {export['seconds']} s, tracemalloc peak "
        f"{export['peak_mb']} MB ({'pass' if export['peak_ok'] else 'FAIL'} < 64 MB).",
        "",
        f"Functions: eligibility.evaluate {functions['eligibility_evaluate_per_s']:,}/s, "
        f"scoring.score_m2 {functions['score_m2_per_s']:,}/s, "
        f"scoring.score_r {functions['score_r_per_s']:,}/s.",
        "",
        f"All budgets pass: {'yes' if passed else 'NO'}.",
    ]
    (out / "latest.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return passed


def main() -> int:
    import platform

    url = ensure_database()
    os.environ.update(_env(url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    rows, _ = run_pages()
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
    }
    passed = write(rows, export, functions, setup)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
