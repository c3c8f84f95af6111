"""Upload checks by content, size and pixels; a refused photo leaves nothing stored."""

from __future__ import annotations

import datetime
import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.forms import modelform_factory
from PIL import Image

from catalog.models import Certificate, ProducerMedia, ProductMedia
from catalog.services import certificate_submit, product_media_add
from catalog.uploads import image_upload_validate, scan_upload_validate, upload_extension
from tests.catalog.factories import make_product, pdf_bytes

# --- helpers ----------------------------------------------------------------------------------


def image_bytes(format: str = "JPEG", size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 90, 20)).save(buffer, format=format)
    return buffer.getvalue()


def noisy_jpeg(size: tuple[int, int] = (200, 200)) -> bytes:
    """A JPEG that does not compress to almost nothing."""
    buffer = io.BytesIO()
    Image.effect_noise(size, 80).convert("RGB").save(buffer, format="JPEG", quality=95)
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A few hundred bytes claiming width × height pixels: a decompression bomb's header."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    idat = zlib.compress(b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


# Issue #9, item 1, verbatim: starts with %PDF-, ends with %%EOF, HTML and script between.
POLYGLOT = (
    b"%PDF-1.4\n<html><script>fetch('/graphql/', {method: 'POST', credentials: 'include'})"
    b"</script></html>\n%%EOF\n"
)
STORED_NAME = r"[0-9a-f]{32}"


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


def upload(data: bytes, name: str) -> ContentFile:
    return ContentFile(data, name=name)


def error_code(exc_info: pytest.ExceptionInfo[ValidationError]) -> str:
    return exc_info.value.code  # type: ignore[return-value]


@pytest.fixture
def product(db):
    return make_product()


def stored_files(media_root: Path) -> list[Path]:
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


# --- photos -----------------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP"])
def test_image_upload_validate_accepts_jpeg_png_webp(format):
    file = upload(image_bytes(format), f"anh.{format.lower()}")
    assert image_upload_validate(file) == format
    assert file.tell() == 0  # rewound for the storage


def test_product_media_add_stores_photo_under_the_extension_of_its_content(product, _media_root):
    media = product_media_add(
        product=product, upload=upload(image_bytes("PNG"), "Ảnh cà phê.jpg"), alt=" Hạt "
    )
    # A name we chose, with the extension of the content: nothing of "Ảnh cà phê.jpg".
    assert re.fullmatch(rf"products/{STORED_NAME}\.png", media.image.name)
    assert media.alt == "Hạt"
    with media.image.open("rb") as stream:
        assert Image.open(stream).format == "PNG"

    second = product_media_add(product=product, upload=upload(image_bytes(), "b.jpg"))
    assert second.sort_order == media.sort_order + 1


def assert_refused(product, media_root: Path, data: bytes, name: str, code: str) -> None:
    with pytest.raises(ValidationError) as exc_info:
        product_media_add(product=product, upload=upload(data, name))
    assert error_code(exc_info) == code
    assert exc_info.value.messages[0]  # a message to show, not just a code
    assert not ProductMedia.objects.filter(product=product).exists()
    assert stored_files(media_root) == []


def test_product_media_add_refuses_a_non_image_renamed_jpg(product, _media_root):
    assert_refused(
        product, _media_root, b"MZ\x90\x00 not a photo at all" * 20, "anh.jpg", "invalid"
    )


