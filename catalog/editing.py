"""Producer editing: changes to existing products, variants, stock, channel listings and photos.

Creation lives in :mod:`catalog.services` (``product_create``, ``variant_create``,
``variant_price_set``, ``product_media_add``); this module reuses its validators so both paths
refuse the same input. Services here check no permissions (callers use
:mod:`catalog.permissions`); each runs in one transaction and raises ``ValidationError`` with a
``code`` before anything is written. Row saves bump the catalogue version through
``catalog.signals``; bulk updates bump it explicitly.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.cache import catalogue_version_bump
from shop.editorjs import plain_text, sanitise_document

from . import services
from .editing_media import (  # noqa: F401 - the media services are part of this API
    files_delete_on_commit,
    media_files,
    product_media_delete,
    product_media_reorder,
    product_media_update,
)
from .models import (
    Category,
    Certificate,
    Channel,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    Stock,
    VariantChannelListing,
    Warehouse,
)

# Order statuses whose lines still need their variant (to allocate, fulfil or return).
OPEN_ORDER_STATUSES = ("draft", "unconfirmed", "unfulfilled", "partially fulfilled")


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()
"""Default of optional service arguments: "leave as it is" (``None`` may be a real value)."""


# --- Products ---------------------------------------------------------------------------------
@transaction.atomic
def product_update(
    *,
    product: Product,
    name: str = UNSET,
    slug: str = UNSET,
    description: Any = UNSET,
    category: Category = UNSET,
    seo_title: str = UNSET,
    seo_description: str = UNSET,
    tax_rate: Decimal = UNSET,
) -> Product:
    """Change a product's texts, category or VAT rate; arguments left out stay as they are.

    The description is an EditorJS document stored sanitised (raw ``<script>`` and event
    handlers are dropped; text the editor escaped, such as ``&lt;b&gt;``, stays text). The
    search document is rebuilt when a searched text changes.
    """
    fields: list[str] = []
    if name is not UNSET:
        product.name = services.product_name_validate(name)
        fields.append("name")
    if slug is not UNSET:
        product.slug = services.product_slug_validate(slug, exclude_pk=product.pk)
        fields.append("slug")
    if description is not UNSET:
        product.description = sanitise_document(description or {})
        product.description_plaintext = plain_text(product.description)
        fields += ["description", "description_plaintext"]
    if category is not UNSET:
        product.category = category
        fields.append("category")
    if seo_title is not UNSET:
        product.seo_title = (seo_title or "").strip()[:70]
        fields.append("seo_title")
    if seo_description is not UNSET:
        product.seo_description = (seo_description or "").strip()[:300]
        fields.append("seo_description")
    if tax_rate is not UNSET:
        services.product_tax_rate_validate(tax_rate)
        product.tax_rate = Decimal(tax_rate)
        fields.append("tax_rate")
    if not fields:
        return product
    product.save(update_fields=[*fields, "updated_at"])
    if {"name", "description", "category"} & set(fields):
        services.product_search_document_refresh(product=product)
    return product


def product_open_order_count(*, product: Product) -> int:
    """Orders still open (not fulfilled, returned or cancelled) with a line of ``product``."""
    from orders.models import OrderLine

    return (
        OrderLine.objects.filter(variant__product=product, order__status__in=OPEN_ORDER_STATUSES)
        .values("order_id")
        .distinct()
        .count()
    )


def _stocks_lock(stocks: QuerySet[Stock]) -> None:
    """Lock stock rows in primary-key order, as checkout completion does before it allocates:
    an order being placed either commits first (and its line is then seen) or waits for the
    delete and finds its stock gone."""
    list(stocks.select_for_update(of=("self",)).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def product_delete(*, product: Product) -> None:
    """Delete a product with its variants, stock, listings, certificates and photos.

    Refused (code ``product_in_open_orders``) while an open order has a line of it: those lines
    still need the variant and its stock allocations to be fulfilled. Lines of closed orders
    keep their snapshot (name, SKU, prices) and lose only the link (``SET_NULL``).
    """
    Product.objects.select_for_update().get(pk=product.pk)
    _stocks_lock(Stock.objects.filter(variant__product=product))
    open_orders = product_open_order_count(product=product)
    if open_orders:
        raise ValidationError(
            _(
                "Sản phẩm đang có trong %(n)s đơn hàng chưa hoàn tất; hãy giao hoặc hủy các đơn "
                "đó trước, hoặc ngừng bán sản phẩm thay vì xóa."
            ),
            code="product_in_open_orders",
            params={"n": open_orders},
        )
    files = media_files(ProductMedia.objects.filter(product=product))
    files += [
        (certificate.scan.storage, certificate.scan.name)
        for certificate in Certificate.objects.filter(product=product).exclude(scan="")
        if certificate.scan
    ]
    product.delete()
    files_delete_on_commit(files)


# --- Variants ---------------------------------------------------------------------------------
@transaction.atomic
def variant_update(
    *,
    variant: ProductVariant,
    sku: str = UNSET,
    name: str = UNSET,
    weight_grams: int = UNSET,
    dimensions_mm: tuple[int, int, int] | None = UNSET,
    is_fragile: bool = UNSET,
    is_perishable: bool = UNSET,
    track_inventory: bool = UNSET,
    quantity_limit_per_customer: int | None = UNSET,
    sort_order: int = UNSET,
) -> ProductVariant:
    """Change a variant's SKU, name, weight, size or flags; left-out arguments stay."""
    fields: list[str] = []
    if sku is not UNSET:
        variant.sku = services.variant_sku_validate(sku, exclude_pk=variant.pk)
        fields.append("sku")
    if name is not UNSET:
        if not (name or "").strip():
            raise ValidationError(
                {"name": ValidationError(_("Hãy nhập tên quy cách."), code="required")}
            )
        variant.name = name.strip()[:255]
        fields.append("name")
    if weight_grams is not UNSET:
        services.variant_weight_validate(weight_grams)
        variant.weight_grams = weight_grams
        fields.append("weight_grams")
    if dimensions_mm is not UNSET:
        services.variant_dimensions_validate(dimensions_mm)
        variant.length_mm, variant.width_mm, variant.height_mm = dimensions_mm or (None,) * 3
        fields += ["length_mm", "width_mm", "height_mm"]
    if quantity_limit_per_customer is not UNSET:
        if quantity_limit_per_customer is not None and quantity_limit_per_customer < 1:
            raise ValidationError(
                {
                    "quantity_limit_per_customer": ValidationError(
                        _("Giới hạn mỗi khách phải từ 1 trở lên."), code="invalid"
                    )
                }
            )
        variant.quantity_limit_per_customer = quantity_limit_per_customer
        fields.append("quantity_limit_per_customer")
    for field, value in (
        ("is_fragile", is_fragile),
        ("is_perishable", is_perishable),
        ("track_inventory", track_inventory),
        ("sort_order", sort_order),
    ):
        if value is not UNSET:
            setattr(variant, field, value)
            fields.append(field)
    if not fields:
        return variant
    variant.save(update_fields=[*fields, "updated_at"])
    if "sku" in fields:
        services.product_search_document_refresh(product=variant.product)
    return variant


