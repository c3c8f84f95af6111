"""Checkout benchmark: complete checkout flows per second over HTTP, and SQL queries per step.

One flow is what a storefront sends to buy: ``checkoutCreate`` with two lines from two
producers, ``checkoutLinesAdd`` (a third line), ``checkoutShippingAddressUpdate`` (a Lâm Đồng
address), ``checkout(id)`` for the shipping methods and total, ``checkoutDeliveryMethodUpdate``
(the first active method), ``transactionInitialize`` (cash on delivery: an authorisation of
the total) and ``checkoutComplete`` → an order. The script

1. prepares a fresh PostgreSQL database ``ocop_bench_checkout`` (on the server of
   ``DATABASE_URL`` when that is PostgreSQL, else ``postgres://postgres@127.0.0.1:5432``),
   migrates it, runs ``seed_demo`` (demo catalogue, shipping zones and methods, demo buyer) and
   tops every stock row up to 1,000,000 units so that no run ever runs out;
2. measures in-process (``django.test.Client`` in a child process): the SQL queries and the
   median time of every step;
3. measures over HTTP (gunicorn, 4 workers): flows at concurrency 1 and 8, each bounded by a
   number of flows and a time cap: flows/s, flow latency, per-step latency, failed flows;
4. checks that the database holds exactly one new order per completed flow (and the stock
   allocated for them), prints Markdown tables and writes them to
   ``bench/results/checkout-<timestamp>.md``.

Every step's response is checked (HTTP 200, no top-level ``errors``, empty payload ``errors``,
an order number at the end); a failed flow is counted, with its first error message, and makes
the exit status 1 after the report is written. Only 127.0.0.1 is ever contacted.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    # Run as a script, this file's folder comes first on sys.path, where "catalog" would be
    # bench/catalog.py rather than the catalogue app: the repository root replaces it.
    _here = Path(__file__).resolve().parent
    sys.path[:] = [str(REPO)] + [p for p in sys.path if Path(p or ".").resolve() != _here]

from bench.catalog import (  # noqa: E402  (after the sys.path fix above)
    POSTGRES_SCHEMES,
    RESULTS_DIR,
    WORK_DIR,
    BenchError,
    Database,
    gunicorn,
    manage,
    recreate,
    server_env,
)

CHANNEL = "default-channel"
DB_NAME = "ocop_bench_checkout"
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
STOCK_TOP_UP = 1_000_000
CONN_MAX_AGE = 60
# Units per flow: 1 + 2 at checkoutCreate, 1 more at checkoutLinesAdd.
UNITS_PER_FLOW = 4

# --- GraphQL documents (the storefront's shapes; see orders/graphql/checkout_*.py) -------------
ERRORS = "errors { field message code variants lines addressType }"
CHECKOUT_SUMMARY = """
    id
    quantity
    lines { id quantity variant { id } }
    totalPrice { gross { amount currency } }"""

PICK_VARIANTS = """query BenchVariants($channel: String!) {
  products(first: 20, channel: $channel) {
    edges {
      node {
        producer { slug }
        productVariants(first: 5) { edges { node { id quantityAvailable } } }
      }
    }
  }
}"""

CREATE = f"""mutation BenchCreate($input: CheckoutCreateInput!) {{
  checkoutCreate(input: $input) {{
    checkout {{{CHECKOUT_SUMMARY}
    }}
    {ERRORS}
  }}
}}"""

LINES_ADD = f"""mutation BenchLinesAdd($id: ID!, $lines: [CheckoutLineInput!]!) {{
  checkoutLinesAdd(id: $id, lines: $lines) {{
    checkout {{{CHECKOUT_SUMMARY}
    }}
    {ERRORS}
  }}
}}"""

SHIPPING_ADDRESS = f"""mutation BenchAddress($id: ID!, $address: AddressInput!) {{
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {{
    checkout {{
      id
      shippingAddress {{ city countryArea phone country {{ code }} }}
    }}
    {ERRORS}
  }}
}}"""

METHODS = """query BenchCheckout($id: ID!) {
  checkout(id: $id) {
    id
    shippingMethods { id active price { amount } }
    totalPrice { gross { amount } }
  }
}"""

DELIVERY = f"""mutation BenchDelivery($id: ID!, $method: ID) {{
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{
    checkout {{
      id
      deliveryMethod {{ __typename ... on ShippingMethod {{ id }} }}
      totalPrice {{ gross {{ amount }} }}
    }}
    {ERRORS}
  }}
}}"""

PAY = """mutation BenchPay($id: ID!) {
  transactionInitialize(id: $id, paymentGateway: {id: "ocop.payments.cod"}) {
    transaction { id authorizedAmount { amount } }
    errors { field message code }
  }
}"""

COMPLETE = f"""mutation BenchComplete($id: ID!) {{
  checkoutComplete(id: $id) {{
    order {{ id number }}
    {ERRORS}
  }}
}}"""

ADDRESS = {
    "firstName": "Nguyễn",
    "lastName": "Văn An",
    "streetAddress1": "12 Đường Lang Biang",
    "city": "Xã Lạc Dương",
    "countryArea": "Lâm Đồng",
    "country": "VN",
    "phone": "0912345678",
}

# (key, label) of the steps of one flow, in order.
STEPS = (
    ("create", "checkoutCreate (2 lines)"),
    ("lines-add", "checkoutLinesAdd (1 line)"),
    ("address", "checkoutShippingAddressUpdate"),
    ("query", "checkout(id) { shippingMethods totalPrice }"),
    ("delivery", "checkoutDeliveryMethodUpdate"),
    ("pay", "transactionInitialize (cash on delivery)"),
    ("complete", "checkoutComplete"),
)
LABELS = dict(STEPS)

Send = Callable[[bytes], tuple[int, bytes]]  # body -> (HTTP status, content)
# call(step key, document, variables) -> data; the caller times (and counts) each step.
Call = Callable[[str, str, dict[str, Any]], dict[str, Any]]


class FlowError(Exception):
    """One step of one flow failed: an error response, payload errors, a missing order."""

    def __init__(self, step: str, message: str) -> None:
        super().__init__(f"{LABELS.get(step, step)}: {message}")
        self.step = step


# --- The flow -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Plan:
    """The variants a flow buys: two producers at checkoutCreate, a third line added after."""

    first: str
    second: str
    added: str
    producers: tuple[str, ...]


def pick_variants(call: Call) -> Plan:
    data = call("pick", PICK_VARIANTS, {"channel": CHANNEL})
    by_producer: dict[str, list[str]] = {}
    for edge in data["products"]["edges"]:
        node = edge["node"]
        producer = (node.get("producer") or {}).get("slug") or ""
        for variant in node["productVariants"]["edges"]:
            if (variant["node"]["quantityAvailable"] or 0) >= UNITS_PER_FLOW:
                by_producer.setdefault(producer, []).append(variant["node"]["id"])
    producers = [slug for slug in by_producer if slug]
    if len(producers) < 2:
        raise BenchError(
            f"the demo catalogue has variants in stock from {len(producers)} producer(s) among "
            "the first 20 products; the flow needs two"
        )
    first = by_producer[producers[0]][0]
    second = by_producer[producers[1]][0]
    # The added line: a third producer when there is one, else another variant.
    rest = [v for slug in producers[2:] for v in by_producer[slug]]
    rest += [v for slug in producers[:2] for v in by_producer[slug] if v not in (first, second)]
    if not rest:
        raise BenchError("the demo catalogue has no third variant in stock for checkoutLinesAdd")
    added_producer = next(slug for slug in producers if rest[0] in by_producer[slug])
    return Plan(first, second, rest[0], (producers[0], producers[1], added_producer))


def _payload(step: str, data: dict[str, Any], root: str) -> dict[str, Any]:
    payload = data.get(root)
    if payload is None:
        raise FlowError(step, f"no {root} in the response")
    errors = payload.get("errors")
    if errors:
        raise FlowError(step, f"payload errors: {json.dumps(errors, ensure_ascii=False)}")
    return payload


def run_flow(call: Call, plan: Plan, n: int) -> int:
    """One complete checkout; the order number. Raises FlowError on any unexpected answer."""
    lines = [
        {"variantId": plan.first, "quantity": 1},
        {"variantId": plan.second, "quantity": 2},
    ]
    variables = {"input": {"channel": CHANNEL, "email": f"bench{n}@example.vn", "lines": lines}}
    payload = _payload("create", call("create", CREATE, variables), "checkoutCreate")
    checkout = payload.get("checkout") or {}
    if not checkout.get("id") or checkout.get("quantity") != 3:
        raise FlowError("create", f"unexpected checkout: {checkout}")
    checkout_id = checkout["id"]

    lines = [{"variantId": plan.added, "quantity": 1}]
    data = call("lines-add", LINES_ADD, {"id": checkout_id, "lines": lines})
    checkout = _payload("lines-add", data, "checkoutLinesAdd").get("checkout") or {}
    if checkout.get("quantity") != UNITS_PER_FLOW:
        raise FlowError("lines-add", f"quantity {checkout.get('quantity')}, expected 4")

    data = call("address", SHIPPING_ADDRESS, {"id": checkout_id, "address": ADDRESS})
    checkout = _payload("address", data, "checkoutShippingAddressUpdate").get("checkout") or {}
    address = checkout.get("shippingAddress") or {}
    if address.get("phone") != "+84912345678" or address.get("countryArea") != "Lâm Đồng":
        raise FlowError("address", f"unexpected shipping address: {address}")

    checkout = call("query", METHODS, {"id": checkout_id}).get("checkout")
    if not checkout:
        raise FlowError("query", "checkout(id) is null")
    methods = [m for m in checkout.get("shippingMethods") or [] if m.get("active")]
    if not methods:
        raise FlowError("query", f"no active shipping method: {checkout.get('shippingMethods')}")
    subtotal = checkout["totalPrice"]["gross"]["amount"]

    method = methods[0]["id"]
    data = call("delivery", DELIVERY, {"id": checkout_id, "method": method})
    checkout = _payload("delivery", data, "checkoutDeliveryMethodUpdate").get("checkout") or {}
    if (checkout.get("deliveryMethod") or {}).get("id") != method:
        raise FlowError("delivery", f"delivery method not set: {checkout.get('deliveryMethod')}")
    total = checkout["totalPrice"]["gross"]["amount"]
    if total < subtotal:
        raise FlowError("delivery", f"total {total} below the total without shipping {subtotal}")

    data = call("pay", PAY, {"id": checkout_id})
    transaction = _payload("pay", data, "transactionInitialize").get("transaction") or {}
    if (transaction.get("authorizedAmount") or {}).get("amount") != total:
        raise FlowError("pay", f"cash on delivery did not authorise {total}: {transaction}")

    payload = _payload(
        "complete", call("complete", COMPLETE, {"id": checkout_id}), "checkoutComplete"
    )
    order = payload.get("order") or {}
    if not order.get("id") or not order.get("number"):
        raise FlowError("complete", f"no order: {payload}")
    return int(order["number"])


def checked_call(send: Send, before: Callable[[str], None], after: Callable[[str], None]) -> Call:
    """A ``call`` on top of ``send``: ``before``/``after`` bracket each request (timers)."""

    def call(step: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps({"query": document, "variables": variables}).encode()
        before(step)
        status, content = send(body)
        after(step)
        try:
            response = json.loads(content)
        except ValueError:
            raise FlowError(step, f"HTTP {status}, not JSON: {content[:300]!r}") from None
        if status != 200 or response.get("errors") or not response.get("data"):
            raise FlowError(step, f"HTTP {status}: {content[:600].decode(errors='replace')}")
        return response["data"]

    return call


class StepTimer:
    """Per-step wall time of the requests of one thread."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.seconds: dict[str, list[float]] = {}

    def before(self, step: str) -> None:
        self.started[step] = time.perf_counter()

    def after(self, step: str) -> None:
        elapsed = time.perf_counter() - self.started.pop(step)
        self.seconds.setdefault(step, []).append(elapsed)


