"""Top-level GraphQL errors, Saleor style: every error carries ``extensions.exception.code``.

Two kinds of error reach the ``errors`` list of a response:

* **deliberate** ones, raised on purpose with a message meant for the client: any
  ``GraphQLError`` (build it with :func:`graphql_error` to give it a code), a :class:`PublicError`,
  and Django's ``ValidationError``, ``PermissionDenied`` and ``ObjectDoesNotExist``. Their message
  is always shown;
* **unexpected** ones (anything else a resolver raises). With ``DEBUG`` off the client only sees
  "Internal Server Error" with code ``INTERNAL_ERROR``, never a message that could leak SQL or
  internals; the traceback goes to the ``shop.graphql`` logger. With ``DEBUG`` on the real
  message and ``extensions.exception.stacktrace`` are shown.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from graphql import GraphQLError

logger = logging.getLogger("shop.graphql")

INTERNAL_ERROR_CODE = "INTERNAL_ERROR"
INTERNAL_ERROR_MESSAGE = "Internal Server Error"


class PublicError(Exception):
    """An error whose message is meant for the client, for code that does not want to build a
    ``GraphQLError`` itself. Subclasses may set ``code``; the class name is used otherwise."""

    code: str | None = None

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


# Exceptions whose message is shown to clients even with DEBUG off.
DELIBERATE_EXCEPTIONS: tuple[type[BaseException], ...] = (
    GraphQLError,
    PublicError,
    ValidationError,
    PermissionDenied,
    ObjectDoesNotExist,
)


def graphql_error(message: str, code: str, **extensions: Any) -> GraphQLError:
    """A deliberate top-level error with ``extensions.exception.code`` set to ``code``.

    Raise it from a resolver (``raise graphql_error(_("Couldn't resolve id: %s.") % id,
    "GRAPHQL_ERROR")``); extra keyword arguments become further ``extensions`` entries.
    """
    return GraphQLError(message, extensions={**extensions, "exception": {"code": code}})


def error_dict(message: str, code: str, **extensions: Any) -> dict[str, Any]:
    """A formatted error for responses refused before any GraphQL processing (HTTP level)."""
    return {"message": message, "extensions": {**extensions, "exception": {"code": code}}}


def _innermost(error: BaseException) -> BaseException:
    """The exception a resolver actually raised, under graphql-core's located-error wrappers.

    An error without a ``path`` did not come from a resolver: graphql-core built it while
    validating the document or coercing the variables, around the exception a scalar raised on
    the client's value (a UUID or JSONString that does not parse). It is the client's error,
    already worded for the client ("Expected value of type 'UUID', found ..."): kept as is.
    """
    exc = error
    while isinstance(exc, GraphQLError) and exc.original_error is not None:
        if exc.path is None:
            return exc
        exc = exc.original_error
    return exc


def _code_of(exc: BaseException) -> str:
    if isinstance(exc, GraphQLError):
        exception = (exc.extensions or {}).get("exception")
        if isinstance(exception, dict) and exception.get("code"):
            return str(exception["code"])
    if isinstance(exc, PublicError) and exc.code:
        return exc.code
    return type(exc).__name__


def _message_of(error: BaseException, exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(message) for message in exc.messages)
    if isinstance(exc, PermissionDenied):
        return str(exc) or _("You do not have permission to perform this action.")
    if isinstance(error, GraphQLError):
        return error.message
    return str(error)


def _stacktrace(exc: BaseException) -> list[str]:
    lines: list[str] = []
    for chunk in traceback.format_exception(type(exc), exc, exc.__traceback__):
        lines.extend(chunk.rstrip().splitlines())
    return lines


def is_deliberate(error: BaseException) -> bool:
    return isinstance(_innermost(error), DELIBERATE_EXCEPTIONS)


def format_error(error: BaseException) -> dict[str, Any]:
    """Format one error of an execution result for the response ``errors`` list."""
    result: dict[str, Any] = (
        dict(error.formatted) if isinstance(error, GraphQLError) else {"message": str(error)}
    )
    extensions = dict(result.get("extensions") or {})
    exc = _innermost(error)
    if isinstance(exc, DELIBERATE_EXCEPTIONS):
        result["message"] = _message_of(error, exc)
        exception: dict[str, Any] = {"code": _code_of(exc)}
    else:
        logger.error(
            "GraphQL request failed unexpectedly: %s",
            type(exc).__name__,
            exc_info=(type(exc), exc, exc.__traceback__),
        )
        exception = {"code": INTERNAL_ERROR_CODE}
        if not settings.DEBUG:
            result["message"] = INTERNAL_ERROR_MESSAGE
    if settings.DEBUG and exc.__traceback__ is not None:
        exception["stacktrace"] = _stacktrace(exc)
    extensions["exception"] = exception
    result["extensions"] = extensions
    return result
