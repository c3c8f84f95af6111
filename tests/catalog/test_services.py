"""Catalogue services: certificates, prices, stock and stories."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from catalog import services
from catalog.models import Certificate, CertificateStatus, Producer, Stock
from tests.catalog.factories import default_channel, make_product, variant_of

pytestmark = pytest.mark.django_db


def _submit(product, *, stars=4, number="NEW-1", issued=None, score=None):
    issued = issued or datetime.date(2025, 3, 1)
    return services.certificate_submit(
        product=product,
        stars=stars,
        score=score,
        certificate_number=number,
        decision_number="77/QĐ-UBND",
        decision_date=issued,
        issuer="UBND tỉnh Lâm Đồng",
        issuer_level="province",
        issued_on=issued,
    )


def test_validity_is_36_months_and_clamps_to_month_end():
    assert services.certificate_valid_until_default(datetime.date(2024, 5, 10)) == datetime.date(
        2027, 5, 10
    )
    assert services.certificate_valid_until_default(datetime.date(2024, 2, 29)) == datetime.date(
        2027, 2, 28
    )
    with override_settings(OCOP_CERTIFICATE_VALIDITY_MONTHS=12):
        assert services.certificate_valid_until_default(
            datetime.date(2024, 1, 31)
        ) == datetime.date(2025, 1, 31)


def test_submitted_certificate_is_pending_until_verified():
    product = make_product(stars=None)
    certificate = _submit(product)
    assert certificate.status == CertificateStatus.PENDING
    product.refresh_from_db()
    assert product.current_certificate is None


def test_verifying_supersedes_the_previous_certificate_and_moves_the_badge():
    product = make_product(stars=3)
    old = product.current_certificate
    new = _submit(product, stars=4, score=80, issued=old.issued_on + datetime.timedelta(days=30))
    services.certificate_verify(certificate=new)
    old.refresh_from_db()
    product.refresh_from_db()
    assert old.status == CertificateStatus.SUPERSEDED
    assert product.current_certificate_id == new.pk
    assert Certificate.objects.filter(product=product).count() == 2  # history kept


def test_rejecting_the_current_certificate_removes_the_badge():
    product = make_product(stars=3)
    services.certificate_reject(certificate=product.current_certificate, reason="Sai số quyết định")
    product.refresh_from_db()
    assert product.current_certificate is None


def test_rejection_needs_a_reason():
    product = make_product(stars=3)
    with pytest.raises(ValidationError):
        services.certificate_reject(certificate=product.current_certificate, reason="  ")


@pytest.mark.parametrize(
    ("stars", "score", "field"),
    [(2, 40, "stars"), (3, 75, "score"), (4, 95, "score"), (5, 70, "score")],
)
def test_submit_refuses_uncertified_classes_and_scores_outside_the_class(stars, score, field):
    product = make_product(stars=None)
    with pytest.raises(ValidationError) as error:
        _submit(product, stars=stars, score=score)
    assert field in error.value.message_dict
    assert not Certificate.objects.filter(product=product).exists()


def test_expiry_job_marks_past_certificates_expired():
    product = make_product(stars=3, issued_on=datetime.date(2020, 1, 1))
    assert services.certificates_expire(today=datetime.date(2026, 11, 28)) == 1
    product.current_certificate.refresh_from_db()
    assert product.current_certificate.status == CertificateStatus.EXPIRED


def test_vnd_prices_must_be_whole_dong_and_not_negative():
    variant = variant_of(make_product())
    for bad in (Decimal("1000.5"), Decimal(-1)):
        with pytest.raises(ValidationError):
            services.variant_price_set(variant=variant, channel=default_channel(), amount=bad)


def test_cheapest_price_column_follows_variant_prices():
    product = make_product(prices=(200000, 150000))
    listing = product.channel_listings.get()
    assert listing.min_price_amount == 150000
    services.variant_price_set(variant=variant_of(product), channel=default_channel(), amount=90000)
    listing.refresh_from_db()
    assert listing.min_price_amount == 90000


def test_stock_cannot_be_set_below_what_is_allocated():
    variant = variant_of(make_product(stock=10))
    Stock.objects.filter(variant=variant).update(quantity_allocated=4)
    with pytest.raises(ValidationError):
        services.stock_set(
            variant=variant, warehouse=Stock.objects.get(variant=variant).warehouse, quantity=3
        )
    assert Stock.objects.get(variant=variant).quantity == 10


def test_producer_story_is_sanitised_on_write():
    producer = Producer.objects.first() or make_product().producer
    story = {
        "blocks": [
            {
                "type": "paragraph",
                "data": {"text": "Hợp tác xã <b>K'Ho</b><script>alert(1)</script>"},
            },
            {"type": "paragraph", "data": {"text": '<img src=x onerror="alert(2)">Cà phê'}},
            {"type": "raw", "data": {"html": "<iframe src=evil></iframe>"}},
        ]
    }
    services.producer_story_set(producer=producer, story=story)
    producer.refresh_from_db()
    assert "<script" not in producer.story_html
    assert "onerror" not in producer.story_html
    assert "iframe" not in producer.story_html
    assert "<b>K'Ho</b>" in producer.story_html or "<b>K&#39;Ho</b>" in producer.story_html
    assert "Cà phê" in producer.story_html
    assert "script" not in str(producer.story)


def test_an_expired_certificate_cannot_be_verified():
    product = make_product(stars=None)
    certificate = _submit(product, issued=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError):
        services.certificate_verify(certificate=certificate)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.PENDING


def test_an_older_certificate_cannot_supersede_a_newer_verified_one():
    product = make_product(stars=3)  # issued 100 days ago
    older = _submit(product, issued=datetime.date(2025, 1, 1), number="OLD-1")
    with pytest.raises(ValidationError):
        services.certificate_verify(certificate=older)
    product.refresh_from_db()
    assert product.current_certificate.status == CertificateStatus.VERIFIED


def test_duplicate_certificate_number_is_a_validation_error():
    product = make_product(stars=None)
    _submit(product, number="DUP-1")
    with pytest.raises(ValidationError) as error:
        _submit(product, number="DUP-1")
    assert "certificate_number" in error.value.message_dict


def test_search_document_includes_former_place_names():
    product = make_product()  # producer in Xã Lạc Dương
    assert "xa da sar" in product.search_document or "huyen lac duong" in product.search_document
