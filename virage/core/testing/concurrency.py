"""Run a function from many threads at once (PostgreSQL concurrency tests).

    results = run_concurrently(lambda i: enrol(business=b[i], actor=ada), n=30)

Each thread gets its own database connection, waits at a barrier so they all start together,
and returns ("ok", value) or ("error", exception). Use with `@pytest.mark.postgres` and
`@pytest.mark.django_db(transaction=True)`."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connection


def run_concurrently(fn: Callable[[int], object], n: int, timeout: float = 60) -> list[tuple]:
    barrier = threading.Barrier(n)
    results: list[tuple] = [("missing", None)] * n

    def worker(i: int) -> None:
        try:
            barrier.wait(timeout=timeout)
            results[i] = ("ok", fn(i))
        except Exception as exc:  # noqa: BLE001 - reported to the test
            results[i] = ("error", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    return results