# --- Statistics ---------------------------------------------------------------------------------
def median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000 if seconds else float("nan")


def cell(ms: float, digits: int = 1) -> str:
    return "–" if ms != ms else f"{ms:.{digits}f}"  # NaN: nothing completed


def p95_ms(seconds: list[float]) -> float:
    if len(seconds) < 2:
        return seconds[0] * 1000 if seconds else float("nan")
    return statistics.quantiles(seconds, n=100, method="inclusive")[94] * 1000


# --- In-process measurement (a child process set up on the bench database) ----------------------
def in_process_main(args: argparse.Namespace) -> None:
    import warnings

    import django

    # WhiteNoise's "No directory at .../staticfiles/": collectstatic is not part of the bench.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")

    def send(body: bytes) -> tuple[int, bytes]:
        response = client.post("/graphql/", body, content_type="application/json")
        return response.status_code, response.content

    timer = StepTimer()
    call = checked_call(send, timer.before, timer.after)
    plan = pick_variants(call)
    numbers: list[int] = []
    flow = 0
    for _ in range(args.warmup):  # untimed
        flow += 1
        numbers.append(run_flow(call, plan, flow))
    timer.seconds.clear()
    for _ in range(args.in_process_flows):
        flow += 1
        numbers.append(run_flow(call, plan, flow))
    seconds = {step: timer.seconds.get(step, []) for step, _label in STEPS}

    # SQL queries per step, counted on separate flows (the debug cursor would slow the timed ones).
    queries: dict[str, list[int]] = {step: [] for step, _label in STEPS}
    sql_ms: dict[str, list[float]] = {step: [] for step, _label in STEPS}
    statements: dict[str, list[str]] = {}
    captured: list[CaptureQueriesContext] = []
    # Django's captured "time" is rounded to the millisecond per statement: time them here.
    durations: list[float] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            durations.append(time.perf_counter() - started)

    def start(step: str) -> None:
        durations.clear()
        context = CaptureQueriesContext(connection)
        context.__enter__()
        captured.append(context)

    def stop(step: str) -> None:
        context = captured.pop()
        context.__exit__(None, None, None)
        done = list(context.captured_queries)
        queries[step].append(len(done))
        sql_ms[step].append(sum(durations) * 1000)
        statements[step] = [_abridged(query["sql"]) for query in done]

    count = checked_call(send, start, stop)
    with connection.execute_wrapper(timed):
        for _ in range(args.count_flows):
            flow += 1
            numbers.append(run_flow(count, plan, flow))
    result = {
        "plan": plan.__dict__,
        "flows": flow,
        "numbers": numbers,
        "seconds": seconds,
        "queries": queries,
        "sql_ms": sql_ms,
        "statements": statements,
    }
    Path(args.output).write_text(json.dumps(result, ensure_ascii=False))


