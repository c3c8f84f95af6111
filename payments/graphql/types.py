"""Saleor's Transactions API types: ``TransactionItem`` (the real one; ``orders`` refers to it
by the import string ``payments.graphql.types.TransactionItem``), ``TransactionEvent`` and the
payload types of the payment mutations."""

from __future__ import annotations

from typing import Any

import graphene
from graphene import relay
from graphene.types.generic import GenericScalar

from orders.graphql.checkout_payment_types import TransactionActionEnum
from shop.graphql.common import MetadataResolvers, ObjectWithMetadata
from shop.graphql.money import Money
from shop.money import Money as MoneyValue

from ..models import TransactionEvent as TransactionEventModel
from ..models import TransactionEventType
from ..models import TransactionItem as TransactionItemModel


class JSON(GenericScalar):
    """Arbitrary JSON value (Saleor's ``JSON`` scalar)."""


TransactionEventTypeEnum = graphene.Enum(
    "TransactionEventTypeEnum", [(value, value) for value in TransactionEventType.values]
)
TransactionFlowStrategyEnum = graphene.Enum(
    "TransactionFlowStrategyEnum", [("AUTHORIZATION", "AUTHORIZATION"), ("CHARGE", "CHARGE")]
)


def _money(amount: Any, currency: str) -> MoneyValue:
    return MoneyValue(amount, currency)


class TransactionEvent(graphene.ObjectType):
    created_at = graphene.DateTime(required=True)
    psp_reference = graphene.String(required=True)
    message = graphene.String(required=True)
    external_url = graphene.String(required=True)
    amount = graphene.Field(Money, required=True)
    type = graphene.Field(TransactionEventTypeEnum)
    idempotency_key = graphene.String()

    class Meta:
        description = "Represents transaction's event."
        interfaces = (relay.Node,)

    @classmethod
    def is_type_of(cls, root: Any, info: Any) -> bool:
        return isinstance(root, TransactionEventModel)

    @staticmethod
    def resolve_id(root: TransactionEventModel, info: Any) -> str:
        return str(root.pk)

    @staticmethod
    def resolve_amount(root: TransactionEventModel, info: Any) -> MoneyValue:
        return _money(root.amount_value, root.currency)


class TransactionItem(MetadataResolvers, graphene.ObjectType):
    created_at = graphene.DateTime(required=True)
    modified_at = graphene.DateTime(required=True)
    actions = graphene.List(graphene.NonNull(TransactionActionEnum), required=True)
    authorized_amount = graphene.Field(Money, required=True)
    authorize_pending_amount = graphene.Field(Money, required=True)
    charged_amount = graphene.Field(Money, required=True)
    charge_pending_amount = graphene.Field(Money, required=True)
    refunded_amount = graphene.Field(Money, required=True)
    refund_pending_amount = graphene.Field(Money, required=True)
    canceled_amount = graphene.Field(Money, required=True)
    cancel_pending_amount = graphene.Field(Money, required=True)
    name = graphene.String(required=True)
    psp_reference = graphene.String(required=True)
    events = graphene.List(graphene.NonNull(TransactionEvent), required=True)

    class Meta:
        description = "Represents a payment transaction."
        interfaces = (relay.Node, ObjectWithMetadata)

    @classmethod
    def is_type_of(cls, root: Any, info: Any) -> bool:
        return isinstance(root, TransactionItemModel)

    @staticmethod
    def resolve_id(root: TransactionItemModel, info: Any) -> str:
        return str(root.pk)

    @staticmethod
    def resolve_actions(root: TransactionItemModel, info: Any) -> list[str]:
        return list(root.available_actions or [])

    @staticmethod
    def resolve_events(root: TransactionItemModel, info: Any) -> list:
        return list(root.events.all())


for _name in (
    "authorized",
    "authorize_pending",
    "charged",
    "charge_pending",
    "refunded",
    "refund_pending",
    "canceled",
    "cancel_pending",
):
    setattr(
        TransactionItem,
        f"resolve_{_name}_amount",
        staticmethod(
            lambda root, info, _f=f"{_name}_value": _money(getattr(root, _f), root.currency)
        ),
    )


class PaymentGatewayToInitialize(graphene.InputObjectType):
    id = graphene.String(required=True, description="The identifier of the payment gateway app.")
    data = JSON(description="The data that will be passed to the payment gateway.")


class PaymentGatewayConfigErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"


class PaymentGatewayInitializeErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"


class TransactionInitializeErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    UNIQUE = "UNIQUE"
    CHECKOUT_COMPLETION_IN_PROGRESS = "CHECKOUT_COMPLETION_IN_PROGRESS"


class TransactionProcessErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    TRANSACTION_ALREADY_PROCESSED = "TRANSACTION_ALREADY_PROCESSED"
    MISSING_PAYMENT_APP_RELATION = "MISSING_PAYMENT_APP_RELATION"
    MISSING_PAYMENT_APP = "MISSING_PAYMENT_APP"
    CHECKOUT_COMPLETION_IN_PROGRESS = "CHECKOUT_COMPLETION_IN_PROGRESS"


class TransactionRequestActionErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK = "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK"


def _error_type(name: str, code_enum: type[graphene.Enum]) -> type[graphene.ObjectType]:
    return type(
        name,
        (graphene.ObjectType,),
        {
            "field": graphene.String(
                description="Name of a field that caused the error. A value of `null` "
                "indicates that the error isn't associated with a particular field."
            ),
            "message": graphene.String(description="The error message."),
            "code": graphene.Field(code_enum, required=True, description="The error code."),
        },
    )


PaymentGatewayConfigError = _error_type("PaymentGatewayConfigError", PaymentGatewayConfigErrorCode)
PaymentGatewayInitializeError = _error_type(
    "PaymentGatewayInitializeError", PaymentGatewayInitializeErrorCode
)
TransactionInitializeError = _error_type(
    "TransactionInitializeError", TransactionInitializeErrorCode
)
TransactionProcessError = _error_type("TransactionProcessError", TransactionProcessErrorCode)
TransactionRequestActionError = _error_type(
    "TransactionRequestActionError", TransactionRequestActionErrorCode
)


class PaymentGatewayConfig(graphene.ObjectType):
    id = graphene.String(required=True)
    data = JSON()
    errors = graphene.List(graphene.NonNull(PaymentGatewayConfigError))
