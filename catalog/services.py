"""Catalogue writes. Every write that changes what the public sees goes through here, so the
search document, the cheapest-price column and the badge pointer stay consistent."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.cache import catalogue_version_bump
from shop.editorjs import plain_text, render_html, sanitise_document
from shop.money import currency_exponent
from shop.text import fold, slugify_vi

from .models import (
    Category,
    Certificate,
    CertificateStatus,
    Channel,
    Producer,
    ProducerMember,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    Stock,
    VariantChannelListing,
    Warehouse,
)
from .ocop_scheme import CERTIFIED_STARS, STAR_SCORE_RANGES
from .uploads import image_upload_validate


# --- Producers ---------------------------------------------------------------------------------
def producer_story_set(*, producer: Producer, story: Any) -> Producer:
    """Store a producer's story sanitised, with its HTML rendering and search text."""
    producer.story = sanitise_document(story)
    producer.story_html = render_html(producer.story)
    producer.search_document = fold(
        f"{producer.name} {producer.community} {plain_text(producer.story)}"
    )
    producer.save(update_fields=["story", "story_html", "search_document", "updated_at"])
    return producer


# --- Products ---------------------------------------------------------------------------------
def unique_slug(model: type, text: str, *, exclude_pk: int | None = None) -> str:
    """A slug from ``text`` that no other row of ``model`` uses (suffix -2, -3, ...)."""
    base = slugify_vi(text) or "item"
    slug, n = base, 1
    qs = model.objects.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def product_search_document_refresh(*, product: Product) -> None:
    """Rebuild the folded search text: name (twice, it matters most), producer, place,
    category, SKUs and description words."""
    producer = product.producer
    skus = " ".join(product.variants.values_list("sku", flat=True))
    product.name_folded = fold(product.name)
    product.search_document = " ".join(
        part
        for part in [
            product.name_folded,
            producer_search_text(producer),
            fold(product.category.name),
            fold(skus),
            fold(product.description_plaintext)[:2000],
        ]
        if part
    )
    Product.objects.filter(pk=product.pk).update(
        name_folded=product.name_folded, search_document=product.search_document
    )


def producer_search_text(producer: Producer) -> str:
    """Folded producer name and place, with the ward's pre-2025 names (buyers still search
    "Lạc Dương" or "Xã Lát"), for the search documents of its products."""
    from shop.models import DivisionAlias

    parts = [fold(producer.name)]
    if producer.ward_id:
        parts.append(fold(producer.ward.name))
        parts += DivisionAlias.objects.filter(ward_id=producer.ward_id).values_list(
            "name_folded", flat=True
        )
    return " ".join(p for p in parts if p)


