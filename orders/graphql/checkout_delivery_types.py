"""Saleor's delivery types for a checkout: ``ShippingMethod`` (a delivery quote for this cart),
its per-producer parcels, ``Warehouse`` (collection points, none yet), ``DeliveryMethod``, ``Delivery``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import graphene
from graphene import relay

from accounts.graphql.types import Address
from accounts.models import Address as AddressModel
from catalog.graphql.ocop import Producer
from catalog.models import Warehouse as WarehouseModel
from orders.shipping import Parcel
from shop.graphql.common import (
    LanguageCodeEnum,
    LanguageDisplay,
    MetadataResolvers,
    ObjectWithMetadata,
    Weight,
    language_base,
)
from shop.graphql.ids import global_id
from shop.graphql.money import Money
from shop.money import Money as MoneyValue

from .checkout_data import ShippingOffer

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
class ParcelView:
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
    def resolve_producer(root: ParcelView, info: Any) -> Any:
        return root.producer

    @staticmethod
    def resolve_price(root: ParcelView, info: Any) -> MoneyValue:
        return root.parcel.price

    @staticmethod
    def resolve_weight(root: ParcelView, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.parcel.weight_grams))

    @staticmethod
    def resolve_chargeable_weight(root: ParcelView, info: Any) -> Weight:
        return Weight(unit="g", value=float(root.parcel.chargeable_weight_grams))

    @staticmethod
    def resolve_is_free(root: ParcelView, info: Any) -> bool:
        return root.parcel.is_free


def offer_parcels(offer: ShippingOffer | None) -> list[ParcelView]:
    if offer is None:
        return []
    return [
        ParcelView(parcel=parcel, producer=offer.producers.get(parcel.producer_id))
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
    def resolve_delivery_parcels(root: ShippingOffer, info: Any) -> list[ParcelView]:
        return offer_parcels(root)

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
