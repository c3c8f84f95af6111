"""Saleor's checkout mutations: arguments in, ``orders.checkout`` service out, payload back.

Every mutation finds the checkout with :func:`checkout_locked` (the row locked, visible only to
its owner when it has one), so another user's checkout is ``NOT_FOUND`` and two writers to one
checkout queue up. Refusals come back in ``errors`` (and the deprecated ``checkoutErrors``) as
``CheckoutError``; a malformed ID is a top-level GraphQL error. The base mutation runs each one
in a transaction, so a refusal changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import graphene
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from graphql import GraphQLError, Undefined
from graphql.language import ast

from accounts.graphql.auth import current_user, require_user
from accounts.graphql.types import AddressInput, MetadataInput
from catalog.selectors import channel_get
from orders import checkout as services
from orders.checkout_complete import checkout_complete
from orders.models import Checkout as CheckoutModel
from orders.models import Order as OrderModel
from orders.selectors import checkout_for_update, checkout_get
from orders.shipping import shipping_method_get
from shop.graphql.common import LanguageCodeEnum, ObjectWithMetadata
from shop.graphql.ids import global_id_decode, global_id_decode_int
from shop.graphql.mutations import BaseMutation

from .checkout_data import checkout_data, checkout_data_reset
from .checkout_delivery_types import Delivery
from .checkout_types import Checkout
from .errors import CHECKOUT_ERROR_CODES, CheckoutError, DeliveryOptionsCalculateError

_CODES = frozenset(CHECKOUT_ERROR_CODES)
_DEPRECATED_ID = "DEPRECATED: this argument will be removed in Saleor 4.0. Use `id` instead."


# --- Inputs -----------------------------------------------------------------------------------
class PositiveDecimal(graphene.Decimal):
    """Positive Decimal scalar implementation.

    Should be used in places where value must be positive."""

    @staticmethod
    def parse_value(value: Any) -> Any:
        parsed = graphene.Decimal.parse_value(value)
        if parsed is Undefined or parsed is None or parsed < 0:
            return Undefined
        return parsed

    @classmethod
    def parse_literal(cls, node: ast.Node, _variables: Any = None) -> Any:
        if isinstance(node, ast.StringValueNode | ast.IntValueNode | ast.FloatValueNode):
            return cls.parse_value(node.value)
        return Undefined


class CheckoutAddressValidationRules(graphene.InputObjectType):
    check_required_fields = graphene.Boolean(default_value=True)
    check_fields_format = graphene.Boolean(default_value=True)
    enable_fields_normalization = graphene.Boolean(default_value=True)

    class Meta:
        description = "Accepted for compatibility: Vietnamese addresses are always validated."


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


# --- Helpers ----------------------------------------------------------------------------------
def _field_error(field: str, message: str, code: str, **params: Any) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params or None)})


def checkout_id_decode(value: str) -> uuid.UUID:
    """A ``Checkout`` global ID → its token; a malformed one is a GraphQL error."""
    _type, pk = global_id_decode(value, only_type="Checkout")
    try:
        return uuid.UUID(pk)
    except ValueError:
        raise GraphQLError(f"Couldn't resolve id: {value}.") from None


def checkout_token(
    *, id: str | None = None, token: uuid.UUID | None = None, checkout_id: str | None = None
) -> uuid.UUID:
    """The token named by whichever of Saleor's ``id``/``token``/``checkoutId`` was given."""
    value = id or checkout_id
    if value:
        return checkout_id_decode(value)
    if token:
        return token
    raise _field_error(
        "id",
        _("At least one of arguments is required: 'id', 'token', 'checkoutId'."),
        "graphql_error",
    )


def _not_found() -> ValidationError:
    return _field_error("id", _("Không tìm thấy giỏ hàng."), "not_found")


def checkout_locked(info: Any, **ids: Any) -> CheckoutModel:
    """The caller's checkout, row locked for the write; ``NOT_FOUND`` for anyone else's."""
    checkout = checkout_for_update(token=checkout_token(**ids), user=current_user(info))
    if checkout is None:
        raise _not_found()
    return checkout


def _ids(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data.pop(name, None) for name in ("id", "token", "checkout_id")}


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
            raise _field_error(
                "line_id", _("Field variantId or lineId is required."), "graphql_error"
            )
        if line.get("quantity") is None:
            raise _field_error("quantity", _("Hãy nhập số lượng."), "required")
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
        raise _field_error(
            "channel",
            _("Không tìm thấy kênh bán “%(slug)s”."),
            "not_found",
            slug=slug,
        )
    raise _field_error("channel", _("Hãy chọn kênh bán (channel)."), "missing_channel_slug")


