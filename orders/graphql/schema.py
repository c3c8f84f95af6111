"""Checkout and order queries and mutations, composed from their modules."""

from . import user_orders  # noqa: F401 -- importing it attaches ``User.orders``
from .checkout_schema import CheckoutMutations, CheckoutQueries
from .order_schema import OrderMutationsPart, OrderQueriesPart


class OrderQueries(CheckoutQueries, OrderQueriesPart):
    pass


class OrderMutations(CheckoutMutations, OrderMutationsPart):
    pass
