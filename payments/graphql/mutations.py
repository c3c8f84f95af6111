"""Payment mutations (Saleor's Transactions API): ``paymentGatewayInitialize``,
``transactionInitialize``, ``transactionProcess`` and ``orderMarkAsPaid``. Arguments in, a
``payments.services`` call, payload out; refusals come back in ``errors``."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import graphene
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from graphql import GraphQLError

from accounts.graphql.auth import current_user
from orders.graphql.checkout_payment_types import TransactionActionEnum
from orders.graphql.order_mutations import OrderBaseMutation
from orders.graphql.order_types import Order
from orders.graphql.order_viewer import order_for_viewer
from orders.models import Checkout as CheckoutModel
from orders.models import Order as OrderModel
from orders.selectors import checkout_get
from shop.graphql.ids import global_id_decode
from shop.graphql.mutations import BaseMutation, MutationFailed, error
from shop.graphql.scalars import PositiveDecimal

from .. import services
from ..gateways import gateway_get, gateways_all
from ..models import TransactionItem as TransactionItemModel
from ..permissions import transaction_visible_to
from .types import (
    JSON,
    PaymentGatewayConfig,
    PaymentGatewayInitializeError,
    PaymentGatewayInitializeErrorCode,
    PaymentGatewayToInitialize,
    TransactionEvent,
    TransactionFlowStrategyEnum,
    TransactionInitializeError,
    TransactionInitializeErrorCode,
    TransactionItem,
    TransactionProcessError,
    TransactionProcessErrorCode,
    TransactionRequestActionError,
    TransactionRequestActionErrorCode,
)


def _uuid(value: str, pk: str) -> uuid.UUID:
    try:
        return uuid.UUID(pk)
    except ValueError:
        raise GraphQLError(f"Couldn't resolve id: {value}.") from None


def _not_found(value: str) -> MutationFailed:
    return MutationFailed([error("id", _("Couldn't resolve to a node: %s") % value, "NOT_FOUND")])


def source_of(info: Any, value: str) -> CheckoutModel | OrderModel:
    """The checkout or order named by a global ID, as the viewer may see it."""
    type_name, pk = global_id_decode(value)
    if type_name not in ("Checkout", "Order"):
        raise GraphQLError("Must receive a Checkout or Order id.")
    user = current_user(info)
    if type_name == "Checkout":
        found: Any = checkout_get(token=_uuid(value, pk), user=user)
    else:
        found = order_for_viewer(pk=_uuid(value, pk), user=user)
    if found is None:
        raise _not_found(value)
    return found


def _transaction_of(data: dict[str, Any]) -> TransactionItemModel:
    value = data.get("id")
    if value:
        _type, pk = global_id_decode(value, only_type="TransactionItem")
        token = _uuid(value, pk)
    elif data.get("token"):
        token = data["token"]
    else:
        raise MutationFailed(
            [error("id", _("One of field id or token is required."), "GRAPHQL_ERROR")]
        )
    tx = TransactionItemModel.objects.filter(pk=token).first()
    if tx is None:
        raise _not_found(str(value or token))
    return tx


class _CodedMutation(BaseMutation):
    """Maps codes its error enum does not know to ``INVALID``."""

    codes: frozenset[str] = frozenset()

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any):
        payload = super().mutate(root, info, **data)
        for entry in payload.errors:
            if entry.code not in cls.codes:
                entry.code = "INVALID"
        return payload


def _codes(enum: type[graphene.Enum]) -> frozenset[str]:
    return frozenset(member.name for member in enum._meta.enum)


# --- paymentGatewayInitialize ----------------------------------------------------------------
class PaymentGatewayInitialize(_CodedMutation):
    error_type = PaymentGatewayInitializeError
    codes = _codes(PaymentGatewayInitializeErrorCode)
    gateway_configs = graphene.List(graphene.NonNull(PaymentGatewayConfig))
    errors = graphene.List(graphene.NonNull(PaymentGatewayInitializeError), required=True)

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout or order.")
        amount = PositiveDecimal(description="The amount requested for initializing the payment.")
        payment_gateways = graphene.List(
            graphene.NonNull(PaymentGatewayToInitialize),
            description="List of payment gateways to initialize.",
        )

    class Meta:
        description = "Initializes a payment gateway session (the gateways' client configs)."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        source = source_of(info, data["id"])
        requested = data.get("payment_gateways")
        if requested is None:
            requested = [{"id": g.id, "data": None} for g in gateways_all()]
        configs = []
        for item in requested:
            try:
                gateway = gateway_get(item["id"])
                config = gateway.initialize_config(source, item.get("data"))
                configs.append(PaymentGatewayConfig(id=gateway.id, data=config, errors=[]))
            except ValidationError as exc:
                message = " ".join(str(m) for m in exc.messages)
                configs.append(
                    PaymentGatewayConfig(
                        id=item["id"],
                        data=None,
                        errors=[{"field": "id", "message": message, "code": "NOT_FOUND"}],
                    )
                )
        return {"gateway_configs": configs}


# --- transactionInitialize -------------------------------------------------------------------
class TransactionInitialize(_CodedMutation):
    error_type = TransactionInitializeError
    codes = _codes(TransactionInitializeErrorCode)
    transaction = graphene.Field(TransactionItem)
    transaction_event = graphene.Field(TransactionEvent)
    data = JSON()
    errors = graphene.List(graphene.NonNull(TransactionInitializeError), required=True)

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout or order.")
        action = TransactionFlowStrategyEnum(
            description="The expected action called for the transaction (COD: authorization)."
        )
        amount = PositiveDecimal(
            description="The amount requested; default: the total not covered yet."
        )
        payment_gateway = PaymentGatewayToInitialize(
            required=True, description="Payment gateway used to initialize the transaction."
        )
        idempotency_key = graphene.String(
            description="The idempotency key: a repeated call returns the same transaction."
        )
        customer_ip_address = graphene.String(description="The customer's IP address.")
        data = JSON(description="Accepted for older storefronts; use `paymentGateway.data`.")

    class Meta:
        description = "Initializes a transaction session at the payment gateway."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        source = source_of(info, data["id"])
        gateway = data["payment_gateway"]
        payload = gateway.get("data") if gateway.get("data") is not None else data.get("data")
        amount = data.get("amount")
        tx, event, result = services.transaction_initialize(
            checkout=source if isinstance(source, CheckoutModel) else None,
            order=source if isinstance(source, OrderModel) else None,
            gateway_id=gateway["id"],
            amount=Decimal(amount) if amount is not None else None,
            idempotency_key=data.get("idempotency_key"),
            data=payload,
            user=current_user(info),
        )
        return {"transaction": tx, "transaction_event": event, "data": result}


# --- transactionProcess ----------------------------------------------------------------------
class TransactionProcess(_CodedMutation):
    error_type = TransactionProcessError
    codes = _codes(TransactionProcessErrorCode)
    transaction = graphene.Field(TransactionItem)
    transaction_event = graphene.Field(TransactionEvent)
    data = JSON()
    errors = graphene.List(graphene.NonNull(TransactionProcessError), required=True)

    class Arguments:
        id = graphene.ID(description="The ID of the transaction.")
        token = graphene.UUID(description="The token of the transaction.")
        data = JSON(description="The data that will be passed to the payment gateway.")
        customer_ip_address = graphene.String(description="The customer's IP address.")

    class Meta:
        description = "Processes a transaction session (after the client acted)."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        tx = _transaction_of(data)
        user = current_user(info)
        if not transaction_visible_to(tx=tx, user=user):
            # Someone else's transaction looks the same as an unknown one; nothing is processed.
            raise _not_found(str(data.get("id") or data.get("token")))
        tx, event, result = services.transaction_process(tx=tx, data=data.get("data"), user=user)
        return {"transaction": tx, "transaction_event": event, "data": result}


# --- transactionRequestAction ----------------------------------------------------------------
class TransactionRequestAction(_CodedMutation):
    error_type = TransactionRequestActionError
    codes = _codes(TransactionRequestActionErrorCode)
    transaction = graphene.Field(TransactionItem)
    errors = graphene.List(graphene.NonNull(TransactionRequestActionError), required=True)

    class Arguments:
        id = graphene.ID(description="The ID of the transaction.")
        token = graphene.UUID(description="The token of the transaction.")
        action_type = TransactionActionEnum(
            required=True, description="Determines the action type."
        )
        amount = PositiveDecimal(
            description="Transaction request amount. If empty, the whole available amount."
        )

    class Meta:
        description = (
            "Request an action (charge, refund, cancel) for a transaction. OCOP staff, or a "
            "member of the producer of every line of the order (an order shared by several "
            "producers: staff only)."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        tx = _transaction_of(data)
        action = data["action_type"]
        action = getattr(action, "value", action)
        amount = data.get("amount")
        tx = services.transaction_request_action(
            tx=tx,
            action=str(action),
            amount=Decimal(amount) if amount is not None else None,
            user=current_user(info),
        )
        return {"transaction": tx}


# --- orderMarkAsPaid -------------------------------------------------------------------------
class OrderMarkAsPaid(OrderBaseMutation):
    order = graphene.Field(Order, description="Order marked as paid.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order to mark paid.")
        transaction_reference = graphene.String(
            description="The external transaction reference (e.g. the COD slip number)."
        )

    class Meta:
        description = (
            "Mark order as manually paid (COD cash received). OCOP staff, or a member of the "
            "producer of every line of the order (an order shared by several producers: staff "
            "only)."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        user = current_user(info)
        if user is None:
            raise PermissionDenied(
                _("To access this path, you need one of the following permissions: MANAGE_ORDERS")
            )
        _type, pk = global_id_decode(data["id"], only_type="Order")
        order = OrderModel.objects.filter(pk=_uuid(data["id"], pk)).first()
        if order is None:
            raise _not_found(data["id"])
        services.order_mark_as_paid(
            order=order, user=user, transaction_reference=data.get("transaction_reference") or ""
        )
        return {"order": order_for_viewer(pk=order.pk, user=user, info=info)}
