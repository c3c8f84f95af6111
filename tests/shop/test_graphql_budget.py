"""What one GraphQL request may spend (issue #9, item 5): the cost model and its budgets, the
wall-clock budget, the PostgreSQL statement timeout and the per-address budget of anonymous work.
"""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from graphql import parse

from shop.graphql.limits import query_cost
from tests.catalog.test_graphql_products import STOREFRONT_LIST
from tests.orders.test_storefront_checkout_ops import OPERATIONS, operation_document
from tests.payments.test_storefront_payment_ops import PAYMENT_V1, PAYMENT_V2_INITIALIZE
from tests.shop.urls_budget import CALLS

URL = "/graphql/"
BUDGET_URLS = pytest.mark.urls("tests.shop.urls_budget")

# The issue's query: 20 aliases × products(first: 100), each node detailed (24 object fields:
# exactly 50,000, the old limit, by Saleor's cost map, which made scalars free). Run, it took
# 13.6 s and answered 4.8 MB; renaming the aliases defeats the response cache.
DETAILED_NODE = (
    "id name slug seoTitle seoDescription description created updatedAt rating isAvailable "
    "isAvailableForPurchase metadata { key value } productType { name slug } "
    "category { id name slug } thumbnail(size: 1024, format: WEBP) { url alt } "
    "pricing { onSale priceRange { start { gross { amount currency } } "
    "stop { gross { amount currency } } } priceRangeUndiscounted { start { gross { amount "
    "currency } } } } defaultVariant { id sku name quantityAvailable } media { url alt type } "
    "attributes { attribute { slug name } values { name slug } } "
    "translation(languageCode: EN) { name description } "
    "ocop { stars isValid certificateNumber badge { url alt } } "
    "producer { id name slug province ward } collections { slug name } weight { unit value }"
)
ABUSIVE = (
    "{ "
    + " ".join(
        f'p{i}: products(first: 100, channel: "default-channel") '
        f"{{ edges {{ node {{ {DETAILED_NODE} }} }} }}"
        for i in range(20)
    )
    + " }"
)

# Saleor's storefront product list (src/graphql/ProductListPaginated.graphql and its
# ProductListItem fragment; the storefront asks for 12 per page).
SALEOR_PRODUCT_LIST = """
query ProductListPaginated($first: Int, $after: String, $channel: String!) {
  products(first: $first, after: $after, channel: $channel) {
    totalCount
    edges { node { ...ProductListItem } cursor }
    pageInfo { endCursor hasNextPage startCursor hasPreviousPage }
  }
}
fragment ProductListItem on Product {
  id name slug
  pricing {
    onSale
    priceRange { start { gross { amount currency } } stop { gross { amount currency } } }
    priceRangeUndiscounted {
      start { gross { amount currency } } stop { gross { amount currency } } }
  }
  category { id name }
  thumbnail(size: 1024, format: WEBP) { url alt }
  media { url(size: 512, format: WEBP) alt type }
}
"""


@pytest.fixture(autouse=True)
def _fresh() -> None:
    cache.clear()
    CALLS.clear()


def post(client: Client, query: str, variables: dict | None = None, **extra):
    body = {"query": query, "variables": variables or {}}
    return client.post(URL, json.dumps(body), content_type="application/json", **extra)


def only_error(response) -> dict:
    errors = response.json()["errors"]
    assert len(errors) == 1, errors
    return errors[0]


def code_of(error: dict) -> str:
    return error["extensions"]["exception"]["code"]


def _storefront_operations() -> list[tuple[str, str, dict]]:
    operations = [
        (f"checkout:{name}", operation_document(source, name), {})
        for source, name in dict.fromkeys(OPERATIONS)
    ]
    operations += [
        ("payment:v1", PAYMENT_V1, {}),
        ("payment:v2", PAYMENT_V2_INITIALIZE, {}),
        ("ProductListPaginated:12", SALEOR_PRODUCT_LIST, {"first": 12}),
        ("ProductListPaginated:100", SALEOR_PRODUCT_LIST, {"first": 100}),
        ("full card:12", STOREFRONT_LIST, {"first": 12}),
    ]
    return operations


# --- The cost model and its budgets -----------------------------------------------------------


