"""Payment reconciliation (``manage.py payments_reconcile``): money that was charged but is not
where it should be.

(a) **Charges without an order**: a transaction holds charged money, but its checkout never
became an order (the buyer closed the tab after paying and the webhook could not complete it),
for longer than a grace period. Fixed by completing the checkout into an order when it still
exists, is fully paid and completes (stock, delivery…); otherwise by refunding the charge
through its gateway.

(b) **Overcharged orders**: an order's transactions hold more charged money than it is owed
(paid twice, in two tabs; or cancelled and not refunded: a cancelled order is owed nothing).
Fixed by refunding the excess, newest transaction first.

Each fix runs in its own database transaction, under the same locks as the services (order,
then transaction rows; completion takes the checkout row), re-checking the problem once
locked, so a second run, or a run racing the webhook, finds nothing left to do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from orders.checkout_complete import checkout_complete
from orders.models import Checkout, Order, OrderEvent, OrderEventType, OrderStatus

from .gateways import gateway_get
from .models import TransactionItem
from .selectors import charges_without_order, order_transactions, overcharged_orders
from .services import apply_result, checkout_payment_covers, checkout_total

logger = logging.getLogger(__name__)

ORPHAN = "charge_without_order"
OVERCHARGED = "overcharged_order"


@dataclass
class Finding:
    """One problem: ``amount`` VND at stake; ``outcome`` is ``found`` (listed only), ``fixed``
    or ``failed``; ``action`` says how it was (or would be) fixed."""

    kind: str
    reference: str
    amount: Decimal
    outcome: str = "found"
    action: str = ""
    message: str = ""


@dataclass
class ReconcileReport:
    findings: list[Finding] = field(default_factory=list)

    def count(self, kind: str, outcome: str | None = None) -> int:
        return len(self._select(kind, outcome))

    def amount(self, kind: str, outcome: str | None = None) -> Decimal:
        return sum((f.amount for f in self._select(kind, outcome)), Decimal(0))

    def _select(self, kind: str, outcome: str | None) -> list[Finding]:
        return [
            f for f in self.findings if f.kind == kind and (outcome is None or f.outcome == outcome)
        ]

    @property
    def remaining(self) -> int:
        """Problems still there: all found ones without ``--fix``, the failed ones with it."""
        return sum(1 for f in self.findings if f.outcome != "fixed")


def payments_reconcile(
    *, fix: bool = False, older_than: timedelta = timedelta(minutes=30), now: Any = None
) -> ReconcileReport:
    """List (and with ``fix`` resolve) charges without an order older than ``older_than`` and
    orders charged more than they are owed."""
    now = now or timezone.now()
    report = ReconcileReport()
    for tx in list(charges_without_order(before=now - older_than)):
        finding = Finding(ORPHAN, str(tx.pk), tx.charged_value, action=_orphan_action(tx))
        if fix:
            _settle(finding, lambda tx=tx: _fix_orphan(tx))
        report.findings.append(finding)
    for order in list(overcharged_orders()):
        excess = order.charged - order.due
        finding = Finding(OVERCHARGED, f"#{order.number}", excess, action="refund the excess")
        if fix:
            _settle(finding, lambda order=order: _refund_excess(order))
        report.findings.append(finding)
    return report


def _settle(finding: Finding, fix: Any) -> None:
    """Run ``fix`` (returning what it did and whether that solved the problem) for
    ``finding``; a gateway or validation error marks the finding failed and changes nothing."""
    try:
        finding.action, solved = fix()
        finding.outcome = "fixed" if solved else "failed"
    except ValidationError as exc:
        finding.outcome, finding.message = "failed", "; ".join(exc.messages)
    except Exception as exc:  # one broken row must not stop the others
        logger.exception("payments_reconcile: %s %s failed", finding.kind, finding.reference)
        finding.outcome, finding.message = "failed", f"{type(exc).__name__}: {exc}"


# --- (a) charges without an order -------------------------------------------------------------
def _completable_checkout(tx: TransactionItem) -> Checkout | None:
    if tx.checkout_token is None:
        return None
    checkout = Checkout.objects.filter(token=tx.checkout_token).first()
    if checkout is None or not checkout_payment_covers(
        checkout=checkout, total=checkout_total(checkout)
    ):
        return None
    return checkout


def _orphan_action(tx: TransactionItem) -> str:
    return "complete the checkout" if _completable_checkout(tx) else "refund"


def _fix_orphan(tx: TransactionItem) -> tuple[str, bool]:
    checkout = _completable_checkout(tx)
    if checkout is not None:
        try:
            result = checkout_complete(token=checkout.token)
            return f"completed into order #{result.order.number}", True
        except ValidationError as exc:  # stock gone, delivery no longer possible…
            action, solved = _refund_orphan(tx)
            return f"{action} (checkout not completable: {'; '.join(exc.messages)})", solved
    return _refund_orphan(tx)


@transaction.atomic
def _refund_orphan(tx: TransactionItem) -> tuple[str, bool]:
    tx = TransactionItem.objects.select_for_update().get(pk=tx.pk)
    in_order = tx.order_id is not None or (
        tx.checkout_token is not None
        and Order.objects.filter(checkout_token=tx.checkout_token).exists()
    )
    if in_order:
        return "already in an order", True
    if tx.charged_value <= 0:
        return "nothing charged any more", True
    amount = tx.charged_value
    event = apply_result(tx, gateway_get(tx.gateway).refund(tx, amount))
    if event.type != "REFUND_SUCCESS":
        return f"refund of {amount:,.0f} {tx.currency}: {event.type}", False
    return f"refunded {amount:,.0f} {tx.currency}", True


# --- (b) overcharged orders -------------------------------------------------------------------
@transaction.atomic
def _refund_excess(order: Order) -> tuple[str, bool]:
    order = Order.objects.select_for_update().get(pk=order.pk)
    transactions = list(
        order_transactions(order).select_for_update().order_by("-created_at", "-pk")
    )
    charged = sum((tx.charged_value for tx in transactions), Decimal(0))
    due = Decimal(0) if order.status == OrderStatus.CANCELED else order.total_gross_amount
    excess = charged - Decimal(due)
    if excess <= 0:
        return "nothing in excess any more", True
    refunded = Decimal(0)
    for tx in transactions:
        take = min(excess - refunded, tx.charged_value)
        if take <= 0:
            continue
        if tx.order_id is None:
            tx.order = order
        event = apply_result(tx, gateway_get(tx.gateway).refund(tx, take))
        if event.type == "REFUND_SUCCESS":
            refunded += take
        if refunded >= excess:
            break
    if refunded:
        OrderEvent.objects.create(
            order=order,
            type=OrderEventType.PAYMENT_REFUNDED,
            parameters={"amount": str(refunded), "currency": order.currency, "reason": "excess"},
        )
    # Raising here would roll back the records of refunds the gateway already made.
    if refunded < excess:
        return f"refunded {refunded:,.0f} of {excess:,.0f} {order.currency}", False
    return f"refunded {refunded:,.0f} {order.currency}", True
