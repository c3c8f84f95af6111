"""Test factories built on the catalogue services, so tests exercise the same write path as
the shop (search document, cheapest price, badge pointer)."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from catalog import services
from catalog.models import (
    Category,
    CertificateStatus,
    Channel,
    Producer,
    ProducerKind,
    Product,
    ProductVariant,
    Warehouse,
)

_seq = itertools.count(1)
LAM_DONG = 68
XA_LAC_DUONG = 24848


def default_channel() -> Channel:
    return Channel.objects.get(slug="default-channel")


def make_producer(name: str | None = None, **fields) -> Producer:
    n = next(_seq)
    name = name or f"HTX Nông nghiệp Thử nghiệm {n}"
    producer = Producer.objects.create(
        name=name,
        slug=services.unique_slug(Producer, name),
        kind=fields.pop("kind", ProducerKind.COOPERATIVE),
        province_id=fields.pop("province_id", LAM_DONG),
        ward_id=fields.pop("ward_id", XA_LAC_DUONG),
        **fields,
    )
    Warehouse.objects.create(
        name=f"Kho {name}",
        slug=f"{producer.slug}-kho",
        producer=producer,
        province_id=producer.province_id,
        ward_id=producer.ward_id,
    )
    return producer


def make_product(
    name: str | None = None,
    *,
    producer: Producer | None = None,
    category: str = "ca-phe-ca-cao",
    stars: int | None = 3,
    certificate_status: str = CertificateStatus.VERIFIED,
    issued_on: datetime.date | None = None,
    published: bool = True,
    prices: tuple[int, ...] = (150000,),
    stock: int = 10,
    tax_rate: Decimal = Decimal(0),
) -> Product:
    n = next(_seq)
    producer = producer or make_producer()
    product = services.product_create(
        producer=producer,
        category=Category.objects.get(slug=category),
        name=name or f"Cà phê Arabica thử nghiệm {n}",
        description={"blocks": [{"type": "paragraph", "data": {"text": "Mô tả sản phẩm."}}]},
        tax_rate=tax_rate,
    )
    channel = default_channel()
    for index, price in enumerate(prices):
        variant = services.variant_create(
            product=product,
            sku=f"SKU-{n}-{index}",
            name=f"{250 * (index + 1)}g",
            weight_grams=250 * (index + 1) + 50,
            sort_order=index,
        )
        services.variant_price_set(variant=variant, channel=channel, amount=price)
        services.stock_set(variant=variant, warehouse=producer.warehouses.first(), quantity=stock)
    services.product_publish(product=product, channel=channel, is_published=published)
    if stars is not None:
        issued = issued_on or (timezone.localdate() - datetime.timedelta(days=100))
        certificate = services.certificate_submit(
            product=product,
            stars=stars,
            score={3: 60, 4: 75, 5: 92}[stars],
            certificate_number=f"OCOP-{n}",
            decision_number=f"{n}/QĐ-UBND",
            decision_date=issued,
            issuer="UBND huyện Lạc Dương",
            issuer_level="district",
            issued_on=issued,
        )
        if certificate_status == CertificateStatus.VERIFIED:
            # Verified on its issue day (an old certificate was valid when it was checked).
            verified_at = datetime.datetime.combine(issued, datetime.time(12), tzinfo=datetime.UTC)
            services.certificate_verify(certificate=certificate, now=verified_at)
        elif certificate_status == CertificateStatus.REJECTED:
            services.certificate_reject(certificate=certificate, reason="Thiếu hồ sơ")
    product.refresh_from_db()
    return product


def variant_of(product: Product) -> ProductVariant:
    return product.variants.order_by("sort_order", "pk").first()


def jpeg_bytes(width: int = 600, height: int = 400, colour: str = "#7a4a2a") -> bytes:
    """A real JPEG made with Pillow (no files shipped with the tests)."""
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def pdf_bytes(pages: int = 1, *, title: str = "Giấy chứng nhận OCOP") -> bytes:
    """A real PDF made with pypdf (what a scanner or a "print to PDF" writes, in miniature)."""
    from io import BytesIO

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)  # A4 in points
    writer.add_metadata({"/Title": title})
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
