"""catalog.editing: producers change products, variants, stock, channel listings and photos.
Every refusal leaves the database as it was."""

from __future__ import annotations

import datetime
import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from accounts.models import User
from catalog import editing, services
from catalog.models import (
    Category,
    Channel,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    Stock,
    VariantChannelListing,
    Warehouse,
)
from orders import checkout as checkout_services
from orders.checkout_complete import checkout_complete
from orders.models import OrderLine, ShippingMethod
from orders.services import order_cancel
from payments.gateways.cod import COD_GATEWAY_ID
from payments.services import transaction_initialize
from shop.cache import catalogue_version
from shop.graphql.ids import global_id
from tests.catalog.factories import (
    default_channel,
    jpeg_bytes,
    make_producer,
    make_product,
    pdf_bytes,
    variant_of,
)

pytestmark = pytest.mark.django_db

ADDRESS = {
    "first_name": "Nguyễn",
    "last_name": "Văn A",
    "street_address_1": "12 Đường Lang Biang",
    "city": "Xã Lạc Dương",
    "country_area": "Lâm Đồng",
    "country": "VN",
    "phone": "0912345678",
}


@pytest.fixture
def shipping(db):
    call_command("seed_shipping", verbosity=0)
    return ShippingMethod.objects.get(slug="tieu-chuan")


def place_order(shipping, items):
    """An order placed the way the shop places one (checkout services, then completion)."""
    checkout = ready_checkout(shipping, items)
    return checkout_complete(token=checkout.token, user=None).order


def ready_checkout(shipping, items):
    """A checkout with address, delivery and a cash-on-delivery payment: ready to complete."""
    checkout = checkout_services.checkout_create(
        channel=default_channel(),
        lines=[{"variant_id": global_id("ProductVariant", v.pk), "quantity": q} for v, q in items],
        email="buyer@example.vn",
        user=None,
        language_code="vi",
    )
    checkout_services.checkout_shipping_address_update(checkout=checkout, address=ADDRESS)
    checkout_services.checkout_delivery_method_update(checkout=checkout, method=shipping)
    transaction_initialize(checkout=checkout, gateway_id=COD_GATEWAY_ID)  # cash on delivery
    return checkout


def _code(error: ValidationError) -> list[str]:
    return (
        [e.code for e in error.error_list]
        if not hasattr(error, "error_dict")
        else [e.code for errors in error.error_dict.values() for e in errors]
    )


def _snapshot(product: Product) -> dict:
    product.refresh_from_db()
    return {
        "product": (product.name, product.slug, product.description, product.category_id),
        "variants": list(product.variants.values_list("sku", "name", "weight_grams")),
        "stock": list(
            Stock.objects.filter(variant__product=product).values_list("quantity", flat=True)
        ),
        "prices": list(
            VariantChannelListing.objects.filter(variant__product=product).values_list(
                "price_amount", flat=True
            )
        ),
        "listings": list(
            ProductChannelListing.objects.filter(product=product).values_list(
                "is_published", "published_at", "available_for_purchase_at"
            )
        ),
        "media": list(product.media.values_list("pk", "sort_order")),
    }


# --- Products ---------------------------------------------------------------------------------
def test_product_update_changes_texts_and_rebuilds_the_search_document():
    product = make_product("Cà phê Arabica")
    version = catalogue_version()
    editing.product_update(
        product=product,
        name="Trà Shan tuyết cổ thụ",
        category=Category.objects.get(slug="che-tra"),
        description={"blocks": [{"type": "paragraph", "data": {"text": "Hái trên núi cao."}}]},
        seo_title="Trà Shan",
    )
    product.refresh_from_db()
    assert product.name == "Trà Shan tuyết cổ thụ"
    assert product.category.slug == "che-tra"
    assert product.description_plaintext == "Hái trên núi cao."
    assert "tra shan tuyet co thu" in product.search_document
    assert "nui cao" in product.search_document
    assert product.seo_title == "Trà Shan"
    assert catalogue_version() > version


def test_product_description_drops_scripts_and_keeps_escaped_html_as_text():
    product = make_product()
    hostile = (
        "Ngon <b>đậm</b><script>alert(1)</script><img src=x onerror=alert(2)>"
        " và &lt;script&gt;alert(3)&lt;/script&gt;"
    )
    editing.product_update(
        product=product,
        name="<i>Cà phê</i> <script>x</script>",
        description={"blocks": [{"type": "paragraph", "data": {"text": hostile}}]},
    )
    product.refresh_from_db()
    text = product.description["blocks"][0]["data"]["text"]
    assert "<script" not in text and "onerror" not in text
    assert "<b>đậm</b>" in text
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in text  # typed by the producer: text
    assert product.name == "<i>Cà phê</i> <script>x</script>"  # plain text, escaped when shown


