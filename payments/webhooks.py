"""``POST /payments/stripe/webhook/``: Stripe's notifications about PaymentIntents and refunds.

The signature is verified on the raw body (``stripe.Webhook.construct_event``, with the SDK's
timestamp tolerance); a bad signature, a stale timestamp or a body that is not a JSON event is
answered 400. Each event id is recorded once, as the ``idempotency_key`` of the
``TransactionEvent`` it produced (unique per transaction, written under the transaction's row
lock), so a redelivered event is acknowledged (200) and ignored. Events for intents we do not
know are acknowledged and logged. When a ``payment_intent.succeeded`` leaves a checkout that
still exists fully paid, the checkout is completed into an order (the same idempotent
``checkout_complete`` the buyer's ``checkoutComplete`` calls).
"""

from __future__ import annotations

import json
import logging
from decimal import Decimal
from typing import Any

import stripe
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .gateways import GatewayResult
from .gateways.stripe import STRIPE_GATEWAY_ID, from_minor, intent_result, mismatch
from .models import TransactionItem

logger = logging.getLogger(__name__)

INTENT_EVENTS = {
    "payment_intent.succeeded": "succeeded",
    "payment_intent.processing": "processing",
    "payment_intent.payment_failed": "payment_failed",
    "payment_intent.canceled": "canceled",
    "payment_intent.amount_capturable_updated": "requires_capture",
}


def _refund_result(tx: TransactionItem, charge: dict[str, Any]) -> GatewayResult:
    ref = str(charge.get("payment_intent") or "")
    problem = mismatch(tx, {"currency": charge.get("currency")})
    if problem:
        return GatewayResult(
            type="REFUND_FAILURE", amount=Decimal(0), psp_reference=ref, message=problem
        )
    refunded = from_minor(int(charge.get("amount_refunded") or 0), tx.currency)
    delta = min(refunded - tx.refunded_value, tx.charged_value)
    if delta <= 0:
        return GatewayResult(
            type="INFO", amount=Decimal(0), psp_reference=ref, message="Refund already recorded."
        )
    return GatewayResult(type="REFUND_SUCCESS", amount=delta, psp_reference=ref)


def _apply(event: dict[str, Any]) -> TransactionItem | None:
    """Apply ``event`` once; the transaction if a charge succeeded and completion may follow."""
    from . import services

    kind = event["type"]
    data = event.get("data")
    obj = data.get("object") if isinstance(data, dict) else None
    if not isinstance(obj, dict):
        return None
    if kind in INTENT_EVENTS:
        intent_id = obj.get("id")
    elif kind == "charge.refunded":
        intent_id = obj.get("payment_intent")
    else:
        return None
    if not intent_id:
        return None
    with transaction.atomic():
        queryset = TransactionItem.objects.filter(
            gateway=STRIPE_GATEWAY_ID, psp_reference=intent_id
        )
        if services.LOCK_ROWS:  # off only in the race tests' control
            queryset = queryset.select_for_update()
        tx = queryset.first()
        if tx is None:
            logger.info("Stripe event %s for unknown intent %s ignored", event["id"], intent_id)
            return None
        if tx.events.filter(idempotency_key=event["id"]).exists():
            logger.info("Stripe event %s already recorded", event["id"])
            return None
        if kind == "charge.refunded":
            result = _refund_result(tx, obj)
        else:
            result = intent_result(tx, INTENT_EVENTS[kind], obj)
        if not result.message:
            result.message = kind
        services.apply_result(tx, result, idempotency_key=event["id"])
    return tx if result.type == "CHARGE_SUCCESS" else None


def _complete_if_paid(tx: TransactionItem) -> None:
    from orders.checkout_complete import checkout_complete
    from orders.models import Checkout

    from .services import checkout_payment_covers, checkout_total

    if tx.checkout_token is None:
        return
    checkout = Checkout.objects.filter(token=tx.checkout_token).first()
    if checkout is None:
        return
    try:
        if checkout_payment_covers(checkout=checkout, total=checkout_total(checkout)):
            checkout_complete(token=checkout.token)
    except ValidationError as exc:
        logger.warning("Paid checkout %s not completed: %s", checkout.token, exc.messages)
    except Exception:  # the payment is recorded; the buyer's checkoutComplete can still finish
        logger.exception("Paid checkout %s not completed", checkout.token)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        return HttpResponseNotFound()
    payload = request.body
    signature = request.headers.get("Stripe-Signature", "")
    try:
        stripe.Webhook.construct_event(payload, signature, secret)
        event = json.loads(payload)
    except stripe.SignatureVerificationError:
        return HttpResponseBadRequest("invalid signature")
    except (ValueError, TypeError, KeyError, AttributeError):
        return HttpResponseBadRequest("invalid payload")
    if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
        return HttpResponseBadRequest("invalid event")
    tx = _apply(event)
    if tx is not None:
        _complete_if_paid(tx)
    return HttpResponse(status=200)
