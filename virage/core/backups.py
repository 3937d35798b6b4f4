"""Backups and restores: PostgreSQL dump (or SQLite copy), media archive, and a manifest of
row counts and integer totals per table that a restore is checked against (restore drill)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, models

MANIFEST = "manifest.json"


def _tables() -> list[tuple[str, list[str]]]:
    """(table, integer columns to total) for every concrete table the project manages."""
    result = []
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed:
            continue
        integer_columns = [
            f.column
            for f in opts.concrete_fields
            if isinstance(f, models.IntegerField | models.BigIntegerField)
            and not f.primary_key
            and not f.is_relation
        ]
        result.append((opts.db_table, sorted(integer_columns)))
    return sorted(set((t, tuple(c)) for t, c in result))  # type: ignore[arg-type]


def fingerprint(cursor) -> dict[str, dict]:
    """Row count and the sum of each integer column, per table, through a DB-API cursor."""
    result = {}
    for table, columns in _tables():
        sums = ", ".join(f'COALESCE(SUM("{c}"), 0)' for c in columns)
        sql = f'SELECT COUNT(*){", " + sums if sums else ""} FROM "{table}"'  # noqa: S608
        cursor.execute(sql)
        row = cursor.fetchone()
        result[table] = {
            "rows": int(row[0]),
            "totals": {c: int(v) for c, v in zip(columns, row[1:], strict=True)},
        }
    return result


def _pg_url(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def database_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{auth}{db.get('HOST') or '127.0.0.1'}{port}/{db['NAME']}"


def backup(output: Path) -> Path:
    """Write a backup folder under `output` and return it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = output / f"virage-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    with connection.cursor() as cursor:
        prints = fingerprint(cursor)
    if connection.vendor == "postgresql":
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={target / 'database.dump'}",
                f"--dbname={database_url()}",
            ],
            check=True,
            capture_output=True,
        )
        engine = "postgresql"
    else:
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        with sqlite3.connect(target / "database.sqlite3") as dest:
            source.backup(dest)
        source.close()
        engine = "sqlite"
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    manifest = {"created_at": stamp, "engine": engine, "tables": prints}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return target


def restore(source: Path, *, url: str, media_root: Path | None = None) -> dict[str, dict]:
    """Restore a backup folder into the (empty) database at `url`; return its fingerprint."""
    manifest = json.loads((source / MANIFEST).read_text())
    if manifest["engine"] == "postgresql":
        if not url.startswith(("postgres://", "postgresql://")):
            raise ValueError("a PostgreSQL backup restores into a postgres:// database")
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={_pg_url(url)}",
                str(source / "database.dump"),
            ],
            check=True,
            capture_output=True,
        )
        import psycopg

        with psycopg.connect(_pg_url(url)) as conn, conn.cursor() as cursor:
            restored = fingerprint(cursor)
    else:
        path = Path(url.removeprefix("sqlite:///"))
        if path.exists() and path.stat().st_size:
            raise ValueError(f"{path} exists: restore into a fresh database")
        shutil.copyfile(source / "database.sqlite3", path)
        with sqlite3.connect(path) as conn:
            restored = fingerprint(conn.cursor())
    if media_root is not None:
        with tarfile.open(source / "media.tar.gz") as archive:
            archive.extractall(media_root.parent, filter="data")
    return restored


def compare(expected: dict[str, dict], actual: dict[str, dict]) -> list[str]:
    """Differences between two fingerprints, as readable lines (empty when equal)."""
    problems = []
    for table in sorted(set(expected) | set(actual)):
        if expected.get(table) != actual.get(table):
            problems.append(f"{table}: expected {expected.get(table)}, got {actual.get(table)}")
    return problems
