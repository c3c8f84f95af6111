"""Refuse input no database can store, in one place, before a GraphQL request executes.

PostgreSQL refuses the NUL character (U+0000) in every text and ``jsonb`` value, and neither
PostgreSQL nor SQLite can encode a lone UTF-16 surrogate (U+D800..U+DFFF, which JSON's
``\\ud800`` escapes produce). Left to the resolvers, either one becomes a ``DataError`` or a
``UnicodeEncodeError`` deep in a query: an internal error, in whichever of the hundreds of string
arguments it reached (slugs, SKUs, names, addresses, emails, metadata keys and values). Python's
``json`` module also reads ``NaN`` and ``Infinity``, which JSON itself does not have; a float
that is not finite can only be a mistake, and ``jsonb`` refuses it.

:func:`input_errors` checks every string literal of the document (arguments, nested lists and
input objects, variable defaults, directives) with the :class:`StorableStringsRule` validation
rule, and every string (keys too) and float anywhere in the variables. Other control characters
are left alone: they can be stored, and each field's own validation (slug, SKU, email) decides
whether it accepts them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _
from graphql import (
    ArgumentNode,
    ASTValidationRule,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    ObjectFieldNode,
    StringValueNode,
    VariableDefinitionNode,
    validate,
)

from shop.graphql.errors import graphql_error

INVALID_INPUT_CODE = "InvalidInput"

# NUL, and UTF-16 surrogates (only a lone one can reach a Python str).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

# Stop walking the variables after this many problems: one is enough to refuse the request.
MAX_ERRORS = 10


def unstorable_message(field: str) -> str:
    return _(
        "%(field)s chứa ký tự không được phép (NUL U+0000 hoặc nửa cặp UTF-16): "
        "hãy bỏ ký tự đó rồi gửi lại."
    ) % {"field": field or _("Giá trị")}


def not_finite_message(field: str) -> str:
    return _("%(field)s phải là một số hữu hạn (không nhận NaN hay Infinity).") % {
        "field": field or _("Giá trị")
    }


def input_error(message: str, field: str) -> GraphQLError:
    """A top-level error refusing one input, naming where it is (``product.slug``,
    ``$input.lines[0].sku``)."""
    return graphql_error(message, INVALID_INPUT_CODE, field=field)


class StorableStringsRule(ASTValidationRule):
    """Report every string literal of the document that holds an unstorable character."""

    def enter_string_value(
        self, node: StringValueNode, _key: Any, parent: Any, _path: Any, ancestors: Any
    ) -> None:
        if UNSTORABLE.search(node.value):
            field = literal_path([*ancestors, parent])
            self.report_error(
                GraphQLError(
                    unstorable_message(field),
                    node,
                    extensions={"exception": {"code": INVALID_INPUT_CODE}, "field": field},
                )
            )


def literal_path(ancestors: list[Any]) -> str:
    """``product.slug``, ``checkoutCreate.input.lines``, ``$email`` (a variable's default)."""
    names: list[str] = []
    for ancestor in ancestors:
        if isinstance(ancestor, FieldNode | ArgumentNode | ObjectFieldNode):
            names.append(ancestor.name.value)
        elif isinstance(ancestor, VariableDefinitionNode):
            names.append(f"${ancestor.variable.name.value}")
        elif isinstance(ancestor, DirectiveNode):
            names.append(f"@{ancestor.name.value}")
    return ".".join(names)


def _printable(name: Any) -> str:
    return UNSTORABLE.sub("\ufffd", str(name))


def variable_problems(variables: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(path, message) of each unstorable string (value or key) or non-finite float anywhere in
    the variables. Iterative: JSON nested as deep as the parser allows must not overflow."""
    stack: list[tuple[str, Any]] = []
    for name, value in reversed(list(variables.items())):
        if UNSTORABLE.search(name):
            yield f"${_printable(name)}", unstorable_message(_("Tên biến"))
        stack.append((f"${_printable(name)}", value))
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if UNSTORABLE.search(value):
                yield path, unstorable_message(path)
        elif isinstance(value, float):
            if not math.isfinite(value):
                yield path, not_finite_message(path)
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if isinstance(key, str) and UNSTORABLE.search(key):
                    yield path, unstorable_message(_("Tên khoá trong %(field)s") % {"field": path})
                stack.append((f"{path}.{_printable(key)}", item))
        elif isinstance(value, list):
            stack.extend(
                (f"{path}[{index}]", item) for index, item in reversed(list(enumerate(value)))
            )


def input_errors(
    schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any]
) -> list[GraphQLError]:
    """Why the request's input cannot be stored (empty when it can): its literals and its
    variables. Uploaded files in the variables are not strings and are not looked into."""
    errors = validate(schema, document, [StorableStringsRule], max_errors=MAX_ERRORS)
    for path, message in variable_problems(variables):
        if len(errors) >= MAX_ERRORS:
            break
        errors.append(input_error(message, path))
    return errors
