"""A throwaway benchmark database: a fresh SQLite file (or DATABASE_URL's test database) migrated once."""

import statistics
import time
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment


@contextmanager
def benchmark_database():
    """Creates the test database (like the test runner), yields, and destroys it afterwards."""
    setup_test_environment()
    from django.test.utils import setup_databases, teardown_databases

    oud = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        teardown_databases(oud, verbosity=0)
        teardown_test_environment()  # so the next benchmark module can set it up again


def meet(fn, n: int) -> dict:
    """Calls fn n times; returns median and p95 in milliseconds and the query count of the last call."""
    tijden = []
    queries = 0
    for _ in range(n):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            tijden.append((time.perf_counter() - start) * 1000)
        queries = len(ctx)
    tijden.sort()
    p95 = tijden[max(0, int(round(0.95 * len(tijden))) - 1)]
    return {"mediaan_ms": statistics.median(tijden), "p95_ms": p95, "queries": queries}
