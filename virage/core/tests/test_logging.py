import json
import logging

from virage.core.logging import JsonFormatter, RedactFilter, redact


def test_redact_removes_personal_data_and_secrets():
    text = (
        "login marie@demo.virage.example phone 514-555-0199 neq 1234567890 password=hunter2&next=/"
    )
    assert redact(text) == "login [email] phone [phone] neq [number] password=[redacted]&next=/"


def test_json_formatter_writes_redacted_json():
    record = logging.LogRecord(
        "virage", logging.INFO, __file__, 1, "failed login for %s", ("luc@example.com",), None
    )
    RedactFilter().filter(record)
    payload = json.loads(JsonFormatter().format(record))
    assert payload["message"] == "failed login for [email]"
    assert payload["level"] == "INFO"