@transaction.atomic
def variant_delete(*, variant: ProductVariant) -> None:
    """Delete a variant; refused while an open order has a line of it."""
    from orders.models import OrderLine

    _stocks_lock(Stock.objects.filter(variant=variant))
    if OrderLine.objects.filter(variant=variant, order__status__in=OPEN_ORDER_STATUSES).exists():
        raise ValidationError(
            _("Quy cách này đang có trong đơn hàng chưa hoàn tất."),
            code="product_in_open_orders",
        )
    product = variant.product
    variant.delete()
    for channel in Channel.objects.filter(product_listings__product=product):
        services.product_min_price_refresh(product_id=product.pk, channel=channel)
    services.product_search_document_refresh(product=product)


# --- Stock ------------------------------------------------------------------------------------
@transaction.atomic
def variant_stocks_update(
    *, variant: ProductVariant, stocks: Sequence[tuple[Warehouse, int]]
) -> list[Stock]:
    """Set the counted quantity of ``variant`` in several warehouses, all or nothing.

    Each quantity is absolute, whole and ≥ 0, never below what orders already hold
    (``quantity_allocated``), in a warehouse of the variant's producer (or a shared one), each
    warehouse at most once. Every bad row is reported (``params['index']`` = its position)
    and nothing is written. Stock rows are locked in primary-key order.
    """
    errors: list[ValidationError] = []
    producer_id = variant.product.producer_id
    seen: set[int] = set()
    for index, (warehouse, quantity) in enumerate(stocks):
        problem = _stock_row_problem(warehouse, quantity, producer_id, seen)
        if problem is not None:
            field, code, message = problem
            errors.append(
                ValidationError(message, code=code, params={"index": index, "field": field})
            )
        seen.add(warehouse.pk)
    if errors:
        raise ValidationError({"stocks": errors})
    locked = {
        stock.warehouse_id: stock
        for stock in Stock.objects.select_for_update()
        .filter(variant=variant, warehouse_id__in=seen)
        .order_by("pk")
    }
    for index, (warehouse, quantity) in enumerate(stocks):
        held = locked[warehouse.pk].quantity_allocated if warehouse.pk in locked else 0
        if quantity < held:
            errors.append(
                ValidationError(
                    _("Số lượng thấp hơn số đã giữ cho đơn hàng (%(n)s).") % {"n": held},
                    code="insufficient_stock",
                    params={"index": index, "field": "quantity"},
                )
            )
    if errors:
        raise ValidationError({"stocks": errors})
    return [
        services.stock_set(variant=variant, warehouse=warehouse, quantity=quantity)
        for warehouse, quantity in stocks
    ]


