"""Stock through the portal: per-warehouse edit (never below allocated) and the CSV import
upload → preview → confirm, refused whole on any bad row."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import Stock
from tests.frontend.conftest import client_for

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"frontend:portal:{name}", args=args)


def all_quantities() -> dict[int, tuple[int, int]]:
    return {s.pk: (s.quantity, s.quantity_allocated) for s in Stock.objects.all()}


def test_variant_stock_edit_saves_the_quantity(world):
    variant = world["a2"].variants.get()
    stock = Stock.objects.get(variant=variant)
    client = client_for(world["member_a"])
    response = client.post(
        url("variant_stock", variant.pk), {f"quantity-{stock.warehouse_id}": "42"}
    )
    assert response.status_code == 302
    stock.refresh_from_db()
    assert stock.quantity == 42
    assert "Đã lưu tồn kho" in client.get(response.url).text


@pytest.mark.parametrize("value", ["-1", "abc", "1.5"])
def test_variant_stock_edit_refuses_bad_numbers(world, value):
    variant = world["a2"].variants.get()
    stock = Stock.objects.get(variant=variant)
    response = client_for(world["member_a"]).post(
        url("variant_stock", variant.pk), {f"quantity-{stock.warehouse_id}": value}
    )
    assert response.status_code == 400 and "số nguyên" in response.text
    stock.refresh_from_db()
    assert stock.quantity == 3


def test_variant_stock_edit_never_goes_below_allocated(world):
    variant = world["a2"].variants.get()
    Stock.objects.filter(variant=variant).update(quantity_allocated=2)
    stock = Stock.objects.get(variant=variant)
    response = client_for(world["member_a"]).post(
        url("variant_stock", variant.pk), {f"quantity-{stock.warehouse_id}": "1"}
    )
    assert response.status_code == 400
    assert "thấp hơn số đã giữ cho đơn hàng (2)" in response.text
    stock.refresh_from_db()
    assert stock.quantity == 3


def preview(client, content: bytes, **extra):
    return client.post(
        url("stock_import"),
        {"file": SimpleUploadedFile("ton-kho.csv", content, content_type="text/csv"), **extra},
    )


def test_csv_import_preview_then_confirm(world):
    a1 = list(world["a1"].variants.order_by("sort_order").values_list("sku", flat=True))
    client = client_for(world["member_a"])
    content = f"\ufeffsku,quantity\n{a1[0]},40\n{a1[1]},10\n".encode()
    before = all_quantities()
    page = preview(client, content)
    assert page.status_code == 200
    assert "10 → 40" in page.text and "10 → 10" in page.text
    assert all_quantities() == before  # the preview changes nothing
    fingerprint = page.text.split('name="fingerprint" value="')[1].split('"')[0]
    done = client.post(url("stock_import_confirm"), {"fingerprint": fingerprint})
    assert done.status_code == 302
    assert Stock.objects.get(variant__sku=a1[0]).quantity == 40
    assert "Đã cập nhật tồn kho 1 dòng" in client.get(done.url).text
    # The preview is used up: confirming again changes nothing more.
    again = client.post(url("stock_import_confirm"), {"fingerprint": fingerprint})
    assert again.status_code == 302 and again.url == url("stock_import")


BAD_FILES = {
    "unknown sku": (b"sku,quantity\nKHONG-CO,5\n", "2", "sku"),
    "negative": (b"sku,quantity\n{a},-5\n", "2", "quantity"),
    "not a number": (b"sku,quantity\n{a},nhieu\n", "2", "quantity"),
    "wrong columns": (b"ma,so_luong\n{a},5\n", "1", "ma"),
    "missing column": (b"sku\n{a}\n", "1", "quantity"),
    "duplicate sku": (b"sku,quantity\n{a},5\n{a},6\n", "3", "sku"),
    "other producer's sku": (b"sku,quantity\n{b},5\n", "2", "sku"),
    "below allocated": (b"sku,quantity\n{alloc},1\n", "2", "quantity"),
    "not utf-8": ("sku,quantity\n{a},5\nCà,1\n".encode("cp1258"), "–", "–"),
    # NUL used to reach PostgreSQL (which refuses it in text) as an HTTP 500.
    "nul in sku": (b"sku,quantity\nKHONG\x00CO,5\n", "2", "sku"),
    "nul in warehouse": (b"sku,quantity,warehouse\n{a},5,kho\x00\n", "2", "warehouse"),
    "utf-16 without bom": ("sku,quantity\nA,5\n".encode("utf-16-le"), "1", "–"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_csv_import_refuses_a_bad_file_whole_with_row_messages(world, case):
    a = world["a1"].variants.order_by("sort_order").first().sku
    alloc = world["a2"].variants.get().sku
    Stock.objects.filter(variant__sku=alloc).update(quantity_allocated=2)
    b = world["b1"].variants.get().sku
    raw, row, column = BAD_FILES[case]
    content = raw.replace(b"{a}", a.encode()).replace(b"{b}", b.encode())
    content = content.replace(b"{alloc}", alloc.encode())
    # A good row first: the whole file must still be refused.
    good = f"{a},77\n".encode()
    if b"\n" in content and case not in ("wrong columns", "missing column"):
        header, rest = content.split(b"\n", 1)
        content = header + b"\n" + good + rest
        row = str(int(row) + 1) if row.isdigit() and row != "1" else row
    client = client_for(world["member_a"])
    before = all_quantities()
    page = preview(client, content)
    assert page.status_code == 400
    errors = page.text.split('id="import-errors"')[1]
    cells = [
        [cell.split(">", 1)[1].split("<")[0] for cell in tr.split("<td")[1:4]]
        for tr in errors.split('class="row-error"')[1:]
    ]
    assert [row, column] in [c[:2] for c in cells], cells
    assert 'name="fingerprint"' not in page.text  # no confirm button
    assert all_quantities() == before
    # Nothing to confirm either.
    client.post(url("stock_import_confirm"), {"fingerprint": "x"})
    assert all_quantities() == before


def test_staff_imports_for_the_picked_producer_only(world):
    a, b = world["a1"].variants.order_by("sort_order").first().sku, world["b1"].variants.get().sku
    client = client_for(world["staff"])
    page = preview(client, f"sku,quantity\n{b},9\n".encode(), producer=world["a"].pk)
    assert page.status_code == 400  # B's SKU while A is picked
    page = preview(client, f"sku,quantity\n{b},9\n".encode(), producer=world["b"].pk)
    fingerprint = page.text.split('name="fingerprint" value="')[1].split('"')[0]
    client.post(url("stock_import_confirm"), {"fingerprint": fingerprint})
    assert Stock.objects.get(variant__sku=b).quantity == 9
    assert Stock.objects.get(variant__sku=a).quantity == 10
