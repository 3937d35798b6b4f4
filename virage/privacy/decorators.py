"""View helpers for the staff access log.

    from virage.privacy.services import access_log

    def business_detail(request, pk):
        business = get_object_or_404(Business.objects.visible_to(request.user), pk=pk)
        access_log(user=request.user, obj=business, action="view")   # one INSERT, staff only
        ...

or, when the view does not fetch the object itself (or for exports):

    @logs_access("enterprises.Business", kwarg="pk", action="view")
    def business_detail(request, pk): ...

The decorator logs only responses with status 200 (a 404 out of scope, a 403 or a redirect
reveals nothing and is not an access), and only for staff roles."""

from __future__ import annotations

from functools import wraps

from django.apps import apps

from .models import AccessLogEntry
from .permissions import access_is_logged


def logs_access(
    model_label: str, *, kwarg: str = "pk", action: str = "view", business_kwarg: str | None = None
):
    if action not in AccessLogEntry.Action.values:
        raise ValueError(f"unknown access action {action}")
    label = apps.get_model(model_label)._meta.label_lower if apps.ready else model_label.lower()
    is_business = label == "enterprises.business"

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            user = request.user
            if response.status_code == 200 and access_is_logged(user):
                object_id = str(kwargs[kwarg])
                business_id = kwargs.get(business_kwarg) if business_kwarg else None
                if is_business:
                    business_id = kwargs[kwarg]
                AccessLogEntry.objects.create(
                    actor=user,
                    actor_role=user.role,
                    action=action,
                    object_type=label,
                    object_id=object_id,
                    business_id=int(business_id) if business_id is not None else None,
                )
            return response

        return wrapper

    return decorator
