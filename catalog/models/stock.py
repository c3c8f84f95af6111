"""Warehouses and stock. The database enforces 0 ≤ allocated ≤ quantity."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Warehouse(models.Model):
    """Where stock sits; by default one per producer (its own store room)."""

    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    producer = models.ForeignKey(
        "catalog.Producer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="warehouses",
    )
    province = models.ForeignKey("shop.Province", on_delete=models.PROTECT, related_name="+")
    ward = models.ForeignKey("shop.Ward", on_delete=models.PROTECT, related_name="+")
    street_address = models.CharField(max_length=255, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("kho")
        verbose_name_plural = _("kho")

    def __str__(self) -> str:
        return self.name


class Stock(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, related_name="stocks")
    variant = models.ForeignKey(
        "catalog.ProductVariant", on_delete=models.CASCADE, related_name="stocks"
    )
    quantity = models.IntegerField(default=0)
    quantity_allocated = models.IntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["warehouse", "variant"], name="catalog_stock_unique"),
            models.CheckConstraint(
                condition=Q(quantity__gte=0), name="catalog_stock_quantity_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(quantity_allocated__gte=0), name="catalog_stock_allocated_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(quantity_allocated__lte=F("quantity")),
                name="catalog_stock_allocated_lte_quantity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.variant_id}@{self.warehouse_id}: {self.quantity} ({self.quantity_allocated})"

    @property
    def quantity_available(self) -> int:
        return self.quantity - self.quantity_allocated
