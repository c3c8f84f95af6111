"""Stripe (``saleor.app.payment.stripe``), as Saleor's Stripe app: ``transactionInitialize``
creates a PaymentIntent (automatic capture) and returns ``data.paymentIntent.stripeClientSecret``;
the storefront confirms it with Stripe.js; ``transactionProcess`` and the webhook
(``payments.webhooks``) read the intent back and record the result.

Amounts go to Stripe in minor units through ``shop.money.to_stripe_amount`` (VND is
zero-decimal: 150000 ₫ → ``amount=150000``). The Stripe idempotency key of an intent is
``ocop-<transaction id>``: a retried ``transactionInitialize`` with the same ``idempotencyKey``
finds the same transaction, hence the same key, hence one PaymentIntent.

The gateway is registered only while ``STRIPE_SECRET_KEY`` is set (re-checked when the setting
changes, e.g. in tests). What was asked of Stripe (amount in minor units, currency) is kept in
the transaction's ``private_metadata`` so that results can be checked against it: an amount or
currency that does not match is flagged, never accepted as paid.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

import stripe
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import gettext as _

from shop.money import Money, to_stripe_amount

from . import base
from .base import Gateway, GatewayResult

logger = logging.getLogger(__name__)

STRIPE_GATEWAY_ID = "saleor.app.payment.stripe"
META_AMOUNT = "stripe_amount"
META_CURRENCY = "stripe_currency"


def stripe_client() -> stripe.StripeClient:
    kwargs: dict[str, Any] = {"max_network_retries": 2}
    if settings.STRIPE_API_BASE:
        kwargs["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, **kwargs)


def from_minor(value: int, currency: str) -> Decimal:
    digits = Money(Decimal(0), currency).fraction_digits
    return Decimal(int(value)).scaleb(-digits)


def _stripe_error(exc: stripe.StripeError) -> ValidationError:
    logger.warning("Stripe error: %s", exc)
    message = getattr(exc, "user_message", None) or _("Stripe không xử lý được yêu cầu.")
    return ValidationError({"payment_gateway": ValidationError(message, code="invalid")})


def _as_dict(obj: Any) -> dict[str, Any]:
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


def mismatch(tx: Any, intent: dict[str, Any], field: str = "amount") -> str:
    """Why ``intent`` (or a charge) does not match what was asked for ``tx`` ("" if it does)."""
    expected_amount = tx.private_metadata.get(META_AMOUNT)
    expected_currency = tx.private_metadata.get(META_CURRENCY) or tx.currency.lower()
    currency = str(intent.get("currency") or "").lower()
    if currency != expected_currency:
        return f"Stripe currency {currency!r} does not match {expected_currency!r}."
    if expected_amount is not None:
        for key in ("amount", field):
            if key in intent and intent[key] is not None and int(intent[key]) != expected_amount:
                return f"Stripe {key} {intent[key]} does not match {expected_amount}."
    return ""


def intent_result(tx: Any, kind: str, intent: dict[str, Any]) -> GatewayResult:
    """The result of ``kind`` (``succeeded``, ``processing``, ``payment_failed``, ``canceled``,
    ``requires_capture``, ``action_required``) for the locked transaction ``tx``. May set the
    pending amounts on ``tx`` (saved by ``apply_result``). Out of order or repeated news never
    undoes or doubles a charge: what was already charged or refunded is taken into account."""
    ref = str(intent.get("id") or "")
    expected = tx.private_metadata.get(META_AMOUNT)
    amount = from_minor(expected, tx.currency) if expected is not None else Decimal(0)
    settled = tx.charged_value + tx.refunded_value
    if kind in ("succeeded", "requires_capture"):
        field = "amount_received" if kind == "succeeded" else "amount_capturable"
        problem = mismatch(tx, intent, field)
        if problem:
            logger.warning("Stripe %s for %s flagged: %s", ref, tx.pk, problem)
            return GatewayResult(
                type="CHARGE_ACTION_REQUIRED", amount=Decimal(0), psp_reference=ref, message=problem
            )
        if kind == "succeeded":
            received_minor = intent.get("amount_received")
            if received_minor is None:  # not sent by older API versions (and localstripe)
                received_minor = intent.get("amount") or 0
            received = from_minor(int(received_minor), tx.currency)
            delta = received - settled
            if delta <= 0:
                return GatewayResult(
                    type="INFO", amount=Decimal(0), psp_reference=ref, message="Already charged."
                )
            tx.charge_pending_value = Decimal(0)
            tx.authorize_pending_value = Decimal(0)
            return GatewayResult(
                type="CHARGE_SUCCESS", amount=delta, psp_reference=ref, actions=["REFUND"]
            )
        if tx.authorized_value > 0 or settled > 0:
            return GatewayResult(type="INFO", amount=Decimal(0), psp_reference=ref)
        tx.authorize_pending_value = Decimal(0)
        return GatewayResult(
            type="AUTHORIZATION_SUCCESS", amount=amount, psp_reference=ref, actions=["CHARGE"]
        )
    if settled > 0 or tx.authorized_value > 0:
        return GatewayResult(
            type="INFO",
            amount=Decimal(0),
            psp_reference=ref,
            message=f"Ignored {kind}: the payment already succeeded.",
        )
    if kind == "processing":
        if tx.charge_pending_value > 0:
            return GatewayResult(type="INFO", amount=Decimal(0), psp_reference=ref)
        tx.charge_pending_value = amount
        return GatewayResult(type="CHARGE_REQUEST", amount=amount, psp_reference=ref)
    if kind in ("payment_failed", "canceled"):
        tx.charge_pending_value = Decimal(0)
        error = intent.get("last_payment_error") or {}
        message = (error.get("message") if isinstance(error, dict) else "") or kind
        return GatewayResult(
            type="CHARGE_FAILURE", amount=amount, psp_reference=ref, message=str(message)
        )
    secret = intent.get("client_secret")
    return GatewayResult(
        type="CHARGE_ACTION_REQUIRED",
        amount=amount,
        psp_reference=ref,
        data={"paymentIntent": {"stripeClientSecret": secret}} if secret else {},
    )


_STATUS_KIND = {
    "succeeded": "succeeded",
    "processing": "processing",
    "canceled": "canceled",
    "requires_capture": "requires_capture",
}


class StripeGateway(Gateway):
    id = STRIPE_GATEWAY_ID
    name = "Stripe"

    def initialize_config(self, checkout: Any, data: dict | None = None) -> dict[str, Any]:
        return {"stripePublishableKey": settings.STRIPE_PUBLISHABLE_KEY}

    def initialize_transaction(
        self, transaction: Any, amount: Decimal, data: dict | None = None
    ) -> GatewayResult:
        money = Money(Decimal(amount), transaction.currency)
        minor = to_stripe_amount(money)
        currency = transaction.currency.lower()
        params: dict[str, Any] = {
            "amount": minor,
            "currency": currency,
            # Automatic payment methods are the API default (since 2023-08-16): not sent, so
            # the request is also what localstripe (the integration tests) accepts.
            "capture_method": "automatic",
            "metadata": {
                "checkout_token": str(transaction.checkout_token or ""),
                "transaction_id": str(transaction.pk),
            },
        }
        try:
            intent = stripe_client().v1.payment_intents.create(
                params=params, options={"idempotency_key": f"ocop-{transaction.pk}"}
            )
        except stripe.StripeError as exc:
            raise _stripe_error(exc) from exc
        transaction.private_metadata = {
            **(transaction.private_metadata or {}),
            META_AMOUNT: minor,
            META_CURRENCY: currency,
        }
        return GatewayResult(
            type="CHARGE_ACTION_REQUIRED",
            amount=money.amount,
            psp_reference=intent.id,
            data={"paymentIntent": {"stripeClientSecret": intent.client_secret}},
        )

    def _intent_id(self, transaction: Any) -> str:
        if not transaction.psp_reference:
            raise ValidationError(
                {"id": ValidationError("The transaction has no PaymentIntent.", code="invalid")}
            )
        return transaction.psp_reference

    def process(self, transaction: Any, data: dict | None = None) -> GatewayResult:
        try:
            intent = stripe_client().v1.payment_intents.retrieve(self._intent_id(transaction))
        except stripe.StripeError as exc:
            raise _stripe_error(exc) from exc
        intent_data = _as_dict(intent)
        status = intent_data.get("status")
        kind = _STATUS_KIND.get(str(status), "action_required")
        if status == "requires_payment_method" and intent_data.get("last_payment_error"):
            kind = "payment_failed"
        return intent_result(transaction, kind, intent_data)

    def charge(self, transaction: Any, amount: Decimal, reference: str = "") -> GatewayResult:
        minor = to_stripe_amount(Money(Decimal(amount), transaction.currency))
        try:
            intent = stripe_client().v1.payment_intents.capture(
                self._intent_id(transaction),
                params={"amount_to_capture": minor},
                options={"idempotency_key": f"ocop-{transaction.pk}-capture-{minor}"},
            )
        except stripe.StripeError as exc:
            raise _stripe_error(exc) from exc
        return GatewayResult(type="CHARGE_SUCCESS", amount=Decimal(amount), psp_reference=intent.id)

    def refund(self, transaction: Any, amount: Decimal) -> GatewayResult:
        minor = to_stripe_amount(Money(Decimal(amount), transaction.currency))
        already = to_stripe_amount(Money(transaction.refunded_value, transaction.currency))
        try:
            refund = stripe_client().v1.refunds.create(
                params={
                    "payment_intent": self._intent_id(transaction),
                    "amount": minor,
                    "metadata": {"transaction_id": str(transaction.pk)},
                },
                options={"idempotency_key": f"ocop-{transaction.pk}-refund-{already}-{minor}"},
            )
        except stripe.StripeError as exc:
            raise _stripe_error(exc) from exc
        kind = {"succeeded": "REFUND_SUCCESS", "failed": "REFUND_FAILURE"}.get(
            str(refund.status), "REFUND_REQUEST"
        )
        return GatewayResult(type=kind, amount=Decimal(amount), psp_reference=refund.id)

    def cancel(self, transaction: Any, amount: Decimal) -> GatewayResult:
        try:
            intent = stripe_client().v1.payment_intents.cancel(
                self._intent_id(transaction),
                options={"idempotency_key": f"ocop-{transaction.pk}-cancel"},
            )
        except stripe.StripeError as exc:
            raise _stripe_error(exc) from exc
        return GatewayResult(type="CANCEL_SUCCESS", amount=Decimal(amount), psp_reference=intent.id)


def sync_registration(**kwargs: Any) -> None:
    """Register the gateway while ``STRIPE_SECRET_KEY`` is set, unregister it otherwise."""
    if kwargs.get("setting") not in (None, "STRIPE_SECRET_KEY"):
        return
    if settings.STRIPE_SECRET_KEY:
        base.register(StripeGateway)
    else:
        base._registry.pop(STRIPE_GATEWAY_ID, None)


receiver(setting_changed)(sync_registration)
sync_registration()
