"""Saleor-style countable connections with keyset (seek) pagination.

Cursors are opaque: base64 of a JSON list holding the row's sort values and its pk. A page is
fetched with ``WHERE (sort values) > (cursor values)`` and ``LIMIT n + 1``, so reading page 500
costs the same as page 1 and rows inserted meanwhile never shift a page (no OFFSET).
``totalCount`` runs its COUNT only when the client selects it.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import graphene
from django.db.models import Q, QuerySet
from graphene import relay
from graphql import GraphQLError

MAX_PAGE_SIZE = 100


class CountableConnection(relay.Connection):
    """Base for ``XCountableConnection`` types: edges, pageInfo and ``totalCount``."""

    total_count = graphene.Int(description="A total count of items in the collection.")

    class Meta:
        abstract = True

    @staticmethod
    def resolve_total_count(root: Any, info: Any) -> int | None:
        counter = getattr(root, "count", None)
        return counter() if callable(counter) else None


def connection_args() -> dict[str, graphene.Argument]:
    """``before/after/first/last`` as Saleor declares them on every connection field."""
    return {
        "before": graphene.String(
            description="Return the elements in the list that come before the specified cursor."
        ),
        "after": graphene.String(
            description="Return the elements in the list that come after the specified cursor."
        ),
        "first": graphene.Int(
            description="Retrieve the first n elements from the list. Note that the system "
            "only allows fetching a maximum of 100 objects in a single query."
        ),
        "last": graphene.Int(
            description="Retrieve the last n elements from the list. Note that the system "
            "only allows fetching a maximum of 100 objects in a single query."
        ),
    }


@dataclass(frozen=True)
class SortKey:
    """One column of a keyset ordering. ``parse`` turns the cursor's JSON value back into
    a value the database compares correctly (Decimal, datetime, int...)."""

    name: str
    descending: bool = False
    parse: Callable[[Any], Any] = lambda value: value
    dump: Callable[[Any], Any] = lambda value: value


@dataclass
class Page:
    """What a connection resolver returns; graphene reads ``edges`` and ``page_info``."""

    edges: list[Any]
    page_info: Any
    count: Callable[[], int] = field(repr=False, default=lambda: 0)


def _selects_edges(info: Any) -> bool:
    """True when the connection's selection asks for ``edges`` (then first/last is required)."""
    if info is None:
        return True
    from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode

    def walk(selection_set: Any) -> bool:
        for selection in getattr(selection_set, "selections", []) or []:
            if isinstance(selection, FieldNode) and selection.name.value == "edges":
                return True
            if isinstance(selection, InlineFragmentNode) and walk(selection.selection_set):
                return True
            if isinstance(selection, FragmentSpreadNode):
                fragment = info.fragments.get(selection.name.value)
                if fragment is not None and walk(fragment.selection_set):
                    return True
        return False

    return any(walk(node.selection_set) for node in info.field_nodes)


def validate_slice_args(
    *,
    field_name: str,
    first: int | None,
    last: int | None,
    after: str | None,
    before: str | None,
    info: Any = None,
) -> None:
    """Saleor's checks, in Saleor's order and wording."""
    if not first and not last and _selects_edges(info):
        raise GraphQLError(
            f"You must provide a `first` or `last` value to properly paginate the "
            f"`{field_name}` connection."
        )
    if first is not None and first > MAX_PAGE_SIZE:
        raise GraphQLError(
            f"Requesting {first} records on the `{field_name}` connection exceeds the "
            f"`first` limit of {MAX_PAGE_SIZE} records."
        )
    if last is not None and last > MAX_PAGE_SIZE:
        raise GraphQLError(
            f"Requesting {last} records on the `{field_name}` connection exceeds the "
            f"`last` limit of {MAX_PAGE_SIZE} records."
        )
    if first is not None and first < 0:
        raise GraphQLError("Argument `first` must be a non-negative integer.")
    if last is not None and last < 0:
        raise GraphQLError("Argument `last` must be a non-negative integer.")
    if first is not None and last is not None:
        raise GraphQLError("Argument `last` cannot be combined with `first`.")
    if first is not None and before:
        raise GraphQLError("Argument `first` cannot be combined with `before`.")
    if last is not None and after:
        raise GraphQLError("Argument `last` cannot be combined with `after`.")


def cursor_encode(values: Sequence[Any]) -> str:
    return base64.b64encode(json.dumps(list(values), default=str).encode()).decode()


def cursor_decode(cursor: str, keys: Sequence[SortKey]) -> list[Any]:
    try:
        raw = json.loads(base64.b64decode(cursor.encode(), validate=True).decode())
        if not isinstance(raw, list) or len(raw) != len(keys):
            raise ValueError
        return [key.parse(value) for key, value in zip(keys, raw, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, ArithmeticError):
        raise GraphQLError("Received cursor is invalid.") from None


def _seek(keys: Sequence[SortKey], values: Sequence[Any], *, forward: bool) -> Q:
    """Rows strictly after (``forward``) or before the cursor in the keyset order."""
    condition = Q()
    for index, key in enumerate(keys):
        ascending = not key.descending
        greater = ascending if forward else not ascending
        lookup = f"{key.name}__{'gt' if greater else 'lt'}"
        term = Q(**{lookup: values[index]})
        for previous in range(index):
            term &= Q(**{keys[previous].name: values[previous]})
        condition |= term
    return condition


def _order_by(keys: Sequence[SortKey], *, reverse: bool) -> list[str]:
    result = []
    for key in keys:
        descending = key.descending != reverse
        result.append(f"-{key.name}" if descending else key.name)
    return result


def paginate(
    queryset: QuerySet,
    *,
    keys: Sequence[SortKey],
    field_name: str,
    first: int | None = None,
    last: int | None = None,
    after: str | None = None,
    before: str | None = None,
    info: Any = None,
    count_queryset: QuerySet | None = None,
    wrap: Callable[[Any], Any] = lambda node: node,
    count: Callable[[QuerySet], int] | None = None,
) -> Page:
    """Fetch one keyset page of ``queryset`` ordered by ``keys`` (the last key must be unique,
    normally ``pk``). ``wrap`` turns each row into the node the GraphQL type expects."""
    validate_slice_args(
        field_name=field_name, first=first, last=last, after=after, before=before, info=info
    )
    page_info_type = relay.PageInfo
    counted = (count_queryset if count_queryset is not None else queryset).order_by()

    def counter() -> int:
        return count(counted) if count is not None else counted.count()

    if not first and not last:
        return Page(
            edges=[],
            page_info=page_info_type(has_next_page=False, has_previous_page=False),
            count=counter,
        )

    forward = last is None
    size = first if forward else last
    qs = queryset
    cursor = after if forward else before
    if cursor:
        qs = qs.filter(_seek(keys, cursor_decode(cursor, keys), forward=forward))
    rows = list(qs.order_by(*_order_by(keys, reverse=not forward))[: size + 1])
    has_more = len(rows) > size
    rows = rows[:size]
    if not forward:
        rows.reverse()

    edges = [
        _Edge(node=wrap(row), cursor=cursor_encode([k.dump(_value(row, k.name)) for k in keys]))
        for row in rows
    ]
    page_info = page_info_type(
        has_next_page=has_more if forward else bool(before),
        has_previous_page=bool(after) if forward else has_more,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Page(edges=edges, page_info=page_info, count=counter)


@dataclass
class _Edge:
    node: Any
    cursor: str


def _value(row: Any, name: str) -> Any:
    value: Any = row
    for part in name.split("__"):
        value = getattr(value, part)
    return value
