"""Catalogue read benchmark: list, deep page, detail and search at 1,000 and 100,000 products.

DESIGN.md §5 "Bars": the storefront's full product list runs a constant number of SQL queries
whatever the page size, and list/search latency at 100,000 products stays within 2x of the
1,000-product figure. For each catalogue size this script

1. prepares a fresh database (PostgreSQL when ``DATABASE_URL`` points at one: a database
   ``ocop_bench_<size>`` on that server; otherwise a SQLite file under /tmp), migrates it and
   seeds it with ``seed_demo`` and ``seed_demo --products N``;
2. measures every operation in-process (``django.test.Client`` in a child process set up on
   the bench database, with SQL queries per request) and over HTTP (gunicorn, 2 workers);
3. prints one Markdown table per size and mode plus the 100k/1k ratios, and writes them to
   ``bench/results/catalog-<timestamp>.md``.

Every response is checked: an ``errors`` entry or empty data stops the run (a benchmark of
error responses is worthless). Only 127.0.0.1 is ever contacted. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
RESULTS_DIR = REPO / "bench" / "results"
WORK_DIR = Path(tempfile.gettempdir()) / "ocop-bench"
CHANNEL = "default-channel"
DEFAULT_SIZES = (1_000, 100_000)
POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql", "postgis")
# The full list card with productVariants(first: 50) at first: 100 costs ~99,000 by the server's
# measure (every field resolved, nested lists multiplied), above the anonymous budget of 20,000;
# the bench server runs with this budget for everyone and no per-address budget (all its
# requests come from 127.0.0.1), so that the queries are measured rather than refused.
BENCH_MAX_COST = 200_000
CACHED_SECONDS = 300
# Warm-up stops after this many seconds even if fewer requests than asked were made.
WARMUP_CAP_SECONDS = 3.0


class BenchError(RuntimeError):
    """A failed run: an error response, empty data, a server that would not start."""


# --- GraphQL documents (Saleor storefront style) -----------------------------------------------
VARIANTS = """
      productVariants(first: 50) {
        totalCount
        edges {
          node {
            id
            sku
            quantityAvailable
            pricing { price { gross { amount currency } } }
            attributes(variantSelection: VARIANT_SELECTION) {
              attribute { slug name inputType }
              values { name slug value }
            }
          }
        }
      }"""

PRODUCT_CARD = (
    """
      id
      name
      slug
      created
      pricing {
        priceRange {
          start { gross { amount currency } }
          stop { gross { amount currency } }
        }
      }
      category { id name slug }
      thumbnail(size: 1024, format: WEBP) { url alt }"""
    + VARIANTS
    + """
      ocop { stars isValid certificateNumber badge { url } }
      producer { name slug province ward }
      assignedAttribute(slug: "ocop-stars") { ... on AssignedNumericAttribute { value } }"""
)

PRODUCT_LIST = (
    """query ProductList($channel: String!, $first: Int!, $after: String) {
  products(first: $first, after: $after, channel: $channel) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {"""
    + PRODUCT_CARD
    + """
      }
    }
  }
}"""
)

PRODUCT_SEARCH = (
    """query ProductSearch($channel: String!, $first: Int!, $search: String!) {
  products(
    first: $first
    channel: $channel
    search: $search
    sortBy: {field: RANK, direction: DESC}
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {"""
    + PRODUCT_CARD
    + """
      }
    }
  }
}"""
)

PRODUCT_DETAIL = (
    """query ProductDetail($channel: String!, $slug: String!) {
  product(slug: $slug, channel: $channel) {
    id
    name
    slug
    description
    seoTitle
    seoDescription
    created
    pricing {
      priceRange {
        start { gross { amount currency } }
        stop { gross { amount currency } }
      }
    }
    category { id name slug }
    media { url(size: 1024, format: WEBP) alt }"""
    + VARIANTS
    + """
    ocop {
      stars
      isValid
      isPotentialFiveStar
      certificateNumber
      decisionNumber
      decisionDate
      issuedAt
      expiresAt
      issuer
      issuerLevel
      score
      productGroup
      badge { url alt }
    }
    producer { name slug story storyHtml }
    translation(languageCode: EN) { name description }
  }
}"""
)

SLUGS = """query BenchSlugs($channel: String!) {
  products(first: 100, channel: $channel, sortBy: {field: CREATED_AT, direction: ASC}) {
    edges { node { slug } }
  }
}"""

CURSOR = """query BenchCursor($channel: String!, $first: Int!, $after: String) {
  products(first: $first, after: $after, channel: $channel) {
    pageInfo { hasNextPage endCursor }
  }
}"""

Post = Callable[[str, dict[str, Any]], dict[str, Any]]
Send = Callable[[bytes], tuple[int, bytes, str]]  # body -> (status, content, X-Cache)


@dataclass(frozen=True)
class Operation:
    """One measured request: a document, its variables, and (for cursors and slugs) a step
    that computes the rest of the variables against the server first, untimed."""

    key: str
    label: str
    document: str
    variables: dict[str, Any]
    prepare: Callable[[Post], dict[str, Any]] | None = None
    allow_empty: bool = False  # a search may find nothing; its row says "(0 matches)"
    cached: bool = False  # the anonymous response cache left on

    def root(self) -> str:
        return "product" if self.document is PRODUCT_DETAIL else "products"


def _page_five_cursor(post: Post) -> dict[str, Any]:
    after = None
    for page in range(1, 5):
        info = post(CURSOR, {"channel": CHANNEL, "first": 20, "after": after})["products"]
        if not info["pageInfo"]["hasNextPage"]:
            raise BenchError(f"the catalogue ends at page {page}: no page 5 of 20 products")
        after = info["pageInfo"]["endCursor"]
    return {"after": after}


def _detail_slug(post: Post) -> dict[str, Any]:
    # A demo product (real description, story, media, certificate), the same at every size.
    edges = post(SLUGS, {"channel": CHANNEL})["products"]["edges"]
    slugs = sorted(edge["node"]["slug"] for edge in edges)
    if not slugs:
        raise BenchError("no product to show in detail")
    demo = [slug for slug in slugs if not slug.startswith("synthetic-")]
    return {"slug": (demo or slugs)[0]}


def operations(only: list[str] | None = None) -> list[Operation]:
    return [op for op in _operations() if not only or op.key in only]


def _operations() -> list[Operation]:
    channel = {"channel": CHANNEL}
    return [
        Operation("list-20", "products(first: 20)", PRODUCT_LIST, {**channel, "first": 20}),
        Operation("list-100", "products(first: 100)", PRODUCT_LIST, {**channel, "first": 100}),
        Operation(
            "page-5",
            "products(first: 20) page 5 by cursor",
            PRODUCT_LIST,
            {**channel, "first": 20},
            prepare=_page_five_cursor,
        ),
        Operation(
            "detail",
            "product(slug) detail",
            PRODUCT_DETAIL,
            dict(channel),
            prepare=_detail_slug,
        ),
        Operation(
            "search-ca-phe",
            'search "ca phe arabica" by RANK',
            PRODUCT_SEARCH,
            {**channel, "first": 20, "search": "ca phe arabica"},
            allow_empty=True,
        ),
        Operation(
            "search-mat-ong",
            'search "mat ong" by RANK',
            PRODUCT_SEARCH,
            {**channel, "first": 20, "search": "mat ong"},
            allow_empty=True,
        ),
        Operation(
            "list-20-cached",
            "products(first: 20), response cache on",
            PRODUCT_LIST,
            {**channel, "first": 20},
            cached=True,
        ),
    ]


def check_payload(operation: Operation, status: int, payload: Any) -> int:
    """Fail on anything but a clean answer; return its ``totalCount`` (products matching)."""
    if status != 200:
        raise BenchError(f"{operation.label}: HTTP {status}: {str(payload)[:500]}")
    if not isinstance(payload, dict):
        raise BenchError(f"{operation.label}: not a JSON object: {str(payload)[:500]}")
    if payload.get("errors"):
        raise BenchError(f"{operation.label}: errors: {json.dumps(payload['errors'])[:1000]}")
    data = payload.get("data") or {}
    root = data.get(operation.root())
    if not root:
        raise BenchError(f"{operation.label}: empty data: {json.dumps(payload)[:500]}")
    if operation.root() == "product":
        return 1
    if not root.get("edges") and not operation.allow_empty:
        raise BenchError(f"{operation.label}: no products in the answer")
    return root.get("totalCount", len(root.get("edges") or []))


def check_cache(operation: Operation, x_cache: str) -> None:
    """The cached row must be served from the cache (a process's first request stores the
    entry: MISS), every other row must bypass it."""
    expected = ("HIT", "MISS") if operation.cached else ("BYPASS", "")
    if x_cache not in expected:
        raise BenchError(f"{operation.label}: X-Cache {x_cache!r}, expected {expected[0]}")


def check_misses(operation: Operation, misses: int, processes: int) -> None:
    # The local-memory cache is per process: one MISS per gunicorn worker at most.
    if operation.cached and misses > processes:
        raise BenchError(f"{operation.label}: {misses} cache misses among the timed requests")


def checked_post(send: Send) -> Post:
    """A ``post(document, variables) -> data`` for untimed set-up requests."""

    def post(document: str, variables: dict[str, Any]) -> dict[str, Any]:
        status, body, _cache = send(
            json.dumps({"query": document, "variables": variables}).encode()
        )
        payload = json.loads(body)
        if status != 200 or payload.get("errors") or not payload.get("data"):
            raise BenchError(f"set-up query failed: HTTP {status}: {body[:1000]!r}")
        return payload["data"]

    return post


# --- Results ------------------------------------------------------------------------------------
@dataclass
class Row:
    key: str
    label: str
    requests: int
    median_ms: float
    p95_ms: float
    rps: float
    queries: int | None = None
    hits: int | None = None
    cost: int | None = None
    sql_ms: float | None = None  # all SQL of one in-process request, by Django's timer
    slowest_sql: str = ""


def summarise(operation: Operation, latencies: list[float], wall: float, **extra: Any) -> Row:
    ms = sorted(value * 1000 for value in latencies)
    p95 = statistics.quantiles(ms, n=100, method="inclusive")[94] if len(ms) > 1 else ms[0]
    return Row(
        key=operation.key,
        label=operation.label,
        requests=len(ms),
        median_ms=statistics.median(ms),
        p95_ms=p95,
        rps=len(ms) / wall if wall > 0 else 0.0,
        **extra,
    )


# --- Databases ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Database:
    url: str
    label: str
    postgres: bool
    name: str  # the PostgreSQL database or the SQLite file

    def product_counts(self) -> tuple[int, int] | None:
        """(all products, synthetic products), or None when the database is not seeded."""
        sql = (
            "SELECT count(*), count(*) FILTER (WHERE slug LIKE 'synthetic-%') FROM catalog_product"
        )
        try:
            if self.postgres:
                import psycopg

                with psycopg.connect(self.url, connect_timeout=5) as conn:
                    return conn.execute(sql).fetchone()
            if not Path(self.name).exists():
                return None
            with sqlite3.connect(self.name) as conn:
                return conn.execute(sql).fetchone()
        except Exception:  # no database, no table yet: not seeded
            return None


def bench_database(base_url: str, size: int) -> Database:
    parts = urlsplit(base_url)
    if parts.scheme in POSTGRES_SCHEMES:
        name = f"ocop_bench_{size}"
        url = urlunsplit(parts._replace(path=f"/{name}"))
        return Database(url=url, label=f"PostgreSQL {parts.hostname}", postgres=True, name=name)
    path = WORK_DIR / f"catalog-{size}.sqlite3"
    return Database(url=f"sqlite:///{path}", label="SQLite", postgres=False, name=str(path))


def recreate(database: Database) -> None:
    if not database.postgres:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(database.name + suffix).unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    admin = urlunsplit(urlsplit(database.url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        name = sql.Identifier(database.name)
        force = sql.SQL(" WITH (FORCE)") if conn.info.server_version >= 130000 else sql.SQL("")
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name) + force)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def analyze(database: Database) -> None:
    """Planner statistics after the bulk load, as autovacuum would soon gather on its own: run
    now, so the figures do not depend on whether it got there first. (SQLite gets none: Django
    never runs ANALYZE there, so a live SQLite database would not have them either.)"""
    if database.postgres:
        import psycopg

        with psycopg.connect(database.url, autocommit=True, connect_timeout=5) as conn:
            conn.execute("ANALYZE")


def server_env(database: Database, *, cache_seconds: int = 0) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database.url,
        DEBUG="0",
        SECRET_KEY="bench-only",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        GRAPHQL_CACHE_SECONDS=str(cache_seconds),
        GRAPHQL_MAX_COST=str(BENCH_MAX_COST),
        GRAPHQL_MAX_COST_ANONYMOUS=str(BENCH_MAX_COST),
        GRAPHQL_ANONYMOUS_COST_PER_MINUTE="0",
        MEDIA_ROOT=str(WORK_DIR / f"media-{Path(database.name).stem}"),
        DJANGO_SETTINGS_MODULE="shop.settings",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    # Django from the repository, whatever the working directory.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def manage(env: dict[str, str], *args: str, quiet: bool = False) -> None:
    command = [sys.executable, str(REPO / "manage.py"), *args]
    print(f"  $ manage.py {' '.join(args)}", flush=True)
    output = subprocess.DEVNULL if quiet else None
    result = subprocess.run(command, env=env, cwd=REPO, stdout=output, check=False)
    if result.returncode:
        raise BenchError(f"manage.py {' '.join(args)} exited with {result.returncode}")


def prepare(database: Database, size: int, *, keep: bool) -> str:
    """Migrate and seed ``database`` to ``size`` synthetic products; a line for the report."""
    env = server_env(database)
    counts = database.product_counts() if keep else None
    if counts and counts[1] == size:
        manage(env, "migrate", "--noinput", quiet=True)
        return f"reused {database.label} `{database.name}` ({counts[0]:,} products, --keep-db)"
    recreate(database)
    manage(env, "migrate", "--noinput", quiet=True)
    started = time.perf_counter()
    manage(env, "seed_demo", quiet=True)
    demo = time.perf_counter() - started
    started = time.perf_counter()
    manage(env, "seed_demo", "--products", str(size))
    seconds = time.perf_counter() - started
    analyze(database)
    counts = database.product_counts() or (0, 0)
    if counts[1] != size:
        raise BenchError(f"seeding left {counts[1]:,} synthetic products, expected {size:,}")
    return (
        f"seeded {size:,} products in {seconds:.0f} s (demo catalogue {demo:.0f} s before; "
        f"{counts[0]:,} products in all, {database.label} `{database.name}`)"
    )


# --- In-process measurement (a child process set up on the bench database) ----------------------
def in_process_main(args: argparse.Namespace) -> None:
    import warnings

    import django

    # WhiteNoise's "No directory at .../staticfiles/": collectstatic is not part of the bench.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")

    def send(body: bytes) -> tuple[int, bytes, str]:
        response = client.post("/graphql/", body, content_type="application/json")
        return response.status_code, response.content, response.get("X-Cache", "")

    post = checked_post(send)
    rows = []
    for operation in operations(args.only):
        variables = {
            **operation.variables,
            **(operation.prepare(post) if operation.prepare else {}),
        }
        body = json.dumps({"query": operation.document, "variables": variables}).encode()
        cache_seconds = CACHED_SECONDS if operation.cached else 0
        with override_settings(GRAPHQL_CACHE_SECONDS=cache_seconds):
            rows.append(_in_process_operation(operation, body, send, args))
            with CaptureQueriesContext(connection) as captured:
                status, content, _cache = send(body)
            check_payload(operation, status, json.loads(content))
        # ``captured_queries`` reads the connection's log, which the next request resets.
        queries = list(captured.captured_queries)
        slowest = max(queries, key=lambda query: float(query["time"]), default=None)
        rows[-1].queries = len(queries)
        rows[-1].sql_ms = sum(float(query["time"]) for query in queries) * 1000
        if slowest is not None:
            statement = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", slowest["sql"], count=1)
            rows[-1].slowest_sql = f"{float(slowest['time']) * 1000:.1f} ms: {statement}"
    Path(args.output).write_text(json.dumps([asdict(row) for row in rows]))


def _in_process_operation(operation: Operation, body: bytes, send: Send, args: Any) -> Row:
    hits = cost = None
    warm_until = time.perf_counter() + WARMUP_CAP_SECONDS
    for _ in range(args.warmup):
        status, content, cache = send(body)
        check_payload(operation, status, json.loads(content))
        if time.perf_counter() > warm_until:
            break
    check_cache(operation, cache)
    latencies = []
    misses = 0
    deadline = time.perf_counter() + args.time_cap
    for _ in range(args.requests):
        started = time.perf_counter()
        status, content, cache = send(body)
        latencies.append(time.perf_counter() - started)
        payload = json.loads(content)
        hits = check_payload(operation, status, payload)
        check_cache(operation, cache)
        misses += cache == "MISS"
        check_misses(operation, misses, 1)
        cost = (payload.get("extensions") or {}).get("cost", {}).get("requestedQueryCost", cost)
        if time.perf_counter() > deadline:
            break
    return summarise(operation, latencies, sum(latencies), hits=hits, cost=cost)


def measure_in_process(database: Database, args: argparse.Namespace) -> list[Row]:
    output = WORK_DIR / f"in-process-{os.getpid()}.json"
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--in-process-child",
        str(output),
        "--requests",
        str(args.requests),
        "--warmup",
        str(args.warmup),
        "--time-cap",
        str(args.time_cap),
        "--only",
        ",".join(args.only),
    ]
    try:
        result = subprocess.run(command, env=server_env(database), cwd=REPO, check=False)
        if result.returncode:
            raise BenchError(f"the in-process measurement failed (exit {result.returncode})")
        return [Row(**row) for row in json.loads(output.read_text())]
    finally:
        output.unlink(missing_ok=True)


# --- HTTP measurement (gunicorn) ----------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int) -> Iterator[str]:
    """A gunicorn on a free 127.0.0.1 port, answering before this yields, stopped after."""
    import httpx

    port = free_port()
    log_path = WORK_DIR / f"gunicorn-{port}.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "shop.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--threads",
        "1",
        "--timeout",
        "120",
        "--chdir",
        str(REPO),
        # Not the shop's gunicorn.conf.py, which refuses several workers on the per-process cache.
        "-c",
        str(REPO / "bench" / "gunicorn.conf.py"),
    ]
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise BenchError(f"gunicorn exited with {process.returncode}:\n{_tail(log_path)}")
            try:
                response = httpx.post(
                    f"{base}/graphql/", json={"query": "{ __typename }"}, timeout=2
                )
                if response.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise BenchError(f"gunicorn did not answer in 60 s:\n{_tail(log_path)}")
            time.sleep(0.2)
        try:
            yield base
        except BaseException:
            print(f"gunicorn's log, last lines:\n{_tail(log_path)}", file=sys.stderr, flush=True)
            raise
    finally:
        process.terminate()  # SIGTERM: gunicorn's graceful shutdown
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log_path.unlink(missing_ok=True)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def measure_http(base: str, operation: Operation, args: argparse.Namespace) -> Row:
    import httpx

    with httpx.Client(base_url=base, timeout=60) as client:

        def send(body: bytes) -> tuple[int, bytes, str]:
            response = client.post(
                "/graphql/", content=body, headers={"content-type": "application/json"}
            )
            return response.status_code, response.content, response.headers.get("X-Cache", "")

        prepared = operation.prepare(checked_post(send)) if operation.prepare else {}
        variables = {**operation.variables, **prepared}
        body = json.dumps({"query": operation.document, "variables": variables}).encode()
        warm_until = time.perf_counter() + WARMUP_CAP_SECONDS
        for _ in range(args.http_warmup):
            status, content, cache = send(body)
            check_payload(operation, status, json.loads(content))
            if time.perf_counter() > warm_until:
                break

    lock = threading.Lock()
    issued = 0
    latencies: list[float] = []
    failures: list[BaseException] = []
    hits: list[int] = []
    misses: list[bool] = []
    started = time.perf_counter()
    deadline = started + args.http_time_cap

    def worker() -> None:
        nonlocal issued
        try:
            with httpx.Client(base_url=base, timeout=60) as client:
                while True:
                    with lock:
                        if failures or issued >= args.http_requests:
                            return
                        if time.perf_counter() > deadline:
                            return
                        issued += 1
                    t0 = time.perf_counter()
                    response = client.post(
                        "/graphql/", content=body, headers={"content-type": "application/json"}
                    )
                    content = response.content
                    elapsed = time.perf_counter() - t0
                    found = check_payload(operation, response.status_code, json.loads(content))
                    cache = response.headers.get("X-Cache", "")
                    check_cache(operation, cache)
                    with lock:
                        latencies.append(elapsed)
                        hits.append(found)
                        misses.append(cache == "MISS")
        except BaseException as exc:  # re-raised in the main thread
            with lock:
                failures.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if failures:
        raise failures[0]
    if not latencies:
        raise BenchError(f"{operation.label}: no request completed over HTTP")
    check_misses(operation, sum(misses), args.workers)
    return summarise(operation, latencies, wall, hits=hits[-1])


def measure_over_http(database: Database, args: argparse.Namespace) -> list[Row]:
    rows = []
    for cache_seconds in (0, CACHED_SECONDS):
        batch = [op for op in operations(args.only) if op.cached == bool(cache_seconds)]
        if not batch:
            continue
        env = server_env(database, cache_seconds=cache_seconds)
        with gunicorn(env, workers=args.workers) as base:
            for operation in batch:
                print(f"  http: {operation.label}", flush=True)
                rows.append(measure_http(base, operation, args))
    return rows


# --- Report -------------------------------------------------------------------------------------
def table(rows: list[Row], *, with_queries: bool) -> list[str]:
    head = "| operation | requests | median ms | p95 ms | req/s |"
    rule = "|---|---:|---:|---:|---:|"
    if with_queries:
        head += " SQL queries/request |"
        rule += "---:|"
    lines = [head, rule]
    for row in rows:
        label = row.label
        if row.hits is not None and row.key.startswith("search"):
            label += f" ({row.hits:,} matches)"
        line = (
            f"| {label} | {row.requests} | {row.median_ms:.1f} | {row.p95_ms:.1f} | {row.rps:.1f} |"
        )
        if with_queries:
            line += f" {row.queries if row.queries is not None else '–'} |"
        lines.append(line)
    return lines


def size_report(size: int, seeding: str, in_process: list[Row], http: list[Row], args) -> list[str]:
    lines = [f"## {size:,} products", "", seeding, ""]
    lines += [
        f"### In-process (django.test.Client, sequential; up to {args.requests} timed requests "
        f"or {args.time_cap:.0f} s per operation, after up to {args.warmup} untimed)",
        "",
        *table(in_process, with_queries=True),
        "",
    ]
    if http:
        lines += [
            f"### HTTP (gunicorn -w {args.workers} --threads 1, {args.concurrency} client threads; "
            f"up to {args.http_requests} timed requests or {args.http_time_cap:.0f} s per "
            f"operation, after up to {args.http_warmup} untimed)",
            "",
            *table(http, with_queries=False),
            "",
        ]
    costs = ", ".join(f"{row.label}: {row.cost:,}" for row in in_process if row.cost is not None)
    if costs:
        lines += [f"Query cost (server's measure; default limit 50,000): {costs}.", ""]
    slowest = [row for row in in_process if row.slowest_sql]
    if slowest:
        lines += ["SQL time of one in-process request, and its slowest statement:", ""]
        for row in slowest:
            lines.append(f"- {row.label}: {row.sql_ms:.1f} ms; `{_abridged(row.slowest_sql)}`")
        lines.append("")
    return lines


def _abridged(statement: str, keep: int = 220) -> str:
    # The joins at the start and the WHERE/ORDER BY/LIMIT at the end tell the story.
    if len(statement) <= 2 * keep:
        return statement
    return f"{statement[:keep]} … {statement[-keep:]}"


def ratio_report(results: dict[int, dict[str, list[Row]]]) -> list[str]:
    sizes = sorted(results)
    if len(sizes) < 2:
        return []
    small, large = sizes[0], sizes[-1]
    lines = [
        f"## Median ratio {large:,} / {small:,} products (bar: within 2×)",
        "",
        "| operation | mode | median ms small | median ms large | ratio | within 2× |",
        "|---|---|---:|---:|---:|---|",
    ]
    for mode in ("in-process", "http"):
        before = {row.key: row for row in results[small].get(mode, [])}
        for row in results[large].get(mode, []):
            base = before.get(row.key)
            if base is None or base.median_ms <= 0:
                continue
            ratio = row.median_ms / base.median_ms
            verdict = "yes" if ratio <= 2 else "**no**"
            lines.append(
                f"| {row.label} | {mode} | {base.median_ms:.1f} | {row.median_ms:.1f} "
                f"| {ratio:.2f} | {verdict} |"
            )
    lines.append("")
    return lines


# --- Main ---------------------------------------------------------------------------------------
def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(size) for size in DEFAULT_SIZES),
        help="catalogue sizes, comma-separated (default 1000,100000)",
    )
    parser.add_argument("--requests", type=int, default=200, help="timed in-process requests")
    parser.add_argument("--warmup", type=int, default=30, help="untimed in-process requests")
    parser.add_argument("--http-requests", type=int, default=300, help="timed HTTP requests")
    parser.add_argument("--http-warmup", type=int, default=10, help="untimed HTTP requests")
    parser.add_argument(
        "--time-cap", type=float, default=10.0, help="in-process timed seconds per operation"
    )
    parser.add_argument(
        "--http-time-cap", type=float, default=10.0, help="HTTP timed seconds per operation"
    )
    parser.add_argument("--concurrency", type=int, default=4, help="HTTP client threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--no-http", action="store_true", help="in-process figures only")
    parser.add_argument(
        "--keep-db", action="store_true", help="reuse a bench database already seeded to size"
    )
    keys = ", ".join(op.key for op in _operations())
    parser.add_argument("--only", help=f"comma-separated operations to run, of: {keys}")
    parser.add_argument("--in-process-child", metavar="OUTPUT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size]
    except ValueError:
        parser.error("--sizes takes integers, e.g. --sizes 1000,100000")
    args.only = [key for key in (args.only or "").split(",") if key]
    unknown = set(args.only) - {op.key for op in _operations()}
    if unknown:
        parser.error(f"unknown operations: {', '.join(sorted(unknown))}")
    if args.requests < 1 or args.http_requests < 1 or args.concurrency < 1:
        parser.error("--requests, --http-requests and --concurrency must be at least 1")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.in_process_child:
        args.output = args.in_process_child
        in_process_main(args)
        return 0

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    base_url = os.environ.get("DATABASE_URL", "")
    started = datetime.datetime.now()
    path = RESULTS_DIR / f"catalog-{started:%Y%m%d-%H%M%S}.md"
    report = [
        f"# Catalogue benchmark, {started:%Y-%m-%d %H:%M}",
        "",
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; DEBUG=0; "
        f"DB_CONN_MAX_AGE={os.environ.get('DB_CONN_MAX_AGE') or 0}; GRAPHQL_CACHE_SECONDS=0 "
        f"except the 'response cache on' row ({CACHED_SECONDS} s, local-memory cache unless "
        f"CACHE_URL is set); GRAPHQL_MAX_COST(_ANONYMOUS)={BENCH_MAX_COST:,} on the bench server.",
        "",
    ]
    results: dict[int, dict[str, list[Row]]] = {}
    try:
        for size in args.sizes:
            database = bench_database(base_url, size)
            print(f"\n== {size:,} products: {database.label} {database.name}", flush=True)
            seeding = prepare(database, size, keep=args.keep_db)
            print(f"  {seeding}", flush=True)
            print("  in-process measurement", flush=True)
            in_process = measure_in_process(database, args)
            http: list[Row] = []
            try:
                http = [] if args.no_http else measure_over_http(database, args)
            finally:  # what was measured is reported even when the HTTP part fails
                results[size] = {"in-process": in_process, "http": http}
                section = size_report(size, seeding, in_process, http, args)
                print("\n" + "\n".join(section), flush=True)
                report += section
        ratios = ratio_report(results)
        if ratios:
            print("\n".join(ratios), flush=True)
            report += ratios
    except BenchError as exc:
        report += ["", f"**BENCH FAILED:** {exc}", ""]
        raise
    finally:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(report))
        print(f"Written to {path.relative_to(REPO)}", flush=True)
    return 0


if __name__ == "__main__":
    # Run as a script, this file's folder comes first on sys.path, where "catalog" would be
    # this module rather than the catalogue app: the repository root replaces it.
    here = Path(__file__).resolve().parent
    sys.path[:] = [str(REPO)] + [p for p in sys.path if Path(p or ".").resolve() != here]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    try:
        sys.exit(main(sys.argv[1:]))
    except BenchError as exc:
        print(f"\nBENCH FAILED: {exc}", file=sys.stderr)
        sys.exit(1)
