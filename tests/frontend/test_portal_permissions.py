"""The permission matrix: anonymous, customer, member of producer A, member of producer B and
OCOP staff × every portal page and POST on producer A's objects.

Anonymous → the sign-in page; a customer → 403 "not a producer account"; producer B's member
→ 404 on A's objects (as if they did not exist); A's member and staff → the page works. Every
refused request changes nothing."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import (
    Certificate,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    Stock,
    VariantChannelListing,
)
from catalog.services import product_media_add
from orders.models import Fulfillment, OrderLine
from tests.catalog.factories import default_channel, jpeg_bytes, pdf_bytes
from tests.frontend.conftest import client_for, place_order

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()


def state() -> str:
    """A digest of everything a portal request could change."""
    parts = [
        list(Product.objects.order_by("pk").values_list("pk", "name", "description", "category")),
        list(
            ProductVariant.objects.order_by("pk").values_list("pk", "sku", "name", "weight_grams")
        ),
        list(Stock.objects.order_by("pk").values_list("pk", "quantity", "quantity_allocated")),
        list(ProductMedia.objects.order_by("pk").values_list("pk", "sort_order")),
        list(Certificate.objects.order_by("pk").values_list("pk", "status")),
        list(VariantChannelListing.objects.order_by("pk").values_list("pk", "price_amount")),
        list(ProductChannelListing.objects.order_by("pk").values_list("pk", "is_published")),
        list(OrderLine.objects.order_by("pk").values_list("pk", "quantity_fulfilled")),
        list(Fulfillment.objects.order_by("pk").values_list("pk", "tracking_number")),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


@pytest.fixture
def targets(world, shipping, settings, tmp_path):
    """Producer A's objects: a product, variant, photo, certificate with a scan, an order."""
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    product = world["a1"]
    variant = product.variants.order_by("sort_order").first()
    media = product_media_add(product=product, upload=SimpleUploadedFile("a.jpg", jpeg_bytes()))
    certificate = product.certificates.get()
    certificate.scan.save("scan.pdf", SimpleUploadedFile("scan.pdf", PDF))
    order = place_order(shipping, [(variant, 1)])
    line = order.lines.get()
    return {
        "product": product,
        "variant": variant,
        "media": media,
        "certificate": certificate,
        "order": order,
        "line": line,
    }


def u(name: str, *args) -> str:
    return reverse(f"frontend:portal:{name}", args=args)


def requests_for(world, t) -> list[tuple[str, str, dict, bool]]:
    """(method, url, data, is_about_A's_object). List pages are not about one object."""
    p, v, channel = t["product"], t["variant"], default_channel()
    spare_variant = p.variants.exclude(pk=v.pk).order_by("pk").first()  # in no order
    stock = Stock.objects.get(variant=v)
    variant_data = {
        "v-sku": "DOI-SKU",
        "v-name": "Đổi",
        "v-weight_grams": "999",
        f"v-price_{channel.pk}": "1000",
    }
    return [
        ("get", u("dashboard"), {}, False),
        ("get", u("products"), {}, False),
        ("get", u("product_new"), {}, False),
        ("get", u("stock"), {}, False),
        ("get", u("stock_import"), {}, False),
        ("get", u("certificates"), {}, False),
        ("get", u("certificate_new"), {}, False),
        ("get", u("orders"), {}, False),
        ("get", u("products") + f"?producer={world['a'].pk}", {}, True),
        ("get", u("product", p.pk), {}, True),
        ("get", u("variant_stock", v.pk), {}, True),
        ("get", u("certificate_scan", t["certificate"].pk), {}, True),
        ("get", u("order", t["order"].pk), {}, True),
        ("get", u("packing_slip", t["order"].pk), {}, True),
        (
            "post",
            u("product", p.pk),
            {"name": "Đã đổi", "category": p.category_id, "description": "x"},
            True,
        ),
        ("post", u("variant", p.pk, v.pk), variant_data, True),
        ("post", u("variant_new", p.pk), {**variant_data, "v-sku": "MOI-SKU"}, True),
        ("post", u("product_channels", p.pk), {}, True),
        ("post", u("photo_upload", p.pk), {"image": "jpeg"}, True),
        ("post", u("photo_order", p.pk), {"move": t["media"].pk, "direction": "down"}, True),
        ("post", u("photo_delete", p.pk, t["media"].pk), {}, True),
        ("post", u("variant_stock", v.pk), {f"quantity-{stock.warehouse_id}": "77"}, True),
        (
            "post",
            u("product_new"),
            {
                "producer": world["a"].pk,
                "name": "Mới",
                "category": p.category_id,
                **{k: val for k, val in variant_data.items()},
                "v-sku": "MOI-2",
            },
            True,
        ),
        ("post", u("stock_import"), {"producer": world["a"].pk, "file": "csv"}, True),
        (
            "post",
            u("certificate_new"),
            {
                "product": p.pk,
                "stars": "4",
                "score": "78",
                "certificate_number": "MOI-1",
                "decision_number": "1/QĐ",
                "decision_date": "2026-01-01",
                "issuer": "UBND",
                "issuer_level": "province",
                "issued_on": "2026-01-02",
                "scan": "pdf",
            },
            True,
        ),
        ("get", u("product_delete", p.pk), {}, True),
        ("get", u("variant_delete", p.pk, v.pk), {}, True),
        ("post", u("variant_delete", p.pk, spare_variant.pk), {}, True),
        ("post", u("product_delete", world["a2"].pk), {}, True),
        (
            "post",
            u("order_fulfil", t["order"].pk),
            {
                f"quantity-{t['line'].pk}": "1",
                "tracking_number": "GHN9",
                "producer": world["a"].pk,  # staff pick whose lines ship
            },
            True,
        ),
    ]


