"""Saleor's checkout error types: ``CheckoutError`` with ``CheckoutErrorCode`` (Saleor 3.20+
values, in Saleor's order) and ``DeliveryOptionsCalculateError``.

Order errors live with the order types (``orders.graphql.order_types``).
"""

from __future__ import annotations

import graphene

from accounts.graphql.types import AddressTypeEnum

CHECKOUT_ERROR_CODES = [
    "BILLING_ADDRESS_NOT_SET",
    "CHECKOUT_NOT_FULLY_PAID",
    "GRAPHQL_ERROR",
    "PRODUCT_NOT_PUBLISHED",
    "PRODUCT_UNAVAILABLE_FOR_PURCHASE",
    "INSUFFICIENT_STOCK",
    "INVALID",
    "INVALID_SHIPPING_METHOD",
    "NOT_FOUND",
    "PAYMENT_ERROR",
    "PRICE_OVERRIDE_REASON_WITHOUT_OVERRIDE",
    "QUANTITY_GREATER_THAN_LIMIT",
    "REQUIRED",
    "SHIPPING_ADDRESS_NOT_SET",
    "SHIPPING_METHOD_NOT_APPLICABLE",
    "DELIVERY_METHOD_NOT_APPLICABLE",
    "SHIPPING_METHOD_NOT_SET",
    "SHIPPING_NOT_REQUIRED",
    "TAX_ERROR",
    "UNIQUE",
    "VOUCHER_NOT_APPLICABLE",
    "GIFT_CARD_NOT_APPLICABLE",
    "ZERO_QUANTITY",
    "MISSING_CHANNEL_SLUG",
    "CHANNEL_INACTIVE",
    "UNAVAILABLE_VARIANT_IN_CHANNEL",
    "EMAIL_NOT_SET",
    "NO_LINES",
    "INACTIVE_PAYMENT",
    "NON_EDITABLE_GIFT_LINE",
    "NON_REMOVABLE_GIFT_LINE",
    "SHIPPING_CHANGE_FORBIDDEN",
    "MISSING_ADDRESS_DATA",
]

CheckoutErrorCode = graphene.Enum(
    "CheckoutErrorCode", [(code, code) for code in CHECKOUT_ERROR_CODES]
)


class CheckoutError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` indicates that "
        "the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(CheckoutErrorCode, required=True, description="The error code.")
    variants = graphene.List(
        graphene.NonNull(graphene.ID), description="List of varint IDs which causes the error."
    )
    lines = graphene.List(
        graphene.NonNull(graphene.ID), description="List of line Ids which cause the error."
    )
    # Camel case on purpose: BaseMutation passes ``addressType`` as given.
    addressType = graphene.Field(  # noqa: N815
        AddressTypeEnum, description="A type of address that causes the error."
    )

    class Meta:
        description = "Represents errors in checkout mutations."


DELIVERY_OPTIONS_ERROR_CODES = ["GRAPHQL_ERROR", "NOT_FOUND", "INVALID"]

DeliveryOptionsCalculateErrorCode = graphene.Enum(
    "DeliveryOptionsCalculateErrorCode", [(code, code) for code in DELIVERY_OPTIONS_ERROR_CODES]
)


class DeliveryOptionsCalculateError(graphene.ObjectType):
    field = graphene.String(description="Name of a field that caused the error.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(DeliveryOptionsCalculateErrorCode, required=True)
