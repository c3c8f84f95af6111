"""A bounded fuzz run over the GraphQL schema: no generated document may cause an internal error.

hypothesis-graphql generates valid documents for every root field of ``Query`` and ``Mutation``
(arguments, nested arguments, selections) from the live schema; each one is posted to
``/graphql/`` through Django's test client, against a small catalogue: queries and mutations
anonymously, mutations again as OCOP staff (past the permission checks, into the services). An answer with HTTP 500
or an error coded ``INTERNAL_ERROR`` fails the run, which then lists each distinct exception
(type and message, from the ``shop.graphql`` log) with one document that caused it.

The strategies favour what broke the API before: NUL characters in strings and IDs, and
``NaN``/``Infinity`` as decimals. They also use IDs and slugs that exist, so resolvers go past
"not found". Runs are derandomised: the same documents every time (``FUZZ_EXAMPLES`` scales
them; ``FUZZ_SEED`` picks another seed to explore).
"""

from __future__ import annotations

import base64
import datetime
import json
import logging
import os
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import graphql
import pytest
from django.test import Client
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

from accounts.models import User
from shop.graphql.errors import INTERNAL_ERROR_CODE
from shop.schema import schema
from tests.catalog.factories import make_producer, make_product

# Examples per root field; the whole module stays well under a minute on a 2-core machine.
QUERY_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
MUTATION_EXAMPLES = max(1, QUERY_EXAMPLES // 4)
SEED = int(os.environ.get("FUZZ_SEED", "0"))

SCHEMA = schema.graphql_schema
ROOT = str(Path(__file__).resolve().parents[2]) + "/"

# --- Strategies -------------------------------------------------------------------------------

NASTY_STRINGS = [
    "",
    "\x00",
    "a\x00b",
    "\x00" * 3,
    "NaN",
    "Infinity",
    "-Infinity",
    "sNaN",
    "1e999999",
    "-1",
    "0",
    " ",
    "%",
    "_",
    "\\",
    "'",
    '"',
    "\u0301",
    "\U0001f600",
    "\r\n",
    "default-channel",
    "ca-phe-ca-cao",
    "fuzz-producer",
    "fuzz-product",
    "SKU-FUZZ-0",
    "VND",
    "vi",
    "VN",
]
# Object names whose global IDs the API resolves (by ``Type:pk``).
ID_TYPES = [
    "Product",
    "ProductVariant",
    "Producer",
    "Category",
    "Collection",
    "Channel",
    "Warehouse",
    "Checkout",
    "Order",
    "User",
    "Page",
    "Menu",
    "Attribute",
    "Certificate",
    "ProductMedia",
    "Payment",
    "Address",
]


def _global_id(type_name: str, pk: str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def _nul_text() -> st.SearchStrategy[str]:
    """Text with a NUL character somewhere in it."""
    return st.builds("\x00".join, st.lists(st.text(max_size=5), min_size=2, max_size=2))


STRINGS = st.one_of(
    st.sampled_from(NASTY_STRINGS),
    _nul_text(),
    st.text(max_size=20),
)
IDS = st.one_of(
    st.builds(
        _global_id,
        st.sampled_from(ID_TYPES),
        st.one_of(st.integers(0, 3).map(str), STRINGS),
    ),
    STRINGS,
)
DECIMAL_TEXT = st.one_of(
    st.sampled_from(["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", "-0", "1e400", "0.5"]),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    STRINGS,
)
NUMBERS = st.one_of(
    st.integers(-(2**31), 2**31 - 1).map(nodes.Int),
    st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
)
DECIMALS = st.one_of(DECIMAL_TEXT.map(nodes.String), NUMBERS)
SIMPLE_VALUES = st.one_of(
    STRINGS.map(nodes.String),
    NUMBERS,
    st.booleans().map(nodes.Boolean),
    st.just(graphql.NullValueNode()),
)


def _object(pairs: list[tuple[str, graphql.ValueNode]]) -> graphql.ObjectValueNode:
    return nodes.Object(
        [
            graphql.ObjectFieldNode(name=graphql.NameNode(value=key), value=value)
            for key, value in dict(pairs).items()
        ]
    )


# Any literal: what JSON, GenericScalar and Metadata accept.
ANY_VALUES = st.recursive(
    SIMPLE_VALUES,
    lambda children: st.one_of(
        st.lists(children, max_size=3).map(nodes.List),
        st.lists(
            st.tuples(st.sampled_from(["key", "value", "text", "blocks", "a"]), children),
            max_size=3,
        ).map(_object),
    ),
    max_leaves=6,
)
JSON_TEXT = st.one_of(
    st.recursive(
        st.none() | st.booleans() | st.integers() | STRINGS,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.sampled_from(["blocks", "type", "data", "text"]), children, max_size=3
            )
        ),
        max_leaves=6,
    ).map(json.dumps),
    STRINGS,
)
DATES = st.one_of(st.dates().map(datetime.date.isoformat), STRINGS)
DATETIMES = st.one_of(st.datetimes().map(datetime.datetime.isoformat), STRINGS)
UUIDS = st.one_of(st.uuids().map(str), STRINGS)
WEIGHTS = st.one_of(
    NUMBERS,
    DECIMAL_TEXT.map(nodes.String),
    st.lists(st.tuples(st.sampled_from(["value", "unit"]), DECIMALS), max_size=2).map(_object),
)

