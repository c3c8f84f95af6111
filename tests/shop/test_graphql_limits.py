"""The GraphQL endpoint: limits, body checks, error formatting, the anonymous response cache."""

from __future__ import annotations

import json
import logging

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from graphql import get_introspection_query, parse

from shop.cache import catalogue_version_bump
from shop.graphql.errors import format_error, graphql_error
from shop.graphql.limits import alias_count, mutation_count, query_cost, query_depth
from tests.shop.urls_limits import CALLS

pytestmark = pytest.mark.urls("tests.shop.urls_limits")

URL = "/graphql/"


@pytest.fixture(autouse=True)
def _fresh() -> None:
    cache.clear()
    CALLS.clear()


def post(client: Client, query: str, variables: dict | None = None, **extra):
    body = {"query": query}
    if variables is not None:
        body["variables"] = variables
    return client.post(URL, json.dumps(body), content_type="application/json", **extra)


def only_error(response) -> dict:
    errors = response.json()["errors"]
    assert len(errors) == 1, errors
    return errors[0]


def code_of(error: dict) -> str:
    return error["extensions"]["exception"]["code"]


def nested(depth: int) -> str:
    """``{ items { children { ... { name } } } }`` with ``depth`` fields on the longest path."""
    inner = "name"
    for _ in range(depth - 2):
        inner = f"children {{ {inner} }}"
    return f"{{ items {{ {inner} }} }}"


# --- Measures ---------------------------------------------------------------------------------


def test_query_cost_multiplies_selections_by_first_and_last():
    document = parse("{ items(first: 10) { name children(first: 5) { name } } boom }")
    # items: 10 * (1 + name 1 + children 5 * (1 + name 1)) = 120; boom 1: scalars count
    assert query_cost(document) == 121


def test_connection_plumbing_and_introspection_are_free():
    document = parse("{ items(first: 2) { edges { node { name } } pageInfo { name } __typename } }")
    # items: 2 * (1 + edges/node 0 + name 1 + pageInfo 0 + name 1 + __typename 0)
    assert query_cost(document) == 6


def test_query_cost_resolves_variables_defaults_and_fragments():
    document = parse(
        """
        query Q($n: Int, $m: Int = 4, $missing: Int) {
          items(last: $n) { ...F ... on Item { name } }
          more: items(first: $missing) { name }
          __typename
        }
        fragment F on Item { children(first: $m) { name } }
        """
    )
    # items: 3 * (1 + F: 4 * (1 + 1) + inline name 1) = 30; more: 1 * (1 + 1) = 2
    assert query_cost(document, variables={"n": 3}) == 32
    # an invalid value counts as 1: the resolver reports its own error
    assert query_cost(document, variables={"n": "lots", "m": -5}) == 1 * (1 + 2 + 1) + 2


def test_measures_ignore_introspection_and_survive_fragment_cycles():
    assert query_cost(parse(get_introspection_query())) == 0
    assert query_depth(parse(get_introspection_query())) == 0
    cyclic = parse(
        "{ items { ...A } } fragment A on Item { children { ...B } } "
        "fragment B on Item { children { ...A } }"
    )
    assert query_depth(cyclic) == 3
    assert query_cost(cyclic) >= 3


def test_fragments_are_measured_once_so_a_fragment_bomb_is_cheap_to_refuse():
    fragments = [
        f"fragment F{i} on Item {{ a: children {{ ...F{i + 1} }} b: children {{ ...F{i + 1} }} }}"
        for i in range(40)
    ]
    fragments.append("fragment F40 on Item { name }")
    document = parse("{ items { ...F0 } } " + " ".join(fragments))
    assert query_cost(document) > 2**40
    assert query_depth(document) == 42


def test_alias_and_mutation_counts():
    assert alias_count(parse("{ a: items { n: name } b: items { name } }")) == 3
    document = parse("mutation { a: touch { ok } ...M } fragment M on Mutation { touch { ok } }")
    assert mutation_count(document) == 2


# --- Cost -------------------------------------------------------------------------------------


def test_cost_is_reported_in_extensions(client, settings):
    response = post(client, "{ items(first: 10) { name children(first: 5) { name } } }")
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    assert body["extensions"]["cost"] == {
        "requestedQueryCost": 120,
        "maximumAvailable": settings.GRAPHQL_MAX_COST_ANONYMOUS,
    }


