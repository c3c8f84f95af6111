"""Payment reads: the transactions of a checkout or an order and the statuses derived from
them (Saleor's authorize/charge status rules).

``Order.transactions`` are read lazily: those linked by the ``order`` FK plus those of the
checkout the order was made from (same ``checkout_token``). ``orders`` never imports this
module; its GraphQL types call :func:`payment_status` through ``settings.PAYMENT_STATUS_PROVIDER``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from orders.models import Checkout, Order

from .models import ChannelPaymentSettings, TransactionItem


def checkout_transactions(checkout: Checkout) -> QuerySet[TransactionItem]:
    return TransactionItem.objects.filter(checkout_token=checkout.token)


def order_transactions(order: Order) -> QuerySet[TransactionItem]:
    condition = Q(order_id=order.pk)
    if order.checkout_token is not None:
        condition |= Q(checkout_token=order.checkout_token)
    return TransactionItem.objects.filter(condition)


def transactions_of(obj: Checkout | Order) -> QuerySet[TransactionItem]:
    if isinstance(obj, Order):
        return order_transactions(obj)
    return checkout_transactions(obj)


def authorize_status(total: Decimal, authorized: Decimal, charged: Decimal) -> str:
    covered = authorized + charged
    if covered >= total:
        return "FULL"
    return "PARTIAL" if covered > 0 else "NONE"


def charge_status(total: Decimal, charged: Decimal) -> str:
    if charged > total:
        return "OVERCHARGED"
    if charged == total:
        return "FULL"
    return "PARTIAL" if charged > 0 else "NONE"


@dataclass
class PaymentStatus:
    total: Decimal
    currency: str
    transactions: list[TransactionItem] = field(default_factory=list)
    authorized: Decimal = Decimal(0)
    charged: Decimal = Decimal(0)
    refunded: Decimal = Decimal(0)
    canceled: Decimal = Decimal(0)

    @property
    def authorize_status(self) -> str:
        return authorize_status(self.total, self.authorized, self.charged)

    @property
    def charge_status(self) -> str:
        return charge_status(self.total, self.charged)

    @property
    def is_paid(self) -> bool:
        return self.charged >= self.total

    @property
    def balance(self) -> Decimal:
        """Saleor's ``totalBalance``: charged − total (negative while money is owed)."""
        return self.charged - self.total

    @property
    def legacy_payment_status(self) -> str:
        """Saleor's deprecated ``PaymentChargeStatusEnum`` value (lower-case)."""
        if self.refunded > 0 and self.charged == 0:
            return "fully_refunded"
        if self.refunded > 0:
            return "partially_refunded"
        if self.charged >= self.total and self.charged > 0:
            return "fully_charged"
        if self.charged > 0:
            return "partially_charged"
        return "not_charged"


def summarize(transactions: list[TransactionItem], total: Decimal, currency: str) -> PaymentStatus:
    status = PaymentStatus(total=Decimal(total), currency=currency, transactions=transactions)
    for tx in transactions:
        status.authorized += tx.authorized_value
        status.charged += tx.charged_value
        status.refunded += tx.refunded_value
        status.canceled += tx.canceled_value
    return status


def payment_status(obj: Checkout | Order, total: Decimal | None = None) -> PaymentStatus:
    """The payment state of a checkout (``total`` = its current total) or an order (its stored
    total). Cached on the object for one request."""
    if total is None:
        total = Decimal(getattr(obj, "total_gross_amount", 0))
    cached = getattr(obj, "_ocop_payment_status", None)
    if cached is not None and cached.total == Decimal(total):
        return cached
    status = summarize(list(transactions_of(obj)), Decimal(total), obj.currency)
    obj._ocop_payment_status = status
    return status