@pytest.mark.django_db
def test_the_issues_abusive_query_is_refused_before_any_sql(
    client, settings, django_assert_num_queries
):
    cost = query_cost(parse(ABUSIVE))
    assert cost > settings.GRAPHQL_MAX_COST > settings.GRAPHQL_MAX_COST_ANONYMOUS
    with django_assert_num_queries(0):
        response = post(client, ABUSIVE)
    assert response.status_code == 400
    error = only_error(response)
    assert code_of(error) == "QueryCostError"
    maximum = settings.GRAPHQL_MAX_COST_ANONYMOUS
    assert error["message"] == (
        f"The query exceeds the maximum cost of {maximum}. Actual cost is {cost}"
    )
    assert error["extensions"]["cost"] == {"requestedQueryCost": cost, "maximumAvailable": maximum}
    assert "data" not in response.json()


@pytest.mark.django_db
def test_the_abusive_query_is_refused_for_signed_in_users_too(client, django_user_model, settings):
    user = django_user_model.objects.create_user(email="b@example.com", password="x-Long-pass-1")
    client.force_login(user)
    response = post(client, ABUSIVE)
    assert response.status_code == 400
    error = only_error(response)
    assert code_of(error) == "QueryCostError"
    assert error["extensions"]["cost"]["maximumAvailable"] == settings.GRAPHQL_MAX_COST


@pytest.mark.parametrize(
    ("label", "document", "variables"),
    _storefront_operations(),
    ids=[label for label, _d, _v in _storefront_operations()],
)
def test_storefront_operations_fit_the_anonymous_budget_with_margin(
    settings, label, document, variables
):
    cost = query_cost(parse(document), variables=variables)
    assert 0 < cost <= settings.GRAPHQL_MAX_COST_ANONYMOUS * 3 // 4, (label, cost)


