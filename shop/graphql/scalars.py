"""Scalars more than one app's GraphQL layer uses (prices, payment amounts)."""

from __future__ import annotations

from typing import Any

import graphene
from graphql import Undefined
from graphql.language import ast


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
