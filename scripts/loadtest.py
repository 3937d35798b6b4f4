"""Load test: gunicorn + PostgreSQL under a mixed workload of signed-in people (issue 11).

What it does, in order:
  1. makes sure a PostgreSQL database seeded at program scale exists (created if missing,
     `migrate`, `createcachetable`, then `seed_scale --businesses 5000 --seed 2026` and
     ANALYZE only when the synthetic people are not there yet);
  2. collects the static files and starts gunicorn (config.wsgi, the worker count and timeout of
     deploy/virage-web.service) on 127.0.0.1:<free port> with production settings: DEBUG=0,
     a generated SECRET_KEY, Secure `__Host-` cookies, MFA required for staff,
     DB_CONN_MAX_AGE=60. Requests carry `X-Forwarded-Proto: https` as nginx sets it
     (SECURE_SSL_REDIRECT=0 only as a safety net);
  3. signs people in directly with Django's session machinery (auth.login on a request, then
     django_otp.login with a confirmed "loadtest" TOTP device for staff: the state a real
     sign-in with the second factor leaves in the session);
  4. checks every (person, page) pair once (HTTP 200 expected), warms the workers up, then runs
     wrk (a second process, loopback only) for LOADTEST_SECONDS on the weighted mix of WORKLOAD
     below, then the same time on the floor page (accounts:profile) for the same people;
  5. writes bench/results/loadtest.json and loadtest.md (requests/s, p50, p95, p99, errors,
     mix p95 / floor p95, and per page the server time from gunicorn's access log), prints
     the table, stops gunicorn (also on Ctrl-C) and exits 1 on any error.

Needs `wrk` (Debian package `wrk`). Environment:
  LOADTEST_DATABASE_URL  postgres://postgres@127.0.0.1:5432/virage_bench
  LOADTEST_SECONDS       60 per workload       LOADTEST_WARMUP     5 (seconds, not measured)
  LOADTEST_CONNECTIONS   12                    LOADTEST_THREADS    2
  LOADTEST_WORKERS       gunicorn workers (default: deploy/virage-web.service, else 2 × cores)
  LOADTEST_SESSIONS      merchant=50,advisor=20,admin=3 (signed-in sessions per role)
  LOADTEST_EXCLUDE       URL names to leave out of the mix, e.g. reporting:program
  LOADTEST_BUSINESSES / LOADTEST_SEED   5000 / 2026
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "var" / "loadtest"

# --- the workload: (role, URL name, weight) ------------------------------------------------------
# Weights are shares of all requests (they need not add up to 100); within a role the requests
# are spread evenly over that role's sessions. Pages whose URL needs an object get it from
# url_kwargs() below (per person). Edit here, or drop pages with LOADTEST_EXCLUDE.
WORKLOAD: list[tuple[str, str, float]] = [
    ("merchant", "accounts:home", 18),
    ("merchant", "diagnostics:results", 10),
    ("merchant", "plans:mine", 14),
    ("merchant", "training:catalog", 10),
    ("merchant", "capsules:library", 10),
    ("advisor", "accounts:home", 10),
    ("advisor", "coaching:caseload", 13),
    ("admin", "accounts:home", 3),
    ("admin", "reporting:program", 3),
    ("admin", "waitlist:admin_list", 3),
    ("admin", "plans:list", 3),
    ("admin", "enterprises:admin_applications", 3),
]
FLOOR = "accounts:profile"  # the same base layout, signed in: the reference page
DEFAULT_SESSIONS = "merchant=50,advisor=20,admin=3"
EMAIL_DOMAIN = "@scale.virage.example"
LOADTEST_DEVICE = "loadtest"  # name of the TOTP devices created for staff (deleted at the end)
WRK_TIMEOUT = "30s"  # wrk's default (2 s) would count slow pages as socket errors

DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/virage_bench"
)
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
WARMUP = int(os.environ.get("LOADTEST_WARMUP", "5"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "12"))
THREADS = int(os.environ.get("LOADTEST_THREADS", "2"))
BUSINESSES = int(os.environ.get("LOADTEST_BUSINESSES", "5000"))
SEED = int(os.environ.get("LOADTEST_SEED", "2026"))


def log(message: str) -> None:
    print(f"[loadtest] {message}", file=sys.stderr, flush=True)


# --- 1. the database ---------------------------------------------------------------------------


def build_env() -> dict:
    """Environment of migrate/seed_scale (as scripts/bench.py: development secret, fast
    hashing for the synthetic passwords)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=DATABASE_URL,
        VIRAGE_TESTING="1",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
    )
    return env


