"""Validation of capsule videos: only embed addresses of allow-listed hosts.

The page embeds the video in an <iframe>; the Content-Security-Policy (`frame-src`) only lets
these two hosts in, and an address that is not an embed address would show an error page in
the frame. So the allow-list is strict: https, the exact host, the embed path, no user name,
no port, and no query string except Vimeo's privacy hash (`?h=…`) for unlisted videos.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE_HOST = "www.youtube-nocookie.com"
VIMEO_HOST = "player.vimeo.com"
ALLOWED_VIDEO_HOSTS = (YOUTUBE_HOST, VIMEO_HOST)

_YOUTUBE_PATH = re.compile(r"^/embed/[A-Za-z0-9_-]{11}$")
_VIMEO_PATH = re.compile(r"^/video/[0-9]{1,12}$")
_VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")

VIDEO_URL_HELP = _(
    "Optional. Embed address only: https://www.youtube-nocookie.com/embed/… or "
    "https://player.vimeo.com/video/…"
)
VIDEO_URL_ERROR = _(
    "Use an embed address from YouTube's privacy-enhanced mode "
    "(https://www.youtube-nocookie.com/embed/…) or from Vimeo's player "
    "(https://player.vimeo.com/video/…). Other sites are not allowed."
)


def video_url_is_allowed(url: str) -> bool:
    """True when `url` is an embed address of an allow-listed host (pure)."""
    if not isinstance(url, str) or url != url.strip() or len(url) > 300:
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme != "https" or port is not None or parts.fragment:
        return False
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return False
    host = parts.netloc.lower()
    if host == YOUTUBE_HOST:
        return bool(_YOUTUBE_PATH.match(parts.path)) and parts.query == ""
    if host == VIMEO_HOST:
        if not _VIMEO_PATH.match(parts.path):
            return False
        if parts.query == "":
            return True
        params = parse_qsl(parts.query, keep_blank_values=True)
        return len(params) == 1 and params[0][0] == "h" and bool(_VIMEO_HASH.match(params[0][1]))
    return False


def validate_video_url(value: str) -> None:
    """Model and form validator: an empty value is allowed (the video is optional)."""
    if value and not video_url_is_allowed(value):
        raise ValidationError(VIDEO_URL_ERROR, code="video_host")
