"""Who may read and process a transaction (issue #9, item 16): ``transactionProcess(id)`` answers
for the parties of the transaction's checkout or order only: the checkout's or order's user,
OCOP staff, the members of the order's producers; for an anonymous checkout or a guest order,
whoever holds the transaction's ID (a random UUID handed only to the checkout's holder and the
order's parties). Anyone else gets ``NOT_FOUND`` and nothing is processed: no Stripe call, no
event, no amount moved."""

from __future__ import annotations

import pytest
import responses

from orders import checkout as checkout_services
from payments.models import TransactionEvent, TransactionItem
from shop.graphql.ids import global_id
from tests.catalog.factories import default_channel, make_producer, make_product, variant_of
from tests.orders.test_checkout_graphql import cid, ready
from tests.orders.test_orders import place_order, token_of
from tests.payments.test_money_permissions import user_create
from tests.payments.test_stripe import API, STRIPE, fake_stripe, intent, stripe_on  # noqa: F401

pytestmark = pytest.mark.django_db

PROCESS = """
mutation($id: ID!) {
  transactionProcess(id: $id) {
    transaction { id chargedAmount { amount } events { type amount { amount } } }
    transactionEvent { type }
    errors { field code message }
  }
}
"""


def _card_payment(**where) -> TransactionItem:
    """A card payment the buyer has just confirmed at Stripe (recorded once processed)."""
    return TransactionItem.objects.create(
        gateway=STRIPE,
        name="Stripe",
        currency="VND",
        psp_reference="pi_123",
        private_metadata={"stripe_amount": 150000, "stripe_currency": "vnd"},
        **where,
    )


@pytest.fixture
def stripe_succeeded(stripe_on, fake_stripe):  # noqa: F811
    paid = intent("succeeded", amount_received=150000)
    fake_stripe.add(responses.GET, f"{API}/v1/payment_intents/pi_123", json=paid)
    return fake_stripe


def _process(api, tx: TransactionItem, user=None) -> dict:
    body = api(PROCESS, {"id": global_id("TransactionItem", tx.pk)}, token=token_of(user))
    assert "errors" not in body, body
    return body["data"]["transactionProcess"]


def _refused(api, tx: TransactionItem, user, stripe) -> None:
    payload = _process(api, tx, user)
    assert payload["transaction"] is None and payload["transactionEvent"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("id", "NOT_FOUND")]
    assert len(stripe.calls) == 0  # nothing was asked of Stripe
    tx.refresh_from_db()
    assert tx.charged_value == 0 and not TransactionEvent.objects.filter(transaction=tx).exists()


def test_a_registered_buyers_checkout_payment_is_processed_for_that_buyer_only(
    api, shipping, stripe_succeeded
):
    buyer, stranger = user_create(), user_create()
    member = user_create(producer=make_producer("HTX Không liên quan"))
    checkout = checkout_services.checkout_create(
        channel=default_channel(),
        lines=[
            {
                "variant_id": global_id("ProductVariant", variant_of(make_product()).pk),
                "quantity": 1,
            }
        ],
        email=buyer.email,
        user=buyer,
    )
    tx = _card_payment(checkout=checkout, checkout_token=checkout.token)
    for other in (None, stranger, member):
        _refused(api, tx, other, stripe_succeeded)
    payload = _process(api, tx, buyer)
    assert payload["errors"] == [] and payload["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert payload["transaction"]["chargedAmount"]["amount"] == 150000


def test_an_orders_payment_is_processed_for_its_parties_only(api, shipping, stripe_succeeded):
    producer = make_producer("HTX Cà phê Lạc Dương")
    buyer = user_create()
    variant = variant_of(make_product(producer=producer, prices=(150000,), stock=5))
    order = place_order(shipping, [(variant, 1)], user=buyer, email=buyer.email)
    tx = _card_payment(order=order, checkout_token=order.checkout_token)
    other_member = user_create(producer=make_producer("HTX Dâu tây Đà Lạt"))
    for other in (None, user_create(), other_member):
        _refused(api, tx, other, stripe_succeeded)
    for party in (buyer, user_create(producer=producer), user_create(is_staff=True)):
        payload = _process(api, tx, party)
        assert payload["errors"] == [] and payload["transaction"]["chargedAmount"]["amount"] == (
            150000
        )
    # Processed three times, recorded once.
    assert TransactionEvent.objects.filter(transaction=tx, type="CHARGE_SUCCESS").count() == 1


def test_an_anonymous_checkouts_payment_is_processed_for_whoever_holds_its_id(
    api, shipping, stripe_succeeded
):
    checkout = ready(api, shipping, [(variant_of(make_product()), 1)], pay=False)
    tx = _card_payment(checkout=checkout, checkout_token=checkout.token)
    payload = _process(api, tx)
    assert payload["errors"] == [] and payload["transactionEvent"]["type"] == "CHARGE_SUCCESS"
    assert cid(checkout)  # the checkout is still there: the order is not made yet


def test_a_payment_of_neither_checkout_nor_order_is_for_staff_only(api, db, stripe_succeeded):
    tx = _card_payment()
    _refused(api, tx, None, stripe_succeeded)
    _refused(api, tx, user_create(), stripe_succeeded)
    payload = _process(api, tx, user_create(is_staff=True))
    assert payload["errors"] == [], payload
