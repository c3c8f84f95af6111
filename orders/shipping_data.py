"""Shipping reference data: the region of each province and the demo default rates.

Regions follow the common carrier split (GHN / GHTK: Bắc / Trung / Nam), applied to the 34
provinces in force since 1 July 2025. Carriers publish no official post-2025 table, so this split
is an **assumption kept in this one place**: the North Central Coast (Thanh Hóa, Nghệ An,
Hà Tĩnh) counts as "central", and so do the Central Highlands (Gia Lai, Đắk Lắk, Lâm Đồng,
which now also take in the former Bình Định, Phú Yên, Đắk Nông and Bình Thuận).

The rates are **demo estimates** in the range of published carrier tariffs (late 2025), not a
carrier's price list; staff edit the real ones in the admin. ``seed_shipping`` loads them.
Amounts are whole VND; weights in grams.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

NORTH: Final = "north"
CENTRAL: Final = "central"
SOUTH: Final = "south"

# Province code (shop.Province pk, official post-2025 code) → region.
PROVINCE_REGIONS: Final[dict[int, str]] = {
    # Bắc Bộ
    1: NORTH,  # Thành phố Hà Nội
    4: NORTH,  # Cao Bằng
    8: NORTH,  # Tuyên Quang
    11: NORTH,  # Điện Biên
    12: NORTH,  # Lai Châu
    14: NORTH,  # Sơn La
    15: NORTH,  # Lào Cai
    19: NORTH,  # Thái Nguyên
    20: NORTH,  # Lạng Sơn
    22: NORTH,  # Quảng Ninh
    24: NORTH,  # Bắc Ninh
    25: NORTH,  # Phú Thọ
    31: NORTH,  # Thành phố Hải Phòng
    33: NORTH,  # Hưng Yên
    37: NORTH,  # Ninh Bình
    # Trung Bộ and Tây Nguyên
    38: CENTRAL,  # Thanh Hóa
    40: CENTRAL,  # Nghệ An
    42: CENTRAL,  # Hà Tĩnh
    44: CENTRAL,  # Quảng Trị
    46: CENTRAL,  # Thành phố Huế
    48: CENTRAL,  # Thành phố Đà Nẵng
    51: CENTRAL,  # Quảng Ngãi
    52: CENTRAL,  # Gia Lai (Tây Nguyên, with former Bình Định)
    56: CENTRAL,  # Khánh Hòa
    66: CENTRAL,  # Đắk Lắk (Tây Nguyên, with former Phú Yên)
    68: CENTRAL,  # Lâm Đồng (Tây Nguyên, with former Đắk Nông and Bình Thuận)
    # Nam Bộ
    75: SOUTH,  # Đồng Nai
    79: SOUTH,  # Thành phố Hồ Chí Minh
    80: SOUTH,  # Tây Ninh
    82: SOUTH,  # Đồng Tháp
    86: SOUTH,  # Vĩnh Long
    91: SOUTH,  # An Giang
    92: SOUTH,  # Thành phố Cần Thơ
    96: SOUTH,  # Cà Mau
}

# Weighing rules shared by the common carriers.
BASE_WEIGHT_GRAMS: Final = 500  # covered by a rate's base price
STEP_WEIGHT_GRAMS: Final = 500  # each further step, or part of one, costs step_price
# Volumetric weight: L×W×H in cm³ / 5000 = kg. In millimetres, the same divisor gives grams:
# (mm³ / 1000) / 5000 kg = mm³ / 5000 / 1000 kg = mm³ / 5000 g.
VOLUMETRIC_DIVISOR: Final = 5000

# The currency the rates are written in.
RATE_CURRENCY: Final = "VND"

# Default methods for ``seed_shipping``. Days per route narrow the method's advertised range;
# a quote takes the slowest parcel's. Express prices are about 1.6× standard, rounded to
# 1.000 ₫. Only express takes perishable goods (and ``orders.shipping`` keeps those in-region).
DEFAULT_ZONE: Final = {"slug": "toan-quoc", "name": "Toàn quốc"}

DEFAULT_METHODS: Final[list[dict]] = [
    {
        "slug": "tieu-chuan",
        "name": "Tiêu chuẩn",
        "name_en": "Standard",
        "type": "standard",
        "min_delivery_days": 2,
        "max_delivery_days": 5,
        "free_shipping_threshold": Decimal(500_000),
        "allows_perishable": False,
        "max_weight_grams": 30_000,
        "sort_order": 0,
        "rates": {
            # zone_kind: (base_price, step_price, fragile_surcharge, min_days, max_days)
            "same_province": (Decimal(20_000), Decimal(5_000), Decimal(10_000), 2, 3),
            "same_region": (Decimal(30_000), Decimal(8_000), Decimal(10_000), 3, 4),
            "cross_region": (Decimal(38_000), Decimal(10_000), Decimal(10_000), 3, 5),
        },
    },
    {
        "slug": "nhanh",
        "name": "Nhanh",
        "name_en": "Express",
        "type": "express",
        "min_delivery_days": 1,
        "max_delivery_days": 4,
        "free_shipping_threshold": None,
        "allows_perishable": True,
        "max_weight_grams": 20_000,
        "sort_order": 1,
        "rates": {
            "same_province": (Decimal(32_000), Decimal(8_000), Decimal(10_000), 1, 2),
            "same_region": (Decimal(48_000), Decimal(13_000), Decimal(10_000), 2, 3),
            "cross_region": (Decimal(61_000), Decimal(16_000), Decimal(10_000), 2, 4),
        },
    },
]
