"""The payment fields of Saleor's ``Order`` (``isPaid``, ``paymentStatus``, ``authorizeStatus``,
``chargeStatus``, ``total*``), read from the payment state the payments app provides through
``PAYMENT_STATUS_PROVIDER`` (orders must not import payments).
"""

from __future__ import annotations

from typing import Any

from shop.money import Money as MoneyValue

from .checkout_payment_types import payment_status
from .order_enums import PAYMENT_STATUS_DISPLAY
from .order_line_types import order_money


class OrderPaymentResolvers:
    """Resolvers mixed into ``Order``; the fields themselves are declared there."""

    @staticmethod
    def resolve_is_paid(root: Any, info: Any) -> bool:
        return payment_status(root).is_paid

    @staticmethod
    def resolve_payment_status(root: Any, info: Any) -> str:
        return payment_status(root).legacy_payment_status

    @staticmethod
    def resolve_payment_status_display(root: Any, info: Any) -> str:
        return str(PAYMENT_STATUS_DISPLAY[payment_status(root).legacy_payment_status])

    @staticmethod
    def resolve_authorize_status(root: Any, info: Any) -> str:
        return payment_status(root).authorize_status.lower()

    @staticmethod
    def resolve_charge_status(root: Any, info: Any) -> str:
        return payment_status(root).charge_status.lower()

    @staticmethod
    def resolve_total_balance(root: Any, info: Any) -> MoneyValue:
        # Saleor: charged − total (negative while money is owed).
        return order_money(payment_status(root).balance, root.currency)


_PAYMENT_TOTALS = {
    "total_authorized": "authorized",
    "total_captured": "charged",
    "total_charged": "charged",
    "total_canceled": "canceled",
    "total_refunded": "refunded",
}
for _name, _attr in _PAYMENT_TOTALS.items():
    setattr(
        OrderPaymentResolvers,
        f"resolve_{_name}",
        staticmethod(
            lambda root, info, _a=_attr: order_money(
                getattr(payment_status(root), _a), root.currency
            )
        ),
    )
