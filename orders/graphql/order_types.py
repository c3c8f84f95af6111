"""Saleor's ``Order`` type over our model.

What a viewer sees is decided once per order by ``orders.services.order_access`` (cached on the
instance): a producer's member sees only that producer's lines, fulfilments, parcels and events;
events are for staff and producer members only (buyers see ``[]``); personal data is masked for
whoever is not a party of the order (``OrderAccess.sees_buyer``/``sees_shipping_address``). Resolvers read only what
``orders.selectors.order_prefetch`` loaded, so an order costs the same number of queries for 1
line or 100.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
from graphene import relay

from accounts.anonymize import obfuscate_address, obfuscate_email
from accounts.graphql.types import Address, User
from catalog.graphql.types import Channel
from shop.graphql.common import (
    LanguageCodeEnum,
    MetadataResolvers,
    ObjectWithMetadata,
    Weight,
)
from shop.graphql.money import Money, TaxedMoney
from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue

from ..models import OrderStatus as OrderStatusChoices
from .checkout_data import shipping_offer
from .checkout_delivery_types import DeliveryMethod, ShippingMethod, Warehouse
from .checkout_payment_types import TRANSACTION_ITEM, GiftCard, payment_status
from .errors import OrderError
from .order_enums import (
    OrderAction,
    OrderAuthorizeStatusEnum,
    OrderChargeStatusEnum,
    OrderOriginEnum,
    OrderStatus,
    PaymentChargeStatusEnum,
)
from .order_line_types import Fulfillment, OrderEvent, OrderLine, order_money, order_taxed_money
from .order_parcel_types import OrderDeliveryParcel, OrderDiscount, Voucher
from .order_payment_resolvers import OrderPaymentResolvers
from .order_viewer import access_of, visible_lines


# --- Order -----------------------------------------------------------------------------------
class Order(MetadataResolvers, OrderPaymentResolvers, graphene.ObjectType):
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    status = graphene.Field(OrderStatus, required=True)
    user = graphene.Field(User)
    tracking_client_id = graphene.String(required=True)
    billing_address = graphene.Field(
        Address,
        description="Billing address: masked unless the viewer is the buyer or OCOP staff.",
    )
    shipping_address = graphene.Field(
        Address,
        description="Shipping address: masked unless the viewer is the buyer, OCOP staff or a "
        "member of one of the order's producers.",
    )
    shipping_method_name = graphene.String()
    collection_point_name = graphene.String()
    channel = graphene.Field(Channel, required=True)
    fulfillments = graphene.List(graphene.NonNull(Fulfillment), required=True)
    lines = graphene.List(graphene.NonNull(OrderLine), required=True)
    actions = graphene.List(graphene.NonNull(OrderAction), required=True)
    available_shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod),
        deprecation_reason="Use `shippingMethods`, this field will be removed in 4.0",
    )
    shipping_methods = graphene.List(graphene.NonNull(ShippingMethod), required=True)
    available_collection_points = graphene.List(graphene.NonNull(Warehouse), required=True)
    number = graphene.String(required=True)
    original = graphene.ID()
    origin = graphene.Field(OrderOriginEnum, required=True)
    is_paid = graphene.Boolean(required=True)
    payment_status = graphene.Field(PaymentChargeStatusEnum, required=True)
    payment_status_display = graphene.String(required=True)
    authorize_status = graphene.Field(OrderAuthorizeStatusEnum, required=True)
    charge_status = graphene.Field(OrderChargeStatusEnum, required=True)
    tax_exemption = graphene.Boolean(required=True)
    transactions = graphene.List(
        graphene.NonNull(TRANSACTION_ITEM),
        required=True,
        description="List of transactions for the order: for the buyer, OCOP staff and the "
        "members of the order's producers (empty for anyone else).",
    )
    total = graphene.Field(TaxedMoney, required=True)
    undiscounted_total = graphene.Field(TaxedMoney, required=True)
    shipping_method = graphene.Field(
        ShippingMethod,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `deliveryMethod` "
        "instead.",
    )
    undiscounted_shipping_price = graphene.Field(Money, required=True)
    shipping_price = graphene.Field(TaxedMoney, required=True)
    shipping_tax_rate = graphene.Float(required=True)
    token = graphene.String(
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `id` instead.",
    )
    voucher = graphene.Field(Voucher)
    voucher_code = graphene.String()
    gift_cards = graphene.List(graphene.NonNull(GiftCard), required=True)
    customer_note = graphene.String(required=True)
    weight = graphene.Field(Weight, required=True)
    redirect_url = graphene.String()
    subtotal = graphene.Field(TaxedMoney, required=True)
    status_display = graphene.String(required=True)
    can_finalize = graphene.Boolean(required=True)
    total_authorized = graphene.Field(Money, required=True)
    total_captured = graphene.Field(
        Money,
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `totalCharged`.",
    )
    total_charged = graphene.Field(Money, required=True)
    total_canceled = graphene.Field(Money, required=True)
    events = graphene.List(
        graphene.NonNull(OrderEvent),
        required=True,
        description="History of the order: staff and the order's producers only.",
    )
    total_balance = graphene.Field(Money, required=True)
    total_refunded = graphene.Field(Money, required=True)
    user_email = graphene.String(
        description="Email of the buyer: masked unless the viewer is the buyer or OCOP staff."
    )
    is_shipping_required = graphene.Boolean(required=True)
    delivery_method = graphene.Field(DeliveryMethod)
    language_code = graphene.String(
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use the "
        "`languageCodeEnum` field to fetch the language code. ",
    )
    language_code_enum = graphene.Field(LanguageCodeEnum, required=True)
    discount = graphene.Field(
        Money,
        deprecation_reason="This field will be removed in Saleor 4.0. Use the `discounts` "
        "field instead.",
    )
    discount_name = graphene.String(
        deprecation_reason="This field will be removed in Saleor 4.0. Use the `discounts` "
        "field instead.",
    )
    translated_discount_name = graphene.String(
        deprecation_reason="This field will be removed in Saleor 4.0. Use the `discounts` "
        "field instead. ",
    )
    discounts = graphene.List(graphene.NonNull(OrderDiscount), required=True)
    errors = graphene.List(graphene.NonNull(OrderError), required=True)
    display_gross_prices = graphene.Boolean(required=True)
    checkout_id = graphene.ID(description="The checkout it was made from: buyer and staff only.")
    # Our additions.
    delivery_parcels = graphene.List(
        graphene.NonNull(OrderDeliveryParcel),
        required=True,
        description="One parcel per producer with its delivery price (a producer's member sees "
        "only its own).",
    )
    tracking_numbers = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Tracking numbers of the shipped parcels.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents an order in the shop."

    @staticmethod
    def resolve_created(root: Any, info: Any):
        return root.created_at

    @staticmethod
    def resolve_status(root: Any, info: Any) -> str:
        # A row just created holds the TextChoices member; the enum wants the plain value.
        return str(getattr(root.status, "value", root.status))

    @staticmethod
    def resolve_user(root: Any, info: Any) -> Any:
        # A producer's member ships to the address; the buyer's account is not theirs to read.
        return root.user if access_of(root, info).sees_buyer else None

    @staticmethod
    def resolve_user_email(root: Any, info: Any) -> str:
        if access_of(root, info).sees_buyer:
            return root.user_email
        return obfuscate_email(root.user_email)

    @staticmethod
    def resolve_billing_address(root: Any, info: Any) -> Any:
        if access_of(root, info).sees_buyer:
            return root.billing_address
        return obfuscate_address(root.billing_address)

    @staticmethod
    def resolve_shipping_address(root: Any, info: Any) -> Any:
        if access_of(root, info).sees_shipping_address:
            return root.shipping_address
        return obfuscate_address(root.shipping_address)

    @staticmethod
    def resolve_tracking_client_id(root: Any, info: Any) -> str:
        return ""

    @staticmethod
    def resolve_collection_point_name(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_fulfillments(root: Any, info: Any) -> list:
        access = access_of(root, info)
        return [f for f in root.fulfillments.all() if access.shows_producer(f.producer_id)]

    @staticmethod
    def resolve_lines(root: Any, info: Any) -> list:
        return visible_lines(root, info)

    @staticmethod
    def resolve_actions(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_shipping_method(root: Any, info: Any) -> Any:
        """The chosen method at the price paid (its delivery days are the method's now)."""
        if root.shipping_method_id is None:
            return None
        return shipping_offer(
            root.shipping_method, order_money(root.shipping_price_gross_amount, root.currency)
        )

    resolve_delivery_method = resolve_shipping_method

    @staticmethod
    def resolve_shipping_methods(root: Any, info: Any) -> list:
        offer = Order.resolve_shipping_method(root, info)
        return [offer] if offer is not None else []

    resolve_available_shipping_methods = resolve_shipping_methods

    @staticmethod
    def resolve_available_collection_points(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_transactions(root: Any, info: Any) -> list:
        # Only the order's parties: a transaction's ID lets its holder process it.
        if not access_of(root, info).party:
            return []
        return payment_status(root).transactions

    @staticmethod
    def resolve_voucher(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_gift_cards(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_number(root: Any, info: Any) -> str:
        return str(root.number)

    @staticmethod
    def resolve_original(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_origin(root: Any, info: Any) -> str:
        return "checkout"

    @staticmethod
    def resolve_tax_exemption(root: Any, info: Any) -> bool:
        return False

    @staticmethod
    def resolve_total(root: Any, info: Any) -> TaxedMoneyValue:
        return order_taxed_money(root.total_net_amount, root.total_gross_amount, root.currency)

    resolve_undiscounted_total = resolve_total

    @staticmethod
    def resolve_shipping_price(root: Any, info: Any) -> TaxedMoneyValue:
        return order_taxed_money(
            root.shipping_price_net_amount, root.shipping_price_gross_amount, root.currency
        )

    @staticmethod
    def resolve_undiscounted_shipping_price(root: Any, info: Any) -> MoneyValue:
        return order_money(root.shipping_price_gross_amount, root.currency)

    @staticmethod
    def resolve_shipping_tax_rate(root: Any, info: Any) -> float:
        gross = Decimal(root.shipping_price_gross_amount)
        net = Decimal(root.shipping_price_net_amount)
        return float((gross - net) / net) if net else 0.0

    @staticmethod
    def resolve_token(root: Any, info: Any) -> str:
        return str(root.pk)

    @staticmethod
    def resolve_voucher_code(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_weight(root: Any, info: Any) -> Weight:
        grams = sum(line.weight_grams for line in visible_lines(root, info))
        return Weight(unit="g", value=float(grams))

    @staticmethod
    def resolve_redirect_url(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_subtotal(root: Any, info: Any) -> TaxedMoneyValue:
        return order_taxed_money(
            root.subtotal_net_amount, root.subtotal_gross_amount, root.currency
        )

    @staticmethod
    def resolve_status_display(root: Any, info: Any) -> str:
        return str(OrderStatusChoices(root.status).label)

    @staticmethod
    def resolve_can_finalize(root: Any, info: Any) -> bool:
        return False

    @staticmethod
    def _zero(root: Any, info: Any) -> MoneyValue:
        return order_money(0, root.currency)

    @staticmethod
    def resolve_events(root: Any, info: Any) -> list:
        access = access_of(root, info)
        if not access.sees_events:
            return []
        events = list(root.events.all())
        if access.restricted:
            events = [
                e
                for e in events
                if access.shows_producer(e.parameters.get("producer_id"))
                or "producer_id" not in e.parameters
            ]
        return events

    @staticmethod
    def resolve_is_shipping_required(root: Any, info: Any) -> bool:
        return any(line.is_shipping_required for line in root.lines.all())

    @staticmethod
    def resolve_language_code(root: Any, info: Any) -> str:
        return root.language_code

    @staticmethod
    def resolve_language_code_enum(root: Any, info: Any) -> str:
        name = (root.language_code or "vi").replace("-", "_").upper()
        return name if name in LanguageCodeEnum._meta.enum.__members__ else "VI"

    @staticmethod
    def resolve_discount(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_discount_name(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_translated_discount_name(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_discounts(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_errors(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_display_gross_prices(root: Any, info: Any) -> bool:
        return True

    @staticmethod
    def resolve_checkout_id(root: Any, info: Any) -> str | None:
        # The checkout token is the buyer's: ``checkoutComplete`` with it shows the whole order.
        from shop.graphql.ids import global_id

        if not root.checkout_token or not access_of(root, info).sees_buyer:
            return None
        return global_id("Checkout", root.checkout_token)

    @staticmethod
    def resolve_delivery_parcels(root: Any, info: Any) -> list:
        access = access_of(root, info)
        return [p for p in root.parcels.all() if access.shows_producer(p.producer_id)]

    @staticmethod
    def resolve_tracking_numbers(root: Any, info: Any) -> list[str]:
        access = access_of(root, info)
        numbers: list[str] = []
        for fulfillment in root.fulfillments.all():
            number = fulfillment.tracking_number
            if number and number not in numbers and access.shows_producer(fulfillment.producer_id):
                numbers.append(number)
        return numbers