def ensure_database() -> None:
    import dj_database_url
    import psycopg
    from psycopg import sql

    db = dj_database_url.parse(DATABASE_URL)
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("LOADTEST_DATABASE_URL must be a postgres:// URL")
    params = {
        "host": db.get("HOST") or "127.0.0.1",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or "postgres",
        "password": db.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if exists.fetchone() is None:
            log(f"creating database {db['NAME']}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
    manage = [sys.executable, str(ROOT / "manage.py")]
    env = build_env()
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], check=True, env=env)
    subprocess.run([*manage, "createcachetable", "-v", "0"], check=True, env=env)
    with psycopg.connect(dbname=db["NAME"], autocommit=True, **params) as conn:
        seeded = conn.execute(
            "SELECT 1 FROM accounts_user WHERE email LIKE %s LIMIT 1", ["%" + EMAIL_DOMAIN]
        ).fetchone()
        if seeded is None:
            log(f"seeding {BUSINESSES} businesses (seed {SEED}): a few minutes")
            subprocess.run(
                [*manage, "seed_scale", "--businesses", str(BUSINESSES), "--seed", str(SEED)],
                check=True,
                env=env,
            )
            log("VACUUM ANALYZE (fresh statistics for the planner)")
            conn.execute("VACUUM ANALYZE")


# --- 2. gunicorn ---------------------------------------------------------------------------------


def deploy_option(name: str, default: int) -> int:
    """--workers / --timeout as deploy/virage-web.service sets them (the production unit)."""
    unit = ROOT / "deploy" / "virage-web.service"
    text = unit.read_text(encoding="utf-8") if unit.exists() else ""
    match = re.search(rf"--{name}[ =](\d+)", text)
    return int(match.group(1)) if match else default


def server_env() -> dict:
    """Production settings, on plain http over loopback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRAGE_TESTING", "BENCH_"))}
    env.update(
        DATABASE_URL=DATABASE_URL,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DB_CONN_MAX_AGE="60",
        VIRAGE_MFA_REQUIRED="1",
        TASK_BACKEND="database",
        STATIC_ROOT=str(WORK / "static"),
        LOG_FORMAT="json",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    ACCESS_FORMAT = '%({x-loadtest}i)s %(s)s %(D)s "%(r)s"'

    def __init__(self, env: dict, workers: int, timeout: int):
        self.env, self.workers, self.timeout = env, workers, timeout
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.access_log = WORK / "access.log"
        self.error_log = WORK / "gunicorn.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.access_log.write_text("")
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--timeout",
            str(self.timeout),
            "--forwarded-allow-ips",
            "127.0.0.1",
            "--access-logfile",
            str(self.access_log),
            "--access-logformat",
            self.ACCESS_FORMAT,
            "--error-logfile",
            str(self.error_log),
        ]
        log(f"gunicorn: {self.workers} workers on {self.base} (log: {self.error_log})")
        # own process group: a Ctrl-C in the terminal reaches this script, which stops it
        # Django's own log lines (JSON on stderr) go to the same file as gunicorn's
        with self.error_log.open("w") as err:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=err,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.process.returncode}): {self.error_log}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                time.sleep(0.5)
        raise SystemExit(f"gunicorn did not answer /healthz within 60 s: {self.error_log}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        log("stopping gunicorn")
        self.process.terminate()  # graceful: the master stops its workers
        try:
            self.process.wait(timeout=self.timeout + 5)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_offset(self) -> int:
        return self.access_log.stat().st_size

    def wait_idle(self, quiet: float) -> int:
        """After wrk stops, the workers still finish the requests they hold: wait until the
        access log has not grown for `quiet` seconds (so the next workload starts on idle
        workers and each is counted in its own phase); returns the log offset then."""
        deadline = time.monotonic() + self.timeout + quiet
        size, since = self.log_offset(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.25)
            now = self.log_offset()
            if now != size:
                size, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return size

    def per_page(self, start: int, end: int) -> dict[str, list[tuple[int, float]]]:
        """(status, server ms) per workload label, from the access log between two offsets."""
        with self.access_log.open("rb") as fh:
            fh.seek(start)
            chunk = fh.read(end - start).decode("utf-8", "replace")
        pages: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for line in chunk.splitlines():
            parts = line.split(" ", 3)
            if len(parts) >= 3 and parts[1].isdigit() and parts[2].isdigit():
                pages[parts[0]].append((int(parts[1]), int(parts[2]) / 1000))
        return pages


# --- 3. sessions ----------------------------------------------------------------------------------


def parse_sessions() -> dict[str, int]:
    spec = os.environ.get("LOADTEST_SESSIONS", DEFAULT_SESSIONS)
    counts = {}
    for part in spec.split(","):
        role, _, count = part.partition("=")
        counts[role.strip()] = int(count)
    return counts


def setup_django(env: dict) -> None:
    """Django in this process with the server's settings (same SECRET_KEY: the sessions and
    their auth hashes must be valid in gunicorn)."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.getLogger("virage.security").setLevel(logging.WARNING)  # one line per sign-in


