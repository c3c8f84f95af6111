"""Payments tests reuse the checkout/order fixtures (seeded shipping, GraphQL client)."""

import pytest

from tests.orders.conftest import api, shipping  # noqa: F401  (fixtures)


@pytest.fixture
def covered_by_transactions(settings):
    """checkoutComplete requires transactions covering the total (the payments rule)."""
    settings.CHECKOUT_PAYMENT_COVERAGE = "payments.services.checkout_payment_covers"
    return settings
