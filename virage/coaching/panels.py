"""Home-page panels of the coaching app (registered in apps.py)."""

from __future__ import annotations

from . import selectors


def merchant(request):
    """Your advisor (name and contact), coaching hours and the next meeting."""
    data = selectors.merchant_coaching(user=request.user)
    if data is None:
        return None
    return {"data": data}


def advisor(request):
    rows = selectors.caseload(user=request.user)
    return {
        "count": len(rows),
        "attention": [r for r in rows if r.needs_attention][:5],
        "attention_count": sum(1 for r in rows if r.needs_attention),
    }


def admin(request):
    return {"unassigned": selectors.unassigned_count(user=request.user)}
