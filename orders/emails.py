"""Order emails, sent by outbox consumers after the writing transaction commits.

* ``order.placed`` → the buyer's order confirmation, and a new-order notice to the members of
  each producer in the order listing only that producer's lines;
* ``order.fulfilled`` → the buyer's shipped notice with the tracking number;
* ``order.tracking_updated`` → the buyer's notice of a parcel's new tracking number.

Consumers are idempotent: each email is recorded as an ``EMAIL_SENT`` order event
(``parameters.email_type`` plus the producer or fulfilment it is about) under a lock on the
order row, and an email already recorded is not sent again, however often the outbox delivers
the message. A failure to send raises, so the outbox retries later.

Language: the order's ``language_code`` (Vietnamese unless it is English); amounts in Vietnamese
style (``1.250.000 ₫``) for Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from catalog.models import ProducerMember
from shop.money import format_vnd
from shop.outbox import outbox_consumer

from .models import Fulfillment, Order, OrderEvent, OrderEventType, OrderLine

ORDER_CONFIRMATION = "order_confirmation"
PRODUCER_NEW_ORDER = "producer_new_order"
SHIPPING_CONFIRMATION = "shipping_confirmation"
TRACKING_UPDATED = "tracking_updated"

SUBJECTS = {
    ORDER_CONFIRMATION: {
        "vi": "Xác nhận đơn hàng #{number} – OCOP",
        "en": "Order #{number} confirmed – OCOP",
    },
    PRODUCER_NEW_ORDER: {
        "vi": "Đơn hàng mới #{number} cho {producer}",
        "en": "New order #{number} for {producer}",
    },
    SHIPPING_CONFIRMATION: {
        "vi": "Đơn hàng #{number} đã được gửi đi",
        "en": "Order #{number} has shipped",
    },
    TRACKING_UPDATED: {
        "vi": "Mã vận đơn mới cho đơn hàng #{number}",
        "en": "New tracking number for order #{number}",
    },
}


def email_language(code: str | None) -> str:
    return "en" if (code or "").lower().startswith("en") else "vi"


def money_display(amount: Decimal | int, currency: str, language: str) -> str:
    if currency == "VND":
        if language == "vi":
            return format_vnd(amount)
        return f"{int(amount):,} VND"
    return f"{Decimal(amount):,.2f} {currency}"


@dataclass(frozen=True)
class LineRow:
    name: str
    variant: str
    sku: str
    quantity: int
    unit_price: str
    total: str


def _rows(lines: list[OrderLine], currency: str, language: str) -> list[LineRow]:
    english = language == "en"
    return [
        LineRow(
            name=(line.translated_product_name if english else "") or line.product_name,
            variant=(line.translated_variant_name if english else "") or line.variant_name,
            sku=line.product_sku,
            quantity=line.quantity,
            unit_price=money_display(line.unit_price_gross_amount, currency, language),
            total=money_display(line.total_price_gross_amount, currency, language),
        )
        for line in lines
    ]


def _already_sent(order: Order, email_type: str, **about: Any) -> bool:
    for event in order.events.filter(type=OrderEventType.EMAIL_SENT):
        params = event.parameters
        if params.get("email_type") == email_type and all(
            params.get(k) == v for k, v in about.items()
        ):
            return True
    return False


def _record(order: Order, email_type: str, recipients: list[str], **about: Any) -> None:
    OrderEvent.objects.create(
        order=order,
        type=OrderEventType.EMAIL_SENT,
        parameters={
            "email_type": email_type,
            "email": ", ".join(recipients),
            **about,
        },
    )


def _send(
    template: str, context: dict[str, Any], subject: str, recipients: list[str], language: str
) -> None:
    with translation.override(language):
        body = render_to_string(f"orders/emails/{template}_{language}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def _locked_order(order_id: str) -> Order | None:
    """The order row locked: two deliveries of one message cannot both pass the check."""
    return (
        Order.objects.select_for_update(of=("self",))
        .select_related("shipping_address", "user")
        .filter(pk=order_id)
        .first()
    )


def _address_lines(order: Order) -> list[str]:
    address = order.shipping_address
    if address is None:
        return []
    name = f"{address.first_name} {address.last_name}".strip()
    parts = [name, address.street_address_1, address.street_address_2, address.city]
    parts += [address.country_area, address.phone]
    return [p for p in parts if p]


# --- order.placed ----------------------------------------------------------------------------
def order_confirmation_send(order: Order) -> bool:
    """The buyer's confirmation; False when it was sent before or there is no address."""
    recipient = order.user_email or (order.user.email if order.user else "")
    if not recipient or _already_sent(order, ORDER_CONFIRMATION):
        return False
    language = email_language(order.language_code)
    lines = list(order.lines.all())
    context = {
        "order": order,
        "lines": _rows(lines, order.currency, language),
        "subtotal": money_display(order.subtotal_gross_amount, order.currency, language),
        "shipping": money_display(order.shipping_price_gross_amount, order.currency, language),
        "total": money_display(order.total_gross_amount, order.currency, language),
        "address": _address_lines(order),
        "shipping_method": order.shipping_method_name,
    }
    subject = SUBJECTS[ORDER_CONFIRMATION][language].format(number=order.number)
    _send(ORDER_CONFIRMATION, context, subject, [recipient], language)
    _record(order, ORDER_CONFIRMATION, [recipient])
    return True