def test_too_costly_query_is_refused_before_any_resolver_runs(client, settings):
    query = "{ items(first: 100) { children(first: 100) { children(first: 10) { name } } } }"
    response = post(client, query)
    assert response.status_code == 400
    error = only_error(response)
    cost = 100 * (1 + 100 * (1 + 10 * (1 + 1)))
    maximum = settings.GRAPHQL_MAX_COST_ANONYMOUS
    assert error["message"] == (
        f"The query exceeds the maximum cost of {maximum}. Actual cost is {cost}"
    )
    assert code_of(error) == "QueryCostError"
    assert error["extensions"]["cost"] == {"requestedQueryCost": cost, "maximumAvailable": maximum}
    assert response.json()["extensions"]["cost"]["requestedQueryCost"] == cost
    assert "data" not in response.json()
    assert sum(CALLS.values()) == 0


def test_cost_multipliers_come_from_variables(client):
    query = "query($n: Int) { items(first: $n) { children(first: $n) { children(first: $n) { name } } } }"
    assert post(client, query, {"n": 10}).status_code == 200
    response = post(client, query, {"n": 100})
    assert response.status_code == 400
    assert code_of(only_error(response)) == "QueryCostError"


def test_cost_limit_follows_the_setting(client, settings):
    settings.GRAPHQL_MAX_COST_ANONYMOUS = 10
    response = post(client, "{ items(first: 12) { name } }")
    assert response.status_code == 400
    assert response.json()["extensions"]["cost"] == {
        "requestedQueryCost": 24,
        "maximumAvailable": 10,
    }


# --- Depth, aliases, mutations ----------------------------------------------------------------


def test_depth_limit_allows_15_and_refuses_16(client):
    assert post(client, nested(15)).status_code == 200
    response = post(client, nested(16))
    assert response.status_code == 400
    error = only_error(response)
    assert error["message"] == "Query depth 16 exceeds the limit of 15."
    assert code_of(error) == "QueryDepthExceeded"
    assert CALLS["items"] == 1  # only the allowed query ran


def test_depth_counts_through_fragments(client):
    query = "{ items { ...Deep } } fragment Deep on Item " + nested(16)[len("{ items") : -1]
    response = post(client, query)
    assert response.status_code == 400
    assert code_of(only_error(response)) == "QueryDepthExceeded"


def test_more_than_100_aliases_are_refused(client):
    allowed = "{ " + " ".join(f"a{i}: checkout" for i in range(100)) + " }"
    assert post(client, allowed).status_code == 200
    CALLS.clear()
    refused = "{ " + " ".join(f"a{i}: checkout" for i in range(101)) + " }"
    response = post(client, refused)
    assert response.status_code == 400
    error = only_error(response)
    assert error["message"] == "Number of aliases exceed the limit of 100"
    assert code_of(error) == "TooManyAliases"
    assert CALLS["checkout"] == 0


def test_more_than_4_mutations_are_refused(client):
    four = "mutation { " + " ".join(f"m{i}: touch {{ ok }}" for i in range(4)) + " }"
    assert post(client, four).status_code == 200
    assert CALLS["touch"] == 4
    five = "mutation { " + " ".join(f"m{i}: touch {{ ok }}" for i in range(5)) + " }"
    response = post(client, five)
    assert response.status_code == 400
    error = only_error(response)
    assert error["message"] == "Number of mutations exceed the limit of 4"
    assert code_of(error) == "TooManyMutations"
    assert CALLS["touch"] == 4


def test_mutations_hidden_in_fragments_count(client):
    query = (
        "mutation { ...M ... on Mutation { c: touch { ok } d: touch { ok } } } "
        "fragment M on Mutation { a: touch { ok } b: touch { ok } e: touch { ok } }"
    )
    response = post(client, query)
    assert response.status_code == 400
    assert code_of(only_error(response)) == "TooManyMutations"
    assert CALLS["touch"] == 0


def test_introspection_query_is_allowed(client):
    response = post(client, get_introspection_query(descriptions=True))
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


def test_fragment_cycle_is_a_validation_error_not_a_crash(client):
    query = (
        "{ items { ...A } } fragment A on Item { children { ...B } } "
        "fragment B on Item { children { ...A } }"
    )
    response = post(client, query)
    assert response.status_code == 400
    assert "Cannot spread fragment" in response.json()["errors"][0]["message"]


# --- Body -------------------------------------------------------------------------------------


def test_body_over_the_limit_is_a_json_413(client, settings):
    body = json.dumps(
        {"query": "{ checkout }", "padding": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
    )
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    error = only_error(response)
    assert code_of(error) == "RequestTooLarge"
    assert str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE) in error["message"]
    assert CALLS["checkout"] == 0


