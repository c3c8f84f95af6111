"""Saleor's catalogue types over our models. Resolvers read only what the selectors prefetched
(``.all()`` on prefetched relations, annotations), so a page of 100 products costs the same
number of SQL queries as a page of 10."""

from __future__ import annotations

from typing import Any

import graphene
from django.utils import timezone
from graphene import relay

from catalog.models import Thumbnail
from catalog.thumbnails import thumbnail_url
from shop.graphql.common import (
    ChannelContext,
    CountryDisplay,
    Image,
    LanguageCodeEnum,
    LanguageDisplay,
    MetadataResolvers,
    ObjectWithMetadata,
    ThumbnailFormatEnum,
    Weight,
    language_base,
    unwrap,
)
from shop.graphql.connection import CountableConnection, SortKey, connection_args, paginate
from shop.graphql.money import Money, MoneyRange, TaxedMoney, TaxedMoneyRange
from shop.money import Money as MoneyValue
from shop.money import taxed_from_gross

from . import attributes as attr
from .ocop import OcopCertification, Producer, product_ocop
from .stock_types import stocks_field

DEFAULT_IMAGE_SIZE = 4096


def _thumb(info: Any, instance: Any, thumbnails: list[Thumbnail], size: int | None, format: Any):
    return thumbnail_url(
        instance=instance,
        size=size or DEFAULT_IMAGE_SIZE,
        format=getattr(format, "value", format),
        thumbnails=thumbnails,
        request=info.context,
    )


def _translation(root: Any, language_code: Any) -> Any | None:
    base = language_base(language_code)
    for translation in root.translations.all():
        if translation.language_code == base:
            return translation
    return None


# --- Translations ----------------------------------------------------------------------------
class _TranslationBase(graphene.ObjectType):
    language = graphene.Field(LanguageDisplay, required=True)

    class Meta:
        abstract = True

    @staticmethod
    def resolve_language(root: Any, info: Any) -> LanguageDisplay:
        return LanguageDisplay.for_code(root._language_code)


def _as_translation(root: Any, translation: Any | None, language_code: Any, *, fields: dict):
    """A translation row, or — for Vietnamese, the base language — the base fields."""
    if translation is None:
        if language_base(language_code) != "vi":
            return None
        translation = type("BaseTranslation", (), fields)()
        translation.pk = translation.id = f"{root.pk}:vi"
    translation._language_code = getattr(language_code, "value", language_code)
    translation.slug = root.slug if hasattr(root, "slug") else None
    return translation


class ProductTranslation(_TranslationBase):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String()
    slug = graphene.String()
    description = graphene.JSONString()

    class Meta:
        interfaces = (relay.Node,)


class ProductVariantTranslation(_TranslationBase):
    name = graphene.String(required=True)

    class Meta:
        interfaces = (relay.Node,)


class CategoryTranslation(_TranslationBase):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String()
    slug = graphene.String()
    description = graphene.JSONString()

    class Meta:
        interfaces = (relay.Node,)


class CollectionTranslation(CategoryTranslation):
    class Meta:
        interfaces = (relay.Node,)


# --- Channel ---------------------------------------------------------------------------------
class Channel(MetadataResolvers, graphene.ObjectType):
    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    is_active = graphene.Boolean(required=True)
    currency_code = graphene.String(required=True)
    has_orders = graphene.Boolean(required=True)
    default_country = graphene.Field(CountryDisplay, required=True)
    countries = graphene.List(graphene.NonNull(CountryDisplay))

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_has_orders(root: Any, info: Any) -> bool:
        return False

    @staticmethod
    def resolve_default_country(root: Any, info: Any) -> CountryDisplay:
        return CountryDisplay(code=root.default_country, country="Việt Nam")

    @staticmethod
    def resolve_countries(root: Any, info: Any) -> list[CountryDisplay]:
        return [CountryDisplay(code=root.default_country, country="Việt Nam")]


# --- Media -----------------------------------------------------------------------------------
ProductMediaType = graphene.Enum("ProductMediaType", [("IMAGE", "IMAGE"), ("VIDEO", "VIDEO")])


