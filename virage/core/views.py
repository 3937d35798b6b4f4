"""Public shell pages, health check, language switch and error pages."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST


def landing(request):
    """Public home page presenting the program."""
    return render(request, "core/landing.html")


@never_cache
def healthz(request):
    """Liveness with a database round-trip: 200 {"status": "ok"} or 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
def readyz(request):
    """Readiness: the database answers and the task queue is reachable (503 otherwise)."""
    checks = {"database": "ok", "queue": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001
        checks["database"] = "unavailable"
    checks["queue"] = queue_status()
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def queue_status() -> str:
    """ "ok" when the configured task backend can take work."""
    backend = settings.TASK_BACKEND
    try:
        if backend == "rq":
            import django_rq

            django_rq.get_connection("default").ping()
        elif backend == "database":
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.exists()
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return "unavailable"
    return "ok"


@require_POST
def set_language(request):
    """Switch language (POST form, works without JavaScript); remembered for signed-in users."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = None
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url or "/")
    next_url = next_url or f"/{language}/"
    next_url = translate_url(next_url, language)
    response = HttpResponseRedirect(next_url)
    if request.user.is_authenticated and request.user.language != language:
        from virage.accounts.services import user_set_language

        user_set_language(user=request.user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    translation.activate(language)
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)
