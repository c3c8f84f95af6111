"""Relay global IDs: ``base64("Type:pk")``. A malformed ID or one of the wrong type is a
GraphQL error with Saleor's messages, never ``null`` and never a 500."""

from __future__ import annotations

import binascii

from graphql import GraphQLError
from graphql_relay import from_global_id, to_global_id

__all__ = ["global_id", "global_id_decode", "global_ids_decode"]


def global_id(type_name: str, pk: object) -> str:
    return to_global_id(type_name, str(pk))


def global_id_decode(value: str, *, only_type: str | None = None) -> tuple[str, str]:
    """Return ``(type, pk)``; raise ``GraphQLError`` for an undecodable or wrong-type ID."""
    try:
        type_name, pk = from_global_id(value)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise GraphQLError(f"Couldn't resolve id: {value}.") from None
    if not type_name or not pk:
        raise GraphQLError(f"Couldn't resolve id: {value}.")
    if only_type is not None and type_name != only_type:
        raise GraphQLError(f"Must receive a {only_type} id.")
    return type_name, pk


def global_id_decode_int(value: str, *, only_type: str) -> int:
    _type, pk = global_id_decode(value, only_type=only_type)
    try:
        return int(pk)
    except ValueError:
        raise GraphQLError(f"Couldn't resolve id: {value}.") from None


def global_ids_decode(values: list[str], *, only_type: str) -> list[int]:
    return [global_id_decode_int(v, only_type=only_type) for v in values]
