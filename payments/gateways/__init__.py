"""Payment gateways: importing this package registers the built-in ones."""

from . import cod  # noqa: F401  (registers ocop.payments.cod)
from .base import Gateway, GatewayResult, gateway_get, gateways_all, register

__all__ = ["Gateway", "GatewayResult", "gateway_get", "gateways_all", "register"]