def sign_in(user) -> str:
    """A session as a real sign-in leaves it (with the second factor for staff)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import login
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django_otp import login as otp_login
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from virage.accounts.models import STAFF_ROLES

    device = None
    if user.role in STAFF_ROLES:
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name=LOADTEST_DEVICE, defaults={"confirmed": True}
        )
    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    request.user = AnonymousUser()
    login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
    if device is not None:
        otp_login(request, device)
    request.session.save()
    return request.session.session_key


def url_kwargs(url_name: str, user) -> dict | None:
    from virage.diagnostics.models import Assessment

    if url_name == "diagnostics:results":
        business = user.memberships.get().business
        return {"pk": Assessment.objects.get(business=business, time_point="T0").pk}
    return None


def active_workload() -> list[tuple[str, str, float]]:
    excluded = {x.strip() for x in os.environ.get("LOADTEST_EXCLUDE", "").split(",")}
    return [w for w in WORKLOAD if w[1] not in excluded]


def build_entries() -> tuple[list[dict], list[dict], list[str]]:
    """The weighted (session, path) pairs of the mix and of the floor; the session keys."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from virage.accounts.models import User

    translation.activate(settings.LANGUAGE_CODE)
    workload = active_workload()
    sessions = parse_sessions()
    cookie_name = settings.SESSION_COOKIE_NAME
    people: dict[str, list[tuple[object, str]]] = {}
    keys = []
    for role, count in sessions.items():
        if not any(w[0] == role for w in workload) or count < 1:
            continue
        users = list(
            User.objects.filter(role=role, email__endswith=EMAIL_DOMAIN, is_active=True)
            .exclude(email__startswith="employee")
            .order_by("email")
        )
        if not users:
            raise SystemExit(f"no synthetic {role} in the database")
        step = max(1, len(users) // count)  # spread over the program, not the first few
        chosen = [users[(i * step) % len(users)] for i in range(count)]  # reused if too few
        people[role] = []
        for user in chosen:
            key = sign_in(user)
            keys.append(key)
            people[role].append((user, f"{cookie_name}={key}"))
        log(f"{count} {role} sessions ({len({u.pk for u in chosen})} distinct accounts)")
    mix, floor = [], []
    floor_path = reverse(FLOOR)
    role_weight: dict[str, float] = defaultdict(float)
    for role, url_name, weight in workload:
        if role not in people:
            continue
        role_weight[role] += weight
        share = weight / len(people[role])
        for user, cookie in people[role]:
            path = reverse(url_name, kwargs=url_kwargs(url_name, user))
            label = f"{role}:{url_name}"
            mix.append({"label": label, "path": path, "cookie": cookie, "weight": share})
    for role, total in role_weight.items():
        for _user, cookie in people[role]:
            floor.append(
                {
                    "label": f"{role}:{FLOOR}",
                    "path": floor_path,
                    "cookie": cookie,
                    "weight": total / len(people[role]),
                }
            )
    return mix, floor, keys


def refresh_snapshots() -> None:
    """What `manage.py run_scheduled` does every 15 minutes in production: the dashboards'
    pre-computed figures (where the reporting app has them)."""
    try:
        from virage.reporting.snapshots import refresh_snapshots as refresh
    except ImportError:
        return
    log(f"reporting snapshots: {refresh()}")


def clean_up(keys: list[str]) -> None:
    """Leave the database as it was: the sessions, and the "loadtest" authenticators (a staff
    account with one is asked for a code by scripts/bench.py's test client)."""
    from django.contrib.sessions.models import Session
    from django_otp.plugins.otp_totp.models import TOTPDevice

    Session.objects.filter(session_key__in=keys).delete()
    TOTPDevice.objects.filter(name=LOADTEST_DEVICE, user__email__endswith=EMAIL_DOMAIN).delete()


# --- 4. wrk ---------------------------------------------------------------------------------------

LUA = r"""-- generated by scripts/loadtest.py: weighted (session, page) pairs, status counts
local entries = {
%(entries)s
}
local cumulative, total = {}, 0
for i, e in ipairs(entries) do total = total + e[4]; cumulative[i] = total end

local threads, counter = {}, 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(%(seed)d + id)
  requests = {}
  for i, e in ipairs(entries) do
    requests[i] = wrk.format("GET", e[2], {
      ["Host"] = "%(host)s",
      ["Cookie"] = e[3],
      ["X-Forwarded-Proto"] = "https",
      ["X-Forwarded-For"] = "127.0.0.1",
      ["Accept-Language"] = "fr",
      ["X-Loadtest"] = e[1],
    })
  end
  statuses = {}
end

function request()
  local r, lo, hi = math.random() * total, 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  return requests[lo]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do table.insert(parts, string.format('"%%d": %%d', status, n)) end
  local e = summary.errors
  io.write(string.format(
    'LOADTEST_JSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, ' ..
    '"socket_errors": {"connect": %%d, "read": %%d, "write": %%d, "timeout": %%d}, ' ..
    '"non_2xx_3xx": %%d, "statuses": {%%s}, "latency_us": {"min": %%d, "mean": %%.1f, ' ..
    '"stdev": %%.1f, "p50": %%d, "p75": %%d, "p90": %%d, "p95": %%d, "p99": %%d, "max": %%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status, table.concat(parts, ", "),
    latency.min, latency.mean, latency.stdev, latency:percentile(50), latency:percentile(75),
    latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def write_lua(entries: list[dict], name: str, host: str) -> Path:
    rows = ",\n".join(
        f"  {{{lua_string(e['label'])}, {lua_string(e['path'])}, {lua_string(e['cookie'])}, "
        f"{e['weight']:.6f}}}"
        for e in entries
    )
    path = WORK / f"{name}.lua"
    path.write_text(LUA % {"entries": rows, "seed": SEED, "host": host}, encoding="utf-8")
    return path


def run_wrk(wrk: str, base: str, script: Path, seconds: int) -> dict:
    command = [
        wrk,
        f"--threads={THREADS}",
        f"--connections={CONNECTIONS}",
        f"--duration={seconds}s",
        f"--timeout={WRK_TIMEOUT}",
        "--latency",
        f"--script={script}",
        base,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    (WORK / f"{script.stem}.wrk.txt").write_text(out.stdout + out.stderr)
    line = next((x for x in out.stdout.splitlines() if x.startswith("LOADTEST_JSON ")), None)
    if out.returncode != 0 or line is None:
        raise SystemExit(f"wrk failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    data = json.loads(line.removeprefix("LOADTEST_JSON "))
    statuses = {int(k): v for k, v in data["statuses"].items()}
    seconds_run = data["duration_us"] / 1e6
    socket_errors = sum(data["socket_errors"].values())
    http_errors = sum(n for s, n in statuses.items() if s >= 400)
    redirects = sum(n for s, n in statuses.items() if 300 <= s < 400)
    lat = data["latency_us"]
    return {
        "requests": data["requests"],
        "seconds": round(seconds_run, 1),
        "requests_per_s": round(data["requests"] / seconds_run, 1),
        "mb_per_s": round(data["bytes"] / seconds_run / 2**20, 2),
        "latency_ms": {k: round(v / 1000, 1) for k, v in lat.items()},
        "statuses": dict(sorted(statuses.items())),
        "http_errors": http_errors,
        "unexpected_redirects": redirects,
        "socket_errors": data["socket_errors"],
        "errors": http_errors + redirects + socket_errors,
    }


def preflight(entries: list[dict], base: str, host: str) -> list[str]:
    """One request per (session, page) pair: every one must answer 200 (a redirect to the
    sign-in or two-factor page means the session is not what a real sign-in leaves)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    problems, seen = [], set()
    for e in entries:
        if (e["path"], e["cookie"]) in seen:
            continue
        seen.add((e["path"], e["cookie"]))
        request = urllib.request.Request(  # noqa: S310 - loopback only
            base + e["path"],
            headers={
                "Host": host,
                "Cookie": e["cookie"],
                "X-Forwarded-Proto": "https",
                "Accept-Language": "fr",
                "X-Loadtest": "preflight",
            },
        )
        try:
            with opener.open(request, timeout=60) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        if status != 200:
            problems.append(f"{e['label']} {e['path']}: HTTP {status}")
    return problems


# --- 5. results -----------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def page_rows(pages: dict[str, list[tuple[int, float]]]) -> list[dict]:
    total_requests = sum(len(v) for v in pages.values()) or 1
    total_ms = sum(ms for v in pages.values() for _, ms in v) or 1
    rows = []
    for label, hits in pages.items():
        times = [ms for _, ms in hits]
        rows.append(
            {
                "page": label,
                "requests": len(hits),
                "share_requests": round(100 * len(hits) / total_requests, 1),
                "server_median_ms": round(statistics.median(times), 1),
                "server_p95_ms": round(percentile(times, 95), 1),
                "share_server_time": round(100 * sum(times) / total_ms, 1),
                "non_200": sum(1 for status, _ in hits if status != 200),
            }
        )
    return sorted(rows, key=lambda r: -r["share_server_time"])


def write_results(data: dict) -> str:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "loadtest.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    s, mix, floor = data["setup"], data["mix"], data["floor"]
    lines = [
        f"# Load test: gunicorn + PostgreSQL, {s['businesses']} businesses (seed {s['seed']})",
        "",
        f"Run {s['when']} on {s['host']} ({s['cores']} cores, shared with the client and "
        f"PostgreSQL): gunicorn {s['gunicorn_workers']} sync workers, production settings; wrk "
        f"{s['threads']} threads, {s['connections']} connections, {s['seconds']} s per "
        f"workload, sessions {s['sessions']}. Latency as wrk sees it (queueing included).",
        "",
        "| workload | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |"
        " p95 × floor |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in (("mixed", mix), ("floor (accounts:profile)", floor)):
        lat = r["latency_ms"]
        lines.append(
            f"| {name} | {r['requests']} | {r['requests_per_s']} | {lat['p50']} | {lat['p95']} | "
            f"{lat['p99']} | {lat['max']} | {r['errors']} | "
            f"{r.get('p95_ratio_to_floor', 1.0)} |"
        )
    lines += [
        "",
        "Errors = HTTP ≥ 400 + unexpected redirects (a lost session) + socket errors/timeouts.",
        "",
        "Per page, server time from gunicorn's access log (request in, response out; no "
        "queueing), sorted by share of the workers' time; median × floor = server median / "
        "server median of the floor page for the same role, under the same load:",
    ]
    weights = {f"{r}:{u}": w for r, u, w in data["workload"]}
    for title, pages in (("Mixed workload", data["mix_pages"]), ("Floor", data["floor_pages"])):
        lines += [
            "",
            f"{title}:",
            "",
            "| page (role:URL name) | weight | requests | % requests | server median ms | "
            "server p95 ms | median × floor | % server time | non-200 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for p in pages:
            lines.append(
                f"| {p['page']} | {weights.get(p['page'], '—')} | {p['requests']} | "
                f"{p['share_requests']} | {p['server_median_ms']} | {p['server_p95_ms']} | "
                f"{p.get('median_ratio_to_floor', 1.0)} | {p['share_server_time']} | "
                f"{p['non_200']} |"
            )
    lines += ["", f"Result: {'PASS (0 errors)' if data['passed'] else 'FAIL'}."]
    text = "\n".join(lines) + "\n"
    (RESULTS / "loadtest.md").write_text(text)
    return text


def main() -> int:
    import platform

    wrk = shutil.which("wrk")
    if wrk is None:
        print(
            "wrk is not installed: `apt-get install wrk` (Debian package `wrk`), then run "
            "this script again.",
            file=sys.stderr,
        )
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    ensure_database()
    env = server_env()
    log("collectstatic (manifest storage, as in production)")
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
        check=True,
        env=env,
        cwd=ROOT,
    )
    cores = os.cpu_count() or 1
    workers = int(os.environ.get("LOADTEST_WORKERS") or deploy_option("workers", 2 * cores))
    server = Gunicorn(env, workers, deploy_option("timeout", 60))
    host = "127.0.0.1"
    setup_django(env)
    keys: list[str] = []

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    try:
        server.start()
        refresh_snapshots()
        mix, floor, keys = build_entries()
        log(f"preflight: {len({(e['path'], e['cookie']) for e in mix + floor})} requests")
        problems = preflight(mix + floor, server.base, host)
        if problems:
            print(
                "Pages that do not answer 200 (tracebacks in "
                f"{server.error_log}; leave a page out with LOADTEST_EXCLUDE=<URL name>):\n  "
                + "\n  ".join(problems),
                file=sys.stderr,
            )
            return 1
        mix_lua = write_lua(mix, "mix", host)
        floor_lua = write_lua(floor, "floor", host)
        quiet = 2.0
        if WARMUP:
            log(f"warm-up {WARMUP} s (not measured)")
            run_wrk(wrk, server.base, mix_lua, WARMUP)
        start = server.wait_idle(quiet)
        log(f"mixed workload {SECONDS} s")
        mix_result = run_wrk(wrk, server.base, mix_lua, SECONDS)
        # the slowest page seen so far bounds how long a worker may still be busy
        slowest = max(
            (ms for v in server.per_page(0, server.log_offset()).values() for _, ms in v), default=0
        )
        middle = server.wait_idle(max(quiet, slowest / 1000 + 1))
        log(f"floor page {SECONDS} s")
        floor_result = run_wrk(wrk, server.base, floor_lua, SECONDS)
        end = server.wait_idle(quiet)
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        server.stop()
        clean_up(keys)
    floor_pages = page_rows(server.per_page(middle, end))
    mix_pages = page_rows(server.per_page(start, middle))
    floor_median = {p["page"].split(":", 1)[0]: p["server_median_ms"] for p in floor_pages}
    for p in mix_pages:
        reference = floor_median.get(p["page"].split(":", 1)[0])
        ratio = round(p["server_median_ms"] / reference, 1) if reference else None
        p["median_ratio_to_floor"] = ratio
    floor_p95 = floor_result["latency_ms"]["p95"] or 1
    mix_result["p95_ratio_to_floor"] = round(mix_result["latency_ms"]["p95"] / floor_p95, 1)
    data = {
        "setup": {
            "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "host": platform.node(),
            "cores": cores,
            "python": platform.python_version(),
            "database": re.sub(r"//[^@/]*@", "//", DATABASE_URL),
            "businesses": BUSINESSES,
            "seed": SEED,
            "gunicorn_workers": workers,
            "threads": THREADS,
            "connections": CONNECTIONS,
            "seconds": SECONDS,
            "sessions": os.environ.get("LOADTEST_SESSIONS", DEFAULT_SESSIONS),
            "mfa": "staff sessions verified with a confirmed TOTP device (django_otp.login)",
        },
        "workload": [list(w) for w in active_workload()],
        "mix": mix_result,
        "floor": floor_result,
        "mix_pages": mix_pages,
        "floor_pages": floor_pages,
    }
    data["passed"] = mix_result["errors"] == 0 and floor_result["errors"] == 0
    print(write_results(data))
    return 0 if data["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
