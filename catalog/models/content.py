"""Content pages and navigation menus (Saleor's ``page`` and ``menu``) for storefront chrome."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .fields import EditorJSField


class Page(models.Model):
    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    content = EditorJSField(default=dict, blank=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug", "pk"]

    def __str__(self) -> str:
        return self.title


class PageTranslation(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=8)
    title = models.CharField(max_length=250, blank=True)
    content = EditorJSField(default=dict, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language_code"], name="catalog_page_translation_unique"
            )
        ]


class Menu(models.Model):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class MenuItem(models.Model):
    """A link in a menu: to a category, collection, page or plain URL (exactly one)."""

    menu = models.ForeignKey(Menu, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    name = models.CharField(max_length=128)
    name_en = models.CharField(max_length=128, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    url = models.URLField(max_length=256, blank=True)
    category = models.ForeignKey(
        "catalog.Category", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    collection = models.ForeignKey(
        "catalog.Collection", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(url="", category__isnull=False, collection=None, page=None)
                    | Q(url="", category=None, collection__isnull=False, page=None)
                    | Q(url="", category=None, collection=None, page__isnull=False)
                    | (~Q(url="") & Q(category=None, collection=None, page=None))
                ),
                name="catalog_menuitem_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.name
