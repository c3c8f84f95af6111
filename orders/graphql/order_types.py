"""Saleor's order types: ``Order``, ``OrderLine``, ``Fulfillment``, ``FulfillmentLine``,
``OrderEvent``, ``OrderError`` and their enums, plus ``User.orders``.

What a viewer sees is decided once per order by ``orders.services.order_access`` (cached on the
instance): a producer's member sees only that producer's lines, fulfilments, parcels and events;
events are for staff and producer members only (buyers see ``[]``). Resolvers read only what
``order_prefetch`` loaded, so an order costs the same number of queries for 1 line or 100.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import graphene
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _lazy
from graphene import relay

from accounts.graphql.types import Address, AddressTypeEnum, User
from catalog.graphql.ocop import Producer
from catalog.graphql.types import Channel, ProductVariant
from catalog.models import Product, ProductMedia
from catalog.models import ProductVariant as VariantModel
from catalog.selectors import product_prefetch, variant_annotations
from catalog.thumbnails import thumbnail_url
from shop.graphql.common import (
    ChannelContext,
    Image,
    LanguageCodeEnum,
    MetadataResolvers,
    ObjectWithMetadata,
    ThumbnailFormatEnum,
    Weight,
)
from shop.graphql.connection import CountableConnection, SortKey, connection_args, paginate
from shop.graphql.money import Money, TaxedMoney
from shop.graphql.selection import selected_paths, selects
from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue

from ..models import Fulfillment as FulfillmentModel
from ..models import Order as OrderModel
from ..models import OrderDeliveryParcel as OrderDeliveryParcelModel
from ..models import OrderEvent as OrderEventModel
from ..models import OrderLine as OrderLineModel
from ..models import OrderStatus as OrderStatusChoices
from ..services import OrderAccess, order_access
from .checkout_data import shipping_offer
from .checkout_delivery_types import DeliveryMethod, ShippingMethod, Warehouse
from .checkout_payment_types import (
    TRANSACTION_ITEM,
    GiftCard,
    payment_status,
    payment_status_prefetch,
)

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
_PAYMENT_STATUS_DISPLAY = {
    "not_charged": _lazy("Chưa thanh toán"),
    "partially_charged": _lazy("Đã thanh toán một phần"),
    "fully_charged": _lazy("Đã thanh toán"),
    "partially_refunded": _lazy("Đã hoàn tiền một phần"),
    "fully_refunded": _lazy("Đã hoàn tiền"),
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


# --- Access and prefetch ---------------------------------------------------------------------
def access_of(order: OrderModel, info: Any) -> OrderAccess:
    """The viewer's access to ``order``, computed once. An order reached without a visibility
    check (``checkoutComplete``'s payload) gets the same rules; should they refuse, it shows no
    lines, parcels, fulfilments or events."""
    access = getattr(order, "_ocop_access", None)
    if access is None:
        user = getattr(info.context, "user", None)
        access = order_access(order=order, user=user) or NO_LINES
        order._ocop_access = access
        if "lines" not in getattr(order, "_prefetched_objects_cache", {}):
            order_prefetch([order])  # a fixed number of queries, not one per line
    return access


NO_LINES = OrderAccess(producer_ids=frozenset())


def _product_paths(paths: set[str] | None) -> set[str] | None:
    if paths is None:
        return None
    prefix = "lines.variant.product."
    result = {p[len(prefix) :] for p in paths if p.startswith(prefix)}
    if selects(paths, "lines.thumbnail", "lines.variant.media"):
        result.add("thumbnail")
    return result


_PAYMENT_FIELDS = (
    "isPaid",
    "paymentStatus",
    "paymentStatusDisplay",
    "authorizeStatus",
    "chargeStatus",
    "transactions",
    "totalAuthorized",
    "totalCaptured",
    "totalCharged",
    "totalCanceled",
    "totalRefunded",
    "totalBalance",
)


def order_prefetch(orders: Iterable[OrderModel], *, paths: set[str] | None = None) -> None:
    """Load everything the order types read, for a page of orders, in a fixed number of queries
    (per channel). ``paths`` is what the query selects (``None``: everything)."""
    orders = list(orders)
    if not orders:
        return
    line_qs = OrderLineModel.objects.select_related("producer").order_by("sort_order", "id")
    by_channel: dict[int, list[OrderModel]] = defaultdict(list)
    for order in orders:
        by_channel[order.channel_id].append(order)
    wants_variant = selects(
        paths, "lines.variant", "lines.thumbnail", "fulfillments.lines", "events.lines"
    )
    for channel_orders in by_channel.values():
        lookups: list[Any] = []
        queryset = line_qs
        if wants_variant:
            channel = channel_orders[0].channel
            products = product_prefetch(
                Product.objects.all(), channel=channel, paths=_product_paths(paths)
            )
            variants = VariantModel.objects.annotate(
                **variant_annotations(channel)
            ).prefetch_related("translations", Prefetch("product", queryset=products))
            queryset = line_qs.prefetch_related(Prefetch("variant", queryset=variants))
        lookups.append(Prefetch("lines", queryset=queryset))
        if selects(paths, "fulfillments", "trackingNumbers", "events.fulfilledItems"):
            lookups.append(
                Prefetch(
                    "fulfillments",
                    queryset=FulfillmentModel.objects.order_by(
                        "fulfillment_order"
                    ).prefetch_related("lines"),
                )
            )
        if selects(paths, "events"):
            lookups.append(
                Prefetch("events", queryset=OrderEventModel.objects.select_related("user"))
            )
        if selects(paths, "deliveryParcels"):
            parcels = OrderDeliveryParcelModel.objects.select_related("producer")
            lookups.append(Prefetch("parcels", queryset=parcels))
        prefetch_related_objects(channel_orders, *lookups)
    if selects(paths, *_PAYMENT_FIELDS):
        payment_status_prefetch(orders)


def orders_base_queryset():
    return OrderModel.objects.select_related(
        "channel", "shipping_address", "billing_address", "shipping_method", "user"
    )


def order_for_viewer(*, pk: Any, user: Any, info: Any = None) -> OrderModel | None:
    """The order ``pk`` as ``user`` may see it (access cached on it), or None."""
    order = orders_base_queryset().filter(pk=pk).first()
    if order is None:
        return None
    access = order_access(order=order, user=user)
    if access is None:
        return None
    order._ocop_access = access
    paths = selected_paths(info) if info is not None else None
    order_prefetch([order], paths=paths | {"lines"} if paths is not None else None)
    return order


# --- Helpers ---------------------------------------------------------------------------------
def _money(amount: Any, currency: str) -> MoneyValue:
    return MoneyValue(Decimal(amount), currency)


def _taxed(net: Any, gross: Any, currency: str) -> TaxedMoneyValue:
    return TaxedMoneyValue(net=_money(net, currency), gross=_money(gross, currency))


def _visible_lines(order: OrderModel, info: Any) -> list[OrderLineModel]:
    access = access_of(order, info)
    return [line for line in order.lines.all() if access.shows_producer(line.producer_id)]


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
    unit_discount_value = graphene.Decimal(required=True)
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
        return _taxed(root.unit_price_net_amount, root.unit_price_gross_amount, root.currency)

    resolve_undiscounted_unit_price = resolve_unit_price

    @staticmethod
    def resolve_unit_discount(root: Any, info: Any) -> MoneyValue:
        return _money(0, root.currency)

    @staticmethod
    def resolve_unit_discount_value(root: Any, info: Any) -> Decimal:
        return Decimal(0)

    @staticmethod
    def resolve_total_price(root: Any, info: Any) -> TaxedMoneyValue:
        return _taxed(root.total_price_net_amount, root.total_price_gross_amount, root.currency)

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
        return root.parameters.get("email")

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
        return _money(root.price_amount, root.order.currency)

    @staticmethod
    def resolve_weight(root: Any, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.weight_grams))

    @staticmethod
    def resolve_chargeable_weight(root: Any, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.chargeable_weight_grams))

    @staticmethod
    def resolve_subtotal(root: Any, info: Any) -> TaxedMoneyValue:
        lines = [li for li in root.order.lines.all() if li.producer_id == root.producer_id]
        return _taxed(
            sum((li.total_price_net_amount for li in lines), Decimal(0)),
            sum((li.total_price_gross_amount for li in lines), Decimal(0)),
            root.order.currency,
        )

    @staticmethod
    def resolve_total(root: Any, info: Any) -> MoneyValue:
        subtotal = OrderDeliveryParcel.resolve_subtotal(root, info)
        return subtotal.gross + _money(root.price_amount, root.order.currency)


class OrderDiscount(graphene.ObjectType):
    type = graphene.Field(OrderDiscountType, required=True)
    name = graphene.String()
    translated_name = graphene.String()
    value_type = graphene.Field(DiscountValueTypeEnum, required=True)
    value = graphene.Decimal(required=True)
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


# --- Order -----------------------------------------------------------------------------------
class Order(MetadataResolvers, graphene.ObjectType):
    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    status = graphene.Field(OrderStatus, required=True)
    user = graphene.Field(User)
    tracking_client_id = graphene.String(required=True)
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
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
        description="List of transactions for the order.",
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
    user_email = graphene.String()
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
    checkout_id = graphene.ID()
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
        return None if access_of(root, info).restricted else root.user

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
        return _visible_lines(root, info)

    @staticmethod
    def resolve_actions(root: Any, info: Any) -> list:
        return []

    @staticmethod
    def resolve_shipping_method(root: Any, info: Any) -> Any:
        """The chosen method at the price paid (its delivery days are the method's now)."""
        if root.shipping_method_id is None:
            return None
        return shipping_offer(
            root.shipping_method, _money(root.shipping_price_gross_amount, root.currency)
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
    def resolve_is_paid(root: Any, info: Any) -> bool:
        return payment_status(root).is_paid

    @staticmethod
    def resolve_payment_status(root: Any, info: Any) -> str:
        return payment_status(root).legacy_payment_status

    @staticmethod
    def resolve_payment_status_display(root: Any, info: Any) -> str:
        return str(_PAYMENT_STATUS_DISPLAY[payment_status(root).legacy_payment_status])

    @staticmethod
    def resolve_authorize_status(root: Any, info: Any) -> str:
        return payment_status(root).authorize_status.lower()

    @staticmethod
    def resolve_charge_status(root: Any, info: Any) -> str:
        return payment_status(root).charge_status.lower()

    @staticmethod
    def resolve_tax_exemption(root: Any, info: Any) -> bool:
        return False

    @staticmethod
    def resolve_total(root: Any, info: Any) -> TaxedMoneyValue:
        return _taxed(root.total_net_amount, root.total_gross_amount, root.currency)

    resolve_undiscounted_total = resolve_total

    @staticmethod
    def resolve_shipping_price(root: Any, info: Any) -> TaxedMoneyValue:
        return _taxed(
            root.shipping_price_net_amount, root.shipping_price_gross_amount, root.currency
        )

    @staticmethod
    def resolve_undiscounted_shipping_price(root: Any, info: Any) -> MoneyValue:
        return _money(root.shipping_price_gross_amount, root.currency)

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
        grams = sum(line.weight_grams for line in _visible_lines(root, info))
        return Weight(unit="g", value=float(grams))

    @staticmethod
    def resolve_redirect_url(root: Any, info: Any) -> None:
        return None

    @staticmethod
    def resolve_subtotal(root: Any, info: Any) -> TaxedMoneyValue:
        return _taxed(root.subtotal_net_amount, root.subtotal_gross_amount, root.currency)

    @staticmethod
    def resolve_status_display(root: Any, info: Any) -> str:
        return str(OrderStatusChoices(root.status).label)

    @staticmethod
    def resolve_can_finalize(root: Any, info: Any) -> bool:
        return False

    @staticmethod
    def _zero(root: Any, info: Any) -> MoneyValue:
        return _money(0, root.currency)

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
    def resolve_total_balance(root: Any, info: Any) -> MoneyValue:
        # Saleor: charged − total (negative while money is owed).
        return _money(payment_status(root).balance, root.currency)

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
        from shop.graphql.ids import global_id

        return global_id("Checkout", root.checkout_token) if root.checkout_token else None

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


_PAYMENT_TOTALS = {
    "total_authorized": "authorized",
    "total_captured": "charged",
    "total_charged": "charged",
    "total_canceled": "canceled",
    "total_refunded": "refunded",
}
for _name, _attr in _PAYMENT_TOTALS.items():
    setattr(
        Order,
        f"resolve_{_name}",
        staticmethod(
            lambda root, info, _a=_attr: _money(getattr(payment_status(root), _a), root.currency)
        ),
    )


class OrderCountableConnection(CountableConnection):
    class Meta:
        node = Order


# --- User.orders -----------------------------------------------------------------------------
ORDER_LIST_KEYS = [SortKey("number", True, int)]


def resolve_user_orders(root: Any, info: Any, **page: Any):
    """The user's orders, newest first (keyset on the order number). Only the user themself
    and OCOP staff see them (Saleor: OWNER or MANAGE_STAFF)."""
    viewer = getattr(info.context, "user", None)
    queryset = orders_base_queryset().exclude(status=OrderStatusChoices.DRAFT)
    allowed = (
        viewer is not None and viewer.is_authenticated and (viewer.pk == root.pk or viewer.is_staff)
    )
    queryset = queryset.filter(user_id=root.pk) if allowed else queryset.none()
    result = paginate(queryset, keys=ORDER_LIST_KEYS, field_name="orders", info=info, **page)
    orders = [edge.node for edge in result.edges]
    order_prefetch(orders, paths=selected_paths(info) | {"lines"})
    for order in orders:
        order._ocop_access = OrderAccess(sees_events=bool(viewer and viewer.is_staff))
    return result


User._meta.fields["orders"] = graphene.Field(
    OrderCountableConnection,
    resolver=resolve_user_orders,
    description="List of user's orders. Requires one of the following permissions: "
    "MANAGE_STAFF, OWNER.",
    **connection_args(),
)
