"""What every checkout mutation shares: finding the caller's checkout by Saleor's
``id``/``token``/``checkoutId`` arguments (row locked, ``NOT_FOUND`` for anyone else's) and the
base classes whose payloads carry ``CheckoutError``s.

Refusals come back in ``errors`` (and the deprecated ``checkoutErrors``) as ``CheckoutError``; a
malformed ID is a top-level GraphQL error. The base mutation runs each one in a transaction, so a
refusal changes nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from graphql import GraphQLError

from accounts.graphql.auth import current_user
from orders.models import Checkout as CheckoutModel
from orders.selectors import checkout_for_update
from shop.graphql.ids import global_id_decode
from shop.graphql.mutations import BaseMutation

from .checkout_types import Checkout
from .errors import CHECKOUT_ERROR_CODES, CheckoutError

_CODES = frozenset(CHECKOUT_ERROR_CODES)
DEPRECATED_ID = "DEPRECATED: this argument will be removed in Saleor 4.0. Use `id` instead."


def field_error(field: str, message: str, code: str, **params: Any) -> ValidationError:
    """A refusal of one argument, as the payload's ``errors`` will report it."""
    return ValidationError({field: ValidationError(message, code=code, params=params or None)})


def checkout_not_found() -> ValidationError:
    return field_error("id", _("Không tìm thấy giỏ hàng."), "not_found")


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
    raise field_error(
        "id",
        _("At least one of arguments is required: 'id', 'token', 'checkoutId'."),
        "graphql_error",
    )


def checkout_locked(info: Any, **ids: Any) -> CheckoutModel:
    """The caller's checkout, row locked for the write; ``NOT_FOUND`` for anyone else's."""
    checkout = checkout_for_update(token=checkout_token(**ids), user=current_user(info))
    if checkout is None:
        raise checkout_not_found()
    return checkout


def checkout_ids_pop(data: dict[str, Any]) -> dict[str, Any]:
    """Take the checkout-naming arguments out of a mutation's ``data``."""
    return {name: data.pop(name, None) for name in ("id", "token", "checkout_id")}


class CheckoutIdArguments:
    id = graphene.ID(description="The checkout's ID.")
    token = graphene.UUID(description=f"Checkout token. {DEPRECATED_ID}")
    checkout_id = graphene.ID(description=f"The ID of the checkout. {DEPRECATED_ID}")


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