def test_malformed_json_is_a_json_400(client):
    response = client.post(URL, '{"query": "{ checkout }"', content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    error = only_error(response)
    assert code_of(error) == "InvalidJSON"
    assert error["message"] == "The request body is not valid JSON."


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ('[{"query": "{ checkout }"}]', "BatchNotSupported"),
        ('"{ checkout }"', "InvalidRequest"),
        ("{}", "GraphQLError"),
        ('{"query": "{ checkout }", "variables": [1]}', "InvalidRequest"),
        ('{"query": "{ checkout }", "variables": "{not json"}', "InvalidRequest"),
        ("[" * 100_000, "InvalidJSON"),
    ],
)
def test_bad_bodies_are_refused_with_a_clear_error(client, body, code):
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    error = only_error(response)
    assert code_of(error) == code
    assert error["message"]
    assert CALLS["checkout"] == 0


def test_syntax_error_is_a_400_with_a_code(client):
    response = post(client, "{ items { ")
    assert response.status_code == 400
    error = only_error(response)
    assert error["message"].startswith("Syntax Error")
    assert code_of(error) == "GraphQLSyntaxError"


def test_unknown_field_is_a_validation_error(client):
    response = post(client, "{ nope }")
    assert response.status_code == 400
    assert code_of(only_error(response)) == "GraphQLError"
    assert response.json()["extensions"]["cost"]["requestedQueryCost"] == 1


def test_other_methods_and_get_mutations_are_refused(client):
    response = client.put(URL, "{}", content_type="application/json")
    assert response.status_code == 405
    assert code_of(only_error(response)) == "MethodNotAllowed"
    response = client.get(URL, {"query": "mutation { touch { ok } }"})
    assert response.status_code == 405
    assert CALLS["touch"] == 0


def test_get_query_works_and_graphiql_only_with_debug(client, settings):
    response = client.get(URL, {"query": "{ checkout }"})
    assert response.status_code == 200
    assert response.json()["data"] == {"checkout": "cart"}
    settings.DEBUG = False
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    settings.DEBUG = True
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"graphiql" in response.content.lower()


def test_multipart_upload_puts_the_file_in_the_variables(client):
    operations = {
        "query": "mutation($file: Upload!) { uploadFile(file: $file) { name size } }",
        "variables": {"file": None},
    }
    response = client.post(
        URL,
        {
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.file"]}),
            "0": SimpleUploadedFile("honey.jpg", b"12345", content_type="image/jpeg"),
        },
    )
    assert response.status_code == 200, response.content
    assert response.json()["data"] == {"uploadFile": {"name": "honey.jpg", "size": 5}}


def test_multipart_map_must_point_into_the_variables(client):
    operations = {"query": "mutation($file: Upload!) { uploadFile(file: $file) { name } }"}
    response = client.post(
        URL,
        {
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["query"]}),
            "0": SimpleUploadedFile("a.jpg", b"1"),
        },
    )
    assert response.status_code == 400
    assert code_of(only_error(response)) == "InvalidRequest"


# --- Errors -----------------------------------------------------------------------------------


def test_unexpected_exception_is_generic_without_debug(client, settings, caplog):
    settings.DEBUG = False
    with caplog.at_level(logging.ERROR, logger="shop.graphql"):
        response = post(client, "{ boom checkout }")
    assert response.status_code == 500  # our failure: load balancers and monitoring must see it
    body = response.json()
    assert body["data"] == {"boom": None, "checkout": "cart"}
    error = only_error(response)
    assert error["message"] == "Internal Server Error"
    assert error["extensions"]["exception"] == {"code": "INTERNAL_ERROR"}
    assert error["path"] == ["boom"]
    assert "SELECT" not in response.content.decode()
    assert "catalog_secret" not in response.content.decode()
    record = next(r for r in caplog.records if r.name == "shop.graphql")
    assert record.exc_info and record.exc_info[0] is ValueError


def test_unexpected_exception_shows_message_and_stacktrace_with_debug(client, settings):
    settings.DEBUG = True
    response = post(client, "{ boom }")
    error = only_error(response)
    assert "catalog_secret" in error["message"]
    exception = error["extensions"]["exception"]
    assert exception["code"] == "INTERNAL_ERROR"
    assert isinstance(exception["stacktrace"], list)
    assert any("resolve_boom" in line for line in exception["stacktrace"])


