"""``manage.py seed_demo``: the Lạc Dương demo catalogue and the synthetic benchmark products."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from catalog.demo import DEMO_NOTE_VI
from catalog.models import (
    Certificate,
    CertificateStatus,
    Channel,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    Menu,
    MenuItem,
    Page,
    PageTranslation,
    Producer,
    ProducerKind,
    ProducerTranslation,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    Stock,
    VariantChannelListing,
    Warehouse,
)
from catalog.services import product_search_document_refresh

pytestmark = pytest.mark.django_db

DEMO_WARDS = {24846, 24848, 24853}


def _seed(**options: object) -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def _channel() -> Channel:
    return Channel.objects.get(slug="default-channel")


def _public() -> QuerySet[Product]:
    """What the storefront may show: a verified certificate valid today and a published
    listing in the default channel."""
    today = timezone.localdate()
    valid = Certificate.objects.filter(
        product=OuterRef("pk"),
        status=CertificateStatus.VERIFIED,
        issued_on__lte=today,
        valid_until__gte=today,
    )
    listed = ProductChannelListing.objects.filter(
        product=OuterRef("pk"), channel=_channel(), is_published=True
    )
    return Product.objects.filter(Exists(valid), Exists(listed))


def _demo_public() -> QuerySet[Product]:
    return _public().exclude(slug__startswith="synthetic-")


def _counts() -> dict[str, int]:
    models = [
        Producer,
        ProducerTranslation,
        Warehouse,
        Product,
        ProductTranslation,
        ProductVariant,
        VariantChannelListing,
        ProductChannelListing,
        Stock,
        Certificate,
        ProductMedia,
        Collection,
        CollectionProduct,
        CollectionChannelListing,
        Page,
        PageTranslation,
        Menu,
        MenuItem,
    ]
    return {m.__name__: m.objects.count() for m in models}


def test_seed_demo_loads_14_producers_with_warehouse_logo_and_demo_story():
    output = _seed()

    assert "demo data" in output
    producers = Producer.objects.select_related("ward").order_by("slug")
    assert producers.count() == 14
    assert set(producers.values_list("kind", flat=True)) == set(ProducerKind.values)
    for producer in producers:
        assert producer.province_id == 68
        assert producer.ward_id in DEMO_WARDS
        assert producer.registration_number and producer.founded_year and producer.members
        assert "<script" not in producer.story_html
        assert DEMO_NOTE_VI in producer.story_html
        assert producer.story["version"] == "2.28.0"
        assert {b["type"] for b in producer.story["blocks"]} >= {"paragraph", "header"}
        assert producer.logo and default_storage.exists(producer.logo.name)
        english = producer.translations.get(language_code="en")
        assert english.name and "<script" not in english.story_html
        assert "demo data" in english.story_html.lower()
        warehouse = Warehouse.objects.get(slug=f"{producer.slug}-kho")
        assert (warehouse.producer_id, warehouse.ward_id) == (producer.pk, producer.ward_id)


def test_seed_demo_certifies_43_products_27_three_star_16_four_star():
    _seed()

    public = _demo_public()
    assert public.count() == 43
    stars = dict(
        public.values_list("current_certificate__stars").annotate(n=Count("pk")).order_by()
    )
    assert stars == {3: 27, 4: 16}
    assert public.values("producer").distinct().count() == 14
    for product in public.select_related("current_certificate"):
        certificate = product.current_certificate
        assert certificate.status == CertificateStatus.VERIFIED
        assert certificate.valid_until >= timezone.localdate()
        if certificate.stars == 3:
            assert 50 <= certificate.score <= 69
            assert (certificate.issuer, certificate.issuer_level) == (
                "UBND huyện Lạc Dương",
                "district",
            )
            assert certificate.issued_on.isoformat() < "2025-07-01"
        else:
            assert 70 <= certificate.score <= 89
            assert (certificate.issuer, certificate.issuer_level) == (
                "UBND tỉnh Lâm Đồng",
                "province",
            )
        assert "/QĐ-UBND" in certificate.decision_number
    assert public.filter(current_certificate__is_potential_five_star=True).count() == 1
    numbers = Certificate.objects.values_list("certificate_number", flat=True)
    assert len(numbers) == len(set(numbers))


def test_every_certified_product_has_priced_variants_stock_and_media():
    _seed()
    channel = _channel()

    for product in _demo_public().prefetch_related("variants", "media"):
        variants = list(product.variants.all())
        assert 1 <= len(variants) <= 3
        prices = []
        for variant in variants:
            listing = VariantChannelListing.objects.get(variant=variant, channel=channel)
            assert listing.currency == "VND"
            assert listing.price_amount > 0
            assert listing.price_amount == listing.price_amount.to_integral_value()
            prices.append(listing.price_amount)
            assert Stock.objects.filter(
                variant=variant, warehouse__producer=product.producer
            ).exists()
            assert variant.weight_grams > 0
        assert ProductChannelListing.objects.get(
            product=product, channel=channel
        ).min_price_amount == min(prices)
        media = list(product.media.all())
        assert 1 <= len(media) <= 2
        for item in media:
            assert default_storage.exists(item.image.name)
            assert default_storage.size(item.image.name) < 150_000
            assert item.alt
        assert product.translations.filter(language_code="en").exists()
        assert product.search_document.startswith(product.name_folded)
    low = Stock.objects.filter(variant__product__in=_demo_public(), quantity__lte=3)
    assert low.exists()
    assert ProductVariant.objects.filter(is_fragile=True, sku__contains="RUOU").exists()
    assert ProductVariant.objects.filter(is_perishable=True, sku__contains="DAUTAY").exists()


def test_hidden_demo_products_exist_but_are_not_public():
    _seed()
    today = timezone.localdate()

    hidden = Product.objects.filter(slug__startswith="demo-hidden-")
    assert hidden.count() == 4
    assert not _public().filter(slug__startswith="demo-hidden-").exists()
    statuses = {c.status: c for c in Certificate.objects.filter(product__in=hidden).order_by("pk")}
    assert set(statuses) == {
        CertificateStatus.PENDING,
        CertificateStatus.REJECTED,
        CertificateStatus.VERIFIED,
    }
    verified = Certificate.objects.filter(product__in=hidden, status=CertificateStatus.VERIFIED)
    assert sorted(c.valid_until >= today for c in verified) == [False, True]
    unpublished = ProductChannelListing.objects.get(
        product__slug__startswith="demo-hidden-", is_published=False
    )
    assert unpublished.product.current_certificate.valid_until >= today


def test_seed_demo_twice_changes_nothing():
    _seed()
    before = _counts()
    stock_before = dict(Stock.objects.values_list("pk", "quantity"))

    output = _seed()

    assert _counts() == before
    assert dict(Stock.objects.values_list("pk", "quantity")) == stock_before
    assert "không thay đổi" in output


def test_collections_pages_and_menus_are_published():
    _seed()

    for slug in ("featured-products", "ca-phe-lang-biang", "qua-tang-4-sao"):
        collection = Collection.objects.get(slug=slug)
        assert CollectionChannelListing.objects.get(
            collection=collection, channel=_channel()
        ).is_published
        assert collection.products.count() > 0
        assert collection.translations.filter(language_code="en").exists()
    gifts = Collection.objects.get(slug="qua-tang-4-sao").products.all()
    assert gifts.count() == 16
    for slug in ("gioi-thieu", "chinh-sach-giao-hang", "chinh-sach-doi-tra"):
        page = Page.objects.get(slug=slug)
        assert page.is_published and page.content["blocks"]
        assert page.translations.filter(language_code="en").exists()
    navbar = MenuItem.objects.filter(menu__slug="navbar")
    assert navbar.filter(category__slug="thuc-pham").exists()
    assert navbar.filter(collection__isnull=False).exists()
    assert MenuItem.objects.filter(menu__slug="footer", page__slug="chinh-sach-doi-tra").exists()


def test_seed_demo_products_adds_synthetic_products_once():
    _seed(products=50)

    synthetic = Product.objects.filter(slug__startswith="synthetic-")
    assert synthetic.count() == 50
    assert _public().filter(slug__startswith="synthetic-").count() == 50
    channel = _channel()
    for product in synthetic.select_related("current_certificate"):
        assert product.current_certificate.status == CertificateStatus.VERIFIED
        assert product.current_certificate.stars in (3, 4, 5)
        listings = VariantChannelListing.objects.filter(variant__product=product, channel=channel)
        assert 1 <= listings.count() <= 3
        assert all(p > 0 and p % 1 == 0 for p in listings.values_list("price_amount", flat=True))
        assert ProductChannelListing.objects.get(
            product=product, channel=channel
        ).min_price_amount == min(listings.values_list("price_amount", flat=True))
        assert Stock.objects.filter(variant__product=product).count() == listings.count()
    assert Product.objects.filter(
        slug__startswith="synthetic-", name__startswith="Mật ong"
    ).exists()

    _seed(products=50)
    assert synthetic.count() == 50
    _seed(products=60)
    assert synthetic.count() == 60
    assert ProductVariant.objects.filter(sku__startswith="SYN-").values(
        "sku"
    ).distinct().count() == (ProductVariant.objects.filter(sku__startswith="SYN-").count())


def test_synthetic_search_document_matches_the_service():
    _seed(products=30)

    for product in Product.objects.filter(slug__startswith="synthetic-"):
        stored = (product.name_folded, product.search_document)
        product_search_document_refresh(product=product)
        product.refresh_from_db()
        assert (product.name_folded, product.search_document) == stored
    assert Decimal(0) not in VariantChannelListing.objects.values_list("price_amount", flat=True)


# --- Demo sign-ins ----------------------------------------------------------------------------
def _demo_users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__endswith="@demo.ocop.vn")


def test_seed_demo_adds_one_member_per_demo_producer_and_a_staff_account():
    from catalog.demo.accounts import DEMO_PASSWORD, DEMO_STAFF_EMAIL
    from catalog.models import ProducerMember

    output = _seed()

    assert "staff@demo.ocop.vn" in output and DEMO_PASSWORD in output
    for producer in Producer.objects.all():
        user = _demo_users().get(email=f"{producer.slug}@demo.ocop.vn")
        assert user.check_password(DEMO_PASSWORD) and user.is_active
        assert not user.is_staff and not user.is_superuser
        memberships = ProducerMember.objects.filter(user=user)
        assert [m.producer_id for m in memberships] == [producer.pk]
    staff = _demo_users().get(email=DEMO_STAFF_EMAIL)
    assert staff.is_staff and not staff.is_superuser and staff.check_password(DEMO_PASSWORD)
    assert staff.has_perm("catalog.change_certificate") and staff.has_perm("orders.view_order")
    assert not staff.has_perm("auth.change_group")
    assert _demo_users().count() == 14 + 1 + 1  # members, staff, and the demo buyer


def test_demo_sign_ins_are_created_once():
    from catalog.models import ProducerMember

    _seed()
    users = set(_demo_users().values_list("pk", flat=True))
    members = ProducerMember.objects.count()

    _seed()

    assert set(_demo_users().values_list("pk", flat=True)) == users
    assert ProducerMember.objects.count() == members


def test_demo_sign_ins_exist_only_after_seed_demo():
    # The test database is fully migrated: no migration creates them.
    assert not _demo_users().exists()
    for command in ("seed_shipping", "certificates_daily"):
        call_command(command, stdout=io.StringIO(), stderr=io.StringIO())
    assert not _demo_users().exists()


def test_a_demo_member_signs_in_to_the_admin_and_sees_only_its_products():
    from django.test import Client
    from django.urls import reverse

    _seed()
    producer = Producer.objects.order_by("slug").first()
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": f"{producer.slug}@demo.ocop.vn", "password": "demo12345"},
    )
    assert response.status_code == 302

    listed = client.get(reverse("admin:catalog_product_changelist")).context["cl"].result_list
    assert listed and {p.producer_id for p in listed} == {producer.pk}
