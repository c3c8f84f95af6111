"""The admin writes through the services: stock quantities (never below what orders hold,
clear form errors, catalogue version bumped), a parcel's tracking number (event and buyer
email), product edits (sanitised description, search text, catalogue version) and deletes
(refused while open orders hold the product or variant)."""

from __future__ import annotations

import pytest
from django.core import mail

from catalog.models import Product, ProductVariant, Stock
from orders.fulfilment import order_fulfill
from orders.models import Fulfillment, OrderEvent, OrderEventType
from orders.services import order_cancel
from shop.cache import catalogue_version
from tests.catalog import test_admin_scope
from tests.catalog.factories import variant_of
from tests.catalog.test_admin_scope import _client, _form_data, _url
from tests.orders import conftest as orders_conftest

pytestmark = pytest.mark.django_db

# The admin matrix's producers A and B, their products, members and a shared open order.
shipping = orders_conftest.shipping
world = test_admin_scope.world


def _allocated_stock(world) -> Stock:
    """Producer A's stock row holding the unit ordered in ``order_ab``."""
    stock = Stock.objects.get(variant=variant_of(world["product_a"]))
    assert stock.quantity_allocated == 1
    return stock


# --- stock ------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["member_a", "staff"])
def test_stock_below_what_orders_hold_is_a_form_error_and_changes_nothing(world, role):
    stock = _allocated_stock(world)
    client = _client(world, role)
    url = _url(Stock, "change", stock.pk)
    data = _form_data(client.get(url))
    version = catalogue_version()

    data["quantity"] = "0"
    response = client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["quantity"] == ["Số lượng thấp hơn số đã giữ cho đơn hàng (1)."]
    stock.refresh_from_db()
    assert (stock.quantity, stock.quantity_allocated) == (10, 1)
    assert catalogue_version() == version


def test_stock_change_saves_and_bumps_the_catalogue_version_after_commit(
    world, django_capture_on_commit_callbacks
):
    stock = _allocated_stock(world)
    client = _client(world, "member_a")
    url = _url(Stock, "change", stock.pk)
    data = _form_data(client.get(url))
    version = catalogue_version()

    data["quantity"] = "1"  # exactly what orders hold: allowed
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(url, data)

    assert response.status_code == 302
    stock.refresh_from_db()
    assert (stock.quantity, stock.quantity_allocated) == (1, 1)
    assert callbacks and catalogue_version() >= version + 2  # now, and again after commit


def test_stock_add_checks_the_warehouse_and_quantity_like_the_service(world):
    client = _client(world, "staff")
    variant = variant_of(world["product_a"])
    foreign = world["b"].warehouses.first()
    url = _url(Stock, "add")
    before = list(Stock.objects.order_by("pk").values_list("pk", "quantity"))

    wrong = client.post(url, {"variant": variant.pk, "warehouse": foreign.pk, "quantity": "5"})
    assert wrong.status_code == 200
    assert wrong.context["adminform"].form.errors["warehouse"] == [
        "Kho này không thuộc chủ thể sản xuất của sản phẩm."
    ]
    home = world["a"].warehouses.first()
    own = world["a"].warehouses.create(
        name="Kho phụ A", slug="kho-phu-a", province=home.province, ward=home.ward
    )
    negative = client.post(url, {"variant": variant.pk, "warehouse": own.pk, "quantity": "-1"})
    assert negative.status_code == 200
    assert negative.context["adminform"].form.errors["quantity"] == ["Số lượng không được âm."]
    assert list(Stock.objects.order_by("pk").values_list("pk", "quantity")) == before

    done = client.post(url, {"variant": variant.pk, "warehouse": own.pk, "quantity": "7"})
    assert done.status_code == 302
    assert Stock.objects.get(variant=variant, warehouse=own).quantity == 7


