"""HTTP hardening that Django's own ``SecurityMiddleware`` does not cover.

* :class:`ContentSecurityPolicyMiddleware` puts ``CONTENT_SECURITY_POLICY`` on every document
  response (portal, admin, home page, error pages), so injected markup cannot run script, load
  plugins, rebase links, post forms elsewhere or be framed. A view that needs another policy
  (GraphiQL in ``DEBUG``) sets the header itself and is left alone.
* :class:`HostPortMiddleware` refuses a ``Host`` whose port is not in ``ALLOWED_HOST_PORTS``.
  ``ALLOWED_HOSTS`` ignores ports, yet absolute URLs (image links in GraphQL answers) are built
  from the host *with* its port: ``Host: shop.example.vn:6666`` would put that port into them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port

CSP_HEADER = "Content-Security-Policy"

# Responses a browser renders as a document, where a policy has something to protect.
_DOCUMENT_TYPES = ("text/html", "application/xhtml+xml", "image/svg+xml")


class ContentSecurityPolicyMiddleware:
    """Outermost, so it also covers responses made by the middleware below it (400s, redirects,
    static files) and the error pages Django renders for exceptions."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if policy and content_type in _DOCUMENT_TYPES and CSP_HEADER not in response:
            response[CSP_HEADER] = policy
        return response


class HostPortMiddleware:
    """A host without a port is left to ``ALLOWED_HOSTS``; one with a port needs that port in
    ``ALLOWED_HOST_PORTS`` (``*`` allows any). Refused like any bad host: ``DisallowedHost``,
    which Django answers with 400 and logs to ``django.security.DisallowedHost``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = request.get_host()  # raises DisallowedHost for a host not in ALLOWED_HOSTS
        _domain, port = split_domain_port(host)
        allowed = settings.ALLOWED_HOST_PORTS
        if port and "*" not in allowed and port not in allowed:
            raise DisallowedHost(
                f"Invalid HTTP_HOST header: {host!r}. Its port is not in ALLOWED_HOST_PORTS."
            )
        return self.get_response(request)