def _metadata_items(items: list[Any]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        key = (item.get("key") or "").strip()
        if not key:
            raise _field_error("input", _("Metadata key cannot be empty."), "required")
        values[key] = item.get("value") or ""
    return values


def metadata_update(instance: Any, items: list[Any]) -> Any:
    """Merge ``items`` into a row's public metadata (no service owns metadata yet)."""
    values = _metadata_items(items)
    instance.metadata = {**(instance.metadata or {}), **values}
    instance.save(update_fields=["metadata"])
    return instance


# --- Base -------------------------------------------------------------------------------------
class CheckoutIdArguments:
    id = graphene.ID(description="The checkout's ID.")
    token = graphene.UUID(description=f"Checkout token. {_DEPRECATED_ID}")
    checkout_id = graphene.ID(description=f"The ID of the checkout. {_DEPRECATED_ID}")


class CheckoutErrorsMutation(BaseMutation):
    """``BaseMutation`` with ``CheckoutError`` errors; codes outside ``CheckoutErrorCode`` (a
    Django validator's own, say) are reported as ``INVALID``."""

    error_type = CheckoutError
    errors = graphene.List(graphene.NonNull(CheckoutError), required=True)

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any):
        payload = super().mutate(root, info, **data)
        for error in payload.errors:
            if error.code not in _CODES:
                error.code = "INVALID"
        if "checkout_errors" in cls._meta.fields:
            payload.checkout_errors = payload.errors
        return payload


class CheckoutMutation(CheckoutErrorsMutation):
    """A mutation whose payload is ``{checkout, checkoutErrors, errors}``."""

    checkout = graphene.Field(Checkout, description="An updated checkout.")
    checkout_errors = graphene.List(
        graphene.NonNull(CheckoutError),
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `errors` field instead.",
    )

    class Meta:
        abstract = True