def _abridged(statement: str, keep: int = 150) -> str:
    statement = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", statement, count=1)
    if len(statement) <= 2 * keep:
        return statement
    return f"{statement[:keep]} … {statement[-keep:]}"


def measure_in_process(env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    output = WORK_DIR / f"checkout-in-process-{os.getpid()}.json"
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--in-process-child",
        str(output),
        "--in-process-flows",
        str(args.in_process_flows),
        "--count-flows",
        str(args.count_flows),
        "--warmup",
        str(args.warmup),
    ]
    try:
        result = subprocess.run(command, env=env, cwd=REPO, check=False)
        if result.returncode:
            raise BenchError(f"the in-process measurement failed (exit {result.returncode})")
        return json.loads(output.read_text())
    finally:
        output.unlink(missing_ok=True)


# --- HTTP measurement (gunicorn) ----------------------------------------------------------------
@dataclass
class Level:
    concurrency: int
    attempted: int = 0
    wall: float = 0.0
    flow_seconds: list[float] = field(default_factory=list)
    step_seconds: dict[str, list[float]] = field(default_factory=dict)
    numbers: list[int] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def completed(self) -> int:
        return len(self.flow_seconds)


def http_flows(base: str, plan: Plan, *, concurrency: int, flows: int, cap: float, tag: int):
    """Up to ``flows`` flows from ``concurrency`` threads (one httpx.Client each), starting no
    new flow after ``cap`` seconds; failed flows are counted, not fatal."""
    import httpx

    level = Level(concurrency)
    lock = threading.Lock()
    started = time.perf_counter()
    deadline = started + cap

    def worker() -> None:
        timer = StepTimer()
        with httpx.Client(base_url=base, timeout=60) as client:

            def send(body: bytes) -> tuple[int, bytes]:
                response = client.post(
                    "/graphql/", content=body, headers={"content-type": "application/json"}
                )
                return response.status_code, response.content

            call = checked_call(send, timer.before, timer.after)
            while True:
                with lock:
                    if level.attempted >= flows or time.perf_counter() > deadline:
                        break
                    level.attempted += 1
                    n = tag + level.attempted
                timer.seconds.clear()
                t0 = time.perf_counter()
                try:
                    number = run_flow(call, plan, n)
                except (FlowError, httpx.HTTPError) as exc:
                    with lock:
                        level.failures.append(f"{type(exc).__name__}: {exc}")
                    continue
                elapsed = time.perf_counter() - t0
                with lock:
                    level.flow_seconds.append(elapsed)
                    level.numbers.append(number)
                    for step, values in timer.seconds.items():
                        level.step_seconds.setdefault(step, []).extend(values)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    level.wall = time.perf_counter() - started
    return level


