"""Delivery prices: chargeable weight, route (zone kind) and per-producer parcels.

Each producer ships its own goods from its own province, so a cart becomes one parcel per
producer (strictly: per producer and origin province) and a method's price is the sum of its
parcels' prices, each shown on its own. Per parcel:

- chargeable weight = Σ items' max(actual, volumetric) weight (L×W×H cm³ / 5000 = kg);
- price = base (first 500 g) + step × each further 500 g or part + fragile surcharge, from the
  method's rate for the parcel's route (same province / same region / cross region);
- free when *that parcel's* goods total reaches the method's threshold: the threshold is per
  parcel because each producer pays its own carrier, so a 500.000 ₫ cart split over three
  producers does not make three parcels free;
- a parcel over the method's weight limit, or holding perishable goods the method may not carry
  (only methods with ``allows_perishable``, and never across regions), makes the method
  unavailable for the cart, with the reason in Vietnamese (translatable) for the API to show.

Pure functions over ``ParcelItem`` values; the only queries are the method selectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shop.money import Money

from .models import ShippingMethod, ShippingMethodTranslation, ShippingRate, ZoneKind
from .shipping_data import (
    BASE_WEIGHT_GRAMS,
    PROVINCE_REGIONS,
    RATE_CURRENCY,
    STEP_WEIGHT_GRAMS,
    VOLUMETRIC_DIVISOR,
)

# Perishable goods (fresh fruit, vegetables) must arrive within a day or two: never ship them
# between regions, whatever the method.
PERISHABLE_ZONE_KINDS: frozenset[str] = frozenset(
    {ZoneKind.SAME_PROVINCE.value, ZoneKind.SAME_REGION.value}
)


@dataclass(frozen=True, slots=True)
class ParcelItem:
    """One checkout line as shipping sees it. Dimensions may be unknown (``None``)."""

    producer_id: int
    producer_name: str
    origin_province: int
    variant_id: int
    weight_grams: int
    length_mm: int | None
    width_mm: int | None
    height_mm: int | None
    quantity: int
    unit_price: Money
    is_fragile: bool
    is_perishable: bool


@dataclass(frozen=True, slots=True)
class Parcel:
    """The goods one producer ships from one province, priced for one method."""

    producer_id: int
    producer_name: str
    origin_province: int
    zone_kind: str
    items: list[ParcelItem]
    weight_grams: int
    chargeable_weight_grams: int
    goods_total: Money
    price: Money
    is_free: bool


@dataclass(frozen=True, slots=True)
class DeliveryQuote:
    """A method's offer for a cart.

    Available: ``total`` is the sum of the parcels' prices and the days are the slowest
    parcel's. Unavailable: ``reason`` says why, ``parcels`` is empty and ``total`` is zero.
    """

    method: ShippingMethod
    parcels: list[Parcel]
    total: Money
    min_days: int
    max_days: int
    available: bool
    reason: str | None


class _Unavailable(Exception):
    """A method cannot carry this cart; the message is shown to the buyer."""


def chargeable_weight_grams(
    *,
    weight_grams: int,
    length_mm: int | None,
    width_mm: int | None,
    height_mm: int | None,
    quantity: int,
) -> int:
    """Weight a carrier bills for ``quantity`` items: max(actual, volumetric), in grams.

    Volumetric weight is L×W×H in cm³ / 5000 = kg, i.e. L×W×H in mm³ / 5000 = grams, rounded up
    to a whole gram per item. Without all three dimensions only the actual weight counts.
    """
    if quantity < 0 or weight_grams < 0:
        raise ValueError("weight and quantity must not be negative")
    volumetric = 0
    if length_mm and width_mm and height_mm:
        volumetric = -(-(length_mm * width_mm * height_mm) // VOLUMETRIC_DIVISOR)  # ceil
    return max(weight_grams, volumetric) * quantity


def province_region(province: int) -> str:
    """The carrier region (north / central / south) of a post-2025 province code."""
    try:
        return PROVINCE_REGIONS[int(province)]
    except KeyError:
        raise ValueError(f"unknown province code {province!r}") from None


def zone_kind(*, origin_province: int, destination_province: int) -> str:
    """Route of a parcel: ``same_province``, ``same_region`` or ``cross_region`` (ZoneKind)."""
    origin_region = province_region(origin_province)
    destination_region = province_region(destination_province)
    # Plain strings (not enum members): they key dicts of rates read from the database.
    if int(origin_province) == int(destination_province):
        return ZoneKind.SAME_PROVINCE.value
    if origin_region == destination_region:
        return ZoneKind.SAME_REGION.value
    return ZoneKind.CROSS_REGION.value


def shipping_method_get(*, pk: int | str) -> ShippingMethod | None:
    """The method with ``pk`` (active or not), with rates and translations; ``None`` if none."""
    try:
        key = int(pk)
    except (TypeError, ValueError):
        return None
    return _methods().filter(pk=key).first()


def shipping_methods_for_province(*, province: int) -> QuerySet[ShippingMethod]:
    """Active methods that deliver to ``province`` (one of their zones holds it)."""
    return (
        _methods()
        .filter(is_active=True, zones__memberships__province_id=province)
        .distinct()
        .order_by("sort_order", "pk")
    )


def _methods() -> QuerySet[ShippingMethod]:
    return ShippingMethod.objects.prefetch_related(
        Prefetch("rates", queryset=ShippingRate.objects.order_by("pk")),
        Prefetch("translations", queryset=ShippingMethodTranslation.objects.order_by("pk")),
    )


def delivery_quotes(
    *, items: list[ParcelItem], destination_province: int, currency: str = RATE_CURRENCY
) -> list[DeliveryQuote]:
    """Quote every active method that delivers to ``destination_province``.

    Methods that cannot carry this cart come back with ``available=False`` and a reason.
    No quotes when the cart is empty, when no zone holds the province, or when ``currency`` is
    not the one rates are written in (VND).
    """
    if not items or currency != RATE_CURRENCY:
        return []
    groups = _group_by_origin(items)
    return [
        _quote(method, groups, int(destination_province), currency)
        for method in shipping_methods_for_province(province=destination_province)
    ]


def _group_by_origin(items: list[ParcelItem]) -> list[list[ParcelItem]]:
    # One parcel per producer; a producer shipping from two provinces makes two parcels.
    groups: dict[tuple[int, int], list[ParcelItem]] = {}
    for item in items:
        groups.setdefault((item.producer_id, int(item.origin_province)), []).append(item)
    return list(groups.values())


def _quote(
    method: ShippingMethod, groups: list[list[ParcelItem]], destination: int, currency: str
) -> DeliveryQuote:
    rates = {rate.zone_kind: rate for rate in method.rates.all()}
    try:
        priced = [_parcel(method, rates, group, destination, currency) for group in groups]
    except _Unavailable as unavailable:
        return DeliveryQuote(
            method=method,
            parcels=[],
            total=Money(Decimal(0), currency),
            min_days=method.min_delivery_days,
            max_days=method.max_delivery_days,
            available=False,
            reason=str(unavailable),
        )
    parcels = [parcel for parcel, _ignored in priced]
    total = sum((parcel.price for parcel in parcels), Money(Decimal(0), currency))
    return DeliveryQuote(
        method=method,
        parcels=parcels,
        total=total,
        min_days=max(_days(method, rate)[0] for _ignored, rate in priced),
        max_days=max(_days(method, rate)[1] for _ignored, rate in priced),
        available=True,
        reason=None,
    )


def _days(method: ShippingMethod, rate: ShippingRate) -> tuple[int, int]:
    if rate.min_delivery_days is None or rate.max_delivery_days is None:
        return method.min_delivery_days, method.max_delivery_days
    return rate.min_delivery_days, rate.max_delivery_days


def _parcel(
    method: ShippingMethod,
    rates: dict[str, ShippingRate],
    items: list[ParcelItem],
    destination: int,
    currency: str,
) -> tuple[Parcel, ShippingRate]:
    first = items[0]
    kind = zone_kind(origin_province=first.origin_province, destination_province=destination)
    weight = sum(item.weight_grams * item.quantity for item in items)
    chargeable = sum(
        chargeable_weight_grams(
            weight_grams=item.weight_grams,
            length_mm=item.length_mm,
            width_mm=item.width_mm,
            height_mm=item.height_mm,
            quantity=item.quantity,
        )
        for item in items
    )
    _check_can_carry(method, items, kind, chargeable, rates)
    rate = rates[kind]
    goods_total = sum(
        (item.unit_price * item.quantity for item in items), Money(Decimal(0), currency)
    )
    threshold = method.free_shipping_threshold
    is_free = threshold is not None and goods_total.amount >= threshold
    price = Money(Decimal(0), currency) if is_free else _price(rate, chargeable, items, currency)
    parcel = Parcel(
        producer_id=first.producer_id,
        producer_name=first.producer_name,
        origin_province=int(first.origin_province),
        zone_kind=kind,
        items=list(items),
        weight_grams=weight,
        chargeable_weight_grams=chargeable,
        goods_total=goods_total,
        price=price,
        is_free=is_free,
    )
    return parcel, rate


def _price(rate: ShippingRate, chargeable: int, items: list[ParcelItem], currency: str) -> Money:
    over = max(0, chargeable - BASE_WEIGHT_GRAMS)
    steps = -(-over // STEP_WEIGHT_GRAMS)  # each further step or part of one
    amount = rate.base_price + rate.step_price * steps
    if any(item.is_fragile for item in items):
        amount += rate.fragile_surcharge
    return Money(amount, currency)


def _check_can_carry(
    method: ShippingMethod,
    items: list[ParcelItem],
    kind: str,
    chargeable: int,
    rates: dict[str, ShippingRate],
) -> None:
    name, producer = _method_name(method), items[0].producer_name
    if any(item.is_perishable for item in items):
        if not method.allows_perishable:
            raise _Unavailable(
                _(
                    "Kiện hàng của %(producer)s có hàng tươi dễ hỏng; phương thức "
                    "“%(method)s” không nhận loại hàng này."
                )
                % {"producer": producer, "method": name}
            )
        if kind not in PERISHABLE_ZONE_KINDS:
            raise _Unavailable(
                _(
                    "Kiện hàng của %(producer)s có hàng tươi dễ hỏng, chỉ giao được trong "
                    "cùng miền với nơi sản xuất."
                )
                % {"producer": producer}
            )
    if method.max_weight_grams is not None and chargeable > method.max_weight_grams:
        raise _Unavailable(
            _(
                "Kiện hàng của %(producer)s nặng %(weight)s g (tính cước), vượt giới hạn "
                "%(limit)s g của phương thức “%(method)s”."
            )
            % {
                "producer": producer,
                "weight": _grams(chargeable),
                "limit": _grams(method.max_weight_grams),
                "method": name,
            }
        )
    if kind not in rates:
        raise _Unavailable(
            _("Phương thức “%(method)s” chưa có giá cho tuyến giao kiện hàng của %(producer)s.")
            % {"method": name, "producer": producer}
        )


def _method_name(method: ShippingMethod) -> str:
    """The method's name in the active language (Vietnamese is the stored name)."""
    language = (get_language() or "vi").split("-")[0]
    for translation in method.translations.all():
        if translation.language_code == language and translation.name:
            return translation.name
    return method.name


def _grams(value: int) -> str:
    return f"{value:,}".replace(",", ".")
