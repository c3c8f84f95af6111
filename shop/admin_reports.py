"""Staff report pages in the admin (``/admin/reports/…``): thin views over the report
selectors, as an HTML table or, with ``?format=csv``, a CSV download. OCOP staff only; a
producer member (admitted to the admin for its own rows) gets 403."""

from __future__ import annotations

import datetime

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.permissions import is_ocop_staff
from shop.csv_export import csv_write


def _require_staff(request: HttpRequest) -> None:
    if not is_ocop_staff(request.user):
        raise PermissionDenied(_("Báo cáo chỉ dành cho cán bộ OCOP."))


def _csv(filename: str, header: list[str], rows: list[list[object]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the Vietnamese as UTF-8
    csv_write(response, header, rows)  # neutralises formula cells (=HYPERLINK(...), +, -, @)
    return response


def products_report(request: HttpRequest) -> HttpResponse:
    """Products per star class and OCOP group: all, and visible in the channel."""
    from catalog.models import Channel
    from catalog.reports import products_per_star_and_group

    _require_staff(request)
    channels = list(Channel.objects.order_by("pk"))
    channel = next(
        (c for c in channels if c.slug == request.GET.get("channel")),
        channels[0] if channels else None,
    )
    rows = products_per_star_and_group(channel=channel) if channel else []
    if request.GET.get("format") == "csv":
        return _csv(
            f"san-pham-theo-hang-sao-{timezone.localdate().isoformat()}.csv",
            ["hang_sao", "nhom_ocop", "ten_nhom", "dang_hien_thi", "tong_so"],
            [[r.stars or "", r.group or "", r.group_name, r.visible, r.total] for r in rows],
        )
    context = {
        **admin.site.each_context(request),
        "title": _("Sản phẩm theo hạng sao và nhóm OCOP"),
        "rows": rows,
        "channels": channels,
        "channel": channel,
        "totals": (sum(r.visible for r in rows), sum(r.total for r in rows)),
    }
    return TemplateResponse(request, "admin/reports/products.html", context)


def _date(value: str | None, default: datetime.date) -> datetime.date:
    if not value:
        return default
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return default


def sales_report(request: HttpRequest) -> HttpResponse:
    """Sales per producer between two dates (canceled orders excluded)."""
    from orders.reports import sales_per_producer

    _require_staff(request)
    today = timezone.localdate()
    end = _date(request.GET.get("end"), today)
    start = _date(request.GET.get("start"), end.replace(day=1))
    error = ""
    if start > end:
        error = _("Ngày bắt đầu phải trước ngày kết thúc.")
        rows = []
    else:
        rows = sales_per_producer(start=start, end=end)
    if request.GET.get("format") == "csv" and not error:
        return _csv(
            f"doanh-so-theo-chu-the-{start.isoformat()}-{end.isoformat()}.csv",
            ["chu_the", "tien_te", "so_luong", "doanh_thu", "so_don"],
            [[r.producer_name, r.currency, r.units, r.revenue, r.orders] for r in rows],
        )
    context = {
        **admin.site.each_context(request),
        "title": _("Doanh số theo chủ thể OCOP"),
        "rows": rows,
        "start": start,
        "end": end,
        "error": error,
    }
    return TemplateResponse(request, "admin/reports/sales.html", context)
