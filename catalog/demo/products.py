"""DEMO DATA: the 43 certified products of the Lạc Dương demonstration catalogue (27 at 3★,
16 at 4★, as reported for the district in July 2023), the hidden products that exercise the
visibility rules, and the OCOP recognition decisions behind their certificates.

Invented for demonstration: decision, certificate and SKU numbers are made up; prices are
estimates from DOMAIN.md's demo ranges. Dates are chosen so that every certified product's
certificate (36 months) is valid on 2026-11-28 and until at least mid-2027.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from .products_coffee import COFFEE_PRODUCTS
from .products_fruit import FRUIT_PRODUCTS
from .products_highland import HIGHLAND_PRODUCTS

PRODUCTS: list[dict[str, Any]] = [*COFFEE_PRODUCTS, *FRUIT_PRODUCTS, *HIGHLAND_PRODUCTS]

DISTRICT_ISSUER = "UBND huyện Lạc Dương"
PROVINCE_ISSUER = "UBND tỉnh Lâm Đồng"

# (decision number, decision/issue date). Under Decision 148 the district recognised 3★ and the
# province 4★ until July 2025; certificates stay valid after the district was abolished.
DISTRICT_DECISIONS: list[tuple[str, datetime.date]] = [
    ("1520/QĐ-UBND", datetime.date(2024, 8, 20)),
    ("2105/QĐ-UBND", datetime.date(2024, 12, 18)),
    ("845/QĐ-UBND", datetime.date(2025, 5, 22)),
]
PROVINCE_DECISIONS: list[tuple[str, datetime.date]] = [
    ("1876/QĐ-UBND", datetime.date(2024, 9, 10)),
    ("2310/QĐ-UBND", datetime.date(2025, 11, 5)),
    ("615/QĐ-UBND", datetime.date(2026, 3, 20)),
]


@dataclass(frozen=True)
class CertificatePlan:
    stars: int
    score: int
    certificate_number: str
    decision_number: str
    decision_date: datetime.date
    issuer: str
    issuer_level: str
    issued_on: datetime.date
    is_potential_five_star: bool = False
    outcome: str = "verified"  # verified | pending | rejected
    reject_reason: str = ""


def certificate_plans() -> dict[str, CertificatePlan]:
    """Certificate of each certified product, by product slug. Products are spread over the
    decisions in list order; numbers run per decision, so they are stable between runs."""
    plans: dict[str, CertificatePlan] = {}
    counters: dict[str, int] = {}
    seen = {3: 0, 4: 0}
    for data in PRODUCTS:
        stars = data["stars"]
        if stars == 3:
            decisions, issuer, level, prefix = DISTRICT_DECISIONS, DISTRICT_ISSUER, "district", "LD"
        else:
            decisions, issuer, level, prefix = (
                PROVINCE_DECISIONS,
                PROVINCE_ISSUER,
                "province",
                "LDG",
            )
        decision_number, day = decisions[seen[stars] % len(decisions)]
        seen[stars] += 1
        counters[decision_number] = counters.get(decision_number, 0) + 1
        plans[data["slug"]] = CertificatePlan(
            stars=stars,
            score=data["score"],
            certificate_number=(
                f"OCOP-{prefix}-{day.year}-{decision_number.split('/')[0]}-"
                f"{counters[decision_number]:02d}"
            ),
            decision_number=decision_number,
            decision_date=day,
            issuer=issuer,
            issuer_level=level,
            issued_on=day,
            is_potential_five_star=data.get("potential_five", False),
        )
    return plans


# Products that must never appear in public queries (slugs start with ``demo-hidden-``). They
# are full products (variants, prices, stock, a listing) so only the certificate or the listing
# keeps them out. ``published`` False leaves the channel listing unpublished.
HIDDEN_PRODUCTS: list[dict[str, Any]] = [
    {
        "slug": "demo-hidden-tra-atiso-do-cho-xac-minh",
        "name": "Trà atiso đỏ túi lọc Lang Biang",
        "name_en": "Lang Biang red artichoke tea bags",
        "producer": "cong-ty-cp-atiso-lang-biang",
        "category": "che-tra",
        "shape": "box",
        "label": "Atiso đỏ",
        "published": True,
        "hidden_reason": "Giấy chứng nhận đang chờ xác minh.",
        "desc": ["Trà hoa atiso đỏ (bụp giấm) túi lọc; giấy chứng nhận OCOP đang chờ xác minh."],
        "desc_en": ["Roselle tea bags; the OCOP certificate awaits verification."],
        "storage": ("Bảo quản nơi khô ráo.", "Keep dry."),
        "variants": [
            (
                "LD-HIDDEN-TRA-ATISODO-H20",
                "Hộp 20 túi",
                "Box of 20 bags",
                70,
                (160, 70, 90),
                60_000,
                50,
            ),
        ],
        "certificate": CertificatePlan(
            stars=3,
            score=55,
            certificate_number="OCOP-LDG-2026-1190-01",
            decision_number="1190/QĐ-UBND",
            decision_date=datetime.date(2026, 9, 15),
            issuer=PROVINCE_ISSUER,
            issuer_level="province",
            issued_on=datetime.date(2026, 9, 15),
            outcome="pending",
        ),
    },
    {
        "slug": "demo-hidden-mut-dau-tam-het-han",
        "name": "Mứt dâu tằm Đạ Nghịt",
        "name_en": "Da Nghit mulberry jam",
        "producer": "hkd-dau-tay-da-nghit",
        "category": "thuc-pham-che-bien",
        "shape": "jar",
        "label": "Dâu tằm",
        "published": True,
        "hidden_reason": "Giấy chứng nhận đã quá 36 tháng (hết hiệu lực), chưa đánh giá lại.",
        "fragile": True,
        "desc": ["Mứt dâu tằm; giấy chứng nhận OCOP đã hết hiệu lực, đang chờ đánh giá lại."],
        "desc_en": ["Mulberry jam; its OCOP certificate has expired and awaits re-evaluation."],
        "storage": ("Bảo quản nơi khô mát.", "Keep cool and dry."),
        "variants": [
            ("LD-HIDDEN-MUT-DAUTAM-250G", "Hũ 250g", "250 g jar", 430, (80, 80, 95), 65_000, 20),
        ],
        # Issued more than 36 months before 2026-11-28: verified, but past its validity.
        "certificate": CertificatePlan(
            stars=3,
            score=52,
            certificate_number="OCOP-LD-2023-640-01",
            decision_number="640/QĐ-UBND",
            decision_date=datetime.date(2023, 5, 15),
            issuer=DISTRICT_ISSUER,
            issuer_level="district",
            issued_on=datetime.date(2023, 5, 15),
        ),
    },
    {
        "slug": "demo-hidden-ruou-ngo-bi-tu-choi",
        "name": "Rượu ngô men lá Đưng K'Nớ",
        "name_en": "Dung K'No leaf-yeast corn liquor",
        "producer": "csx-ruou-can-dung-k-no",
        "category": "do-uong-co-con",
        "shape": "bottle",
        "label": "Rượu ngô",
        "published": True,
        "hidden_reason": "Giấy chứng nhận bị từ chối khi xác minh.",
        "fragile": True,
        "desc": ["Rượu ngô men lá; giấy chứng nhận OCOP bị từ chối khi xác minh."],
        "desc_en": ["Leaf-yeast corn liquor; its OCOP certificate was rejected at verification."],
        "storage": ("Để nơi thoáng mát.", "Keep in a cool place."),
        "variants": [
            (
                "LD-HIDDEN-RUOUNGO-500ML",
                "Chai 500ml",
                "500 ml bottle",
                900,
                (75, 75, 240),
                150_000,
                30,
            ),
        ],
        "certificate": CertificatePlan(
            stars=3,
            score=51,
            certificate_number="OCOP-LD-2025-845-99",
            decision_number="845/QĐ-UBND",
            decision_date=datetime.date(2025, 5, 22),
            issuer=DISTRICT_ISSUER,
            issuer_level="district",
            issued_on=datetime.date(2025, 5, 22),
            outcome="rejected",
            reject_reason=(
                "Số giấy chứng nhận không có trong quyết định công nhận (dữ liệu trình diễn)."
            ),
        ),
    },
    {
        "slug": "demo-hidden-ca-phe-typica-chua-dang-ban",
        "name": "Cà phê Arabica Typica Chư Mui",
        "name_en": "Chu Mui Typica Arabica coffee",
        "producer": "htx-ca-phe-arabica-chu-mui",
        "category": "ca-phe-ca-cao",
        "shape": "bag",
        "label": "Typica",
        "published": False,
        "hidden_reason": "Đã chứng nhận nhưng chưa đăng bán trên kênh.",
        "desc": ["Cà phê Typica lô thử nghiệm; đã có chứng nhận nhưng chưa mở bán."],
        "desc_en": ["Trial-lot Typica coffee; certified but not yet on sale."],
        "storage": ("Bảo quản nơi khô ráo.", "Keep dry."),
        "variants": [
            ("LD-HIDDEN-CAPHE-TYPICA-250G", "250g", "250 g", 280, (90, 60, 200), 200_000, 10),
        ],
        "certificate": CertificatePlan(
            stars=4,
            score=72,
            certificate_number="OCOP-LDG-2026-615-99",
            decision_number="615/QĐ-UBND",
            decision_date=datetime.date(2026, 3, 20),
            issuer=PROVINCE_ISSUER,
            issuer_level="province",
            issued_on=datetime.date(2026, 3, 20),
        ),
    },
]
