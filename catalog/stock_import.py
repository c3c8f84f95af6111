"""Bulk stock import from a CSV file: parse, plan (the preview), apply.

A file has a header row with the columns ``sku`` and ``quantity`` and, optionally,
``warehouse`` (a warehouse slug of the producer; when absent or blank the producer's only
active warehouse). Quantities are absolute counts, as ``stock_set``. UTF-8 with or without a
byte-order mark; comma or semicolon separated (spreadsheets with a Vietnamese locale write
semicolons).

A file with any bad row is refused whole: every problem is reported as a :class:`RowError`
(row number as a spreadsheet shows it, the header being row 1; the column; a message) and
nothing changes. :func:`stock_import_plan` only reads, so the portal shows it as a preview;
:func:`stock_import_apply` plans again under row locks and refuses when the result differs from
the preview the user confirmed (someone changed the stock in between).
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from shop.cache import catalogue_version_bump

from .models import Producer, ProductVariant, Stock, Warehouse

REQUIRED_COLUMNS = ("sku", "quantity")
OPTIONAL_COLUMNS = ("warehouse",)
MAX_QUANTITY = 1_000_000
NUL = "\x00"


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class ParsedRow:
    row: int
    sku: str
    quantity: int
    warehouse: str


@dataclass(frozen=True)
class StockChange:
    row: int
    sku: str
    product_name: str
    variant_name: str
    variant_id: int
    warehouse_id: int
    warehouse_name: str
    old_quantity: int
    new_quantity: int
    allocated: int

    @property
    def changed(self) -> bool:
        return self.old_quantity != self.new_quantity


@dataclass
class StockImportPlan:
    changes: list[StockChange] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def fingerprint(self) -> str:
        """Identifies what the preview showed (targets, old and new quantities)."""
        text = "\n".join(
            f"{c.variant_id}:{c.warehouse_id}:{c.old_quantity}:{c.new_quantity}"
            for c in self.changes
        )
        return hashlib.sha256(text.encode()).hexdigest()


class StockImportError(ValidationError):
    """The file was refused; ``row_errors`` says why, row by row."""

    def __init__(self, row_errors: list[RowError]) -> None:
        super().__init__(_("Tệp nhập kho bị từ chối."), code="invalid")
        self.row_errors = row_errors


def max_rows() -> int:
    return settings.PORTAL_STOCK_IMPORT_MAX_ROWS


def max_bytes() -> int:
    return settings.PORTAL_STOCK_IMPORT_MAX_BYTES


# --- Parsing (pure) ---------------------------------------------------------------------------
def stock_csv_parse(*, data: bytes) -> tuple[list[ParsedRow], list[RowError]]:
    """Rows of a stock CSV and the problems found without looking at the database."""
    if len(data) > max_bytes():
        return [], [RowError(0, "", _("Tệp quá lớn (tối đa %(n)s byte).") % {"n": max_bytes()})]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = _("Tệp không phải UTF-8 (byte lỗi ở vị trí %(pos)s).") % {"pos": error.start}
        return [], [RowError(0, "", message)]
    lines = text.splitlines()
    if lines and NUL in lines[0]:
        return [], [RowError(1, "", _nul_message())]
    if not lines or not lines[0].strip():
        return [], [RowError(1, "", _("Tệp trống: cần dòng tiêu đề sku,quantity."))]
    delimiter = ";" if ";" in lines[0] and "," not in lines[0] else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
        columns, errors = _columns(header)
        if errors:
            return [], errors
        rows, errors = _rows(reader, columns)
    except csv.Error as error:
        return [], [RowError(reader.line_num, "", _("CSV không đọc được: %(e)s") % {"e": error})]
    if not rows and not errors:
        errors.append(RowError(2, "", _("Tệp không có dòng dữ liệu nào.")))
    return rows, errors


def _columns(header: list[str]) -> tuple[dict[str, int], list[RowError]]:
    errors = []
    allowed = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    for name in header:
        if name not in allowed:
            errors.append(
                RowError(
                    1,
                    name,
                    _("Cột không hợp lệ “%(name)s” (chỉ được: %(allowed)s).")
                    % {"name": name, "allowed": ", ".join(allowed)},
                )
            )
        elif header.count(name) > 1:
            errors.append(RowError(1, name, _("Cột bị lặp.")))
    for name in REQUIRED_COLUMNS:
        if name not in header:
            errors.append(RowError(1, name, _("Thiếu cột bắt buộc “%(name)s”.") % {"name": name}))
    return {name: header.index(name) for name in allowed if name in header}, errors


def _rows(reader, columns: dict[str, int]) -> tuple[list[ParsedRow], list[RowError]]:
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    for values in reader:
        number = reader.line_num
        if not any(value.strip() for value in values):
            continue
        if len(rows) + len(errors) >= max_rows():
            message = _("Quá nhiều dòng (tối đa %(n)s).") % {"n": max_rows()}
            return rows, [*errors, RowError(number, "", message)]
        if len(values) != len(columns):
            message = _("Dòng có %(got)s ô, tiêu đề có %(want)s cột.") % {
                "got": len(values),
                "want": len(columns),
            }
            errors.append(RowError(number, "", message))
            continue
        nul_columns = [name for name, index in columns.items() if NUL in values[index]]
        if nul_columns:
            errors += [RowError(number, name, _nul_message()) for name in nul_columns]
            continue
        sku = values[columns["sku"]].strip()
        warehouse = values[columns["warehouse"]].strip() if "warehouse" in columns else ""
        row_errors = []
        if not sku:
            row_errors.append(RowError(number, "sku", _("Thiếu mã SKU.")))
        quantity, message = _quantity(values[columns["quantity"]])
        if message:
            row_errors.append(RowError(number, "quantity", message))
        key = (sku, warehouse.casefold())
        if sku and key in seen:
            message = _("SKU “%(sku)s” đã có ở dòng %(row)s.") % {"sku": sku, "row": seen[key]}
            row_errors.append(RowError(number, "sku", message))
        seen.setdefault(key, number)
        errors += row_errors
        if not row_errors:
            rows.append(ParsedRow(number, sku, quantity, warehouse))
    return rows, errors


def _nul_message() -> str:
    # PostgreSQL cannot store NUL; a file full of them is usually UTF-16 ("Unicode text").
    return _(
        "Có ký tự NUL (U+0000), không được phép: hãy lưu lại tệp dạng CSV UTF-8 rồi tải lên lại."
    )


def _quantity(raw: str) -> tuple[int, str]:
    raw = raw.strip()
    if not raw:
        return 0, _("Thiếu số lượng.")
    if not (raw.isdigit() or (raw[0] in "+-" and raw[1:].isdigit())) or not raw.isascii():
        return 0, _("Số lượng “%(value)s” không phải số nguyên.") % {"value": raw[:20]}
    quantity = int(raw)
    if quantity < 0:
        return 0, _("Số lượng không được âm.")
    if quantity > MAX_QUANTITY:
        return 0, _("Số lượng quá lớn (tối đa %(n)s).") % {"n": MAX_QUANTITY}
    return quantity, ""


# --- Planning (reads) -------------------------------------------------------------------------
def stock_import_plan(*, producer: Producer, data: bytes, lock: bool = False) -> StockImportPlan:
    """What importing ``data`` for ``producer`` would change, or why it is refused. Only SKUs
    and warehouses of ``producer`` are accepted; a SKU of another producer reads as unknown."""
    rows, errors = stock_csv_parse(data=data)
    plan = StockImportPlan(errors=errors)
    if not rows:
        return plan
    variants = {
        v.sku: v
        for v in ProductVariant.objects.filter(
            product__producer=producer, sku__in={row.sku for row in rows}
        ).select_related("product")
    }
    warehouses = list(Warehouse.objects.filter(producer=producer, is_active=True).order_by("pk"))
    by_slug = {w.slug.casefold(): w for w in warehouses}
    targets: list[tuple[ParsedRow, ProductVariant, Warehouse]] = []
    for row in rows:
        variant = variants.get(row.sku)
        warehouse, message = _warehouse(row, by_slug, warehouses)
        if variant is None:
            plan.errors.append(
                RowError(
                    row.row,
                    "sku",
                    _("Không có SKU “%(sku)s” trong sản phẩm của cơ sở.") % {"sku": row.sku},
                )
            )
        if message:
            plan.errors.append(RowError(row.row, "warehouse", message))
        if variant is not None and warehouse is not None:
            targets.append((row, variant, warehouse))
    _plan_changes(plan, targets, lock=lock)
    plan.errors.sort(key=lambda e: (e.row, e.column))
    return plan


def _warehouse(
    row: ParsedRow, by_slug: dict[str, Warehouse], warehouses: list[Warehouse]
) -> tuple[Warehouse | None, str]:
    if row.warehouse:
        warehouse = by_slug.get(row.warehouse.casefold())
        if warehouse is None:
            return None, _("Không có kho “%(slug)s” của cơ sở.") % {"slug": row.warehouse}
        return warehouse, ""
    if len(warehouses) == 1:
        return warehouses[0], ""
    if not warehouses:
        return None, _("Cơ sở chưa có kho nào.")
    return None, _("Cơ sở có nhiều kho: hãy ghi mã kho ở cột warehouse.")


def _plan_changes(
    plan: StockImportPlan,
    targets: list[tuple[ParsedRow, ProductVariant, Warehouse]],
    *,
    lock: bool,
) -> None:
    stocks = Stock.objects.filter(
        variant_id__in={v.pk for _r, v, _w in targets},
        warehouse_id__in={w.pk for _r, _v, w in targets},
    ).order_by("pk")
    if lock:
        stocks = stocks.select_for_update()
    existing = {(s.variant_id, s.warehouse_id): s for s in stocks}
    for row, variant, warehouse in targets:
        stock = existing.get((variant.pk, warehouse.pk))
        old, allocated = (stock.quantity, stock.quantity_allocated) if stock else (0, 0)
        if row.quantity < allocated:
            plan.errors.append(
                RowError(
                    row.row,
                    "quantity",
                    _("Số lượng %(new)s thấp hơn số đã giữ cho đơn hàng (%(n)s).")
                    % {"new": row.quantity, "n": allocated},
                )
            )
            continue
        plan.changes.append(
            StockChange(
                row=row.row,
                sku=variant.sku,
                product_name=variant.product.name,
                variant_name=variant.name,
                variant_id=variant.pk,
                warehouse_id=warehouse.pk,
                warehouse_name=warehouse.name,
                old_quantity=old,
                new_quantity=row.quantity,
                allocated=allocated,
            )
        )


# --- Applying ---------------------------------------------------------------------------------
@transaction.atomic
def stock_import_apply(
    *, producer: Producer, data: bytes, expected_fingerprint: str | None = None
) -> StockImportPlan:
    """Apply a stock CSV for ``producer`` all at once, or nothing.

    The file is planned again with the stock rows locked (pk order, as every stock writer), so
    a quantity can never be set below what an order took meanwhile. ``expected_fingerprint``
    is the preview's :attr:`StockImportPlan.fingerprint`: when the stock moved since the
    preview the import is refused, so what is applied is what the user saw.
    Raises :class:`StockImportError`.
    """
    plan = stock_import_plan(producer=producer, data=data, lock=True)
    if not plan.ok:
        raise StockImportError(plan.errors)
    if expected_fingerprint is not None and plan.fingerprint != expected_fingerprint:
        raise StockImportError(
            [RowError(0, "", _("Tồn kho đã thay đổi từ lúc xem trước; hãy xem trước lại."))]
        )
    existing = {
        (s.variant_id, s.warehouse_id): s
        for s in Stock.objects.filter(
            variant_id__in={c.variant_id for c in plan.changes},
            warehouse_id__in={c.warehouse_id for c in plan.changes},
        )
    }
    updated, created = [], []
    for change in plan.changes:
        stock = existing.get((change.variant_id, change.warehouse_id))
        if stock is None:
            created.append(
                Stock(
                    variant_id=change.variant_id,
                    warehouse_id=change.warehouse_id,
                    quantity=change.new_quantity,
                )
            )
        elif change.changed:
            stock.quantity = change.new_quantity
            updated.append(stock)
    Stock.objects.bulk_update(updated, ["quantity"])
    Stock.objects.bulk_create(created)
    if updated or created:
        catalogue_version_bump()  # bulk writes send no signals
    return plan
