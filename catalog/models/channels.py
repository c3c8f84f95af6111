"""Sales channels and what is listed, published and priced in each.

The storefront channel is ``default-channel`` (VND, VN). External marketplaces are channels too.
Prices are VAT-inclusive amounts in the channel's currency; for VND whole đồng.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Channel(models.Model):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    currency_code = models.CharField(max_length=3, default="VND")
    default_country = models.CharField(max_length=2, default="VN")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("kênh bán")
        verbose_name_plural = _("kênh bán")
        constraints = [
            models.CheckConstraint(
                condition=Q(currency_code__regex=r"^[A-Z]{3}$"), name="catalog_channel_currency"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProductChannelListing(models.Model):
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, related_name="channel_listings"
    )
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="product_listings")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    visible_in_listings = models.BooleanField(default=True)
    available_for_purchase_at = models.DateTimeField(null=True, blank=True)
    # Lowest variant price in this channel, kept by the pricing service: lets price sorting and
    # filtering use one indexed column instead of an aggregate over variants.
    min_price_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product", "channel"], name="catalog_product_listing_unique"
            ),
            models.CheckConstraint(
                condition=Q(min_price_amount__isnull=True) | Q(min_price_amount__gte=0),
                name="catalog_product_listing_price_non_negative",
            ),
        ]
        indexes = [models.Index(fields=["channel", "is_published", "product"])]


class VariantChannelListing(models.Model):
    variant = models.ForeignKey(
        "catalog.ProductVariant", on_delete=models.CASCADE, related_name="channel_listings"
    )
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="variant_listings")
    currency = models.CharField(max_length=3)
    price_amount = models.DecimalField(max_digits=14, decimal_places=2)
    cost_price_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["variant", "channel"], name="catalog_variant_listing_unique"
            ),
            models.CheckConstraint(
                condition=Q(price_amount__gte=0), name="catalog_variant_listing_price_non_negative"
            ),
        ]


class CollectionChannelListing(models.Model):
    collection = models.ForeignKey(
        "catalog.Collection", on_delete=models.CASCADE, related_name="channel_listings"
    )
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="+")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "channel"], name="catalog_collection_listing_unique"
            )
        ]
