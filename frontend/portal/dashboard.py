"""The portal's first page: what needs doing now."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from .access import PortalScope, portal_render, portal_view
from .selectors import dashboard_get


@portal_view
def dashboard(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    return portal_render(
        request, "portal/dashboard.html", {"board": dashboard_get(scope=scope), "scope": scope}
    )