def measure_over_http(env: dict[str, str], args: argparse.Namespace) -> tuple[Level, list[Level]]:
    import httpx

    with gunicorn(env, workers=args.workers) as base:
        with httpx.Client(base_url=base, timeout=60) as client:

            def send(body: bytes) -> tuple[int, bytes]:
                response = client.post(
                    "/graphql/", content=body, headers={"content-type": "application/json"}
                )
                return response.status_code, response.content

            plan = pick_variants(checked_call(send, lambda _s: None, lambda _s: None))
        # Untimed: every worker imports, connects and builds its caches before the timed levels.
        print(f"  http: {args.http_warmup} warm-up flows", flush=True)
        warmup = http_flows(
            base,
            plan,
            concurrency=args.workers,
            flows=args.http_warmup,
            cap=args.time_cap,
            tag=100_000,
        )
        levels = []
        for i, concurrency in enumerate(args.concurrency, start=2):
            print(f"  http: concurrency {concurrency}, up to {args.flows} flows", flush=True)
            level = http_flows(
                base,
                plan,
                concurrency=concurrency,
                flows=args.flows,
                cap=args.time_cap,
                tag=i * 100_000,
            )
            print(
                f"    {level.completed} flows in {level.wall:.1f} s, {len(level.failures)} failed",
                flush=True,
            )
            levels.append(level)
    return warmup, levels


