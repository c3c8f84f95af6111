"""Search on PostgreSQL: the trigram index exists and the planner can use it."""

from __future__ import annotations

import pytest
from django.db import connection

from catalog.models import Product
from catalog.selectors import product_search, products_visible
from tests.catalog.factories import default_channel, make_product

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_trigram_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s",
            ["catalog_%_search_trgm"],
        )
        rows = dict(cursor.fetchall())
    assert set(rows) == {"catalog_product_search_trgm", "catalog_producer_search_trgm"}
    assert "gin_trgm_ops" in rows["catalog_product_search_trgm"]


def test_search_query_can_use_the_trigram_index():
    for index in range(30):
        make_product(f"Sản phẩm thử {index}")
    make_product("Cà phê Arabica Lang Biang")
    queryset = product_search(products_visible(channel=default_channel()), query="arabica")
    assert [p.name for p in queryset] == ["Cà phê Arabica Lang Biang"]
    like = Product.objects.filter(search_document__contains="arabica").order_by()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalog_product")
        cursor.execute("SET enable_seqscan = off")
        plan = like.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "catalog_product_search_trgm" in plan
