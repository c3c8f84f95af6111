"""Who may move an order's money (issue #9, item 6): ``transactionRequestAction`` CHARGE, REFUND,
CANCEL and ``orderMarkAsPaid``, over GraphQL, for every kind of viewer.

The incident: in an order shared by producers X and Y, paid by Stripe, X's member refunded the
whole payment (Y's goods included) and marked the order paid. Now an order with lines of more
than one producer is OCOP staff's; a producer's member acts only on an order whose every line is
its own. A refusal is Saleor's top-level ``PermissionDenied`` and changes nothing: no Stripe
call (``responses`` would record it), no transaction amount, no event.
"""

from __future__ import annotations

import pytest
import responses

from accounts.models import User
from catalog.models import ProducerMember
from orders.models import OrderEvent
from payments.models import TransactionEvent, TransactionItem
from payments.permissions import can_move_order_money
from shop.graphql.ids import global_id
from tests.catalog.factories import make_producer, make_product, variant_of
from tests.orders.test_orders import order_gid, place_order, token_of
from tests.payments.test_stripe import API, STRIPE, fake_stripe, intent, stripe_on  # noqa: F401

pytestmark = pytest.mark.django_db

REQUEST_ACTION = """
mutation($id: ID!, $action: TransactionActionEnum!) {
  transactionRequestAction(id: $id, actionType: $action) {
    transaction { id chargedAmount { amount } refundedAmount { amount }
                  authorizedAmount { amount } canceledAmount { amount } }
    errors { field code message }
  }
}
"""
MARK_PAID = """
mutation($id: ID!) {
  orderMarkAsPaid(id: $id, transactionReference: "COD-1") {
    order { isPaid }
    errors { field code message }
  }
}
"""

ACTIONS = ("REFUND", "CHARGE", "CANCEL", "MARK_PAID")
# (who, which order) -> allowed. "mixed": lines of X and Y; "single": lines of X only.
MATRIX = [
    ("anonymous", "mixed", False),
    ("buyer", "mixed", False),
    ("member_x", "mixed", False),
    ("member_y", "mixed", False),
    ("member_y", "single", False),
    ("buyer", "single", False),
    ("member_x", "single", True),
    ("staff", "mixed", True),
]


def user_create(*, is_staff: bool = False, producer=None, email: str = "") -> User:
    """A user without a password (hashing one costs more than the whole request under test)."""
    user = User.objects.create(email=email or f"u{User.objects.count()}@example.vn")
    user.is_staff = is_staff
    user.save(update_fields=["is_staff"])
    if producer is not None:
        ProducerMember.objects.create(producer=producer, user=user, role="owner")
    return user


@pytest.fixture
def world(shipping):
    x, y = make_producer("HTX Cà phê Lạc Dương"), make_producer("HTX Dâu tây Đà Lạt")
    buyer = user_create(email="khach@example.vn")
    return {
        "shipping": shipping,
        "vx": variant_of(make_product("Cà phê Arabica", producer=x, prices=(145000,), stock=9)),
        "vy": variant_of(make_product("Mứt dâu tây", producer=y, prices=(195000,), stock=9)),
        "anonymous": None,
        "buyer": buyer,
        "member_x": user_create(producer=x),
        "member_y": user_create(producer=y),
        "staff": user_create(is_staff=True),
    }


def _order(world, kind: str):
    items = [(world["vx"], 1)] + ([(world["vy"], 1)] if kind == "mixed" else [])
    buyer = world["buyer"]
    return place_order(world["shipping"], items, user=buyer, email=buyer.email)


def _stripe_tx(order, action: str) -> TransactionItem:
    """The order's card payment, as Stripe left it: charged (to refund) or only authorised
    (a manual-capture intent, to charge or cancel)."""
    total = order.total_gross_amount
    held = {"charged_value": total} if action == "REFUND" else {"authorized_value": total}
    return TransactionItem.objects.create(
        order=order,
        checkout_token=order.checkout_token,
        gateway=STRIPE,
        name="Stripe",
        currency="VND",
        psp_reference="pi_123",
        available_actions=["REFUND"] if action == "REFUND" else ["CHARGE", "CANCEL"],
        **held,
    )


def _stripe_answers(mock: responses.RequestsMock, action: str) -> None:
    if action == "REFUND":
        refund = {"id": "re_1", "object": "refund", "status": "succeeded", "amount": 1}
        mock.add(responses.POST, f"{API}/v1/refunds", json=refund)
    elif action == "CHARGE":
        captured = intent("succeeded")
        mock.add(responses.POST, f"{API}/v1/payment_intents/pi_123/capture", json=captured)
    elif action == "CANCEL":
        mock.add(responses.POST, f"{API}/v1/payment_intents/pi_123/cancel", json=intent("canceled"))


