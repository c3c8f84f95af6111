"""Saleor's ``OrderLine``, ``Fulfillment``, ``FulfillmentLine`` and ``OrderEvent`` over our models.
Each resolver reads only what ``orders.selectors.order_prefetch`` loaded and shows only what the
viewer's access allows (a producer's member: that producer's lines, fulfilments and events).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import graphene
from graphene import relay

from accounts.anonymize import obfuscate_email
from accounts.graphql.types import User
from catalog.graphql.ocop import Producer
from catalog.graphql.types import ProductVariant
from catalog.models import ProductMedia
from catalog.thumbnails import thumbnail_url
from shop.graphql import scalars
from shop.graphql.common import (
    ChannelContext,
    Image,
    MetadataResolvers,
    ObjectWithMetadata,
    ThumbnailFormatEnum,
    Weight,
)
from shop.graphql.money import Money, TaxedMoney
from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue

from ..models import OrderLine as OrderLineModel
from .order_enums import (
    DiscountValueTypeEnum,
    FulfillmentStatus,
    OrderEventsEmailsEnum,
    OrderEventsEnum,
)
from .order_viewer import access_of


def order_money(amount: Any, currency: str) -> MoneyValue:
    return MoneyValue(Decimal(amount), currency)


def order_taxed_money(net: Any, gross: Any, currency: str) -> TaxedMoneyValue:
    return TaxedMoneyValue(net=order_money(net, currency), gross=order_money(gross, currency))


# --- Order line ------------------------------------------------------------------------------
class OrderLine(MetadataResolvers, graphene.ObjectType):
    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    product_sku = graphene.String()
    product_variant_id = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    quantity_fulfilled = graphene.Int(required=True)
    quantity_to_fulfill = graphene.Int(required=True)
    unit_discount_reason = graphene.String()
    tax_rate = graphene.Float(required=True)
    thumbnail = graphene.Field(
        Image, size=graphene.Int(), format=graphene.Argument(ThumbnailFormatEnum)
    )
    unit_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_unit_price = graphene.Field(TaxedMoney, required=True)
    unit_discount = graphene.Field(Money, required=True)
    unit_discount_value = scalars.Decimal(required=True)
    total_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_total_price = graphene.Field(TaxedMoney, required=True)
    variant = graphene.Field(ProductVariant, description="Null when the variant was deleted.")
    translated_product_name = graphene.String(required=True)
    translated_variant_name = graphene.String(required=True)
    unit_discount_type = graphene.Field(DiscountValueTypeEnum)
    producer = graphene.Field(Producer, required=True, description="The producer who ships it.")
    weight = graphene.Field(Weight, description="Weight of the line (all units).")

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents order line of particular order."

    @staticmethod
    def resolve_metadata(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_product_variant_id(root: Any, info: Any) -> str | None:
        from shop.graphql.ids import global_id

        return global_id("ProductVariant", root.variant_id) if root.variant_id else None

    @staticmethod
    def resolve_quantity_to_fulfill(root: Any, info: Any) -> int:
        return root.quantity_unfulfilled

    @staticmethod
    def resolve_tax_rate(root: Any, info: Any) -> float:
        # Saleor reports the rate as a fraction (0.08 for 8 %).
        return float(Decimal(root.tax_rate) / 100)

    @staticmethod
    def resolve_thumbnail(root: Any, info: Any, size: int | None = None, format: Any = None):
        variant = root.variant
        if variant is None:
            return None
        media = list(variant.product.media.all())
        if not media:
            return None
        first: ProductMedia = media[0]
        url = thumbnail_url(
            instance=first,
            size=size or 4096,
            format=getattr(format, "value", format),
            thumbnails=list(first.thumbnails.all()),
            request=info.context,
        )
        return Image(url=url, alt=first.alt or root.product_name)

    @staticmethod
    def resolve_unit_price(root: Any, info: Any) -> TaxedMoneyValue:
        return order_taxed_money(
            root.unit_price_net_amount, root.unit_price_gross_amount, root.currency
        )

    resolve_undiscounted_unit_price = resolve_unit_price

    @staticmethod
    def resolve_unit_discount(root: Any, info: Any) -> MoneyValue:
        return order_money(0, root.currency)

    @staticmethod
    def resolve_unit_discount_value(root: Any, info: Any) -> Decimal:
        return Decimal(0)

    @staticmethod
    def resolve_total_price(root: Any, info: Any) -> TaxedMoneyValue:
        return order_taxed_money(
            root.total_price_net_amount, root.total_price_gross_amount, root.currency
        )

    resolve_undiscounted_total_price = resolve_total_price

    @staticmethod
    def resolve_variant(root: Any, info: Any) -> ChannelContext | None:
        if root.variant_id is None or root.variant is None:
            return None
        return ChannelContext(root.variant, root.order.channel)

    @staticmethod
    def resolve_translated_product_name(root: Any, info: Any) -> str:
        return root.translated_product_name or ""

    @staticmethod
    def resolve_translated_variant_name(root: Any, info: Any) -> str:
        return root.translated_variant_name or ""

    @staticmethod
    def resolve_unit_discount_type(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_weight(root: Any, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.weight_grams))


# --- Fulfilments -----------------------------------------------------------------------------
class FulfillmentLine(graphene.ObjectType):
    quantity = graphene.Int(required=True)
    order_line = graphene.Field(OrderLine)

    class Meta:
        interfaces = (relay.Node,)
        description = "Represents line of the fulfillment."

    @staticmethod
    def resolve_order_line(root: Any, info: Any) -> OrderLineModel | None:
        order = root.fulfillment.order
        return next((line for line in order.lines.all() if line.pk == root.order_line_id), None)


class Fulfillment(MetadataResolvers, graphene.ObjectType):
    fulfillment_order = graphene.Int(required=True)
    status = graphene.Field(FulfillmentStatus, required=True)
    tracking_number = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(FulfillmentLine))
    status_display = graphene.String()
    producer = graphene.Field(Producer, description="The producer who shipped it.")

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents order fulfillment (one producer's shipment)."

    @staticmethod
    def resolve_metadata(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_created(root: Any, info: Any):
        return root.created_at

    @staticmethod
    def resolve_status(root: Any, info: Any) -> str:
        return str(getattr(root.status, "value", root.status))

    @staticmethod
    def resolve_lines(root: Any, info: Any) -> list:
        return list(root.lines.all())

    @staticmethod
    def resolve_status_display(root: Any, info: Any) -> str:
        return str(root.get_status_display())

    @staticmethod
    def resolve_producer(root: Any, info: Any) -> Any:
        order = root.order
        line = next((li for li in order.lines.all() if li.producer_id == root.producer_id), None)
        return line.producer if line is not None else None


# --- Events ----------------------------------------------------------------------------------
class OrderEventOrderLineObject(graphene.ObjectType):
    quantity = graphene.Int()
    order_line = graphene.Field(OrderLine)
    item_name = graphene.String()


class OrderEvent(graphene.ObjectType):
    date = graphene.DateTime()
    type = graphene.Field(OrderEventsEnum)
    user = graphene.Field(User)
    message = graphene.String()
    email = graphene.String()
    email_type = graphene.Field(OrderEventsEmailsEnum)
    amount = graphene.Float()
    quantity = graphene.Int()
    composed_id = graphene.String()
    order_number = graphene.String()
    lines = graphene.List(graphene.NonNull(OrderEventOrderLineObject))
    fulfilled_items = graphene.List(graphene.NonNull(FulfillmentLine))
    reference = graphene.String()
    tracking_number = graphene.String(description="Tracking number of a TRACKING_UPDATED event.")

    class Meta:
        interfaces = (relay.Node,)
        description = "History log of the order."

    @staticmethod
    def resolve_type(root: Any, info: Any) -> str:
        return str(getattr(root.type, "value", root.type))

    @staticmethod
    def resolve_user(root: Any, info: Any) -> Any:
        # Who acted is for OCOP staff; producers see what happened, not who did it.
        access = access_of(root.order, info)
        return root.user if access.sees_events and not access.restricted else None

    @staticmethod
    def resolve_message(root: Any, info: Any) -> str | None:
        return root.parameters.get("message")

    @staticmethod
    def resolve_email(root: Any, info: Any) -> str | None:
        # An "email sent" event names the buyer's address: a producer's member sees it masked.
        email = root.parameters.get("email")
        if email and not access_of(root.order, info).sees_buyer:
            return ", ".join(obfuscate_email(one.strip()) for one in email.split(","))
        return email

    @staticmethod
    def resolve_email_type(root: Any, info: Any) -> str | None:
        value = root.parameters.get("email_type")
        known = {name.lower() for name, _v in OrderEventsEmailsEnum._meta.enum.__members__.items()}
        return value if value in known else None

    @staticmethod
    def resolve_amount(root: Any, info: Any) -> float | None:
        amount = root.parameters.get("amount")
        return None if amount is None else float(amount)

    @staticmethod
    def resolve_quantity(root: Any, info: Any) -> int | None:
        return root.parameters.get("quantity")

    @staticmethod
    def resolve_composed_id(root: Any, info: Any) -> str | None:
        fulfillment = root.parameters.get("fulfillment")
        return f"{root.order.number}-{fulfillment}" if fulfillment else None

    @staticmethod
    def resolve_order_number(root: Any, info: Any) -> str:
        return str(root.order.number)

    @staticmethod
    def resolve_lines(root: Any, info: Any) -> list[OrderEventOrderLineObject] | None:
        items = root.parameters.get("lines")
        if not items:
            return None
        by_pk = {str(line.pk): line for line in root.order.lines.all()}
        result = []
        for item in items:
            line = by_pk.get(str(item.get("line_pk")))
            result.append(
                OrderEventOrderLineObject(
                    quantity=item.get("quantity"),
                    order_line=line,
                    item_name=f"{line.product_name} ({line.variant_name})" if line else None,
                )
            )
        return result

    @staticmethod
    def resolve_fulfilled_items(root: Any, info: Any) -> list | None:
        wanted = set(root.parameters.get("fulfilled_items") or ())
        if not wanted:
            return None
        return [
            line
            for fulfillment in root.order.fulfillments.all()
            for line in fulfillment.lines.all()
            if str(line.pk) in wanted
        ]

    @staticmethod
    def resolve_reference(root: Any, info: Any) -> str | None:
        return root.parameters.get("reference")

    @staticmethod
    def resolve_tracking_number(root: Any, info: Any) -> str | None:
        return root.parameters.get("tracking_number")
