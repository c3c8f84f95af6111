"""Payments tests reuse the checkout/order fixtures (seeded shipping, GraphQL client)."""

from tests.orders.conftest import api, shipping  # noqa: F401  (fixtures)
