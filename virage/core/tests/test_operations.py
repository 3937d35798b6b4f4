"""Production operations, exercised for real: Redis/RQ queue with a real worker, two app
servers sharing PostgreSQL, and the backup → restore drill (docs/operations.md)."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection

from virage.core.backups import compare, database_url, fingerprint

BASE = Path(__file__).resolve().parents[3]


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PYTEST") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update({"VIRAGE_TESTING": "1", "DEBUG": "0", "DATABASE_URL": database_url(), **extra})
    return env


def manage(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_rq_queue_runs_a_real_task_exactly_once(tmp_path):
    if not redis_available():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    from virage.core.models import OutgoingEmail

    email = OutgoingEmail.objects.create(
        key=f"rq-{uuid.uuid4()}",
        to="marie@example.com",
        language="fr",
        template="t",
        subject="Bonjour",
        body_text="Corps",
    )
    queue_db = 15
    env = subprocess_env(
        TASK_BACKEND="rq",
        REDIS_URL=f"redis://127.0.0.1:6379/{queue_db}",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    enqueue = (
        "from virage.core.tasks import send_email; "
        f"send_email.enqueue({email.pk}); send_email.enqueue({email.pk})"
    )
    flush = manage("shell", "-c", "import django_rq; django_rq.get_connection().flushdb()", env=env)
    assert flush.returncode == 0, flush.stderr
    result = manage("shell", "-c", enqueue, env=env)
    assert result.returncode == 0, result.stderr
    worker = manage(
        "rqworker",
        "--burst",
        "--job-class",
        "django_tasks_rq.backend.Job",
        "default",
        "email",
        env=env,
    )
    assert worker.returncode == 0, worker.stderr
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 1)
    assert len(list((tmp_path / "mail").iterdir())) == 1  # enqueued twice, sent once


def _start_server(port: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=BASE,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _wait_ready(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"server on port {port} did not start")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_app_servers_share_sessions_and_the_task_queue(tmp_path, personas):
    from virage.core.models import OutgoingEmail

    env = subprocess_env(
        TASK_BACKEND="database",
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    port_a, port_b = free_port(), free_port()
    servers = [_start_server(port_a, env), _start_server(port_b, env)]
    try:
        _wait_ready(port_a)
        _wait_ready(port_b)
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
        login_url = f"http://127.0.0.1:{port_a}/fr/account/login/"
        page = opener.open(login_url).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": personas.marie.email,
                "password": "Test-password-2026",
            }
        ).encode()
        request = urllib.request.Request(login_url, data=data, headers={"Referer": login_url})
        try:
            opener.open(request)
        except urllib.error.HTTPError as exc:  # the 302 after a successful login
            assert exc.code == 302, exc.read()[:500]
        # the session created by server A works on server B
        home = opener.open(f"http://127.0.0.1:{port_b}/fr/account/home/").read().decode()
        assert "Bonjour Marie" in home
        # a task enqueued by server B (password reset e-mail) is run by a worker
        reset_url = f"http://127.0.0.1:{port_b}/fr/account/password-reset/"
        page = opener.open(reset_url).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "email": personas.luc.email}
        ).encode()
        try:
            opener.open(
                urllib.request.Request(reset_url, data=data, headers={"Referer": reset_url})
            )
        except urllib.error.HTTPError as exc:
            assert exc.code == 302
        assert OutgoingEmail.objects.get(to=personas.luc.email).status == "queued"
        worker = manage("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", env=env)
        assert worker.returncode == 0, worker.stderr
        assert OutgoingEmail.objects.get(to=personas.luc.email).status == "sent"
        assert len(list((tmp_path / "mail").iterdir())) == 1
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_backup_restore_drill_on_postgresql(tmp_path, businesses):
    import psycopg

    env = subprocess_env()
    result = manage("backup", "--output", str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    folder = Path(result.stdout.strip())
    manifest = json.loads((folder / "manifest.json").read_text())
    with connection.cursor() as cursor:
        assert manifest["tables"] == fingerprint(cursor)
    assert manifest["tables"]["enterprises_business"]["rows"] == 2
    fresh = f"virage_restore_{uuid.uuid4().hex[:8]}"
    admin_url = database_url().rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{fresh}"')
    try:
        target = database_url().rsplit("/", 1)[0] + f"/{fresh}"
        restored = manage("restore", str(folder), "--database-url", target, env=env)
        assert restored.returncode == 0, restored.stderr
        assert restored.stdout.startswith("restored and verified:")
        with psycopg.connect(target) as conn:
            total = conn.execute(
                "SELECT SUM(coaching_minutes_allowed) FROM enterprises_business"
            ).fetchone()[0]
        assert total == 600 + 720  # Marie: standard 10 h; Luc: 2 locations, 10 h + 2 h
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_backup_restore_drill_on_sqlite(tmp_path):
    db = tmp_path / "source.sqlite3"
    env = subprocess_env(DATABASE_URL=f"sqlite:///{db}", VIRAGE_DEMO="1")
    for args in (("migrate", "--noinput"), ("seed_demo", "--quiet")):
        result = manage(*args, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
    result = manage("backup", "--output", str(tmp_path / "backups"), env=env)
    assert result.returncode == 0, result.stderr
    folder = Path(result.stdout.strip())
    restored = manage(
        "restore",
        str(folder),
        "--database-url",
        f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        env=env,
    )
    assert restored.returncode == 0, restored.stderr
    assert "restored and verified" in restored.stdout
    # a restore never overwrites an existing database
    again = manage(
        "restore",
        str(folder),
        "--database-url",
        f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        env=env,
    )
    assert again.returncode != 0


def test_compare_reports_differences():
    a = {"t": {"rows": 2, "totals": {"n": 5}}}
    b = {"t": {"rows": 1, "totals": {"n": 5}}}
    assert compare(a, a) == []
    assert compare(a, b) == [
        "t: expected {'rows': 2, 'totals': {'n': 5}}, got {'rows': 1, 'totals': {'n': 5}}"
    ]


def test_readyz_reports_database_and_queue(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "queue": "ok"}


def test_email_failure_is_retried_with_backoff(db, settings, monkeypatch):
    from django.core import mail as django_mail
    from django_tasks.backends.dummy import DummyBackend

    from virage.core import tasks
    from virage.core.models import OutgoingEmail

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    email = OutgoingEmail.objects.create(
        key="retry", to="x@example.com", language="fr", template="t", subject="s", body_text="b"
    )

    def boom(self, *args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(django_mail.EmailMultiAlternatives, "send", boom)
    assert tasks.retry_delay(1).total_seconds() == 60
    assert tasks.retry_delay(3).total_seconds() == 240
    assert tasks.retry_delay(10).total_seconds() == 3600
    assert isinstance(tasks.send_email.get_backend(), DummyBackend)
    from django.test.utils import CaptureQueriesContext  # noqa: F401

    result = tasks.send_email.call(email.pk)
    email.refresh_from_db()
    assert (result, email.status, email.attempts, email.last_error) == (
        "retry-scheduled",
        "queued",
        1,
        "ConnectionRefusedError",
    )
    email.attempts = settings.EMAIL_MAX_ATTEMPTS - 1
    email.save()
    assert tasks.send_email.call(email.pk) == "failed"
    email.refresh_from_db()
    assert email.status == "failed"


CALLS: list[str] = []


def _job():
    CALLS.append("ran")
    return "did it"


def test_run_scheduled_runs_due_jobs_once(db):
    from django.core.management import call_command

    from virage.core import scheduling
    from virage.core.models import ScheduledRun

    CALLS.clear()
    scheduling.register_periodic("test.job", f"{__name__}._job", every_minutes=60)
    try:
        call_command("run_scheduled")
        call_command("run_scheduled")  # started again at once: not due, does nothing
        assert CALLS == ["ran"]
        assert ScheduledRun.objects.get(name="test.job").last_result == "did it"
        call_command("run_scheduled", "--force")
        assert CALLS == ["ran", "ran"]
    finally:
        scheduling._JOBS.pop("test.job")
