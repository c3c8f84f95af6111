"""Payment writes: initialise a transaction at a gateway, apply gateway results to the
transaction's amounts (each as a ``TransactionEvent``), mark a COD order as paid, and the
outbox consumer that refunds or cancels the payments of a cancelled order.

Concurrency: every write for a checkout locks the checkout row first (the lock
``checkoutComplete`` takes too), and every write for an order locks the order row, then the
transaction rows. The unique constraints (idempotency keys) are the last guard.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from orders import checkout as checkout_services
from orders.models import Checkout, Order, OrderEvent, OrderEventType, OrderStatus
from orders.selectors import checkout_lines_priced
from shop.outbox import outbox_consumer

from .gateways import GatewayResult, gateway_get
from .gateways.cod import COD_GATEWAY_ID
from .models import TransactionEvent, TransactionEventType, TransactionItem
from .permissions import require_order_money_mover, transaction_order
from .selectors import (
    checkout_covered_amount,
    checkout_transactions,
    order_transactions,
    payment_status,
    summarize,
)

# Tests flip this off to show what the checkout lock prevents (the "control" of the race tests).
LOCK_ROWS = True


# --- Coverage (settings.CHECKOUT_PAYMENT_COVERAGE) --------------------------------------------
def checkout_payment_covers(*, checkout: Checkout, total: Any) -> bool:
    """True when the checkout's transactions (authorised + charged) cover ``total``. Reads
    through ``payment_status`` (cached on the object for one request, so the checkout type's
    ``authorizeStatus`` costs no second query; ``checkoutComplete`` passes a freshly locked
    checkout, hence fresh amounts)."""
    status = payment_status(checkout, Decimal(total))
    return status.authorized + status.charged >= Decimal(total)


def checkout_total(checkout: Checkout) -> Decimal:
    lines = checkout_lines_priced(checkout)
    return checkout_services.checkout_totals(checkout, lines).total.gross.amount


# --- Applying gateway results -----------------------------------------------------------------
def apply_result(
    tx: TransactionItem,
    result: GatewayResult,
    *,
    user: Any = None,
    idempotency_key: str | None = None,
) -> TransactionEvent:
    """Record ``result`` as an event and move the transaction's amounts (``tx`` is locked)."""
    amount = Decimal(result.amount)
    kind = result.type
    if kind == TransactionEventType.AUTHORIZATION_SUCCESS:
        tx.authorized_value += amount
    elif kind == TransactionEventType.CHARGE_SUCCESS:
        tx.charged_value += amount
        tx.authorized_value -= min(tx.authorized_value, amount)
    elif kind == TransactionEventType.REFUND_SUCCESS:
        tx.refunded_value += amount
        tx.charged_value -= amount
    elif kind == TransactionEventType.CANCEL_SUCCESS:
        tx.canceled_value += amount
        tx.authorized_value -= amount
    if result.psp_reference and not tx.psp_reference:
        tx.psp_reference = result.psp_reference
    if result.actions or kind != TransactionEventType.INFO:
        tx.available_actions = _actions(tx)
    tx.save()
    return TransactionEvent.objects.create(
        transaction=tx,
        type=kind,
        amount_value=amount,
        currency=tx.currency,
        psp_reference=result.psp_reference,
        message=str(result.message)[:512],
        external_url=result.external_url,
        idempotency_key=idempotency_key,
        created_by=user if user is not None and user.is_authenticated else None,
    )


def _actions(tx: TransactionItem) -> list[str]:
    actions = []
    if tx.authorized_value > 0:
        actions += ["CHARGE", "CANCEL"]
    if tx.charged_value > 0:
        actions.append("REFUND")
    return actions


# --- transactionInitialize --------------------------------------------------------------------
def _lock_checkout(checkout: Checkout) -> Checkout:
    queryset = Checkout.objects.filter(pk=checkout.pk)
    if LOCK_ROWS:
        queryset = queryset.select_for_update(of=("self",))
    locked = queryset.first()
    if locked is None:
        raise ValidationError(
            {"id": ValidationError(_("Không tìm thấy giỏ hàng."), code="not_found")}
        )
    return locked


def _lock_transaction(tx: TransactionItem) -> TransactionItem:
    queryset = TransactionItem.objects.filter(pk=tx.pk)
    if LOCK_ROWS:
        queryset = queryset.select_for_update()
    return queryset.get()


def _lock_order(order: Order) -> Order:
    return Order.objects.select_for_update().get(pk=order.pk)


