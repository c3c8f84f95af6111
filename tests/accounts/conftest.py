"""Account test fixtures: a GraphQL client that can carry a bearer token, users, addresses."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from accounts import jwt as tokens
from accounts.models import Address, User

PASSWORD = "Ca-phe-Arabica-2025"
LAM_DONG = 68
XA_LAC_DUONG = 24848

_seq = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gql(db):
    """POST a GraphQL document to /graphql/; ``token=`` sends ``Authorization: Bearer``."""
    client = Client()

    def run(
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: str | None = None,
        **headers: Any,
    ) -> dict:
        if token is not None:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        response = client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        body = response.json()
        body["_status"] = response.status_code
        body["_response"] = response
        return body

    return run


def user_create(**fields: Any) -> User:
    n = next(_seq)
    fields.setdefault("email", f"buyer{n}@example.com")
    fields.setdefault("first_name", "Lan")
    fields.setdefault("last_name", "Nguyễn")
    return User.objects.create_user(password=fields.pop("password", PASSWORD), **fields)


@pytest.fixture
def user(db) -> User:
    return user_create()


@pytest.fixture
def other_user(db) -> User:
    return user_create(email="other@example.com")


@pytest.fixture
def token(user) -> str:
    return tokens.access_token_create(user)


def vn_address_input(**overrides: Any) -> dict[str, Any]:
    """A valid ``AddressInput`` (camel case) in Xã Lạc Dương, Lâm Đồng."""
    data = {
        "firstName": "Lan",
        "lastName": "Nguyễn",
        "streetAddress1": "12 Đường Langbiang",
        "city": "Xã Lạc Dương",
        "countryArea": "Lâm Đồng",
        "country": "VN",
        "phone": "0912345678",
    }
    data.update(overrides)
    return data


def address_create_for(user: User, **fields: Any) -> Address:
    values = {
        "first_name": "Lan",
        "street_address_1": "12 Đường Langbiang",
        "city": "Xã Lạc Dương",
        "country_area": "Lâm Đồng",
        "province_id": LAM_DONG,
        "ward_id": XA_LAC_DUONG,
        "phone": "+84912345678",
    }
    values.update(fields)
    address = Address.objects.create(**values)
    user.addresses.add(address)
    return address


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
