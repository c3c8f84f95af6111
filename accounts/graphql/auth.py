"""Who is asking: the user a request authenticated as, for resolvers and mutations.

Use :func:`require_user` (not ``shop.graphql.mutations.require_authenticated``) where a bad
bearer token should say so: an expired, invalid or revoked token is answered with Saleor's
top-level error (message "Signature has expired", ``extensions.exception.code``
"ExpiredSignatureError"; "InvalidTokenError"/"DecodeError" for the others) instead of
"permission denied", so clients know to refresh their token.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from shop.graphql.errors import graphql_error
from shop.graphql.mutations import require_authenticated


def token_error(info: Any) -> GraphQLError | None:
    """The error of a request whose bearer token could not be used, else None."""
    error = getattr(info.context, "jwt_error", None)
    if error is None:
        return None
    return graphql_error(error.message, error.code)


def current_user(info: Any) -> Any | None:
    """The signed-in user, None when anonymous; raises for an unusable bearer token."""
    error = token_error(info)
    if error is not None:
        raise error
    user = getattr(info.context, "user", None)
    return user if user is not None and user.is_authenticated else None


def require_user(info: Any) -> Any:
    """The signed-in user; raises the token error or a PermissionDenied top-level error."""
    error = token_error(info)
    if error is not None:
        raise error
    return require_authenticated(info)
