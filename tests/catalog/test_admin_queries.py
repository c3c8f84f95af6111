"""Admin changelists cost the same number of queries whatever the number of rows, for OCOP
staff and for a producer member (whose rows are filtered by producer)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import ProducerMember
from tests.catalog.factories import make_producer, make_product, variant_of
from tests.orders.conftest import shipping  # noqa: F401  (fixture)
from tests.orders.test_orders import place_order

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:catalog_product_changelist",
    "admin:catalog_certificate_changelist",
    "admin:catalog_stock_changelist",
    "admin:orders_order_changelist",
    "admin:orders_fulfillment_changelist",
]


def _clients(producer) -> dict[str, Client]:
    User = get_user_model()
    staff = User.objects.create_superuser(email="staff@ocop.vn", password="x-pass-123")
    member = User.objects.create_user(email="member@htx.vn", password="x-pass-123")
    ProducerMember.objects.create(producer=producer, user=member)
    clients = {}
    for role, user in (("staff", staff), ("member", member)):
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(shipping, producer, other, n: int) -> None:  # noqa: F811
    for _ in range(n):
        mine = variant_of(make_product(producer=producer))
        theirs = variant_of(make_product(producer=other))
        place_order(shipping, [(mine, 1), (theirs, 1)])


@pytest.mark.parametrize("role", ["staff", "member"])
def test_changelists_take_the_same_queries_at_two_sizes(shipping, role):  # noqa: F811
    producer, other = make_producer(), make_producer()
    clients = _clients(producer)
    _grow(shipping, producer, other, 2)
    small = {name: _queries(clients[role], reverse(name)) for name in CHANGELISTS}

    _grow(shipping, producer, other, 4)
    large = {name: _queries(clients[role], reverse(name)) for name in CHANGELISTS}

    assert large == small
