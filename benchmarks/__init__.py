"""Benchmarks for `make bench`. Each module ``bench_*.py`` defines ``run() -> None`` that prints figures."""