CUSTOM_SCALARS = {
    "String": STRINGS.map(nodes.String),
    "ID": IDS.map(nodes.String),
    "Decimal": DECIMALS,
    "PositiveDecimal": DECIMALS,
    "JSONString": JSON_TEXT.map(nodes.String),
    "JSON": ANY_VALUES,
    "GenericScalar": ANY_VALUES,
    "Metadata": ANY_VALUES,
    "Date": DATES.map(nodes.String),
    "DateTime": DATETIMES.map(nodes.String),
    "UUID": UUIDS.map(nodes.String),
    "WeightScalar": WEIGHTS,
    "Upload": st.just(graphql.NullValueNode()),
}


def root_fields(type_: graphql.GraphQLObjectType | None) -> list[str]:
    return sorted(type_.fields) if type_ is not None else []


# --- Harness ----------------------------------------------------------------------------------


@pytest.fixture
def catalogue(db, settings):
    """A producer with two published, certified products (and their variants and stock)."""
    settings.GRAPHQL_CACHE_SECONDS = 0  # execute every document, never answer from the cache
    producer = make_producer("Fuzz Producer")
    make_product("Fuzz Product", producer=producer, prices=(150000, 90000))
    make_product(producer=producer, stars=4)


class Findings:
    """Internal errors seen during a run, one entry per distinct exception."""

    def __init__(self) -> None:
        self.cases = 0
        self.failures = 0
        self.post_seconds = 0.0
        self.distinct: dict[str, str] = {}

    def record(self, key: str, document: str) -> None:
        self.failures += 1
        self.distinct.setdefault(key, document)

    def report(self) -> str:
        lines = [
            f"{len(self.distinct)} distinct internal error(s), {self.failures} in all,"
            f" in {self.cases} cases:"
        ]
        for key, document in self.distinct.items():
            lines.append(f"--- {key}\n{document}")
        return "\n".join(lines)


def _internal_errors(response) -> list[dict]:
    if response.status_code >= 500:
        return [{"message": f"HTTP {response.status_code}"}]
    try:
        errors = response.json().get("errors") or []
    except ValueError:
        return [{"message": "not JSON"}]
    return [
        error
        for error in errors
        if (error.get("extensions") or {}).get("exception", {}).get("code") == INTERNAL_ERROR_CODE
    ]


def _origin(exc: BaseException) -> str:
    """Where the exception left the project's code (or its innermost frame), ``file:line``."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f.filename.startswith(ROOT) and "/tests/" not in f.filename]
    frame = (ours or frames)[-1]
    return f"{frame.filename.removeprefix(ROOT)}:{frame.lineno}"


def _post(client: Client, document: str, findings: Findings, caplog) -> None:
    caplog.clear()
    t0 = time.monotonic()
    response = client.post(
        "/graphql/", json.dumps({"query": document}), content_type="application/json"
    )
    findings.cases += 1
    findings.post_seconds += time.monotonic() - t0
    internal = _internal_errors(response)
    if not internal:
        return
    logged = [record for record in caplog.records if record.exc_info]
    if logged:
        for record in logged:
            exc = record.exc_info[1]
            where = _origin(exc)
            findings.record(f"{type(exc).__name__}: {str(exc)[:160]} (at {where})", document)
    else:
        findings.record(str(internal[0].get("message")), document)


def _fuzz(
    build: Callable[..., st.SearchStrategy[str]],
    fields: list[str],
    examples: int,
    findings: Findings,
    caplog,
    client: Client,
) -> None:
    for field in fields:
        strategy = build(SCHEMA, fields=[field], custom_scalars=CUSTOM_SCALARS)

        @seed(SEED)
        @hypothesis_settings(
            max_examples=examples,
            deadline=None,
            derandomize=SEED == 0,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(document=strategy)
        def run(document: str) -> None:
            _post(client, document, findings, caplog)

        run()


@pytest.mark.parametrize(
    ("build", "operation", "viewer", "examples"),
    [
        (queries, "query", "anonymous", QUERY_EXAMPLES),
        (mutations, "mutation", "anonymous", MUTATION_EXAMPLES),
        # OCOP staff pass the permission checks: the mutations' inputs reach the services.
        (mutations, "mutation", "staff", MUTATION_EXAMPLES),
    ],
    ids=["queries", "mutations", "staff-mutations"],
)
def test_fuzzed_documents_cause_no_internal_error(
    catalogue, caplog, build, operation, viewer, examples
):
    caplog.set_level(logging.ERROR)
    client = Client(raise_request_exception=False)  # a 500 is recorded, not raised
    if viewer == "staff":
        client.force_login(User.objects.create_user(email="fuzz@example.vn", is_staff=True))
    type_ = SCHEMA.query_type if operation == "query" else SCHEMA.mutation_type
    findings = Findings()
    started = time.monotonic()
    _fuzz(build, root_fields(type_), examples, findings, caplog, client)
    elapsed = time.monotonic() - started
    print(  # noqa: T201
        f"fuzz {viewer} {operation}: {findings.cases} cases in {elapsed:.1f} s"
        f" (posting {findings.post_seconds:.1f} s)"
    )
    assert findings.cases >= len(root_fields(type_)), "every root field was exercised"
    assert not findings.distinct, findings.report()