def test_product_media_add_refuses_a_truncated_png(product, _media_root):
    data = image_bytes("PNG", (64, 64))
    assert_refused(product, _media_root, data[: len(data) // 2], "anh.png", "invalid")


def test_product_media_add_refuses_an_empty_file(product, _media_root):
    assert_refused(product, _media_root, b"", "anh.jpg", "invalid")


def test_product_media_add_refuses_a_file_over_max_upload_bytes(product, _media_root, settings):
    settings.MAX_UPLOAD_BYTES = 2_000
    data = noisy_jpeg()
    assert len(data) > settings.MAX_UPLOAD_BYTES
    with pytest.raises(ValidationError) as exc_info:
        product_media_add(product=product, upload=upload(data, "anh.jpg"))
    assert error_code(exc_info) == "file_too_large"
    assert "quá lớn" in exc_info.value.messages[0]
    assert stored_files(_media_root) == []


def test_product_media_add_refuses_a_decompression_bomb(product, _media_root):
    data = png_bomb()
    assert len(data) < 1_000
    assert_refused(product, _media_root, data, "bom.png", "image_too_large")


def test_image_upload_validate_refuses_a_bomb_just_over_pillows_warning_limit():
    # Between Image.MAX_IMAGE_PIXELS and twice that Pillow only warns: still refused.
    side = int((Image.MAX_IMAGE_PIXELS * 1.5) ** 0.5)
    with pytest.raises(ValidationError) as exc_info:
        image_upload_validate(upload(png_bomb(side, side), "bom.png"))
    assert error_code(exc_info) == "image_too_large"


def test_image_upload_validate_refuses_more_pixels_than_max_image_pixels(settings):
    settings.MAX_IMAGE_PIXELS = 1_000
    with pytest.raises(ValidationError) as exc_info:
        image_upload_validate(upload(image_bytes("JPEG", (50, 50)), "anh.jpg"))
    assert error_code(exc_info) == "image_too_large"
    assert "50×50" in exc_info.value.messages[0]


@pytest.mark.parametrize("name", ["logo.svg", "logo.jpg"])
def test_product_media_add_refuses_svg_with_script(product, _media_root, name):
    assert_refused(product, _media_root, SVG_WITH_SCRIPT, name, "unsupported_type")


def test_product_media_add_refuses_html_renamed_png(product, _media_root):
    data = b"<html><body><script>alert(1)</script></body></html>"
    assert_refused(product, _media_root, data, "anh.png", "unsupported_type")


@pytest.mark.parametrize("format", ["GIF", "BMP"])
def test_image_upload_validate_refuses_other_image_types(format):
    with pytest.raises(ValidationError) as exc_info:
        image_upload_validate(upload(image_bytes(format), "anh.jpg"))
    assert error_code(exc_info) == "unsupported_type"


def test_image_upload_validate_refuses_a_pdf_as_photo():
    with pytest.raises(ValidationError) as exc_info:
        image_upload_validate(upload(pdf_bytes(), "anh.jpg"))
    assert error_code(exc_info) == "unsupported_type"


# --- certificate scans ------------------------------------------------------------------------


def test_scan_upload_validate_accepts_a_pdf_whatever_its_name():
    assert scan_upload_validate(upload(pdf_bytes(), "scan.bin")) == "PDF"
    assert upload_extension("PDF") == "pdf"


def test_scan_upload_validate_accepts_a_photo_of_the_certificate():
    assert scan_upload_validate(upload(image_bytes("JPEG"), "scan.pdf")) == "JPEG"


def test_scan_upload_validate_refuses_a_truncated_pdf():
    data = pdf_bytes()
    with pytest.raises(ValidationError) as exc_info:
        scan_upload_validate(upload(data[: len(data) // 2], "scan.pdf"))
    assert error_code(exc_info) == "invalid"


def test_scan_upload_validate_refuses_an_html_page_between_pdf_first_and_last_bytes():
    assert POLYGLOT.startswith(b"%PDF-") and POLYGLOT.rstrip().endswith(b"%%EOF")
    with pytest.raises(ValidationError) as exc_info:
        scan_upload_validate(upload(POLYGLOT, "giay-chung-nhan.html"))
    assert error_code(exc_info) == "invalid"
    assert "PDF" in exc_info.value.messages[0]


def test_scan_upload_validate_refuses_a_pdf_without_pages():
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    PdfWriter().write(buffer)  # well-formed, zero pages
    with pytest.raises(ValidationError) as exc_info:
        scan_upload_validate(upload(buffer.getvalue(), "scan.pdf"))
    assert error_code(exc_info) == "invalid"


def test_scan_upload_validate_accepts_a_multi_page_pdf():
    assert scan_upload_validate(upload(pdf_bytes(pages=3), "scan.pdf")) == "PDF"


def test_scan_upload_validate_refuses_text_renamed_pdf():
    with pytest.raises(ValidationError) as exc_info:
        scan_upload_validate(upload(b"Giay chung nhan OCOP 3 sao\n" * 10, "scan.pdf"))
    assert error_code(exc_info) == "invalid"


def test_scan_upload_validate_refuses_svg():
    with pytest.raises(ValidationError) as exc_info:
        scan_upload_validate(upload(SVG_WITH_SCRIPT, "scan.pdf"))
    assert error_code(exc_info) == "unsupported_type"


def test_scan_upload_validate_refuses_a_file_over_max_upload_bytes(settings):
    settings.MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as exc_info:
        scan_upload_validate(upload(pdf_bytes(), "scan.pdf"))
    assert error_code(exc_info) == "file_too_large"


# --- stored names: ours, on every write path ------------------------------------------------


def certificate_submit_with(product, scan) -> Certificate:
    return certificate_submit(
        product=product,
        stars=4,
        certificate_number="LD-2026-009",
        decision_number="501/QĐ-UBND",
        decision_date=datetime.date(2026, 3, 1),
        issuer="UBND tỉnh Lâm Đồng",
        issuer_level="PROVINCE",
        issued_on=datetime.date(2026, 3, 5),
        scan=scan,
    )


def test_certificate_submit_refuses_the_polyglot_scan_and_stores_nothing(product, _media_root):
    scan = SimpleUploadedFile("giay-chung-nhan.html", POLYGLOT, content_type="text/html")
    with pytest.raises(ValidationError) as exc_info:
        certificate_submit_with(product, scan)
    assert exc_info.value.error_dict["scan"][0].code == "invalid"
    assert not Certificate.objects.filter(certificate_number="LD-2026-009").exists()
    assert stored_files(_media_root.parent) == []  # neither public nor private media


def test_certificate_scan_is_stored_under_a_name_we_choose_with_the_verified_extension(product):
    scan = SimpleUploadedFile("giay-chung-nhan.html", pdf_bytes(), content_type="text/html")
    certificate = certificate_submit_with(product, scan)
    assert re.fullmatch(rf"certificates/{STORED_NAME}\.pdf", certificate.scan.name)
    assert "giay-chung-nhan" not in certificate.scan.name


def test_scan_photo_is_stored_with_the_extension_of_its_content(product):
    scan = SimpleUploadedFile("giay.pdf", image_bytes("PNG"), content_type="application/pdf")
    certificate = certificate_submit_with(product, scan)
    assert re.fullmatch(rf"certificates/{STORED_NAME}\.png", certificate.scan.name)


def test_assigning_a_file_to_a_photo_field_checks_and_names_it(product):
    # The demo loader's and admin's way: a file assigned to the field, saved with the row.
    producer = product.producer
    producer.logo = ContentFile(image_bytes("PNG"), name="logo.html")
    producer.save()
    assert re.fullmatch(rf"producers/logos/{STORED_NAME}\.png", producer.logo.name)

    photo = ProducerMedia(producer=producer, image=ContentFile(SVG_WITH_SCRIPT, name="a.jpg"))
    with pytest.raises(ValidationError), transaction.atomic():
        photo.save()
    assert not ProducerMedia.objects.exists()


def test_two_uploads_of_the_same_name_get_unrelated_names(product):
    first = product_media_add(product=product, upload=upload(image_bytes(), "anh.jpg"))
    second = product_media_add(product=product, upload=upload(image_bytes(), "anh.jpg"))
    assert first.image.name != second.image.name
    for media in (first, second):
        assert re.fullmatch(rf"products/{STORED_NAME}\.jpg", media.image.name)


def test_admin_certificate_form_refuses_the_polyglot_scan(product):
    from catalog.admin import CertificateForm

    form = CertificateForm(
        data={
            "product": product.pk,
            "stars": 4,
            "score": 78,
            "certificate_number": "LD-2026-010",
            "decision_number": "501/QĐ-UBND",
            "decision_date": "2026-03-01",
            "issuer": "UBND tỉnh Lâm Đồng",
            "issuer_level": "PROVINCE",
            "issued_on": "2026-03-05",
            "valid_until": "2029-03-05",
        },
        files={"scan": SimpleUploadedFile("giay-chung-nhan.html", POLYGLOT)},
    )
    assert not form.is_valid()
    assert "scan" in form.errors


def test_admin_photo_form_stores_a_photo_under_our_name(product):
    form_class = modelform_factory(ProductMedia, fields=["product", "image", "alt"])
    form = form_class(
        data={"product": product.pk, "alt": ""},
        files={"image": SimpleUploadedFile("x.html", image_bytes(), content_type="text/html")},
    )
    assert form.is_valid(), form.errors
    media = form.save()
    assert re.fullmatch(rf"products/{STORED_NAME}\.jpg", media.image.name)

    refused = form_class(
        data={"product": product.pk, "alt": ""},
        files={"image": SimpleUploadedFile("a.png", SVG_WITH_SCRIPT)},
    )
    assert not refused.is_valid()
    assert "image" in refused.errors
