"""Fixtures for checkout and order tests: a seeded shipping table, buyers, addresses."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

ADDRESS_LAM_DONG = {
    "first_name": "Nguyễn",
    "last_name": "Văn A",
    "street_address_1": "12 Đường Lang Biang",
    "city": "Xã Lạc Dương",
    "country_area": "Lâm Đồng",
    "country": "VN",
    "phone": "0912345678",
}
ADDRESS_HA_NOI = {
    "first_name": "Trần",
    "last_name": "Thị B",
    "street_address_1": "5 Phố Huế",
    "city": "Phường Hoàn Kiếm",
    "country_area": "Hà Nội",
    "country": "VN",
    "phone": "+84 987 654 321",
}


@pytest.fixture
def shipping(db):
    call_command("seed_shipping", verbosity=0)
    from orders.models import ShippingMethod

    return {m.slug: m for m in ShippingMethod.objects.all()}


@pytest.fixture
def api(db):
    """POST GraphQL with an optional bearer token; returns decoded JSON (+ _status)."""
    client = Client()

    def run(query: str, variables: dict[str, Any] | None = None, token: str | None = None) -> dict:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        response = client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        body = response.json()
        body["_status"] = response.status_code
        return body

    return run


def cod_initialize(checkout) -> None:
    """Pay the checkout's total by cash on delivery, as a buyer does before checkoutComplete
    (``transactionInitialize`` with ``ocop.payments.cod``: an authorisation of the total)."""
    from payments.gateways.cod import COD_GATEWAY_ID
    from payments.services import transaction_initialize

    transaction_initialize(checkout=checkout, gateway_id=COD_GATEWAY_ID)
