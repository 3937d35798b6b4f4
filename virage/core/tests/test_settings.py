"""Configuration errors are one clear line, and production settings pass `check --deploy`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BASE = Path(__file__).resolve().parents[3]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "SECRET_KEY",
            "DEBUG",
            "VIRAGE_TESTING",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    clean.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_secret_key_in_production_is_one_clear_line():
    result = run_manage("check", DEBUG="0")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "virage: configuration error: SECRET_KEY is required when DEBUG is off: set SECRET_KEY "
        "(or SECRET_KEY_FILE) to a long random value (in development: DEBUG=1, as make run "
        "and make test do)."
    ]


def test_wrong_database_url_is_one_clear_line():
    result = run_manage("check", DEBUG="1", DATABASE_URL="mysqlx://nowhere/db")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("virage: configuration error: DATABASE_URL")


def test_unreachable_database_is_one_clear_line():
    result = run_manage(
        "migrate", "--check", DEBUG="1", DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing"
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("virage: database unavailable (check DATABASE_URL):")


def test_secret_key_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("x" * 60)
    result = run_manage(
        "check", DEBUG="0", SECRET_KEY_FILE=str(secret), ALLOWED_HOSTS="virage.example"
    )
    assert result.returncode == 0, result.stderr


def test_check_deploy_passes_with_production_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="k" * 20 + "-production-like-secret-key-0123456789abcdef",
        ALLOWED_HOSTS="virage.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
