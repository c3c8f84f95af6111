"""The stock import's apply re-checks the file under row locks, on PostgreSQL with real threads
and real commits: an allocation committed while the import waits for the lock is seen, and the
import is refused instead of setting the quantity below it."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connections, transaction

from catalog.models import Stock
from catalog.stock_import import StockImportError, stock_import_apply
from tests.catalog.factories import make_product

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_apply_waits_for_the_row_lock_and_sees_the_new_allocation():
    product = make_product("Mật ong rừng U Minh", stock=10)
    variant = product.variants.get()
    locked, release = threading.Event(), threading.Event()

    def allocate() -> None:
        """An order taking 8 units: holds the stock row until told to commit."""
        try:
            with transaction.atomic():
                stock = Stock.objects.select_for_update().get(variant=variant)
                locked.set()
                release.wait(10)
                stock.quantity_allocated = 8
                stock.save(update_fields=["quantity_allocated"])
        finally:
            connections.close_all()

    outcome: dict[str, object] = {}

    def import_file() -> None:
        try:
            stock_import_apply(
                producer=product.producer, data=f"sku,quantity\n{variant.sku},5\n".encode()
            )
            outcome["result"] = "applied"
        except StockImportError as error:
            outcome["result"] = error.row_errors
        finally:
            connections.close_all()

    allocator = threading.Thread(target=allocate)
    allocator.start()
    assert locked.wait(10)
    importer = threading.Thread(target=import_file)
    importer.start()
    time.sleep(0.5)
    assert importer.is_alive()  # waiting for the row lock, not deciding on stale numbers
    release.set()
    allocator.join(10)
    importer.join(10)
    errors = outcome["result"]
    assert errors != "applied"
    assert [(e.row, e.column) for e in errors] == [(2, "quantity")]
    assert "(8)" in errors[0].message
    stock = Stock.objects.get(variant=variant)
    assert (stock.quantity, stock.quantity_allocated) == (10, 8)
