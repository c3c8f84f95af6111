"""Checkout queries and mutations: ``checkout(id)`` and the checkout mutations, as Saleor."""

from __future__ import annotations

import uuid
from typing import Any

import graphene
from graphql import GraphQLError

from accounts.graphql.auth import current_user
from orders.selectors import checkout_get
from shop.graphql.view import response_not_cacheable

from .checkout_buyer_mutations import (
    CheckoutBillingAddressUpdate,
    CheckoutCustomerAttach,
    CheckoutCustomerDetach,
    CheckoutEmailUpdate,
    CheckoutShippingAddressUpdate,
)
from .checkout_complete_mutation import CheckoutComplete
from .checkout_delivery_mutations import (
    CheckoutDeliveryMethodUpdate,
    CheckoutShippingMethodUpdate,
    DeliveryOptionsCalculate,
)
from .checkout_lines_mutations import (
    CheckoutCreate,
    CheckoutLineDelete,
    CheckoutLinesAdd,
    CheckoutLinesDelete,
    CheckoutLinesUpdate,
)
from .checkout_mutation_base import checkout_id_decode
from .checkout_promo_code_mutations import CheckoutAddPromoCode, CheckoutRemovePromoCode
from .checkout_types import Checkout
from .metadata_mutations import UpdateMetadata


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(
        Checkout,
        description="Look up a checkout by ID. A customer's checkout is visible only to them.",
        id=graphene.ID(description="The checkout's ID."),
        token=graphene.UUID(
            description="The checkout's token. DEPRECATED: this field will be removed in Saleor "
            "4.0. Use `id` instead."
        ),
    )

    @staticmethod
    def resolve_checkout(
        root: Any, info: Any, id: str | None = None, token: uuid.UUID | None = None
    ) -> Any:
        response_not_cacheable(info.context)
        if id:
            token = checkout_id_decode(id)
        elif token is None:
            raise GraphQLError("At least one of arguments is required: 'id', 'token'.")
        return checkout_get(token=token, user=current_user(info))


class CheckoutMutations(graphene.ObjectType):
    checkout_create = CheckoutCreate.Field()
    checkout_lines_add = CheckoutLinesAdd.Field()
    checkout_lines_update = CheckoutLinesUpdate.Field()
    checkout_lines_delete = CheckoutLinesDelete.Field()
    checkout_line_delete = CheckoutLineDelete.Field(
        deprecation_reason="This field will be removed in Saleor 4.0. Use `checkoutLinesDelete` "
        "instead."
    )
    checkout_email_update = CheckoutEmailUpdate.Field()
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field()
    checkout_billing_address_update = CheckoutBillingAddressUpdate.Field()
    checkout_delivery_method_update = CheckoutDeliveryMethodUpdate.Field()
    checkout_shipping_method_update = CheckoutShippingMethodUpdate.Field(
        deprecation_reason="This field will be removed in Saleor 4.0. Use "
        "`checkoutDeliveryMethodUpdate` instead."
    )
    delivery_options_calculate = DeliveryOptionsCalculate.Field()
    checkout_customer_attach = CheckoutCustomerAttach.Field()
    checkout_customer_detach = CheckoutCustomerDetach.Field()
    checkout_add_promo_code = CheckoutAddPromoCode.Field()
    checkout_remove_promo_code = CheckoutRemovePromoCode.Field()
    checkout_complete = CheckoutComplete.Field()
    update_metadata = UpdateMetadata.Field()
