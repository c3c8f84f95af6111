"""gunicorn's configuration for the benchmarks (``bench/catalog.py`` passes ``-c`` with it).

The benchmarks run several workers with ``DEBUG`` off on the per-process cache on purpose: the
requests they time are read-only and a response cache per worker is what they measure (one
MISS per worker, bench/README.md). The repository's ``gunicorn.conf.py`` refuses that setup,
rightly for a shop (its throttles would be per worker), so the benchmarks use this empty
configuration instead. Never deploy with it.
"""
