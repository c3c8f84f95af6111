"""Saleor's ``updateMetadata``: merges keys into an object's public metadata. The caller must
be allowed to change the object; today only a checkout (by ID or token) qualifies."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import graphene
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from graphql import GraphQLError

from accounts.graphql.auth import current_user
from accounts.graphql.types import MetadataInput
from orders.metadata import metadata_merge
from orders.models import Checkout as CheckoutModel
from orders.selectors import checkout_for_update
from shop.graphql.common import ObjectWithMetadata
from shop.graphql.ids import global_id_decode
from shop.graphql.mutations import BaseMutation

from .checkout_mutation_base import checkout_not_found

MetadataErrorCode = graphene.Enum(
    "MetadataErrorCode",
    [(c, c) for c in ("GRAPHQL_ERROR", "INVALID", "NOT_FOUND", "REQUIRED", "NOT_UPDATED")],
)


class MetadataError(graphene.ObjectType):
    field = graphene.String(description="Name of a field that caused the error.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(MetadataErrorCode, required=True, description="The error code.")


def metadata_update(instance: Any, items: list[Any]) -> Any:
    """Merge ``items`` into a row's public metadata, within ``orders.metadata``'s limits."""
    instance.metadata = metadata_merge(current=instance.metadata, items=items)
    instance.save(update_fields=["metadata"])
    return instance


def _checkout_for_metadata(info: Any, pk: str) -> CheckoutModel:
    try:
        token = uuid.UUID(pk)
    except ValueError:
        raise GraphQLError(f"Couldn't resolve id: {pk}.") from None
    checkout = checkout_for_update(token=token, user=current_user(info))
    if checkout is None:
        raise checkout_not_found()
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