@pytest.mark.parametrize(
    ("field", "message", "code"),
    [
        ("denied", "You need the MANAGE_PRODUCTS permission.", "PermissionDenied"),
        ("invalid", "The slug is taken.", "ValidationError"),
        ("badId", "Couldn't resolve id: nope.", "GRAPHQL_ERROR"),
    ],
)
def test_deliberate_errors_keep_their_message_without_debug(client, settings, field, message, code):
    settings.DEBUG = False
    response = post(client, f"{{ {field} }}")
    assert response.status_code == 200
    error = only_error(response)
    assert error["message"] == message
    assert error["extensions"]["exception"] == {"code": code}


def test_graphql_error_helper_sets_the_code_and_extensions():
    error = graphql_error("Too many.", "PAGINATION_ERROR", field="first")
    assert error.extensions == {"field": "first", "exception": {"code": "PAGINATION_ERROR"}}
    formatted = format_error(error)
    assert formatted["message"] == "Too many."
    assert formatted["extensions"]["exception"]["code"] == "PAGINATION_ERROR"
    assert formatted["extensions"]["field"] == "first"


# --- Anonymous cache --------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_query_is_cached_until_the_catalogue_changes(client):
    query = "query($channel: String) { items(first: 2, channel: $channel) { name } }"
    first = post(client, query, {"channel": "default-channel"})
    assert first["X-Cache"] == "MISS"
    second = post(client, query, {"channel": "default-channel"})
    assert second["X-Cache"] == "HIT"
    assert second.json() == first.json()
    assert CALLS["items"] == 1

    other_channel = post(client, query, {"channel": "shopee"})
    assert other_channel["X-Cache"] == "MISS"
    assert CALLS["items"] == 2

    catalogue_version_bump()
    after_write = post(client, query, {"channel": "default-channel"})
    assert after_write["X-Cache"] == "MISS"
    assert CALLS["items"] == 3


def test_cache_key_includes_the_language(client):
    assert post(client, "{ language }")["X-Cache"] == "MISS"
    english = post(client, "{ language }", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert english["X-Cache"] == "MISS"
    assert english.json()["data"] == {"language": "en"}
    vietnamese = post(client, "{ language }")
    assert vietnamese["X-Cache"] == "HIT"
    assert vietnamese.json()["data"] == {"language": "vi"}


def test_requests_with_authorization_are_not_cached(client):
    for _ in range(2):
        response = post(client, "{ items { name } }", HTTP_AUTHORIZATION="Bearer abc")
        assert response["X-Cache"] == "BYPASS"
    assert CALLS["items"] == 2
    # nor do they read what anonymous requests stored
    post(client, "{ items { name } }")
    assert (
        post(client, "{ items { name } }", HTTP_AUTHORIZATION="Bearer abc")["X-Cache"] == "BYPASS"
    )


def test_responses_with_errors_are_not_cached(client):
    for _ in range(2):
        assert post(client, "{ boom }")["X-Cache"] == "BYPASS"
    assert CALLS["boom"] == 2


def test_mutations_and_carts_are_not_cached(client):
    for _ in range(2):
        assert post(client, "mutation { touch { ok } }")["X-Cache"] == "BYPASS"
        assert post(client, "{ ...C } fragment C on Query { checkout }")["X-Cache"] == "BYPASS"
    assert CALLS["touch"] == 2
    assert CALLS["checkout"] == 2


def test_cache_seconds_zero_turns_the_cache_off(client, settings):
    settings.GRAPHQL_CACHE_SECONDS = 0
    for _ in range(2):
        assert post(client, "{ items { name } }")["X-Cache"] == "BYPASS"
    assert CALLS["items"] == 2


@pytest.mark.django_db
def test_session_users_are_not_cached_and_must_pass_csrf(django_user_model):
    user = django_user_model.objects.create_user(email="a@example.com", password="x-Long-pass-1")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = post(client, "{ items { name } }")
    assert response.status_code == 403
    assert code_of(only_error(response)) == "CsrfFailure"
    assert CALLS["items"] == 0
    # a bearer token cannot be forged cross-site: no CSRF check
    response = post(client, "{ items { name } }", HTTP_AUTHORIZATION="Bearer abc")
    assert response.status_code == 200
    assert response["X-Cache"] == "BYPASS"


def test_anonymous_api_clients_need_no_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = post(client, "{ checkout }")
    assert response.status_code == 200
    assert response.json()["data"] == {"checkout": "cart"}
