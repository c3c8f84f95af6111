"""Orders in the portal: only orders with the producer's lines, and only those lines; fulfil
with a tracking number; a printable packing slip."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from orders.fulfilment import FULFILLABLE, order_fulfill
from orders.models import OrderStatus

from .access import PortalScope, portal_render, portal_view, scoped_url, text_param
from .selectors import order_for_scope, orders_for_scope

PAGE_SIZE = 25


@portal_view
def order_list(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in OrderStatus.values else ""
    page = Paginator(orders_for_scope(scope=scope, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "status": status, "statuses": OrderStatus.choices}
    return portal_render(request, "portal/order_list.html", context)


def _order(scope: PortalScope, order_id):
    found = order_for_scope(scope=scope, order_id=order_id)
    if found is None:
        raise Http404
    return found


@portal_view
def order_detail(request: HttpRequest, scope: PortalScope, order_id) -> HttpResponse:
    order, lines = _order(scope, order_id)
    open_producers = {line.producer for line in lines if line.quantity_unfulfilled}
    context = {
        "order": order,
        "lines": lines,
        "fulfillable": order.status in FULFILLABLE and bool(open_producers),
        # Staff without a producer picked choose whose lines this parcel carries.
        "fulfil_producers": sorted(open_producers, key=lambda p: (p.name, p.pk))
        if scope.is_staff and scope.producer is None
        else [],
    }
    return portal_render(request, "portal/order_detail.html", context)


@portal_view
def packing_slip(request: HttpRequest, scope: PortalScope, order_id) -> HttpResponse:
    order, lines = _order(scope, order_id)
    producers = sorted({line.producer for line in lines}, key=lambda p: p.pk)
    context = {"order": order, "lines": lines, "producers": producers}
    return portal_render(request, "portal/packing_slip.html", context)


@require_POST
@portal_view
def order_fulfil(request: HttpRequest, scope: PortalScope, order_id) -> HttpResponse:
    """Ship the posted quantities of the scope's open lines with one tracking number.

    One parcel carries one producer's lines under one tracking number, so staff (who see every
    producer's lines) must post the producer whose lines ship; without one nothing ships."""
    order, lines = _order(scope, order_id)
    if scope.is_staff and scope.producer is None:
        messages.error(
            request,
            _(
                "Hãy chọn chủ thể có hàng được giao: mỗi kiện chỉ gồm hàng của một chủ thể, "
                "với một mã vận đơn."
            ),
        )
        return redirect(scoped_url(request, "frontend:portal:order", order.pk))
    shipments, bad = [], False
    for line in lines:
        raw = request.POST.get(f"quantity-{line.pk}", "").strip()
        if not raw or raw == "0":
            continue
        if not raw.isdigit():
            bad = True
            continue
        shipments.append((line, int(raw)))
    tracking = text_param(request.POST, "tracking_number", limit=255)
    if bad:
        messages.error(request, _("Số lượng giao phải là số nguyên không âm."))
    elif not tracking:
        messages.error(request, _("Hãy nhập mã vận đơn."))
    else:
        try:
            order_fulfill(order=order, lines=shipments, tracking_number=tracking, user=request.user)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Đã giao hàng đơn #%(n)s, mã vận đơn %(t)s.")
                % {"n": order.number, "t": tracking},
            )
    return redirect(scoped_url(request, "frontend:portal:order", order.pk))
