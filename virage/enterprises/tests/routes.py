"""Role-matrix routes of the enterprises app, and the persona businesses for other apps'
routes (world.marie_business, world.luc_business)."""

from virage.enterprises.testing import persona_businesses

ROUTES: list = []


def build_world(world) -> None:
    users = {k: getattr(world, k) for k in ("marie", "luc", "antoine", "sofia")}
    businesses = persona_businesses(users)
    world.marie_business = businesses["marie"]
    world.luc_business = businesses["luc"]
