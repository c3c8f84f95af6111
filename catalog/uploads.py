"""Upload checks: what a file *is* (by its bytes, never its name), how big, how many pixels.

Product and producer photos must be JPEG, PNG or WEBP; certificate scans may also be PDF. SVG
is refused (it can carry scripts), as is anything Pillow cannot identify, a file over
``settings.MAX_UPLOAD_BYTES`` and an image over ``settings.MAX_IMAGE_PIXELS`` (checked from the
header, before any pixel is decoded, so a decompression bomb never expands in memory). A PDF
must parse (pypdf) and have at least one page: first and last bytes prove nothing, an HTML
page wrapped in ``%PDF-`` … ``%%EOF`` has both.

Each check returns the detected format; the stored file is then named by ``stored_name`` (a
random token and the extension of that format), never after the client's file name, so the
name tells the type we verified and cannot be guessed (``catalog.models.fields``).
"""

from __future__ import annotations

import re
import secrets
import struct
import warnings
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader

IMAGE_FORMATS = ("JPEG", "PNG", "WEBP")
PDF = "PDF"
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", PDF: "pdf"}
CONTENT_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    PDF: "application/pdf",
}

_PDF_MAGIC = b"%PDF-"
_SNIFF_BYTES = 2048
# A name made by ``stored_name``: 32 hex digits and the extension of a verified format.
_STORED_NAME = re.compile(r"(?:^|/)[0-9a-f]{32}\.(jpg|png|webp|pdf)$")
_FORMAT_OF_EXTENSION = {extension: format for format, extension in EXTENSIONS.items()}


def image_upload_validate(file: IO[bytes]) -> str:
    """Check a photo upload; return its format (``"JPEG"``, ``"PNG"`` or ``"WEBP"``).

    Raises ``ValidationError`` with code ``file_too_large``, ``image_too_large``,
    ``unsupported_type`` (a known non-photo type such as SVG, GIF or PDF) or ``invalid``
    (empty, unidentifiable or corrupt). The file is left rewound.
    """
    _size_check(file)
    head = _read_head(file)
    if head.startswith(_PDF_MAGIC) or _looks_like_markup(head):
        raise _unsupported_image()
    return _image_check(file)


def scan_upload_validate(file: IO[bytes]) -> str:
    """Check a certificate scan upload; return ``"PDF"`` or the photo's format.

    A PDF must parse as one (pypdf) with at least one page: a truncated upload, or markup
    between ``%PDF-`` and ``%%EOF``, fails with code ``invalid``. Otherwise the rules of
    ``image_upload_validate`` apply.
    """
    _size_check(file)
    head = _read_head(file)
    if head.startswith(_PDF_MAGIC):
        _pdf_check(file)
        return PDF
    if _looks_like_markup(head):
        raise ValidationError(
            _("Bản scan phải là tệp PDF hoặc ảnh JPEG, PNG, WEBP."), code="unsupported_type"
        )
    return _image_check(file)


def upload_extension(format: str) -> str:
    """File extension (no dot) for a format returned by the checks above."""
    return EXTENSIONS[format]


def stored_name(format: str) -> str:
    """A file name we choose for a verified upload: 128 random bits and its format's extension.

    Unguessable, so public originals cannot be enumerated, and free of anything the client
    sent, so the extension (hence the type a server or bucket derives from it) is the verified
    one."""
    return f"{secrets.token_hex(16)}.{EXTENSIONS[format]}"


def stored_name_format(name: str) -> str | None:
    """The verified format recorded in a name made by ``stored_name``; ``None`` for any other
    name (files stored before names were ours: their type must come from their content)."""
    match = _STORED_NAME.search(name)
    return _FORMAT_OF_EXTENSION[match.group(1)] if match else None


def content_format(file: IO[bytes]) -> str | None:
    """What a stored file is, by its content: ``"PDF"``, an image format, or ``None``.

    For serving files whose name we did not choose; the upload size limit is not applied (it
    may have changed since)."""
    try:
        head = _read_head(file)
        if head.startswith(_PDF_MAGIC):
            _pdf_check(file)
            return PDF
        if _looks_like_markup(head):
            return None
        return _image_check(file)
    except ValidationError:
        return None


def _file_size(file: IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if size is not None:
        return int(size)
    position = file.tell()
    file.seek(0, 2)
    size = file.tell()
    file.seek(position)
    return size


def _size_check(file: IO[bytes]) -> None:
    size = _file_size(file)
    if size == 0:
        raise ValidationError(_("Tệp tải lên trống."), code="invalid")
    if size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s); tối đa %(limit)s.")
            % {
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.MAX_UPLOAD_BYTES),
            },
            code="file_too_large",
        )


def _read_head(file: IO[bytes]) -> bytes:
    file.seek(0)
    head = file.read(_SNIFF_BYTES)
    file.seek(0)
    return head


def _looks_like_markup(head: bytes) -> bool:
    """SVG, HTML or XML: text that a browser could run scripts from."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(b"<") or b"<svg" in text or b"<script" in text


def _unsupported_image() -> ValidationError:
    return ValidationError(
        _("Chỉ nhận ảnh JPEG, PNG hoặc WEBP (không nhận SVG, GIF, PDF…)."),
        code="unsupported_type",
    )


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    limit = settings.MAX_IMAGE_PIXELS
    if width and height:
        message = _(
            "Ảnh quá lớn (%(width)s×%(height)s điểm ảnh); tối đa %(limit)s triệu điểm ảnh."
        ) % {"width": width, "height": height, "limit": round(limit / 1_000_000, 1)}
    else:
        message = _("Ảnh quá lớn; tối đa %(limit)s triệu điểm ảnh.") % {
            "limit": round(limit / 1_000_000, 1)
        }
    return ValidationError(message, code="image_too_large")


def _image_check(file: IO[bytes]) -> str:
    """Identify the image from its header, check its pixel count, then verify its data."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns past Image.MAX_IMAGE_PIXELS and raises past twice that: both refuse.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format = image.format or ""
                width, height = image.size
                if image_format not in IMAGE_FORMATS:
                    raise _unsupported_image()
                if width * height > settings.MAX_IMAGE_PIXELS:
                    raise _too_many_pixels(width, height)
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels() from exc
    except UnidentifiedImageError as exc:
        raise ValidationError(
            _("Tệp không phải là ảnh hợp lệ (JPEG, PNG hoặc WEBP)."), code="invalid"
        ) from exc
    except (OSError, SyntaxError, ValueError, struct.error) as exc:
        # Pillow reports truncated or malformed data as OSError/SyntaxError/ValueError.
        raise ValidationError(_("Ảnh bị hỏng hoặc không đọc được."), code="invalid") from exc
    finally:
        file.seek(0)
    return image_format


def _pdf_check(file: IO[bytes]) -> None:
    """Parse the PDF's cross-reference table and page tree; refuse it without a page."""
    file.seek(0)
    try:
        # Not strict: scanners write sloppy cross-reference tables that pypdf repairs.
        pages = len(PdfReader(file).pages)
    except Exception as exc:  # a parser of untrusted bytes fails in many ways: all refuse
        raise ValidationError(
            _("Tệp PDF bị hỏng, bị mã hóa hoặc chưa tải lên hết."), code="invalid"
        ) from exc
    finally:
        file.seek(0)
    if pages < 1:
        raise ValidationError(_("Tệp PDF không có trang nào."), code="invalid")