@pytest.mark.parametrize(
    ("changes", "code"),
    [({"name": "   "}, "required"), ({"slug": "taken"}, "unique"), ({"slug": "Có Dấu"}, "invalid")],
)
def test_product_update_refuses_bad_input_and_changes_nothing(changes, code):
    Product.objects.filter(pk=make_product().pk).update(slug="taken")
    product = make_product()
    before = _snapshot(product)
    with pytest.raises(ValidationError) as refused:
        editing.product_update(product=product, description={"blocks": []}, **changes)
    assert _code(refused.value) == [code]
    assert _snapshot(product) == before


def test_product_delete_removes_variants_stock_listings_and_photo_files(_media_root):
    product = make_product()
    media = services.product_media_add(
        product=product, upload=SimpleUploadedFile("a.jpg", jpeg_bytes())
    )
    path = _media_root / media.image.name
    assert path.exists()
    editing.product_delete(product=product)
    assert not Product.objects.filter(pk=product.pk).exists()
    assert not ProductVariant.objects.filter(product_id=product.pk).exists()
    assert not Stock.objects.filter(variant__product_id=product.pk).exists()
    assert not ProductMedia.objects.filter(pk=media.pk).exists()


def test_product_delete_deletes_files_after_commit(_media_root, django_capture_on_commit_callbacks):
    product = make_product()
    media = services.product_media_add(
        product=product, upload=SimpleUploadedFile("a.jpg", jpeg_bytes())
    )
    path = _media_root / media.image.name
    with django_capture_on_commit_callbacks(execute=True):
        editing.product_delete(product=product)
    assert not path.exists()


def test_product_in_an_open_order_cannot_be_deleted_until_the_order_closes(shipping):
    product = make_product(prices=(150000,), stock=10)
    variant = variant_of(product)
    order = place_order(shipping, [(variant, 2)])
    before = _snapshot(product)
    with pytest.raises(ValidationError) as refused:
        editing.product_delete(product=product)
    assert _code(refused.value) == ["product_in_open_orders"]
    assert _snapshot(product) == before
    assert Stock.objects.get(variant=variant).quantity_allocated == 2

    staff = User.objects.create_user(email="staff@ocop.vn", password="x-pass-123", is_staff=True)
    order_cancel(order=order, user=staff)
    editing.product_delete(product=product)
    line = OrderLine.objects.get(order=order)
    assert line.variant_id is None
    assert line.product_name == product.name and line.product_sku == variant.sku


# --- Variants ---------------------------------------------------------------------------------
def test_duplicate_sku_is_refused_on_create_and_update():
    taken = variant_of(make_product())
    product = make_product()
    with pytest.raises(ValidationError) as refused:
        services.variant_create(product=product, sku=f" {taken.sku} ", name="1kg", weight_grams=1)
    assert _code(refused.value) == ["unique"]
    variant = variant_of(product)
    with pytest.raises(ValidationError) as refused:
        editing.variant_update(variant=variant, sku=taken.sku, name="Gói lớn")
    assert _code(refused.value) == ["unique"]
    variant.refresh_from_db()
    assert variant.sku != taken.sku and variant.name != "Gói lớn"


def test_variant_update_changes_fields_and_search_document():
    product = make_product()
    variant = variant_of(product)
    editing.variant_update(
        variant=variant, sku="LD-ARABICA-500", weight_grams=520, dimensions_mm=(100, 80, 40)
    )
    variant.refresh_from_db()
    product.refresh_from_db()
    assert (variant.sku, variant.weight_grams, variant.height_mm) == ("LD-ARABICA-500", 520, 40)
    assert "ld-arabica-500" in product.search_document


@pytest.mark.parametrize("weight", [0, -5])
def test_variant_weight_must_be_positive(weight):
    variant = variant_of(make_product())
    with pytest.raises(ValidationError):
        editing.variant_update(variant=variant, weight_grams=weight)


# --- Stock ------------------------------------------------------------------------------------
def _second_warehouse(producer) -> Warehouse:
    return Warehouse.objects.create(
        name="Kho 2",
        slug=f"{producer.slug}-kho-2",
        producer=producer,
        province_id=producer.province_id,
        ward_id=producer.ward_id,
    )


