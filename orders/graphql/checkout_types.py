"""Saleor's checkout types over our models: ``Checkout``, ``CheckoutLine``, ``ShippingMethod``
(a delivery quote for this cart), ``DeliveryMethod``, problems, and the Saleor types a checkout
names but the shop does not use yet (gift cards, collection points), which resolve empty.

What a checkout shows beyond its row is loaded once per request by :class:`CheckoutData` and
kept on the checkout object: the priced lines in one query, their variants in one
``variant_prefetch``, the delivery quotes once. So ``checkout(id)`` costs the same number of
SQL queries for one line or fifty.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

import graphene
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from graphene import relay

from accounts.graphql.types import Address, User
from accounts.models import Address as AddressModel
from catalog.graphql.ocop import Producer
from catalog.graphql.types import Channel, ProductVariant
from catalog.models import ProductVariant as VariantModel
from catalog.models import Warehouse as WarehouseModel
from catalog.selectors import variant_prefetch
from orders import availability
from orders import checkout as services
from orders.models import Checkout as CheckoutModel
from orders.models import CheckoutLine as CheckoutLineModel
from orders.models import ShippingMethod as ShippingMethodModel
from orders.selectors import checkout_lines_priced
from orders.shipping import DeliveryQuote, Parcel
from shop.graphql.common import (
    ChannelContext,
    LanguageCodeEnum,
    LanguageDisplay,
    MetadataResolvers,
    ObjectWithMetadata,
    Weight,
    language_base,
)
from shop.graphql.ids import global_id
from shop.graphql.money import Money, TaxedMoney
from shop.graphql.selection import selected_paths
from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue

COD_GATEWAY_ID = "ocop.payments.cod"


# --- Per-request data -------------------------------------------------------------------------
@dataclass(frozen=True)
class InsufficientStock:
    line: CheckoutLineModel
    available_quantity: int


@dataclass(frozen=True)
class VariantNotAvailable:
    line: CheckoutLineModel


@dataclass(frozen=True)
class ShippingOffer:
    """A delivery quote as the API shows it (the root of ``ShippingMethod``).

    ``producers`` maps producer pks to rows, so each parcel can show its producer."""

    quote: DeliveryQuote
    producers: dict[int, Any] = field(default_factory=dict)
    checkout_token: Any = None


def shipping_offer(
    method: ShippingMethodModel,
    price: MoneyValue,
    *,
    min_days: int | None = None,
    max_days: int | None = None,
) -> ShippingOffer:
    """A ``ShippingMethod`` root for a method with a known price (an order's chosen method)."""
    quote = DeliveryQuote(
        method=method,
        parcels=[],
        total=price,
        min_days=method.min_delivery_days if min_days is None else min_days,
        max_days=method.max_delivery_days if max_days is None else max_days,
        available=True,
        reason=None,
    )
    return ShippingOffer(quote=quote)


def _reservation(line: CheckoutLineModel) -> Any | None:
    try:
        return line.reservation
    except ObjectDoesNotExist:
        return None


def _product_loaded(variant: VariantModel) -> bool:
    """``variant_prefetch`` leaves ``product`` empty when the product is no longer visible."""
    try:
        return variant.product is not None
    except ObjectDoesNotExist:
        return False


class CheckoutData:
    """What ``Checkout`` fields read beyond the row, each part loaded on first use."""

    def __init__(self, checkout: CheckoutModel) -> None:
        self.checkout = checkout
        # What the query selects under ``lines.variant`` (set by the first line's resolver),
        # so the catalogue prefetch loads only that; None loads the whole product card.
        self.variant_paths: set[str] | None = None

    @cached_property
    def lines(self) -> list[CheckoutLineModel]:
        lines = checkout_lines_priced(self.checkout)
        for line in lines:
            line._checkout_data = self
        return lines

    @cached_property
    def variants(self) -> dict[int, VariantModel]:
        """Variants as the catalogue shows them (prices, stock, media) in one prefetch."""
        ids = {line.variant_id for line in self.lines}
        if not ids:
            return {}
        queryset = variant_prefetch(
            VariantModel.objects.filter(pk__in=ids),
            channel=self.checkout.channel,
            paths=self.variant_paths,
        )
        return {variant.pk: variant for variant in queryset if _product_loaded(variant)}

    def variant_of(self, line: CheckoutLineModel, paths: set[str] | None = None) -> ChannelContext:
        if paths is not None and "variants" not in self.__dict__:
            self.variant_paths = paths
        # A variant whose product left the catalogue still shows, from the line's own join.
        variant = self.variants.get(line.variant_id) or line.variant
        return ChannelContext(variant, self.checkout.channel)

    @cached_property
    def quotes(self) -> list[DeliveryQuote]:
        return services.checkout_delivery_quotes(self.checkout, self.lines)

    @cached_property
    def producers(self) -> dict[int, Any]:
        return {
            line.variant.product.producer_id: line.variant.product.producer for line in self.lines
        }

    def offer(self, quote: DeliveryQuote) -> ShippingOffer:
        return ShippingOffer(quote=quote, producers=self.producers, checkout_token=self.checkout.pk)

    @cached_property
    def offers(self) -> list[ShippingOffer]:
        return [self.offer(quote) for quote in self.quotes]

    @cached_property
    def chosen_offer(self) -> ShippingOffer | None:
        method_id = self.checkout.shipping_method_id
        if method_id is None:
            return None
        return next((o for o in self.offers if o.quote.method.pk == method_id), None)

    @cached_property
    def totals(self) -> services.CheckoutTotals:
        """As ``orders.checkout.checkout_totals``, from the quotes already computed."""
        currency = self.checkout.currency
        line_totals = [services.line_total(line, currency) for line in self.lines]
        zero = MoneyValue(Decimal(0), currency)
        subtotal = TaxedMoneyValue(
            net=sum((t.net for t in line_totals), zero),
            gross=sum((t.gross for t in line_totals), zero),
        )
        chosen = self.chosen_offer
        quote = chosen.quote if chosen is not None and chosen.quote.available else None
        shipping_amount = quote.total if quote is not None else zero
        shipping = TaxedMoneyValue(net=shipping_amount, gross=shipping_amount)
        total = TaxedMoneyValue(
            net=subtotal.net + shipping.net, gross=subtotal.gross + shipping.gross
        )
        return services.CheckoutTotals(
            subtotal=subtotal, shipping=shipping, total=total, quote=quote
        )

    @cached_property
    def problems(self) -> list[InsufficientStock | VariantNotAvailable]:
        lines = self.lines
        if not lines:
            return []
        ids = [line.variant_id for line in lines]
        purchasable = services.purchasable_variants(channel=self.checkout.channel, variant_ids=ids)
        available = availability.variants_available(variant_ids=ids, exclude_checkout=self.checkout)
        problems: list[InsufficientStock | VariantNotAvailable] = []
        for line in lines:
            if line.variant_id not in purchasable or line.unit_gross is None:
                problems.append(VariantNotAvailable(line=line))
            elif line.quantity > available.get(line.variant_id, 0):
                problems.append(
                    InsufficientStock(line=line, available_quantity=available[line.variant_id])
                )
        return problems

    @cached_property
    def reservation_expires(self) -> datetime.datetime | None:
        now = timezone.now()
        holds = [
            hold.reserved_until
            for line in self.lines
            if (hold := _reservation(line)) is not None and hold.reserved_until > now
        ]
        return min(holds) if holds else None


def checkout_data(checkout: CheckoutModel) -> CheckoutData:
    data = checkout.__dict__.get("_graphql_data")
    if data is None:
        data = checkout._graphql_data = CheckoutData(checkout)
    return data


def checkout_data_reset(checkout: CheckoutModel) -> CheckoutModel:
    """Forget what was loaded (a mutation changed the checkout)."""
    checkout.__dict__.pop("_graphql_data", None)
    return checkout


def _line_data(line: CheckoutLineModel) -> CheckoutData:
    data = getattr(line, "_checkout_data", None)
    if data is None:  # a line met outside a checkout's lines: load its checkout's data
        data = checkout_data(line.checkout)
    return data


def _language_enum(code: str) -> str:
    name = (code or "vi").replace("-", "_").upper()
    return name if name in LanguageCodeEnum._meta.enum.__members__ else "VI"


# --- Shipping ---------------------------------------------------------------------------------
ShippingMethodTypeEnum = graphene.Enum(
    "ShippingMethodTypeEnum", [("PRICE", "price"), ("WEIGHT", "weight")]
)


@dataclass(frozen=True)
class _MethodTranslation:
    key: str
    language_code: Any
    name: str


class ShippingMethodTranslation(graphene.ObjectType):
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String()
    description = graphene.JSONString()

    class Meta:
        interfaces = (relay.Node,)

    @staticmethod
    def resolve_id(root: _MethodTranslation, info: Any) -> str:
        return root.key

    @staticmethod
    def resolve_language(root: _MethodTranslation, info: Any) -> LanguageDisplay:
        return LanguageDisplay.for_code(root.language_code)

    @staticmethod
    def resolve_description(root: _MethodTranslation, info: Any) -> None:
        return None


@dataclass(frozen=True)
class _ParcelView:
    parcel: Parcel
    producer: Any


class CheckoutDeliveryParcel(graphene.ObjectType):
    producer = graphene.Field(Producer, required=True, description="Who ships this parcel.")
    price = graphene.Field(Money, required=True, description="Delivery price of this parcel.")
    weight = graphene.Field(Weight, description="Actual weight of the goods.")
    chargeable_weight = graphene.Field(
        Weight, description="Weight the carrier bills: max(actual, volumetric)."
    )
    is_free = graphene.Boolean(
        required=True, description="Free: the parcel's goods reach the method's threshold."
    )

    class Meta:
        description = "One producer's parcel of a cart: each producer ships its own goods."

    @staticmethod
    def resolve_producer(root: _ParcelView, info: Any) -> Any:
        return root.producer

    @staticmethod
    def resolve_price(root: _ParcelView, info: Any) -> MoneyValue:
        return root.parcel.price

    @staticmethod
    def resolve_weight(root: _ParcelView, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.parcel.weight_grams))

    @staticmethod
    def resolve_chargeable_weight(root: _ParcelView, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.parcel.chargeable_weight_grams))

    @staticmethod
    def resolve_is_free(root: _ParcelView, info: Any) -> bool:
        return root.parcel.is_free


