"""Structured JSON logs, with personal data redacted before anything is written."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<!\d)(\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}(?!\d)")
NEQ_RE = re.compile(r"(?<!\d)\d{10}(?!\d)")
SECRET_RE = re.compile(r"(password|passwd|secret|token|otp)=([^&\s]+)", re.IGNORECASE)


def redact(text: str) -> str:
    text = SECRET_RE.sub(r"\1=[redacted]", text)
    text = EMAIL_RE.sub("[email]", text)
    text = NEQ_RE.sub("[number]", text)
    return PHONE_RE.sub("[phone]", text)


class RedactFilter(logging.Filter):
    """Replace e-mail addresses, phone numbers, 10-digit numbers (NEQ) and secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            payload["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(payload, ensure_ascii=False)