def send(client, method: str, url: str, data: dict, variant_sku: str):
    data = dict(data)
    files = {
        "jpeg": lambda: SimpleUploadedFile("b.jpg", jpeg_bytes(colour="#123456")),
        "pdf": lambda: SimpleUploadedFile("c.pdf", PDF),
        "csv": lambda: SimpleUploadedFile("t.csv", f"sku,quantity\n{variant_sku},55\n".encode()),
    }
    for key, value in data.items():
        if isinstance(value, str) and value in files and key in ("image", "scan", "file"):
            data[key] = files[value]()
    return getattr(client, method)(url, data)


@pytest.mark.parametrize("who", ["anonymous", "customer", "member_b"])
def test_refused_users_get_nothing_and_change_nothing(world, targets, who):
    user = None if who == "anonymous" else world[who]
    for method, url, data, about_a in requests_for(world, targets):
        client = client_for(user)
        before = state()
        response = send(client, method, url, data, current_sku(targets))
        if who == "anonymous":
            assert response.status_code == 302, url
            assert response.url.startswith(u("login") + "?next="), url
        elif who == "customer":
            assert response.status_code == 403, url
            assert "Không phải tài khoản nhà sản xuất" in response.text
        elif about_a and url == u("certificate_new"):
            assert response.status_code == 400  # A's product is not among B's choices
        elif about_a:
            assert response.status_code == 404, (method, url)
        else:
            assert response.status_code == 200, url
            assert "Cà phê Arabica Cầu Đất" not in response.text, url
        assert state() == before, (who, method, url)


@pytest.mark.parametrize("who", ["member_a", "staff"])
def test_allowed_users_reach_every_page_and_post(world, targets, who):
    for method, url, data, _about_a in requests_for(world, targets):
        response = send(client_for(world[who]), method, url, data, current_sku(targets))
        assert response.status_code in (200, 302), (who, method, url, response.status_code)
        if response.status_code == 302:
            assert not response.url.startswith(u("login")), url
    targets["product"].refresh_from_db()
    assert targets["product"].name == "Đã đổi"
    assert Stock.objects.get(variant__sku="DOI-SKU").quantity == 77 - 1  # set, then 1 shipped
    assert Fulfillment.objects.get().tracking_number == "GHN9"
    assert Certificate.objects.filter(certificate_number="MOI-1").exists()
    assert Product.objects.filter(name="Mới", producer=world["a"]).exists()
    assert not Product.objects.filter(pk=world["a2"].pk).exists()
    assert sorted(targets["product"].variants.values_list("sku", flat=True)) == [
        "DOI-SKU",
        "MOI-SKU",
    ]  # the spare variant deleted, the new one added


def current_sku(targets) -> str:
    return ProductVariant.objects.get(pk=targets["variant"].pk).sku
