"""fulfillment_tracking_update: who may change a parcel's tracking number, the order event,
and the buyer's email after commit (once per number, vi and en)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from orders import emails
from orders.fulfilment import fulfillment_tracking_update, order_fulfill
from orders.models import Fulfillment, FulfillmentStatus, OrderEvent, OrderEventType
from shop.models import OutboxEvent
from tests.catalog.factories import make_producer, make_product, variant_of
from tests.orders.test_orders import place_order, user_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def parcel(shipping, django_capture_on_commit_callbacks):
    """Producer A's shipped parcel (tracking GHN-1) in an order with producer B's line too."""
    a, b = make_producer("HTX Cà phê Lạc Dương"), make_producer("HTX Dâu tây Đà Lạt")
    coffee = variant_of(make_product("Cà phê Arabica", producer=a))
    jam = variant_of(make_product("Mứt dâu tây", producer=b))
    people = {
        "member_a": user_create(producer=a),
        "member_b": user_create(producer=b),
        "customer": user_create(),
        "staff": user_create(is_staff=True),
    }
    with django_capture_on_commit_callbacks(execute=True):
        order = place_order(shipping, [(coffee, 1), (jam, 1)], email="khach@example.vn")
        line = order.lines.get(variant=coffee)
        fulfill = order_fulfill(
            order=order, lines=[(line, 1)], tracking_number="GHN-1", user=people["member_a"]
        )
    mail.outbox.clear()
    return {"order": order, "fulfillment": fulfill.fulfillments[0], **people}


def tracking_events(order) -> list:
    return list(
        OrderEvent.objects.filter(order=order, type=OrderEventType.TRACKING_UPDATED)
        .order_by("pk")
        .values_list("parameters__tracking_number", flat=True)
    )


@pytest.mark.parametrize("who", ["member_a", "staff"])
def test_new_number_is_recorded_and_mailed_to_the_buyer_after_commit(
    parcel, who, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        fulfillment_tracking_update(
            fulfillment=parcel["fulfillment"], tracking_number=" GHN-2 ", user=parcel[who]
        )
        assert mail.outbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()

    assert Fulfillment.objects.get().tracking_number == "GHN-2"
    assert tracking_events(parcel["order"]) == ["GHN-1", "GHN-2"]
    event = OrderEvent.objects.filter(type=OrderEventType.TRACKING_UPDATED).last()
    assert event.user == parcel[who]
    (message,) = mail.outbox
    assert message.to == ["khach@example.vn"]
    assert message.subject == f"Mã vận đơn mới cho đơn hàng #{parcel['order'].number}"
    assert "Mã vận đơn: GHN-2" in message.body and "HTX Cà phê Lạc Dương" in message.body


@pytest.mark.parametrize("who", ["member_b", "customer"])
def test_others_are_refused_and_nothing_changes(parcel, who, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        fulfillment_tracking_update(
            fulfillment=parcel["fulfillment"], tracking_number="HACK", user=parcel[who]
        )
    assert Fulfillment.objects.get().tracking_number == "GHN-1"
    assert tracking_events(parcel["order"]) == ["GHN-1"]
    assert (
        mail.outbox == []
        and not OutboxEvent.objects.filter(topic="order.tracking_updated").exists()
    )


def test_same_number_changes_nothing_and_bad_input_is_refused(
    parcel, django_capture_on_commit_callbacks
):
    staff, fulfillment = parcel["staff"], parcel["fulfillment"]
    with django_capture_on_commit_callbacks(execute=True):
        fulfillment_tracking_update(fulfillment=fulfillment, tracking_number="GHN-1", user=staff)
        with pytest.raises(ValidationError) as too_long:
            fulfillment_tracking_update(
                fulfillment=fulfillment, tracking_number="X" * 256, user=staff
            )
        Fulfillment.objects.filter(pk=fulfillment.pk).update(status=FulfillmentStatus.CANCELED)
        with pytest.raises(ValidationError) as canceled:
            fulfillment_tracking_update(
                fulfillment=fulfillment, tracking_number="GHN-3", user=staff
            )
    assert too_long.value.error_dict["tracking_number"][0].code == "invalid"
    assert canceled.value.error_dict["tracking_number"][0].code == "invalid"
    assert Fulfillment.objects.get().tracking_number == "GHN-1"
    assert tracking_events(parcel["order"]) == ["GHN-1"]
    assert mail.outbox == []


def test_clearing_the_number_is_recorded_but_not_mailed(parcel, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        fulfillment_tracking_update(
            fulfillment=parcel["fulfillment"], tracking_number="", user=parcel["staff"]
        )
    assert tracking_events(parcel["order"]) == ["GHN-1", ""]
    assert mail.outbox == []


def test_the_email_goes_once_and_a_superseded_number_is_not_mailed(
    parcel, django_capture_on_commit_callbacks
):
    order, fulfillment, staff = parcel["order"], parcel["fulfillment"], parcel["staff"]
    with django_capture_on_commit_callbacks(execute=True):
        fulfillment_tracking_update(fulfillment=fulfillment, tracking_number="VNP-7", user=staff)
    payload = OutboxEvent.objects.get(topic="order.tracking_updated").payload
    emails.on_tracking_updated(payload)  # delivered twice
    assert len(mail.outbox) == 1
    # Two quick changes, delivered late: only the newest number is mailed.
    with django_capture_on_commit_callbacks(execute=False):
        fulfillment_tracking_update(fulfillment=fulfillment, tracking_number="VNP-8", user=staff)
        fulfillment_tracking_update(fulfillment=fulfillment, tracking_number="VNP-9", user=staff)
    for event in OutboxEvent.objects.filter(topic="order.tracking_updated").order_by("pk"):
        emails.on_tracking_updated(event.payload)
    assert [m.body.count("VNP-9") for m in mail.outbox[1:]] == [1]
    sent = OrderEvent.objects.filter(order=order, type=OrderEventType.EMAIL_SENT)
    assert sorted(
        e.parameters["tracking_number"]
        for e in sent
        if e.parameters["email_type"] == "tracking_updated"
    ) == ["VNP-7", "VNP-9"]


def test_english_order_gets_the_english_notice(shipping, django_capture_on_commit_callbacks):
    producer = make_producer("HTX Chè Thái Nguyên")
    tea = variant_of(make_product("Chè Tân Cương", producer=producer))
    staff = user_create(is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        order = place_order(shipping, [(tea, 1)], email="buyer@example.com", language_code="en")
        result = order_fulfill(
            order=order, lines=[(order.lines.get(), 1)], tracking_number="A1", user=staff
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        fulfillment_tracking_update(
            fulfillment=result.fulfillments[0], tracking_number="B2", user=staff
        )
    (message,) = mail.outbox
    assert message.subject == f"New tracking number for order #{order.number}"
    assert "Tracking number: B2" in message.body
