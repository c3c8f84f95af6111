"""Aliases for Vietnam's administrative divisions: pre-reform names that still reach buyers.

Source: Resolution 202/2025/QH15 (63 provinces merged into 34 from 1 July 2025). The ward list
itself comes from the ``vietnam-provinces`` package; only names it does not carry are here.
Ward aliases cover the reference district (former Lạc Dương, Lâm Đồng) and are the team's best
reading of the merger; correct them here and reload with a data migration if a source says
otherwise (DOMAIN.md: uncertain facts live in one place).
"""

# Former province (or common short name) -> current province code.
PROVINCE_ALIASES: dict[str, int] = {
    # Unchanged provinces: short and informal names.
    "Hà Nội": 1,
    "TP Hà Nội": 1,
    "Huế": 46,
    "Thừa Thiên Huế": 46,
    "Thừa Thiên - Huế": 46,
    "Hồ Chí Minh": 79,
    "TP Hồ Chí Minh": 79,
    "TP HCM": 79,
    "TPHCM": 79,
    "HCM": 79,
    "Sài Gòn": 79,
    "Đà Nẵng": 48,
    "Hải Phòng": 31,
    "Cần Thơ": 92,
    # Merged into another province on 1 July 2025.
    "Hà Giang": 8,
    "Yên Bái": 15,
    "Bắc Kạn": 19,
    "Vĩnh Phúc": 25,
    "Hòa Bình": 25,
    "Hoà Bình": 25,
    "Bắc Giang": 24,
    "Thái Bình": 33,
    "Hải Dương": 31,
    "Hà Nam": 37,
    "Nam Định": 37,
    "Quảng Bình": 44,
    "Quảng Nam": 48,
    "Kon Tum": 51,
    "Bình Định": 52,
    "Ninh Thuận": 56,
    "Đắk Nông": 68,
    "Đăk Nông": 68,
    "Bình Thuận": 68,
    "Phú Yên": 66,
    "Bình Dương": 79,
    "Bà Rịa - Vũng Tàu": 79,
    "Bà Rịa Vũng Tàu": 79,
    "Vũng Tàu": 79,
    "Bình Phước": 75,
    "Long An": 80,
    "Sóc Trăng": 92,
    "Hậu Giang": 92,
    "Bến Tre": 86,
    "Trà Vinh": 86,
    "Tiền Giang": 82,
    "Bạc Liêu": 96,
    "Kiên Giang": 91,
}

# (former ward/commune/town name, current province code, current ward name)
WARD_ALIASES: list[tuple[str, int, str]] = [
    ("Thị trấn Lạc Dương", 68, "Phường Lang Biang - Đà Lạt"),
    ("Xã Lát", 68, "Phường Lang Biang - Đà Lạt"),
    ("Xã Đạ Sar", 68, "Xã Lạc Dương"),
    ("Xã Đạ Nhim", 68, "Xã Lạc Dương"),
    ("Xã Đạ Chais", 68, "Xã Lạc Dương"),
    ("Xã Đưng K'Nớ", 68, "Xã Đam Rông 4"),
    ("Huyện Lạc Dương", 68, "Xã Lạc Dương"),
]
