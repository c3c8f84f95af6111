"""Saleor's checkout and order error types: ``CheckoutError`` with ``CheckoutErrorCode`` (Saleor
3.20+ values, in Saleor's order), ``DeliveryOptionsCalculateError``, and ``OrderError`` with
``OrderErrorCode``.
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


ORDER_ERROR_CODES = [
    "BILLING_ADDRESS_NOT_SET",
    "CANNOT_CANCEL_FULFILLMENT",
    "CANNOT_CANCEL_ORDER",
    "CANNOT_DELETE",
    "CANNOT_DISCOUNT",
    "CANNOT_REFUND",
    "CANNOT_FULFILL_UNPAID_ORDER",
    "CAPTURE_INACTIVE_PAYMENT",
    "GIFT_CARD_LINE",
    "NOT_EDITABLE",
    "FULFILL_ORDER_LINE",
    "GRAPHQL_ERROR",
    "INVALID",
    "PRODUCT_NOT_PUBLISHED",
    "PRODUCT_UNAVAILABLE_FOR_PURCHASE",
    "NOT_FOUND",
    "ORDER_NO_SHIPPING_ADDRESS",
    "PAYMENT_ERROR",
    "PAYMENT_MISSING",
    "REQUIRED",
    "SHIPPING_METHOD_NOT_APPLICABLE",
    "SHIPPING_METHOD_REQUIRED",
    "TAX_ERROR",
    "UNIQUE",
    "VOID_INACTIVE_PAYMENT",
    "ZERO_QUANTITY",
    "INVALID_QUANTITY",
    "INSUFFICIENT_STOCK",
    "DUPLICATED_INPUT_ITEM",
    "NOT_AVAILABLE_IN_CHANNEL",
    "CHANNEL_INACTIVE",
    "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK",
]
OrderErrorCode = graphene.Enum("OrderErrorCode", [(c, c) for c in ORDER_ERROR_CODES])


class OrderError(graphene.ObjectType):
    field = graphene.String(
        description="Name of a field that caused the error. A value of `null` indicates that "
        "the error isn't associated with a particular field."
    )
    message = graphene.String(description="The error message.")
    code = graphene.Field(OrderErrorCode, required=True, description="The error code.")
    warehouse = graphene.ID(description="Warehouse ID which causes the error.")
    # Camel case on purpose: BaseMutation passes the extras as given.
    orderLines = graphene.List(  # noqa: N815
        graphene.NonNull(graphene.ID), description="List of order line IDs that cause the error."
    )
    variants = graphene.List(
        graphene.NonNull(graphene.ID), description="List of product variants that are associated."
    )
    addressType = graphene.Field(  # noqa: N815
        AddressTypeEnum, description="A type of address that causes the error."
    )

    class Meta:
        description = "Represents errors in order mutations."
