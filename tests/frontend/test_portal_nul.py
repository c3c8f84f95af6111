"""NUL characters (U+0000), which PostgreSQL refuses in text, never make a portal page fail:
searches ignore them, hand-read fields drop them, Django forms refuse them with a message.
Run on PostgreSQL too (CI's second pass), where they used to be HTTP 500s."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import Category, Product, ProductMedia
from orders.models import Fulfillment, OrderLine
from tests.catalog.factories import jpeg_bytes
from tests.frontend.conftest import client_for, place_order

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"frontend:portal:{name}", args=args)


@pytest.mark.parametrize("page", ["stock", "products"])
def test_portal_search_ignores_nul(world, page):
    sku = world["a1"].variants.order_by("sort_order").first().sku
    client = client_for(world["member_a"])
    response = client.get(url(page), {"q": f"{sku}\x00"})
    assert response.status_code == 200
    assert sku in response.text


@pytest.mark.parametrize("field", ["name", "description", "v-sku", "v-name"])
def test_portal_product_form_refuses_nul_with_a_message(world, field):
    data = {
        "name": "Trà Shan tuyết",
        "category": Category.objects.get(slug="ca-phe-ca-cao").pk,
        "description": "Trà cổ thụ.",
        "v-sku": "SHAN-100",
        "v-name": "100g",
        "v-weight_grams": "150",
    }
    data[field] += "\x00"
    before = Product.objects.count()
    response = client_for(world["member_a"]).post(url("product_new"), data)
    assert response.status_code == 400
    assert "Null characters are not allowed" in response.text or "ký tự" in response.text
    assert Product.objects.count() == before


def test_fulfil_tracking_number_drops_nul(world, shipping):
    variant = world["a1"].variants.order_by("sort_order").first()
    order = place_order(shipping, [(variant, 2)])
    line = OrderLine.objects.get(order=order)
    client_for(world["member_a"]).post(
        url("order_fulfil", order.pk), {f"quantity-{line.pk}": "2", "tracking_number": "VN\x00P1"}
    )
    assert Fulfillment.objects.get().tracking_number == "VNP1"


def test_photo_alt_text_drops_nul(world):
    """The photo form's alt text is posted as typed; a NUL in it was a 500 on PostgreSQL."""
    product = world["a1"]
    client = client_for(world["member_a"])
    response = client.post(
        url("photo_upload", product.pk),
        {
            "image": SimpleUploadedFile("anh.jpg", jpeg_bytes(), content_type="image/jpeg"),
            "alt": "Vườn\x00 cà phê",
        },
    )
    assert response.status_code == 302
    assert ProductMedia.objects.get(product=product).alt == "Vườn cà phê"