def _stock_row_problem(
    warehouse: Warehouse, quantity: Any, producer_id: int, seen: set[int]
) -> tuple[str, str, str] | None:
    """``(field, code, message)`` of what is wrong with one stock row, or ``None``."""
    if warehouse.pk in seen:
        return "warehouse", "duplicated_input_item", _("Kho này xuất hiện hai lần.")
    if warehouse.producer_id not in (None, producer_id):
        return "warehouse", "invalid", _("Kho này không thuộc chủ thể sản xuất của sản phẩm.")
    if not warehouse.is_active:
        return "warehouse", "invalid", _("Kho này đã ngừng hoạt động.")
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        return "quantity", "invalid", _("Số lượng phải là số nguyên.")
    if quantity < 0:
        return "quantity", "invalid", _("Số lượng không được âm.")
    if quantity > 2_000_000_000:
        return "quantity", "invalid", _("Số lượng quá lớn.")
    return None


@transaction.atomic
def variant_stock_remove(*, variant: ProductVariant, warehouse: Warehouse) -> None:
    """Drop a variant's stock row in a warehouse; refused while orders hold units there."""
    stock = Stock.objects.select_for_update().filter(variant=variant, warehouse=warehouse).first()
    if stock is None:
        return
    if stock.quantity_allocated:
        raise ValidationError(
            _("Không thể bỏ kho đang giữ hàng cho đơn (%(n)s).") % {"n": stock.quantity_allocated},
            code="invalid",
        )
    stock.delete()


# --- Channel listings -------------------------------------------------------------------------
@transaction.atomic
def product_channel_listing_update(
    *,
    product: Product,
    channel: Channel,
    is_published: bool = UNSET,
    published_at: datetime.datetime | None = UNSET,
    visible_in_listings: bool = UNSET,
    is_available_for_purchase: bool = UNSET,
    available_for_purchase_at: datetime.datetime | None = UNSET,
    variant_prices: Iterable[tuple[ProductVariant, Decimal | int]] = (),
    remove_variants: Iterable[ProductVariant] = (),
    now: datetime.datetime | None = None,
) -> ProductChannelListing:
    """Publish/unpublish ``product`` in ``channel`` and set its variants' prices there.

    Publishing without a date publishes now; making it purchasable without a date makes it
    purchasable now, ``is_available_for_purchase=False`` clears the date. Prices follow
    ``variant_price_set`` (≥ 0, whole đồng in VND). A variant must belong to ``product``.
    """
    now = now or timezone.now()
    variant_prices = list(variant_prices)
    remove_variants = list(remove_variants)
    for variant in [v for v, _price in variant_prices] + remove_variants:
        if variant.product_id != product.pk:
            raise ValidationError(
                {
                    "variants": ValidationError(
                        _("Biến thể không thuộc sản phẩm này."), code="invalid"
                    )
                }
            )
    listing = ProductChannelListing.objects.filter(product=product, channel=channel).first()
    listing = listing or ProductChannelListing(product=product, channel=channel)
    if is_published is not UNSET:
        listing.is_published = bool(is_published)
    if published_at is not UNSET:
        listing.published_at = published_at
    if listing.is_published and listing.published_at is None:
        listing.published_at = now
    if visible_in_listings is not UNSET:
        listing.visible_in_listings = bool(visible_in_listings)
    if available_for_purchase_at is not UNSET:
        listing.available_for_purchase_at = available_for_purchase_at
    if is_available_for_purchase is False:
        listing.available_for_purchase_at = None
    elif is_available_for_purchase is True and listing.available_for_purchase_at is None:
        listing.available_for_purchase_at = now
    listing.save()
    for variant, price in variant_prices:
        services.variant_price_set(variant=variant, channel=channel, amount=price)
    if remove_variants:
        VariantChannelListing.objects.filter(channel=channel, variant__in=remove_variants).delete()
    services.product_min_price_refresh(product_id=product.pk, channel=channel)
    listing.refresh_from_db()
    return listing


@transaction.atomic
def product_channel_listing_remove(*, product: Product, channel: Channel) -> None:
    """Take ``product`` out of ``channel`` with its variants' prices there."""
    VariantChannelListing.objects.filter(channel=channel, variant__product=product).delete()
    ProductChannelListing.objects.filter(product=product, channel=channel).delete()
    catalogue_version_bump()


@transaction.atomic
def variant_channel_prices_set(
    *, variant: ProductVariant, prices: Sequence[tuple[Channel, Decimal | int]]
) -> None:
    """Set ``variant``'s price in several channels at once (all or nothing)."""
    channels = [channel.pk for channel, _price in prices]
    if len(set(channels)) != len(channels):
        raise ValidationError(
            {"channel_id": ValidationError(_("Kênh bị lặp lại."), code="duplicated_input_item")}
        )
    for channel, price in prices:
        services.variant_price_set(variant=variant, channel=channel, amount=price)
