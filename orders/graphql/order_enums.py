"""Saleor's order enums (statuses, events, actions, payment and discount kinds)."""

from __future__ import annotations

import graphene
from django.utils.translation import gettext_lazy

# --- Enums -----------------------------------------------------------------------------------
OrderStatus = graphene.Enum(
    "OrderStatus",
    [
        ("DRAFT", "draft"),
        ("UNCONFIRMED", "unconfirmed"),
        ("UNFULFILLED", "unfulfilled"),
        ("PARTIALLY_FULFILLED", "partially fulfilled"),
        ("PARTIALLY_RETURNED", "partially_returned"),
        ("RETURNED", "returned"),
        ("FULFILLED", "fulfilled"),
        ("CANCELED", "canceled"),
        ("EXPIRED", "expired"),
    ],
)
FulfillmentStatus = graphene.Enum(
    "FulfillmentStatus",
    [
        ("FULFILLED", "fulfilled"),
        ("REFUNDED", "refunded"),
        ("RETURNED", "returned"),
        ("REPLACED", "replaced"),
        ("REFUNDED_AND_RETURNED", "refunded_and_returned"),
        ("CANCELED", "canceled"),
        ("WAITING_FOR_APPROVAL", "waiting_for_approval"),
    ],
)
ORDER_EVENT_TYPES = [
    "DRAFT_CREATED",
    "DRAFT_CREATED_FROM_REPLACE",
    "ADDED_PRODUCTS",
    "REMOVED_PRODUCTS",
    "PLACED",
    "PLACED_FROM_DRAFT",
    "OVERSOLD_ITEMS",
    "CANCELED",
    "ORDER_MARKED_AS_PAID",
    "ORDER_FULLY_PAID",
    "ORDER_REPLACEMENT_CREATED",
    "ORDER_DISCOUNT_ADDED",
    "ORDER_DISCOUNT_AUTOMATICALLY_UPDATED",
    "ORDER_DISCOUNT_UPDATED",
    "ORDER_DISCOUNT_DELETED",
    "ORDER_LINE_DISCOUNT_UPDATED",
    "ORDER_LINE_DISCOUNT_REMOVED",
    "ORDER_LINE_PRODUCT_DELETED",
    "ORDER_LINE_VARIANT_DELETED",
    "UPDATED_ADDRESS",
    "EMAIL_SENT",
    "CONFIRMED",
    "PAYMENT_AUTHORIZED",
    "PAYMENT_CAPTURED",
    "EXTERNAL_SERVICE_NOTIFICATION",
    "PAYMENT_REFUNDED",
    "PAYMENT_VOIDED",
    "PAYMENT_FAILED",
    "TRANSACTION_EVENT",
    "TRANSACTION_CAPTURE_REQUESTED",
    "TRANSACTION_REFUND_REQUESTED",
    "TRANSACTION_VOID_REQUESTED",
    "INVOICE_REQUESTED",
    "INVOICE_GENERATED",
    "INVOICE_UPDATED",
    "INVOICE_SENT",
    "FULFILLMENT_CANCELED",
    "FULFILLMENT_RESTOCKED_ITEMS",
    "FULFILLMENT_FULFILLED_ITEMS",
    "FULFILLMENT_REFUNDED",
    "FULFILLMENT_RETURNED",
    "FULFILLMENT_REPLACED",
    "FULFILLMENT_AWAITS_APPROVAL",
    "TRACKING_UPDATED",
    "NOTE_ADDED",
    "OTHER",
]
OrderEventsEnum = graphene.Enum(
    "OrderEventsEnum", [(name, name.lower()) for name in ORDER_EVENT_TYPES]
)
OrderEventsEmailsEnum = graphene.Enum(
    "OrderEventsEmailsEnum",
    [
        (name, name.lower())
        for name in (
            "PAYMENT_CONFIRMATION",
            "CONFIRMED",
            "SHIPPING_CONFIRMATION",
            "TRACKING_UPDATED",
            "ORDER_CONFIRMATION",
            "ORDER_CANCEL",
            "ORDER_REFUND",
            "FULFILLMENT_CONFIRMATION",
            "DIGITAL_LINKS",
        )
    ],
)
OrderAction = graphene.Enum(
    "OrderAction",
    [
        ("CAPTURE", "CAPTURE"),
        ("MARK_AS_PAID", "MARK_AS_PAID"),
        ("REFUND", "REFUND"),
        ("VOID", "VOID"),
    ],
)
OrderOriginEnum = graphene.Enum(
    "OrderOriginEnum", [("CHECKOUT", "checkout"), ("DRAFT", "draft"), ("REISSUE", "reissue")]
)
PaymentChargeStatusEnum = graphene.Enum(
    "PaymentChargeStatusEnum",
    [
        (name, name.lower())
        for name in (
            "NOT_CHARGED",
            "PENDING",
            "PARTIALLY_CHARGED",
            "FULLY_CHARGED",
            "PARTIALLY_REFUNDED",
            "FULLY_REFUNDED",
            "REFUSED",
            "CANCELLED",
        )
    ],
)
PAYMENT_STATUS_DISPLAY = {
    "not_charged": gettext_lazy("Chưa thanh toán"),
    "partially_charged": gettext_lazy("Đã thanh toán một phần"),
    "fully_charged": gettext_lazy("Đã thanh toán"),
    "partially_refunded": gettext_lazy("Đã hoàn tiền một phần"),
    "fully_refunded": gettext_lazy("Đã hoàn tiền"),
}
OrderAuthorizeStatusEnum = graphene.Enum(
    "OrderAuthorizeStatusEnum", [("NONE", "none"), ("PARTIAL", "partial"), ("FULL", "full")]
)
OrderChargeStatusEnum = graphene.Enum(
    "OrderChargeStatusEnum",
    [("NONE", "none"), ("PARTIAL", "partial"), ("FULL", "full"), ("OVERCHARGED", "overcharged")],
)
OrderDiscountType = graphene.Enum(
    "OrderDiscountType", [("VOUCHER", "voucher"), ("MANUAL", "manual")]
)
DiscountValueTypeEnum = graphene.Enum(
    "DiscountValueTypeEnum", [("FIXED", "fixed"), ("PERCENTAGE", "percentage")]
)
