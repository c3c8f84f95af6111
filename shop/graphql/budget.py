"""What one GraphQL request may spend: cost, wall-clock time, SQL statement time, and what an
anonymous client address may spend per minute.

The static cost (:mod:`shop.graphql.limits`) is an upper bound checked before execution: a
request over its budget never runs. The budget is lower for anonymous requests (no user: no
session, no valid token) than for signed-in ones. What a query may still do within its budget is
bounded while it runs:

* a **wall-clock budget** (``GRAPHQL_TIME_LIMIT_MS``): the execution checks the clock before
  resolving each field and, once past the deadline, stops the whole execution with one
  ``QueryTimeout`` error (no field is resolved after it);
* a **statement timeout** on PostgreSQL (``GRAPHQL_STATEMENT_TIMEOUT_MS``), set on the connection
  around the execution only (migrations, commands and other views keep the server's default); a
  cancelled statement answers the same ``QueryTimeout`` error rather than an internal error.

Both apply to queries; mutations are bounded by their count and cost, and stopping one half-way
(or a lock wait during a rush) would turn a completed write into an error.

The **per-address budget** (``GRAPHQL_ANONYMOUS_COST_PER_MINUTE``) bounds what one anonymous
address makes the server do: before execution a request reserves its static cost in a counter of
the shared cache (one window of 60 seconds, started by its first request); after execution the
reservation is settled to the fields actually resolved, counted by the same measure. A request
that would go over answers 429 with ``Retry-After``. Responses served from the anonymous cache
never reach execution and cost nothing; renaming aliases to dodge the cache does not help.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest
from django.utils.translation import gettext as _
from graphql import ExecutionContext, GraphQLError
from graphql.language import FieldNode

from accounts.throttling import client_ip
from shop.graphql.limits import field_cost

logger = logging.getLogger("shop.graphql")

TIMEOUT_CODE = "QueryTimeout"
RATE_LIMITED_CODE = "TooManyRequests"
COST_WINDOW_SECONDS = 60
# PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout (or a cancel request).
_QUERY_CANCELED = "57014"


def is_anonymous(request: HttpRequest) -> bool:
    """No session user and no valid bearer token (an invalid token leaves the user anonymous)."""
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def max_cost(request: HttpRequest) -> int:
    """The static cost a request may ask for: lower for anonymous requests."""
    if is_anonymous(request):
        return settings.GRAPHQL_MAX_COST_ANONYMOUS
    return settings.GRAPHQL_MAX_COST


# --- Execution: the clock and the fields resolved ----------------------------------------------


class QueryTimeout(GraphQLError):
    """The query was stopped: it ran past its wall-clock budget or a statement timed out."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, extensions={"exception": {"code": TIMEOUT_CODE}}, **kwargs)


def _wall_clock_error(field_nodes: list[FieldNode], path: Any) -> QueryTimeout:
    seconds = settings.GRAPHQL_TIME_LIMIT_MS / 1000
    message = _(
        "Truy vấn chạy quá %(seconds)g giây cho phép nên đã bị dừng: "
        "hãy yêu cầu ít mục hoặc ít trường hơn."
    )
    # Located at the first field left unresolved.
    return QueryTimeout(message % {"seconds": seconds}, nodes=field_nodes, path=path.as_list())


def _statement_timeout_error(error: GraphQLError) -> QueryTimeout:
    message = _(
        "Một truy vấn cơ sở dữ liệu chạy quá thời gian cho phép nên đã bị dừng: "
        "hãy yêu cầu ít mục hoặc ít trường hơn."
    )
    return QueryTimeout(message, nodes=error.nodes, path=error.path)


