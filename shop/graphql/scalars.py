"""Scalars more than one app's GraphQL layer uses (prices, payment amounts, filters).

``Decimal`` replaces graphene's scalar of the same name (same name and description, so the
schema does not change): graphene's accepts ``"NaN"``, ``"sNaN"`` and ``"Infinity"``, which
then fail in a comparison, a ``quantize`` or the database as an internal error. Every decimal
input of the API is one of these two scalars.
"""

from __future__ import annotations

from decimal import Decimal as PyDecimal
from decimal import InvalidOperation
from typing import Any

import graphene
from django.utils.translation import gettext as _
from graphql import GraphQLError, Undefined
from graphql.language import ast

from shop.graphql.errors import graphql_error


def _not_finite(value: Any) -> GraphQLError:
    message = _("“%(value)s” không phải là một số hữu hạn (không nhận NaN hay Infinity).")
    return graphql_error(message % {"value": str(value)[:40]}, "InvalidInput")


def parse_decimal(value: Any) -> Any:
    """A finite ``decimal.Decimal`` from a string or number; ``Undefined`` when ``value`` is not
    a number (graphql-core then says which type was expected). NaN and infinities raise a
    ``GraphQLError`` saying so."""
    if isinstance(value, PyDecimal):
        parsed = value
    elif isinstance(value, str | int | float) and not isinstance(value, bool):
        try:
            parsed = PyDecimal(value.strip() if isinstance(value, str) else value)
        except (InvalidOperation, ValueError):
            return Undefined
    else:
        return Undefined
    if not parsed.is_finite():
        raise _not_finite(value)
    return parsed


class Decimal(graphene.Decimal):
    """The `Decimal` scalar type represents a python Decimal."""

    @staticmethod
    def parse_value(value: Any) -> Any:
        return parse_decimal(value)

    @classmethod
    def parse_literal(cls, node: ast.Node, _variables: Any = None) -> Any:
        if isinstance(node, ast.StringValueNode | ast.IntValueNode | ast.FloatValueNode):
            return cls.parse_value(node.value)
        return Undefined


class PositiveDecimal(graphene.Decimal):
    """Positive Decimal scalar implementation.

    Should be used in places where value must be positive."""

    @staticmethod
    def parse_value(value: Any) -> Any:
        parsed = parse_decimal(value)
        if parsed is Undefined or parsed < 0:
            return Undefined
        return parsed

    @classmethod
    def parse_literal(cls, node: ast.Node, _variables: Any = None) -> Any:
        if isinstance(node, ast.StringValueNode | ast.IntValueNode | ast.FloatValueNode):
            return cls.parse_value(node.value)
        return Undefined
