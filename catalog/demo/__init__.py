"""DEMO DATA for the OCOP Storefront: the Lạc Dương (Lâm Đồng) demonstration catalogue.

Everything in this package is invented for demonstration: producers, people, stories,
registration, certificate and decision numbers, phone numbers and stock levels are not real,
and prices are estimates taken from the demo ranges in DOMAIN.md. Loaded by
``manage.py seed_demo``; ``--products N`` adds synthetic products for benchmarks.
"""

DEMO_NOTE_VI = "(Dữ liệu trình diễn – demo data; không phải thông tin thật.)"
DEMO_NOTE_EN = "(Demo data, invented for demonstration; not real information.)"
