"""Portal pages run a fixed number of SQL queries whatever the number of products, variants,
certificates or orders: each is measured with a small and a large catalogue."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Stock
from tests.catalog.factories import make_product
from tests.frontend.conftest import client_for, place_order

pytestmark = pytest.mark.django_db

PAGES = ["dashboard", "products", "stock", "certificates", "orders"]


def grow(world, shipping, n: int) -> None:
    """Add ``n`` low-stock products to producer A, and an order for each."""
    for index in range(n):
        product = make_product(f"Sản phẩm thêm {index}", producer=world["a"], prices=(50000, 60000))
        variant = product.variants.order_by("sort_order").first()
        place_order(shipping, [(variant, 1)])
    Stock.objects.filter(variant__product__producer=world["a"]).update(quantity=2)


def count(client, name: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(f"frontend:portal:{name}"))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["member_a", "staff"])
def test_page_query_counts_do_not_grow_with_the_catalogue(world, shipping, who):
    client = client_for(world[who])
    grow(world, shipping, 1)
    small = {name: count(client, name) for name in PAGES}
    grow(world, shipping, 6)
    large = {name: count(client, name) for name in PAGES}
    assert large == small
    # The figures the README quotes (session + user + membership lookups included).
    assert max(small.values()) <= 12, small