def _parcels(offer: ShippingOffer | None) -> list[_ParcelView]:
    if offer is None:
        return []
    return [
        _ParcelView(parcel=parcel, producer=offer.producers.get(parcel.producer_id))
        for parcel in offer.quote.parcels
        if parcel.producer_id in offer.producers
    ]


class ShippingMethod(MetadataResolvers, graphene.ObjectType):
    type = graphene.Field(
        ShippingMethodTypeEnum,
        deprecation_reason="This field will be removed in Saleor 4.0.",
    )
    name = graphene.String(required=True)
    description = graphene.JSONString()
    maximum_delivery_days = graphene.Int()
    minimum_delivery_days = graphene.Int()
    maximum_order_weight = graphene.Field(
        Weight, deprecation_reason="This field will be removed in Saleor 4.0."
    )
    minimum_order_weight = graphene.Field(
        Weight, deprecation_reason="This field will be removed in Saleor 4.0."
    )
    translation = graphene.Field(
        ShippingMethodTranslation,
        language_code=graphene.Argument(LanguageCodeEnum, required=True),
    )
    price = graphene.Field(
        Money, required=True, description="Delivery price of the cart: the sum of its parcels."
    )
    maximum_order_price = graphene.Field(Money)
    minimum_order_price = graphene.Field(Money)
    active = graphene.Boolean(
        required=True,
        description="Describes if this shipping method is active and can be selected.",
    )
    message = graphene.String(description="Why the method cannot carry this cart, when inactive.")
    delivery_parcels = graphene.List(
        graphene.NonNull(CheckoutDeliveryParcel),
        required=True,
        description="The cart's parcels (one per producer) priced by this method.",
    )

    class Meta:
        description = (
            "Shipping methods that can be used as means of shipping for orders and checkouts."
        )
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_id(root: ShippingOffer, info: Any) -> int:
        return root.quote.method.pk

    @staticmethod
    def resolve_type(root: ShippingOffer, info: Any) -> str:
        return "weight"

    @staticmethod
    def resolve_name(root: ShippingOffer, info: Any) -> str:
        return root.quote.method.name

    @staticmethod
    def resolve_description(root: ShippingOffer, info: Any) -> None:
        return None

    @staticmethod
    def resolve_maximum_delivery_days(root: ShippingOffer, info: Any) -> int:
        return root.quote.max_days

    @staticmethod
    def resolve_minimum_delivery_days(root: ShippingOffer, info: Any) -> int:
        return root.quote.min_days

    @staticmethod
    def resolve_maximum_order_weight(root: ShippingOffer, info: Any) -> Weight | None:
        limit = root.quote.method.max_weight_grams
        return Weight(unit="g", value=float(limit)) if limit else None

    @staticmethod
    def resolve_minimum_order_weight(root: ShippingOffer, info: Any) -> None:
        return None

    @staticmethod
    def resolve_translation(root: ShippingOffer, info: Any, language_code: Any):
        method = root.quote.method
        base = language_base(language_code)
        code = getattr(language_code, "value", language_code)
        if base == "vi":
            return _MethodTranslation(key=f"{method.pk}:vi", language_code=code, name=method.name)
        for translation in method.translations.all():
            if translation.language_code == base:
                key = f"{method.pk}:{base}"
                return _MethodTranslation(key=key, language_code=code, name=translation.name)
        return None

    @staticmethod
    def resolve_price(root: ShippingOffer, info: Any) -> MoneyValue:
        return root.quote.total

    @staticmethod
    def resolve_maximum_order_price(root: ShippingOffer, info: Any) -> None:
        return None

    @staticmethod
    def resolve_minimum_order_price(root: ShippingOffer, info: Any) -> None:
        return None

    @staticmethod
    def resolve_active(root: ShippingOffer, info: Any) -> bool:
        return root.quote.available

    @staticmethod
    def resolve_message(root: ShippingOffer, info: Any) -> str | None:
        return root.quote.reason

    @staticmethod
    def resolve_delivery_parcels(root: ShippingOffer, info: Any) -> list[_ParcelView]:
        return _parcels(root)

    @staticmethod
    def resolve_metadata(root: ShippingOffer, info: Any):
        return MetadataResolvers.resolve_metadata(root.quote.method, info)

    @staticmethod
    def resolve_metafield(root: ShippingOffer, info: Any, key: str):
        return MetadataResolvers.resolve_metafield(root.quote.method, info, key)

    @staticmethod
    def resolve_metafields(root: ShippingOffer, info: Any, keys: list[str] | None = None):
        return MetadataResolvers.resolve_metafields(root.quote.method, info, keys)