@BUDGET_URLS
@pytest.mark.django_db
def test_anonymous_requests_get_the_lower_budget(client, django_user_model, settings):
    settings.GRAPHQL_MAX_COST_ANONYMOUS = 10
    settings.GRAPHQL_MAX_COST = 100
    query = "{ items(first: 12) { name } }"  # 12 × (items + name)
    response = post(client, query)
    assert response.status_code == 400
    assert code_of(only_error(response)) == "QueryCostError"
    assert response.json()["extensions"]["cost"] == {
        "requestedQueryCost": 24,
        "maximumAvailable": 10,
    }
    # an invalid token leaves the request anonymous
    response = post(client, query, HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 400
    assert CALLS["items"] == 0

    client.force_login(
        django_user_model.objects.create_user(email="c@example.com", password="x-Long-pass-1")
    )
    response = post(client, query)
    assert response.status_code == 200
    assert response.json()["extensions"]["cost"]["maximumAvailable"] == 100
    assert CALLS["items"] == 1


# --- Wall-clock budget ------------------------------------------------------------------------


@BUDGET_URLS
def test_wall_clock_budget_stops_the_query_before_its_next_field(client, settings):
    settings.GRAPHQL_TIME_LIMIT_MS = 250
    response = post(client, "{ slow counted }")
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    error = only_error(response)
    assert code_of(error) == "QueryTimeout"
    assert error["message"] == (
        "Truy vấn chạy quá 0.25 giây cho phép nên đã bị dừng: "
        "hãy yêu cầu ít mục hoặc ít trường hơn."
    )
    assert error["path"] == ["counted"]
    assert (CALLS["slow"], CALLS["counted"]) == (1, 0)
    assert response["X-Cache"] == "BYPASS"


@BUDGET_URLS
def test_wall_clock_budget_stops_a_list_half_way(client, settings):
    settings.GRAPHQL_TIME_LIMIT_MS = 250
    response = post(client, "{ items(first: 50) { slow name } counted }")
    assert code_of(only_error(response)) == "QueryTimeout"
    assert response.json()["data"] is None
    assert (CALLS["items"], CALLS["item.slow"], CALLS["counted"]) == (1, 1, 0)


@BUDGET_URLS
def test_wall_clock_budget_spares_mutations_and_zero_turns_it_off(client, settings):
    settings.GRAPHQL_TIME_LIMIT_MS = 250
    response = post(client, "mutation { slowTouch { ok } }")
    assert response.json() == {
        "data": {"slowTouch": {"ok": True}},
        "extensions": {"cost": {"requestedQueryCost": 2, "maximumAvailable": 20000}},
    }
    settings.GRAPHQL_TIME_LIMIT_MS = 0
    assert post(client, "{ slow counted }").json()["data"] == {"slow": "late", "counted": "ok"}


# --- Statement timeout (PostgreSQL) -----------------------------------------------------------


def _statement_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        return cursor.fetchone()[0]


@BUDGET_URLS
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_statement_timeout_stops_a_slow_statement_with_a_clear_error(client, settings):
    settings.DEBUG = False
    settings.GRAPHQL_STATEMENT_TIMEOUT_MS = 50
    default = _statement_timeout()
    assert post(client, "{ statementTimeout }").json()["data"] == {"statementTimeout": "50ms"}
    assert _statement_timeout() == default

    response = post(client, "{ pgSleep(seconds: 2) counted }")
    assert response.status_code == 200
    assert response.json()["data"] is None
    error = only_error(response)
    assert code_of(error) == "QueryTimeout"
    assert error["message"] == (
        "Một truy vấn cơ sở dữ liệu chạy quá thời gian cho phép nên đã bị dừng: "
        "hãy yêu cầu ít mục hoặc ít trường hơn."
    )
    assert "pg_sleep" not in response.content.decode()
    assert (CALLS["pg_sleep"], CALLS["counted"]) == (1, 0)
    # the connection is back to the server's default for whatever runs next
    assert _statement_timeout() == default
    assert post(client, "{ pgSleep(seconds: 0) }").json()["data"] == {"pgSleep": "slept"}


# --- Per-address budget of anonymous work -----------------------------------------------------


@BUDGET_URLS
@pytest.mark.django_db
def test_an_anonymous_address_that_spends_its_budget_gets_429(client, settings, django_user_model):
    # { items(first: 3) { name } } reserves its cost, 6, and is charged what it resolved: 4
    # (items once, name three times). With 20 an address runs it 4 times a minute, not 3.
    settings.GRAPHQL_ANONYMOUS_COST_PER_MINUTE = 20
    first = post(client, "{ items(first: 3) { name } }")
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    for _ in range(5):  # answers from the response cache cost nothing
        assert post(client, "{ items(first: 3) { name } }")["X-Cache"] == "HIT"
    for alias in ("a", "b", "c"):  # renamed aliases miss the cache: each is charged
        assert post(client, f"{{ {alias}: items(first: 3) {{ name }} }}").status_code == 200
    assert CALLS["items"] == 4

    refused = post(client, "{ d: items(first: 3) { name } }")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    error = only_error(refused)
    assert code_of(error) == "TooManyRequests"
    assert error["message"] == (
        "Địa chỉ của bạn đã gửi quá nhiều truy vấn tốn kém: "
        f"hãy thử lại sau {refused['Retry-After']} giây."
    )
    assert CALLS["items"] == 4
    # cached answers are still served; another address and a signed-in user have their own way
    assert post(client, "{ items(first: 3) { name } }")["X-Cache"] == "HIT"
    other = post(client, "{ d: items(first: 3) { name } }", REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200
    client.force_login(
        django_user_model.objects.create_user(email="d@example.com", password="x-Long-pass-1")
    )
    assert post(client, "{ e: items(first: 3) { name } }").status_code == 200
    assert CALLS["items"] == 6


@BUDGET_URLS
def test_zero_turns_the_address_budget_off(client, settings):
    settings.GRAPHQL_ANONYMOUS_COST_PER_MINUTE = 0
    for index in range(30):
        assert post(client, f"{{ a{index}: items(first: 50) {{ name }} }}").status_code == 200


def test_limit_errors_match_the_validation_rules(settings):
    """The view checks the limits straight from the document (cheaper than a validate pass); the
    rules for ``graphql.validate`` must answer the same."""
    from graphql import validate

    from shop.graphql.limits import limit_errors, limit_rules
    from shop.schema import schema

    settings.GRAPHQL_MAX_ALIASES = 2
    settings.GRAPHQL_MAX_DEPTH = 3
    for query in (ABUSIVE, "{ a: shop { name } b: shop { name } c: shop { name } }", "{ shop }"):
        document = parse(query)
        ruled = validate(schema.graphql_schema, document, limit_rules(variables={}))
        direct = limit_errors(document, variables={})
        assert [e.formatted for e in direct] == [e.formatted for e in ruled]
    assert len(limit_errors(parse(ABUSIVE), variables={})) == 3  # depth, aliases, cost


@BUDGET_URLS
def test_the_address_budget_fails_open_when_the_cache_is_down(client, settings, monkeypatch):
    settings.GRAPHQL_ANONYMOUS_COST_PER_MINUTE = 1

    def down(*_args, **_kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get", down)
    monkeypatch.setattr(cache, "add", down)
    monkeypatch.setattr(cache, "set", down)
    assert post(client, "{ items(first: 3) { name } }").status_code == 200
    assert CALLS["items"] == 1
