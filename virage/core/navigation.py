"""Navigation and home-page panels, contributed by each app in its AppConfig.ready().

    register_nav(roles={"merchant"}, url_name="diagnostics:start", label=_("Diagnostic"), order=20)
    register_panel(roles={"merchant"}, template="diagnostics/panel_home.html",
                   context=lambda request: {...}, order=20)

Keeping the registry here means apps do not edit each other's templates.

Panels of one page often need the same rows (the merchant's business, their assessments, their
plan): `shared(request, key, compute)` computes such a value once per request and hands the
same object to every panel that asks (see `virage.enterprises.panels.merchant_business`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str
    roles: frozenset[str]
    order: int = 50


@dataclass(frozen=True)
class Panel:
    template: str
    roles: frozenset[str]
    context: Callable | None = None
    order: int = 50
    key: str = field(default="")


_NAV: list[NavItem] = []
_PANELS: list[Panel] = []


def shared(request, key: str, compute: Callable[[], object]):
    """`compute()` once per request: later calls with the same key return the same value.
    Keys are namespaced by app ("enterprises.business"). The values live on the request
    object, so nothing outlives the request and nothing is shared between users."""
    store = getattr(request, "_virage_shared", None)
    if store is None:
        store = {}
        request._virage_shared = store
    if key not in store:
        store[key] = compute()
    return store[key]


def register_nav(*, roles, url_name: str, label, order: int = 50) -> None:
    item = NavItem(url_name=url_name, label=label, roles=frozenset(roles), order=order)
    if item not in _NAV:
        _NAV.append(item)


def register_panel(*, roles, template: str, context=None, order: int = 50) -> None:
    panel = Panel(
        template=template, roles=frozenset(roles), context=context, order=order, key=template
    )
    if all(p.key != panel.key for p in _PANELS):
        _PANELS.append(panel)


def navigation_for(user) -> list[dict]:
    if user is None or not user.is_authenticated:
        return []
    items = []
    for item in sorted(_NAV, key=lambda i: (i.order, i.url_name)):
        if user.role in item.roles:
            try:
                items.append(
                    {"url": reverse(item.url_name), "label": item.label, "name": item.url_name}
                )
            except NoReverseMatch:
                continue
    return items


def panels_for(request) -> list[dict]:
    user = request.user
    result = []
    for panel in sorted(_PANELS, key=lambda p: (p.order, p.key)):
        if user.role in panel.roles:
            context = panel.context(request) if panel.context else {}
            if context is None:
                continue
            result.append({"template": panel.template, "context": context})
    return result
