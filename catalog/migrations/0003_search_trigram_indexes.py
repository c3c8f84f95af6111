"""Trigram GIN indexes for search on PostgreSQL (LIKE '%term%' over folded text).

On SQLite nothing is created: the same queries run as table scans, which is fine for the
embedded demo catalogue.
"""

from django.db import migrations

INDEXES = [
    ("catalog_product_search_trgm", "catalog_product", "search_document"),
    ("catalog_producer_search_trgm", "catalog_producer", "search_document"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_reference_data")]
    operations = [migrations.RunPython(create, drop)]
