"""HTTP hardening (security issue #9): the anonymous cache cannot be poisoned through ``Host`` or
``X-Forwarded-Proto``, session users always pass CSRF, internal failures answer 500, every
document carries a Content-Security-Policy, HSTS is on with ``DEBUG`` off, and the GraphQL API
answers cross-origin calls from allowed origins only."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.test import Client

from accounts.jwt import access_token_create

URL = "/graphql/"
IMAGE = "/media/products/honey.jpg"
STOREFRONT = "https://cho.example.vn"

graphql_urls = pytest.mark.urls("tests.shop.urls_http")


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


def post(client: Client, query: str, **extra):
    return client.post(URL, json.dumps({"query": query}), content_type="application/json", **extra)


def image_url(response) -> str:
    assert response.status_code == 200, response.content
    return response.json()["data"]["imageUrl"]


# --- Item 8: the anonymous cache cannot be poisoned ----------------------------------------------


@graphql_urls
def test_a_host_with_a_foreign_port_is_refused_and_poisons_nothing(client):
    poisoned = post(client, "{ imageUrl }", HTTP_HOST="127.0.0.1:6666")
    assert poisoned.status_code == 400
    assert image_url(post(client, "{ imageUrl }")) == f"http://testserver{IMAGE}"


@graphql_urls
def test_x_forwarded_proto_is_not_trusted_without_a_proxy(client):
    assert image_url(post(client, "{ imageUrl }", HTTP_X_FORWARDED_PROTO="https")) == (
        f"http://testserver{IMAGE}"
    )
    assert image_url(post(client, "{ imageUrl }")) == f"http://testserver{IMAGE}"


@graphql_urls
def test_cache_is_keyed_on_the_scheme_and_host_urls_are_built_from(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # TRUSTED_PROXY=1
    settings.ALLOWED_HOST_PORTS = ["8000"]
    https = post(client, "{ imageUrl }", HTTP_HOST="testserver", HTTP_X_FORWARDED_PROTO="https")
    assert image_url(https) == f"https://testserver{IMAGE}"
    with_port = post(client, "{ imageUrl }", HTTP_HOST="localhost:8000")
    assert image_url(with_port) == f"http://localhost:8000{IMAGE}"

    plain = post(client, "{ imageUrl }")
    assert plain["X-Cache"] == "MISS"
    assert image_url(plain) == f"http://testserver{IMAGE}"
    again = post(client, "{ imageUrl }")
    assert again["X-Cache"] == "HIT"
    assert image_url(again) == f"http://testserver{IMAGE}"


@graphql_urls
def test_any_port_passes_when_allowed(client, settings):
    settings.ALLOWED_HOST_PORTS = ["*"]
    assert image_url(post(client, "{ imageUrl }", HTTP_HOST="localhost:6666")) == (
        f"http://localhost:6666{IMAGE}"
    )


@graphql_urls
def test_saleor_bearer_header_bypasses_the_anonymous_cache(client):
    post(client, "{ name }")
    response = post(client, "{ name }", HTTP_AUTHORIZATION_BEARER="not-a-token")
    assert response["X-Cache"] == "BYPASS"


# --- Item 12: CSRF whenever the session authenticates ---------------------------------------------


@graphql_urls
@pytest.mark.django_db
def test_session_user_with_a_non_bearer_authorization_header_must_pass_csrf(django_user_model):
    user = django_user_model.objects.create_user(email="a@example.com", password="x-Long-pass-1")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = post(client, "{ name }", HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["exception"]["code"] == "CsrfFailure"
    # a valid bearer token authenticates by itself and cannot be forged cross-site
    token = access_token_create(user)
    response = post(client, "{ name }", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["data"] == {"name": "OCOP"}


# --- Item 14: internal failures are HTTP 500 -----------------------------------------------------


@graphql_urls
@pytest.mark.django_db
def test_a_database_error_answers_500_without_internals(client, settings):
    settings.DEBUG = False
    response = post(client, "{ brokenSql name }")
    assert response.status_code == 500
    error = response.json()["errors"][0]
    assert error["message"] == "Internal Server Error"
    assert error["extensions"]["exception"] == {"code": "INTERNAL_ERROR"}
    assert "table_that_does_not_exist" not in response.content.decode()
    assert response["X-Cache"] == "BYPASS"


# --- Item 17: headers ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [("/", 200), ("/portal/sign-in/", 200), ("/admin/login/", 200), ("/no-such-page/", 404)],
)
def test_every_html_page_has_a_strict_content_security_policy(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    policy = response["Content-Security-Policy"]
    for directive in (
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ):
        assert directive in policy
    assert "unsafe" not in policy


def test_the_bad_host_page_has_the_policy_too(client):
    response = client.get("/", HTTP_HOST="127.0.0.1:6666")
    assert response.status_code == 400
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@graphql_urls
def test_graphiql_gets_a_policy_of_its_own_in_debug(client, settings):
    settings.DEBUG = True
    response = client.get(URL, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "https://cdn.jsdelivr.net" in policy and "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_hsts_is_sent_over_https_with_debug_off(client):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@graphql_urls
def test_cors_preflight_from_an_allowed_origin(client, settings):
    settings.CORS_ALLOWED_ORIGINS = [STOREFRONT]
    response = client.options(
        URL,
        HTTP_ORIGIN=STOREFRONT,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == STOREFRONT
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "POST", "OPTIONS"}
    allowed_headers = response["Access-Control-Allow-Headers"].split(", ")
    assert {"authorization", "content-type"} <= set(allowed_headers)
    assert response["Access-Control-Max-Age"] == "86400"
    assert "Access-Control-Allow-Credentials" not in response


@graphql_urls
def test_cors_actual_request_from_an_allowed_origin(client, settings):
    settings.CORS_ALLOWED_ORIGINS = [STOREFRONT]
    response = post(client, "{ name }", HTTP_ORIGIN=STOREFRONT)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == STOREFRONT
    assert "origin" in response["Vary"].lower()
    assert "Access-Control-Allow-Credentials" not in response


@graphql_urls
def test_cors_headers_are_withheld_from_other_origins(client, settings):
    settings.CORS_ALLOWED_ORIGINS = [STOREFRONT]
    evil = "https://evil.example"
    preflight = client.options(URL, HTTP_ORIGIN=evil, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert "Access-Control-Allow-Origin" not in preflight
    response = post(client, "{ name }", HTTP_ORIGIN=evil)
    assert "Access-Control-Allow-Origin" not in response
    assert "origin" in response["Vary"].lower()  # a shared cache must not mix origins


@pytest.mark.django_db
def test_cors_covers_the_graphql_api_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = [STOREFRONT]
    response = client.get("/portal/sign-in/", HTTP_ORIGIN=STOREFRONT)
    assert "Access-Control-Allow-Origin" not in response


@graphql_urls
def test_plain_options_lists_the_methods(client):
    response = client.options(URL)
    assert response.status_code == 204
    assert response["Allow"] == "GET, POST, OPTIONS"