# --- Database -----------------------------------------------------------------------------------
def bench_database() -> Database:
    url = os.environ.get("DATABASE_URL", "")
    parts = urlsplit(url if urlsplit(url).scheme in POSTGRES_SCHEMES else DEFAULT_SERVER)
    url = urlunsplit(parts._replace(path=f"/{DB_NAME}"))
    return Database(url=url, label=f"PostgreSQL {parts.hostname}", postgres=True, name=DB_NAME)


def bench_env(database: Database) -> dict[str, str]:
    env = server_env(database)
    env.update(
        DB_CONN_MAX_AGE=str(CONN_MAX_AGE),
        GRAPHQL_CACHE_SECONDS="0",
        # Order emails are sent in the request (eager outbox): kept in memory, never sent.
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        CELERY_BROKER_URL="",
    )
    return env


@dataclass
class Snapshot:
    orders: int
    checkouts: int
    allocated: int
    outbox_pending: int
    negative_stock: int


def snapshot(database: Database) -> Snapshot | None:
    import psycopg

    try:
        with psycopg.connect(database.url, connect_timeout=5) as conn:
            row = conn.execute(
                """SELECT (SELECT count(*) FROM orders_order),
                          (SELECT count(*) FROM orders_checkout),
                          (SELECT coalesce(sum(quantity_allocated), 0) FROM catalog_stock),
                          (SELECT count(*) FROM shop_outboxevent WHERE done_at IS NULL),
                          (SELECT count(*) FROM catalog_stock
                            WHERE quantity - quantity_allocated < 0)"""
            ).fetchone()
    except psycopg.Error:  # no database or no tables yet
        return None
    return Snapshot(*(int(value) for value in row))


