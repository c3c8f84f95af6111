"""Who may move an order's money, and who may read or process a transaction.

Moving money (``transactionRequestAction`` CHARGE/REFUND/CANCEL, ``orderMarkAsPaid``) is
OCOP staff's job. A producer's member may do it only for an order whose every line is one of
its own producers': one payment covers the whole order, so on an order shared with another
producer a refund, charge or cancel would move that producer's money too. Per-parcel settlement
(each producer refunding its own parcel's share) is not built; until it is, staff act on mixed
orders. The buyer moves no money here (cancelling the order refunds it, ``orders.services``).

Reading a transaction (``transactionProcess``) is for the parties of its checkout or order
(``transaction_visible_to``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from catalog.permissions import is_ocop_staff, member_producer_ids
from orders.models import Order
from orders.selectors import checkout_get
from orders.services import order_access, order_producer_ids

from .models import TransactionItem


def can_move_order_money(*, user: Any, order: Order | None) -> bool:
    """Staff always; a producer's member only when every line of ``order`` is one of its
    producers'; nobody else. Money of a checkout that never became an order: staff only."""
    if is_ocop_staff(user):
        return True
    if order is None:
        return False
    mine = member_producer_ids(user)
    producers = order_producer_ids(order)
    return bool(mine) and bool(producers) and producers <= mine


def require_order_money_mover(*, user: Any, order: Order | None) -> None:
    """Raise ``PermissionDenied`` unless ``user`` may charge, refund, cancel or mark paid the
    payments of ``order`` (``can_move_order_money``). Called before any lock, gateway call or
    write, so a refusal changes nothing."""
    if can_move_order_money(user=user, order=order):
        return
    if not member_producer_ids(user) or order is None:
        raise PermissionDenied(
            _(
                "To access this path, you need one of the following permissions: "
                "MANAGE_ORDERS, HANDLE_PAYMENTS"
            )
        )
    raise PermissionDenied(
        _(
            "Đơn hàng này có hàng của chủ thể khác: chỉ cán bộ OCOP được thu, hoàn hoặc hủy "
            "khoản thanh toán."
        )
    )


def transaction_order(tx: TransactionItem) -> Order | None:
    """The order ``tx`` pays: linked by its ``order`` FK, or made from its checkout."""
    if tx.order_id is not None:
        return tx.order
    if tx.checkout_token is not None:
        return Order.objects.filter(checkout_token=tx.checkout_token).first()
    return None


def transaction_visible_to(*, tx: TransactionItem, user: Any) -> bool:
    """Whether ``user`` may read (and process) ``tx``: the parties of its order as
    ``orders.services.order_access`` decides (its buyer, staff, the order's producers' members;
    for a guest order, the holder), else of its checkout as ``checkout_get`` decides (its user
    and staff; an anonymous checkout's holder). A transaction of neither: staff only.

    Why a holder of an anonymous checkout's or guest order's transaction may read it: the ID is
    a random UUID4 minted for that checkout and handed only to the checkout's holder
    (``transactionInitialize``, ``checkout.transactions``) and to the order's parties
    (``order.transactions`` is empty for anyone else), so holding it proves being the buyer."""
    order = transaction_order(tx)
    if order is not None:
        return order_access(order=order, user=user) is not None
    if tx.checkout_token is not None and checkout_get(token=tx.checkout_token, user=user):
        return True
    return is_ocop_staff(user)
