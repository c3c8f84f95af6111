"""Product editing through the portal: create, texts (HTML kept as text), variants, prices per
channel in whole VND, publication per channel, photos (content-checked upload, order, delete)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import (
    Category,
    Channel,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    VariantChannelListing,
)
from shop.editorjs import render_html
from tests.catalog.factories import default_channel, jpeg_bytes
from tests.frontend.conftest import client_for

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"frontend:portal:{name}", args=args)


def category_id() -> int:
    return Category.objects.get(slug="ca-phe-ca-cao").pk


def test_member_creates_a_product_with_its_first_variant_and_price(world):
    channel = default_channel()
    response = client_for(world["member_a"]).post(
        url("product_new"),
        {
            "name": "Cà phê Robusta rang mộc",
            "category": category_id(),
            "description": "Rang mộc.\n\nXay theo yêu cầu.",
            "v-sku": "ROB-500",
            "v-name": "500g",
            "v-weight_grams": "550",
            f"v-price_{channel.pk}": "185000",
        },
    )
    product = Product.objects.get(name="Cà phê Robusta rang mộc")
    assert response.status_code == 302 and response.url == url("product", product.pk)
    assert product.producer == world["a"]
    assert [b["data"]["text"] for b in product.description["blocks"]] == [
        "Rang mộc.",
        "Xay theo yêu cầu.",
    ]
    variant = product.variants.get()
    assert (variant.sku, variant.weight_grams) == ("ROB-500", 550)
    assert VariantChannelListing.objects.get(variant=variant).price_amount == Decimal(185000)


def test_create_with_a_taken_sku_changes_nothing(world):
    taken = world["b1"].variants.get().sku
    before = Product.objects.count()
    response = client_for(world["member_a"]).post(
        url("product_new"),
        {
            "name": "Trùng",
            "category": category_id(),
            "v-sku": taken,
            "v-name": "1",
            "v-weight_grams": "5",
        },
    )
    assert response.status_code == 400 and "đã được dùng" in response.text
    assert Product.objects.count() == before


def test_html_and_script_in_description_stay_text(world):
    product = world["a1"]
    client = client_for(world["member_a"])
    typed = '<script>alert("x")</script> <b>đậm</b> & <img src=x onerror=alert(1)>'
    response = client.post(
        url("product", product.pk),
        {"name": product.name, "category": product.category_id, "description": typed},
    )
    assert response.status_code == 302
    product.refresh_from_db()
    html = render_html(product.description)
    assert "<script" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;đậm&lt;/b&gt;" in html
    page = client.get(url("product", product.pk)).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page  # shown back as typed


def test_variant_edit_and_price_must_be_whole_non_negative(world):
    product, channel = world["a1"], default_channel()
    variant = product.variants.order_by("sort_order").first()
    client = client_for(world["member_a"])
    data = {"v-sku": "CAPHE-250", "v-name": "250g túi zip", "v-weight_grams": "300"}
    bad = client.post(
        url("variant", product.pk, variant.pk), {**data, f"v-price_{channel.pk}": "-5"}
    )
    assert bad.status_code == 400
    variant.refresh_from_db()
    assert variant.sku != "CAPHE-250"
    ok = client.post(
        url("variant", product.pk, variant.pk), {**data, f"v-price_{channel.pk}": "165000"}
    )
    assert ok.status_code == 302
    variant.refresh_from_db()
    assert (variant.sku, variant.name, variant.weight_grams) == ("CAPHE-250", "250g túi zip", 300)
    listing = VariantChannelListing.objects.get(variant=variant, channel=channel)
    assert listing.price_amount == Decimal(165000)
    assert ProductChannelListing.objects.get(product=product, channel=channel).min_price_amount == (
        Decimal(165000)
    )


def test_add_variant(world):
    product = world["a2"]
    response = client_for(world["member_a"]).post(
        url("variant_new", product.pk),
        {"v-sku": "ATISO-HOP", "v-name": "Hộp 20 túi", "v-weight_grams": "200"},
    )
    assert response.status_code == 302
    assert ProductVariant.objects.get(sku="ATISO-HOP").product == product


def test_publish_and_unpublish_per_channel(world):
    product = world["a1"]
    shopee = Channel.objects.create(name="Sàn thử", slug="san-thu")
    channel = default_channel()
    client = client_for(world["member_a"])
    client.post(url("product_channels", product.pk), {f"published-{shopee.pk}": "on"})
    listings = {x.channel_id: x.is_published for x in product.channel_listings.all()}
    assert listings == {channel.pk: False, shopee.pk: True}
    client.post(url("product_channels", product.pk), {f"published-{channel.pk}": "on"})
    listings = {x.channel_id: x.is_published for x in product.channel_listings.all()}
    assert listings == {channel.pk: True, shopee.pk: False}


def upload(client, product, content: bytes, name: str = "anh.jpg"):
    return client.post(
        url("photo_upload", product.pk),
        {"image": SimpleUploadedFile(name, content, content_type="image/jpeg"), "alt": "Gói"},
    )


def test_photo_upload_checks_content_then_orders_and_deletes(world):
    product, client = world["a1"], client_for(world["member_a"])
    refused = upload(client, product, b"<html>not an image</html>")
    assert refused.status_code == 302 and not ProductMedia.objects.filter(product=product).exists()
    assert "Ảnh bị từ chối" in client.get(url("product", product.pk)).text
    for colour in ("#aa0000", "#00aa00", "#0000aa"):
        assert upload(client, product, jpeg_bytes(colour=colour)).status_code == 302
    first, second, third = ProductMedia.objects.filter(product=product).order_by("sort_order")
    # Drag and drop posts the whole order.
    client.post(url("photo_order", product.pk), {"order": f"{third.pk},{first.pk},{second.pk}"})
    assert list(product.media.order_by("sort_order").values_list("pk", flat=True)) == [
        third.pk,
        first.pk,
        second.pk,
    ]
    # The no-JS buttons move one photo.
    client.post(url("photo_order", product.pk), {"move": first.pk, "direction": "up"})
    assert list(product.media.order_by("sort_order").values_list("pk", flat=True)) == [
        first.pk,
        third.pk,
        second.pk,
    ]
    client.post(url("photo_delete", product.pk, third.pk))
    assert list(product.media.order_by("sort_order").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]


def test_photo_order_refuses_a_photo_of_another_product(world):
    client = client_for(world["member_a"])
    upload(client, world["a1"], jpeg_bytes())
    upload(client, world["a2"], jpeg_bytes())
    own = ProductMedia.objects.get(product=world["a1"])
    other = ProductMedia.objects.get(product=world["a2"])
    client.post(url("photo_order", world["a1"].pk), {"order": f"{other.pk},{own.pk}"})
    assert ProductMedia.objects.get(pk=other.pk).product == world["a2"]
    assert "không thuộc" in client.get(url("product", world["a1"].pk)).text
