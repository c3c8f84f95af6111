"""Authenticate API requests by JWT (``Authorization: Bearer <token>``).

Placed after Django's ``AuthenticationMiddleware``: a valid access token replaces the session
user. An invalid, expired or revoked token leaves the request anonymous and records why in
``request.jwt_error``; ``me`` and the mutations that need a user then answer with Saleor's
top-level error (``Signature has expired``, code ``ExpiredSignatureError``), while public
catalogue reads go on as anonymous. A request carrying a token is never stored in the anonymous
response cache, and, being immune to cross-site forgery (a browser never adds the header by
itself), is exempt from the CSRF check the GraphQL view makes for session users.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse

from shop.graphql.view import response_not_cacheable

from .jwt import JWTError, token_from_request, user_from_access_token


class JWTAuthenticationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = token_from_request(request)
        if token is not None:
            response_not_cacheable(request)
            try:
                request.user = user_from_access_token(token)
                request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
            except JWTError as error:
                request.user = AnonymousUser()
                request.jwt_error = error  # type: ignore[attr-defined]
        return self.get_response(request)