class ProductMedia(graphene.ObjectType):
    sort_order = graphene.Int()
    alt = graphene.String(required=True)
    type = graphene.Field(ProductMediaType, required=True)
    oembed_data = graphene.JSONString(required=True)
    url = graphene.String(
        required=True, size=graphene.Int(), format=graphene.Argument(ThumbnailFormatEnum)
    )

    class Meta:
        interfaces = (relay.Node,)

    @staticmethod
    def resolve_type(root: Any, info: Any) -> str:
        return "IMAGE"

    @staticmethod
    def resolve_oembed_data(root: Any, info: Any) -> dict:
        return {}

    @staticmethod
    def resolve_url(root: Any, info: Any, size: int | None = None, format: Any = None) -> str:
        if not size and not format:
            return info.context.build_absolute_uri(root.image.url)
        return _thumb(info, root, list(root.thumbnails.all()), size, format)


# --- Product type (synthetic: one per OCOP group) ----------------------------------------------
class ProductType(MetadataResolvers, graphene.ObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    has_variants = graphene.Boolean(required=True)
    is_shipping_required = graphene.Boolean(required=True)
    is_digital = graphene.Boolean(required=True)
    kind = graphene.Field(
        graphene.Enum("ProductTypeKindEnum", [("NORMAL", "normal"), ("GIFT_CARD", "gift-card")]),
        required=True,
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Our product types are the OCOP groups (Decision 148)."

    @staticmethod
    def resolve_has_variants(root: Any, info: Any) -> bool:
        return True

    @staticmethod
    def resolve_is_shipping_required(root: Any, info: Any) -> bool:
        return root.ocop_group != 6  # community tourism services ship nothing

    @staticmethod
    def resolve_is_digital(root: Any, info: Any) -> bool:
        return False

    @staticmethod
    def resolve_kind(root: Any, info: Any) -> str:
        return "normal"


# --- Pricing ---------------------------------------------------------------------------------
class VariantPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field(TaxedMoney)
    discount_local_currency = graphene.Field(TaxedMoney)
    price = graphene.Field(TaxedMoney)
    price_undiscounted = graphene.Field(TaxedMoney)
    price_local_currency = graphene.Field(TaxedMoney)


class ProductPricingInfo(graphene.ObjectType):
    on_sale = graphene.Boolean()
    discount = graphene.Field(TaxedMoney)
    discount_local_currency = graphene.Field(TaxedMoney)
    price_range = graphene.Field(TaxedMoneyRange)
    price_range_undiscounted = graphene.Field(TaxedMoneyRange)
    price_range_local_currency = graphene.Field(TaxedMoneyRange)
    display_gross_prices = graphene.Boolean(required=True)


def _variant_price(variant: Any, tax_rate: Any):
    amount = getattr(variant, "channel_price", None)
    if amount is None:
        return None
    return taxed_from_gross(MoneyValue(amount, variant.channel_currency), tax_rate)


# --- Variant ---------------------------------------------------------------------------------
class ProductVariant(MetadataResolvers, graphene.ObjectType):
    name = graphene.String(required=True)
    sku = graphene.String()
    product = graphene.Field(lambda: Product, required=True)
    track_inventory = graphene.Boolean(required=True)
    quantity_limit_per_customer = graphene.Int()
    weight = graphene.Field(Weight)
    channel = graphene.String()
    pricing = graphene.Field(VariantPricingInfo)
    attributes = graphene.List(
        graphene.NonNull(attr.SelectedAttribute),
        required=True,
        variant_selection=graphene.Argument(attr.VariantAttributeScope),
    )
    assigned_attribute = graphene.Field(attr.AssignedAttribute, slug=graphene.String(required=True))
    assigned_attributes = graphene.List(
        graphene.NonNull(attr.AssignedAttribute), required=True, limit=graphene.Int()
    )
    media = graphene.List(graphene.NonNull(ProductMedia))
    translation = graphene.Field(
        ProductVariantTranslation,
        language_code=graphene.Argument(LanguageCodeEnum, required=True),
    )
    quantity_available = graphene.Int(
        description="Quantity a buyer can order now, capped by the per-line limit."
    )
    stocks = stocks_field()
    is_fragile = graphene.Boolean(required=True, description="Glass, jars: packed with care.")
    is_perishable = graphene.Boolean(required=True, description="Fresh produce.")
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_product(root: ChannelContext, info: Any) -> ChannelContext:
        return ChannelContext(root.node.product, root.channel)

    @staticmethod
    def resolve_weight(root: Any, info: Any) -> Weight:
        return Weight(unit="g", value=float(unwrap(root).weight_grams))

    @staticmethod
    def resolve_channel(root: ChannelContext, info: Any) -> str | None:
        return root.channel.slug if root.channel else None

    @staticmethod
    def resolve_pricing(root: ChannelContext, info: Any) -> VariantPricingInfo | None:
        variant = root.node
        price = _variant_price(variant, variant.product.tax_rate)
        if price is None:
            return None
        zero = taxed_from_gross(MoneyValue(0, price.currency), 0)
        return VariantPricingInfo(
            on_sale=False,
            discount=zero,
            discount_local_currency=None,
            price=price,
            price_undiscounted=price,
            price_local_currency=price,
        )

    @staticmethod
    def resolve_attributes(root: Any, info: Any, variant_selection: Any = None):
        scope = getattr(variant_selection, "value", variant_selection) or "ALL"
        assigned = attr.variant_assigned(unwrap(root))
        if scope == "VARIANT_SELECTION":
            assigned = [a for a in assigned if a.attribute.variant_selection]
        elif scope == "NOT_VARIANT_SELECTION":
            assigned = [a for a in assigned if not a.attribute.variant_selection]
        return attr.as_selected(assigned)

    @staticmethod
    def resolve_assigned_attribute(root: Any, info: Any, slug: str):
        return next(
            (a for a in attr.variant_assigned(unwrap(root)) if a.attribute.slug == slug), None
        )

    @staticmethod
    def resolve_assigned_attributes(root: Any, info: Any, limit: int | None = None):
        return attr.variant_assigned(unwrap(root))[: limit or 100]

    @staticmethod
    def resolve_media(root: Any, info: Any) -> list:
        # Variant photos are the product's photos (our producers shoot per product).
        return list(unwrap(root).product.media.all())

    @staticmethod
    def resolve_translation(root: Any, info: Any, language_code: Any):
        variant = unwrap(root)
        return _as_translation(
            variant,
            _translation(variant, language_code),
            language_code,
            fields={"name": variant.name},
        )

    @staticmethod
    def resolve_quantity_available(root: Any, info: Any) -> int:
        from catalog.selectors import quantity_available_cap

        available = max(int(getattr(unwrap(root), "stock_available", 0) or 0), 0)
        return min(available, quantity_available_cap())

    @staticmethod
    def resolve_created(root: Any, info: Any):
        return unwrap(root).created_at


class ProductVariantCountableConnection(CountableConnection):
    class Meta:
        node = ProductVariant


def _list_page(
    items: list,
    *,
    field_name: str,
    first: int | None,
    last: int | None,
    after: str | None,
    before: str | None,
    info: Any,
    wrap: Any,
):
    """Keyset pagination over an already prefetched list (a product's few variants), so a
    nested ``productVariants(first: 50)`` adds no query per product."""
    from shop.graphql.connection import (
        Page,
        _Edge,
        cursor_decode,
        cursor_encode,
        validate_slice_args,
    )

    validate_slice_args(
        field_name=field_name, first=first, last=last, after=after, before=before, info=info
    )
    keys = [SortKey("pk", parse=int)]
    ordered = list(items)
    if after:
        (pk,) = cursor_decode(after, keys)
        ordered = _after(ordered, pk)
    if before:
        (pk,) = cursor_decode(before, keys)
        ordered = _before(ordered, pk)
    total = len(items)
    if first:
        page, more = ordered[:first], len(ordered) > first
    elif last:
        page, more = ordered[-last:], len(ordered) > last
    else:
        page, more = [], False
    edges = [_Edge(node=wrap(i), cursor=cursor_encode([i.pk])) for i in page]
    page_info = relay.PageInfo(
        has_next_page=more if not last else bool(before),
        has_previous_page=bool(after) if not last else more,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Page(edges=edges, page_info=page_info, count=lambda: total)


def _after(items: list, pk: int) -> list:
    for index, item in enumerate(items):
        if item.pk == pk:
            return items[index + 1 :]
    return []


def _before(items: list, pk: int) -> list:
    for index, item in enumerate(items):
        if item.pk == pk:
            return items[:index]
    return []


# --- Product ---------------------------------------------------------------------------------
class Product(MetadataResolvers, graphene.ObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    product_type = graphene.Field(ProductType, required=True)
    slug = graphene.String(required=True)
    category = graphene.Field(lambda: Category)
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    charge_taxes = graphene.Boolean(required=True)
    weight = graphene.Field(Weight)
    default_variant = graphene.Field(ProductVariant)
    rating = graphene.Float()
    channel = graphene.String()
    thumbnail = graphene.Field(
        Image, size=graphene.Int(), format=graphene.Argument(ThumbnailFormatEnum)
    )
    pricing = graphene.Field(ProductPricingInfo)
    is_available = graphene.Boolean()
    attributes = graphene.List(graphene.NonNull(attr.SelectedAttribute), required=True)
    attribute = graphene.Field(attr.SelectedAttribute, slug=graphene.String(required=True))
    assigned_attribute = graphene.Field(attr.AssignedAttribute, slug=graphene.String(required=True))
    assigned_attributes = graphene.List(
        graphene.NonNull(attr.AssignedAttribute), required=True, limit=graphene.Int()
    )
    media_by_id = graphene.Field(ProductMedia, id=graphene.ID())
    variants = graphene.List(
        graphene.NonNull(ProductVariant),
        deprecation_reason="Use the `productVariants` field instead.",
    )
    product_variants = graphene.Field(ProductVariantCountableConnection, **connection_args())
    media = graphene.List(graphene.NonNull(ProductMedia))
    collections = graphene.List(graphene.NonNull(lambda: Collection))
    translation = graphene.Field(
        ProductTranslation, language_code=graphene.Argument(LanguageCodeEnum, required=True)
    )
    available_for_purchase_at = graphene.DateTime()
    is_available_for_purchase = graphene.Boolean()
    ocop = graphene.Field(
        OcopCertification,
        description="The valid OCOP certificate behind the star badge; null if none.",
    )
    producer = graphene.Field(Producer, required=True)

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "A certified OCOP product for sale."

    @staticmethod
    def resolve_product_type(root: Any, info: Any):
        category = unwrap(root).category
        return category.parent if category.parent_id else category

    @staticmethod
    def resolve_category(root: Any, info: Any):
        return unwrap(root).category

    @staticmethod
    def resolve_created(root: Any, info: Any):
        return unwrap(root).created_at

    @staticmethod
    def resolve_charge_taxes(root: Any, info: Any) -> bool:
        return unwrap(root).tax_rate > 0

    @staticmethod
    def resolve_default_variant(root: ChannelContext, info: Any):
        variants = list(root.node.variants.all())
        return ChannelContext(variants[0], root.channel) if variants else None

    @staticmethod
    def resolve_channel(root: ChannelContext, info: Any) -> str | None:
        return root.channel.slug if root.channel else None

    @staticmethod
    def resolve_thumbnail(root: Any, info: Any, size: int | None = None, format: Any = None):
        media = list(unwrap(root).media.all())
        if not media:
            return None
        first = media[0]
        url = _thumb(info, first, list(first.thumbnails.all()), size, format)
        return Image(url=url, alt=first.alt or unwrap(root).name)

    @staticmethod
    def resolve_pricing(root: ChannelContext, info: Any) -> ProductPricingInfo | None:
        product = root.node
        prices = [p for v in product.variants.all() if (p := _variant_price(v, product.tax_rate))]
        if not prices:
            return None
        low = min(prices, key=lambda p: p.gross.amount)
        high = max(prices, key=lambda p: p.gross.amount)
        price_range = TaxedMoneyRange(start=low, stop=high)
        return ProductPricingInfo(
            on_sale=False,
            discount=None,
            discount_local_currency=None,
            price_range=price_range,
            price_range_undiscounted=price_range,
            price_range_local_currency=price_range,
            display_gross_prices=True,
        )

    @staticmethod
    def resolve_is_available_for_purchase(root: Any, info: Any) -> bool:
        available_at = getattr(unwrap(root), "listing_available_at", None)
        return available_at is not None and available_at <= timezone.now()

    @staticmethod
    def resolve_available_for_purchase_at(root: Any, info: Any):
        return getattr(unwrap(root), "listing_available_at", None)

    @staticmethod
    def resolve_is_available(root: Any, info: Any) -> bool:
        product = unwrap(root)
        if not Product.resolve_is_available_for_purchase(root, info):
            return False
        return any(
            (getattr(v, "stock_available", 0) or 0) > 0
            and getattr(v, "channel_price", None) is not None
            for v in product.variants.all()
        )

    @staticmethod
    def resolve_attributes(root: Any, info: Any):
        return attr.as_selected(attr.product_assigned(unwrap(root)))

    @staticmethod
    def resolve_attribute(root: Any, info: Any, slug: str):
        selected = attr.as_selected(attr.product_assigned(unwrap(root)))
        return next((s for s in selected if s.attribute.slug == slug), None)

    @staticmethod
    def resolve_assigned_attribute(root: Any, info: Any, slug: str):
        assigned = attr.product_assigned(unwrap(root))
        return next((a for a in assigned if a.attribute.slug == slug), None)

    @staticmethod
    def resolve_assigned_attributes(root: Any, info: Any, limit: int | None = None):
        return attr.product_assigned(unwrap(root))[: limit or 100]

    @staticmethod
    def resolve_media_by_id(root: Any, info: Any, id: str | None = None):
        from shop.graphql.ids import global_id_decode_int

        if not id:
            return None
        pk = global_id_decode_int(id, only_type="ProductMedia")
        return next((m for m in unwrap(root).media.all() if m.pk == pk), None)

    @staticmethod
    def resolve_variants(root: ChannelContext, info: Any):
        return [ChannelContext(v, root.channel) for v in root.node.variants.all()]

    @staticmethod
    def resolve_product_variants(root: ChannelContext, info: Any, **kwargs: Any):
        return _list_page(
            list(root.node.variants.all()),
            field_name="productVariants",
            info=info,
            wrap=lambda v: ChannelContext(v, root.channel),
            **{k: kwargs.get(k) for k in ("first", "last", "after", "before")},
        )

    @staticmethod
    def resolve_media(root: Any, info: Any):
        return list(unwrap(root).media.all())

    @staticmethod
    def resolve_collections(root: ChannelContext, info: Any):
        from catalog.selectors import collections_visible

        if root.channel is None:
            return []
        return [
            ChannelContext(c, root.channel)
            for c in collections_visible(channel=root.channel).filter(products=root.node.pk)
        ]

    @staticmethod
    def resolve_translation(root: Any, info: Any, language_code: Any):
        product = unwrap(root)
        return _as_translation(
            product,
            _translation(product, language_code),
            language_code,
            fields={
                "name": product.name,
                "description": product.description,
                "seo_title": product.seo_title,
                "seo_description": product.seo_description,
            },
        )

    @staticmethod
    def resolve_ocop(root: Any, info: Any):
        return product_ocop(unwrap(root))

    @staticmethod
    def resolve_producer(root: Any, info: Any):
        return unwrap(root).producer


class ProductCountableConnection(CountableConnection):
    class Meta:
        node = Product


# --- Category and collection -----------------------------------------------------------------
class Category(MetadataResolvers, graphene.ObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)
    parent = graphene.Field(lambda: Category)
    level = graphene.Int(required=True)
    ocop_group = graphene.Int(description="OCOP product group number (1–6).")
    background_image = graphene.Field(
        Image, size=graphene.Int(), format=graphene.Argument(ThumbnailFormatEnum)
    )
    translation = graphene.Field(
        CategoryTranslation, language_code=graphene.Argument(LanguageCodeEnum, required=True)
    )
    updated_at = graphene.DateTime(required=True)

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "An OCOP product group or sub-group."

    @staticmethod
    def resolve_background_image(root: Any, info: Any, size: int | None = None, format: Any = None):
        if not root.background_image:
            return None
        url = _thumb(info, root, list(root.thumbnails.all()), size, format)
        return Image(url=url, alt=root.background_image_alt or root.name)

    @staticmethod
    def resolve_translation(root: Any, info: Any, language_code: Any):
        return _as_translation(
            root,
            _translation(root, language_code),
            language_code,
            fields={
                "name": root.name,
                "description": root.description,
                "seo_title": root.seo_title,
                "seo_description": root.seo_description,
            },
        )


class CategoryCountableConnection(CountableConnection):
    class Meta:
        node = Category


class Collection(MetadataResolvers, graphene.ObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    name = graphene.String(required=True)
    description = graphene.JSONString()
    slug = graphene.String(required=True)
    channel = graphene.String()
    background_image = graphene.Field(
        Image, size=graphene.Int(), format=graphene.Argument(ThumbnailFormatEnum)
    )
    translation = graphene.Field(
        CollectionTranslation, language_code=graphene.Argument(LanguageCodeEnum, required=True)
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_channel(root: ChannelContext, info: Any) -> str | None:
        return root.channel.slug if root.channel else None

    @staticmethod
    def resolve_background_image(root: Any, info: Any, size: int | None = None, format: Any = None):
        collection = unwrap(root)
        if not collection.background_image:
            return None
        url = _thumb(info, collection, list(collection.thumbnails.all()), size, format)
        return Image(url=url, alt=collection.background_image_alt or collection.name)

    @staticmethod
    def resolve_translation(root: Any, info: Any, language_code: Any):
        collection = unwrap(root)
        return _as_translation(
            collection,
            _translation(collection, language_code),
            language_code,
            fields={
                "name": collection.name,
                "description": collection.description,
                "seo_title": collection.seo_title,
                "seo_description": collection.seo_description,
            },
        )


class CollectionCountableConnection(CountableConnection):
    class Meta:
        node = Collection


class ProducerCountableConnection(CountableConnection):
    class Meta:
        node = Producer


__all__ = [
    "Category",
    "CategoryCountableConnection",
    "Channel",
    "Collection",
    "CollectionCountableConnection",
    "MoneyRange",
    "Money",
    "Product",
    "ProductCountableConnection",
    "ProductVariant",
    "ProductVariantCountableConnection",
    "ProducerCountableConnection",
    "paginate",
]


def attach_nested_fields() -> None:
    """Fields that need the product list machinery from ``queries`` (imported late to keep
    the type module free of query logic)."""
    from .filters import ProductFilterInput, ProductOrder, ProductWhereInput
    from .queries import nested_products  # noqa: PLC0415 (called once queries has loaded)

    def product_args(with_channel: bool) -> dict:
        args = {
            "filter": graphene.Argument(ProductFilterInput),
            "where": graphene.Argument(ProductWhereInput),
            "search": graphene.String(),
            "sort_by": graphene.Argument(ProductOrder),
            **connection_args(),
        }
        if with_channel:
            args["channel"] = graphene.String()
        return args

    Category._meta.fields["products"] = graphene.Field(
        ProductCountableConnection, resolver=nested_products("category"), **product_args(True)
    )
    Collection._meta.fields["products"] = graphene.Field(
        ProductCountableConnection, resolver=nested_products("collection"), **product_args(False)
    )
    Producer._meta.fields["products"] = graphene.Field(
        ProductCountableConnection, resolver=nested_products("producer"), **product_args(True)
    )

    def resolve_children(root: Any, info: Any, **page: Any):
        from catalog.selectors import categories_all

        return paginate(
            categories_all().filter(parent=root),
            keys=[SortKey("name", False, str), SortKey("pk", False, int)],
            field_name="children",
            info=info,
            **page,
        )

    Category._meta.fields["children"] = graphene.Field(
        CategoryCountableConnection, resolver=resolve_children, **connection_args()
    )
