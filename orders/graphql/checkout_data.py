"""What a checkout shows beyond its row, loaded once per request and kept on the checkout:
the priced lines in one query, their variants in one ``variant_prefetch``, the delivery quotes once.
So ``checkout(id)`` costs the same number of SQL queries for one line or fifty.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from catalog.models import ProductVariant as VariantModel
from catalog.selectors import variant_prefetch
from orders import availability
from orders import checkout as services
from orders.models import Checkout as CheckoutModel
from orders.models import CheckoutLine as CheckoutLineModel
from orders.models import ShippingMethod as ShippingMethodModel
from orders.selectors import checkout_lines_priced
from orders.shipping import DeliveryQuote
from shop.graphql.common import (
    ChannelContext,
    LanguageCodeEnum,
)
from shop.money import Money as MoneyValue
from shop.money import TaxedMoney as TaxedMoneyValue


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


def line_checkout_data(line: CheckoutLineModel) -> CheckoutData:
    data = getattr(line, "_checkout_data", None)
    if data is None:  # a line met outside a checkout's lines: load its checkout's data
        data = checkout_data(line.checkout)
    return data


def language_enum_value(code: str) -> str:
    name = (code or "vi").replace("-", "_").upper()
    return name if name in LanguageCodeEnum._meta.enum.__members__ else "VI"
