"""The payments part of the root schema (composed in ``shop.schema``)."""

import graphene

from .mutations import (
    OrderMarkAsPaid,
    PaymentGatewayInitialize,
    TransactionInitialize,
    TransactionProcess,
    TransactionRequestAction,
)


class PaymentQueries(graphene.ObjectType):
    pass


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field()
    transaction_initialize = TransactionInitialize.Field()
    transaction_process = TransactionProcess.Field()
    transaction_request_action = TransactionRequestAction.Field()
    order_mark_as_paid = OrderMarkAsPaid.Field()