def test_stocks_update_sets_every_warehouse():
    product = make_product(stock=10)
    variant = variant_of(product)
    home = product.producer.warehouses.first()
    other = _second_warehouse(product.producer)
    editing.variant_stocks_update(variant=variant, stocks=[(home, 25), (other, 4)])
    assert dict(Stock.objects.filter(variant=variant).values_list("warehouse_id", "quantity")) == {
        home.pk: 25,
        other.pk: 4,
    }


@pytest.mark.parametrize(
    ("bad", "code"),
    [(-1, "invalid"), ("7", "invalid"), (2.5, "invalid"), ("dup", "duplicated_input_item")],
)
def test_stocks_update_is_all_or_nothing(bad, code):
    product = make_product(stock=10)
    variant = variant_of(product)
    home = product.producer.warehouses.first()
    other = _second_warehouse(product.producer)
    rows = [(home, 30), (home, 1)] if bad == "dup" else [(home, 30), (other, bad)]
    before = _snapshot(product)
    with pytest.raises(ValidationError) as refused:
        editing.variant_stocks_update(variant=variant, stocks=rows)
    (error,) = refused.value.error_dict["stocks"]
    assert (error.code, error.params["index"]) == (code, 1)
    assert _snapshot(product) == before


def test_stocks_update_refuses_another_producers_warehouse():
    product = make_product(stock=10)
    foreign = make_producer().warehouses.first()
    with pytest.raises(ValidationError):
        editing.variant_stocks_update(variant=variant_of(product), stocks=[(foreign, 5)])
    assert not Stock.objects.filter(warehouse=foreign).exists()


def test_stock_cannot_go_below_what_orders_hold(shipping):
    product = make_product(stock=10)
    variant = variant_of(product)
    place_order(shipping, [(variant, 3)])
    home = product.producer.warehouses.first()
    with pytest.raises(ValidationError) as refused:
        editing.variant_stocks_update(variant=variant, stocks=[(home, 2)])
    assert refused.value.error_dict["stocks"][0].code == "insufficient_stock"
    assert Stock.objects.get(variant=variant).quantity == 10
    editing.variant_stocks_update(variant=variant, stocks=[(home, 3)])
    assert Stock.objects.get(variant=variant).quantity == 3


# --- Channel listings -------------------------------------------------------------------------
def test_listing_update_publishes_prices_and_unpublishes():
    product = make_product(published=False, prices=(150000,))
    variant = variant_of(product)
    channel = default_channel()
    listing = editing.product_channel_listing_update(
        product=product,
        channel=channel,
        is_published=True,
        is_available_for_purchase=True,
        variant_prices=[(variant, 99000)],
    )
    assert listing.is_published and listing.published_at is not None
    assert listing.available_for_purchase_at is not None
    assert listing.min_price_amount == Decimal(99000)
    published_at = listing.published_at
    listing = editing.product_channel_listing_update(
        product=product, channel=channel, is_published=False, is_available_for_purchase=False
    )
    assert not listing.is_published and listing.published_at == published_at
    assert listing.available_for_purchase_at is None


@pytest.mark.parametrize("price", [Decimal("-1"), Decimal("1000.5"), Decimal(10) ** 13])
def test_listing_update_refuses_bad_prices_and_changes_nothing(price):
    product = make_product(published=False)
    before = _snapshot(product)
    with pytest.raises(ValidationError):
        editing.product_channel_listing_update(
            product=product,
            channel=default_channel(),
            is_published=True,
            variant_prices=[(variant_of(product), price)],
        )
    assert _snapshot(product) == before


def test_listing_update_refuses_another_products_variant():
    product, other = make_product(), make_product()
    with pytest.raises(ValidationError):
        editing.product_channel_listing_update(
            product=product,
            channel=default_channel(),
            variant_prices=[(variant_of(other), 1000)],
        )


def test_listing_remove_takes_the_product_out_of_the_channel():
    product = make_product()
    channel = default_channel()
    editing.product_channel_listing_remove(product=product, channel=channel)
    assert not ProductChannelListing.objects.filter(product=product).exists()
    assert not VariantChannelListing.objects.filter(variant__product=product).exists()
    assert Channel.objects.filter(pk=channel.pk).exists()


def test_publish_date_in_the_future_is_kept():
    product = make_product(published=False)
    later = timezone.now() + datetime.timedelta(days=3)
    listing = editing.product_channel_listing_update(
        product=product, channel=default_channel(), is_published=True, published_at=later
    )
    assert listing.published_at == later


# --- Media ------------------------------------------------------------------------------------
def _photos(product, n: int) -> list[ProductMedia]:
    return [
        services.product_media_add(
            product=product, upload=SimpleUploadedFile(f"p{i}.jpg", jpeg_bytes(40, 30))
        )
        for i in range(n)
    ]


