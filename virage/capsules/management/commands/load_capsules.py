"""Load the program's seed capsules, quizzes, topics and learning paths (idempotent)."""

from django.core.management.base import BaseCommand

from virage.capsules.services import content_load_seed


class Command(BaseCommand):
    help = "Load the seed capsules, quizzes, topics and learning paths; existing keys are kept."

    def handle(self, *args, **options):
        counts = content_load_seed()
        self.stdout.write(
            f"capsules: {counts['capsules']} added, topics: {counts['topics']} added, "
            f"learning paths: {counts['paths']} added"
        )