def prepare(database: Database, env: dict[str, str], *, keep: bool) -> str:
    """A migrated, seeded database with ample stock; a line for the report."""
    seeded = keep and snapshot(database) is not None
    started = time.perf_counter()
    if not seeded:
        recreate(database)
    manage(env, "migrate", "--noinput", quiet=True)
    if not seeded:
        manage(env, "seed_demo", quiet=True)
    top_up = (
        f"from catalog.models import Stock; print(Stock.objects.update(quantity={STOCK_TOP_UP}))"
    )
    print(f"  $ manage.py shell -c '{top_up}'", flush=True)
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "shell", "-c", top_up],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BenchError(f"the stock top-up failed:\n{result.stderr[-2000:]}")
    rows = int(result.stdout.strip().splitlines()[-1])
    if not rows:
        raise BenchError("the demo catalogue has no stock rows to top up")
    import psycopg

    with psycopg.connect(database.url, autocommit=True, connect_timeout=5) as conn:
        conn.execute("ANALYZE")
    how = "reused (--keep-db)" if seeded else "dropped, created, migrated and seeded"
    return (
        f"{database.label} `{database.name}` {how} in {time.perf_counter() - started:.0f} s; "
        f"{rows} stock rows topped up to {STOCK_TOP_UP:,} units"
    )


# --- Report -------------------------------------------------------------------------------------
def _queries_cell(values: list[int]) -> str:
    if not values:
        return "–"
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}–{high}"


def in_process_report(result: dict[str, Any], args: argparse.Namespace) -> list[str]:
    lines = [
        "## SQL queries per operation",
        "",
        f"In-process (`django.test.Client`, sequential): median of {args.in_process_flows} "
        f"timed flows after {args.warmup} untimed; SQL queries "
        f"counted on {args.count_flows} further flows "
        "(SQL ms: time in the database driver's execute, median).",
        "",
        "| operation | queries | median ms in-process | SQL ms |",
        "|---|---:|---:|---:|",
    ]
    total_queries = 0
    total_ms = 0.0
    for step, label in STEPS:
        counts = result["queries"].get(step, [])
        ms = median_ms(result["seconds"].get(step, []))
        sql = statistics.median(result["sql_ms"][step]) if result["sql_ms"].get(step) else 0.0
        total_queries += max(counts, default=0)
        total_ms += ms
        lines.append(f"| {label} | {_queries_cell(counts)} | {cell(ms)} | {sql:.1f} |")
    lines += [f"| **one flow** | **{total_queries}** | **{total_ms:.1f}** | |", ""]
    return lines


