"""Request size limit for the API: bodies over API_MAX_BODY_BYTES get a 413 problem."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpResponse


class ApiBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            limit = getattr(settings, "API_MAX_BODY_BYTES", 65536)
            if length > limit:
                body = {
                    "type": "about:blank",
                    "title": "Request too large",
                    "status": 413,
                    "detail": f"The body must not exceed {limit} bytes.",
                    "errors": [],
                }
                return HttpResponse(
                    json.dumps(body), status=413, content_type="application/problem+json"
                )
        return self.get_response(request)
