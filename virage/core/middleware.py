"""Response headers for personal pages."""

from __future__ import annotations


class NoStoreForAuthenticatedMiddleware:
    """Pages served to a logged-in user hold personal data: browsers and proxies must not
    store them (`Cache-Control: no-store`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response
