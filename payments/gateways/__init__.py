"""Payment gateways: importing this package registers the built-in ones."""

from . import cod, stripe  # noqa: F401  (register ocop.payments.cod; Stripe when configured)
from .base import Gateway, GatewayResult, gateway_get, gateways_all, register

__all__ = ["Gateway", "GatewayResult", "gateway_get", "gateways_all", "register"]
