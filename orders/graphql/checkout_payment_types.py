"""Saleor's payment shapes a checkout names (gateways, gift cards, transaction actions); the
payments app fills them through the ``PAYMENT_STATUS_*`` settings (orders must not import payments).
"""

from __future__ import annotations

from typing import Any

import graphene
from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from graphene import relay

from shop.graphql.common import (
    MetadataResolvers,
    ObjectWithMetadata,
)
from shop.graphql.money import Money

COD_GATEWAY_ID = "ocop.payments.cod"


# --- Payments, gift cards, transactions (Saleor shapes; the payments issue fills them) --------
class GatewayConfigLine(graphene.ObjectType):
    field = graphene.String(required=True, description="Gateway config key.")
    value = graphene.String(description="Gateway config value for key.")


class PaymentGateway(graphene.ObjectType):
    name = graphene.String(required=True, description="Payment gateway name.")
    id = graphene.ID(required=True, description="Payment gateway ID.")
    config = graphene.List(graphene.NonNull(GatewayConfigLine), required=True)
    currencies = graphene.List(graphene.NonNull(graphene.String), required=True)

    class Meta:
        description = (
            "Available payment gateway backend with configuration necessary to setup client."
        )


class GiftCard(MetadataResolvers, graphene.ObjectType):
    display_code = graphene.String(required=True)
    last_4_code_chars = graphene.String(required=True, name="last4CodeChars")
    code = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    expiry_date = graphene.Date()
    is_active = graphene.Boolean(required=True)
    initial_balance = graphene.Field(Money, required=True)
    current_balance = graphene.Field(Money, required=True)

    class Meta:
        description = "A gift card (not sold by the shop yet: checkouts list none)."
        interfaces = (relay.Node, ObjectWithMetadata)


TransactionActionEnum = graphene.Enum(
    "TransactionActionEnum", [("CHARGE", "CHARGE"), ("REFUND", "REFUND"), ("CANCEL", "CANCEL")]
)


# The real ``TransactionItem`` lives in payments (orders must not import payments): fields refer
# to it by import string, resolved when the schema is built.
TRANSACTION_ITEM = "payments.graphql.types.TransactionItem"


def payment_status(root: Any, total: Any = None) -> Any:
    """The payment state (transactions, statuses, totals) from ``PAYMENT_STATUS_PROVIDER``."""
    return import_string(settings.PAYMENT_STATUS_PROVIDER)(root, total)


CheckoutAuthorizeStatusEnum = graphene.Enum(
    "CheckoutAuthorizeStatusEnum", [("NONE", "NONE"), ("PARTIAL", "PARTIAL"), ("FULL", "FULL")]
)
CheckoutChargeStatusEnum = graphene.Enum(
    "CheckoutChargeStatusEnum",
    [("NONE", "NONE"), ("PARTIAL", "PARTIAL"), ("FULL", "FULL"), ("OVERCHARGED", "OVERCHARGED")],
)


def cod_gateway(currency: str) -> PaymentGateway:
    return PaymentGateway(
        id=COD_GATEWAY_ID,
        name=_("Thanh toán khi nhận hàng (COD)"),
        config=[],
        currencies=[currency],
    )
