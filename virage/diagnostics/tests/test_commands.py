"""manage.py diagnostic_score (files) and diagnostic_rescore (stored answers)."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from virage.diagnostics import scoring
from virage.diagnostics.models import ScoreRecord

from .factories import (
    EXAMPLE_FILE,
    example_answers,
    improved_answers,
    make_assessment,
    make_business,
)
from .test_services import halved

BASE = Path(__file__).resolve().parents[3]
EXPECTED = (
    '{"version": "dma-b1", "dimensions": {"D1": 35.0, "D2": 31.4, "D3": 33.0, "D4": 33.3, '
    '"D5": 12.0, "D6": 25.0}, "overall": 28.3, "band": "average"}'
)


def score(path, *args) -> str:
    out = StringIO()
    call_command("diagnostic_score", str(path), *args, stdout=out)
    return out.getvalue()


def test_scores_the_documented_example_exactly():
    assert score(EXAMPLE_FILE) == EXPECTED + "\n"


def test_domain_worked_example(tmp_path):
    answers = {
        "m2_1_1": {"already": [], "plans": list(range(1, 11))},
        "m2_1_2": [1, 2, 3, 4, 5, 6],
        "m2_2_3": [],
        "m2_2_4": [0] * 7,
        "m2_3_5": [],
        "m2_3_6": [],
        "m2_4_7": [],
        "m2_4_8": [],
        "m2_5_9": [0] * 5,
        "m2_6_10": [],
        "m2_6_11": ["no"] * 5,
    }
    path = tmp_path / "d1.json"
    path.write_text(json.dumps(answers))
    assert json.loads(score(path))["dimensions"]["D1"] == 46.7


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{",
            "not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2)",
        ),
        ("[]", "Answers must be a JSON object whose keys are question or item keys."),
        (
            json.dumps(example_answers() | {"m2_2_4": [0, 1, 9, 0, 0, 0, 0]}),
            "m2_2_4: row 3: level 9 is out of range (0 to 5).",
        ),
        (
            json.dumps({k: v for k, v in example_answers().items() if k != "m2_4_8"}),
            "m2_4_8: answer missing.",
        ),
        (
            json.dumps(example_answers() | {"m2_1_1": {"already": [3], "plans": [12]}}),
            'm2_1_1: area 12 in "plans" is out of range (1 to 10).',
        ),
        (json.dumps(example_answers() | {"m2_7_1": []}), "m2_7_1: unknown question or item key."),
    ],
    ids=["not json", "not an object", "level", "missing", "matrix", "unknown key"],
)
def test_malformed_files_name_the_key_and_the_problem(tmp_path, content, message):
    path = tmp_path / "answers.json"
    path.write_text(content)
    with pytest.raises(CommandError) as caught:
        score(path)
    assert caught.value.returncode == 2
    assert message in str(caught.value)


def test_missing_file_and_french_messages(tmp_path):
    with pytest.raises(CommandError) as caught:
        score(tmp_path / "nope.json")
    assert (caught.value.returncode, str(caught.value)) == (
        2,
        f"{tmp_path / 'nope.json'}: no such file",
    )
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(example_answers() | {"m2_5_9": [0, 0, 0, 0, 6]}))
    with pytest.raises(CommandError) as caught:
        score(path, "--language", "fr")
    assert "m2_5_9 : ligne 5 : le niveau 6 est hors limites (0 à 5)." in str(caught.value)


def test_exit_code_and_stderr_from_the_shell(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(example_answers() | {"m2_6_11": ["no", "no", "yes"]}))
    env = {"PATH": "/usr/bin:/bin", "DEBUG": "1", "VIRAGE_TESTING": "1"}
    run = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "diagnostic_score", str(path)],
        cwd=BASE,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert "m2_6_11: expected 5 answers, one per row, got 3." in run.stderr
    ok = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "diagnostic_score", str(EXAMPLE_FILE)],
        cwd=BASE,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert (ok.returncode, ok.stdout) == (0, EXPECTED + "\n")


def test_unknown_scoring_version():
    with pytest.raises(CommandError) as caught:
        score(EXAMPLE_FILE, "--version", "retail-r1")
    assert caught.value.returncode == 2
    assert str(caught.value) == "unknown M2 scoring version 'retail-r1'; known: dma-b1"


# --------------------------------------------------------------------------------------------
# diagnostic_rescore
# --------------------------------------------------------------------------------------------


def rescore(*args) -> str:
    out = StringIO()
    call_command("diagnostic_rescore", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_rescore_with_the_current_version_changes_nothing():
    make_assessment(make_business())
    make_assessment(make_business(), submitted=False, answers={})
    assert rescore("--version", "dma-b1") == "dma-b1 (module m2): 0 changed, 1 unchanged\n"


@pytest.mark.django_db
def test_rescore_dry_run_then_for_real(monkeypatch):
    monkeypatch.setitem(
        scoring.SCORERS, "dma-test", scoring.Scorer("dma-test", "m2", "test", halved)
    )
    first = make_assessment(make_business())
    second = make_assessment(make_business(), answers=improved_answers())
    dry = rescore("--version", "dma-test", "--dry-run")
    assert dry.splitlines() == [
        f"#{first.pk} {first.business} T0: dma-b1 28.3 → dma-test 14.1",
        f"#{second.pk} {second.business} T0: dma-b1 43.6 → dma-test 21.8",
        "dma-test (module m2): 2 would change, 0 unchanged (dry run: nothing written)",
    ]
    assert ScoreRecord.objects.filter(version="dma-test").count() == 0
    assert rescore("--version", "dma-test").splitlines()[-1] == (
        "dma-test (module m2): 2 changed, 0 unchanged"
    )
    first.refresh_from_db()
    assert (first.scoring_version_m2, first.m2_result["overall"]) == ("dma-test", 14.1)
    assert ScoreRecord.objects.filter(version="dma-b1").count() == 2
    assert rescore("--version", "dma-test").splitlines()[-1] == (
        "dma-test (module m2): 0 changed, 2 unchanged"
    )


@pytest.mark.django_db
def test_rescore_unknown_version():
    with pytest.raises(CommandError) as caught:
        rescore("--version", "dma-b9")
    assert caught.value.returncode == 2
    assert str(caught.value) == "unknown scoring version 'dma-b9'; known: dma-b1, retail-r1"
