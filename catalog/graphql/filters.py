"""Product filter and sort inputs (Saleor's ``filter``, ``where``, ``search``, ``sortBy``),
turned into ``ProductFilters`` and keyset sort keys for the selectors."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import graphene
from django.conf import settings
from graphql import GraphQLError

from catalog.selectors import ProductFilters
from shop.graphql.common import (
    DecimalFilterInput,
    GlobalIDFilterInput,
    IntFilterInput,
    IntRangeInput,
    MetadataFilter,
    OrderDirection,
    PriceRangeInput,
    StringFilterInput,
)
from shop.graphql.connection import SortKey
from shop.graphql.ids import global_ids_decode

StockAvailability = graphene.Enum(
    "StockAvailability", [("IN_STOCK", "IN_STOCK"), ("OUT_OF_STOCK", "OUT_OF_STOCK")]
)


class ProductFilterInput(graphene.InputObjectType):
    is_published = graphene.Boolean()
    collections = graphene.List(graphene.NonNull(graphene.ID))
    categories = graphene.List(graphene.NonNull(graphene.ID))
    has_category = graphene.Boolean()
    stock_availability = graphene.Field(StockAvailability)
    search = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    price = graphene.Field(PriceRangeInput)
    minimal_price = graphene.Field(PriceRangeInput)
    product_types = graphene.List(graphene.NonNull(graphene.ID))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))
    channel = graphene.String(deprecation_reason="Use root-level channel argument instead.")
    ocop_stars = graphene.List(graphene.NonNull(graphene.Int), description="OCOP star classes.")
    producers = graphene.List(graphene.NonNull(graphene.ID), description="Producer IDs.")
    provinces = graphene.List(
        graphene.NonNull(graphene.String), description="Province codes or names (post-2025)."
    )


class ProductWhereInput(graphene.InputObjectType):
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    name = graphene.Field(StringFilterInput)
    slug = graphene.Field(StringFilterInput)
    product_type = graphene.Field(GlobalIDFilterInput)
    category = graphene.Field(GlobalIDFilterInput)
    collection = graphene.Field(GlobalIDFilterInput)
    is_available = graphene.Boolean()
    has_category = graphene.Boolean()
    price = graphene.Field(DecimalFilterInput)
    minimal_price = graphene.Field(DecimalFilterInput)
    stock_availability = graphene.Field(StockAvailability)
    ocop_stars = graphene.Field(IntFilterInput, description="OCOP star class.")
    producer = graphene.Field(GlobalIDFilterInput, description="Producer ID(s).")
    province = graphene.Field(StringFilterInput, description="Province code or name.")
    AND = graphene.List(graphene.NonNull(lambda: ProductWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: ProductWhereInput))


ProductOrderField = graphene.Enum(
    "ProductOrderField",
    [
        ("NAME", "name"),
        ("RANK", "rank"),
        ("PRICE", "price"),
        ("MINIMAL_PRICE", "minimal_price"),
        ("LAST_MODIFIED", "updated_at"),
        ("DATE", "updated_at_date"),
        ("TYPE", "type"),
        ("PUBLISHED", "published"),
        ("PUBLICATION_DATE", "publication_date"),
        ("PUBLISHED_AT", "published_at"),
        ("LAST_MODIFIED_AT", "last_modified_at"),
        ("COLLECTION", "collection"),
        ("RATING", "rating"),
        ("CREATED_AT", "created_at"),
        ("OCOP_STARS", "ocop_stars"),
    ],
)


class ProductOrder(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    channel = graphene.String(deprecation_reason="Use root-level channel argument instead.")
    attribute_id = graphene.ID()
    field = graphene.Field(ProductOrderField)


def _parse_datetime(value: Any) -> datetime.datetime:
    return datetime.datetime.fromisoformat(str(value))


def _parse_decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(value) from None


_PK = SortKey("pk", parse=int)


def product_sort_keys(sort_by: Any, *, searching: bool) -> list[SortKey]:
    """Keyset keys for a ``ProductOrder`` (default: relevance when searching, else name)."""
    field = getattr(getattr(sort_by, "field", None), "value", getattr(sort_by, "field", None))
    direction = getattr(getattr(sort_by, "direction", None), "value", None) or "ASC"
    if sort_by is not None and field is None:
        field = "name"
    if field is None:
        field = "rank" if searching else "name"
        direction = "DESC" if searching else "ASC"
    desc = direction == "DESC"
    if field == "rank":
        if not searching:
            raise GraphQLError("Sorting by RANK is available only when using a search filter.")
        return [SortKey("search_rank", desc, int), SortKey("name", False, str), _PK]
    columns: dict[str, list[SortKey]] = {
        "name": [SortKey("name", desc, str)],
        "price": [SortKey("price_min", desc, _parse_decimal, str)],
        "minimal_price": [SortKey("price_min", desc, _parse_decimal, str)],
        "updated_at": [SortKey("updated_at", desc, _parse_datetime, _iso)],
        "updated_at_date": [SortKey("updated_at", desc, _parse_datetime, _iso)],
        "last_modified_at": [SortKey("updated_at", desc, _parse_datetime, _iso)],
        "created_at": [SortKey("created_at", desc, _parse_datetime, _iso)],
        "published": [SortKey("sort_published_at", desc, _parse_datetime, _iso)],
        "publication_date": [SortKey("sort_published_at", desc, _parse_datetime, _iso)],
        "published_at": [SortKey("sort_published_at", desc, _parse_datetime, _iso)],
        "type": [SortKey("category_id", desc, int)],
        "collection": [SortKey("name", desc, str)],
        "rating": [SortKey("name", desc, str)],
        "ocop_stars": [SortKey("stars", desc, int), SortKey("name", False, str)],
    }
    return [*columns[field], SortKey("pk", desc, int)]


def _iso(value: datetime.datetime) -> str:
    return value.isoformat()


def _check_search(text: str | None) -> str | None:
    if text is None:
        return None
    limit = settings.GRAPHQL_MAX_SEARCH_LENGTH
    if len(text) > limit:
        raise GraphQLError(
            f"Search query is too long: {len(text)} characters (at most {limit}).",
            extensions={"exception": {"code": "SEARCH_TOO_LONG"}},
        )
    return text.strip() or None


def _provinces(values: list[str]) -> list[int]:
    from django.core.exceptions import ValidationError

    from shop.geo import province_resolve

    codes = []
    for value in values:
        try:
            codes.append(province_resolve(value).code)
        except ValidationError as exc:
            raise GraphQLError(exc.messages[0]) from None
    return codes


def filters_from_filter_input(data: Any) -> ProductFilters:
    filters = ProductFilters()
    if not data:
        return filters
    if data.get("ids") is not None:
        filters.ids = global_ids_decode(data["ids"], only_type="Product")
    if data.get("categories") is not None:
        filters.category_ids = global_ids_decode(data["categories"], only_type="Category")
    if data.get("product_types") is not None:
        filters.category_ids = global_ids_decode(data["product_types"], only_type="ProductType")
    if data.get("collections") is not None:
        filters.collection_ids = global_ids_decode(data["collections"], only_type="Collection")
    if data.get("producers") is not None:
        filters.producer_ids = global_ids_decode(data["producers"], only_type="Producer")
    if data.get("ocop_stars") is not None:
        filters.ocop_stars = list(data["ocop_stars"])
    if data.get("provinces") is not None:
        filters.province_codes = _provinces(data["provinces"])
    if data.get("slugs") is not None:
        filters.slugs = list(data["slugs"])
    for key in ("price", "minimal_price"):
        if data.get(key):
            low, high = data[key].get("gte"), data[key].get("lte")
            filters.price_range = (
                None if low is None else Decimal(str(low)),
                None if high is None else Decimal(str(high)),
            )
    if data.get("stock_availability"):
        filters.in_stock = _stock(data["stock_availability"])
    filters.metadata = [(m["key"], m.get("value")) for m in data.get("metadata") or []]
    filters.search = _check_search(data.get("search"))
    return filters


def _stock(value: Any) -> bool:
    return getattr(value, "value", value) == "IN_STOCK"


def _ids(data: Any, type_name: str) -> list[int] | None:
    if not data:
        return None
    values = [data["eq"]] if data.get("eq") else list(data.get("one_of") or [])
    return global_ids_decode(values, only_type=type_name)


def filters_from_where_input(data: Any) -> ProductFilters:
    """One level of ``where`` (AND/OR are combined by the caller)."""
    filters = ProductFilters()
    if data.get("ids") is not None:
        filters.ids = global_ids_decode(data["ids"], only_type="Product")
    filters.category_ids = _ids(data.get("category"), "Category")
    filters.collection_ids = _ids(data.get("collection"), "Collection")
    filters.producer_ids = _ids(data.get("producer"), "Producer")
    if data.get("product_type"):
        filters.category_ids = _ids(data["product_type"], "ProductType")
    if data.get("slug"):
        slug = data["slug"]
        filters.slugs = [slug["eq"]] if slug.get("eq") else list(slug.get("one_of") or [])
    stars = data.get("ocop_stars")
    if stars:
        if stars.get("eq") is not None:
            filters.ocop_stars = [stars["eq"]]
        elif stars.get("one_of") is not None:
            filters.ocop_stars = list(stars["one_of"])
        elif stars.get("range"):
            filters.ocop_stars_range = (stars["range"].get("gte"), stars["range"].get("lte"))
    if data.get("province"):
        province = data["province"]
        names = [province["eq"]] if province.get("eq") else list(province.get("one_of") or [])
        filters.province_codes = _provinces(names)
    for key in ("price", "minimal_price"):
        price = data.get(key)
        if price:
            if price.get("eq") is not None:
                filters.price_range = (price["eq"], price["eq"])
            elif price.get("range"):
                filters.price_range = (price["range"].get("gte"), price["range"].get("lte"))
    if data.get("stock_availability"):
        filters.in_stock = _stock(data["stock_availability"])
    if data.get("is_available") is not None:
        filters.in_stock = bool(data["is_available"])
    filters.metadata = [(m["key"], m.get("value")) for m in data.get("metadata") or []]
    return filters


__all__ = [
    "IntRangeInput",
    "ProductFilterInput",
    "ProductOrder",
    "ProductOrderField",
    "ProductWhereInput",
    "filters_from_filter_input",
    "filters_from_where_input",
    "product_sort_keys",
]
