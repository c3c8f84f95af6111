"""``ProductVariant.stocks`` as Saleor: per-warehouse stock for OCOP staff and the variant's own
producer members only (others get null and Saleor's PermissionDenied), constant query count
over a product list, and the same fields on a stocks-update payload."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog import services
from catalog.models import ProducerMember, Stock, Warehouse
from orders import availability
from orders import checkout as checkout_services
from orders.models import Reservation
from shop.graphql.ids import global_id
from tests.catalog.factories import (
    LAM_DONG,
    XA_LAC_DUONG,
    default_channel,
    make_producer,
    make_product,
    variant_of,
)

pytestmark = pytest.mark.django_db

STOCK_FIELDS = """stocks { id quantity quantityAllocated quantityReserved
  warehouse { id name slug address { countryArea city country { code } } }
  productVariant { id sku } }"""

VARIANT = (
    """query($sku: String!) { productVariant(sku: $sku, channel: "default-channel") {
    sku %s } }"""
    % STOCK_FIELDS
)

LIST = (
    """query($first: Int) { products(first: $first, channel: "default-channel") {
    edges { node { name productVariants(first: 10) { edges { node { sku %s } } } } } } }"""
    % STOCK_FIELDS
)


@pytest.fixture
def people(django_user_model):
    a, b = make_producer("HTX Cà phê Lạc Dương"), make_producer("HTX Dâu tây Đà Lạt")
    users = {}
    for role, producer, staff in (
        ("member_a", a, False),
        ("member_b", b, False),
        ("customer", None, False),
        ("staff", None, True),
    ):
        user = django_user_model.objects.create_user(
            email=f"{role}@example.vn", password="x-pass-123", is_staff=staff
        )
        if producer is not None:
            ProducerMember.objects.create(producer=producer, user=user)
        users[role] = user
    users["anonymous"] = None
    return {"a": a, "b": b, **users}


def post(user, query: str, variables: dict | None = None) -> dict:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.post(
        "/graphql/", json.dumps({"query": query, "variables": variables or {}}), "application/json"
    )
    return response.json()


def second_warehouse(producer) -> Warehouse:
    return Warehouse.objects.create(
        name=f"Kho phụ {producer.name}",
        slug=f"{producer.slug}-kho-phu",
        producer=producer,
        province_id=LAM_DONG,
        ward_id=XA_LAC_DUONG,
    )


def test_staff_and_own_member_read_per_warehouse_stock(people):
    product = make_product("Cà phê Arabica", producer=people["a"], stock=10)
    variant = variant_of(product)
    extra = second_warehouse(people["a"])
    services.stock_set(variant=variant, warehouse=extra, quantity=4)
    first = Stock.objects.get(variant=variant, warehouse=people["a"].warehouses.first())
    Stock.objects.filter(pk=first.pk).update(quantity_allocated=3)

    for role in ("staff", "member_a"):
        body = post(people[role], VARIANT, {"sku": variant.sku})
        assert "errors" not in body, body
        stocks = body["data"]["productVariant"]["stocks"]
        assert [
            (s["warehouse"]["slug"], s["quantity"], s["quantityAllocated"], s["quantityReserved"])
            for s in stocks
        ] == [(first.warehouse.slug, 10, 3, 0), (extra.slug, 4, 0, 0)]
        assert stocks[0]["id"] == global_id("Stock", first.pk)
        assert stocks[0]["warehouse"]["id"] == global_id("Warehouse", first.warehouse_id)
        assert stocks[0]["warehouse"]["address"]["country"]["code"] == "VN"
        assert stocks[0]["warehouse"]["address"]["countryArea"] == "Lâm Đồng"
        assert stocks[0]["productVariant"] == {
            "id": global_id("ProductVariant", variant.pk),
            "sku": variant.sku,
        }


@pytest.mark.parametrize("role", ["member_b", "customer", "anonymous"])
def test_others_get_null_stocks_and_saleor_permission_error(people, role):
    variant = variant_of(make_product("Cà phê Arabica", producer=people["a"], stock=10))
    body = post(people[role], VARIANT, {"sku": variant.sku})
    assert body["data"]["productVariant"]["sku"] == variant.sku  # the rest still resolves
    assert body["data"]["productVariant"]["stocks"] is None
    [error] = body["errors"]
    assert error["extensions"]["exception"]["code"] == "PermissionDenied"
    assert error["path"] == ["productVariant", "stocks"]
    assert "MANAGE_PRODUCTS" in error["message"]


def test_member_sees_own_producer_stock_in_a_mixed_list_and_never_another(people):
    make_product("Cà phê A", producer=people["a"], stock=7)
    make_product("Dâu tây B", producer=people["b"], stock=9)
    body = post(people["member_a"], LIST, {"first": 10})
    by_name = {
        e["node"]["name"]: e["node"]["productVariants"]["edges"][0]["node"]["stocks"]
        for e in body["data"]["products"]["edges"]
    }
    assert [s["quantity"] for s in by_name["Cà phê A"]] == [7]
    assert by_name["Dâu tây B"] is None
    assert [e["path"][:2] for e in body["errors"]] == [["products", "edges"]]
    assert "9" not in json.dumps(by_name["Dâu tây B"])


def test_quantity_reserved_counts_live_checkout_holds_in_allocation_order(people):
    variant = variant_of(make_product("Cà phê Arabica", producer=people["a"], stock=2))
    extra = second_warehouse(people["a"])
    services.stock_set(variant=variant, warehouse=extra, quantity=5)
    line = {"variant_id": global_id("ProductVariant", variant.pk), "quantity": 3}
    live = checkout_services.checkout_create(channel=default_channel(), lines=[line])
    expired = checkout_services.checkout_create(channel=default_channel(), lines=[line])
    for checkout in (live, expired):
        availability.checkout_reserve(checkout=checkout)
    Reservation.objects.filter(checkout_line__checkout=expired).update(
        reserved_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    body = post(people["staff"], VARIANT, {"sku": variant.sku})
    stocks = body["data"]["productVariant"]["stocks"]
    # 3 units held: the first row's 2 free units, then 1 from the second (expired hold ignored).
    assert [s["quantityReserved"] for s in stocks] == [2, 1]


@pytest.mark.parametrize(("args", "count"), [("countryCode: VN", 1), ("countryCode: US", 0)])
def test_country_code_keeps_only_warehouses_shipping_there(people, args, count):
    variant = variant_of(make_product("Cà phê Arabica", producer=people["a"]))
    query = VARIANT.replace("stocks {", "stocks(%s) {" % args)
    body = post(people["staff"], query, {"sku": variant.sku})
    assert "errors" not in body, body
    assert len(body["data"]["productVariant"]["stocks"]) == count


def test_stocks_update_payload_exposes_the_new_stock(people):
    variant = variant_of(make_product("Cà phê Arabica", producer=people["a"], stock=10))
    warehouse = people["a"].warehouses.first()
    mutation = (
        """mutation($sku: String, $stocks: [StockInput!]!) {
      productVariantStocksUpdate(sku: $sku, stocks: $stocks) {
        productVariant { %s } errors { code } } }"""
        % STOCK_FIELDS
    )
    body = post(
        people["member_a"],
        mutation,
        {
            "sku": variant.sku,
            "stocks": [{"warehouse": global_id("Warehouse", warehouse.pk), "quantity": 42}],
        },
    )
    assert "errors" not in body, body
    payload = body["data"]["productVariantStocksUpdate"]
    assert payload["errors"] == []
    [stock] = payload["productVariant"]["stocks"]
    assert (stock["quantity"], stock["warehouse"]["slug"]) == (42, warehouse.slug)


def _count(user, first: int, query: str = LIST) -> int:
    from django.core.cache import cache

    from catalog.selectors import channel_get

    cache.clear()
    channel_get(slug="default-channel")
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            "/graphql/",
            json.dumps({"query": query, "variables": {"first": first}}),
            "application/json",
        )
    assert "errors" not in response.json(), response.json()
    return len(captured.captured_queries)


@pytest.mark.parametrize("role", ["staff", "member_a"])
def test_product_list_with_stocks_keeps_a_constant_query_count(people, settings, role):
    settings.GRAPHQL_CACHE_SECONDS = 0
    for index in range(12):
        product = make_product(f"Sản phẩm {index:02d}", producer=people["a"], prices=(1, 2))
        second = second_warehouse(people["a"]) if index == 0 else None
        if second is not None:
            services.stock_set(variant=variant_of(product), warehouse=second, quantity=3)
    small, large = _count(people[role], 2), _count(people[role], 12)
    assert small == large
    assert large <= 12


VARIANT_LIST = (
    """query($first: Int) { productVariants(first: $first, channel: "default-channel") {
    edges { node { sku %s } } } }"""
    % STOCK_FIELDS
)


def test_variant_list_with_stocks_keeps_a_constant_query_count(people, settings):
    settings.GRAPHQL_CACHE_SECONDS = 0
    make_product("Cà phê A", producer=people["a"], prices=tuple(range(1000, 13000, 1000)))
    small = _count(people["staff"], 2, VARIANT_LIST)
    large = _count(people["staff"], 12, VARIANT_LIST)
    assert small == large
    assert large <= 6  # only what the query selects is prefetched (was 16: the whole product)
