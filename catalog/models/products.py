"""Categories (OCOP groups), products, variants, media, collections and stored thumbnails."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .fields import EditorJSField, PhotoField


class Category(models.Model):
    """A node of the OCOP group tree: level 0 = the 6 groups of Decision 148, level 1 = sub-groups."""

    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = EditorJSField(default=dict, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    level = models.PositiveSmallIntegerField(default=0, editable=False)
    ocop_group = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("OCOP group number (1–6) of the top-level ancestor.")
    )
    sort_order = models.PositiveIntegerField(default=0)
    background_image = PhotoField(upload_to="categories/", null=True, blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["level", "sort_order", "pk"]
        verbose_name = _("nhóm sản phẩm")
        verbose_name_plural = _("nhóm sản phẩm")
        constraints = [
            models.CheckConstraint(
                condition=Q(ocop_group__isnull=True) | Q(ocop_group__gte=1, ocop_group__lte=6),
                name="catalog_category_ocop_group_1_to_6",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="catalog_category_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:  # level is derived data, kept in step here
        self.level = (self.parent.level + 1) if self.parent_id else 0
        super().save(*args, **kwargs)


class CategoryTranslation(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=250, blank=True)
    description = EditorJSField(default=dict, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "language_code"], name="catalog_category_translation_unique"
            )
        ]


class Product(models.Model):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = EditorJSField(default=dict, blank=True)
    description_plaintext = models.TextField(blank=True, default="")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    producer = models.ForeignKey(
        "catalog.Producer", on_delete=models.PROTECT, related_name="products"
    )
    # The certificate behind the badge. Maintained by certificate services; visibility still
    # checks the certificate's own status and dates, so a stale pointer can only hide, never show.
    current_certificate = models.ForeignKey(
        "catalog.Certificate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    tax_rate = models.DecimalField(
        _("VAT %"), max_digits=5, decimal_places=2, default=0, help_text=_("Prices include VAT.")
    )
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    # Folded (accent-free, lower-case) name, producer, category, SKUs and places: the search index.
    search_document = models.TextField(editable=False, blank=True, default="")
    name_folded = models.CharField(max_length=250, editable=False, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("sản phẩm")
        verbose_name_plural = _("sản phẩm")
        constraints = [
            models.CheckConstraint(
                condition=Q(tax_rate__gte=0, tax_rate__lte=100), name="catalog_product_tax_rate"
            ),
        ]
        indexes = [
            models.Index(fields=["name", "id"], name="catalog_product_name_id"),
        ]

    def __str__(self) -> str:
        return self.name


class ProductTranslation(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=250, blank=True)
    description = EditorJSField(default=dict, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product", "language_code"], name="catalog_product_translation_unique"
            )
        ]


class ProductVariant(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=255, help_text=_("Quy cách, ví dụ 250g"))
    weight_grams = models.PositiveIntegerField(_("khối lượng (g)"))
    length_mm = models.PositiveIntegerField(null=True, blank=True)
    width_mm = models.PositiveIntegerField(null=True, blank=True)
    height_mm = models.PositiveIntegerField(null=True, blank=True)
    is_fragile = models.BooleanField(_("dễ vỡ"), default=False)
    is_perishable = models.BooleanField(_("dễ hỏng"), default=False)
    track_inventory = models.BooleanField(default=True)
    quantity_limit_per_customer = models.PositiveIntegerField(null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("biến thể")
        verbose_name_plural = _("biến thể")
        constraints = [
            models.CheckConstraint(condition=Q(weight_grams__gt=0), name="catalog_variant_weight"),
            models.CheckConstraint(condition=~Q(sku=""), name="catalog_variant_sku_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.product.name} – {self.name}" if self.product_id else self.name


class ProductVariantTranslation(models.Model):
    variant = models.ForeignKey(
        ProductVariant, on_delete=models.CASCADE, related_name="translations"
    )
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["variant", "language_code"], name="catalog_variant_translation_unique"
            )
        ]


class ProductMedia(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="media")
    image = PhotoField(upload_to="products/", max_length=255)
    alt = models.CharField(max_length=250, blank=True)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sort_order", "pk"]


class Collection(models.Model):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    description = EditorJSField(default=dict, blank=True)
    background_image = PhotoField(upload_to="collections/", null=True, blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    products = models.ManyToManyField(
        Product, through="CollectionProduct", related_name="collections", blank=True
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class CollectionProduct(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="+")
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "product"], name="catalog_collection_product_unique"
            )
        ]


class CollectionTranslation(models.Model):
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="translations"
    )
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=250, blank=True)
    description = EditorJSField(default=dict, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "language_code"],
                name="catalog_collection_translation_unique",
            )
        ]


class Thumbnail(models.Model):
    """A resized copy of an image, made once (Pillow) and kept on the default storage.

    Exactly one source is set: a product media, a category/collection background or a
    producer logo/photo.
    """

    class Format(models.TextChoices):
        ORIGINAL = "ORIGINAL", "original"
        WEBP = "WEBP", "webp"
        AVIF = "AVIF", "avif"

    image = models.ImageField(upload_to="thumbnails/", max_length=255)
    size = models.PositiveIntegerField()
    format = models.CharField(max_length=16, choices=Format.choices, default=Format.ORIGINAL)
    product_media = models.ForeignKey(
        ProductMedia, on_delete=models.CASCADE, null=True, blank=True, related_name="thumbnails"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="thumbnails"
    )
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, null=True, blank=True, related_name="thumbnails"
    )
    producer = models.ForeignKey(
        "catalog.Producer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="logo_thumbnails",
    )
    producer_media = models.ForeignKey(
        "catalog.ProducerMedia",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="thumbnails",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        product_media__isnull=False,
                        category=None,
                        collection=None,
                        producer=None,
                        producer_media=None,
                    )
                    | Q(
                        product_media=None,
                        category__isnull=False,
                        collection=None,
                        producer=None,
                        producer_media=None,
                    )
                    | Q(
                        product_media=None,
                        category=None,
                        collection__isnull=False,
                        producer=None,
                        producer_media=None,
                    )
                    | Q(
                        product_media=None,
                        category=None,
                        collection=None,
                        producer__isnull=False,
                        producer_media=None,
                    )
                    | Q(
                        product_media=None,
                        category=None,
                        collection=None,
                        producer=None,
                        producer_media__isnull=False,
                    )
                ),
                name="catalog_thumbnail_one_source",
            ),
            models.UniqueConstraint(
                fields=["product_media", "size", "format"],
                condition=Q(product_media__isnull=False),
                name="catalog_thumbnail_media_unique",
            ),
            models.UniqueConstraint(
                fields=["category", "size", "format"],
                condition=Q(category__isnull=False),
                name="catalog_thumbnail_category_unique",
            ),
            models.UniqueConstraint(
                fields=["collection", "size", "format"],
                condition=Q(collection__isnull=False),
                name="catalog_thumbnail_collection_unique",
            ),
            models.UniqueConstraint(
                fields=["producer", "size", "format"],
                condition=Q(producer__isnull=False),
                name="catalog_thumbnail_producer_unique",
            ),
            models.UniqueConstraint(
                fields=["producer_media", "size", "format"],
                condition=Q(producer_media__isnull=False),
                name="catalog_thumbnail_producer_media_unique",
            ),
        ]
