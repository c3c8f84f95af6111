"""``checkoutComplete``: a checkout becomes an order in one transaction, exactly once.

Lock order (every writer follows it, so no deadlocks): the checkout row, then the stock rows of
its variants in primary-key order. Everything is re-checked under the locks: lines, buyer
details, delivery, payment coverage and availability; then stock is allocated, the order is
created with price snapshots, events and outbox messages are written and the checkout deleted.
A repeated or concurrent call finds the order by ``Order.checkout_token`` and returns it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from catalog.models import Stock
from shop.outbox import outbox_publish

from . import availability
from . import checkout as checkout_services
from .models import (
    Allocation,
    Checkout,
    CheckoutLine,
    Order,
    OrderDeliveryParcel,
    OrderEvent,
    OrderEventType,
    OrderLine,
    OrderNumber,
    OrderStatus,
)
from .selectors import checkout_lines_priced

# Tests flip this off to show what the locks prevent (the "control" of the race tests).
LOCK_ROWS = True


@dataclass(frozen=True)
class CompletionResult:
    order: Order
    created: bool


def _existing_order(token: uuid.UUID) -> Order | None:
    return Order.objects.filter(checkout_token=token).first()


def _lock_checkout(token: uuid.UUID) -> Checkout | None:
    queryset = Checkout.objects.select_related(
        "channel", "shipping_address", "billing_address", "shipping_method", "user"
    ).filter(token=token)
    if LOCK_ROWS:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.first()


def checkout_complete(*, token: uuid.UUID, user: Any = None) -> CompletionResult:
    """Turn the checkout into an order, or return the order it already became."""
    with transaction.atomic():
        order = _existing_order(token)
        if order is not None:
            return CompletionResult(order=order, created=False)
        checkout = _lock_checkout(token)
        if checkout is None:
            # A concurrent call may have completed it while we waited for the lock.
            order = _existing_order(token)
            if order is not None:
                return CompletionResult(order=order, created=False)
            raise ValidationError(
                {"id": ValidationError(_("Không tìm thấy giỏ hàng."), code="not_found")}
            )
        lines = checkout_lines_priced(checkout)
        totals = _validate(checkout, lines)
        _payment_covers(checkout, totals.total.gross.amount)
        stocks = _lock_stocks(lines)
        _check_availability(checkout, lines, stocks)
        order = _create_order(checkout, lines, totals, user=user)
        _allocate(order, stocks)
        addresses = [a for a in (checkout.shipping_address, checkout.billing_address) if a]
        checkout.delete()  # lines and holds go with it; the order keeps its own address copies
        for address in addresses:
            address.delete()
        outbox_publish("order.placed", {"order_id": str(order.pk)})
        return CompletionResult(order=order, created=True)


# --- Checks -----------------------------------------------------------------------------------
def _validate(checkout: Checkout, lines: list[CheckoutLine]) -> checkout_services.CheckoutTotals:
    if not lines:
        raise ValidationError(
            {"lines": ValidationError(_("Giỏ hàng đang trống."), code="no_lines")}
        )
    if not checkout.email:
        raise ValidationError(
            {
                "email": ValidationError(
                    _("Hãy nhập email để nhận xác nhận đơn."), code="email_not_set"
                )
            }
        )
    if checkout.shipping_address is None:
        raise ValidationError(
            {
                "shipping_address": ValidationError(
                    _("Hãy nhập địa chỉ giao hàng."), code="shipping_address_not_set"
                )
            }
        )
    if checkout.shipping_method_id is None:
        raise ValidationError(
            {
                "shipping_method": ValidationError(
                    _("Hãy chọn phương thức giao hàng."), code="shipping_method_not_set"
                )
            }
        )
    purchasable = checkout_services.purchasable_variants(
        channel=checkout.channel, variant_ids=[line.variant_id for line in lines]
    )
    gone = [
        checkout_services._variant_gid(line.variant_id)
        for line in lines
        if line.variant_id not in purchasable or line.unit_gross is None
    ]
    if gone:
        raise ValidationError(
            {
                "lines": ValidationError(
                    _("Một số sản phẩm không còn bán: %(variants)s."),
                    code="unavailable_variant_in_channel",
                    params={"variants": gone},
                )
            }
        )
    totals = checkout_services.checkout_totals(checkout, lines)
    if totals.quote is None:
        raise ValidationError(
            {
                "shipping_method": ValidationError(
                    _("Phương thức giao hàng không còn phù hợp với giỏ hàng."),
                    code="delivery_method_not_applicable",
                )
            }
        )
    return totals


def _payment_covers(checkout: Checkout, total: Any) -> None:
    """Ask the payment layer whether the checkout's transactions cover ``total``.

    ``orders`` must not import ``payments`` (DESIGN.md import direction), so the check is a
    setting naming a function (default ``payments.services.checkout_payment_covers``: the
    authorised and charged amounts of the checkout's transactions, cash on delivery included).
    """
    covers = import_string(settings.CHECKOUT_PAYMENT_COVERAGE)
    if not covers(checkout=checkout, total=total):
        raise ValidationError(
            {
                "id": ValidationError(
                    _("Giỏ hàng chưa được thanh toán đủ."), code="checkout_not_fully_paid"
                )
            }
        )


def _lock_stocks(lines: list[CheckoutLine]) -> list[Stock]:
    return availability.stocks_lock(variant_ids=[line.variant_id for line in lines], lock=LOCK_ROWS)


def _check_availability(checkout: Checkout, lines: list[CheckoutLine], stocks: list[Stock]) -> None:
    """Under the stock locks: each line fits in what is neither allocated nor held by another
    checkout's live hold. The checkout's own hold is not subtracted, so a live hold (taken
    under the same locks, never beyond the free units) always lets its buyer complete."""
    variant_ids = [line.variant_id for line in lines]
    free = availability.free_units(
        stocks=stocks, held=availability.held_by_others(variant_ids=variant_ids, checkout=checkout)
    )
    short = {
        line.variant_id: free[line.variant_id]
        for line in lines
        if line.quantity > free[line.variant_id]
    }
    if short:
        raise availability.insufficient_stock(short, field="lines")


# --- Writes -----------------------------------------------------------------------------------
def _create_order(
    checkout: Checkout,
    lines: list[CheckoutLine],
    totals: checkout_services.CheckoutTotals,
    *,
    user: Any,
) -> Order:
    shipping_address = checkout.shipping_address.copy()
    billing_source = checkout.billing_address or checkout.shipping_address
    order = Order.objects.create(
        number=OrderNumber.objects.create().pk,
        checkout_token=checkout.token,
        status=OrderStatus.UNFULFILLED,
        user=checkout.user,
        user_email=checkout.email,
        channel=checkout.channel,
        currency=checkout.currency,
        language_code=checkout.language_code,
        shipping_address=shipping_address,
        billing_address=billing_source.copy(),
        shipping_method=checkout.shipping_method,
        shipping_method_name=checkout.shipping_method.name,
        shipping_price_net_amount=totals.shipping.net.amount,
        shipping_price_gross_amount=totals.shipping.gross.amount,
        subtotal_net_amount=totals.subtotal.net.amount,
        subtotal_gross_amount=totals.subtotal.gross.amount,
        total_net_amount=totals.total.net.amount,
        total_gross_amount=totals.total.gross.amount,
        customer_note=checkout.customer_note,
        metadata=checkout.metadata,
    )
    english = checkout.language_code.startswith("en")
    OrderLine.objects.bulk_create(
        [_order_line(order, line, index, english) for index, line in enumerate(lines)]
    )
    OrderDeliveryParcel.objects.bulk_create(
        [
            OrderDeliveryParcel(
                order=order,
                producer_id=parcel.producer_id,
                weight_grams=parcel.weight_grams,
                chargeable_weight_grams=parcel.chargeable_weight_grams,
                price_amount=parcel.price.amount,
            )
            for parcel in totals.quote.parcels
        ]
    )
    OrderEvent.objects.create(
        order=order,
        type=OrderEventType.PLACED,
        user=user if user is not None and user.is_authenticated else None,
        parameters={"checkout": str(checkout.token)},
    )
    return order


def _order_line(order: Order, line: CheckoutLine, index: int, english: bool) -> OrderLine:
    variant = line.variant
    product = variant.product
    unit = checkout_services.line_unit_price(line, order.currency)
    total = checkout_services.line_total(line, order.currency)
    translated = ""
    if english:
        translated = next(
            (t.name for t in product.translations.all() if t.language_code == "en"), ""
        )
    return OrderLine(
        order=order,
        variant=variant,
        producer=product.producer,
        product_name=product.name,
        variant_name=variant.name,
        translated_product_name=translated,
        product_sku=variant.sku,
        product_id_snapshot=product.pk,
        is_shipping_required=True,
        quantity=line.quantity,
        currency=order.currency,
        unit_price_net_amount=unit.net.amount,
        unit_price_gross_amount=unit.gross.amount,
        total_price_net_amount=total.net.amount,
        total_price_gross_amount=total.gross.amount,
        tax_rate=product.tax_rate,
        weight_grams=variant.weight_grams * line.quantity,
        sort_order=index,
    )


def _allocate(order: Order, stocks: list[Stock]) -> None:
    """Take each line's units from its variant's stock rows in pk order."""
    by_variant: dict[int, list[Stock]] = defaultdict(list)
    for stock in stocks:
        by_variant[stock.variant_id].append(stock)
    allocations = []
    for line in order.lines.all():
        needed = line.quantity
        for stock in by_variant[line.variant_id]:
            take = min(needed, stock.quantity - stock.quantity_allocated)
            if take <= 0:
                continue
            Stock.objects.filter(pk=stock.pk).update(
                quantity_allocated=F("quantity_allocated") + take
            )
            stock.quantity_allocated += take
            allocations.append(Allocation(order_line=line, stock=stock, quantity_allocated=take))
            needed -= take
            if needed == 0:
                break
        if needed:  # only reachable without locks: the database constraint is the last guard
            raise ValidationError(
                {"lines": ValidationError(_("Không đủ hàng."), code="insufficient_stock")}
            )
    Allocation.objects.bulk_create(allocations)
