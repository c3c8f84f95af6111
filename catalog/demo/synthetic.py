"""DEMO DATA: synthetic products for benchmarks (``seed_demo --products N``).

Invented, searchable Vietnamese-looking products ("Mật ong hoa cà phê Đạ Sar 1234") spread over
the demo producers and OCOP sub-groups, with 1–3 variants, 3★/4★/5★ verified certificates that
are valid today, prices (estimates in DOMAIN.md's demo ranges) and stock. Rows are written with
``bulk_create`` in batches, without services or signals; ``name_folded`` and ``search_document``
are computed exactly as ``catalog.services.product_search_document_refresh`` does. Slugs are
``synthetic-<n>`` and SKUs ``SYN-<n>-<k>``: a run tops the catalogue up to N synthetic products.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from catalog import services
from catalog.models import (
    Category,
    Certificate,
    CertificateStatus,
    Channel,
    Producer,
    Product,
    ProductChannelListing,
    ProductVariant,
    Stock,
    VariantChannelListing,
    Warehouse,
)
from catalog.services import certificate_valid_until_default
from shop.cache import catalogue_version_bump
from shop.text import fold

from .documents import DOCUMENT_TIME, EDITORJS_VERSION

SLUG_PREFIX = "synthetic-"

# Decision 1489/QĐ-TTg moved 3★ recognition from districts to provinces on this day.
DISTRICTS_ABOLISHED = datetime.date(2025, 7, 1)
# The agriculture ministry was renamed when it merged with the environment ministry.
MINISTRY_MERGED = datetime.date(2025, 3, 1)

PLACES = (
    "Lang Biang",
    "Lạc Dương",
    "Đạ Sar",
    "Đạ Nhim",
    "Đạ Chais",
    "Đưng K'Nớ",
    "Bon Đưng",
    "Bon Đơng",
    "Đạ Nghịt",
    "Păng Tiêng",
    "Đam Rông",
    "Liêng Trang",
    "Chư Mui",
    "Đà Lạt",
)


@dataclass(frozen=True)
class ProductType:
    category: str
    words: str
    varieties: tuple[str, ...]
    producers: tuple[str, ...]
    # (SKU part, variant name, weight g incl. packaging, lowest price ₫, highest price ₫)
    sizes: tuple[tuple[str, str, int, int, int], ...]
    fragile: bool = False
    perishable: bool = False


_COFFEE = ("tht-ca-phe-kho-bon-dung", "htx-ca-phe-arabica-chu-mui", "tht-ca-phe-dung-k-no")
_RASPBERRY = ("htx-phuc-bon-tu-lang-biang", "cong-ty-tnhh-vang-cao-nguyen-xanh")

TYPES: tuple[ProductType, ...] = (
    ProductType(
        "ca-phe-ca-cao",
        "Cà phê",
        ("Arabica rang xay", "Arabica nguyên hạt", "Arabica honey", "Culi rang mộc", "Typica"),
        _COFFEE,
        (
            ("250G", "250g", 280, 120_000, 250_000),
            ("500G", "500g", 540, 230_000, 450_000),
            ("1KG", "1kg", 1_060, 420_000, 800_000),
        ),
    ),
    ProductType(
        "ca-phe-ca-cao",
        "Cà phê túi lọc",
        ("Arabica", "Arabica rang mộc", "Culi"),
        _COFFEE,
        (("H10", "Hộp 10 gói", 180, 80_000, 110_000), ("H20", "Hộp 20 gói", 330, 120_000, 150_000)),
    ),
    ProductType(
        "che-tra",
        "Trà atiso",
        ("túi lọc", "bông sấy", "hòa tan", "rễ", "lá non"),
        ("cong-ty-cp-atiso-lang-biang",),
        (
            ("H20", "Hộp 20 túi", 70, 40_000, 70_000),
            ("H50", "Hộp 50 túi", 150, 90_000, 150_000),
            ("H100", "Hộp 100 túi", 280, 150_000, 180_000),
        ),
    ),
    ProductType(
        "nong-san-so-che",
        "Mật ong",
        ("hoa cà phê", "rừng", "hoa bạc hà", "hoa keo", "hoa nhãn"),
        ("htx-ong-mat-dam-rong",),
        (
            ("500ML", "Chai 500ml", 1_050, 150_000, 300_000),
            ("1L", "Chai 1 lít", 1_900, 280_000, 520_000),
        ),
        fragile=True,
    ),
    ProductType(
        "do-uong-co-con",
        "Rượu phúc bồn tử",
        ("ủ 6 tháng", "ủ 12 tháng", "vang ngọt", "vang khô"),
        _RASPBERRY,
        (
            ("750ML", "Chai 750ml", 1_400, 250_000, 450_000),
            ("375ML", "Chai 375ml", 780, 140_000, 240_000),
        ),
        fragile=True,
    ),
    ProductType(
        "nong-san-so-che",
        "Nấm hương",
        ("khô", "rừng", "đông cô", "chân ngắn"),
        ("htx-nam-huong-da-chais",),
        (
            ("100G", "Túi 100g", 140, 60_000, 120_000),
            ("250G", "Túi 250g", 300, 130_000, 250_000),
            ("500G", "Hộp 500g", 620, 220_000, 300_000),
        ),
    ),
    ProductType(
        "det-may",
        "Khăn thổ cẩm",
        ("K'Ho", "hoa văn cây thông", "nhuộm chàm", "hoa văn con suối", "dệt tay"),
        ("tht-det-tho-cam-kho-bon-dong",),
        (
            ("S", "Khổ 30x180cm", 220, 150_000, 500_000),
            ("L", "Khổ 50x200cm", 380, 400_000, 800_000),
        ),
    ),
    ProductType(
        "thuc-pham-che-bien",
        "Mứt",
        ("phúc bồn tử", "dâu tây", "dâu tằm", "hồng", "mận"),
        ("htx-phuc-bon-tu-lang-biang", "hkd-dau-tay-da-nghit"),
        (("200G", "Hũ 200g", 380, 60_000, 90_000), ("450G", "Hũ 450g", 720, 100_000, 150_000)),
        fragile=True,
    ),
    ProductType(
        "thuc-pham-che-bien",
        "Hồng",
        ("treo gió", "sấy dẻo", "sấy giòn"),
        ("cong-ty-tnhh-nong-san-lang-biang",),
        (("500G", "Hộp 500g", 650, 150_000, 250_000), ("1KG", "Hộp 1kg", 1_250, 280_000, 480_000)),
    ),
    ProductType(
        "nong-san-tuoi-song",
        "Dâu tây tươi",
        ("Nhật", "Mỹ Đá", "New Zealand", "Hàn Quốc"),
        ("hkd-dau-tay-da-nghit",),
        (("500G", "Hộp 500g", 600, 80_000, 130_000), ("1KG", "Hộp 1kg", 1_150, 150_000, 240_000)),
        perishable=True,
    ),
    ProductType(
        "nong-san-tuoi-song",
        "Rau thủy canh",
        ("xà lách", "cải kale", "cải bó xôi", "rau mầm"),
        ("htx-rau-thuy-canh-lac-duong",),
        (("300G", "Hộp 300g", 370, 30_000, 45_000), ("500G", "Hộp 500g", 580, 40_000, 60_000)),
        perishable=True,
    ),
    ProductType(
        "do-uong-co-con",
        "Rượu cần",
        ("men lá rừng", "gạo nương", "bắp"),
        ("csx-ruou-can-dung-k-no",),
        (
            ("2L", "Ché 2 lít", 3_500, 220_000, 320_000),
            ("5L", "Ché 5 lít", 7_500, 500_000, 700_000),
        ),
        fragile=True,
    ),
    ProductType(
        "thuc-pham-chuc-nang",
        "Sâm dây",
        ("sấy khô", "ngâm mật ong", "tươi"),
        ("hkd-sam-day-lang-biang",),
        (("100G", "Túi 100g", 140, 200_000, 300_000), ("250G", "Túi 250g", 310, 450_000, 650_000)),
    ),
)


class ProgressBar:
    """``[#####     ] 45,000/100,000 products (1,230/s)`` on one line, rewritten per batch."""

    def __init__(
        self, write: Callable[[str], None], total: int, *, label: str = "products", width: int = 30
    ) -> None:
        self.write, self.total, self.label, self.width = write, total, label, width
        self.started = time.monotonic()

    def update(self, done: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        filled = self.width if not self.total else int(self.width * done / self.total)
        bar = "#" * filled + " " * (self.width - filled)
        self.write(f"\r[{bar}] {done:,}/{self.total:,} {self.label} ({done / elapsed:,.0f}/s)")

    def finish(self) -> None:
        self.write("\n")


@dataclass
class _Context:
    channel: Channel
    today: datetime.date
    now: datetime.datetime
    categories: dict[str, Category]
    producers: dict[str, Producer]
    warehouses: dict[int, Warehouse]
    folded: dict[str, str]  # producer/category slug -> folded text for the search document
    fold_cache: dict[str, str] = field(default_factory=dict)

    def fold(self, text: str) -> str:
        """``shop.text.fold`` memoised: synthetic names repeat a few hundred word stems."""
        folded = self.fold_cache.get(text)
        if folded is None:
            folded = self.fold_cache[text] = fold(text)
        return folded


def _context() -> _Context:
    slugs = {slug for t in TYPES for slug in t.producers}
    producers = {p.slug: p for p in Producer.objects.filter(slug__in=slugs).select_related("ward")}
    missing = slugs - producers.keys()
    if missing:
        raise RuntimeError(f"demo producers missing (run seed_demo first): {sorted(missing)}")
    warehouses = {
        w.producer_id: w
        for w in Warehouse.objects.filter(slug__in=[f"{s}-kho" for s in slugs]).order_by("pk")
    }
    categories = {c.slug: c for c in Category.objects.filter(slug__in={t.category for t in TYPES})}
    folded = {slug: services.producer_search_text(p) for slug, p in producers.items()}
    folded |= {f"category:{slug}": fold(c.name) for slug, c in categories.items()}
    return _Context(
        channel=Channel.objects.get(slug=settings.DEFAULT_CHANNEL_SLUG),
        today=timezone.localdate(),
        now=timezone.now(),
        categories=categories,
        producers=producers,
        warehouses=warehouses,
        folded=folded,
    )


def synthetic_numbers_missing(target: int) -> list[int]:
    """The numbers to create so that ``target`` synthetic products exist (lowest free first)."""
    present: set[int] = set()
    for slug in Product.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True):
        suffix = slug[len(SLUG_PREFIX) :]
        if suffix.isdigit():
            present.add(int(suffix))
    needed = max(target - len(present), 0)
    numbers: list[int] = []
    n = 0
    while len(numbers) < needed:
        n += 1
        if n not in present:
            numbers.append(n)
    return numbers


def synthetic_products_load(
    *, target: int, batch_size: int = 1000, progress: ProgressBar | None = None
) -> int:
    """Top the catalogue up to ``target`` synthetic products; returns how many were added."""
    numbers = synthetic_numbers_missing(target)
    if not numbers:
        return 0
    context = _context()
    if progress is not None:
        progress.total = len(numbers)
        progress.update(0)
    done = 0
    for start in range(0, len(numbers), batch_size):
        batch = numbers[start : start + batch_size]
        _batch_create(batch, context)
        done += len(batch)
        if progress is not None:
            progress.update(done)
    if progress is not None:
        progress.finish()
    # bulk_create sends no signals: invalidate cached catalogue responses once, here.
    catalogue_version_bump()
    return done


@dataclass
class _Planned:
    product: Product
    variants: list[tuple[ProductVariant, Decimal, int]]
    certificate: Certificate


def _plan(n: int, context: _Context) -> _Planned:
    rng = random.Random(n)  # the same number always makes the same product
    kind = TYPES[n % len(TYPES)]
    variety = rng.choice(kind.varieties)
    place = rng.choice(PLACES)
    producer = context.producers[kind.producers[n % len(kind.producers)]]
    category = context.categories[kind.category]
    stem = f"{kind.words} {variety} {place}"
    name = f"{stem} {n}"
    sizes = kind.sizes[: rng.randint(1, len(kind.sizes))]
    skus = [f"SYN-{n}-{k}" for k in range(1, len(sizes) + 1)]
    tail = (
        f": sản phẩm tổng hợp của {producer.name}, vùng nguyên liệu {place}, dùng để "
        f"đo hiệu năng. Dữ liệu trình diễn, không phải sản phẩm thật."
    )
    text = name + tail
    # fold() works character by character and no piece has outer spaces, so folding the pieces
    # once each and joining them equals fold(text); a test compares the result with
    # product_search_document_refresh.
    name_folded = f"{context.fold(stem)} {n}"
    search_document = " ".join(
        part
        for part in [
            name_folded,
            context.folded[producer.slug],
            context.folded[f"category:{category.slug}"],
            " ".join(skus).lower(),
            (name_folded + context.fold(tail))[:2000],
        ]
        if part
    )
    product = Product(
        name=name,
        slug=f"{SLUG_PREFIX}{n}",
        description={
            "time": DOCUMENT_TIME,
            "blocks": [{"type": "paragraph", "data": {"text": text}}],
            "version": EDITORJS_VERSION,
        },
        description_plaintext=text,
        category=category,
        producer=producer,
        seo_title=name[:70],
        seo_description=text[:300],
        metadata={"synthetic": True},
        name_folded=name_folded,
        search_document=search_document,
    )
    variants = []
    for k, (sku, (_part, size_name, grams, low, high)) in enumerate(zip(skus, sizes, strict=True)):
        price = Decimal(low + rng.randint(0, (high - low) // 1000) * 1000)
        quantity = 0 if rng.random() < 0.03 else rng.randint(10, 200)
        variant = ProductVariant(
            sku=sku,
            name=size_name,
            weight_grams=grams,
            is_fragile=kind.fragile,
            is_perishable=kind.perishable,
            sort_order=k,
        )
        variants.append((variant, price, quantity))
    return _Planned(product, variants, _certificate(n, rng, context))


def _certificate(n: int, rng: random.Random, context: _Context) -> Certificate:
    roll = rng.random()
    stars = 3 if roll < 0.6 else 4 if roll < 0.94 else 5
    low, high = {3: (50, 69), 4: (70, 89), 5: (90, 100)}[stars]
    score = rng.randint(low, high)
    # Issued 20 days to ~33 months ago: inside the 36-month validity today.
    issued_on = context.today - datetime.timedelta(days=rng.randint(20, 1000))
    if stars == 5:
        ministry_after = issued_on >= MINISTRY_MERGED
        issuer = (
            "Bộ Nông nghiệp và Môi trường"
            if ministry_after
            else "Bộ Nông nghiệp và Phát triển nông thôn"
        )
        level, suffix = "central", "QĐ-BNNMT" if ministry_after else "QĐ-BNN-KTHT"
    elif stars == 3 and issued_on < DISTRICTS_ABOLISHED:
        issuer, level, suffix = "UBND huyện Lạc Dương", "district", "QĐ-UBND"
    else:
        issuer, level, suffix = "UBND tỉnh Lâm Đồng", "province", "QĐ-UBND"
    return Certificate(
        stars=stars,
        score=score,
        is_potential_five_star=stars == 4 and score >= 85 and rng.random() < 0.5,
        certificate_number=f"SYN-{n}",
        decision_number=f"{100 + n % 2900}/{suffix}",
        decision_date=issued_on,
        issuer=issuer,
        issuer_level=level,
        issued_on=issued_on,
        valid_until=certificate_valid_until_default(issued_on),
        status=CertificateStatus.VERIFIED,
        verified_at=context.now,
    )


def _batch_create(numbers: Iterable[int], context: _Context) -> None:
    planned = [_plan(n, context) for n in numbers]
    with transaction.atomic():
        products = Product.objects.bulk_create([p.product for p in planned])
        variants: list[ProductVariant] = []
        for plan, product in zip(planned, products, strict=True):
            plan.certificate.product = product
            for variant, _price, _quantity in plan.variants:
                variant.product = product
                variants.append(variant)
        ProductVariant.objects.bulk_create(variants)
        certificates = Certificate.objects.bulk_create([p.certificate for p in planned])
        # The badge pointer closes the Product <-> Certificate cycle: one UPDATE per batch.
        Product.objects.filter(pk__in=[p.pk for p in products]).update(
            current_certificate=Subquery(
                Certificate.objects.filter(
                    product=OuterRef("pk"), status=CertificateStatus.VERIFIED
                ).values("pk")[:1]
            )
        )
        for product, certificate in zip(products, certificates, strict=True):
            product.current_certificate = certificate
        _listings_create(planned, context)


def _listings_create(planned: list[_Planned], context: _Context) -> None:
    channel = context.channel
    product_listings: list[ProductChannelListing] = []
    variant_listings: list[VariantChannelListing] = []
    stocks: list[Stock] = []
    for plan in planned:
        warehouse = context.warehouses[plan.product.producer_id]
        product_listings.append(
            ProductChannelListing(
                product=plan.product,
                channel=channel,
                is_published=True,
                published_at=context.now,
                visible_in_listings=True,
                available_for_purchase_at=context.now,
                min_price_amount=min(price for _v, price, _q in plan.variants),
            )
        )
        for variant, price, quantity in plan.variants:
            variant_listings.append(
                VariantChannelListing(
                    variant=variant,
                    channel=channel,
                    currency=channel.currency_code,
                    price_amount=price,
                )
            )
            stocks.append(Stock(variant=variant, warehouse=warehouse, quantity=quantity))
    ProductChannelListing.objects.bulk_create(product_listings)
    VariantChannelListing.objects.bulk_create(variant_listings)
    Stock.objects.bulk_create(stocks)
