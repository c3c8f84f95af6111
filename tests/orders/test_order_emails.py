"""Order emails through the outbox: confirmation, producer notices, shipped notice; vi and en;
idempotent consumers."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail

from orders import emails, fulfilment
from orders.models import OrderEvent, OrderEventType
from shop.models import OutboxEvent
from shop.outbox import outbox_dispatch_due
from tests.catalog.factories import make_producer, make_product, variant_of
from tests.orders.test_orders import place_order, user_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(shipping):
    a, b = make_producer("HTX Cà phê Lạc Dương"), make_producer("HTX Dâu tây Đà Lạt")
    return {
        "a": a,
        "b": b,
        "coffee": variant_of(make_product("Cà phê Arabica", producer=a, prices=(1250000,))),
        "jam": variant_of(make_product("Mứt dâu tây", producer=b, prices=(90000,))),
        "member_a": user_create(producer=a, email="a@htx.vn"),
        "member_b": user_create(producer=b, email="b@htx.vn"),
    }


def placed(shipping, shop, capture, *, language_code="vi"):
    mail.outbox.clear()
    with capture(execute=True):
        order = place_order(
            shipping,
            [(shop["coffee"], 1), (shop["jam"], 2)],
            email="khach@example.vn",
            language_code=language_code,
        )
    return order


def to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def test_placing_an_order_mails_the_buyer_in_vietnamese(
    shipping, shop, django_capture_on_commit_callbacks
):
    order = placed(shipping, shop, django_capture_on_commit_callbacks)
    (confirmation,) = to("khach@example.vn")
    assert confirmation.subject == f"Xác nhận đơn hàng #{order.number} – OCOP"
    assert "Cà phê Arabica" in confirmation.body and "Mứt dâu tây" in confirmation.body
    assert "1.250.000 ₫" in confirmation.body  # Vietnamese money style
    assert "Tổng cộng:" in confirmation.body
    assert confirmation.from_email == settings.DEFAULT_FROM_EMAIL


def test_each_producer_is_told_only_about_its_own_lines(
    shipping, shop, django_capture_on_commit_callbacks
):
    order = placed(shipping, shop, django_capture_on_commit_callbacks)
    (notice_a,) = to("a@htx.vn")
    (notice_b,) = to("b@htx.vn")
    assert notice_a.subject == f"Đơn hàng mới #{order.number} cho HTX Cà phê Lạc Dương"
    assert "Cà phê Arabica" in notice_a.body and "Mứt dâu tây" not in notice_a.body
    assert "Mứt dâu tây" in notice_b.body and "Cà phê Arabica" not in notice_b.body
    assert "Xã Lạc Dương" in notice_a.body  # where to ship
    sent = OrderEvent.objects.filter(order=order, type=OrderEventType.EMAIL_SENT)
    assert sorted(e.parameters["email_type"] for e in sent) == [
        "order_confirmation",
        "producer_new_order",
        "producer_new_order",
    ]


def test_an_english_order_gets_english_emails(shipping, shop, django_capture_on_commit_callbacks):
    order = placed(shipping, shop, django_capture_on_commit_callbacks, language_code="en")
    (confirmation,) = to("khach@example.vn")
    assert confirmation.subject == f"Order #{order.number} confirmed – OCOP"
    assert "1,250,000 VND" in confirmation.body and "Total:" in confirmation.body


def test_email_consumers_are_idempotent(shipping, shop, django_capture_on_commit_callbacks):
    order = placed(shipping, shop, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    # The outbox delivers the same message again (a worker died before marking it done).
    OutboxEvent.objects.filter(topic="order.placed").update(done_at=None)
    assert outbox_dispatch_due() == 1
    emails.on_order_placed({"order_id": str(order.pk)})
    assert len(mail.outbox) == 3
    assert OrderEvent.objects.filter(order=order, type=OrderEventType.EMAIL_SENT).count() == 3


def test_shipping_mails_the_buyer_the_tracking_number_once(
    shipping, shop, django_capture_on_commit_callbacks
):
    order = placed(shipping, shop, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    line = order.lines.get(variant=shop["coffee"])
    with django_capture_on_commit_callbacks(execute=True):
        result = fulfilment.order_fulfill(
            order=order, lines=[(line, 1)], tracking_number="GHN-123456", user=shop["member_a"]
        )
    (shipped,) = mail.outbox
    assert shipped.to == ["khach@example.vn"]
    assert shipped.subject == f"Đơn hàng #{order.number} đã được gửi đi"
    assert "Mã vận đơn: GHN-123456" in shipped.body and "Cà phê Arabica" in shipped.body
    assert "Mứt dâu tây" not in shipped.body
    payload = {"order_id": str(order.pk), "fulfillment_id": result.fulfillments[0].pk}
    emails.on_order_fulfilled(payload)
    assert len(mail.outbox) == 1


def test_shipped_notice_in_english(shipping, shop, django_capture_on_commit_callbacks):
    order = placed(shipping, shop, django_capture_on_commit_callbacks, language_code="en")
    mail.outbox.clear()
    line = order.lines.get(variant=shop["jam"])
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.order_fulfill(
            order=order, lines=[(line, 2)], tracking_number="VNP-9", user=shop["member_b"]
        )
    (shipped,) = mail.outbox
    assert shipped.subject == f"Order #{order.number} has shipped"
    assert "Tracking number: VNP-9" in shipped.body


def test_no_shipped_notice_when_the_customer_is_not_to_be_notified(
    shipping, shop, django_capture_on_commit_callbacks
):
    order = placed(shipping, shop, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    line = order.lines.get(variant=shop["coffee"])
    with django_capture_on_commit_callbacks(execute=True):
        fulfilment.order_fulfill(
            order=order,
            lines=[(line, 1)],
            tracking_number="X",
            user=shop["member_a"],
            notify_customer=False,
        )
    assert mail.outbox == []


def test_a_producer_without_members_gets_no_notice(shipping, django_capture_on_commit_callbacks):
    lonely = variant_of(make_product(producer=make_producer("HTX Chưa có thành viên")))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        place_order(shipping, [(lonely, 1)], email="khach@example.vn")
    assert [m.to for m in mail.outbox] == [["khach@example.vn"]]
