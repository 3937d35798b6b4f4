"""Exact query counts in tests.

    def test_list(assert_queries, client):
        # 1 session, 1 user, 1 program, 1 count, 1 rows
        with assert_queries(5):
            client.get(url)

On mismatch the failure lists every query that ran, numbered."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(fn, *args, **kwargs) -> tuple[int, list[str], object]:
    with CaptureQueriesContext(connection) as ctx:
        result = fn(*args, **kwargs)
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries], result


@pytest.fixture
def assert_queries(db):
    @contextmanager
    def check(expected: int):
        with CaptureQueriesContext(connection) as ctx:
            yield ctx
        executed = len(ctx.captured_queries)
        if executed != expected:
            listing = "\n".join(
                f"  {i}. {q['sql'][:300]}" for i, q in enumerate(ctx.captured_queries, 1)
            )
            pytest.fail(f"expected {expected} queries, {executed} ran:\n{listing}")

    return check
