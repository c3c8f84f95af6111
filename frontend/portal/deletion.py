"""Deleting a product or one of its variants: a confirmation page (GET), then the delete
(POST) through ``catalog.editing``. While an open order holds the product or variant the
service refuses and the page says why; nothing is deleted."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from catalog.editing import (
    OPEN_ORDER_STATUSES,
    product_delete,
    product_open_order_count,
    variant_delete,
)
from catalog.models import ProductVariant
from orders.models import OrderLine

from .access import PortalScope, portal_render, portal_view, scoped_url
from .products import product_or_404


@portal_view
def product_delete_confirm(
    request: HttpRequest, scope: PortalScope, product_id: int
) -> HttpResponse:
    product = product_or_404(request, scope, product_id)
    error = ""
    if request.method == "POST":
        name = product.name
        try:
            product_delete(product=product)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("Đã xóa sản phẩm %(name)s.") % {"name": name})
            return redirect(scoped_url(request, "frontend:portal:products"))
    context = {
        "product": product,
        "variant": None,
        "open_orders": product_open_order_count(product=product),
        "error": error,
    }
    status = 400 if error else 200
    return portal_render(request, "portal/delete_confirm.html", context, status=status)


def _variant_open_orders(variant: ProductVariant) -> int:
    return (
        OrderLine.objects.filter(variant=variant, order__status__in=OPEN_ORDER_STATUSES)
        .values("order_id")
        .distinct()
        .count()
    )


@portal_view
def variant_delete_confirm(
    request: HttpRequest, scope: PortalScope, product_id: int, variant_id: int
) -> HttpResponse:
    product = product_or_404(request, scope, product_id)
    variant = next((v for v in product.variants.all() if v.pk == variant_id), None)
    if variant is None:
        raise Http404
    error = ""
    if request.method == "POST":
        try:
            variant_delete(variant=variant)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("Đã xóa quy cách %(sku)s.") % {"sku": variant.sku})
            return redirect(scoped_url(request, "frontend:portal:product", product.pk))
    context = {
        "product": product,
        "variant": variant,
        "open_orders": _variant_open_orders(variant),
        "error": error,
    }
    status = 400 if error else 200
    return portal_render(request, "portal/delete_confirm.html", context, status=status)
