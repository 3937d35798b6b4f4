"""Turn stored plan events into lines of history in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import PlanAction, PlanEvent


@dataclass(frozen=True)
class HistoryLine:
    when: object
    who: str
    what: str
    action_title: str
    before: str
    after: str
    note: str


def _value(field: str, value: str) -> str:
    if field == "status" and value in PlanAction.Status.values:
        return str(PlanAction.Status(value).label)
    if field == "owner" and value in PlanAction.Owner.values:
        return str(PlanAction.Owner(value).label)
    return value


def _field_label(field: str) -> str:
    try:
        return str(PlanAction._meta.get_field(field).verbose_name)
    except Exception:  # noqa: BLE001 - an unknown field name is shown as it is
        return field


def history(events: list[PlanEvent]) -> list[HistoryLine]:
    lines = []
    for event in events:
        what = str(PlanEvent.Kind(event.kind).label) if event.kind in PlanEvent.Kind.values else ""
        before, after = event.old_value, event.new_value
        if event.kind == PlanEvent.Kind.ACTION_EDITED:
            what = _("%(field)s changed") % {"field": _field_label(event.field)}
            before, after = _value(event.field, before), _value(event.field, after)
        elif event.kind == PlanEvent.Kind.ACTION_STATUS:
            before, after = _value("status", before), _value("status", after)
        elif event.kind == PlanEvent.Kind.ACTION_MOVED:
            before = _("position %(n)s") % {"n": before}
            after = _("position %(n)s") % {"n": after}
        elif event.kind == PlanEvent.Kind.LINKS_REFRESHED:
            count = int(after or 0)
            before = ""
            after = ngettext("%(n)s action updated", "%(n)s actions updated", count) % {"n": count}
        elif event.kind == PlanEvent.Kind.GENERATED:
            count = int(after or 0)
            before = ""
            after = ngettext("%(n)s action proposed", "%(n)s actions proposed", count) % {
                "n": count
            }
        elif event.kind in (
            PlanEvent.Kind.ACTION_ADDED,
            PlanEvent.Kind.ACTION_REMOVED,
            PlanEvent.Kind.PUBLISHED,
            PlanEvent.Kind.ACCEPTED,
        ):
            before = after = ""
        who = str(event.actor) if event.actor_id else _("Virage (automatic)")
        lines.append(
            HistoryLine(
                when=event.created_at,
                who=who,
                what=what,
                action_title=event.action.title if event.action_id else event.action_title,
                before=before,
                after=after,
                note=event.note,
            )
        )
    return lines
