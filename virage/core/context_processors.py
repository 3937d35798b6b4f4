"""Values every template needs: the current program and the navigation for the user's role."""

from __future__ import annotations

from virage.core.navigation import navigation_for


def platform(request):
    from virage.programs.selectors import program_for

    user = getattr(request, "user", None)
    return {
        "program": program_for(request),
        "nav_items": navigation_for(user) if user is not None else [],
    }
