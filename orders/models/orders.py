"""Orders: what was bought, at what price, from which producer; allocations of stock;
fulfilments per producer; and the audit trail of events.

Order lines snapshot names, SKUs, prices and tax, so an order reads the same after the
catalogue changes.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class OrderStatus(models.TextChoices):
    """Saleor's order statuses."""

    DRAFT = "draft", _("Nháp")
    UNCONFIRMED = "unconfirmed", _("Chưa xác nhận")
    UNFULFILLED = "unfulfilled", _("Chờ giao")
    PARTIALLY_FULFILLED = "partially fulfilled", _("Đã giao một phần")
    FULFILLED = "fulfilled", _("Đã giao")
    PARTIALLY_RETURNED = "partially_returned", _("Trả một phần")
    RETURNED = "returned", _("Đã trả")
    CANCELED = "canceled", _("Đã hủy")
    EXPIRED = "expired", _("Hết hạn")


class OrderNumber(models.Model):
    """A sequence for human-readable order numbers (one insert per order, no locks)."""

    id = models.BigAutoField(primary_key=True)


class Order(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.PositiveBigIntegerField(unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status = models.CharField(
        max_length=32, choices=OrderStatus.choices, default=OrderStatus.UNFULFILLED, db_index=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orders",
    )
    user_email = models.EmailField(blank=True)
    channel = models.ForeignKey("catalog.Channel", on_delete=models.PROTECT, related_name="+")
    currency = models.CharField(max_length=3)
    language_code = models.CharField(max_length=8, default="vi")
    # The checkout this order came from: a repeated checkoutComplete finds the order here.
    checkout_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    shipping_address = models.ForeignKey(
        "accounts.Address", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    billing_address = models.ForeignKey(
        "accounts.Address", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    shipping_method = models.ForeignKey(
        "orders.ShippingMethod",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    shipping_method_name = models.CharField(max_length=255, blank=True)
    shipping_price_net_amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    shipping_price_gross_amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    subtotal_net_amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    subtotal_gross_amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    total_net_amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    total_gross_amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    customer_note = models.TextField(blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("đơn hàng")
        verbose_name_plural = _("đơn hàng")
        constraints = [
            models.CheckConstraint(
                condition=Q(total_gross_amount__gte=0)
                & Q(subtotal_gross_amount__gte=0)
                & Q(shipping_price_gross_amount__gte=0),
                name="orders_order_amounts_non_negative",
            ),
            models.CheckConstraint(
                condition=Q(
                    total_gross_amount=F("subtotal_gross_amount") + F("shipping_price_gross_amount")
                ),
                name="orders_order_total_is_subtotal_plus_shipping",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.number}"


class OrderLine(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(
        "catalog.ProductVariant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="order_lines",
    )
    producer = models.ForeignKey(
        "catalog.Producer", on_delete=models.PROTECT, related_name="order_lines"
    )
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, blank=True)
    translated_product_name = models.CharField(max_length=386, blank=True)
    translated_variant_name = models.CharField(max_length=255, blank=True)
    product_sku = models.CharField(max_length=255)
    product_id_snapshot = models.BigIntegerField(null=True, blank=True)
    is_shipping_required = models.BooleanField(default=True)
    quantity = models.PositiveIntegerField()
    quantity_fulfilled = models.PositiveIntegerField(default=0)
    currency = models.CharField(max_length=3)
    unit_price_net_amount = models.DecimalField(max_digits=14, decimal_places=2)
    unit_price_gross_amount = models.DecimalField(max_digits=14, decimal_places=2)
    total_price_net_amount = models.DecimalField(max_digits=14, decimal_places=2)
    total_price_gross_amount = models.DecimalField(max_digits=14, decimal_places=2)
    tax_rate = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    weight_grams = models.PositiveIntegerField(default=0)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="orders_orderline_qty_gt_0"),
            models.CheckConstraint(
                condition=Q(quantity_fulfilled__lte=F("quantity")),
                name="orders_orderline_fulfilled_lte_quantity",
            ),
            models.CheckConstraint(
                condition=Q(unit_price_gross_amount__gte=0), name="orders_orderline_price_gte_0"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.product_sku}"

    @property
    def quantity_unfulfilled(self) -> int:
        return self.quantity - self.quantity_fulfilled


class Allocation(models.Model):
    """Units of a stock row promised to an order line until fulfilled or cancelled."""

    order_line = models.ForeignKey(OrderLine, on_delete=models.CASCADE, related_name="allocations")
    stock = models.ForeignKey("catalog.Stock", on_delete=models.CASCADE, related_name="allocations")
    quantity_allocated = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["order_line", "stock"], name="orders_allocation_one_per_stock"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quantity_allocated} of stock {self.stock_id}"


class OrderDeliveryParcel(models.Model):
    """One producer's parcel of an order and its delivery price (one parcel per producer)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="parcels")
    producer = models.ForeignKey("catalog.Producer", on_delete=models.PROTECT, related_name="+")
    weight_grams = models.PositiveIntegerField()
    chargeable_weight_grams = models.PositiveIntegerField()
    price_amount = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["order", "producer"], name="orders_parcel_unique"),
            models.CheckConstraint(condition=Q(price_amount__gte=0), name="orders_parcel_price"),
        ]


class FulfillmentStatus(models.TextChoices):
    FULFILLED = "fulfilled", _("Đã gửi")
    CANCELED = "canceled", _("Đã hủy")


class Fulfillment(models.Model):
    """A shipment by one producer of (part of) its lines, with a tracking number."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="fulfillments")
    producer = models.ForeignKey("catalog.Producer", on_delete=models.PROTECT, related_name="+")
    fulfillment_order = models.PositiveIntegerField()
    status = models.CharField(
        max_length=32, choices=FulfillmentStatus.choices, default=FulfillmentStatus.FULFILLED
    )
    tracking_number = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "fulfillment_order"], name="orders_fulfillment_order_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}-{self.fulfillment_order}"


class FulfillmentLine(models.Model):
    fulfillment = models.ForeignKey(Fulfillment, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(OrderLine, on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField()
    stock = models.ForeignKey(
        "catalog.Stock", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="orders_fulfillmentline_qty")
        ]


class OrderEventType(models.TextChoices):
    """A subset of Saleor's OrderEventsEnum (values are Saleor's, lower-cased)."""

    PLACED = "placed", _("Đặt hàng")
    CONFIRMED = "confirmed", _("Xác nhận")
    EMAIL_SENT = "email_sent", _("Đã gửi email")
    FULFILLMENT_FULFILLED_ITEMS = "fulfillment_fulfilled_items", _("Đã gửi hàng")
    TRACKING_UPDATED = "tracking_updated", _("Cập nhật mã vận đơn")
    CANCELED = "canceled", _("Hủy đơn")
    ORDER_FULLY_PAID = "order_fully_paid", _("Đã thanh toán đủ")
    ORDER_MARKED_AS_PAID = "order_marked_as_paid", _("Đánh dấu đã thanh toán")
    PAYMENT_REFUNDED = "payment_refunded", _("Hoàn tiền")
    NOTE_ADDED = "note_added", _("Ghi chú")
    OTHER = "other", _("Khác")


class OrderEvent(models.Model):
    """The audit trail: who did what to an order, when."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    date = models.DateTimeField(auto_now_add=True, db_index=True)
    type = models.CharField(max_length=64, choices=OrderEventType.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.order}: {self.type}"
