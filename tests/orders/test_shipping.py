"""Shipping: chargeable weight, routes, per-producer parcels, method rules, DB invariants."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from orders.models import (
    ShippingMethod,
    ShippingMethodTranslation,
    ShippingRate,
    ShippingZone,
    ShippingZoneProvince,
)
from orders.shipping import (
    ParcelItem,
    chargeable_weight_grams,
    delivery_quotes,
    shipping_method_get,
    zone_kind,
)
from orders.shipping_data import PROVINCE_REGIONS
from shop.models import Province
from shop.money import Money

LAM_DONG, KHANH_HOA, HA_NOI, HO_CHI_MINH = 68, 56, 1, 79


def vnd(amount: int) -> Money:
    return Money(Decimal(amount), "VND")


def item(**overrides) -> ParcelItem:
    values = {
        "producer_id": 1,
        "producer_name": "HTX Dâu tây Đà Lạt",
        "origin_province": LAM_DONG,
        "variant_id": 10,
        "weight_grams": 400,
        "length_mm": None,
        "width_mm": None,
        "height_mm": None,
        "quantity": 1,
        "unit_price": vnd(100_000),
        "is_fragile": False,
        "is_perishable": False,
    }
    values.update(overrides)
    return ParcelItem(**values)


def other_producer(**overrides) -> ParcelItem:
    base = {"producer_id": 2, "producer_name": "Cơ sở Nước mắm Hà Nội", "variant_id": 20}
    return item(**{"origin_province": HA_NOI, **base, **overrides})


@pytest.fixture
def seeded(db) -> dict[str, ShippingMethod]:
    call_command("seed_shipping", stdout=StringIO())
    return {method.slug: method for method in ShippingMethod.objects.all()}


def quotes_by_slug(**kwargs) -> dict:
    return {quote.method.slug: quote for quote in delivery_quotes(**kwargs)}


# --- chargeable weight ---------------------------------------------------------------------


def test_chargeable_weight_is_actual_weight_when_heavier_than_volume():
    # 100×100×100 mm = 1.000 cm³ → 0,2 kg volumetric; the 900 g actual weight wins.
    assert (
        chargeable_weight_grams(
            weight_grams=900, length_mm=100, width_mm=100, height_mm=100, quantity=2
        )
        == 1800
    )


def test_chargeable_weight_uses_volume_for_light_bulky_items():
    # 30×20×10 cm = 6.000 cm³ / 5000 = 1,2 kg per item, though each weighs 250 g.
    assert (
        chargeable_weight_grams(
            weight_grams=250, length_mm=300, width_mm=200, height_mm=100, quantity=3
        )
        == 3600
    )


def test_chargeable_weight_rounds_volume_up_to_whole_grams():
    # 7×7×103 mm = 5.047 mm³ → 1,0094 g → 2 g.
    assert (
        chargeable_weight_grams(weight_grams=1, length_mm=7, width_mm=7, height_mm=103, quantity=1)
        == 2
    )


def test_chargeable_weight_without_all_dimensions_is_actual_weight():
    assert (
        chargeable_weight_grams(
            weight_grams=300, length_mm=500, width_mm=500, height_mm=None, quantity=2
        )
        == 600
    )


# --- routes ----------------------------------------------------------------------------------


def test_zone_kind_same_province():
    assert zone_kind(origin_province=LAM_DONG, destination_province=LAM_DONG) == "same_province"


def test_zone_kind_lam_dong_to_khanh_hoa_is_same_region_central():
    assert PROVINCE_REGIONS[LAM_DONG] == PROVINCE_REGIONS[KHANH_HOA] == "central"
    assert zone_kind(origin_province=LAM_DONG, destination_province=KHANH_HOA) == "same_region"


def test_zone_kind_lam_dong_to_ha_noi_is_cross_region():
    assert zone_kind(origin_province=LAM_DONG, destination_province=HA_NOI) == "cross_region"


def test_zone_kind_refuses_unknown_province():
    with pytest.raises(ValueError):
        zone_kind(origin_province=LAM_DONG, destination_province=999)


@pytest.mark.django_db
def test_region_table_covers_exactly_the_34_provinces():
    codes = set(Province.objects.values_list("code", flat=True))
    assert len(codes) == 34
    assert set(PROVINCE_REGIONS) == codes


# --- prices ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weight", "expected"),
    [(500, 20_000), (501, 25_000), (1000, 25_000), (1001, 30_000)],
)
def test_price_is_base_plus_each_started_500_g(seeded, weight, expected):
    quote = quotes_by_slug(items=[item(weight_grams=weight)], destination_province=LAM_DONG)[
        "tieu-chuan"
    ]
    assert quote.available
    assert quote.parcels[0].chargeable_weight_grams == weight
    assert quote.total == vnd(expected)
    assert quote.total.amount.as_tuple().exponent == 0


def test_price_uses_volumetric_weight(seeded):
    bulky = item(weight_grams=200, length_mm=300, width_mm=200, height_mm=100)  # 1.200 g
    quote = quotes_by_slug(items=[bulky], destination_province=LAM_DONG)["tieu-chuan"]
    assert quote.parcels[0].weight_grams == 200
    assert quote.parcels[0].chargeable_weight_grams == 1200
    assert quote.total == vnd(20_000 + 2 * 5_000)


def test_fragile_item_adds_one_surcharge_per_parcel(seeded):
    items = [item(is_fragile=True), item(variant_id=11, is_fragile=True, weight_grams=100)]
    quote = quotes_by_slug(items=items, destination_province=LAM_DONG)["tieu-chuan"]
    assert quote.total == vnd(20_000 + 10_000)


def test_free_shipping_threshold_applies_per_parcel(seeded):
    items = [
        item(unit_price=vnd(250_000), quantity=2),  # 500.000 ₫ from Lâm Đồng: free
        other_producer(unit_price=vnd(300_000)),  # 300.000 ₫ from Hà Nội: paid
    ]
    quotes = quotes_by_slug(items=items, destination_province=LAM_DONG)
    first, second = quotes["tieu-chuan"].parcels
    assert (first.is_free, first.price, first.goods_total) == (True, vnd(0), vnd(500_000))
    assert (second.is_free, second.price) == (False, vnd(38_000))
    assert quotes["tieu-chuan"].total == vnd(38_000)
    # Express has no threshold.
    assert not any(parcel.is_free for parcel in quotes["nhanh"].parcels)


def test_two_producers_ship_two_parcels_priced_separately(seeded):
    items = [item(), other_producer(weight_grams=1200), item(variant_id=11)]
    quote = quotes_by_slug(items=items, destination_province=LAM_DONG)["tieu-chuan"]
    lam_dong, ha_noi = quote.parcels
    assert (lam_dong.producer_id, lam_dong.zone_kind, len(lam_dong.items)) == (
        1,
        "same_province",
        2,
    )
    assert lam_dong.price == vnd(25_000)  # 800 g
    assert (ha_noi.producer_id, ha_noi.zone_kind) == (2, "cross_region")
    assert ha_noi.price == vnd(38_000 + 2 * 10_000)  # 1.200 g
    assert quote.total == lam_dong.price + ha_noi.price
    # Delivery takes as long as the slowest parcel (cross region: 3–5 days).
    assert (quote.min_days, quote.max_days) == (3, 5)


def test_perishable_refused_by_standard_and_shipped_by_express_in_region(seeded):
    strawberries = item(is_perishable=True)
    quotes = quotes_by_slug(items=[strawberries], destination_province=KHANH_HOA)
    standard, express = quotes["tieu-chuan"], quotes["nhanh"]
    assert not standard.available
    assert "dễ hỏng" in standard.reason and "Tiêu chuẩn" in standard.reason
    assert (standard.parcels, standard.total) == ([], vnd(0))
    assert express.available and express.reason is None
    assert express.total == vnd(48_000)
    assert (express.min_days, express.max_days) == (2, 3)


def test_perishable_never_crosses_regions(seeded):
    quote = quotes_by_slug(items=[item(is_perishable=True)], destination_province=HA_NOI)["nhanh"]
    assert not quote.available
    assert "cùng miền" in quote.reason


def test_method_unavailable_over_its_weight_limit(seeded):
    heavy = item(weight_grams=25_000)  # standard takes 30 kg a parcel, express 20 kg
    quotes = quotes_by_slug(items=[heavy], destination_province=HO_CHI_MINH)
    assert quotes["tieu-chuan"].available
    assert not quotes["nhanh"].available
    assert "25.000 g" in quotes["nhanh"].reason and "20.000 g" in quotes["nhanh"].reason


def test_method_unavailable_without_a_rate_for_the_route(seeded):
    ShippingRate.objects.filter(method__slug="nhanh", zone_kind="cross_region").delete()
    quotes = quotes_by_slug(items=[item()], destination_province=HA_NOI)
    assert quotes["tieu-chuan"].available
    assert not quotes["nhanh"].available and quotes["nhanh"].reason


def test_reason_names_the_method_in_the_active_language(seeded):
    with translation.override("en"):
        quote = quotes_by_slug(items=[item(is_perishable=True)], destination_province=LAM_DONG)[
            "tieu-chuan"
        ]
    assert "Standard" in quote.reason


def test_no_quotes_for_a_province_outside_every_zone(seeded):
    ShippingZoneProvince.objects.filter(province_id=HA_NOI).delete()
    assert delivery_quotes(items=[item()], destination_province=HA_NOI) == []
    assert len(delivery_quotes(items=[item()], destination_province=LAM_DONG)) == 2


def test_inactive_method_is_not_quoted(seeded):
    ShippingMethod.objects.filter(slug="nhanh").update(is_active=False)
    assert list(quotes_by_slug(items=[item()], destination_province=LAM_DONG)) == ["tieu-chuan"]


def test_no_quotes_for_an_empty_cart_or_a_currency_without_rates(seeded):
    assert delivery_quotes(items=[], destination_province=LAM_DONG) == []
    usd_item = replace(item(), unit_price=Money(Decimal("5.00"), "USD"))
    assert delivery_quotes(items=[usd_item], destination_province=LAM_DONG, currency="USD") == []


def test_quotes_take_a_fixed_number_of_queries(seeded, django_assert_num_queries):
    many = [item(producer_id=n, variant_id=n) for n in range(1, 8)]
    with django_assert_num_queries(3):  # methods, rates, translations
        delivery_quotes(items=[item()], destination_province=LAM_DONG)
    with django_assert_num_queries(3):
        delivery_quotes(items=many, destination_province=HA_NOI)


def test_shipping_method_get(seeded):
    method = seeded["nhanh"]
    assert shipping_method_get(pk=method.pk) == method
    assert shipping_method_get(pk=str(method.pk)) == method
    assert shipping_method_get(pk=999_999) is None
    assert shipping_method_get(pk="not-a-number") is None


# --- database invariants ---------------------------------------------------------------------


def _method(**overrides) -> ShippingMethod:
    values = {
        "name": "Thử",
        "slug": "thu",
        "type": "standard",
        "min_delivery_days": 1,
        "max_delivery_days": 2,
    }
    values.update(overrides)
    return ShippingMethod.objects.create(**values)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["base_price", "step_price", "fragile_surcharge"])
def test_db_refuses_negative_rate_amounts(field):
    method = _method()
    amounts = {"base_price": 1, "step_price": 1, "fragile_surcharge": 0, field: -1}
    with pytest.raises(IntegrityError), transaction.atomic():
        ShippingRate.objects.create(method=method, zone_kind="same_province", **amounts)


@pytest.mark.django_db
def test_db_refuses_a_second_rate_for_the_same_route():
    method = _method()
    ShippingRate.objects.create(method=method, zone_kind="same_region", base_price=1, step_price=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ShippingRate.objects.create(
            method=method, zone_kind="same_region", base_price=2, step_price=2
        )


@pytest.mark.django_db
def test_db_refuses_a_province_in_two_zones():
    north = ShippingZone.objects.create(name="Miền Bắc", slug="mien-bac")
    everywhere = ShippingZone.objects.create(name="Toàn quốc", slug="toan-quoc")
    north.provinces.add(HA_NOI)
    with pytest.raises(IntegrityError), transaction.atomic():
        everywhere.provinces.add(HA_NOI)


@pytest.mark.django_db
def test_db_refuses_min_days_after_max_days():
    with pytest.raises(IntegrityError), transaction.atomic():
        _method(min_delivery_days=5, max_delivery_days=2)
    method = _method()
    with pytest.raises(IntegrityError), transaction.atomic():
        ShippingRate.objects.create(
            method=method,
            zone_kind="same_province",
            base_price=1,
            step_price=1,
            min_delivery_days=3,
            max_delivery_days=None,
        )


@pytest.mark.django_db
def test_db_refuses_negative_free_threshold_and_unknown_type():
    with pytest.raises(IntegrityError), transaction.atomic():
        _method(free_shipping_threshold=Decimal(-1))
    with pytest.raises(IntegrityError), transaction.atomic():
        _method(type="teleport")


# --- seed --------------------------------------------------------------------------------------


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            ShippingZone,
            ShippingZoneProvince,
            ShippingMethod,
            ShippingMethodTranslation,
            ShippingRate,
        )
    )


@pytest.mark.django_db
def test_seed_shipping_is_idempotent():
    call_command("seed_shipping", stdout=StringIO())
    first = _counts()
    call_command("seed_shipping", stdout=StringIO())
    assert _counts() == first == (1, 34, 2, 2, 6)
    zone = ShippingZone.objects.get(slug="toan-quoc")
    assert zone.name == "Toàn quốc" and zone.provinces.count() == 34
    assert set(ShippingMethod.objects.values_list("name", flat=True)) == {"Tiêu chuẩn", "Nhanh"}
    assert set(ShippingMethodTranslation.objects.values_list("name", flat=True)) == {
        "Standard",
        "Express",
    }


@pytest.mark.django_db
def test_seed_shipping_keeps_staff_changes_unless_reset():
    call_command("seed_shipping", stdout=StringIO())
    ShippingRate.objects.filter(method__slug="tieu-chuan", zone_kind="same_province").update(
        base_price=15_000
    )
    call_command("seed_shipping", stdout=StringIO())
    rate = ShippingRate.objects.get(method__slug="tieu-chuan", zone_kind="same_province")
    assert rate.base_price == 15_000
    call_command("seed_shipping", "--reset", stdout=StringIO())
    rate.refresh_from_db()
    assert rate.base_price == 20_000
    assert _counts() == (1, 34, 2, 2, 6)


def test_shipping_admin_pages_render(seeded, admin_client):
    zone = ShippingZone.objects.get(slug="toan-quoc")
    method = seeded["tieu-chuan"]
    for url in (
        "/admin/orders/shippingzone/",
        f"/admin/orders/shippingzone/{zone.pk}/change/",
        "/admin/orders/shippingmethod/",
        f"/admin/orders/shippingmethod/{method.pk}/change/",
    ):
        assert admin_client.get(url).status_code == 200, url
