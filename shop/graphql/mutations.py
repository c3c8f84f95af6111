"""Saleor-style mutations: validation problems come back in the payload's ``errors`` list as
``{field message code}`` (plus extras such as ``variants``/``lines``), never as top-level errors,
and the whole mutation runs in one transaction so a refusal leaves nothing half-written.

A mutation subclasses :class:`BaseMutation`, declares ``Arguments`` and its payload fields,
sets ``Meta.error_type`` (e.g. ``CheckoutError``) and implements ``perform``. Services raise
``django.core.exceptions.ValidationError`` with a ``code`` (lower- or upper-case Saleor code);
this module is the one place that turns them into error objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import graphene
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from graphql import GraphQLError

_CAMEL = re.compile(r"_([a-z])")


def camel(name: str) -> str:
    return _CAMEL.sub(lambda m: m.group(1).upper(), name)


# ValidationError params copied onto the error object (CheckoutError.variants, .lines, ...).
_EXTRA_KEYS = ("variants", "lines", "address_type", "order_lines", "warehouse")


class MutationFailed(Exception):
    """Raised inside ``perform`` to abort with ready-made error objects (rolls back)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.errors = errors


def error(field: str | None, message: str, code: str, **extra: Any) -> dict[str, Any]:
    """One error entry: ``field`` in snake_case or camelCase, ``code`` a Saleor enum name."""
    return {
        "field": camel(field) if field else None,
        "message": str(message),
        "code": code.upper(),
        **extra,
    }


def errors_from_validation(exc: ValidationError, *, default_code: str = "INVALID") -> list[dict]:
    """Flatten a Django ValidationError (dict or list) into error entries. ``params`` of the
    inner errors may carry ``variants``/``lines``/``address_type`` extras."""
    entries: list[dict[str, Any]] = []
    items: Iterable[tuple[str | None, list[ValidationError]]]
    if hasattr(exc, "error_dict"):
        items = exc.error_dict.items()
    else:
        items = [(None, exc.error_list)]
    for field, errors in items:
        for err in errors:
            message = err.message % err.params if err.params else err.message
            params = err.params or {}
            extra = {camel(k): params[k] for k in _EXTRA_KEYS if k in params}
            code = (err.code or default_code).upper()
            entries.append(
                error(
                    None if field in (None, NON_FIELD_ERRORS) else field,
                    str(message),
                    code,
                    **extra,
                )
            )
    return entries


class BaseMutation(graphene.Mutation):
    """Wraps ``perform`` in a transaction and maps refusals to the payload's ``errors``.

    Subclasses set ``error_type`` and declare
    ``errors = graphene.List(graphene.NonNull(<error_type>), required=True)``."""

    error_type: Any = None

    class Meta:
        abstract = True

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any):
        try:
            with transaction.atomic():
                result = cls.perform(root, info, **data) or {}
        except MutationFailed as failure:
            return cls(errors=[cls.error_type(**e) for e in failure.errors])
        except ValidationError as exc:
            entries = errors_from_validation(exc)
            return cls(errors=[cls.error_type(**e) for e in entries])
        except PermissionDenied as exc:
            raise GraphQLError(
                str(exc) or _("You do not have permission to perform this action."),
                extensions={"exception": {"code": "PermissionDenied"}},
            ) from None
        return cls(errors=[], **result)


def require_authenticated(info: Any) -> Any:
    user = getattr(info.context, "user", None)
    if user is None or not user.is_authenticated:
        raise PermissionDenied(
            _("To access this path, you need one of the following permissions: AUTHENTICATED_USER")
        )
    return user
