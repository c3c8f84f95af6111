"""catalog.stock_import without HTTP: parsing, the plan (preview) and the atomic apply."""

from __future__ import annotations

import pytest

from catalog.models import Stock, Warehouse
from catalog.stock_import import (
    StockImportError,
    stock_csv_parse,
    stock_import_apply,
    stock_import_plan,
)

pytestmark = pytest.mark.django_db


def quantities(*products) -> dict[str, int]:
    return {
        s.variant.sku: s.quantity
        for s in Stock.objects.filter(variant__product__in=products).select_related("variant")
    }


def skus(product) -> list[str]:
    return list(product.variants.order_by("sort_order").values_list("sku", flat=True))


def test_parse_reads_bom_semicolons_and_skips_blank_lines():
    rows, errors = stock_csv_parse(data="\ufeffSKU;Quantity\nA-1; 7 \n\nB-2;0\n".encode())
    assert errors == []
    assert [(r.row, r.sku, r.quantity) for r in rows] == [(2, "A-1", 7), (4, "B-2", 0)]


@pytest.mark.parametrize(
    ("data", "row", "column", "words"),
    [
        (b"sku,qty\nA,1\n", 1, "qty", "không hợp lệ"),
        (b"sku\nA\n", 1, "quantity", "Thiếu cột"),
        (b"sku,quantity\nA,-3\n", 2, "quantity", "âm"),
        (b"sku,quantity\nA,2.5\n", 2, "quantity", "số nguyên"),
        (b"sku,quantity\nA,abc\n", 2, "quantity", "số nguyên"),
        (b"sku,quantity\nA,\n", 2, "quantity", "Thiếu số lượng"),
        (b"sku,quantity\nA,1\nA,2\n", 3, "sku", "dòng 2"),
        (b"sku,quantity\nA,1,9\n", 2, "", "ô"),
        (b"sku,quantity\n", 2, "", "không có dòng"),
        ("sku,quantity\nCà phê,1\n".encode("cp1258"), 0, "", "UTF-8"),
        (b"sku,quantity\nA\x00,1\n", 2, "sku", "NUL"),
        (b"sku,quantity\nA,1\x00\n", 2, "quantity", "NUL"),
        (b"sku,quan\x00tity\nA,1\n", 1, "", "NUL"),
        ("sku,quantity\nA,1\n".encode("utf-16-le"), 1, "", "NUL"),
    ],
)
def test_parse_reports_each_bad_case_with_row_and_column(data, row, column, words):
    rows, errors = stock_csv_parse(data=data)
    assert [(e.row, e.column) for e in errors][:1] == [(row, column)]
    assert words in errors[0].message


def test_parse_refuses_too_many_rows(settings):
    settings.PORTAL_STOCK_IMPORT_MAX_ROWS = 3
    data = "sku,quantity\n" + "".join(f"S-{n},1\n" for n in range(5))
    _rows, errors = stock_csv_parse(data=data.encode())
    assert errors[-1].row == 5 and "Quá nhiều dòng" in errors[-1].message


def test_plan_shows_old_and_new_quantities_and_changes_nothing(world):
    a1_skus = skus(world["a1"])
    data = f"sku,quantity\n{a1_skus[0]},25\n{a1_skus[1]},10\n".encode()
    plan = stock_import_plan(producer=world["a"], data=data)
    assert plan.ok
    assert [(c.sku, c.old_quantity, c.new_quantity, c.changed) for c in plan.changes] == [
        (a1_skus[0], 10, 25, True),
        (a1_skus[1], 10, 10, False),
    ]
    assert quantities(world["a1"]) == {a1_skus[0]: 10, a1_skus[1]: 10}


def test_plan_treats_another_producers_sku_as_unknown(world):
    foreign = skus(world["b1"])[0]
    plan = stock_import_plan(producer=world["a"], data=f"sku,quantity\n{foreign},5\n".encode())
    assert [(e.row, e.column) for e in plan.errors] == [(2, "sku")]
    assert foreign in plan.errors[0].message


def test_apply_writes_every_row_at_once(world):
    a1_skus, a2_sku = skus(world["a1"]), skus(world["a2"])[0]
    data = f"sku,quantity,warehouse\n{a1_skus[0]},25,\n{a2_sku},0,{world['a'].slug}-kho\n"
    plan = stock_import_apply(producer=world["a"], data=data.encode())
    assert len(plan.changes) == 2
    assert quantities(world["a1"], world["a2"]) == {a1_skus[0]: 25, a1_skus[1]: 10, a2_sku: 0}


def test_apply_refuses_whole_file_when_one_row_is_bad(world):
    a1_skus = skus(world["a1"])
    data = f"sku,quantity\n{a1_skus[0]},25\nKHONG-CO,4\n{a1_skus[1]},-1\n".encode()
    before = quantities(world["a1"], world["b1"])
    with pytest.raises(StockImportError) as refused:
        stock_import_apply(producer=world["a"], data=data)
    assert [(e.row, e.column) for e in refused.value.row_errors] == [(3, "sku"), (4, "quantity")]
    assert quantities(world["a1"], world["b1"]) == before


def test_apply_refuses_quantity_below_allocated(world):
    sku = skus(world["a2"])[0]
    Stock.objects.filter(variant__sku=sku).update(quantity_allocated=2)
    with pytest.raises(StockImportError) as refused:
        stock_import_apply(producer=world["a"], data=f"sku,quantity\n{sku},1\n".encode())
    assert refused.value.row_errors[0].column == "quantity"
    assert "(2)" in refused.value.row_errors[0].message
    assert Stock.objects.get(variant__sku=sku).quantity == 3


def test_apply_refuses_when_stock_moved_since_preview(world):
    sku = skus(world["a2"])[0]
    data = f"sku,quantity\n{sku},8\n".encode()
    preview = stock_import_plan(producer=world["a"], data=data)
    Stock.objects.filter(variant__sku=sku).update(quantity=4)
    with pytest.raises(StockImportError) as refused:
        stock_import_apply(producer=world["a"], data=data, expected_fingerprint=preview.fingerprint)
    assert "xem trước lại" in refused.value.row_errors[0].message
    assert Stock.objects.get(variant__sku=sku).quantity == 4


def test_warehouse_column_is_required_when_producer_has_several(world):
    a = world["a"]
    Warehouse.objects.create(
        name="Kho 2", slug="kho-2", producer=a, province_id=a.province_id, ward_id=a.ward_id
    )
    sku = skus(world["a2"])[0]
    plan = stock_import_plan(producer=a, data=f"sku,quantity\n{sku},5\n".encode())
    assert [(e.row, e.column) for e in plan.errors] == [(2, "warehouse")]
    plan = stock_import_plan(producer=a, data=f"sku,quantity,warehouse\n{sku},5,kho-2\n".encode())
    assert plan.ok and plan.changes[0].old_quantity == 0
    stock_import_apply(producer=a, data=f"sku,quantity,warehouse\n{sku},5,KHO-2\n".encode())
    assert Stock.objects.get(variant__sku=sku, warehouse__slug="kho-2").quantity == 5
