"""The storefront's ``src/checkout/graphql/payment.graphql`` operations (Transactions API),
copied verbatim from saleor/storefront (see /tmp/saleor_ref/storefront_checkout_ops.md, section
D; only indentation differs), validate against our schema and run."""

from __future__ import annotations

import pytest
from graphql import parse, validate

from shop.schema import schema

# Version 1 @ ba7b4242df3d8b2bce860a442f3cf3bdcf83be9a (top-level ``data`` on initialize).
PAYMENT_V1 = """\
mutation paymentGatewaysInitialize($checkoutId: ID!, $paymentGateways: [PaymentGatewayToInitialize!]) {
  paymentGatewayInitialize(id: $checkoutId, paymentGateways: $paymentGateways) {
    errors {
      field
      message
      code
    }
    gatewayConfigs {
      id
      data
      errors {
        field
        message
        code
      }
    }
  }
}

mutation TransactionInitialize($checkoutId: ID!, $data: JSON, $paymentGateway: PaymentGatewayToInitialize!) {
  transactionInitialize(id: $checkoutId, paymentGateway: $paymentGateway, data: $data) {
    transaction {
      id
      actions
    }
    transactionEvent {
      id
      message
      type
    }
    data
    errors {
      field
      message
      code
    }
  }
}

mutation transactionProcess($id: ID!, $data: JSON) {
  transactionProcess(id: $id, data: $data) {
    transaction {
      id
      actions
    }
    transactionEvent {
      message
      type
    }
    data
    errors {
      field
      code
      message
    }
  }
}
"""

# Version 2 @ f954fa43a2212ae7d3002c155d7c41a1ead1ca1a (``idempotencyKey``, ``amount``).
PAYMENT_V2_INITIALIZE = """\
mutation transactionInitialize(
  $checkoutId: ID!
  $action: TransactionFlowStrategyEnum
  $paymentGateway: PaymentGatewayToInitialize!
  $amount: PositiveDecimal
  $idempotencyKey: String
) {
  transactionInitialize(
    id: $checkoutId
    action: $action
    paymentGateway: $paymentGateway
    amount: $amount
    idempotencyKey: $idempotencyKey
  ) {
    transaction {
      id
      actions
    }
    transactionEvent {
      message
      type
    }
    data
    errors {
      field
      code
      message
    }
  }
}
"""


@pytest.mark.parametrize("document", [PAYMENT_V1, PAYMENT_V2_INITIALIZE])
def test_storefront_payment_operations_validate(document):
    assert validate(schema.graphql_schema, parse(document)) == []


def _post(client, document: str, operation: str, variables: dict) -> dict:
    import json

    response = client.post(
        "/graphql/",
        data=json.dumps({"query": document, "operationName": operation, "variables": variables}),
        content_type="application/json",
    )
    body = response.json()
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


@pytest.mark.django_db
def test_storefront_payment_operations_run(api, shipping):
    from django.test import Client

    from tests.catalog.factories import make_product, variant_of
    from tests.orders.test_checkout_graphql import cid, ready

    checkout = ready(api, shipping, [(variant_of(make_product(prices=(90000,))), 1)], pay=False)
    client = Client()
    configs = _post(
        client,
        PAYMENT_V1,
        "paymentGatewaysInitialize",
        {"checkoutId": cid(checkout), "paymentGateways": [{"id": "ocop.payments.cod"}]},
    )
    assert configs["errors"] == [] and configs["gatewayConfigs"][0]["id"] == "ocop.payments.cod"
    variables = {
        "checkoutId": cid(checkout),
        "paymentGateway": {"id": "ocop.payments.cod", "data": {}},
        "idempotencyKey": "storefront-1",
    }
    first = _post(client, PAYMENT_V2_INITIALIZE, "transactionInitialize", variables)
    again = _post(client, PAYMENT_V2_INITIALIZE, "transactionInitialize", variables)
    assert first["errors"] == [] and first["transaction"]["id"] == again["transaction"]["id"]
    assert first["transactionEvent"]["type"] == "AUTHORIZATION_SUCCESS"
    processed = _post(
        client, PAYMENT_V1, "transactionProcess", {"id": first["transaction"]["id"], "data": {}}
    )
    assert (
        processed["errors"] == [] and processed["transaction"]["id"] == first["transaction"]["id"]
    )
