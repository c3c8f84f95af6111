"""Loads the DEMO DATA storefront chrome: collections (with channel listings, products and
English translations), content pages and the ``navbar`` / ``footer`` menus. Idempotent like
``catalog.demo.loader``: rows are keyed on slugs (menu items on menu, parent and name)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile

from catalog.models import (
    Category,
    Channel,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
    Menu,
    MenuItem,
    Page,
    PageTranslation,
    Product,
)
from shop.editorjs import plain_text, sanitise_document

from . import DEMO_NOTE_EN, DEMO_NOTE_VI, images
from .content import COLLECTIONS, MENUS, PAGES
from .documents import editorjs_document
from .products import PRODUCTS

if TYPE_CHECKING:
    from .loader import DemoSummary


class StorefrontContent:
    """Pages first (menus link to them), then collections, then menus. Counts what it creates
    on ``summary``."""

    def __init__(self, *, channel: Channel, now: datetime.datetime, summary: DemoSummary) -> None:
        self.channel, self.now, self.summary = channel, now, summary

    def load(self) -> None:
        for data in PAGES:
            self._page(data)
        for data in COLLECTIONS:
            self._collection(data)
        for data in MENUS:
            self._menu(data)

    def _collection(self, data: dict[str, Any]) -> None:
        description = editorjs_document(
            [("p", data["description"])], key=data["slug"], note=DEMO_NOTE_VI
        )
        collection, created = Collection.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "description": sanitise_document(description),
                "seo_title": data["name"][:70],
                "seo_description": data["description"][:300],
                "metadata": {"demo": True},
            },
        )
        self.summary.collections += created
        if not collection.background_image:
            banner = images.banner_image(title=data["name"], colour=data["colour"])
            collection.background_image = ContentFile(banner, name=f"{data['slug']}.jpg")
            collection.background_image_alt = f"{data['name']} (ảnh minh họa)"[:128]
            collection.save(update_fields=["background_image", "background_image_alt"])
        CollectionChannelListing.objects.get_or_create(
            collection=collection,
            channel=self.channel,
            defaults={"is_published": True, "published_at": self.now},
        )
        if not CollectionTranslation.objects.filter(
            collection=collection, language_code="en"
        ).exists():
            description_en = editorjs_document(
                [("p", data["description_en"])], key=f"{data['slug']}-en", note=DEMO_NOTE_EN
            )
            CollectionTranslation.objects.create(
                collection=collection,
                language_code="en",
                name=data["name_en"],
                description=sanitise_document(description_en),
                seo_title=data["name_en"][:70],
                seo_description=data["description_en"][:300],
            )
        slugs = _collection_slugs(data)
        products = Product.objects.filter(slug__in=slugs).in_bulk(field_name="slug")
        present = set(
            CollectionProduct.objects.filter(collection=collection).values_list(
                "product_id", flat=True
            )
        )
        for order, slug in enumerate(slugs):
            product = products.get(slug)
            if product is not None and product.pk not in present:
                CollectionProduct.objects.create(
                    collection=collection, product=product, sort_order=order
                )

    def _page(self, data: dict[str, Any]) -> None:
        content = sanitise_document(
            editorjs_document(data["blocks"], key=data["slug"], note=DEMO_NOTE_VI)
        )
        page, created = Page.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "content": content,
                "is_published": True,
                "published_at": self.now,
                "seo_title": data["title"][:70],
                "seo_description": plain_text(content)[:300],
                "metadata": {"demo": True},
            },
        )
        self.summary.pages += created
        if not PageTranslation.objects.filter(page=page, language_code="en").exists():
            content_en = sanitise_document(
                editorjs_document(data["blocks_en"], key=f"{data['slug']}-en", note=DEMO_NOTE_EN)
            )
            PageTranslation.objects.create(
                page=page,
                language_code="en",
                title=data["title_en"],
                content=content_en,
                seo_title=data["title_en"][:70],
                seo_description=plain_text(content_en)[:300],
            )

    def _menu(self, data: dict[str, Any]) -> None:
        menu, _created = Menu.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"]}
        )
        for order, (name, name_en, target, children) in enumerate(data["items"]):
            parent = self._menu_item(menu, None, name, name_en, target, order)
            for child_order, (child, child_en, child_target) in enumerate(children):
                self._menu_item(menu, parent, child, child_en, child_target, child_order)

    def _menu_item(
        self,
        menu: Menu,
        parent: MenuItem | None,
        name: str,
        name_en: str,
        target: tuple[str, str],
        order: int,
    ) -> MenuItem:
        item = MenuItem.objects.filter(menu=menu, parent=parent, name=name).first()
        if item is not None:
            return item
        kind, slug = target
        model = {"category": Category, "collection": Collection, "page": Page}[kind]
        self.summary.menu_items += 1
        return MenuItem.objects.create(
            menu=menu,
            parent=parent,
            name=name,
            name_en=name_en,
            sort_order=order,
            **{kind: model.objects.get(slug=slug)},
        )


def _collection_slugs(data: dict[str, Any]) -> list[str]:
    """The demo product slugs a collection holds, by its rule."""
    rule = data["rule"]
    if rule == "slugs":
        return list(data["slugs"])
    if rule == "category":
        return [p["slug"] for p in PRODUCTS if p["category"] == data["category"]]
    if rule == "stars":
        return [p["slug"] for p in PRODUCTS if p["stars"] == data["stars"]]
    if rule == "slug_contains":
        return [p["slug"] for p in PRODUCTS if data["contains"] in p["slug"]]
    raise ValueError(f"unknown collection rule {rule!r}")