def _existing(token: uuid.UUID | None, order: Order | None, gateway_id: str, key: str):
    queryset = TransactionItem.objects.filter(gateway=gateway_id, idempotency_key=key)
    queryset = queryset.filter(checkout_token=token) if token else queryset.filter(order=order)
    return queryset.first()


@transaction.atomic
def transaction_initialize(
    *,
    checkout: Checkout | None = None,
    order: Order | None = None,
    gateway_id: str,
    amount: Decimal | None = None,
    idempotency_key: str | None = None,
    data: dict | None = None,
    user: Any = None,
) -> tuple[TransactionItem, TransactionEvent | None, dict | None]:
    """Start a payment of ``amount`` (default: what is not covered yet) at ``gateway_id``.

    The same ``idempotency_key`` (per checkout and gateway) returns the transaction made the
    first time, without a second authorisation."""
    gateway = gateway_get(gateway_id)
    if checkout is not None:
        checkout = _lock_checkout(checkout)
        token, currency = checkout.token, checkout.currency
        total = checkout_total(checkout)
        covered = checkout_covered_amount(checkout)
    elif order is not None:
        order = _lock_order(order)
        token, currency = order.checkout_token, order.currency
        total = Decimal(order.total_gross_amount)
        status = summarize(list(order_transactions(order)), total, currency)
        covered = status.authorized + status.charged
    else:
        raise ValueError("checkout or order required")
    if idempotency_key:
        found = _existing(token, order, gateway_id, idempotency_key)
        if found is not None:
            return found, found.events.order_by("pk").first(), None
    if amount is None:
        amount = total - covered
    amount = Decimal(amount)
    if amount <= 0:
        raise ValidationError(
            {"amount": ValidationError(_("Không còn khoản nào cần thanh toán."), code="invalid")}
        )
    tx = TransactionItem(
        checkout=checkout,
        order=order,
        checkout_token=token,
        gateway=gateway.id,
        name=gateway.name,
        currency=currency,
        idempotency_key=idempotency_key or None,
    )
    try:
        with transaction.atomic():
            tx.save()
    except IntegrityError:
        # Only reachable without the row lock: the unique constraint is the last guard.
        found = _existing(token, order, gateway_id, idempotency_key or "")
        if found is None:
            raise
        return found, found.events.order_by("pk").first(), None
    result = gateway.initialize_transaction(tx, amount, data)
    event = apply_result(tx, result, user=user)
    return tx, event, result.data


@transaction.atomic
def transaction_process(
    *, tx: TransactionItem, data: dict | None = None, user: Any = None
) -> tuple[TransactionItem, TransactionEvent | None, dict | None]:
    tx = _lock_transaction(tx)
    result = gateway_get(tx.gateway).process(tx, data)
    if result.type == TransactionEventType.INFO and not result.amount:
        return tx, tx.events.order_by("-pk").first(), result.data
    event = apply_result(tx, result, user=user)
    return tx, event, result.data


# --- orderMarkAsPaid --------------------------------------------------------------------------
@transaction.atomic
def order_mark_as_paid(*, order: Order, user: Any, transaction_reference: str = "") -> Order:
    """Record that the order's outstanding amount was received (COD cash). Idempotent: a paid
    order is returned unchanged. Staff, or a member of the producer of every line
    (``payments.permissions``)."""
    require_order_money_mover(user=user, order=order)
    order = _lock_order(order)
    if order.status in (OrderStatus.CANCELED, OrderStatus.DRAFT):
        raise ValidationError(
            {"id": ValidationError(_("Không thể đánh dấu đơn này đã thanh toán."), code="invalid")}
        )
    transactions = list(order_transactions(order).select_for_update().order_by("created_at", "pk"))
    total = Decimal(order.total_gross_amount)
    status = summarize(transactions, total, order.currency)
    outstanding = total - status.charged
    if outstanding <= 0:
        return order
    tx = next(
        (t for t in transactions if t.gateway == COD_GATEWAY_ID and t.authorized_value > 0),
        None,
    ) or next((t for t in transactions if t.gateway == COD_GATEWAY_ID), None)
    if tx is None:
        tx = TransactionItem.objects.create(
            order=order,
            checkout_token=order.checkout_token,
            gateway=COD_GATEWAY_ID,
            name=gateway_get(COD_GATEWAY_ID).name,
            currency=order.currency,
        )
    if tx.order_id is None:
        tx.order = order
    result = gateway_get(tx.gateway).charge(tx, outstanding, transaction_reference or "")
    apply_result(tx, result, user=user)
    OrderEvent.objects.create(
        order=order,
        type=OrderEventType.ORDER_MARKED_AS_PAID,
        user=user,
        parameters={
            "transaction_reference": transaction_reference or "",
            "reference": transaction_reference or "",
        },
    )
    OrderEvent.objects.create(
        order=order,
        type=OrderEventType.ORDER_FULLY_PAID,
        user=user,
        parameters={"amount": str(outstanding)},
    )
    return order


