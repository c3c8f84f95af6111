"""Who may enter the producer portal and which producers' data each request may touch.

Producer members act for their own producers only; OCOP staff (``user.is_staff``) for every
producer, narrowed by the producer picker (``?producer=<id>``). Objects of a producer outside
the scope are looked up in scoped querysets, so they answer 404 as if they did not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse

from catalog.models import Producer
from catalog.permissions import is_ocop_staff, member_producer_ids


@dataclass(frozen=True)
class PortalScope:
    """The producers this request works on. ``producer`` is the one picked (or the member's
    only producer); ``producer_ids`` every producer the lists show."""

    is_staff: bool
    member_ids: frozenset[int]
    producer: Producer | None

    @property
    def producer_ids(self) -> frozenset[int] | None:
        """None means every producer (staff without a pick)."""
        if self.producer is not None:
            return frozenset({self.producer.pk})
        return None if self.is_staff else self.member_ids

    def filter(self, queryset: Any, field: str = "producer_id") -> Any:
        ids = self.producer_ids
        return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})

    def allows(self, producer_id: int | None) -> bool:
        return self.is_staff or producer_id in self.member_ids

    def producers(self) -> Any:
        """Producers the user may pick (for forms and the picker)."""
        queryset = Producer.objects.order_by("name", "pk")
        return queryset if self.is_staff else queryset.filter(pk__in=self.member_ids)


def _picked(request: HttpRequest, is_staff: bool, member_ids: frozenset[int]) -> Producer | None:
    raw = request.GET.get("producer") or request.POST.get("producer") or ""
    if raw:
        if not raw.isdigit() or not (is_staff or int(raw) in member_ids):
            raise Http404  # another producer's data: as if it did not exist
        producer = Producer.objects.filter(pk=int(raw)).first()
        if producer is None:
            raise Http404
        return producer
    if not is_staff and len(member_ids) == 1:
        return Producer.objects.filter(pk=next(iter(member_ids))).first()
    return None


def text_param(params: QueryDict, name: str, *, limit: int) -> str:
    """A raw text field or query parameter (a search, a tracking number): trimmed, bounded, and
    without NUL characters, which PostgreSQL can neither store nor compare (a search for one
    was an HTTP 500). Django forms refuse NUL themselves; this is for fields read by hand."""
    return params.get(name, "").replace("\x00", "").strip()[:limit]


def portal_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous → sign-in page; a customer → the "not a producer account" page (403);
    members and staff → ``view(request, scope, ...)``."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            login = reverse("frontend:portal:login")
            return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
        staff = is_ocop_staff(user)
        member_ids = member_producer_ids(user)
        if not staff and not member_ids:
            return render(request, "portal/not_producer.html", status=403)
        scope = PortalScope(
            is_staff=staff, member_ids=member_ids, producer=_picked(request, staff, member_ids)
        )
        request.portal_scope = scope  # type: ignore[attr-defined]
        return view(request, scope, *args, **kwargs)

    return wrapped


def portal_render(
    request: HttpRequest, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    """Render a portal page; staff get the producer picker's choices."""
    context = dict(context or {})
    scope: PortalScope | None = getattr(request, "portal_scope", None)
    if scope is not None and scope.is_staff:
        context["picker_producers"] = list(scope.producers().only("pk", "name"))
    return render(request, template, context, status=status)


def scoped_url(request: HttpRequest, name: str, *args: Any) -> str:
    """``reverse(name)`` keeping the staff's producer pick."""
    url = reverse(name, args=args)
    scope: PortalScope | None = getattr(request, "portal_scope", None)
    if scope is not None and scope.is_staff and scope.producer is not None:
        url += "?" + urlencode({"producer": scope.producer.pk})
    return url