def _money_state(order) -> tuple:
    """Everything a refused action must leave as it was."""
    amounts = sorted(
        TransactionItem.objects.values_list(
            "pk", "authorized_value", "charged_value", "refunded_value", "canceled_value"
        )
    )
    return (
        amounts,
        TransactionEvent.objects.count(),
        OrderEvent.objects.filter(order=order).count(),
    )


def _is_permission_denied(body: dict) -> bool:
    errors = body.get("errors") or []
    return bool(errors) and errors[0]["extensions"]["exception"]["code"] == "PermissionDenied"


def _request(world, order, action: str) -> tuple[str, dict]:
    """The mutation and variables of ``action`` on ``order`` (a fresh card payment each time,
    held as the action needs it)."""
    if action == "MARK_PAID":
        return MARK_PAID, {"id": order_gid(order)}
    tx = _stripe_tx(order, action)
    return REQUEST_ACTION, {"id": global_id("TransactionItem", tx.pk), "action": action}


MOVED = {"REFUND": "refundedAmount", "CHARGE": "chargedAmount", "CANCEL": "canceledAmount"}


@pytest.mark.parametrize("action", ACTIONS)
def test_who_may_move_an_orders_money(
    api,
    world,
    stripe_on,  # noqa: F811
    fake_stripe,  # noqa: F811
    action,
):
    """The whole matrix for one action; refusals first, so each sees the orders untouched."""
    orders = {"mixed": _order(world, "mixed"), "single": _order(world, "single")}
    _stripe_answers(fake_stripe, action)
    for who, kind, allowed in sorted(MATRIX, key=lambda case: case[2]):
        order = orders[kind]
        document, variables = _request(world, order, action)
        before, calls = _money_state(order), len(fake_stripe.calls)

        body = api(document, variables, token=token_of(world[who]))

        case = (who, kind, action)
        if not allowed:
            assert _is_permission_denied(body), (case, body)
            assert all(value is None for value in body["data"].values()), case
            assert _money_state(order) == before, case
            assert len(fake_stripe.calls) == calls, case  # Stripe was never asked
            continue
        assert "errors" not in body, (case, body)
        payload = next(iter(body["data"].values()))
        assert payload["errors"] == [], (case, payload)
        assert _money_state(order) != before, case
        if action == "MARK_PAID":
            assert payload["order"]["isPaid"] is True, case
        else:
            assert len(fake_stripe.calls) == calls + 1, case
            total = float(order.total_gross_amount)
            assert payload["transaction"][MOVED[action]]["amount"] == total, case


def test_the_incident_a_member_of_one_producer_cannot_refund_a_shared_card_payment(
    api,
    world,
    stripe_on,  # noqa: F811
    fake_stripe,  # noqa: F811
):
    """340,000 ₫ paid by card for X's 145,000 ₫ line and Y's 195,000 ₫ line (plus delivery):
    X's member neither refunds it, in whole or in part, nor marks the order paid."""
    order = _order(world, "mixed")
    tx = _stripe_tx(order, "REFUND")
    _stripe_answers(fake_stripe, "REFUND")
    member_x = token_of(world["member_x"])
    tx_id = global_id("TransactionItem", tx.pk)
    refuse = api(REQUEST_ACTION, {"id": tx_id, "action": "REFUND"}, token=member_x)
    assert _is_permission_denied(refuse), refuse
    assert "chỉ cán bộ OCOP" in refuse["errors"][0]["message"]
    part = REQUEST_ACTION.replace("actionType: $action)", "actionType: $action, amount: 145000)")
    assert _is_permission_denied(api(part, {"id": tx_id, "action": "REFUND"}, token=member_x))
    assert _is_permission_denied(api(MARK_PAID, {"id": order_gid(order)}, token=member_x))
    tx.refresh_from_db()
    assert tx.charged_value == order.total_gross_amount and tx.refunded_value == 0
    assert len(fake_stripe.calls) == 0


def test_a_member_of_every_producer_of_the_order_may_act_on_it(world):
    """The rule is "every line is yours", not "one producer only": a user who is a member of
    both X and Y may settle their shared order."""
    order = _order(world, "mixed")
    both = user_create(producer=world["vx"].product.producer)
    ProducerMember.objects.create(producer=world["vy"].product.producer, user=both, role="owner")
    assert can_move_order_money(user=both, order=order)
    assert not can_move_order_money(user=world["member_y"], order=order)
    assert not can_move_order_money(user=both, order=None)  # no order: staff only
    assert can_move_order_money(user=world["staff"], order=None)
