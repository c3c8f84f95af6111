"""The gateway interface and the registry by gateway id.

A gateway (COD today; Stripe, VNPay, MoMo, VietQR later) subclasses :class:`Gateway`, sets
``id`` and ``name`` and is registered with :func:`register`; ``payments.services`` and the
GraphQL mutations look gateways up by id only, so adding one never touches checkout code.
Gateways return :class:`GatewayResult` values; the services turn them into transaction
amounts and events (gateways never write the database themselves).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError


@dataclass
class GatewayResult:
    """What a gateway reports: an event ``type`` (Saleor TransactionEventTypeEnum name) for
    ``amount``, optional PSP reference, message, client ``data`` and available actions."""

    type: str
    amount: Decimal
    psp_reference: str = ""
    message: str = ""
    data: dict[str, Any] | None = None
    actions: list[str] = field(default_factory=list)
    external_url: str = ""


class Gateway(ABC):
    id: str = ""
    name: str = ""

    def currencies(self, checkout: Any) -> list[str]:
        return [checkout.currency]

    @abstractmethod
    def initialize_config(self, checkout: Any, data: dict | None = None) -> dict[str, Any]:
        """``paymentGatewayInitialize``: client configuration (public keys, limits)."""

    @abstractmethod
    def initialize_transaction(
        self, transaction: Any, amount: Decimal, data: dict | None = None
    ) -> GatewayResult:
        """``transactionInitialize``: start paying ``amount`` into ``transaction``."""

    @abstractmethod
    def process(self, transaction: Any, data: dict | None = None) -> GatewayResult:
        """``transactionProcess``: continue after the client acted (3-D Secure, redirect)."""

    @abstractmethod
    def charge(self, transaction: Any, amount: Decimal, reference: str = "") -> GatewayResult:
        """Capture ``amount`` (COD: the cash was received)."""

    @abstractmethod
    def refund(self, transaction: Any, amount: Decimal) -> GatewayResult:
        """Give back ``amount`` of charged money."""

    @abstractmethod
    def cancel(self, transaction: Any, amount: Decimal) -> GatewayResult:
        """Release ``amount`` of an authorisation that will not be charged."""

    def handle_webhook(self, request: Any) -> Any:
        """A PSP notification; gateways without webhooks answer 404."""
        from django.http import HttpResponseNotFound

        return HttpResponseNotFound()


_registry: dict[str, Gateway] = {}


def register(gateway_cls: type[Gateway]) -> type[Gateway]:
    _registry[gateway_cls.id] = gateway_cls()
    return gateway_cls


def gateway_get(gateway_id: str) -> Gateway:
    gateway = _registry.get(gateway_id)
    if gateway is None:
        raise ValidationError(
            {
                "payment_gateway": ValidationError(
                    "Unknown payment gateway: %(id)s.", code="not_found", params={"id": gateway_id}
                )
            }
        )
    return gateway


def gateways_all() -> list[Gateway]:
    return list(_registry.values())
