"""Load the default shipping zone, methods and rates (demo estimates from ``shipping_data``).

Idempotent: it creates what is missing and leaves what staff have changed, unless ``--reset``
puts the default methods, rates and translations back. Provinces already in another zone stay
there (a province belongs to at most one zone).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from orders.models import (
    ShippingMethod,
    ShippingMethodTranslation,
    ShippingRate,
    ShippingZone,
    ShippingZoneProvince,
)
from orders.shipping_data import DEFAULT_METHODS, DEFAULT_ZONE
from shop.models import Province


class Command(BaseCommand):
    help = "Create the nationwide shipping zone and the default methods (Tiêu chuẩn, Nhanh)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Overwrite the default methods' settings, rates and translations.",
        )

    @transaction.atomic
    def handle(self, *args: Any, reset: bool = False, **options: Any) -> None:
        zone, _ = ShippingZone.objects.get_or_create(
            slug=DEFAULT_ZONE["slug"], defaults={"name": DEFAULT_ZONE["name"]}
        )
        taken = set(ShippingZoneProvince.objects.values_list("province_id", flat=True))
        added = ShippingZoneProvince.objects.bulk_create(
            [
                ShippingZoneProvince(zone=zone, province_id=code)
                for code in Province.objects.order_by("code").values_list("code", flat=True)
                if code not in taken
            ]
        )
        created = [spec["slug"] for spec in DEFAULT_METHODS if _seed_method(spec, zone, reset)]
        self.stdout.write(
            f"seed_shipping: zone {zone.slug} (+{len(added)} provinces), "
            f"methods created: {', '.join(created) or 'none'}"
            + (" (defaults reset)" if reset else "")
        )


def _seed_method(spec: dict[str, Any], zone: ShippingZone, reset: bool) -> bool:
    fields = {
        key: spec[key]
        for key in (
            "name",
            "type",
            "min_delivery_days",
            "max_delivery_days",
            "free_shipping_threshold",
            "allows_perishable",
            "max_weight_grams",
            "sort_order",
        )
    }
    write = (
        ShippingMethod.objects.update_or_create if reset else ShippingMethod.objects.get_or_create
    )
    method, created = write(slug=spec["slug"], defaults=fields)
    if created or reset:
        method.zones.add(zone)
    write_translation = (
        ShippingMethodTranslation.objects.update_or_create
        if reset
        else ShippingMethodTranslation.objects.get_or_create
    )
    write_translation(method=method, language_code="en", defaults={"name": spec["name_en"]})
    write_rate = (
        ShippingRate.objects.update_or_create if reset else ShippingRate.objects.get_or_create
    )
    for kind, (base, step, fragile, min_days, max_days) in spec["rates"].items():
        write_rate(
            method=method,
            zone_kind=kind,
            defaults={
                "base_price": base,
                "step_price": step,
                "fragile_surcharge": fragile,
                "min_delivery_days": min_days,
                "max_delivery_days": max_days,
            },
        )
    return created