def product_name_validate(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(
            {"name": ValidationError(_("Hãy nhập tên sản phẩm."), code="required")}
        )
    if len(name) > Product._meta.get_field("name").max_length:
        raise ValidationError(
            {"name": ValidationError(_("Tên sản phẩm quá dài (tối đa 250 ký tự)."), code="invalid")}
        )
    return name


def product_slug_validate(slug: str, *, exclude_pk: int | None = None) -> str:
    if slug != slugify_vi(slug, max_length=255):
        raise ValidationError(
            {
                "slug": ValidationError(
                    _("Slug chỉ gồm chữ thường không dấu, số và dấu gạch ngang."), code="invalid"
                )
            }
        )
    if Product.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        raise ValidationError(
            {"slug": ValidationError(_("Slug này đã có sản phẩm khác dùng."), code="unique")}
        )
    return slug


def product_tax_rate_validate(tax_rate: Decimal) -> None:
    if not Decimal(0) <= Decimal(tax_rate) <= Decimal(100):
        raise ValidationError(
            {"tax_rate": ValidationError(_("Thuế suất phải từ 0 đến 100%."), code="invalid")}
        )


@transaction.atomic
def product_create(
    *,
    producer: Producer,
    category: Category,
    name: str,
    slug: str | None = None,
    description: Any = None,
    seo_title: str = "",
    seo_description: str = "",
    tax_rate: Decimal = Decimal(0),
) -> Product:
    """Create a product of ``producer`` (unpublished, no variants yet). The description is an
    EditorJS document, stored sanitised; an empty name or a taken slug is refused."""
    name = product_name_validate(name)
    if slug:
        product_slug_validate(slug)
    product_tax_rate_validate(tax_rate)
    doc = sanitise_document(description or {})
    product = Product.objects.create(
        producer=producer,
        category=category,
        name=name,
        slug=slug or unique_slug(Product, name),
        description=doc,
        description_plaintext=plain_text(doc),
        seo_title=seo_title[:70],
        seo_description=seo_description[:300] or plain_text(doc)[:300],
        tax_rate=tax_rate,
    )
    product_search_document_refresh(product=product)
    return product


def variant_sku_validate(sku: str, *, exclude_pk: int | None = None) -> str:
    sku = (sku or "").strip()
    if not sku:
        raise ValidationError({"sku": ValidationError(_("Hãy nhập mã SKU."), code="required")})
    if len(sku) > ProductVariant._meta.get_field("sku").max_length:
        raise ValidationError(
            {"sku": ValidationError(_("Mã SKU quá dài (tối đa 64 ký tự)."), code="invalid")}
        )
    if ProductVariant.objects.filter(sku=sku).exclude(pk=exclude_pk).exists():
        raise ValidationError(
            {
                "sku": ValidationError(
                    _("Mã SKU %(sku)s đã được dùng."), code="unique", params={"sku": sku}
                )
            }
        )
    return sku


def variant_weight_validate(weight_grams: int) -> None:
    if not isinstance(weight_grams, int) or weight_grams <= 0:
        raise ValidationError(
            {"weight": ValidationError(_("Khối lượng phải là số gam dương."), code="invalid")}
        )


def variant_dimensions_validate(dimensions_mm: tuple[int, int, int] | None) -> None:
    if dimensions_mm is not None and any(not isinstance(d, int) or d <= 0 for d in dimensions_mm):
        raise ValidationError(
            {"dimensions": ValidationError(_("Kích thước phải là số mm dương."), code="invalid")}
        )


@transaction.atomic
def variant_create(
    *,
    product: Product,
    sku: str,
    name: str,
    weight_grams: int,
    dimensions_mm: tuple[int, int, int] | None = None,
    is_fragile: bool = False,
    is_perishable: bool = False,
    sort_order: int = 0,
) -> ProductVariant:
    """Add a variant (a pack size) to ``product``. SKUs are unique shop-wide."""
    sku = variant_sku_validate(sku)
    variant_weight_validate(weight_grams)
    length, width, height = dimensions_mm or (None, None, None)
    variant_dimensions_validate(dimensions_mm)
    variant = ProductVariant.objects.create(
        product=product,
        sku=sku,
        name=name.strip(),
        weight_grams=weight_grams,
        length_mm=length,
        width_mm=width,
        height_mm=height,
        is_fragile=is_fragile,
        is_perishable=is_perishable,
        sort_order=sort_order,
    )
    product_search_document_refresh(product=product)
    return variant


MAX_PRICE = Decimal(10) ** 12  # fits DecimalField(max_digits=14, decimal_places=2)


@transaction.atomic
def variant_price_set(*, variant: ProductVariant, channel: Channel, amount: Decimal | int) -> None:
    """Set a variant's VAT-inclusive price in a channel, keeping the product's cheapest-price
    column in step. Prices must fit the currency: whole đồng for VND."""
    amount = Decimal(amount)
    if not amount.is_finite() or amount < 0:
        raise ValidationError({"price": _("Giá không được âm.")}, code="invalid")
    if amount >= MAX_PRICE:
        raise ValidationError({"price": _("Giá quá lớn.")}, code="invalid")
    if amount != amount.quantize(Decimal(1).scaleb(-currency_exponent(channel.currency_code))):
        raise ValidationError(
            {
                "price": _("Giá %(currency)s không có phần lẻ.")
                % {"currency": channel.currency_code}
            },
            code="invalid",
        )
    VariantChannelListing.objects.update_or_create(
        variant=variant,
        channel=channel,
        defaults={"price_amount": amount, "currency": channel.currency_code},
    )
    product_min_price_refresh(product_id=variant.product_id, channel=channel)


def product_min_price_refresh(*, product_id: int, channel: Channel) -> None:
    cheapest = VariantChannelListing.objects.filter(
        variant__product_id=product_id, channel=channel
    ).aggregate(m=Min("price_amount"))["m"]
    ProductChannelListing.objects.filter(product_id=product_id, channel=channel).update(
        min_price_amount=cheapest
    )


@transaction.atomic
def product_publish(
    *,
    product: Product,
    channel: Channel,
    is_published: bool = True,
    published_at: datetime.datetime | None = None,
    visible_in_listings: bool = True,
    available_for_purchase_at: datetime.datetime | None = None,
) -> ProductChannelListing:
    now = timezone.now()
    listing, _created = ProductChannelListing.objects.update_or_create(
        product=product,
        channel=channel,
        defaults={
            "is_published": is_published,
            "published_at": published_at or now,
            "visible_in_listings": visible_in_listings,
            "available_for_purchase_at": available_for_purchase_at
            or (now if is_published else None),
        },
    )
    product_min_price_refresh(product_id=product.pk, channel=channel)
    listing.refresh_from_db()
    return listing


# --- Stock ------------------------------------------------------------------------------------
def stock_set(*, variant: ProductVariant, warehouse: Warehouse, quantity: int) -> Stock:
    """Set the counted quantity in a warehouse (absolute). It may not drop below what is
    already allocated to orders."""
    if quantity < 0:
        raise ValidationError({"quantity": _("Số lượng không được âm.")}, code="invalid")
    with transaction.atomic():
        stock, _created = Stock.objects.select_for_update().get_or_create(
            variant=variant, warehouse=warehouse
        )
        if quantity < stock.quantity_allocated:
            raise ValidationError(
                {
                    "quantity": _("Số lượng thấp hơn số đã giữ cho đơn hàng (%(n)s).")
                    % {"n": stock.quantity_allocated}
                },
                code="invalid",
            )
        stock.quantity = quantity
        stock.save(update_fields=["quantity"])
    return stock


# --- Certificates -----------------------------------------------------------------------------
def certificate_valid_until_default(issued_on: datetime.date) -> datetime.date:
    """Issue date + OCOP_CERTIFICATE_VALIDITY_MONTHS (36), clamped to the month's last day."""
    months = settings.OCOP_CERTIFICATE_VALIDITY_MONTHS
    month_index = issued_on.month - 1 + months
    year, month = issued_on.year + month_index // 12, month_index % 12 + 1
    for day in (issued_on.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def certificate_validate(
    *,
    stars: int,
    score: int | None,
    issued_on: datetime.date,
    valid_until: datetime.date,
    decision_date: datetime.date,
) -> None:
    errors: dict[str, str] = {}
    if stars not in CERTIFIED_STARS:
        errors["stars"] = _("Chỉ sản phẩm 3, 4 hoặc 5 sao được cấp giấy chứng nhận OCOP.")
    elif score is not None:
        low, high = STAR_SCORE_RANGES[stars]
        if not low <= score <= high:
            errors["score"] = _(
                "Điểm %(score)s không thuộc hạng %(stars)s sao (%(low)s–%(high)s)."
            ) % {"score": score, "stars": stars, "low": low, "high": high}
    if valid_until <= issued_on:
        errors["valid_until"] = _("Ngày hết hạn phải sau ngày cấp.")
    if decision_date > issued_on:
        errors["decision_date"] = _("Ngày quyết định không thể sau ngày cấp.")
    if errors:
        raise ValidationError(errors, code="invalid")


@transaction.atomic
def certificate_submit(
    *,
    product: Product,
    stars: int,
    certificate_number: str,
    decision_number: str,
    decision_date: datetime.date,
    issuer: str,
    issuer_level: str,
    issued_on: datetime.date,
    valid_until: datetime.date | None = None,
    score: int | None = None,
    is_potential_five_star: bool = False,
    scan: Any = None,
) -> Certificate:
    """Record a certificate as entered by a producer; it counts only once staff verify it.
    A scan is checked by content (PDF or photo, size, pixels) before anything is stored."""
    if scan is not None:
        from .uploads import scan_upload_validate

        try:
            scan_upload_validate(scan)
        except ValidationError as error:
            raise ValidationError({"scan": error}) from None
    valid_until = valid_until or certificate_valid_until_default(issued_on)
    certificate_validate(
        stars=stars,
        score=score,
        issued_on=issued_on,
        valid_until=valid_until,
        decision_date=decision_date,
    )
    if Certificate.objects.filter(
        certificate_number=certificate_number.strip(), issuer=issuer.strip()
    ).exists():
        raise ValidationError(
            {
                "certificate_number": ValidationError(
                    _("Số giấy chứng nhận này của cơ quan cấp đã có."), code="unique"
                )
            }
        )
    return Certificate.objects.create(
        product=product,
        stars=stars,
        score=score,
        certificate_number=certificate_number.strip(),
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        issuer=issuer.strip(),
        issuer_level=issuer_level,
        issued_on=issued_on,
        valid_until=valid_until,
        is_potential_five_star=is_potential_five_star,
        scan=scan,
    )


@transaction.atomic
def certificate_verify(
    *, certificate: Certificate, verified_by: Any = None, now: datetime.datetime | None = None
) -> Certificate:
    """Mark a certificate verified: the product's previous verified certificate is superseded
    and the badge points at this one. Rows are locked product-first so two staff verifying
    at once cannot leave two verified certificates (the database would refuse anyway)."""
    now = now or timezone.now()
    Product.objects.select_for_update().get(pk=certificate.product_id)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status not in (CertificateStatus.PENDING, CertificateStatus.REJECTED):
        raise ValidationError(
            _("Chỉ giấy chứng nhận đang chờ hoặc bị từ chối mới xác minh được."), code="invalid"
        )
    if certificate.valid_until < timezone.localdate(now):
        raise ValidationError(
            _("Giấy chứng nhận đã hết hiệu lực, không thể xác minh."), code="invalid"
        )
    current = Certificate.objects.filter(
        product_id=certificate.product_id, status=CertificateStatus.VERIFIED
    ).first()
    if current is not None and current.issued_on > certificate.issued_on:
        raise ValidationError(
            _("Sản phẩm đã có giấy chứng nhận mới hơn (số %(number)s).")
            % {"number": current.certificate_number},
            code="invalid",
        )
    Certificate.objects.filter(
        product_id=certificate.product_id, status=CertificateStatus.VERIFIED
    ).update(status=CertificateStatus.SUPERSEDED, updated_at=now)
    certificate.status = CertificateStatus.VERIFIED
    certificate.status_reason = ""
    certificate.verified_by = verified_by
    certificate.verified_at = now
    certificate.save(
        update_fields=["status", "status_reason", "verified_by", "verified_at", "updated_at"]
    )
    Product.objects.filter(pk=certificate.product_id).update(current_certificate=certificate)
    return certificate


@transaction.atomic
def certificate_reject(
    *, certificate: Certificate, reason: str, rejected_by: Any = None
) -> Certificate:
    if not reason.strip():
        raise ValidationError(
            {"reason": ValidationError(_("Hãy nêu lý do từ chối."), code="required")}
        )
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    certificate.status = CertificateStatus.REJECTED
    certificate.status_reason = reason.strip()
    certificate.verified_by = rejected_by
    certificate.verified_at = None
    certificate.save(
        update_fields=["status", "status_reason", "verified_by", "verified_at", "updated_at"]
    )
    Product.objects.filter(pk=certificate.product_id, current_certificate=certificate).update(
        current_certificate=None
    )
    return certificate


def certificates_expire(*, today: datetime.date | None = None) -> int:
    """Mark verified certificates past their validity as expired (the daily job). Visibility
    never waited for this: public queries already compare ``valid_until`` with today."""
    today = today or timezone.localdate()
    expired = Certificate.objects.filter(
        status=CertificateStatus.VERIFIED, valid_until__lt=today
    ).update(status=CertificateStatus.EXPIRED, updated_at=timezone.now())
    if expired:
        catalogue_version_bump()  # bulk update sends no signals
    return expired


def certificate_scan_url(*, certificate: Certificate, user: Any) -> str | None:
    """A short-lived link to ``certificate``'s scan, or ``None`` when it has none.

    Only active OCOP staff and members of the producer of the certificate's product may see a
    scan (it shows ID numbers and signatures); anyone else gets ``PermissionDenied``. On S3 the
    link is presigned for ``AWS_PRESIGNED_EXPIRY`` seconds; locally it is a signed link to
    ``shop.storage.private_file_view`` with the same lifetime.
    """
    if not certificate_scan_viewable(certificate=certificate, user=user):
        raise PermissionDenied(_("Bạn không có quyền xem bản scan giấy chứng nhận này."))
    if not certificate.scan:
        return None
    return certificate.scan.url


def certificate_scan_viewable(*, certificate: Certificate, user: Any) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    return ProducerMember.objects.filter(
        user=user, producer__products=certificate.product_id
    ).exists()


# --- Media ------------------------------------------------------------------------------------
@transaction.atomic
def media_alt_text(alt: str | None) -> str:
    """A photo's alt text as stored: trimmed, at most 250 characters, without NUL characters
    (PostgreSQL cannot store them; the portal posts this field as typed)."""
    return (alt or "").replace("\x00", "").strip()[:250]


def product_media_add(*, product: Product, upload: File, alt: str = "") -> ProductMedia:
    """Check a photo by its content and append it to ``product``'s gallery.

    The file is stored under a random name with the extension of the detected format (a PNG
    sent as ``anh.jpg`` becomes ``products/<token>.png``; ``catalog.models.fields``). Raises
    ``ValidationError`` (``catalog.uploads`` codes) before anything is stored; a file stored
    for a row that then fails to save is deleted again.
    """
    image_upload_validate(upload)
    if not isinstance(upload, File):
        upload = File(upload, name=getattr(upload, "name", None))
    last = ProductMedia.objects.filter(product=product).aggregate(last=Max("sort_order"))["last"]
    media = ProductMedia(
        product=product, alt=media_alt_text(alt), sort_order=0 if last is None else last + 1
    )
    media.image.save(upload.name, upload, save=False)  # the field names the file
    try:
        with transaction.atomic():
            media.save()
    except Exception:
        media.image.storage.delete(media.image.name)
        raise
    return media