WarehouseClickAndCollectOptionEnum = graphene.Enum(
    "WarehouseClickAndCollectOptionEnum",
    [("DISABLED", "disabled"), ("LOCAL", "local"), ("ALL", "all")],
)


class Warehouse(MetadataResolvers, graphene.ObjectType):
    """A producer's store room, as Saleor's public warehouse (no click-and-collect yet)."""

    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    email = graphene.String(required=True)
    is_private = graphene.Boolean(required=True)
    address = graphene.Field(Address, required=True)
    company_name = graphene.String(
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `Address.companyName` "
        "instead.",
    )
    click_and_collect_option = graphene.Field(WarehouseClickAndCollectOptionEnum, required=True)

    class Meta:
        description = "Represents warehouse."
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_email(root: WarehouseModel, info: Any) -> str:
        return ""

    @staticmethod
    def resolve_is_private(root: WarehouseModel, info: Any) -> bool:
        return True

    @staticmethod
    def resolve_address(root: WarehouseModel, info: Any) -> AddressModel:
        return AddressModel(
            id=root.pk,
            company_name=root.name,
            street_address_1=root.street_address,
            city=root.ward.name,
            country="VN",
            country_area=root.province.name,
            province_id=root.province_id,
            ward_id=root.ward_id,
        )

    @staticmethod
    def resolve_company_name(root: WarehouseModel, info: Any) -> str:
        return root.name

    @staticmethod
    def resolve_click_and_collect_option(root: WarehouseModel, info: Any) -> str:
        return "disabled"


