"""Invariants the database itself enforces (not only Python)."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from catalog.models import Certificate, CertificateStatus, Stock, VariantChannelListing
from tests.catalog.factories import default_channel, make_product, variant_of

pytestmark = pytest.mark.django_db


def _integrity_error(fn) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_stock_allocated_cannot_exceed_quantity():
    stock = Stock.objects.get(variant=variant_of(make_product(stock=5)))
    _integrity_error(lambda: Stock.objects.filter(pk=stock.pk).update(quantity_allocated=6))
    stock.refresh_from_db()
    assert stock.quantity_allocated == 0


def test_stock_quantity_cannot_go_negative():
    stock = Stock.objects.get(variant=variant_of(make_product(stock=1)))
    _integrity_error(lambda: Stock.objects.filter(pk=stock.pk).update(quantity=-1))


def test_certificate_stars_outside_3_to_5_are_refused():
    certificate = make_product(stars=3).current_certificate
    for stars in (1, 2, 6):
        _integrity_error(
            lambda s=stars: Certificate.objects.filter(pk=certificate.pk).update(stars=s)
        )


def test_only_one_verified_certificate_per_product():
    product = make_product(stars=3)
    current = product.current_certificate

    def second_verified():
        Certificate.objects.create(
            product=product,
            stars=4,
            certificate_number="OTHER-1",
            decision_number="9/QĐ-UBND",
            decision_date=current.issued_on,
            issuer="UBND tỉnh Lâm Đồng",
            issuer_level="province",
            issued_on=current.issued_on,
            valid_until=current.valid_until,
            status=CertificateStatus.VERIFIED,
            verified_at=current.verified_at,
        )

    _integrity_error(second_verified)


def test_certificate_must_end_after_it_starts():
    certificate = make_product().current_certificate
    _integrity_error(
        lambda: Certificate.objects.filter(pk=certificate.pk).update(
            valid_until=certificate.issued_on - datetime.timedelta(days=1)
        )
    )


def test_sku_is_unique():
    variant = variant_of(make_product())
    other = make_product()
    _integrity_error(lambda: other.variants.update(sku=variant.sku))


def test_price_cannot_be_negative():
    make_product()
    listing = VariantChannelListing.objects.filter(channel=default_channel()).first()
    _integrity_error(
        lambda: VariantChannelListing.objects.filter(pk=listing.pk).update(price_amount=-1)
    )
