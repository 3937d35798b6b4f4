"""The role matrix: every URL pattern × every persona has an expected HTTP status.

Each app declares its routes in `virage/<app>/tests/routes.py`:

    ROUTES = [
        Route("accounts:home", signed_in(200)),
        Route("plans:detail", {**nobody(404), "marie": 200, "antoine": 200, "ada": 200},
              kwargs=lambda w: {"pk": w.marie_plan.pk}),
    ]
    def build_world(world): ...   # optional: objects the kwargs need (Marie's plan, …)

`virage/core/tests/test_role_matrix.py` fails when a URL pattern has no Route, when a Route
names no URL, or when a status differs. Statuses are for GET requests; writes are tested in
each app's own tests (denied writes change nothing)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps

PERSONA_KEYS = ["marie", "luc", "antoine", "sofia", "nadia", "paul", "rita", "fatou", "ada"]
ALL = ["anonymous", *PERSONA_KEYS]
MERCHANTS = ["marie", "luc"]
ADVISORS = ["antoine", "sofia"]
PARTNERS = ["paul", "rita"]
LOGIN_REDIRECT = 302


@dataclass
class Route:
    name: str
    expect: dict[str, int]
    kwargs: Callable[[object], dict] | None = None
    query: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        missing = [k for k in ALL if k not in self.expect]
        unknown = [k for k in self.expect if k not in ALL]
        if missing or unknown:
            raise ValueError(f"{self.name}: missing {missing}, unknown {unknown}")


def everyone(status: int = 200) -> dict[str, int]:
    """Public page: the same status for anonymous visitors and every role."""
    return dict.fromkeys(ALL, status)


def signed_in(status: int = 200) -> dict[str, int]:
    """Any signed-in user; anonymous visitors are sent to the login page."""
    return {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(PERSONA_KEYS, status)}


def only(allowed: dict[str, int], *, others: int = 403) -> dict[str, int]:
    """Signed-in page for some personas; other signed-in users get `others` (403 for a role
    page, 404 for an object outside their scope); anonymous → login."""
    result = {"anonymous": LOGIN_REDIRECT, **dict.fromkeys(PERSONA_KEYS, others)}
    result.update(allowed)
    return result


def roles(*keys: str, status: int = 200) -> dict[str, int]:
    return dict.fromkeys(keys, status)


def load_routes() -> tuple[list[Route], list[Callable]]:
    routes: list[Route] = []
    builders: list[Callable] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("virage."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.routes")
        except ModuleNotFoundError as exc:
            if exc.name not in {f"{config.name}.tests.routes", f"{config.name}.tests"}:
                raise
            continue
        routes.extend(module.ROUTES)
        if hasattr(module, "build_world"):
            builders.append(module.build_world)
    return routes, builders
