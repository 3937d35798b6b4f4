"""Score an answers file (module M2) from the command line.

    python manage.py diagnostic_score FILE.json

prints ``{"version": "dma-b1", "dimensions": {"D1": 46.7, ...}, "overall": ..., "band": ...}``
(one decimal, half-up). A file that cannot be read, is not JSON or does not validate stops
with exit code 2 and one line per problem, naming the key. Format: docs/scoring.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from virage.diagnostics import questionnaire as qn
from virage.diagnostics import scoring

INVALID = 2


class Command(BaseCommand):
    help = "Score a diagnostic answers file (JSON) with a module M2 scoring version."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def create_parser(self, prog_name, subcommand, **kwargs):
        # "--version" names the scoring version here, not Django's version
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("file", help="answers file (JSON), see docs/scoring.md")
        parser.add_argument(
            "--version",
            dest="version",
            default=scoring.M2_VERSION,
            help=f"M2 scoring version (default {scoring.M2_VERSION})",
        )
        parser.add_argument(
            "--language",
            choices=["en", "fr"],
            default="en",
            help="language of the error messages (default en)",
        )

    def handle(self, *args, file, version, language, **options):
        scorer = scoring.SCORERS.get(version)
        if scorer is None or scorer.module != qn.MODULE_M2:
            known = sorted(v for v, s in scoring.SCORERS.items() if s.module == qn.MODULE_M2)
            raise CommandError(
                f"unknown M2 scoring version {version!r}; known: {', '.join(known)}",
                returncode=INVALID,
            )
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file", returncode=INVALID) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: cannot be read ({exc})", returncode=INVALID) from None
        try:
            answers = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"{file}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                returncode=INVALID,
            ) from None
        errors = scoring.validate_answers(answers, module=qn.MODULE_M2)
        if errors:
            lines = [e.message_fr if language == "fr" else e.message_en for e in errors]
            raise CommandError(
                f"{file}: invalid answers:\n" + "\n".join(f"  {line}" for line in lines),
                returncode=INVALID,
            )
        result = scoring.score_m2(answers, version)
        self.stdout.write(json.dumps(scoring.to_json_result(result)))
