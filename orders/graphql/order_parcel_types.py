"""Our per-producer ``OrderDeliveryParcel`` and Saleor's ``OrderDiscount`` and ``Voucher`` (an
order lists none yet).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
from graphene import relay

from catalog.graphql.ocop import Producer
from shop.graphql import scalars
from shop.graphql.common import (
    MetadataResolvers,
    ObjectWithMetadata,
    Weight,
)
from shop.graphql.money import Money, TaxedMoney
from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue

from .order_enums import DiscountValueTypeEnum, OrderDiscountType
from .order_line_types import order_money, order_taxed_money


# --- Our additions ---------------------------------------------------------------------------
class OrderDeliveryParcel(graphene.ObjectType):
    """One producer's parcel of the order: its delivery price and weights (our addition)."""

    producer = graphene.Field(Producer, required=True)
    price = graphene.Field(Money, required=True, description="Delivery price of this parcel.")
    weight = graphene.Field(Weight, required=True)
    chargeable_weight = graphene.Field(
        Weight, required=True, description="Max of actual and volumetric weight."
    )
    subtotal = graphene.Field(
        TaxedMoney, required=True, description="Total of this producer's lines."
    )
    total = graphene.Field(Money, required=True, description="Lines plus parcel delivery price.")

    @staticmethod
    def resolve_price(root: Any, info: Any) -> MoneyValue:
        return order_money(root.price_amount, root.order.currency)

    @staticmethod
    def resolve_weight(root: Any, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.weight_grams))

    @staticmethod
    def resolve_chargeable_weight(root: Any, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.chargeable_weight_grams))

    @staticmethod
    def resolve_subtotal(root: Any, info: Any) -> TaxedMoneyValue:
        lines = [li for li in root.order.lines.all() if li.producer_id == root.producer_id]
        return order_taxed_money(
            sum((li.total_price_net_amount for li in lines), Decimal(0)),
            sum((li.total_price_gross_amount for li in lines), Decimal(0)),
            root.order.currency,
        )

    @staticmethod
    def resolve_total(root: Any, info: Any) -> MoneyValue:
        subtotal = OrderDeliveryParcel.resolve_subtotal(root, info)
        return subtotal.gross + order_money(root.price_amount, root.order.currency)


class OrderDiscount(graphene.ObjectType):
    type = graphene.Field(OrderDiscountType, required=True)
    name = graphene.String()
    translated_name = graphene.String()
    value_type = graphene.Field(DiscountValueTypeEnum, required=True)
    value = scalars.Decimal(required=True)
    reason = graphene.String()
    amount = graphene.Field(Money, required=True)

    class Meta:
        interfaces = (relay.Node,)
        description = "Contains all details related to the applied discount to the order."


class Voucher(MetadataResolvers, graphene.ObjectType):
    """Saleor's voucher, for ``Order.voucher`` (the shop has no vouchers yet: always null)."""

    name = graphene.String()
    code = graphene.String(required=True)
    used = graphene.Int(required=True)
    discount_value_type = graphene.Field(DiscountValueTypeEnum, required=True)
    discount_value = graphene.Float()
    currency = graphene.String()

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Vouchers allow giving discounts to particular customers on categories, "
        "collections or specific products."
