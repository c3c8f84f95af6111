"""Saleor's ``CheckoutLine`` and the problems a checkout or its lines may have."""

from __future__ import annotations

from typing import Any

import graphene
from graphene import relay

from catalog.graphql.types import ProductVariant
from orders import checkout as services
from orders.models import CheckoutLine as CheckoutLineModel
from shop.graphql.common import (
    ChannelContext,
    MetadataResolvers,
    ObjectWithMetadata,
)
from shop.graphql.money import Money, TaxedMoney
from shop.graphql.selection import selected_paths
from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue

from .checkout_data import InsufficientStock, line_checkout_data


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
        return line_checkout_data(root.line).variant_of(root.line)


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
        return line_checkout_data(root).variant_of(root, paths=selected_paths(info))

    @staticmethod
    def resolve_unit_price(root: CheckoutLineModel, info: Any) -> TaxedMoneyValue:
        return services.line_unit_price(root, line_checkout_data(root).checkout.currency)

    @staticmethod
    def resolve_undiscounted_unit_price(root: CheckoutLineModel, info: Any) -> MoneyValue:
        return CheckoutLine.resolve_unit_price(root, info).gross

    @staticmethod
    def resolve_total_price(root: CheckoutLineModel, info: Any) -> TaxedMoneyValue:
        return services.line_total(root, line_checkout_data(root).checkout.currency)

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
        return [p for p in line_checkout_data(root).problems if p.line.pk == root.pk]

    @staticmethod
    def resolve_is_gift(root: CheckoutLineModel, info: Any) -> bool:
        return False