def payment_status_prefetch(orders: list[Order]) -> None:
    """The payment state of many orders in one query (cached on each order)."""
    orders = list(orders)
    if not orders:
        return
    tokens = [o.checkout_token for o in orders if o.checkout_token is not None]
    rows = list(
        TransactionItem.objects.filter(
            Q(order_id__in=[o.pk for o in orders]) | Q(checkout_token__in=tokens)
        )
    )
    for order in orders:
        mine = [
            tx
            for tx in rows
            if tx.order_id == order.pk
            or (order.checkout_token is not None and tx.checkout_token == order.checkout_token)
        ]
        total = Decimal(order.total_gross_amount)
        order._ocop_payment_status = summarize(mine, total, order.currency)


def checkout_covered_amount(checkout: Checkout) -> Decimal:
    status = summarize(list(checkout_transactions(checkout)), Decimal(0), checkout.currency)
    return status.authorized + status.charged


def available_gateways(checkout: Checkout) -> list[dict]:
    """The enabled gateways for a checkout, as Saleor's (deprecated, still used)
    ``availablePaymentGateways`` lists them: id, name, currencies and public config."""
    from .gateways import gateways_all

    return [
        {
            "id": gateway.id,
            "name": str(gateway.name),
            "currencies": gateway.currencies(checkout),
            "config": [
                {"field": key, "value": None if value is None else str(value)}
                for key, value in gateway.initialize_config(checkout).items()
            ],
        }
        for gateway in gateways_all()
        if checkout.currency in gateway.currencies(checkout)
    ]


# --- Cash-on-delivery rules per channel -------------------------------------------------------
@dataclass(frozen=True)
class CodRules:
    enabled: bool
    max_total: Decimal


def channel_cod_rules(channel_id: Any) -> CodRules:
    """Whether the channel takes cash on delivery and up to which total: its
    ``ChannelPaymentSettings``, else COD enabled up to ``settings.COD_MAX_ORDER_TOTAL``."""
    found = (
        ChannelPaymentSettings.objects.filter(channel_id=channel_id)
        .values_list("cod_enabled", "cod_max_total")
        .first()
    )
    if found is None:
        return CodRules(enabled=True, max_total=Decimal(settings.COD_MAX_ORDER_TOTAL))
    return CodRules(enabled=bool(found[0]), max_total=Decimal(found[1]))


# --- Reconciliation (payments.reconcile) -----------------------------------------------------
def charges_without_order(*, before: Any) -> QuerySet[TransactionItem]:
    """Transactions holding charged money that belong to no order (the checkout never became
    one), last changed before ``before`` (a grace period for buyers still completing)."""
    from django.db.models import Exists, OuterRef

    has_order = Order.objects.filter(checkout_token=OuterRef("checkout_token"))
    return (
        TransactionItem.objects.filter(
            charged_value__gt=0, order__isnull=True, modified_at__lt=before
        )
        .exclude(Exists(has_order))
        .order_by("created_at", "pk")
    )


def overcharged_orders() -> QuerySet[Order]:
    """Orders whose transactions hold more charged money than the order is owed (its total; a
    cancelled order is owed nothing), annotated with ``charged`` and ``due``."""
    from django.db.models import Case, DecimalField, F, OuterRef, Subquery, Sum, Value, When
    from django.db.models.functions import Coalesce

    from orders.models import OrderStatus

    money = DecimalField(max_digits=14, decimal_places=2)
    charged = (
        TransactionItem.objects.filter(
            Q(order_id=OuterRef("pk")) | Q(checkout_token=OuterRef("checkout_token"))
        )
        .order_by()
        .values(group=Value(1))
        .annotate(total=Sum("charged_value"))
        .values("total")
    )
    return (
        Order.objects.annotate(
            charged=Coalesce(Subquery(charged, output_field=money), Value(Decimal(0))),
            due=Case(
                When(status=OrderStatus.CANCELED, then=Value(Decimal(0))),
                default=F("total_gross_amount"),
                output_field=money,
            ),
        )
        .filter(charged__gt=F("due"))
        .order_by("number")
    )
