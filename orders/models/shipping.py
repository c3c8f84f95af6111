"""Shipping: zones of provinces, delivery methods and their weight/zone rates.

A zone says *where* a method delivers (its destination provinces); a province sits in at most
one zone. Prices do not depend on the zone but on the *zone kind* of each parcel's route
(same province / same region / cross region), computed from the origin and destination
provinces by ``orders.shipping``. Amounts are whole VND (``decimal_places=0``).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

_AMOUNT = {"max_digits": 12, "decimal_places": 0}


class ShippingMethodType(models.TextChoices):
    STANDARD = "standard", _("Tiêu chuẩn")
    EXPRESS = "express", _("Nhanh")


class ZoneKind(models.TextChoices):
    """The route of one parcel, cheapest first."""

    SAME_PROVINCE = "same_province", _("Nội tỉnh")
    SAME_REGION = "same_region", _("Nội miền")
    CROSS_REGION = "cross_region", _("Liên miền")


class ShippingZone(models.Model):
    name = models.CharField(_("tên"), max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    provinces = models.ManyToManyField(
        "shop.Province",
        through="ShippingZoneProvince",
        related_name="shipping_zones",
        blank=True,
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("vùng giao hàng")
        verbose_name_plural = _("vùng giao hàng")

    def __str__(self) -> str:
        return self.name


class ShippingZoneProvince(models.Model):
    """Membership of a province in a zone; the unique province keeps zones from overlapping."""

    zone = models.ForeignKey(ShippingZone, on_delete=models.CASCADE, related_name="memberships")
    province = models.ForeignKey("shop.Province", on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["zone", "province"]
        verbose_name = _("tỉnh trong vùng")
        verbose_name_plural = _("tỉnh trong vùng")
        constraints = [
            models.UniqueConstraint(fields=["province"], name="orders_zone_province_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.zone} – {self.province}"


class ShippingMethod(models.Model):
    name = models.CharField(_("tên"), max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    type = models.CharField(_("loại"), max_length=16, choices=ShippingMethodType.choices)
    zones = models.ManyToManyField(ShippingZone, related_name="methods", blank=True)
    # The method's advertised range; a rate may narrow it per zone kind.
    min_delivery_days = models.PositiveSmallIntegerField(_("giao sớm nhất (ngày)"))
    max_delivery_days = models.PositiveSmallIntegerField(_("giao muộn nhất (ngày)"))
    free_shipping_threshold = models.DecimalField(
        _("miễn phí giao từ (₫/kiện)"),
        null=True,
        blank=True,
        help_text=_(
            "Giá trị hàng của một kiện (một chủ thể) để được miễn phí giao; trống = không."
        ),
        **_AMOUNT,
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)
    allows_perishable = models.BooleanField(_("nhận hàng tươi dễ hỏng"), default=False)
    max_weight_grams = models.PositiveIntegerField(
        _("khối lượng tính cước tối đa mỗi kiện (g)"), null=True, blank=True
    )
    sort_order = models.PositiveIntegerField(default=0)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("phương thức giao hàng")
        verbose_name_plural = _("phương thức giao hàng")
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=ShippingMethodType.values), name="orders_method_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(min_delivery_days__lte=F("max_delivery_days")),
                name="orders_method_days_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(free_shipping_threshold__isnull=True)
                | Q(free_shipping_threshold__gte=0),
                name="orders_method_free_threshold_gte_0",
            ),
            models.CheckConstraint(
                condition=Q(max_weight_grams__isnull=True) | Q(max_weight_grams__gt=0),
                name="orders_method_max_weight_gt_0",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ShippingMethodTranslation(models.Model):
    method = models.ForeignKey(
        ShippingMethod, on_delete=models.CASCADE, related_name="translations"
    )
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["method", "language_code"], name="orders_method_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language_code})"


class ShippingRate(models.Model):
    """Price of one parcel by ``method`` on a route of ``zone_kind``.

    price = base_price (first 500 g) + step_price × each further 500 g or part
    + fragile_surcharge when the parcel holds a fragile item. Delivery days, when set,
    override the method's range for this route.
    """

    method = models.ForeignKey(ShippingMethod, on_delete=models.CASCADE, related_name="rates")
    zone_kind = models.CharField(_("tuyến"), max_length=16, choices=ZoneKind.choices)
    base_price = models.DecimalField(_("giá 500 g đầu (₫)"), **_AMOUNT)
    step_price = models.DecimalField(_("mỗi 500 g tiếp theo (₫)"), **_AMOUNT)
    fragile_surcharge = models.DecimalField(_("phụ phí hàng dễ vỡ (₫/kiện)"), default=0, **_AMOUNT)
    min_delivery_days = models.PositiveSmallIntegerField(null=True, blank=True)
    max_delivery_days = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["method", "pk"]
        verbose_name = _("biểu giá giao hàng")
        verbose_name_plural = _("biểu giá giao hàng")
        constraints = [
            models.UniqueConstraint(fields=["method", "zone_kind"], name="orders_rate_unique"),
            models.CheckConstraint(
                condition=Q(zone_kind__in=ZoneKind.values), name="orders_rate_zone_kind_valid"
            ),
            models.CheckConstraint(condition=Q(base_price__gte=0), name="orders_rate_base_gte_0"),
            models.CheckConstraint(condition=Q(step_price__gte=0), name="orders_rate_step_gte_0"),
            models.CheckConstraint(
                condition=Q(fragile_surcharge__gte=0), name="orders_rate_fragile_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(min_delivery_days__isnull=True, max_delivery_days__isnull=True)
                | Q(
                    min_delivery_days__isnull=False,
                    max_delivery_days__isnull=False,
                    min_delivery_days__lte=F("max_delivery_days"),
                ),
                name="orders_rate_days_both_or_none_min_lte_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.method} – {self.get_zone_kind_display()}"
