"""Catalogue queries: arguments in, selector calls, Saleor-shaped connections out."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import QuerySet
from graphql import GraphQLError

from catalog import selectors
from catalog.models import Category as CategoryModel
from catalog.models import Channel as ChannelModel
from catalog.models import Producer as ProducerModel
from catalog.models import ProductVariant as VariantModel
from shop.graphql.common import ChannelContext, LanguageCodeEnum
from shop.graphql.connection import SortKey, connection_args, paginate
from shop.graphql.ids import global_id_decode_int, global_ids_decode
from shop.graphql.selection import selected_paths

from . import types
from .content import Menu, Page, PageCountableConnection
from .filters import (
    ProductFilterInput,
    ProductOrder,
    ProductWhereInput,
    filters_from_filter_input,
    filters_from_where_input,
    product_sort_keys,
)
from .ocop import Producer

_NAME_KEYS = [SortKey("name", False, str), SortKey("pk", False, int)]


def channel_or_error(info: Any, slug: str | None) -> ChannelModel:
    """Resolve the channel once per request; an unknown slug is an error, not empty data."""
    cache = info.context.__dict__.setdefault("_channels", {})
    if slug not in cache:
        channel = selectors.channel_get(slug=slug)
        if channel is None:
            if slug:
                raise GraphQLError(
                    f"Channel with '{slug}' slug does not exist.",
                    extensions={"exception": {"code": "NOT_FOUND"}},
                )
            raise GraphQLError("More than one channel exists. Specify which channel to use.")
        cache[slug] = channel
    return cache[slug]


def _apply_where(queryset: QuerySet, where: Any) -> QuerySet:
    from django.db.models import Q

    queryset = selectors.product_filter(queryset, filters_from_where_input(where))
    for branch in where.get("AND") or []:
        queryset = _apply_where(queryset, branch)
    if where.get("OR"):
        condition = Q()
        for branch in where["OR"]:
            condition |= Q(pk__in=_apply_where(queryset, branch).values("pk"))
        queryset = queryset.filter(condition)
    return queryset


def product_connection(
    info: Any,
    *,
    channel: ChannelModel,
    base: QuerySet | None = None,
    filter: Any = None,
    where: Any = None,
    search: str | None = None,
    sort_by: Any = None,
    field_name: str = "products",
    **page: Any,
):
    """The one place product lists are built, for ``products`` and nested ``products``."""
    if filter and where:
        raise GraphQLError("Only one filtering argument (filter or where) can be specified.")
    queryset = base if base is not None else selectors.products_visible(channel=channel)
    filters = filters_from_filter_input(filter)
    if search is not None:
        from .filters import _check_search

        filters.search = _check_search(search) or filters.search
    queryset = selectors.product_filter(queryset, filters)
    if where:
        queryset = _apply_where(queryset, where)
    keys = product_sort_keys(sort_by, searching=bool(filters.search))
    return paginate(
        selectors.product_prefetch(queryset, channel=channel, paths=selected_paths(info)),
        keys=keys,
        field_name=field_name,
        info=info,
        count_queryset=queryset,
        count=selectors.catalogue_count,
        wrap=lambda product: ChannelContext(product, channel),
        **page,
    )


def _product_list_args() -> dict:
    return {
        "filter": graphene.Argument(
            ProductFilterInput, description="Filtering options for products."
        ),
        "where": graphene.Argument(ProductWhereInput, description="Where filtering options."),
        "search": graphene.String(description="Search products (accent-insensitive)."),
        "sort_by": graphene.Argument(ProductOrder, description="Sort products."),
        **connection_args(),
    }


class CatalogQueries(graphene.ObjectType):
    products = graphene.Field(
        types.ProductCountableConnection,
        channel=graphene.String(
            description="Slug of a channel for which the data should be returned."
        ),
        **_product_list_args(),
        description="List of the shop's certified products.",
    )
    product = graphene.Field(
        types.Product,
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument(LanguageCodeEnum),
        external_reference=graphene.String(),
        channel=graphene.String(),
        description="Look up a product by ID or slug.",
    )
    product_variant = graphene.Field(
        types.ProductVariant,
        id=graphene.ID(),
        sku=graphene.String(),
        external_reference=graphene.String(),
        channel=graphene.String(),
    )
    product_variants = graphene.Field(
        types.ProductVariantCountableConnection,
        ids=graphene.List(graphene.NonNull(graphene.ID)),
        channel=graphene.String(),
        **connection_args(),
    )
    categories = graphene.Field(
        types.CategoryCountableConnection,
        level=graphene.Int(),
        filter=graphene.Argument(
            type(
                "CategoryFilterInput",
                (graphene.InputObjectType,),
                {
                    "search": graphene.String(),
                    "ids": graphene.List(graphene.NonNull(graphene.ID)),
                    "slugs": graphene.List(graphene.NonNull(graphene.String)),
                },
            )
        ),
        **connection_args(),
    )
    category = graphene.Field(
        types.Category,
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument(LanguageCodeEnum),
    )
    collections = graphene.Field(
        types.CollectionCountableConnection, channel=graphene.String(), **connection_args()
    )
    collection = graphene.Field(
        types.Collection,
        id=graphene.ID(),
        slug=graphene.String(),
        slug_language_code=graphene.Argument(LanguageCodeEnum),
        channel=graphene.String(),
    )
    channels = graphene.List(graphene.NonNull(types.Channel))
    channel = graphene.Field(types.Channel, id=graphene.ID(), slug=graphene.String())
    producers = graphene.Field(
        types.ProducerCountableConnection,
        search=graphene.String(),
        province=graphene.String(description="Province code or name."),
        **connection_args(),
        description="OCOP producers (chủ thể OCOP).",
    )
    producer = graphene.Field(Producer, id=graphene.ID(), slug=graphene.String())
    menu = graphene.Field(
        Menu,
        channel=graphene.String(),
        id=graphene.ID(),
        name=graphene.String(),
        slug=graphene.String(),
    )
    page = graphene.Field(Page, id=graphene.ID(), slug=graphene.String())
    pages = graphene.Field(PageCountableConnection, **connection_args())

    @staticmethod
    def resolve_products(root: Any, info: Any, channel: str | None = None, **kwargs: Any):
        return product_connection(info, channel=channel_or_error(info, channel), **kwargs)

    @staticmethod
    def resolve_product(
        root: Any,
        info: Any,
        id: str | None = None,
        slug: str | None = None,
        channel: str | None = None,
        **_: Any,
    ):
        channel_obj = channel_or_error(info, channel)
        if bool(id) == bool(slug):
            raise GraphQLError("Argument 'id' or 'slug' is required, not both.")
        queryset = selectors.products_visible(channel=channel_obj)
        if id:
            queryset = queryset.filter(pk=global_id_decode_int(id, only_type="Product"))
        else:
            queryset = queryset.filter(slug=slug)
        paths = selected_paths(info)
        product = selectors.product_prefetch(queryset, channel=channel_obj, paths=paths).first()
        return ChannelContext(product, channel_obj) if product else None

    @staticmethod
    def resolve_product_variant(
        root: Any,
        info: Any,
        id: str | None = None,
        sku: str | None = None,
        channel: str | None = None,
        **_: Any,
    ):
        channel_obj = channel_or_error(info, channel)
        if bool(id) == bool(sku):
            raise GraphQLError("Argument 'id' or 'sku' is required, not both.")
        queryset = selectors.variants_visible(channel=channel_obj)
        if id:
            queryset = queryset.filter(pk=global_id_decode_int(id, only_type="ProductVariant"))
        else:
            queryset = queryset.filter(sku=sku)
        variant = selectors.variant_prefetch(
            queryset, channel=channel_obj, paths=selected_paths(info)
        ).first()
        return ChannelContext(variant, channel_obj) if variant else None

    @staticmethod
    def resolve_product_variants(
        root: Any, info: Any, ids: list[str] | None = None, channel: str | None = None, **page: Any
    ):
        channel_obj = channel_or_error(info, channel)
        queryset = selectors.variants_visible(channel=channel_obj)
        if ids is not None:
            queryset = queryset.filter(pk__in=global_ids_decode(ids, only_type="ProductVariant"))
        return paginate(
            selectors.variant_prefetch(queryset, channel=channel_obj, paths=selected_paths(info)),
            keys=[SortKey("pk", False, int)],
            field_name="productVariants",
            info=info,
            wrap=lambda v: ChannelContext(v, channel_obj),
            **page,
        )

    @staticmethod
    def resolve_categories(
        root: Any, info: Any, level: int | None = None, filter: Any = None, **page: Any
    ):
        queryset = selectors.categories_all()
        if level is not None:
            queryset = queryset.filter(level=level)
        if filter:
            if filter.get("ids") is not None:
                queryset = queryset.filter(
                    pk__in=global_ids_decode(filter["ids"], only_type="Category")
                )
            if filter.get("slugs") is not None:
                queryset = queryset.filter(slug__in=filter["slugs"])
            if filter.get("search"):
                queryset = queryset.filter(name__icontains=filter["search"][:100])
        return paginate(queryset, keys=_NAME_KEYS, field_name="categories", info=info, **page)

    @staticmethod
    def resolve_category(
        root: Any, info: Any, id: str | None = None, slug: str | None = None, **_: Any
    ):
        queryset = selectors.categories_all()
        if id:
            return queryset.filter(pk=global_id_decode_int(id, only_type="Category")).first()
        if slug:
            return queryset.filter(slug=slug).first()
        raise GraphQLError("Argument 'id' or 'slug' is required.")

    @staticmethod
    def resolve_collections(root: Any, info: Any, channel: str | None = None, **page: Any):
        channel_obj = channel_or_error(info, channel)
        return paginate(
            selectors.collections_visible(channel=channel_obj),
            keys=_NAME_KEYS,
            field_name="collections",
            info=info,
            wrap=lambda c: ChannelContext(c, channel_obj),
            **page,
        )

    @staticmethod
    def resolve_collection(
        root: Any,
        info: Any,
        id: str | None = None,
        slug: str | None = None,
        channel: str | None = None,
        **_: Any,
    ):
        channel_obj = channel_or_error(info, channel)
        queryset = selectors.collections_visible(channel=channel_obj)
        if id:
            queryset = queryset.filter(pk=global_id_decode_int(id, only_type="Collection"))
        elif slug:
            queryset = queryset.filter(slug=slug)
        else:
            raise GraphQLError("Argument 'id' or 'slug' is required.")
        collection = queryset.first()
        return ChannelContext(collection, channel_obj) if collection else None

    @staticmethod
    def resolve_channels(root: Any, info: Any):
        return list(ChannelModel.objects.filter(is_active=True))

    @staticmethod
    def resolve_channel(root: Any, info: Any, id: str | None = None, slug: str | None = None):
        if id:
            return ChannelModel.objects.filter(
                pk=global_id_decode_int(id, only_type="Channel")
            ).first()
        if slug:
            return ChannelModel.objects.filter(slug=slug).first()
        raise GraphQLError("Argument 'id' or 'slug' is required.")

    @staticmethod
    def resolve_producers(
        root: Any, info: Any, search: str | None = None, province: str | None = None, **page: Any
    ):
        from .filters import _check_search, _provinces

        queryset = selectors.producers_active()
        search = _check_search(search)
        if search:
            from shop.text import search_terms

            for term in search_terms(search):
                queryset = queryset.filter(search_document__contains=term)
        if province:
            queryset = queryset.filter(province_id__in=_provinces([province]))
        return paginate(queryset, keys=_NAME_KEYS, field_name="producers", info=info, **page)

    @staticmethod
    def resolve_producer(root: Any, info: Any, id: str | None = None, slug: str | None = None):
        queryset = selectors.producers_active()
        if id:
            return queryset.filter(pk=global_id_decode_int(id, only_type="Producer")).first()
        if slug:
            return queryset.filter(slug=slug).first()
        raise GraphQLError("Argument 'id' or 'slug' is required.")

    @staticmethod
    def resolve_menu(
        root: Any,
        info: Any,
        channel: str | None = None,
        id: str | None = None,
        name: str | None = None,
        slug: str | None = None,
    ):
        pk = global_id_decode_int(id, only_type="Menu") if id else None
        return selectors.menu_get(slug=slug, name=name, pk=pk)

    @staticmethod
    def resolve_page(root: Any, info: Any, id: str | None = None, slug: str | None = None):
        queryset = selectors.pages_published()
        if id:
            return queryset.filter(pk=global_id_decode_int(id, only_type="Page")).first()
        if slug:
            return queryset.filter(slug=slug).first()
        raise GraphQLError("Argument 'id' or 'slug' is required.")

    @staticmethod
    def resolve_pages(root: Any, info: Any, **page: Any):
        return paginate(
            selectors.pages_published(),
            keys=[SortKey("slug", False, str), SortKey("pk", False, int)],
            field_name="pages",
            info=info,
            **page,
        )


def nested_products(root_filter: str):
    """Resolver for ``Category.products`` / ``Collection.products`` / ``Producer.products``."""

    def resolve(root: Any, info: Any, channel: str | None = None, **kwargs: Any):
        node = root.node if isinstance(root, ChannelContext) else root
        channel_obj = (
            root.channel if isinstance(root, ChannelContext) and root.channel else None
        ) or channel_or_error(info, channel)
        base = selectors.products_visible(channel=channel_obj)
        if root_filter == "category":
            children = CategoryModel.objects.filter(parent=node).values("pk")
            from django.db.models import Q

            base = base.filter(Q(category=node) | Q(category__in=children))
        elif root_filter == "collection":
            base = base.filter(collections=node)
        elif root_filter == "producer":
            base = base.filter(producer=node)
        return product_connection(info, channel=channel_obj, base=base, **kwargs)

    return resolve


types.attach_nested_fields()

__all__ = ["CatalogQueries", "ProducerModel", "VariantModel", "nested_products"]