# --- fulfilment tracking number ----------------------------------------------------------------
@pytest.mark.parametrize("role", ["member_a", "staff"])
def test_tracking_number_edit_goes_through_the_service(
    world, role, django_capture_on_commit_callbacks
):
    order = world["order_ab"]
    line = order.lines.get(producer=world["a"])
    with django_capture_on_commit_callbacks(execute=True):
        fulfillment = order_fulfill(
            order=order, lines=[(line, 1)], tracking_number="GHN-1", user=world["users"]["staff"]
        ).fulfillments[0]
    mail.outbox.clear()
    client = _client(world, role)
    url = _url(Fulfillment, "change", fulfillment.pk)
    data = _form_data(client.get(url))

    data["tracking_number"] = "GHN-2"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 302
    assert Fulfillment.objects.get(pk=fulfillment.pk).tracking_number == "GHN-2"
    event = OrderEvent.objects.filter(order=order, type=OrderEventType.TRACKING_UPDATED).last()
    assert event.parameters["tracking_number"] == "GHN-2"
    assert event.user == world["users"][role]
    (message,) = mail.outbox
    assert "Mã vận đơn: GHN-2" in message.body and message.to == [order.user_email]


def test_member_b_cannot_edit_producer_a_tracking_number(world, django_capture_on_commit_callbacks):
    order = world["order_ab"]
    line = order.lines.get(producer=world["a"])
    fulfillment = order_fulfill(
        order=order, lines=[(line, 1)], tracking_number="GHN-1", user=world["users"]["staff"]
    ).fulfillments[0]
    data = _form_data(_client(world, "staff").get(_url(Fulfillment, "change", fulfillment.pk)))
    data["tracking_number"] = "HACK"
    response = _client(world, "member_b").post(_url(Fulfillment, "change", fulfillment.pk), data)
    assert response.status_code == 302  # "does not exist"
    assert Fulfillment.objects.get(pk=fulfillment.pk).tracking_number == "GHN-1"


# --- products -----------------------------------------------------------------------------------
def test_product_change_sanitises_the_description_and_refreshes_the_search_text(
    world, django_capture_on_commit_callbacks
):
    product = world["product_a"]
    client = _client(world, "member_a")
    url = _url(Product, "change", product.pk)
    data = _form_data(client.get(url))
    data["description"] = (
        '{"blocks": [{"type": "paragraph", "data": {"text": "Hương sô-cô-la<script>alert(1)'
        '</script>"}}]}'
    )
    sku_field = next(k for k, v in data.items() if k.endswith("-sku") and v)
    data[sku_field] = "CAPHE-MOI-1"
    version = catalogue_version()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    product.refresh_from_db()
    assert "<script>" not in str(product.description)
    assert "Hương sô-cô-la" in product.description_plaintext
    assert "huong so-co-la" in product.search_document
    assert "caphe-moi-1" in product.search_document
    assert catalogue_version() > version


def test_variant_inline_delete_is_refused_while_an_open_order_holds_it(world):
    product = world["product_a"]
    client = _client(world, "staff")
    url = _url(Product, "change", product.pk)
    data = _form_data(client.get(url))
    prefix = next(k for k in data if k.endswith("-TOTAL_FORMS") and k.startswith("variants"))
    prefix = prefix.removesuffix("-TOTAL_FORMS")
    data[f"{prefix}-0-DELETE"] = "on"

    refused = client.post(url, data)

    assert refused.status_code == 200
    assert "đang có trong đơn hàng chưa hoàn tất" in refused.content.decode()
    assert ProductVariant.objects.filter(product=product).count() == 1

    order_cancel(order=world["order_ab"], user=world["users"]["staff"])
    assert client.post(url, data).status_code == 302
    assert not ProductVariant.objects.filter(product=product).exists()


def test_product_delete_in_the_admin_is_refused_while_an_open_order_holds_it(world):
    product = world["product_a"]
    client = _client(world, "staff")
    url = _url(Product, "delete", product.pk)

    page = client.get(url)
    assert "đang có trong 1 đơn hàng chưa hoàn tất" in page.content.decode()
    refused = client.post(url, {"post": "yes"})
    assert refused.status_code == 200
    assert Product.objects.filter(pk=product.pk).exists()

    order_cancel(order=world["order_ab"], user=world["users"]["staff"])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Product.objects.filter(pk=product.pk).exists()
    assert world["order_ab"].lines.filter(variant__isnull=True).count() == 1


def test_bulk_product_delete_action_is_refused_while_an_open_order_holds_one(world):
    client = _client(world, "staff")
    chosen = [world["product_a"].pk, world["product_b"].pk]
    response = client.post(
        _url(Product, "changelist"),
        {"action": "delete_selected", "_selected_action": chosen, "post": "yes"},
    )
    assert response.status_code == 200  # Django's "cannot delete: protected" page
    assert Product.objects.filter(pk__in=chosen).count() == 2
