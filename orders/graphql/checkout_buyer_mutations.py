"""Saleor's checkout mutations about the buyer: email, shipping and billing address, and
attaching or detaching the signed-in customer."""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts.graphql.auth import require_user
from accounts.graphql.types import AddressInput
from orders import checkout as services
from shop.graphql.ids import global_id_decode_int

from .checkout_data import checkout_data_reset
from .checkout_mutation_base import (
    CheckoutIdArguments,
    CheckoutMutation,
    checkout_ids_pop,
    checkout_locked,
    field_error,
)


class CheckoutAddressValidationRules(graphene.InputObjectType):
    check_required_fields = graphene.Boolean(default_value=True)
    check_fields_format = graphene.Boolean(default_value=True)
    enable_fields_normalization = graphene.Boolean(default_value=True)

    class Meta:
        description = "Accepted for compatibility: Vietnamese addresses are always validated."


class CheckoutEmailUpdate(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        email = graphene.String(required=True, description="email.")

    class Meta:
        description = "Updates email address in the existing checkout object."

    @classmethod
    def perform(cls, root: Any, info: Any, email: str, **data: Any) -> dict[str, Any]:
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        if not (email or "").strip():
            raise field_error("email", _("This field cannot be blank."), "required")
        services.checkout_email_update(checkout=checkout, email=email)
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutShippingAddressUpdate(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        shipping_address = AddressInput(
            required=True, description="The mailing address to where the checkout will be shipped."
        )
        validation_rules = CheckoutAddressValidationRules(
            description="Accepted for compatibility: addresses are always validated."
        )

    class Meta:
        description = "Update shipping address in the existing checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, shipping_address: Any, **data: Any):
        data.pop("validation_rules", None)
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        services.checkout_shipping_address_update(checkout=checkout, address=dict(shipping_address))
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutBillingAddressUpdate(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        billing_address = AddressInput(
            required=True, description="The billing address of the checkout."
        )
        validation_rules = CheckoutAddressValidationRules(
            description="Accepted for compatibility: addresses are always validated."
        )

    class Meta:
        description = "Update billing address in the existing checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, billing_address: Any, **data: Any):
        data.pop("validation_rules", None)
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        services.checkout_billing_address_update(checkout=checkout, address=dict(billing_address))
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutCustomerAttach(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        customer_id = graphene.ID(
            description="ID of customer to attach to checkout (only your own: staff and apps "
            "impersonating customers are not supported)."
        )

    class Meta:
        description = "Sets the customer as the owner of the checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, customer_id: str | None = None, **data: Any):
        user = require_user(info)
        if customer_id and global_id_decode_int(customer_id, only_type="User") != user.pk:
            raise PermissionDenied(
                _(
                    "To access this path, you need one of the following permissions: "
                    "IMPERSONATE_USER"
                )
            )
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        services.checkout_customer_attach(checkout=checkout, user=user)
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutCustomerDetach(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        pass

    class Meta:
        description = "Removes the user assigned as the owner of the checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        require_user(info)
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        services.checkout_customer_detach(checkout=checkout)
        return {"checkout": checkout_data_reset(checkout)}
