"""The checkout (cart) and its stock reservations.

A checkout and its lines have UUID keys (unguessable: the ID is the buyer's only claim on an
anonymous cart). Reservations hold units for a signed-in buyer who has reached delivery/payment,
so two buyers racing for the last units are told early, not at the end (the policy is in
``orders.checkout._hold_stock``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Checkout(models.Model):
    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checkouts",
    )
    email = models.EmailField(blank=True)
    channel = models.ForeignKey("catalog.Channel", on_delete=models.PROTECT, related_name="+")
    currency = models.CharField(max_length=3)
    language_code = models.CharField(max_length=8, default="vi")
    shipping_address = models.ForeignKey(
        "accounts.Address", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    billing_address = models.ForeignKey(
        "accounts.Address", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    shipping_method = models.ForeignKey(
        "orders.ShippingMethod",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    customer_note = models.TextField(blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    # When the checkout first held stock: renewed holds never outlive it by more than
    # CHECKOUT_RESERVATION_MAX_MINUTES (orders.availability._hold_until).
    reserved_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "token"]
        verbose_name = _("giỏ hàng")
        verbose_name_plural = _("giỏ hàng")

    def __str__(self) -> str:
        return str(self.token)

    @property
    def pk_str(self) -> str:
        return str(self.token)


class CheckoutLine(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(
        "catalog.ProductVariant", on_delete=models.CASCADE, related_name="checkout_lines"
    )
    quantity = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="orders_checkoutline_qty_gt_0"
            ),
            models.UniqueConstraint(
                fields=["checkout", "variant"], name="orders_checkoutline_one_per_variant"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant_id}"


class Reservation(models.Model):
    """Units of a variant held for one checkout line until ``reserved_until``."""

    checkout_line = models.OneToOneField(
        CheckoutLine, on_delete=models.CASCADE, related_name="reservation"
    )
    variant = models.ForeignKey(
        "catalog.ProductVariant", on_delete=models.CASCADE, related_name="reservations"
    )
    quantity = models.PositiveIntegerField()
    reserved_until = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="orders_reservation_qty_gt_0")
        ]
        indexes = [models.Index(fields=["variant", "reserved_until"])]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant_id} until {self.reserved_until:%H:%M}"
