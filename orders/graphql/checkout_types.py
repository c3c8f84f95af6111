"""Saleor's ``Checkout`` type over our model.

What a checkout shows beyond its row is loaded once per request by
:class:`orders.graphql.checkout_data.CheckoutData`, so ``checkout(id)`` costs the same number of
SQL queries for one line or fifty.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
from django.conf import settings
from django.utils.module_loading import import_string
from graphene import relay

from accounts.graphql.types import Address, User
from catalog.graphql.types import Channel
from orders.models import Checkout as CheckoutModel
from orders.models import CheckoutLine as CheckoutLineModel
from shop.graphql.common import (
    LanguageCodeEnum,
    MetadataResolvers,
    ObjectWithMetadata,
)
from shop.graphql.money import Money, TaxedMoney
from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue

from .checkout_data import ShippingOffer, checkout_data, language_enum_value
from .checkout_delivery_types import (
    CheckoutDeliveryParcel,
    Delivery,
    DeliveryMethod,
    ParcelView,
    ShippingMethod,
    Warehouse,
    offer_parcels,
)
from .checkout_line_types import CheckoutLine, CheckoutProblem
from .checkout_payment_types import (
    TRANSACTION_ITEM,
    CheckoutAuthorizeStatusEnum,
    CheckoutChargeStatusEnum,
    GatewayConfigLine,
    GiftCard,
    PaymentGateway,
    cod_gateway,
    payment_status,
)


# --- Checkout ---------------------------------------------------------------------------------
class Checkout(MetadataResolvers, graphene.ObjectType):
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    last_change = graphene.DateTime(
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `updatedAt` instead.",
    )
    user = graphene.Field(User)
    channel = graphene.Field(Channel, required=True)
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
    customer_note = graphene.String(required=True)
    note = graphene.String(
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `customerNote` instead.",
    )
    discount = graphene.Field(Money)
    discount_name = graphene.String()
    translated_discount_name = graphene.String()
    voucher_code = graphene.String()
    available_shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod),
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `shippingMethods` "
        "instead.",
    )
    shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod),
        required=True,
        description="Shipping methods for this cart and address, unavailable ones with "
        "`active: false` and the reason in `message`.",
    )
    available_collection_points = graphene.List(graphene.NonNull(Warehouse), required=True)
    available_payment_gateways = graphene.List(graphene.NonNull(PaymentGateway), required=True)
    email = graphene.String()
    gift_cards = graphene.List(graphene.NonNull(GiftCard), required=True)
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    stock_reservation_expires = graphene.DateTime(
        description="Date when oldest stock reservation for this checkout expires or null if no "
        "stock is reserved."
    )
    lines = graphene.List(graphene.NonNull(CheckoutLine), required=True)
    shipping_price = graphene.Field(TaxedMoney, required=True)
    delivery = graphene.Field(Delivery)
    shipping_method = graphene.Field(
        ShippingMethod,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `deliveryMethod` "
        "instead.",
    )
    delivery_method = graphene.Field(DeliveryMethod)
    subtotal_price = graphene.Field(TaxedMoney, required=True)
    tax_exemption = graphene.Boolean(required=True)
    token = graphene.UUID(
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `id` instead.",
    )
    total_price = graphene.Field(TaxedMoney, required=True)
    total_balance = graphene.Field(Money, required=True)
    language_code = graphene.Field(LanguageCodeEnum, required=True)
    transactions = graphene.List(graphene.NonNull(TRANSACTION_ITEM))
    display_gross_prices = graphene.Boolean(required=True)
    authorize_status = graphene.Field(CheckoutAuthorizeStatusEnum, required=True)
    charge_status = graphene.Field(CheckoutChargeStatusEnum, required=True)
    problems = graphene.List(graphene.NonNull(CheckoutProblem))
    delivery_parcels = graphene.List(
        graphene.NonNull(CheckoutDeliveryParcel),
        required=True,
        description="The parcels (one per producer) of the chosen delivery method, each priced.",
    )

    class Meta:
        description = "Checkout object."
        interfaces = (relay.Node, ObjectWithMetadata)

    @classmethod
    def is_type_of(cls, root: Any, info: Any) -> bool:
        return isinstance(root, CheckoutModel)

    @staticmethod
    def resolve_id(root: CheckoutModel, info: Any) -> str:
        return str(root.pk)

    @staticmethod
    def resolve_created(root: CheckoutModel, info: Any):
        return root.created_at

    @staticmethod
    def resolve_last_change(root: CheckoutModel, info: Any):
        return root.updated_at

    @staticmethod
    def resolve_customer_note(root: CheckoutModel, info: Any) -> str:
        return root.customer_note

    @staticmethod
    def resolve_note(root: CheckoutModel, info: Any) -> str:
        return root.customer_note

    @staticmethod
    def resolve_discount(root: CheckoutModel, info: Any) -> MoneyValue:
        return MoneyValue(Decimal(0), root.currency)

    @staticmethod
    def resolve_discount_name(root: CheckoutModel, info: Any) -> None:
        return None

    @staticmethod
    def resolve_translated_discount_name(root: CheckoutModel, info: Any) -> None:
        return None

    @staticmethod
    def resolve_voucher_code(root: CheckoutModel, info: Any) -> None:
        return None

    @staticmethod
    def resolve_available_shipping_methods(root: CheckoutModel, info: Any) -> list[ShippingOffer]:
        return [offer for offer in checkout_data(root).offers if offer.quote.available]

    @staticmethod
    def resolve_shipping_methods(root: CheckoutModel, info: Any) -> list[ShippingOffer]:
        return checkout_data(root).offers

    @staticmethod
    def resolve_available_collection_points(root: CheckoutModel, info: Any) -> list:
        return []

    @staticmethod
    def resolve_available_payment_gateways(root: CheckoutModel, info: Any) -> list:
        # Gateways live in payments, which orders must not import: a settings-named function.
        provider = getattr(settings, "PAYMENT_GATEWAYS_PROVIDER", "")
        if not provider:
            return [cod_gateway(root.currency)]
        return [
            PaymentGateway(
                id=g["id"],
                name=g["name"],
                currencies=g["currencies"],
                config=[GatewayConfigLine(**line) for line in g["config"]],
            )
            for g in import_string(provider)(root)
        ]

    @staticmethod
    def resolve_email(root: CheckoutModel, info: Any) -> str | None:
        return root.email or None

    @staticmethod
    def resolve_gift_cards(root: CheckoutModel, info: Any) -> list:
        return []

    @staticmethod
    def resolve_is_shipping_required(root: CheckoutModel, info: Any) -> bool:
        return bool(checkout_data(root).lines)

    @staticmethod
    def resolve_quantity(root: CheckoutModel, info: Any) -> int:
        return sum(line.quantity for line in checkout_data(root).lines)

    @staticmethod
    def resolve_stock_reservation_expires(root: CheckoutModel, info: Any):
        return checkout_data(root).reservation_expires

    @staticmethod
    def resolve_lines(root: CheckoutModel, info: Any) -> list[CheckoutLineModel]:
        return checkout_data(root).lines

    @staticmethod
    def resolve_shipping_price(root: CheckoutModel, info: Any) -> TaxedMoneyValue:
        return checkout_data(root).totals.shipping

    @staticmethod
    def resolve_delivery(root: CheckoutModel, info: Any) -> ShippingOffer | None:
        return checkout_data(root).chosen_offer

    @staticmethod
    def resolve_shipping_method(root: CheckoutModel, info: Any) -> ShippingOffer | None:
        return checkout_data(root).chosen_offer

    @staticmethod
    def resolve_delivery_method(root: CheckoutModel, info: Any) -> ShippingOffer | None:
        return checkout_data(root).chosen_offer

    @staticmethod
    def resolve_subtotal_price(root: CheckoutModel, info: Any) -> TaxedMoneyValue:
        return checkout_data(root).totals.subtotal

    @staticmethod
    def resolve_tax_exemption(root: CheckoutModel, info: Any) -> bool:
        return False

    @staticmethod
    def resolve_token(root: CheckoutModel, info: Any):
        return root.pk

    @staticmethod
    def resolve_total_price(root: CheckoutModel, info: Any) -> TaxedMoneyValue:
        return checkout_data(root).totals.total

    @staticmethod
    def resolve_total_balance(root: CheckoutModel, info: Any) -> MoneyValue:
        # Saleor: charged − total.
        total = checkout_data(root).totals.total.gross
        return MoneyValue(payment_status(root, total.amount).balance, total.currency)

    @staticmethod
    def resolve_language_code(root: CheckoutModel, info: Any) -> str:
        return language_enum_value(root.language_code)

    @staticmethod
    def resolve_transactions(root: CheckoutModel, info: Any) -> list:
        return payment_status(root, checkout_data(root).totals.total.gross.amount).transactions

    @staticmethod
    def resolve_display_gross_prices(root: CheckoutModel, info: Any) -> bool:
        return True

    @staticmethod
    def resolve_authorize_status(root: CheckoutModel, info: Any) -> str:
        data = checkout_data(root)
        if not data.lines:
            return "NONE"
        total = data.totals.total.gross.amount
        covers = import_string(settings.CHECKOUT_PAYMENT_COVERAGE)
        return (
            "FULL"
            if covers(checkout=root, total=total)
            else payment_status(root, total).authorize_status
        )

    @staticmethod
    def resolve_charge_status(root: CheckoutModel, info: Any) -> str:
        data = checkout_data(root)
        if not data.lines:
            return "NONE"
        return payment_status(root, data.totals.total.gross.amount).charge_status

    @staticmethod
    def resolve_problems(root: CheckoutModel, info: Any) -> list[Any]:
        return checkout_data(root).problems

    @staticmethod
    def resolve_delivery_parcels(root: CheckoutModel, info: Any) -> list[ParcelView]:
        offer = checkout_data(root).chosen_offer
        return offer_parcels(offer) if offer is not None and offer.quote.available else []