# --- Create and lines -------------------------------------------------------------------------
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
        checkout = checkout_locked(info, **_ids(data))
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
        checkout = checkout_locked(info, **_ids(data))
        services.checkout_lines_update(checkout=checkout, lines=_lines_to_update(lines))
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutLinesDelete(CheckoutErrorsMutation):
    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Arguments:
        id = graphene.ID(description="The checkout's ID.")
        token = graphene.UUID(description=f"Checkout token. {_DEPRECATED_ID}")
        lines_ids = graphene.List(
            graphene.NonNull(graphene.ID), required=True, description="A list of checkout lines."
        )

    class Meta:
        description = "Deletes checkout lines."

    @classmethod
    def perform(cls, root: Any, info: Any, lines_ids: list[str], **data: Any) -> dict[str, Any]:
        checkout = checkout_locked(info, **_ids(data))
        services.checkout_lines_delete(checkout=checkout, line_ids=lines_ids)
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutLineDelete(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        line_id = graphene.ID(description="ID of the checkout line to delete.")

    class Meta:
        description = "Deletes a CheckoutLine."

    @classmethod
    def perform(cls, root: Any, info: Any, line_id: str | None = None, **data: Any):
        checkout = checkout_locked(info, **_ids(data))
        if not line_id:
            raise _field_error("line_id", _("Hãy chọn dòng hàng cần xóa."), "required")
        services.checkout_lines_delete(checkout=checkout, line_ids=[line_id])
        return {"checkout": checkout_data_reset(checkout)}


# --- Buyer details ----------------------------------------------------------------------------
class CheckoutEmailUpdate(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        email = graphene.String(required=True, description="email.")

    class Meta:
        description = "Updates email address in the existing checkout object."

    @classmethod
    def perform(cls, root: Any, info: Any, email: str, **data: Any) -> dict[str, Any]:
        checkout = checkout_locked(info, **_ids(data))
        if not (email or "").strip():
            raise _field_error("email", _("This field cannot be blank."), "required")
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
        checkout = checkout_locked(info, **_ids(data))
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
        checkout = checkout_locked(info, **_ids(data))
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
        checkout = checkout_locked(info, **_ids(data))
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
        checkout = checkout_locked(info, **_ids(data))
        services.checkout_customer_detach(checkout=checkout)
        return {"checkout": checkout_data_reset(checkout)}


# --- Delivery ---------------------------------------------------------------------------------
def _unset_delivery(checkout: CheckoutModel) -> None:
    # No service forgets a chosen method on request; Saleor clears it for a null ID.
    checkout.shipping_method = None
    checkout.save(update_fields=["shipping_method", "updated_at"])


def _delivery_method_set(checkout: CheckoutModel, value: str, *, only_shipping: bool) -> None:
    type_name, pk = global_id_decode(value, only_type="ShippingMethod" if only_shipping else None)
    if type_name == "CheckoutDelivery":
        token, _sep, pk = pk.rpartition(":")
        if token != str(checkout.pk):
            raise _field_error(
                "delivery_method_id", _("Không tìm thấy phương thức giao hàng."), "not_found"
            )
    elif type_name == "Warehouse":
        raise _field_error(
            "delivery_method_id",
            _("Chưa hỗ trợ nhận hàng tại kho: hãy chọn một phương thức giao hàng."),
            "delivery_method_not_applicable",
        )
    elif type_name != "ShippingMethod":
        raise GraphQLError(f"Must receive a ShippingMethod or Warehouse id: {value}.")
    services.checkout_delivery_method_update(checkout=checkout, method=shipping_method_get(pk=pk))


class CheckoutDeliveryMethodUpdate(CheckoutErrorsMutation):
    checkout = graphene.Field(Checkout, description="An updated checkout.")

    class Arguments:
        id = graphene.ID(description="The checkout's ID.")
        token = graphene.UUID(description=f"Checkout token. {_DEPRECATED_ID}")
        delivery_method_id = graphene.ID(
            description="Delivery Method ID (`Warehouse` ID or `ShippingMethod` ID); null "
            "clears the choice."
        )

    class Meta:
        description = (
            "Updates the delivery method (shipping method or pick up point) of the checkout."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, delivery_method_id: str | None = None, **data: Any):
        checkout = checkout_locked(info, **_ids(data))
        if delivery_method_id:
            _delivery_method_set(checkout, delivery_method_id, only_shipping=False)
        else:
            _unset_delivery(checkout)
        return {"checkout": checkout_data_reset(checkout)}


class CheckoutShippingMethodUpdate(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        shipping_method_id = graphene.ID(required=True, description="Shipping method.")

    class Meta:
        description = "Updates the shipping method of the checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, shipping_method_id: str, **data: Any):
        checkout = checkout_locked(info, **_ids(data))
        _delivery_method_set(checkout, shipping_method_id, only_shipping=True)
        return {"checkout": checkout_data_reset(checkout)}


class DeliveryOptionsCalculate(BaseMutation):
    error_type = DeliveryOptionsCalculateError
    deliveries = graphene.List(
        graphene.NonNull(Delivery), required=True, description="List of the available deliveries."
    )
    errors = graphene.List(graphene.NonNull(DeliveryOptionsCalculateError), required=True)

    class Arguments:
        id = graphene.ID(required=True, description="The ID of the checkout.")

    class Meta:
        description = "Calculates available delivery options for a checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, id: str) -> dict[str, Any]:
        # Reads only: no lock. Unavailable methods come with `active: false` and a reason.
        checkout = checkout_get(token=checkout_id_decode(id), user=current_user(info))
        if checkout is None:
            raise _not_found()
        return {"deliveries": checkout_data(checkout).offers}

    @staticmethod
    def resolve_deliveries(root: Any, info: Any) -> list[Any]:
        return root.deliveries or []


# --- Promo codes (not sold yet) ---------------------------------------------------------------
class CheckoutAddPromoCode(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        promo_code = graphene.String(required=True, description="Gift card code or voucher code.")

    class Meta:
        description = "Adds a gift card or a voucher to a checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, promo_code: str, **data: Any) -> dict[str, Any]:
        checkout_locked(info, **_ids(data))
        raise _field_error("promo_code", _("Mã giảm giá chưa được hỗ trợ."), "invalid")


class CheckoutRemovePromoCode(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        promo_code = graphene.String(description="Gift card code or voucher code.")
        promo_code_id = graphene.ID(description="Gift card or voucher ID.")

    class Meta:
        description = "Remove a gift card or a voucher from a checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        checkout = checkout_locked(info, **_ids(data))
        return {"checkout": checkout}  # nothing can be applied, so nothing to remove


# --- Completion -------------------------------------------------------------------------------
def _completed_order(token: uuid.UUID, user: Any) -> OrderModel | None:
    """The order a checkout already became, for its owner (a guest's: for whoever has the ID)."""
    order = OrderModel.objects.filter(checkout_token=token).first()
    if order is None or order.user_id is None:
        return order
    if user is not None and (user.pk == order.user_id or user.is_staff):
        return order
    return None


class CheckoutComplete(CheckoutErrorsMutation):
    order = graphene.Field("orders.graphql.order_types.Order", description="Placed order.")
    confirmation_needed = graphene.Boolean(
        required=True,
        description="Set to true if payment needs to be confirmed before checkout is complete.",
    )
    confirmation_data = graphene.JSONString(
        description="Confirmation data used to process additional authorization steps."
    )
    checkout_errors = graphene.List(
        graphene.NonNull(CheckoutError),
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `errors` field instead.",
    )

    class Arguments(CheckoutIdArguments):
        metadata = graphene.List(
            graphene.NonNull(MetadataInput),
            description="Fields required to update the checkout metadata (copied to the order).",
        )
        payment_data = graphene.JSONString(description="Accepted; cash on delivery needs none.")
        redirect_url = graphene.String(description="Accepted; no redirect step.")
        store_source = graphene.Boolean(default_value=False, description="Accepted; unused.")

    class Meta:
        description = (
            "Completes the checkout: the order is created (once: a repeated call returns it)."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, metadata: list[Any] | None = None, **data: Any):
        for unused in ("payment_data", "redirect_url", "store_source"):
            data.pop(unused, None)
        token = checkout_token(**_ids(data))
        user = current_user(info)
        checkout = checkout_for_update(token=token, user=user)
        if checkout is None:
            order = _completed_order(token, user)
            if order is None:
                raise _not_found()
            return {"order": order, "confirmation_needed": False}
        if metadata:
            metadata_update(checkout, metadata)
        result = checkout_complete(token=checkout.pk, user=user)
        return {"order": result.order, "confirmation_needed": False}

    @staticmethod
    def resolve_confirmation_needed(root: Any, info: Any) -> bool:
        return bool(root.confirmation_needed)


# --- Metadata ---------------------------------------------------------------------------------
MetadataErrorCode = graphene.Enum(
    "MetadataErrorCode",
    [(c, c) for c in ("GRAPHQL_ERROR", "INVALID", "NOT_FOUND", "REQUIRED", "NOT_UPDATED")],
)


class MetadataError(graphene.ObjectType):
    field = graphene.String(description="Name of a field that caused the error.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(MetadataErrorCode, required=True, description="The error code.")


def _checkout_for_metadata(info: Any, pk: str) -> CheckoutModel:
    try:
        token = uuid.UUID(pk)
    except ValueError:
        raise GraphQLError(f"Couldn't resolve id: {pk}.") from None
    checkout = checkout_for_update(token=token, user=current_user(info))
    if checkout is None:
        raise _not_found()
    return checkout


# Type name → (info, pk) → the row, locked, if the caller may change its metadata. Other
# GraphQL modules add their types (``METADATA_TARGETS["Order"] = ...``).
METADATA_TARGETS: dict[str, Callable[[Any, str], Any]] = {"Checkout": _checkout_for_metadata}


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _metadata_target(info: Any, value: str) -> Any:
    if _is_uuid(value):  # Saleor also takes a checkout's token
        return _checkout_for_metadata(info, value)
    type_name, pk = global_id_decode(value)
    target = METADATA_TARGETS.get(type_name)
    if target is None:
        raise PermissionDenied(_("You do not have permission to perform this action."))
    return target(info, pk)


class UpdateMetadata(BaseMutation):
    error_type = MetadataError
    metadata_errors = graphene.List(
        graphene.NonNull(MetadataError),
        required=True,
        deprecation_reason="This field will be removed in Saleor 4.0. Use `errors` field instead.",
    )
    errors = graphene.List(graphene.NonNull(MetadataError), required=True)
    item = graphene.Field(ObjectWithMetadata)

    class Arguments:
        id = graphene.ID(
            required=True,
            description="ID or token (for Order and Checkout) of an object to update.",
        )
        input = graphene.List(
            graphene.NonNull(MetadataInput),
            required=True,
            description="Fields required to update the object's metadata.",
        )

    class Meta:
        description = (
            "Updates metadata of an object. To use it, you need to have access to the modified "
            "object."
        )

    @classmethod
    def perform(cls, root: Any, info: Any, id: str, input: list[Any]) -> dict[str, Any]:
        return {"item": metadata_update(_metadata_target(info, id), input)}

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any):
        payload = super().mutate(root, info, **data)
        for error in payload.errors:
            if error.code not in MetadataErrorCode._meta.enum.__members__:
                error.code = "INVALID"
        payload.metadata_errors = payload.errors
        return payload
