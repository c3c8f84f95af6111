"""Loads the DEMO DATA catalogue of ``catalog.demo`` through the catalogue services.

Idempotent: rows are keyed on slugs, SKUs and certificate numbers, and a part that already
exists is left alone (a second run neither duplicates nor overwrites: stock that orders have
used is not refilled, prices edited in the dashboard are not reset). Everything runs in one
transaction, so a failed run leaves nothing half-made in the database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalog import services
from catalog.models import (
    Category,
    Certificate,
    Channel,
    Producer,
    ProducerTranslation,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantTranslation,
    Stock,
    VariantChannelListing,
    Warehouse,
)
from shop.editorjs import render_html, sanitise_document
from shop.models import Province, Ward

from . import DEMO_NOTE_EN, DEMO_NOTE_VI, images
from .content import CATEGORY_BACKGROUNDS, DEFAULT_BACKGROUND
from .documents import Blocks, editorjs_document
from .producers import PRODUCERS, PROVINCE_CODE
from .products import HIDDEN_PRODUCTS, PRODUCTS, CertificatePlan, certificate_plans
from .storefront import StorefrontContent


def _initials(name: str) -> str:
    """Logo initials from the words after the legal form: "Hợp tác xã Phúc bồn tử…" → "PB"."""
    skip = {
        "hợp",
        "tác",
        "xã",
        "tổ",
        "công",
        "ty",
        "tnhh",
        "cổ",
        "phần",
        "hộ",
        "kinh",
        "doanh",
        "cơ",
        "sở",
        "sản",
        "xuất",
    }
    words = [w for w in name.replace("'", " ").split() if w.lower() not in skip]
    return "".join(w[0] for w in words[:2]).upper() or name[:2].upper()


@dataclass
class DemoSummary:
    """What a run created (zero everywhere on a second run)."""

    producers: int = 0
    warehouses: int = 0
    products: int = 0
    variants: int = 0
    certificates: int = 0
    media: int = 0
    collections: int = 0
    pages: int = 0
    menu_items: int = 0

    def created_anything(self) -> bool:
        return any(vars(self).values())


class DemoCatalogue:
    """One load of the demo catalogue: producers and warehouses, products (variants, prices,
    stock, certificates, listings, media), then collections, pages and menus."""

    def __init__(self) -> None:
        self.summary = DemoSummary()
        self.now = timezone.now()
        self.channel = Channel.objects.get(slug=settings.DEFAULT_CHANNEL_SLUG)
        self.province = Province.objects.get(code=PROVINCE_CODE)
        ward_codes = {p["ward"] for p in PRODUCERS}
        self.wards = {w.code: w for w in Ward.objects.filter(code__in=ward_codes)}
        self.categories = {c.slug: c for c in Category.objects.all()}
        self.producer_data = {p["slug"]: p for p in PRODUCERS}
        self.producers: dict[str, Producer] = {}
        self.warehouses: dict[str, Warehouse] = {}

    def load(self) -> DemoSummary:
        for data in PRODUCERS:
            self._producer(data)
        plans = certificate_plans()
        for data in PRODUCTS:
            self._product(data, plans[data["slug"]], published=True)
        for data in HIDDEN_PRODUCTS:
            self._product(data, data["certificate"], published=data["published"])
        StorefrontContent(channel=self.channel, now=self.now, summary=self.summary).load()
        return self.summary

    # --- Producers --------------------------------------------------------------------------
    def _producer(self, data: dict[str, Any]) -> None:
        slug = data["slug"]
        ward = self.wards[data["ward"]]
        producer = Producer.objects.filter(slug=slug).first()
        if producer is None:
            producer = Producer.objects.create(
                name=data["name"],
                slug=slug,
                kind=data["kind"],
                registration_number=data["registration_number"],
                province=self.province,
                ward=ward,
                street_address=data["street_address"],
                founded_year=data["founded_year"],
                members=data["members"],
                community=data["community"],
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                contact_email=data["contact_email"],
                metadata={"demo": True},
            )
            self.summary.producers += 1
        if not producer.story:
            story = editorjs_document(data["story"], key=slug, note=DEMO_NOTE_VI)
            services.producer_story_set(producer=producer, story=story)
        if not producer.logo:
            logo = images.logo_image(
                name=data["name"], initials=_initials(data["name"]), colour=data["colour"]
            )
            producer.logo = ContentFile(logo, name=f"{slug}.png")
            producer.logo_alt = f"Logo {data['name']} (ảnh minh họa)"
            producer.save(update_fields=["logo", "logo_alt", "updated_at"])
        if not ProducerTranslation.objects.filter(producer=producer, language_code="en").exists():
            story_en = sanitise_document(
                editorjs_document(data["story_en"], key=f"{slug}-en", note=DEMO_NOTE_EN)
            )
            ProducerTranslation.objects.create(
                producer=producer,
                language_code="en",
                name=data["name_en"],
                story=story_en,
                story_html=render_html(story_en),
            )
        warehouse, created = Warehouse.objects.get_or_create(
            slug=f"{slug}-kho",
            defaults={
                "name": f"Kho {data['name']}",
                "producer": producer,
                "province": self.province,
                "ward": ward,
                "street_address": data["street_address"],
            },
        )
        self.summary.warehouses += created
        self.producers[slug] = producer
        self.warehouses[slug] = warehouse

    # --- Products ---------------------------------------------------------------------------
    def _product(self, data: dict[str, Any], plan: CertificatePlan, *, published: bool) -> None:
        slug = data["slug"]
        producer = self.producers[data["producer"]]
        product = Product.objects.filter(slug=slug).first()
        if product is None:
            description = self._description(data, producer, english=False)
            product = services.product_create(
                producer=producer,
                category=self.categories[data["category"]],
                name=data["name"],
                slug=slug,
                description=description,
                seo_title=f"{data['name']} – OCOP {plan.stars} sao"[:70],
                seo_description=data["desc"][0][:300],
            )
            Product.objects.filter(pk=product.pk).update(metadata={"demo": True})
            self.summary.products += 1
        if not ProductTranslation.objects.filter(product=product, language_code="en").exists():
            ProductTranslation.objects.create(
                product=product,
                language_code="en",
                name=data["name_en"],
                description=sanitise_document(self._description(data, producer, english=True)),
                seo_title=f"{data['name_en']} – {plan.stars}-star OCOP"[:70],
                seo_description=data["desc_en"][0][:300],
            )
        self._variants(product, data)
        self._certificate(product, plan)
        if not ProductChannelListing.objects.filter(product=product, channel=self.channel).exists():
            services.product_publish(product=product, channel=self.channel, is_published=published)
        if not ProductMedia.objects.filter(product=product).exists():
            self._media(product, data, plan)

    def _description(
        self, data: dict[str, Any], producer: Producer, *, english: bool
    ) -> dict[str, Any]:
        sizes = ", ".join(v[2] if english else v[1] for v in data["variants"])
        place = f"{producer.ward.name}, {self.province.name}"
        storage = data["storage"][1 if english else 0]
        if english:
            producer_name = self.producer_data[data["producer"]]["name_en"]
            facts = [
                f"Sizes: {sizes}",
                f"Storage: {storage}",
                f"Producer: {producer_name}",
                f"Made in: {place}, Vietnam",
            ]
            blocks: Blocks = [("p", t) for t in data["desc_en"]]
            blocks += [("h", "Product details"), ("l", facts)]
            return editorjs_document(blocks, key=f"{data['slug']}-en", note=DEMO_NOTE_EN)
        facts = [
            f"Quy cách: {sizes}",
            f"Bảo quản: {storage}",
            f"Chủ thể OCOP: {producer.name}",
            f"Nơi sản xuất: {place}",
        ]
        blocks = [("p", t) for t in data["desc"]]
        blocks += [("h", "Thông tin sản phẩm"), ("l", facts)]
        return editorjs_document(blocks, key=data["slug"], note=DEMO_NOTE_VI)

    def _variants(self, product: Product, data: dict[str, Any]) -> None:
        warehouse = self.warehouses[data["producer"]]
        existing = {v.sku: v for v in ProductVariant.objects.filter(product=product)}
        priced = set(
            VariantChannelListing.objects.filter(
                variant__product=product, channel=self.channel
            ).values_list("variant__sku", flat=True)
        )
        stocked = set(
            Stock.objects.filter(variant__product=product, warehouse=warehouse).values_list(
                "variant__sku", flat=True
            )
        )
        translated = set(
            ProductVariantTranslation.objects.filter(
                variant__product=product, language_code="en"
            ).values_list("variant__sku", flat=True)
        )
        for order, (sku, name, name_en, grams, dims, price, quantity) in enumerate(
            data["variants"]
        ):
            variant = existing.get(sku)
            if variant is None:
                variant = services.variant_create(
                    product=product,
                    sku=sku,
                    name=name,
                    weight_grams=grams,
                    dimensions_mm=dims,
                    is_fragile=data.get("fragile", False),
                    is_perishable=data.get("perishable", False),
                    sort_order=order,
                )
                self.summary.variants += 1
            if sku not in priced:
                services.variant_price_set(variant=variant, channel=self.channel, amount=price)
            if sku not in stocked:
                services.stock_set(variant=variant, warehouse=warehouse, quantity=quantity)
            if sku not in translated:
                ProductVariantTranslation.objects.create(
                    variant=variant, language_code="en", name=name_en
                )

    def _certificate(self, product: Product, plan: CertificatePlan) -> None:
        if Certificate.objects.filter(
            certificate_number=plan.certificate_number, issuer=plan.issuer
        ).exists():
            return
        certificate = services.certificate_submit(
            product=product,
            stars=plan.stars,
            certificate_number=plan.certificate_number,
            decision_number=plan.decision_number,
            decision_date=plan.decision_date,
            issuer=plan.issuer,
            issuer_level=plan.issuer_level,
            issued_on=plan.issued_on,
            score=plan.score,
            is_potential_five_star=plan.is_potential_five_star,
        )
        if plan.outcome == "verified":
            # Verified when staff checked it: shortly after issue (the expired demo product's
            # certificate was valid then and has run out since).
            verified_at = datetime.datetime.combine(
                plan.issued_on + datetime.timedelta(days=7), datetime.time(9), tzinfo=datetime.UTC
            )
            services.certificate_verify(certificate=certificate, now=min(verified_at, self.now))
        elif plan.outcome == "rejected":
            services.certificate_reject(certificate=certificate, reason=plan.reject_reason)
        self.summary.certificates += 1

    def _media(self, product: Product, data: dict[str, Any], plan: CertificatePlan) -> None:
        background = CATEGORY_BACKGROUNDS.get(data["category"], DEFAULT_BACKGROUND)
        colour = self.producer_data[data["producer"]]["colour"]
        alts = [
            f"{product.name} – ảnh minh họa sản phẩm (dữ liệu trình diễn)",
            f"{product.name} – nhãn OCOP {plan.stars} sao (ảnh minh họa)",
        ]
        # Two pictures for 4★ products (the gift range), one otherwise.
        for index in range(2 if plan.stars >= 4 else 1):
            picture = images.product_image(
                title=product.name,
                label=data["label"],
                shape=data["shape"],
                background=background,
                colour=colour,
                stars=plan.stars,
                variation=index + 1,
            )
            ProductMedia.objects.create(
                product=product,
                image=ContentFile(picture, name=f"{product.slug}-{index + 1}.jpg"),
                alt=alts[index],
                sort_order=index,
            )
            self.summary.media += 1


def demo_catalogue_load() -> DemoSummary:
    """Load (or top up) the demo catalogue in one transaction; returns what was created."""
    with transaction.atomic():
        return DemoCatalogue().load()
