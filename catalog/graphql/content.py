"""Pages and menus, for the storefront's navigation and content pages."""

from __future__ import annotations

from typing import Any

import graphene
from graphene import relay

from shop.graphql.common import (
    LanguageCodeEnum,
    LanguageDisplay,
    MetadataResolvers,
    ObjectWithMetadata,
    language_base,
)
from shop.graphql.connection import CountableConnection

from .attributes import AssignedAttribute, SelectedAttribute


class PageType(MetadataResolvers, graphene.ObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)


_CONTENT_PAGE_TYPE = type(
    "ContentPageType",
    (),
    {"id": 1, "pk": 1, "name": "Nội dung", "slug": "noi-dung", "metadata": {}},
)()


class PageTranslation(graphene.ObjectType):
    language = graphene.Field(LanguageDisplay, required=True)
    title = graphene.String()
    slug = graphene.String()
    content = graphene.JSONString()
    seo_title = graphene.String()
    seo_description = graphene.String()

    class Meta:
        interfaces = (relay.Node,)


class Page(MetadataResolvers, graphene.ObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    title = graphene.String(required=True)
    content = graphene.JSONString()
    published_at = graphene.DateTime()
    is_published = graphene.Boolean(required=True)
    slug = graphene.String(required=True)
    page_type = graphene.Field(PageType, required=True)
    created = graphene.DateTime(required=True)
    attributes = graphene.List(graphene.NonNull(SelectedAttribute), required=True)
    assigned_attributes = graphene.List(
        graphene.NonNull(AssignedAttribute), required=True, limit=graphene.Int()
    )
    translation = graphene.Field(
        PageTranslation, language_code=graphene.Argument(LanguageCodeEnum, required=True)
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_page_type(root: Any, info: Any):
        return _CONTENT_PAGE_TYPE

    @staticmethod
    def resolve_created(root: Any, info: Any):
        return root.created_at

    @staticmethod
    def resolve_attributes(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_assigned_attributes(root: Any, info: Any, limit: int | None = None) -> list:
        return []

    @staticmethod
    def resolve_translation(root: Any, info: Any, language_code: Any):
        base = language_base(language_code)
        code = getattr(language_code, "value", language_code)
        row = next((t for t in root.translations.all() if t.language_code == base), None)
        if row is None and base != "vi":
            return None
        source = row or root
        return PageTranslation(
            id=f"PageTranslation:{root.pk}:{base}",
            language=LanguageDisplay.for_code(code),
            title=source.title or root.title,
            slug=root.slug,
            content=source.content,
            seo_title=source.seo_title,
            seo_description=source.seo_description,
        )


class PageCountableConnection(CountableConnection):
    class Meta:
        node = Page


class MenuItemTranslation(graphene.ObjectType):
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)

    class Meta:
        interfaces = (relay.Node,)


class MenuItem(MetadataResolvers, graphene.ObjectType):
    name = graphene.String(required=True)
    menu = graphene.Field(lambda: Menu, required=True)
    parent = graphene.Field(lambda: MenuItem)
    category = graphene.Field("catalog.graphql.types.Category")
    collection = graphene.Field("catalog.graphql.types.Collection")
    page = graphene.Field(Page)
    level = graphene.Int(required=True)
    children = graphene.List(graphene.NonNull(lambda: MenuItem))
    url = graphene.String()
    translation = graphene.Field(
        MenuItemTranslation, language_code=graphene.Argument(LanguageCodeEnum, required=True)
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_url(root: Any, info: Any) -> str | None:
        return root.url or None

    @staticmethod
    def resolve_level(root: Any, info: Any) -> int:
        return getattr(root, "_level", 0)

    @staticmethod
    def resolve_children(root: Any, info: Any) -> list:
        return getattr(root, "_children", [])

    @staticmethod
    def resolve_menu(root: Any, info: Any):
        return root._menu

    @staticmethod
    def resolve_translation(root: Any, info: Any, language_code: Any):
        code = getattr(language_code, "value", language_code)
        if language_base(language_code) == "en" and root.name_en:
            name = root.name_en
        elif language_base(language_code) == "vi":
            name = root.name
        else:
            return None
        return MenuItemTranslation(
            id=f"MenuItemTranslation:{root.pk}:{code}",
            language=LanguageDisplay.for_code(code),
            name=name,
        )


class Menu(MetadataResolvers, graphene.ObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    items = graphene.List(graphene.NonNull(MenuItem))

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_metadata(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_items(root: Any, info: Any) -> list:
        """Top-level items with their children linked in memory from one prefetched list."""
        items = list(root.all_items)
        by_parent: dict[int | None, list] = {}
        for item in items:
            item._menu = root
            by_parent.setdefault(item.parent_id, []).append(item)

        def link(item: Any, level: int) -> Any:
            item._level = level
            item._children = [link(child, level + 1) for child in by_parent.get(item.pk, [])]
            return item

        return [link(item, 0) for item in by_parent.get(None, [])]