def test_media_reorder_puts_photos_in_the_given_order():
    product = make_product()
    a, b, c = _photos(product, 3)
    version = catalogue_version()
    editing.product_media_reorder(product=product, media_ids=[c.pk, a.pk])
    assert list(product.media.values_list("pk", flat=True)) == [c.pk, a.pk, b.pk]
    assert catalogue_version() > version


@pytest.mark.parametrize("kind", ["foreign", "duplicate"])
def test_media_reorder_refuses_foreign_or_repeated_photos(kind):
    product = make_product()
    a, b = _photos(product, 2)
    (foreign,) = _photos(make_product(), 1)
    ids = [b.pk, foreign.pk] if kind == "foreign" else [b.pk, b.pk]
    with pytest.raises(ValidationError) as refused:
        editing.product_media_reorder(product=product, media_ids=ids)
    code = "not_products_image" if kind == "foreign" else "duplicated_input_item"
    assert _code(refused.value) == [code]
    assert list(product.media.values_list("pk", flat=True)) == [a.pk, b.pk]


def test_media_delete_removes_row_and_file(_media_root, django_capture_on_commit_callbacks):
    product = make_product()
    (photo,) = _photos(product, 1)
    path = _media_root / photo.image.name
    with django_capture_on_commit_callbacks(execute=True):
        editing.product_media_delete(media=photo)
    assert not ProductMedia.objects.filter(pk=photo.pk).exists()
    assert not path.exists()


def test_product_delete_also_deletes_certificate_scans(django_capture_on_commit_callbacks):
    product = make_product(stars=None)
    pdf = pdf_bytes()
    certificate = services.certificate_submit(
        product=product,
        stars=4,
        certificate_number="XOA-1",
        decision_number="1/QĐ",
        decision_date=datetime.date(2026, 3, 1),
        issuer="UBND tỉnh Lâm Đồng",
        issuer_level="PROVINCE",
        issued_on=datetime.date(2026, 3, 1),
        scan=SimpleUploadedFile("scan.pdf", pdf),
    )
    storage, name = certificate.scan.storage, certificate.scan.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        editing.product_delete(product=product)
    assert not storage.exists(name)


# --- Race with checkout completion (PostgreSQL, real threads and commits) ----------------------
def _delete_while_an_order_is_placed(shipping, monkeypatch, *, lock_stocks: bool) -> dict:
    """``product_delete`` checks for open orders, then (held open for 0.5 s) deletes, while a
    buyer completes a checkout of the product from another thread."""
    product = make_product(stock=10)
    checkout = ready_checkout(shipping, [(variant_of(product), 2)])
    counting = editing.product_open_order_count

    def slow_count(**kwargs):
        result = counting(**kwargs)
        started.set()
        time.sleep(0.5)  # the window between checking and deleting
        return result

    monkeypatch.setattr(editing, "product_open_order_count", slow_count)
    if not lock_stocks:
        monkeypatch.setattr(editing, "_stocks_lock", lambda stocks: None)
    started, outcome = threading.Event(), {}

    def delete() -> None:
        try:
            editing.product_delete(product=product)
            outcome["delete"] = "deleted"
        except ValidationError as error:
            outcome["delete"] = error.error_list[0].code
        finally:
            connections.close_all()

    def buy() -> None:
        started.wait(5)
        try:
            checkout_complete(token=checkout.token, user=None)
            outcome["buy"] = "order"
        except Exception as error:  # noqa: BLE001 - the checkout may fail any way but silently
            outcome["buy"] = type(error).__name__
        finally:
            connections.close_all()

    threads = [threading.Thread(target=delete), threading.Thread(target=buy)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    outcome["orphaned_lines"] = OrderLine.objects.filter(
        variant__isnull=True, order__status__in=editing.OPEN_ORDER_STATUSES
    ).count()
    return outcome


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_product_delete_and_a_checkout_racing_never_orphan_an_open_order(shipping, monkeypatch):
    outcome = _delete_while_an_order_is_placed(shipping, monkeypatch, lock_stocks=True)
    print("outcome:", outcome)
    assert outcome["delete"] == "deleted" and outcome["buy"] != "order", outcome
    assert outcome["orphaned_lines"] == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_control_without_the_stock_lock_the_race_orphans_an_order(shipping, monkeypatch):
    outcome = _delete_while_an_order_is_placed(shipping, monkeypatch, lock_stocks=False)
    print("control outcome:", outcome)
    assert outcome["buy"] == "order" and outcome["delete"] == "deleted", outcome
    assert outcome["orphaned_lines"] == 1  # what the lock prevents
