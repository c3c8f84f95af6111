"""Saleor's money types: Money, TaxedMoney and their ranges. Amounts stay Decimal inside and
are serialised as JSON numbers only at the edge (VND amounts are whole numbers)."""

from __future__ import annotations

import graphene

from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue


class Money(graphene.ObjectType):
    currency = graphene.String(required=True, description="Currency code.")
    amount = graphene.Float(required=True, description="Amount of money.")
    fractional_amount = graphene.Int(
        required=True, description="Amount of money as an integer in the smallest unit."
    )
    fraction_digits = graphene.Int(
        required=True, description="Number of digits after the decimal point in the currency."
    )

    class Meta:
        description = "Represents amount of money in specific currency."

    @staticmethod
    def resolve_amount(root: MoneyValue, info) -> float:
        # Whole đồng are exact in a double; Decimal stays the internal representation.
        return float(root.amount)

    @staticmethod
    def resolve_fractional_amount(root: MoneyValue, info) -> int:
        return root.fractional_amount

    @staticmethod
    def resolve_fraction_digits(root: MoneyValue, info) -> int:
        return root.fraction_digits


class TaxedMoney(graphene.ObjectType):
    currency = graphene.String(required=True, description="Currency code.")
    gross = graphene.Field(Money, required=True, description="Amount of money including taxes.")
    net = graphene.Field(Money, required=True, description="Amount of money without taxes.")
    tax = graphene.Field(Money, required=True, description="Amount of taxes.")

    class Meta:
        description = "Represents a monetary value with taxes. VAT-inclusive prices: gross."

    @staticmethod
    def resolve_tax(root: TaxedMoneyValue, info) -> MoneyValue:
        return root.tax


class MoneyRange(graphene.ObjectType):
    start = graphene.Field(Money, description="Lower bound of a price range.")
    stop = graphene.Field(Money, description="Upper bound of a price range.")

    class Meta:
        description = "Represents a range of amounts of money."


class TaxedMoneyRange(graphene.ObjectType):
    start = graphene.Field(TaxedMoney, description="Lower bound of a price range.")
    stop = graphene.Field(TaxedMoney, description="Upper bound of a price range.")

    class Meta:
        description = "Represents a range of monetary values."