# --- transactionRequestAction ----------------------------------------------------------------
@transaction.atomic
def transaction_request_action(
    *, tx: TransactionItem, action: str, amount: Decimal | None = None, user: Any = None
) -> TransactionItem:
    """Staff (or a member of the producer of every line of the order, ``payments.permissions``)
    charges, refunds or cancels ``amount`` (default: all that the action can take) of a
    transaction through its gateway. A refusal comes before any lock, gateway call or write."""
    order = transaction_order(tx)
    require_order_money_mover(user=user, order=order)
    if order is not None:
        order = _lock_order(order)
    tx = TransactionItem.objects.select_for_update().get(pk=tx.pk)
    available = tx.charged_value if action == "REFUND" else tx.authorized_value
    amount = available if amount is None else Decimal(amount)
    if amount <= 0 or amount > available:
        raise ValidationError(
            {
                "amount": ValidationError(
                    _("Số tiền không hợp lệ cho thao tác này (tối đa %(max)s)."),
                    code="invalid",
                    params={"max": f"{available:,.0f}"},
                )
            }
        )
    gateway = gateway_get(tx.gateway)
    if order is not None and tx.order_id is None:
        tx.order = order
    if action == "CHARGE":
        apply_result(tx, gateway.charge(tx, amount), user=user)
    elif action == "REFUND":
        apply_result(tx, gateway.refund(tx, amount), user=user)
    elif action == "CANCEL":
        apply_result(tx, gateway.cancel(tx, amount), user=user)
    else:
        raise ValidationError({"action_type": ValidationError("Unknown action.", code="invalid")})
    if order is not None:
        if action == "REFUND":
            OrderEvent.objects.create(
                order=order,
                type=OrderEventType.PAYMENT_REFUNDED,
                user=user,
                parameters={"amount": str(amount), "currency": order.currency},
            )
        elif action == "CHARGE":
            status = summarize(
                list(order_transactions(order)), Decimal(order.total_gross_amount), order.currency
            )
            if status.is_paid:
                OrderEvent.objects.create(
                    order=order,
                    type=OrderEventType.ORDER_FULLY_PAID,
                    user=user,
                    parameters={"amount": str(amount)},
                )
    return tx


# --- Cancelled orders -------------------------------------------------------------------------
@transaction.atomic
def order_payments_release(order: Order) -> list[TransactionEvent]:
    """Refund the charged money and cancel the open authorisations of a cancelled order.
    Idempotent: a second call finds nothing charged or authorised."""
    order = _lock_order(order)
    events = []
    refunded = Decimal(0)
    for tx in order_transactions(order).select_for_update().order_by("created_at", "pk"):
        gateway = gateway_get(tx.gateway)
        if tx.order_id is None:
            tx.order = order
        if tx.charged_value > 0:
            amount = tx.charged_value
            events.append(apply_result(tx, gateway.refund(tx, amount)))
            refunded += amount
        if tx.authorized_value > 0:
            events.append(apply_result(tx, gateway.cancel(tx, tx.authorized_value)))
        if tx.order_id == order.pk:
            tx.save(update_fields=["order"])
    if refunded:
        OrderEvent.objects.create(
            order=order,
            type=OrderEventType.PAYMENT_REFUNDED,
            parameters={"amount": str(refunded), "currency": order.currency},
        )
    return events


@outbox_consumer("order.placed")
def on_order_placed(payload: dict[str, Any]) -> None:
    """Link the checkout's transactions to the order made from it (idempotent; reads do not
    depend on it: ``order_transactions`` also matches the checkout token)."""
    order = Order.objects.filter(pk=payload["order_id"]).only("pk", "checkout_token").first()
    if order is not None and order.checkout_token is not None:
        TransactionItem.objects.filter(
            checkout_token=order.checkout_token, order__isnull=True
        ).update(order=order)


@outbox_consumer("order.canceled")
def on_order_canceled(payload: dict[str, Any]) -> None:
    order = Order.objects.filter(pk=payload["order_id"]).first()
    if order is not None and order.status == OrderStatus.CANCELED:
        order_payments_release(order)


def checkout_transactions_list(checkout: Checkout) -> list[TransactionItem]:
    return list(checkout_transactions(checkout))
