"""The personas of CONVENTIONS.md, used by the demo data and by the tests.

Marie (merchant, Montérégie), Luc (merchant, other business), Antoine (advisor of Marie),
Sofia (other advisor), Nadia (trainer), Paul (partner, Montérégie), Rita (partner, Estrie),
Fatou (funder), Ada (program admin and privacy officer)."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Role, User

DEMO_PASSWORD = "Virage-demo-2026"  # noqa: S105 - development demo only, printed by seed_demo


@dataclass(frozen=True)
class Persona:
    key: str
    first_name: str
    last_name: str
    role: str
    region_code: str | None = None
    organisation: str = ""
    language: str = "fr"
    is_privacy_officer: bool = False

    @property
    def email(self) -> str:
        return f"{self.key}@demo.virage.example"


PERSONAS = [
    Persona("marie", "Marie", "Tremblay", Role.MERCHANT, "16"),
    Persona("luc", "Luc", "Gagnon", Role.MERCHANT, "05"),
    Persona("antoine", "Antoine", "Roy", Role.ADVISOR, "16"),
    Persona("sofia", "Sofia", "Côté", Role.ADVISOR, "05"),
    Persona("nadia", "Nadia", "Bouchard", Role.TRAINER, None, "École des entrepreneurs"),
    Persona("paul", "Paul", "Gauthier", Role.PARTNER, "16", "Développement Montérégie"),
    Persona("rita", "Rita", "Morin", Role.PARTNER, "05", "Estrie Économie"),
    Persona("fatou", "Fatou", "Diallo", Role.FUNDER, None, "Offensive de transformation numérique"),
    Persona("ada", "Ada", "Lavoie", Role.ADMIN, None, "Virage", "fr", True),
]


def persona_users(*, password: str | None = DEMO_PASSWORD) -> dict[str, User]:
    """Create (or fetch) one user per persona; idempotent. Returns {key: user}."""
    from virage.programs.models import Region

    regions = {r.code: r for r in Region.objects.all()}
    users = {}
    for p in PERSONAS:
        user = User.objects.filter(email=p.email).first()
        if user is None:
            user = User.objects.create_user(
                email=p.email,
                password=password,
                first_name=p.first_name,
                last_name=p.last_name,
                role=p.role,
                region=regions.get(p.region_code) if p.role == Role.PARTNER else None,
                organisation=p.organisation,
                language=p.language,
                is_privacy_officer=p.is_privacy_officer,
                is_staff=p.role == Role.ADMIN,
                is_superuser=p.role == Role.ADMIN,
            )
        users[p.key] = user
    return users
