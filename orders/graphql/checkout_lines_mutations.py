"""Saleor's ``checkoutCreate`` and the line mutations (add, update, delete): arguments in,
``orders.checkout`` service out, payload back."""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts.graphql.auth import current_user
from accounts.graphql.types import AddressInput, MetadataInput
from catalog.selectors import channel_get
from orders import checkout as services
from shop.graphql.common import LanguageCodeEnum
from shop.graphql.scalars import PositiveDecimal

from .checkout_buyer_mutations import CheckoutAddressValidationRules
from .checkout_data import checkout_data_reset
from .checkout_mutation_base import (
    DEPRECATED_ID,
    CheckoutErrorsMutation,
    CheckoutIdArguments,
    CheckoutMutation,
    checkout_ids_pop,
    checkout_locked,
    field_error,
)
from .checkout_types import Checkout


class CheckoutValidationRules(graphene.InputObjectType):
    shipping_address = graphene.InputField(CheckoutAddressValidationRules)
    billing_address = graphene.InputField(CheckoutAddressValidationRules)


class CheckoutLineInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True, description="The number of items purchased.")
    variant_id = graphene.ID(required=True, description="ID of the product variant.")
    price = PositiveDecimal(description="Custom price of the item (apps only; refused).")
    force_new_line = graphene.Boolean(
        default_value=False,
        description="Accepted for compatibility: one line per variant, quantities add up.",
    )
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Accepted, not stored.")


class CheckoutLineUpdateInput(graphene.InputObjectType):
    variant_id = graphene.ID(description="ID of the product variant. DEPRECATED: use `lineId`.")
    quantity = graphene.Int(description="The number of items purchased; 0 removes the line.")
    price = PositiveDecimal(description="Custom price of the item (apps only; refused).")
    line_id = graphene.ID(description="ID of the line.")


class CheckoutCreateInput(graphene.InputObjectType):
    channel = graphene.String(description="Slug of a channel in which to create a checkout.")
    lines = graphene.List(graphene.NonNull(CheckoutLineInput), required=True)
    email = graphene.String(description="The customer's email address.")
    shipping_address = graphene.InputField(AddressInput)
    billing_address = graphene.InputField(AddressInput)
    language_code = graphene.InputField(LanguageCodeEnum)
    validation_rules = graphene.InputField(CheckoutValidationRules)


def _language(value: Any) -> str | None:
    """``LanguageCodeEnum`` member or name (``EN_US``) → stored code (``en-us``)."""
    if value is None:
        return None
    return str(getattr(value, "value", value)).replace("_", "-").lower()


def _no_price_override(lines: list[Any]) -> None:
    if any(line.get("price") is not None for line in lines):
        raise PermissionDenied(
            _("To access this path, you need one of the following permissions: HANDLE_CHECKOUTS")
        )


def _lines_to_add(lines: list[Any]) -> list[dict[str, Any]]:
    _no_price_override(lines)
    return [{"variant_id": line["variant_id"], "quantity": line["quantity"]} for line in lines]


def _lines_to_update(lines: list[Any]) -> list[dict[str, Any]]:
    _no_price_override(lines)
    result = []
    for line in lines:
        if not line.get("line_id") and not line.get("variant_id"):
            raise field_error(
                "line_id", _("Field variantId or lineId is required."), "graphql_error"
            )
        if line.get("quantity") is None:
            raise field_error("quantity", _("Hãy nhập số lượng."), "required")
        entry = {"quantity": line["quantity"]}
        for name in ("line_id", "variant_id"):
            if line.get(name):
                entry[name] = line[name]
        result.append(entry)
    return result


def _address(data: Any) -> dict[str, Any] | None:
    return dict(data) if data else None


def _channel(slug: str | None) -> Any:
    channel = channel_get(slug=slug)
    if channel is not None:
        return channel
    if slug:
        raise field_error(
            "channel",
            _("Không tìm thấy kênh bán “%(slug)s”."),
            "not_found",
            slug=slug,
        )
    raise field_error("channel", _("Hãy chọn kênh bán (channel)."), "missing_channel_slug")


class CheckoutCreate(CheckoutMutation):
    created = graphene.Boolean(
        deprecation_reason="This field will be removed in Saleor 4.0. Always returns `true`."
    )

    class Arguments:
        input = CheckoutCreateInput(
            required=True, description="Fields required to create checkout."
        )

    class Meta:
        description = "Create a new checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, input: Any) -> dict[str, Any]:
        channel = _channel(input.get("channel"))
        checkout = services.checkout_create(
            channel=channel,
            lines=_lines_to_add(input.get("lines") or []),
            email=input.get("email"),
            user=current_user(info),
            shipping_address=_address(input.get("shipping_address")),
            billing_address=_address(input.get("billing_address")),
            language_code=_language(input.get("language_code")) or "vi",
        )
        return {"checkout": checkout, "created": True}


class CheckoutLinesAdd(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        lines = graphene.List(
            graphene.NonNull(CheckoutLineInput),
            required=True,
            description="A list of checkout lines, each containing information about an item "
            "in the checkout.",
        )

    class Meta:
        description = (
            "Adds a checkout line to the existing checkout.If line was already in checkout, its "
            "quantity will be increased."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, lines: list[Any], **data: Any) -> dict[str, Any]:
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        services.checkout_lines_add(checkout=checkout, lines=_lines_to_add(lines))
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutLinesUpdate(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        lines = graphene.List(
            graphene.NonNull(CheckoutLineUpdateInput),
            required=True,
            description="A list of checkout lines; quantity 0 removes a line.",
        )

    class Meta:
        description = "Updates checkout line in the existing checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, lines: list[Any], **data: Any) -> dict[str, Any]:
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        services.checkout_lines_update(checkout=checkout, lines=_lines_to_update(lines))
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutLinesDelete(CheckoutErrorsMutation):
    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Arguments:
        id = graphene.ID(description="The checkout's ID.")
        token = graphene.UUID(description=f"Checkout token. {DEPRECATED_ID}")
        lines_ids = graphene.List(
            graphene.NonNull(graphene.ID), required=True, description="A list of checkout lines."
        )

    class Meta:
        description = "Deletes checkout lines."

    @classmethod
    def perform(cls, root: Any, info: Any, lines_ids: list[str], **data: Any) -> dict[str, Any]:
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        services.checkout_lines_delete(checkout=checkout, line_ids=lines_ids)
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutLineDelete(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        line_id = graphene.ID(description="ID of the checkout line to delete.")

    class Meta:
        description = "Deletes a CheckoutLine."

    @classmethod
    def perform(cls, root: Any, info: Any, line_id: str | None = None, **data: Any):
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        if not line_id:
            raise field_error("line_id", _("Hãy chọn dòng hàng cần xóa."), "required")
        services.checkout_lines_delete(checkout=checkout, line_ids=[line_id])
        return {"checkout": checkout_data_reset(checkout)}
