"""API key management pages (program admin): list, create (secret shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from virage.accounts.permissions import role_required

from . import services
from .forms import ApiKeyForm
from .models import ApiKey


@role_required("admin")
def key_list(request):
    keys = ApiKey.objects.select_related("region", "funder").order_by("-created_at")
    return render(request, "api/key_list.html", {"keys": keys})


@role_required("admin")
def key_create(request):
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            key, secret = services.api_key_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            # shown once, never stored in clear: the response is not cached (no-store)
            return render(request, "api/key_created.html", {"key": key, "secret": secret})
    return render(request, "api/key_form.html", {"form": form})


@require_POST
@role_required("admin")
def key_revoke(request, pk: int):
    key = get_object_or_404(ApiKey, pk=pk)
    services.api_key_revoke(actor=request.user, key=key, reason=request.POST.get("reason", ""))
    messages.success(request, _("The key was revoked."))
    return redirect("api_keys:list")
