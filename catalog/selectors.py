"""Catalogue reads. Each selector returns a queryset already shaped for the page it feeds:
joins for one-to-one data, prefetches for lists, so resolvers never query per row.

Public visibility (DOMAIN.md, API.md): a product is shown only while its current certificate is
*verified* and within its dates, and it is published in the channel. Everything else stays in
the database, invisible.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from shop.cache import catalogue_version
from shop.graphql.selection import selects
from shop.text import fold, search_terms

from .models import (
    Category,
    CertificateStatus,
    Channel,
    Collection,
    CollectionChannelListing,
    Menu,
    MenuItem,
    Page,
    Producer,
    ProducerMedia,
    Product,
    ProductMedia,
    ProductVariant,
    Stock,
    VariantChannelListing,
)


# --- Channels ---------------------------------------------------------------------------------
def channel_get(*, slug: str | None) -> Channel | None:
    """The channel named by ``slug``; without a slug, the only channel if there is exactly one.

    Read on every catalogue request, so it is kept in the shared cache under the catalogue
    version: any catalogue write (a channel change included) makes the entry unreachable."""
    # The slug comes from the client: hashed, so any string makes a valid, bounded cache key.
    digest = hashlib.sha256((slug or "").encode("utf-8", "surrogatepass")).hexdigest()[:32]
    key = f"channel:{digest}:{catalogue_version()}"
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    if slug:
        channel = Channel.objects.filter(slug=slug).first()
    else:
        channels = list(Channel.objects.filter(is_active=True)[:2])
        channel = channels[0] if len(channels) == 1 else None
    cache.set(key, channel or False, timeout=300)
    return channel


# --- Products ---------------------------------------------------------------------------------
@dataclass
class ProductFilters:
    """Normalised product filters from either ``filter:`` or ``where:`` (API.md)."""

    ids: list[int] | None = None
    category_ids: list[int] | None = None
    collection_ids: list[int] | None = None
    producer_ids: list[int] | None = None
    ocop_stars: list[int] | None = None
    ocop_stars_range: tuple[int | None, int | None] | None = None
    province_codes: list[int] | None = None
    price_range: tuple[Decimal | None, Decimal | None] | None = None
    slugs: list[str] | None = None
    in_stock: bool | None = None
    metadata: list[tuple[str, str | None]] = field(default_factory=list)
    search: str | None = None


def _product_public_q(listing: str, *, today: datetime.date | None) -> Q:
    """Certified today and published through ``listing`` (a path to a channel listing)."""
    today = today or timezone.localdate()
    # Minute precision (rounded up): publication times need no more, and identical SQL within
    # a minute lets counts be cached (catalogue_count).
    now = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    return (
        Q(**{f"{listing}__published_at__isnull": True})
        | Q(**{f"{listing}__published_at__lte": now})
    ) & Q(
        current_certificate__status=CertificateStatus.VERIFIED,
        current_certificate__issued_on__lte=today,
        current_certificate__valid_until__gte=today,
        **{f"{listing}__is_published": True},
    )


def products_visible(*, channel: Channel, today: datetime.date | None = None) -> QuerySet[Product]:
    """Products the public may see in ``channel`` (certified now and published)."""
    return (
        Product.objects.annotate(
            listing=FilteredRelation(
                "channel_listings", condition=Q(channel_listings__channel=channel)
            )
        )
        .filter(_product_public_q("listing", today=today))
        .annotate(
            listing_available_at=F("listing__available_for_purchase_at"),
            sort_published_at=Coalesce(F("listing__published_at"), F("created_at")),
            listing_visible=F("listing__visible_in_listings"),
            price_min=Coalesce(F("listing__min_price_amount"), Value(Decimal(0))),
            stars=F("current_certificate__stars"),
        )
    )


def products_public(*, today: datetime.date | None = None) -> QuerySet[Product]:
    """Products the public may see in at least one channel (``products_visible``'s rule)."""
    # One filter() call: the listing that is published is the one whose date has come.
    return Product.objects.filter(_product_public_q("channel_listings", today=today))


def catalogue_count(queryset: QuerySet) -> int:
    """``COUNT(*)`` of a public catalogue query, cached under the catalogue version and the day.

    A count must visit every matching row, so at 100,000 products it costs more than the page
    itself; the answer only changes when the catalogue does (every write bumps the version) or
    when the day turns (certificates lapse by date), so both are in the key."""
    import hashlib

    sql, params = queryset.order_by().query.sql_with_params()
    digest = hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()
    key = f"catalogue-count:{catalogue_version()}:{timezone.localdate()}:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.order_by().count()
        cache.set(key, count, timeout=settings.CATALOGUE_COUNT_CACHE_SECONDS)
    return count


def product_filter(queryset: QuerySet[Product], filters: ProductFilters) -> QuerySet[Product]:
    if filters.ids is not None:
        queryset = queryset.filter(pk__in=filters.ids)
    if filters.slugs is not None:
        queryset = queryset.filter(slug__in=filters.slugs)
    if filters.category_ids is not None:
        # A category filter includes its sub-groups (an OCOP group holds its sub-groups).
        children = Category.objects.filter(parent_id__in=filters.category_ids).values("pk")
        queryset = queryset.filter(
            Q(category_id__in=filters.category_ids) | Q(category_id__in=children)
        )
    if filters.collection_ids is not None:
        queryset = queryset.filter(collections__in=filters.collection_ids).distinct()
    if filters.producer_ids is not None:
        queryset = queryset.filter(producer_id__in=filters.producer_ids)
    if filters.ocop_stars is not None:
        queryset = queryset.filter(current_certificate__stars__in=filters.ocop_stars)
    if filters.ocop_stars_range is not None:
        low, high = filters.ocop_stars_range
        if low is not None:
            queryset = queryset.filter(current_certificate__stars__gte=low)
        if high is not None:
            queryset = queryset.filter(current_certificate__stars__lte=high)
    if filters.province_codes is not None:
        queryset = queryset.filter(producer__province_id__in=filters.province_codes)
    if filters.price_range is not None:
        low_price, high_price = filters.price_range
        if low_price is not None:
            queryset = queryset.filter(price_min__gte=low_price)
        if high_price is not None:
            queryset = queryset.filter(price_min__lte=high_price)
    if filters.in_stock is not None:
        available = Stock.objects.filter(
            variant__product=OuterRef("pk"), quantity__gt=F("quantity_allocated")
        )
        queryset = queryset.filter(Exists(available) if filters.in_stock else ~Exists(available))
    for key, value in filters.metadata:
        if value is None:
            queryset = queryset.filter(metadata__has_key=key)
        else:
            queryset = queryset.filter(**{f"metadata__{key}": value})
    if filters.search:
        queryset = product_search(queryset, query=filters.search)
    return queryset


def product_search(queryset: QuerySet[Product], *, query: str) -> QuerySet[Product]:
    """Accent- and case-insensitive search over the folded ``search_document``: every word
    must appear (as a prefix-free substring, so "ca phe" finds "cà phê"). On PostgreSQL the
    LIKE is served by a pg_trgm GIN index. ``search_rank`` orders by relevance: whole query
    in the name first, then words found in the name, then elsewhere."""
    terms = search_terms(query)
    if not terms:
        return queryset.annotate(search_rank=Value(0, output_field=IntegerField()))
    for term in terms:
        queryset = queryset.filter(search_document__contains=term)
    phrase = fold(" ".join(terms))
    rank = Case(When(name_folded__startswith=phrase, then=Value(100)), default=Value(0))
    rank = rank + Case(When(name_folded__contains=phrase, then=Value(50)), default=Value(0))
    for term in terms:
        rank = rank + Case(When(name_folded__contains=term, then=Value(10)), default=Value(1))
    return queryset.annotate(search_rank=rank)


def variant_annotations(channel: Channel) -> dict:
    """Price in ``channel`` and available quantity as subqueries of the variant query.

    Available = stock − allocations − live checkout holds. The holds live in ``orders``
    (``Reservation``, related name ``reservations``); catalogue code reaches them through the
    relation name only, never importing ``orders`` (DESIGN.md import direction)."""
    price = VariantChannelListing.objects.filter(variant=OuterRef("pk"), channel=channel)
    available = (
        Stock.objects.filter(variant=OuterRef("pk"), warehouse__is_active=True)
        .values("variant")
        .annotate(total=Sum(F("quantity") - F("quantity_allocated")))
        .values("total")
    )
    held = (
        ProductVariant.objects.filter(pk=OuterRef("pk"))
        .annotate(
            held=Sum(
                "reservations__quantity",
                filter=Q(reservations__reserved_until__gt=timezone.now()),
            )
        )
        .values("held")
    )
    return {
        "channel_price": Subquery(price.values("price_amount")[:1]),
        "channel_currency": Subquery(price.values("currency")[:1]),
        "stock_available": Coalesce(Subquery(available), Value(0))
        - Coalesce(Subquery(held), Value(0)),
    }


_VARIANT_LISTS = ("productVariants", "variants", "defaultVariant")


def stocks_queryset() -> QuerySet[Stock]:
    """Stock rows as ``ProductVariant.stocks`` shows them: warehouse and its address joined,
    and ``variant_held``, the variant's units held by live checkouts (holds are per variant;
    the API attributes them to rows in allocation order)."""
    held = (
        ProductVariant.objects.filter(pk=OuterRef("variant_id"))
        .annotate(
            held=Sum(
                "reservations__quantity",
                filter=Q(reservations__reserved_until__gt=timezone.now()),
            )
        )
        .values("held")
    )
    return (
        Stock.objects.select_related("warehouse", "warehouse__province", "warehouse__ward")
        .annotate(variant_held=Coalesce(Subquery(held), Value(0)))
        .order_by("pk")
    )


def product_prefetch(
    queryset: QuerySet[Product], *, channel: Channel, paths: set[str] | None = None
) -> QuerySet[Product]:
    """Everything a storefront product card or page shows, in a fixed number of queries.
    ``paths`` (what the query selects, see ``shop.graphql.selection``) lets a lean query skip
    the prefetches it does not need; ``None`` prefetches everything."""
    variants = ProductVariant.objects.annotate(**variant_annotations(channel)).order_by(
        "sort_order", "pk"
    )
    variant_texts = [
        f"{v}.{f}"
        for v in _VARIANT_LISTS
        for f in ("translation", "attributes", "assignedAttribute", "assignedAttributes")
    ]
    if selects(paths, *variant_texts):
        variants = variants.prefetch_related("translations")
    # Only when asked for: stock levels are for staff and members, never a storefront card.
    if paths is not None and selects(paths, *[f"{v}.stocks" for v in _VARIANT_LISTS]):
        variants = variants.prefetch_related(Prefetch("stocks", queryset=stocks_queryset()))
    lookups: list = [Prefetch("variants", queryset=variants)]
    if selects(paths, "thumbnail", "media", "mediaById", *[f"{v}.media" for v in _VARIANT_LISTS]):
        media = ProductMedia.objects.order_by("sort_order", "pk").prefetch_related("thumbnails")
        lookups.append(Prefetch("media", queryset=media))
    if selects(paths, "translation"):
        lookups.append("translations")
    if selects(paths, "category.translation", "productType.translation"):
        lookups.append("category__translations")
    if selects(paths, "category.backgroundImage"):
        lookups.append("category__thumbnails")
    if selects(paths, "producer.translation"):
        lookups.append("producer__translations")
    if selects(paths, "producer.thumbnail"):
        lookups.append("producer__logo_thumbnails")
    if selects(paths, "producer.media"):
        lookups.append("producer__media__thumbnails")
    return queryset.select_related(
        "category",
        "category__parent",
        "producer",
        "producer__province",
        "producer__ward",
        "current_certificate",
    ).prefetch_related(*lookups)


def quantity_available_cap() -> int:
    return settings.CHECKOUT_MAX_LINE_QUANTITY


def variants_visible(*, channel: Channel) -> QuerySet[ProductVariant]:
    """Variants of visible products that have a price in the channel."""
    visible = products_visible(channel=channel).values("pk")
    return ProductVariant.objects.filter(
        product_id__in=visible, channel_listings__channel=channel
    ).distinct()


def variant_prefetch(
    queryset: QuerySet[ProductVariant], *, channel: Channel, paths: set[str] | None = None
) -> QuerySet[ProductVariant]:
    """Variants of visible products with price, stock and their product card. ``paths`` are
    what the query selects below the variant (``None``: everything)."""
    product_paths = None
    if paths is not None:
        product_paths = {p.removeprefix("product.") for p in paths if p.startswith("product.")}
        if selects(paths, "media"):  # a variant's photos are its product's
            product_paths.add("media")
    product_qs = product_prefetch(
        products_visible(channel=channel), channel=channel, paths=product_paths
    )
    lookups: list = [Prefetch("product", queryset=product_qs)]
    if selects(paths, "translation", "attributes", "assignedAttribute", "assignedAttributes"):
        lookups.append("translations")
    if selects(paths, "stocks"):
        lookups.append(Prefetch("stocks", queryset=stocks_queryset()))
    return queryset.annotate(**variant_annotations(channel)).prefetch_related(*lookups)


# --- Images behind thumbnails ------------------------------------------------------------------
def _image_owner_rules() -> dict[type[Model], tuple[Any, Any]]:
    """Per owner model: (may anonymous visitors see its image?, whose members may anyway)."""
    no_producer = Value(None, output_field=IntegerField())
    return {
        ProductMedia: (
            Exists(products_public().filter(pk=OuterRef("product_id"))),
            F("product__producer_id"),
        ),
        ProducerMedia: (
            ExpressionWrapper(Q(producer__is_active=True), output_field=BooleanField()),
            F("producer_id"),
        ),
        Producer: (ExpressionWrapper(Q(is_active=True), output_field=BooleanField()), F("pk")),
        Collection: (
            Exists(
                CollectionChannelListing.objects.filter(
                    collection_id=OuterRef("pk"), is_published=True
                )
            ),
            no_producer,
        ),
        Category: (Value(True), no_producer),
    }


def image_owner_get(*, model: type[Model], pk: int) -> Model | None:
    """The instance owning a thumbnailed image, in one query, annotated with ``is_public``
    (a hidden product's photo, an inactive producer's logo, an unpublished collection's
    banner are not) and ``owner_producer_id`` (whose members may still see it; ``None``: only
    staff). ``None`` if there is no such instance."""
    is_public, producer_id = _image_owner_rules()[model]
    return (
        model._default_manager.filter(pk=pk)
        .annotate(is_public=is_public, owner_producer_id=producer_id)
        .first()
    )


# --- Categories, collections, producers, content -----------------------------------------------
def categories_all() -> QuerySet[Category]:
    return Category.objects.select_related("parent").prefetch_related("translations", "thumbnails")


def collections_visible(*, channel: Channel) -> QuerySet[Collection]:
    return Collection.objects.filter(
        channel_listings__channel=channel, channel_listings__is_published=True
    ).prefetch_related("translations", "thumbnails")


def producers_active() -> QuerySet[Producer]:
    return (
        Producer.objects.filter(is_active=True)
        .select_related("province", "ward")
        .prefetch_related(
            "translations",
            "logo_thumbnails",
            Prefetch(
                "media",
                queryset=Producer.media.rel.related_model.objects.order_by(
                    "sort_order", "pk"
                ).prefetch_related("thumbnails"),
            ),
        )
    )


def pages_published() -> QuerySet[Page]:
    return Page.objects.filter(is_published=True).prefetch_related("translations")


def menu_get(*, slug: str | None = None, name: str | None = None, pk: int | None = None):
    items = MenuItem.objects.select_related("category", "collection", "page").prefetch_related(
        "category__translations", "collection__translations", "page__translations"
    )
    qs = Menu.objects.prefetch_related(Prefetch("items", queryset=items, to_attr="all_items"))
    if pk is not None:
        qs = qs.filter(pk=pk)
    elif slug is not None:
        qs = qs.filter(slug=slug)
    elif name is not None:
        qs = qs.filter(name=name)
    else:
        return None
    return qs.first()