def producer_notices_send(order: Order) -> int:
    """One notice per producer with lines in the order, to its members, listing only its lines.
    Returns how many were sent now."""
    lines = list(order.lines.select_related("producer"))
    by_producer: dict[int, list[OrderLine]] = {}
    for line in lines:
        by_producer.setdefault(line.producer_id, []).append(line)
    members = ProducerMember.objects.filter(
        producer_id__in=by_producer.keys(), user__is_active=True
    ).select_related("user")
    recipients: dict[int, list[tuple[str, str]]] = {}
    for member in members.order_by("pk"):
        recipients.setdefault(member.producer_id, []).append(
            (member.user.email, member.user.language_code)
        )
    sent = 0
    for producer_id, producer_lines in by_producer.items():
        people = recipients.get(producer_id)
        if not people or _already_sent(order, PRODUCER_NEW_ORDER, producer_id=producer_id):
            continue
        producer = producer_lines[0].producer
        parcel = order.parcels.filter(producer_id=producer_id).first()
        by_language: dict[str, list[str]] = {}
        for email, code in people:
            by_language.setdefault(email_language(code), []).append(email)
        for language, emails in sorted(by_language.items()):
            subtotal = sum((li.total_price_gross_amount for li in producer_lines), Decimal(0))
            context = {
                "order": order,
                "producer": producer,
                "lines": _rows(producer_lines, order.currency, language),
                "subtotal": money_display(subtotal, order.currency, language),
                "parcel_price": money_display(
                    parcel.price_amount if parcel else 0, order.currency, language
                ),
                "address": _address_lines(order),
                "shipping_method": order.shipping_method_name,
                "customer_note": order.customer_note,
            }
            subject = SUBJECTS[PRODUCER_NEW_ORDER][language].format(
                number=order.number, producer=producer.name
            )
            _send(PRODUCER_NEW_ORDER, context, subject, emails, language)
        _record(
            order,
            PRODUCER_NEW_ORDER,
            [email for email, _code in people],
            producer_id=producer_id,
        )
        sent += 1
    return sent


@outbox_consumer("order.placed")
def on_order_placed(payload: dict[str, Any]) -> None:
    order = _locked_order(payload["order_id"])
    if order is None:
        return
    order_confirmation_send(order)
    producer_notices_send(order)


# --- order.fulfilled -------------------------------------------------------------------------
def shipping_confirmation_send(order: Order, fulfillment: Fulfillment) -> bool:
    recipient = order.user_email or (order.user.email if order.user else "")
    if not recipient or _already_sent(order, SHIPPING_CONFIRMATION, fulfillment_id=fulfillment.pk):
        return False
    language = email_language(order.language_code)
    shipped = list(fulfillment.lines.select_related("order_line"))
    lines = []
    for item in shipped:
        line = item.order_line
        line.quantity = item.quantity  # the rows show what this parcel carries
        lines.append(line)
    context = {
        "order": order,
        "fulfillment": fulfillment,
        "producer": fulfillment.producer,
        "tracking_number": fulfillment.tracking_number,
        "lines": _rows(lines, order.currency, language),
        "address": _address_lines(order),
    }
    subject = SUBJECTS[SHIPPING_CONFIRMATION][language].format(number=order.number)
    _send(SHIPPING_CONFIRMATION, context, subject, [recipient], language)
    _record(order, SHIPPING_CONFIRMATION, [recipient], fulfillment_id=fulfillment.pk)
    return True


@outbox_consumer("order.fulfilled")
def on_order_fulfilled(payload: dict[str, Any]) -> None:
    if payload.get("notify_customer") is False:
        return
    order, fulfillment = _locked_order_and_parcel(payload)
    if fulfillment is not None:
        shipping_confirmation_send(order, fulfillment)


def _locked_order_and_parcel(payload: dict[str, Any]) -> tuple[Order | None, Fulfillment | None]:
    """The payload's order (locked, see ``_locked_order``) and its parcel, if both still exist."""
    order = _locked_order(payload["order_id"])
    if order is None:
        return None, None
    fulfillment = (
        Fulfillment.objects.select_related("producer")
        .filter(pk=payload["fulfillment_id"], order=order)
        .first()
    )
    return order, fulfillment


# --- order.tracking_updated ------------------------------------------------------------------
def tracking_update_send(order: Order, fulfillment: Fulfillment, tracking_number: str) -> bool:
    """The buyer's notice of ``fulfillment``'s new number; once per (parcel, number), and not
    when the number was changed again meanwhile (that change's own message tells the newest)."""
    recipient = order.user_email or (order.user.email if order.user else "")
    if not recipient or not tracking_number or fulfillment.tracking_number != tracking_number:
        return False
    about = {"fulfillment_id": fulfillment.pk, "tracking_number": tracking_number}
    if _already_sent(order, TRACKING_UPDATED, **about):
        return False
    language = email_language(order.language_code)
    context = {"order": order, "producer": fulfillment.producer, "tracking_number": tracking_number}
    subject = SUBJECTS[TRACKING_UPDATED][language].format(number=order.number)
    _send(TRACKING_UPDATED, context, subject, [recipient], language)
    _record(order, TRACKING_UPDATED, [recipient], **about)
    return True


@outbox_consumer("order.tracking_updated")
def on_tracking_updated(payload: dict[str, Any]) -> None:
    order, fulfillment = _locked_order_and_parcel(payload)
    if fulfillment is not None:
        tracking_update_send(order, fulfillment, payload["tracking_number"])