def is_statement_timeout(error: BaseException | None) -> bool:
    """Whether ``error`` (or an exception it wraps) is PostgreSQL cancelling a statement."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if getattr(error, "sqlstate", None) == _QUERY_CANCELED:
            return True
        error = getattr(error, "original_error", None) or error.__cause__
    return False


@dataclass
class ExecutionMeter:
    """One execution's deadline (``time.monotonic()``, None: no limit) and the cost of the fields
    it resolved so far (the static cost's measure, so the two compare)."""

    deadline: float | None = None
    resolved: int = 0


class BudgetExecutionContext(ExecutionContext):
    """Counts resolved fields and stops the execution once past the deadline or when a statement
    timed out. Bind a meter with :func:`budget_execution_context`."""

    meter: ExecutionMeter | None = None

    def execute_field(
        self, parent_type: Any, source: Any, field_nodes: list[FieldNode], path: Any
    ) -> Any:
        meter = self.meter
        if meter is None:
            return super().execute_field(parent_type, source, field_nodes, path)
        meter.resolved += field_cost(field_nodes[0].name.value)
        if meter.deadline is not None and time.monotonic() > meter.deadline:
            # Raised outside graphql-core's per-field handling: the parent's handler receives it
            # and handle_field_error below passes it on to the top.
            raise _wall_clock_error(field_nodes, path)
        return super().execute_field(parent_type, source, field_nodes, path)

    def handle_field_error(self, error: GraphQLError, *args: Any) -> None:
        if isinstance(error, QueryTimeout) or isinstance(error.original_error, QueryTimeout):
            raise error
        if is_statement_timeout(error.original_error):
            logger.warning("GraphQL statement timed out at %s", error.path)
            raise _statement_timeout_error(error) from None
        super().handle_field_error(error, *args)


def budget_execution_context(
    *, base: type[ExecutionContext] | None, meter: ExecutionMeter
) -> type[ExecutionContext]:
    """A :class:`BudgetExecutionContext` (over ``base``, if the view has one) bound to ``meter``."""
    bases: tuple[type, ...] = (BudgetExecutionContext,)
    if base is not None and not issubclass(BudgetExecutionContext, base):
        bases = (BudgetExecutionContext, base)
    return type("BudgetExecutionContext", bases, {"meter": meter})


def execution_meter(*, timed: bool) -> ExecutionMeter:
    """A meter whose deadline is ``GRAPHQL_TIME_LIMIT_MS`` from now (none if not ``timed``)."""
    limit = settings.GRAPHQL_TIME_LIMIT_MS
    deadline = time.monotonic() + limit / 1000 if timed and limit > 0 else None
    return ExecutionMeter(deadline=deadline)


@contextmanager
def statement_timeout(*, enabled: bool = True) -> Iterator[None]:
    """``GRAPHQL_STATEMENT_TIMEOUT_MS`` on the PostgreSQL connection for the block only.

    The ``SET`` is made just before the block's first SQL statement (a query that reads no table
    does not touch the database), through the driver's cursor rather than Django's so that it is
    not logged as one of the operation's queries (query-count tests and benchmarks count the
    operation's work). ``RESET`` restores the server's default afterwards.
    """
    milliseconds = settings.GRAPHQL_STATEMENT_TIMEOUT_MS
    if not enabled or milliseconds <= 0 or connection.vendor != "postgresql":
        yield
        return
    armed: list[bool] = []

    def arm(execute: Any, sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        if not armed:
            _set_statement_timeout(f"SET statement_timeout = {int(milliseconds)}")
            armed.append(True)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(arm):
            yield
    finally:
        if armed:
            try:
                _set_statement_timeout("RESET statement_timeout")
            except DatabaseError:
                # The transaction was aborted (by the timeout itself, say): rolling it back
                # undoes the SET, as PostgreSQL reverts settings made in an aborted transaction.
                logger.info("statement_timeout reset deferred to the rollback", exc_info=True)


def _set_statement_timeout(sql: str) -> None:
    try:
        with connection.connection.cursor() as cursor:
            cursor.execute(sql)
    except Exception as error:  # the driver's own error: present it as Django's
        raise DatabaseError(str(error)) from error


# --- Per-address budget of anonymous work ------------------------------------------------------


class CostBudgetExceeded(Exception):
    """This address spent its budget for the current window; ``retry_after`` in seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass(frozen=True)
class CostReservation:
    """The static cost reserved for one request in an address's counter."""

    key: str
    reserved: int


def _cost_key(ip: str) -> str:
    return "graphql-cost:ip:" + hashlib.sha256(ip.encode("utf-8")).hexdigest()[:32]


def _retry_after(key: str) -> int:
    started = cache.get(key + ":since")
    if not started:
        return COST_WINDOW_SECONDS
    left = started + COST_WINDOW_SECONDS - time.time()
    return max(1, min(COST_WINDOW_SECONDS, math.ceil(left)))


def _add(key: str, amount: int) -> None:
    if cache.add(key, amount, timeout=COST_WINDOW_SECONDS):
        cache.set(key + ":since", time.time(), timeout=COST_WINDOW_SECONDS)
        return
    try:
        cache.incr(key, amount)
    except ValueError:  # expired between add and incr: start a new window
        cache.set(key, amount, timeout=COST_WINDOW_SECONDS)
        cache.set(key + ":since", time.time(), timeout=COST_WINDOW_SECONDS)


def anonymous_cost_reserve(*, request: HttpRequest, cost: int) -> CostReservation | None:
    """Reserve ``cost`` in the budget of the request's address; raises
    :class:`CostBudgetExceeded` when it would go over. None when no budget applies (signed-in
    user, no address, ``GRAPHQL_ANONYMOUS_COST_PER_MINUTE`` 0)."""
    budget = settings.GRAPHQL_ANONYMOUS_COST_PER_MINUTE
    ip = client_ip(request)
    if budget <= 0 or not ip or not is_anonymous(request):
        return None
    key = _cost_key(ip)
    try:
        spent = cache.get(key) or 0
        if spent + cost > budget:
            raise CostBudgetExceeded(_retry_after(key))
        _add(key, cost)
    except CostBudgetExceeded:
        raise
    except Exception:  # the cache is down: serve, as the response cache does
        logger.warning("GraphQL cost budget unavailable", exc_info=True)
        return None
    return CostReservation(key=key, reserved=cost)


def anonymous_cost_settle(reservation: CostReservation | None, *, resolved: int) -> None:
    """Charge what the request actually resolved instead of what it reserved: usually less (the
    static cost assumes full pages), sometimes more (lists without ``first`` count once)."""
    if reservation is None or resolved == reservation.reserved:
        return
    try:
        if resolved < reservation.reserved:
            cache.decr(reservation.key, reservation.reserved - resolved)
        else:
            cache.incr(reservation.key, resolved - reservation.reserved)
    except ValueError:  # the window ended meanwhile: the next one starts afresh
        pass
    except Exception:  # the cache is down
        logger.warning("GraphQL cost budget unavailable", exc_info=True)


__all__ = [
    "BudgetExecutionContext",
    "CostBudgetExceeded",
    "CostReservation",
    "ExecutionMeter",
    "QueryTimeout",
    "anonymous_cost_reserve",
    "anonymous_cost_settle",
    "budget_execution_context",
    "execution_meter",
    "is_anonymous",
    "is_statement_timeout",
    "max_cost",
    "statement_timeout",
]