def http_report(warmup: Level, levels: list[Level], args: argparse.Namespace) -> list[str]:
    lines = [
        "## Flows over HTTP",
        "",
        f"gunicorn `shop.wsgi` -w {args.workers} --threads 1 (sync), DEBUG=0, "
        f"DB_CONN_MAX_AGE={CONN_MAX_AGE}; one `httpx.Client` per client thread; up to "
        f"{args.flows} flows or {args.time_cap:.0f} s per level (no new flow after the cap), "
        f"after {warmup.completed} untimed warm-up flows at concurrency {args.workers}. "
        "A flow is 6 requests.",
        "",
        "| concurrency | flows | flows/s | median ms | p95 ms | failures |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for level in levels:
        rate = level.completed / level.wall if level.wall > 0 else 0.0
        failures = len(level.failures)
        lines.append(
            f"| {level.concurrency} | {level.completed} | {rate:.1f} "
            f"| {cell(median_ms(level.flow_seconds), 0)} | {cell(p95_ms(level.flow_seconds), 0)} "
            f"| {failures if not failures else f'**{failures}**'} |"
        )
    lines += ["", "Median latency per step over HTTP (ms):", ""]
    head = "| operation |" + "".join(f" c={level.concurrency} |" for level in levels)
    lines += [head, "|---|" + "---:|" * len(levels)]
    for step, label in STEPS:
        cells = "".join(
            f" {cell(median_ms(level.step_seconds.get(step, [])))} |" for level in levels
        )
        lines.append(f"| {label} |{cells}")
    lines.append("")
    for level in [warmup, *levels]:
        if level.failures:
            which = "warm-up" if level is warmup else f"concurrency {level.concurrency}"
            lines.append(
                f"**{len(level.failures)} failed flows at {which}**; the first: "
                f"`{level.failures[0][:1000]}`"
            )
            lines.append("")
    return lines


def consistency_report(
    before: Snapshot | None, after: Snapshot | None, numbers: list[int], failed: int
) -> tuple[list[str], list[str]]:
    """Lines for the report, and the problems found."""
    problems: list[str] = []
    lines = ["## Consistency", ""]
    if before is None or after is None:
        return lines + ["(database not readable)", ""], ["the database could not be read"]
    orders = after.orders - before.orders
    allocated = after.allocated - before.allocated
    completed = len(numbers)
    lines.append(
        f"- completed flows (in-process, warm-up and timed): {completed}; new orders in the "
        f"database: {orders} — {'equal' if orders == completed else '**not equal**'}"
    )
    if orders != completed:
        problems.append(f"{orders} new orders in the database for {completed} completed flows")
    distinct = len(set(numbers))
    lines.append(
        f"- distinct order numbers returned: {distinct} of {completed}"
        + ("" if distinct == completed else " — **duplicates**")
    )
    if distinct != completed:
        problems.append(f"{completed - distinct} duplicate order numbers")
    expected = UNITS_PER_FLOW * completed
    lines.append(
        f"- units newly allocated: {allocated} (expected {UNITS_PER_FLOW} × {completed} = "
        f"{expected})" + ("" if allocated == expected else " — **mismatch**")
    )
    if allocated != expected:
        problems.append(f"{allocated} units allocated, expected {expected}")
    left = after.checkouts - before.checkouts
    lines.append(f"- checkouts left behind: {left} (failed flows: {failed})")
    if left > failed:
        problems.append(f"{left} checkouts left behind for {failed} failed flows")
    lines.append(f"- outbox events still pending (order emails): {after.outbox_pending}")
    if after.negative_stock:
        problems.append(f"{after.negative_stock} stock rows allocated beyond their quantity")
    lines.append(f"- stock rows allocated beyond their quantity: {after.negative_stock}")
    lines.append("")
    return lines, problems


# --- Main ---------------------------------------------------------------------------------------
def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flows", type=int, default=100, help="HTTP flows per concurrency level")
    parser.add_argument(
        "--time-cap", type=float, default=60.0, help="HTTP seconds per level (no new flow after)"
    )
    parser.add_argument(
        "--concurrency", default="1,8", help="HTTP client threads per level (default 1,8)"
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--http-warmup", type=int, default=8, help="untimed HTTP flows first")
    parser.add_argument(
        "--in-process-flows", type=int, default=20, help="timed in-process flows (default 20)"
    )
    parser.add_argument("--count-flows", type=int, default=3, help="in-process flows counted")
    parser.add_argument("--warmup", type=int, default=3, help="untimed in-process flows first")
    parser.add_argument("--no-http", action="store_true", help="in-process figures only")
    parser.add_argument("--keep-db", action="store_true", help="reuse the seeded bench database")
    parser.add_argument(
        "--show-queries", action="store_true", help="list the SQL of each step of one flow"
    )
    parser.add_argument("--in-process-child", metavar="OUTPUT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        args.concurrency = [int(c) for c in args.concurrency.split(",") if c]
    except ValueError:
        parser.error("--concurrency takes integers, e.g. --concurrency 1,8")
    if min(args.concurrency, default=0) < 1 or args.workers < 1 or args.flows < 1:
        parser.error("--concurrency, --workers and --flows must be at least 1")
    if args.in_process_flows < 1 or args.count_flows < 1:
        parser.error("--in-process-flows and --count-flows must be at least 1")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.in_process_child:
        args.output = args.in_process_child
        try:
            in_process_main(args)
        except FlowError as exc:
            print(f"in-process flow failed: {exc}", file=sys.stderr)
            return 1
        return 0

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    started = datetime.datetime.now()
    path = RESULTS_DIR / f"checkout-{started:%Y%m%d-%H%M%S}.md"
    database = bench_database()
    env = bench_env(database)
    report = [
        f"# Checkout benchmark, {started:%Y-%m-%d %H:%M}",
        "",
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {database.label}; DEBUG=0; "
        "anonymous checkouts, cash on delivery; order emails sent in the request to an "
        "in-memory backend (eager outbox).",
        "",
    ]
    problems: list[str] = []
    try:
        print(f"== checkout flows: {database.label} {database.name}", flush=True)
        preparation = prepare(database, env, keep=args.keep_db)
        print(f"  {preparation}", flush=True)
        report += [preparation, ""]
        before = snapshot(database)
        numbers: list[int] = []
        failed = 0
        try:
            print("  in-process measurement", flush=True)
            in_process = measure_in_process(env, args)
            numbers += in_process["numbers"]
            plan = in_process["plan"]
            report += [
                f"One flow: checkoutCreate with 1 × `{plan['first']}` ({plan['producers'][0]}) "
                f"and 2 × `{plan['second']}` ({plan['producers'][1]}), checkoutLinesAdd 1 × "
                f"`{plan['added']}` ({plan['producers'][2]}), a Lâm Đồng shipping address, "
                "checkout(id), the first active shipping method, transactionInitialize (cash "
                "on delivery), checkoutComplete.",
                "",
            ]
            section = in_process_report(in_process, args)
            print("\n" + "\n".join(section), flush=True)
            report += section
            if args.show_queries:
                shown = ["### SQL of one flow", ""]
                for step, label in STEPS:
                    shown += [f"{label}:", ""]
                    shown += [
                        f"{i}. `{sql}`" for i, sql in enumerate(in_process["statements"][step], 1)
                    ]
                    shown.append("")
                print("\n".join(shown), flush=True)
                report += shown
            if not args.no_http:
                warmup, levels = measure_over_http(env, args)
                for level in [warmup, *levels]:
                    numbers += level.numbers
                    failed += len(level.failures)
                section = http_report(warmup, levels, args)
                print("\n" + "\n".join(section), flush=True)
                report += section
                if failed:
                    problems.append(f"{failed} failed flows over HTTP")
        finally:
            lines, found = consistency_report(before, snapshot(database), numbers, failed)
            problems += found
            print("\n".join(lines), flush=True)
            report += lines
        if problems:
            raise BenchError("; ".join(problems))
    except BenchError as exc:
        report += ["", f"**BENCH FAILED:** {exc}", ""]
        raise
    finally:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(report))
        print(f"Written to {path.relative_to(REPO)}", flush=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    try:
        sys.exit(main(sys.argv[1:]))
    except BenchError as exc:
        print(f"\nBENCH FAILED: {exc}", file=sys.stderr)
        sys.exit(1)
