"""Stock pages: quantities per variant and warehouse, and the bulk CSV import with a preview."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalog.editing import variant_stocks_update
from catalog.models import Stock, Warehouse
from catalog.permissions import require_producer_editor
from catalog.stock_import import (
    StockImportError,
    max_bytes,
    stock_import_apply,
    stock_import_plan,
)

from .access import PortalScope, portal_render, portal_view, scoped_url, text_param
from .selectors import variants_for_scope

PAGE_SIZE = 25
SESSION_KEY = "portal_stock_import"


@portal_view
def stock_list(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    search = text_param(request.GET, "q", limit=100)
    page = Paginator(variants_for_scope(scope=scope, search=search), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return portal_render(request, "portal/stock_list.html", {"page": page, "q": search})


def _variant(scope: PortalScope, variant_id: int):
    variant = variants_for_scope(scope=scope).filter(pk=variant_id).first()
    if variant is None or not scope.allows(variant.product.producer_id):
        raise Http404
    return variant


def _stock_rows(variant) -> list[tuple[Warehouse, Stock | None]]:
    stocks = {s.warehouse_id: s for s in variant.stocks.all()}
    warehouses = Warehouse.objects.filter(producer_id=variant.product.producer_id, is_active=True)
    rows = {w.pk: (w, stocks.get(w.pk)) for w in warehouses}
    for stock in stocks.values():
        rows.setdefault(stock.warehouse_id, (stock.warehouse, stock))
    return [rows[pk] for pk in sorted(rows)]


@portal_view
def variant_stock(request: HttpRequest, scope: PortalScope, variant_id: int) -> HttpResponse:
    variant = _variant(scope, variant_id)
    rows = _stock_rows(variant)
    errors: dict[int, str] = {}
    if request.method == "POST":
        require_producer_editor(request.user, variant.product.producer_id)
        errors = _stock_post(request, variant, rows)
        if not errors:
            messages.success(request, _("Đã lưu tồn kho của %(sku)s.") % {"sku": variant.sku})
            return redirect(scoped_url(request, "frontend:portal:variant_stock", variant.pk))
        messages.error(request, _("Chưa lưu: hãy sửa các ô bị lỗi."))
    context = {
        "variant": variant,
        "rows": [(w, s, errors.get(w.pk), request.POST.get(f"quantity-{w.pk}")) for w, s in rows],
    }
    return portal_render(
        request, "portal/variant_stock.html", context, status=400 if errors else 200
    )


def _stock_post(request: HttpRequest, variant, rows) -> dict[int, str]:
    """Save the posted quantities (all or none); the errors per warehouse id."""
    errors: dict[int, str] = {}
    wanted: list[tuple[Warehouse, int]] = []
    for warehouse, stock in rows:
        raw = request.POST.get(f"quantity-{warehouse.pk}", "").strip()
        if not raw:
            continue
        if not raw.isdigit():
            errors[warehouse.pk] = _("Số lượng phải là số nguyên không âm.")
        elif stock is None or stock.quantity != int(raw):
            wanted.append((warehouse, int(raw)))
    if errors or not wanted:
        return errors
    try:
        variant_stocks_update(variant=variant, stocks=wanted)
    except ValidationError as error:
        for problem in error.error_dict.get("stocks", []):
            errors[wanted[problem.params["index"]][0].pk] = " ".join(problem.messages)
        if not errors:
            raise
    return errors


def _import_producer(request: HttpRequest, scope: PortalScope):
    if scope.producer is None:
        return None
    require_producer_editor(request.user, scope.producer.pk)
    return scope.producer


@portal_view
def stock_import(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    """GET: the upload form. POST: the preview (nothing changes yet)."""
    context = {"producers": scope.producers(), "max_bytes": max_bytes()}
    if request.method != "POST":
        return portal_render(request, "portal/stock_import.html", context)
    producer = _import_producer(request, scope)
    upload = request.FILES.get("file")
    if producer is None or upload is None:
        context["form_error"] = (
            _("Hãy chọn chủ thể.") if producer is None else _("Hãy chọn tệp CSV.")
        )
        return portal_render(request, "portal/stock_import.html", context, status=400)
    data = upload.read(max_bytes() + 1)
    plan = stock_import_plan(producer=producer, data=data)
    if plan.ok:
        request.session[SESSION_KEY] = {
            "producer": producer.pk,
            "data": data.decode("utf-8-sig"),
            "fingerprint": plan.fingerprint,
        }
    context.update(plan=plan, row_errors=plan.errors, producer=producer, file_name=upload.name)
    return portal_render(
        request, "portal/stock_import_preview.html", context, status=200 if plan.ok else 400
    )


@require_POST
@portal_view
def stock_import_confirm(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    """Apply the previewed file, all rows or none."""
    pending = request.session.get(SESSION_KEY)
    if not pending or request.POST.get("fingerprint") != pending["fingerprint"]:
        messages.error(request, _("Bản xem trước đã hết hạn; hãy tải tệp lên lại."))
        return redirect(scoped_url(request, "frontend:portal:stock_import"))
    if not scope.allows(pending["producer"]):
        raise Http404
    require_producer_editor(request.user, pending["producer"])
    producer = scope.producers().get(pk=pending["producer"])
    try:
        plan = stock_import_apply(
            producer=producer,
            data=pending["data"].encode(),
            expected_fingerprint=pending["fingerprint"],
        )
    except StockImportError as error:
        context = {"producers": scope.producers(), "max_bytes": max_bytes()}
        context.update(row_errors=error.row_errors, producer=producer)
        return portal_render(request, "portal/stock_import_preview.html", context, status=409)
    del request.session[SESSION_KEY]
    changed = sum(1 for c in plan.changes if c.changed)
    messages.success(request, _("Đã cập nhật tồn kho %(n)s dòng.") % {"n": changed})
    return redirect(scoped_url(request, "frontend:portal:stock"))