class DeliveryMethod(graphene.Union):
    class Meta:
        types = (Warehouse, ShippingMethod)
        description = (
            "Represents a delivery method chosen for the checkout. `Warehouse` type is used when "
            'checkout is marked as "click and collect" and `ShippingMethod` otherwise.'
        )

    @classmethod
    def resolve_type(cls, instance: Any, info: Any):
        return Warehouse if isinstance(instance, WarehouseModel) else ShippingMethod


class Delivery(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the delivery.")
    shipping_method = graphene.Field(
        ShippingMethod, description="Shipping method represented by the delivery."
    )

    class Meta:
        description = "Represents a delivery option for the checkout."

    @staticmethod
    def resolve_id(root: ShippingOffer, info: Any) -> str:
        return global_id("CheckoutDelivery", f"{root.checkout_token}:{root.quote.method.pk}")

    @staticmethod
    def resolve_shipping_method(root: ShippingOffer, info: Any) -> ShippingOffer:
        return root


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


def payment_status_prefetch(orders: list[Any]) -> None:
    """Load the payment state of a page of orders at once (``PAYMENT_STATUS_PREFETCH``)."""
    import_string(settings.PAYMENT_STATUS_PREFETCH)(orders)


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


# --- Problems ---------------------------------------------------------------------------------
class CheckoutLineProblemInsufficientStock(graphene.ObjectType):
    available_quantity = graphene.Int(description="Available quantity of a variant.")
    line = graphene.Field(
        lambda: CheckoutLine,
        required=True,
        description="The line that has variant with insufficient stock.",
    )
    variant = graphene.Field(
        ProductVariant, required=True, description="The variant with insufficient stock."
    )

    class Meta:
        description = (
            "Indicates insufficient stock for a given checkout line.Placing the order will not "
            "be possible until solving this problem."
        )

    @staticmethod
    def resolve_variant(root: InsufficientStock, info: Any) -> ChannelContext:
        return _line_data(root.line).variant_of(root.line)


class CheckoutLineProblemVariantNotAvailable(graphene.ObjectType):
    line = graphene.Field(
        lambda: CheckoutLine,
        required=True,
        description="The line that has variant that is not available.",
    )

    class Meta:
        description = (
            "The variant assigned to the checkout line is not available.Placing the order will "
            "not be possible until solving this problem."
        )


def _problem_type(instance: Any) -> type[graphene.ObjectType]:
    if isinstance(instance, InsufficientStock):
        return CheckoutLineProblemInsufficientStock
    return CheckoutLineProblemVariantNotAvailable


class CheckoutProblem(graphene.Union):
    class Meta:
        types = (CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)
        description = "Represents an problem in the checkout."

    @classmethod
    def resolve_type(cls, instance: Any, info: Any):
        return _problem_type(instance)


class CheckoutLineProblem(graphene.Union):
    class Meta:
        types = (CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)
        description = "Represents an problem in the checkout line."

    @classmethod
    def resolve_type(cls, instance: Any, info: Any):
        return _problem_type(instance)


# --- Checkout line ----------------------------------------------------------------------------
class CheckoutLine(MetadataResolvers, graphene.ObjectType):
    variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(
        TaxedMoney, required=True, description="The unit price of the checkout line, with taxes."
    )
    undiscounted_unit_price = graphene.Field(Money, required=True)
    prior_unit_price = graphene.Field(Money)
    total_price = graphene.Field(
        TaxedMoney, required=True, description="The sum of the checkout line price, with taxes."
    )
    undiscounted_total_price = graphene.Field(Money, required=True)
    prior_total_price = graphene.Field(Money)
    requires_shipping = graphene.Boolean(required=True)
    problems = graphene.List(
        graphene.NonNull(CheckoutLineProblem), description="List of problems with the line."
    )
    is_gift = graphene.Boolean()

    class Meta:
        description = "Represents an item in the checkout."
        interfaces = (relay.Node, ObjectWithMetadata)

    @staticmethod
    def resolve_variant(root: CheckoutLineModel, info: Any) -> ChannelContext:
        return _line_data(root).variant_of(root, paths=selected_paths(info))

    @staticmethod
    def resolve_unit_price(root: CheckoutLineModel, info: Any) -> TaxedMoneyValue:
        return services.line_unit_price(root, _line_data(root).checkout.currency)

    @staticmethod
    def resolve_undiscounted_unit_price(root: CheckoutLineModel, info: Any) -> MoneyValue:
        return CheckoutLine.resolve_unit_price(root, info).gross

    @staticmethod
    def resolve_total_price(root: CheckoutLineModel, info: Any) -> TaxedMoneyValue:
        return services.line_total(root, _line_data(root).checkout.currency)

    @staticmethod
    def resolve_undiscounted_total_price(root: CheckoutLineModel, info: Any) -> MoneyValue:
        return CheckoutLine.resolve_total_price(root, info).gross

    @staticmethod
    def resolve_prior_unit_price(root: CheckoutLineModel, info: Any) -> None:
        return None

    @staticmethod
    def resolve_prior_total_price(root: CheckoutLineModel, info: Any) -> None:
        return None

    @staticmethod
    def resolve_requires_shipping(root: CheckoutLineModel, info: Any) -> bool:
        return True  # every OCOP product ships (orders snapshot is_shipping_required=True)

    @staticmethod
    def resolve_problems(root: CheckoutLineModel, info: Any) -> list[Any]:
        return [p for p in _line_data(root).problems if p.line.pk == root.pk]

    @staticmethod
    def resolve_is_gift(root: CheckoutLineModel, info: Any) -> bool:
        return False


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
        return _language_enum(root.language_code)

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
    def resolve_delivery_parcels(root: CheckoutModel, info: Any) -> list[_ParcelView]:
        offer = checkout_data(root).chosen_offer
        return _parcels(offer) if offer is not None and offer.quote.available else []
