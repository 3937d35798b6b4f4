from .testing import persona_businesses


def seed(*, users, stdout) -> None:
    businesses = persona_businesses(users)
    stdout.write(f"  businesses: {', '.join(b.name for b in businesses.values())}")
