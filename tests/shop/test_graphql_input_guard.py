"""Input no database can store (NUL, lone surrogates, NaN) is refused before execution, with a
clear error naming where it is; client mistakes in scalars are never internal errors."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.catalog.factories import make_product

pytestmark = pytest.mark.django_db

URL = "/graphql/"


def post_raw(body: str):
    return Client().post(URL, body, content_type="application/json")


def post(query: str, variables: dict | None = None):
    return post_raw(json.dumps({"query": query, "variables": variables or {}}))


def errors_of(response) -> list[dict]:
    errors = response.json()["errors"]
    assert all(e["extensions"]["exception"]["code"] != "INTERNAL_ERROR" for e in errors), errors
    return errors


def refused(response, field: str) -> dict:
    assert response.status_code == 400, response.content
    assert "data" not in response.json()
    errors = errors_of(response)
    assert len(errors) == 1, errors
    error = errors[0]
    assert error["extensions"]["exception"]["code"] == "InvalidInput"
    assert error["extensions"]["field"] == field
    assert field in error["message"]
    return error


# --- NUL in the document ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ('{ product(slug: "ca-phe\\u0000") { id } }', "product.slug"),
        ('{ producer(slug: "\\u0000") { id } }', "producer.slug"),
        ('{ productVariant(sku: "SKU\\u0000") { id } }', "productVariant.sku"),
        (
            '{ products(first: 1, channel: "default-channel", search: "c\\u0000") { totalCount } }',
            "products.search",
        ),
        (
            'mutation { accountRegister(input: {email: "a\\u0000@b.vn", password: "x"})'
            " { errors { field } } }",
            "accountRegister.input.email",
        ),
        (
            'mutation { checkoutCreate(input: {channel: "default-channel", lines: [],'
            ' shippingAddress: {firstName: "An", streetAddress1: "1 Lê Lợi\\u0000"}})'
            " { errors { field } } }",
            "checkoutCreate.input.shippingAddress.streetAddress1",
        ),
        (
            '{ products(first: 1, where: {slug: {oneOf: ["a", "b\\u0000"]}}) { totalCount } }',
            "products.where.slug.oneOf",
        ),
        ('query Q($s: String = "\\u0000") { product(slug: $s) { id } }', "$s"),
        (
            '{ shop { name @include(if: true) } product(slug: """a\u0000""") { id } }',
            "product.slug",
        ),
    ],
)
def test_nul_in_a_string_literal_is_refused_before_execution(query, field):
    product = make_product()
    error = refused(post(query), field)
    assert "NUL" in error["message"]
    assert error["locations"]
    product.refresh_from_db()  # nothing changed, nothing failed


def test_nul_in_nested_variables_is_refused_with_its_path():
    query = (
        "query Q($where: ProductWhereInput) { products(first: 1, where: $where) { totalCount } }"
    )
    response = post(query, {"where": {"slug": {"oneOf": ["ok", "x\x00"]}}})
    refused(response, "$where.slug.oneOf[1]")


def test_nul_in_a_metadata_key_is_refused():
    query = "mutation M($id: ID!, $input: [MetadataInput!]!) { updateMetadata(id: $id, input: $input) { errors { field } } }"
    response = post(query, {"id": "x", "input": [{"key": "k\x00", "value": "v"}]})
    refused(response, "$input[0].key")


def test_lone_surrogate_in_variables_is_refused():
    query = "query Q($slug: String) { product(slug: $slug) { id } }"
    response = post_raw('{"query": "%s", "variables": {"slug": "a\\ud800"}}' % query)
    refused(response, "$slug")


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_json_numbers_in_variables_are_refused(token):
    query = "query Q($n: Int) { products(first: $n) { totalCount } }"
    response = post_raw('{"query": "%s", "variables": {"n": %s}}' % (query, token))
    error = refused(response, "$n")
    assert "NaN" in error["message"]


def test_control_characters_other_than_nul_reach_the_resolvers():
    response = post('{ product(slug: "a\\tb\\u0001") { id } }')
    assert response.status_code == 200
    assert response.json()["data"] == {"product": None}


# --- NaN and Infinity as decimals -------------------------------------------------------------

PRODUCTS_BY_PRICE = (
    'query Q($gte: Decimal) { products(first: 1, channel: "default-channel",'
    " where: {price: {range: {gte: $gte}}}) { totalCount } }"
)


@pytest.mark.parametrize("value", ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "-inf"])
def test_decimal_variable_refuses_nan_and_infinity(value):
    response = post(PRODUCTS_BY_PRICE, {"gte": value})
    assert response.status_code == 400
    [error] = errors_of(response)
    assert "$gte" in error["message"] and "NaN hay Infinity" in error["message"]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "sNaN"])
def test_decimal_and_positive_decimal_literals_refuse_nan_and_infinity(value):
    queries = [
        '{ products(first: 1, channel: "default-channel",'
        f' where: {{price: {{eq: "{value}"}}}}) {{ totalCount }} }}',
        f'mutation {{ paymentGatewayInitialize(id: "x", amount: "{value}") {{ errors {{ field }} }} }}',
    ]
    for query in queries:
        response = post(query)
        assert response.status_code == 400
        [error] = errors_of(response)
        assert "NaN hay Infinity" in error["message"]


def test_decimal_still_reads_numbers_and_numeric_strings():
    make_product(prices=(150000,))
    for value in ["100000", 100000, "1.5e5", 150000.0]:
        response = post(PRODUCTS_BY_PRICE, {"gte": value})
        assert response.status_code == 200, response.content
        assert response.json()["data"]["products"]["totalCount"] == 1
    response = post(PRODUCTS_BY_PRICE, {"gte": "nhiều"})
    assert response.status_code == 400
    errors_of(response)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e999"])
def test_float_input_refuses_numeric_strings(value):
    query = (
        'query Q($f: Float) { products(first: 1, channel: "default-channel",'
        " filter: {price: {gte: $f}}) { totalCount } }"
    )
    response = post(query, {"f": value})
    assert response.status_code == 400
    [error] = errors_of(response)
    assert "$f" in error["message"]


# --- Scalars that refuse a client's value -----------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        '{ checkout(token: "sNaN") { id } }',
        'mutation { checkoutAddPromoCode(token: "not-a-uuid", promoCode: "X") { errors { field } } }',
        'mutation { productCreate(input: {name: "T", description: "{not json"}) { errors { field } } }',
    ],
)
def test_a_literal_a_scalar_cannot_parse_is_a_validation_error(query):
    response = post(query)
    assert response.status_code == 400
    [error] = errors_of(response)
    assert error["message"].startswith("Expected value of type")
    assert error["extensions"]["exception"]["code"] == "GraphQLError"


def test_a_variable_a_scalar_cannot_parse_is_a_request_error():
    query = "query Q($token: UUID) { checkout(token: $token) { id } }"
    response = post(query, {"token": "sNaN"})
    assert response.status_code == 400
    [error] = errors_of(response)
    assert "$token" in error["message"]


def test_variables_nested_as_deep_as_json_allows_are_walked():
    depth = 900
    body = '{"query": "{ shop { name } }", "variables": {"deep": %s"a\\u0000"%s}}' % (
        "[" * depth,
        "]" * depth,
    )
    response = post_raw(body)
    refused(response, "$deep" + "[0]" * depth)
