"""Saleor's ``Stock`` and ``ProductVariant.stocks``: a variant's stock per warehouse.

Stock levels are the producer's business: Saleor shows them only with MANAGE_PRODUCTS or
MANAGE_ORDERS (the field is null with a top-level ``PermissionDenied`` otherwise). Our
object-level version: OCOP staff see every variant's stocks, a producer's members only those of
its own variants, everyone else gets Saleor's error. The rows come from the selectors'
prefetch (``stocks_queryset``), so a product list costs the same queries at any page size.

``Warehouse`` and the ``address``/``countryCode`` argument types are the shop's existing
Saleor types; they are named by import path (resolved when the schema is built) because they
carry account addresses, which ``catalog`` does not import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import graphene
from django.core.exceptions import PermissionDenied
from graphene import relay

from catalog.models import Stock as StockModel
from catalog.permissions import can_edit_producer
from catalog.selectors import stocks_queryset
from shop.graphql.common import ChannelContext, unwrap

# Saleor's message for a missing permission on this field.
STOCKS_PERMISSION_MESSAGE = (
    "To access this path, you need one of the following permissions: MANAGE_PRODUCTS, MANAGE_ORDERS"
)
SHIPPED_COUNTRIES = frozenset({"VN"})


@dataclass
class StockRow:
    """One stock row as the API shows it: the row, the channel it is seen through and the
    units held for checkouts that completion would take from it."""

    stock: StockModel
    channel: Any
    reserved: int

    @property
    def id(self) -> int:
        return self.stock.pk


class Stock(graphene.ObjectType):
    warehouse = graphene.Field("orders.graphql.checkout_delivery_types.Warehouse", required=True)
    product_variant = graphene.Field("catalog.graphql.types.ProductVariant", required=True)
    quantity = graphene.Int(
        required=True,
        description="Quantity of a product in the warehouse's possession, including the "
        "allocated stock that is waiting for shipment.",
    )
    quantity_allocated = graphene.Int(required=True, description="Quantity allocated for orders.")
    quantity_reserved = graphene.Int(required=True, description="Quantity reserved for checkouts.")

    class Meta:
        description = "Represents stock."
        interfaces = (relay.Node,)

    @staticmethod
    def resolve_warehouse(root: StockRow, info: Any):
        return root.stock.warehouse

    @staticmethod
    def resolve_product_variant(root: StockRow, info: Any) -> ChannelContext:
        return ChannelContext(root.stock.variant, root.channel)

    @staticmethod
    def resolve_quantity(root: StockRow, info: Any) -> int:
        return root.stock.quantity

    @staticmethod
    def resolve_quantity_allocated(root: StockRow, info: Any) -> int:
        return root.stock.quantity_allocated

    @staticmethod
    def resolve_quantity_reserved(root: StockRow, info: Any) -> int:
        return root.reserved


def _country(address: Any, country_code: Any) -> str | None:
    code = getattr(country_code, "value", country_code)
    if code is None and address is not None:
        code = getattr(address, "country", None) or (
            address.get("country") if isinstance(address, dict) else None
        )
        code = getattr(code, "value", code)
    return str(code) if code else None


def _variant_stocks(variant: Any) -> list[StockModel]:
    prefetched = getattr(variant, "_prefetched_objects_cache", {})
    if "stocks" in prefetched:
        return list(variant.stocks.all())
    # A variant reached without the list prefetch (a mutation payload): one query.
    return list(stocks_queryset().filter(variant=variant))


def _reserved_per_stock(stocks: list[StockModel]) -> dict[int, int]:
    """Live checkout holds are per variant; attribute them to the rows completion would
    allocate from (active warehouses, pk order, up to each row's free units)."""
    if not stocks:
        return {}
    held = int(getattr(stocks[0], "variant_held", 0) or 0)
    reserved: dict[int, int] = {}
    for stock in sorted(stocks, key=lambda s: s.pk):
        take = 0
        if stock.warehouse.is_active and held > 0:
            take = min(held, max(stock.quantity - stock.quantity_allocated, 0))
            held -= take
        reserved[stock.pk] = take
    return reserved


def resolve_variant_stocks(
    root: Any, info: Any, address: Any = None, country_code: Any = None
) -> list[StockRow]:
    variant = unwrap(root)
    user = getattr(info.context, "user", None)
    if not can_edit_producer(user, variant.product.producer_id):
        raise PermissionDenied(STOCKS_PERMISSION_MESSAGE)
    country = _country(address, country_code)
    if country is not None and country not in SHIPPED_COUNTRIES:
        return []  # our warehouses ship within Vietnam only
    channel = root.channel if isinstance(root, ChannelContext) else None
    stocks = _variant_stocks(variant)
    reserved = _reserved_per_stock(stocks)
    for stock in stocks:
        stock.variant = variant  # already known: no query per row for productVariant
    return [StockRow(stock=s, channel=channel, reserved=reserved[s.pk]) for s in stocks]


def stocks_field() -> graphene.Field:
    return graphene.List(
        graphene.NonNull(Stock),
        description="Stocks for the product variant (staff and the producer's members).",
        address=graphene.Argument(
            "accounts.graphql.types.AddressInput",
            description="Destination address: stocks of warehouses shipping there.",
        ),
        country_code=graphene.Argument(
            "accounts.graphql.types.CountryCodeEnum",
            description="Two-letter ISO 3166-1 country code. DEPRECATED: this field will be "
            "removed in Saleor 4.0. Use `address` argument instead.",
        ),
        resolver=resolve_variant_stocks,
    )
