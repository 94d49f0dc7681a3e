"""Runs every benchmark module (``benchmarks/bench_*.py``), or those named on the command line."""

import importlib
import os
import pkgutil
import sys
import time

import django


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hgarr.settings.test")
    django.setup()
    import benchmarks

    namen = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    gekozen = [n for n in namen if not argv or any(a in n for a in argv)]
    for naam in gekozen:
        print(f"\n=== {naam} ===", flush=True)
        start = time.perf_counter()
        importlib.import_module(f"benchmarks.{naam}").run()
        print(f"({naam}: {time.perf_counter() - start:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
