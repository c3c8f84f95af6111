"""Stored thumbnails of catalogue images, made once on first request (Saleor-style).

A thumbnail is asked for by a Relay global ID, a size and a format. Sizes snap to
``THUMBNAIL_SIZES`` so that only a few copies of each image ever exist; the first request makes
the copy with Pillow and stores it on the default storage as a ``Thumbnail`` row, later ones are
redirected straight to the stored file. GraphQL resolvers call ``thumbnail_url`` with the
prefetched thumbnails of an instance and so never touch the database.
"""

from __future__ import annotations

import functools
import io
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest
from django.urls import reverse
from graphql_relay import to_global_id
from PIL import Image, ImageOps, UnidentifiedImageError, features

from catalog.models import Category, Collection, Producer, ProducerMedia, ProductMedia, Thumbnail

logger = logging.getLogger(__name__)

THUMBNAIL_SIZES = (32, 64, 128, 256, 512, 1024, 2048, 4096)

JPEG_QUALITY = 85
WEBP_QUALITY = 80
AVIF_QUALITY = 70

# Pillow format of the source -> Pillow format written for Format.ORIGINAL. Anything not listed
# (GIF, BMP, TIFF, ...) becomes PNG: lossless, keeps transparency, shown by every browser.
_ORIGINAL_OUTPUT = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "AVIF": "AVIF"}
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif"}


class ThumbnailSourceError(Exception):
    """The source image cannot be made into a thumbnail.

    ``code`` is ``"no_image"`` (the instance has none), ``"missing"`` (the file is gone from
    storage), ``"unreadable"`` (not an image Pillow can decode) or ``"too_large"`` (more pixels
    than ``settings.MAX_IMAGE_PIXELS``: a possible decompression bomb). The Pillow exception, if
    any, is chained as ``__cause__``.
    """

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ThumbnailSource:
    """Where the image of one kind of instance lives and how its thumbnails point back at it."""

    model: type[models.Model]
    type_name: str  # Relay type name used in global IDs
    image_field: str  # ImageField on ``model``
    thumbnail_fk: str  # ForeignKey on ``Thumbnail`` pointing at ``model``

    @property
    def related_name(self) -> str:
        """Reverse accessor on the instance (``media.thumbnails``, ``producer.logo_thumbnails``)."""
        return Thumbnail._meta.get_field(self.thumbnail_fk).remote_field.get_accessor_name()


_SOURCES = (
    ThumbnailSource(ProductMedia, "ProductMedia", "image", "product_media"),
    ThumbnailSource(Category, "Category", "background_image", "category"),
    ThumbnailSource(Collection, "Collection", "background_image", "collection"),
    ThumbnailSource(Producer, "Producer", "logo", "producer"),
    ThumbnailSource(ProducerMedia, "ProducerMedia", "image", "producer_media"),
)
_SOURCES_BY_MODEL = {source.model: source for source in _SOURCES}
_SOURCES_BY_TYPE = {source.type_name: source for source in _SOURCES}


def thumbnail_size_snap(size: int) -> int:
    """Return the smallest allowed size not below ``size``, or the largest allowed size."""
    if size <= 0:
        raise ValueError(f"Thumbnail size must be positive, got {size}.")
    return next((allowed for allowed in THUMBNAIL_SIZES if allowed >= size), THUMBNAIL_SIZES[-1])


@functools.cache
def _avif_supported() -> bool:
    return bool(features.check("avif"))


def thumbnail_format_parse(format: str | None) -> str:
    """Map a requested format (``None``, ``"original"``, ``"webp"``, ``"avif"``; any case) to a
    ``Thumbnail.Format`` value. Raises ``ValueError`` for anything else, and for AVIF when this
    Pillow build cannot write it."""
    if format is None:
        return Thumbnail.Format.ORIGINAL
    value = format.strip().upper()
    if value not in Thumbnail.Format.values:
        allowed = ", ".join(choice.lower() for choice in Thumbnail.Format.values)
        raise ValueError(f"Unknown thumbnail format {format!r}; use one of: {allowed}.")
    if value == Thumbnail.Format.AVIF and not _avif_supported():
        raise ValueError("AVIF thumbnails are not available: this Pillow build cannot write AVIF.")
    return value


def thumbnail_source_field(instance: models.Model) -> ThumbnailSource:
    """Tell which ``Thumbnail`` FK and which image field serve ``instance``'s kind.

    Raises ``TypeError`` for a model that has no thumbnails.
    """
    source = _SOURCES_BY_MODEL.get(type(instance))
    if source is None:
        raise TypeError(f"{type(instance).__name__} has no thumbnails.")
    return source


def thumbnail_source_for_type(type_name: str) -> ThumbnailSource | None:
    """The source for a Relay type name from a global ID, or ``None`` if it has no thumbnails."""
    return _SOURCES_BY_TYPE.get(type_name)


def _image_of(instance: models.Model, source: ThumbnailSource) -> FieldFile | None:
    field_file = getattr(instance, source.image_field)
    return field_file if field_file else None


def thumbnail_get_or_create(*, instance: models.Model, size: int, format: str) -> Thumbnail:
    """Return the stored thumbnail of ``instance``'s image, making and storing it if needed.

    ``size`` is snapped to ``THUMBNAIL_SIZES``; ``format`` is a ``Thumbnail.Format`` value (see
    ``thumbnail_format_parse``). The longer side of the result equals the snapped size, or the
    original's if that is smaller (never upscaled). Two requests making the same thumbnail at
    once both get the row that was saved first. Raises ``ThumbnailSourceError`` when the source
    is absent, unreadable or too large.
    """
    source = thumbnail_source_field(instance)
    size = thumbnail_size_snap(size)
    lookup = {source.thumbnail_fk: instance, "size": size, "format": format}
    existing = Thumbnail.objects.filter(**lookup).first()
    if existing is not None:
        return existing

    field_file = _image_of(instance, source)
    if field_file is None:
        raise ThumbnailSourceError(
            f"{source.type_name} {instance.pk} has no image.", code="no_image"
        )
    content, extension = _thumbnail_render(field_file, size=size, format=format)

    thumbnail = Thumbnail(**lookup)
    # A random name: the stored copy of a product hidden later cannot be found by guessing.
    thumbnail.image.save(f"{secrets.token_hex(16)}.{extension}", content, save=False)
    try:
        with transaction.atomic():
            thumbnail.save()
    except IntegrityError:
        # Another request stored the same thumbnail meanwhile: keep theirs, drop our file.
        thumbnail.image.storage.delete(thumbnail.image.name)
        return Thumbnail.objects.get(**lookup)
    return thumbnail


def _pixel_limit() -> int:
    limits = [settings.MAX_IMAGE_PIXELS, Image.MAX_IMAGE_PIXELS]
    return min(limit for limit in limits if limit)


def _thumbnail_render(field_file: FieldFile, *, size: int, format: str) -> tuple[ContentFile, str]:
    """Open, orient, shrink and encode the source; return the encoded file and its extension."""
    name = field_file.name
    try:
        with field_file.storage.open(name, "rb") as stream:
            image = Image.open(stream)
            source_format = image.format or ""
            width, height = image.size
            if width * height > _pixel_limit():
                raise Image.DecompressionBombError(
                    f"{width}x{height} pixels is more than the {_pixel_limit()} allowed."
                )
            if source_format == "JPEG":
                # Let libjpeg decode at 1/2, 1/4 or 1/8 scale: far less memory for big photos.
                image.draft(None, (size, size))
            image = ImageOps.exif_transpose(image)
            image = _image_normalise_mode(image)
            image.thumbnail((size, size), Image.Resampling.LANCZOS)
    except Image.DecompressionBombError as exc:
        raise ThumbnailSourceError(f"Image {name} is too large: {exc}", code="too_large") from exc
    except FileNotFoundError as exc:
        raise ThumbnailSourceError(f"Image file {name} is missing.", code="missing") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        # Pillow reports truncated or malformed data as OSError/SyntaxError/ValueError.
        raise ThumbnailSourceError(
            f"Image {name} cannot be read: {exc}", code="unreadable"
        ) from exc

    output_format = (
        _ORIGINAL_OUTPUT.get(source_format, "PNG")
        if format == Thumbnail.Format.ORIGINAL
        else format
    )
    return ContentFile(_image_encode(image, output_format)), _EXTENSIONS[output_format]


def _image_normalise_mode(image: Image.Image) -> Image.Image:
    """Bring any mode to L/LA/RGB/RGBA, keeping transparency, so resampling is smooth."""
    if image.mode in ("L", "LA", "RGB", "RGBA"):
        return image
    has_alpha = image.mode in ("PA", "La", "RGBa") or (
        image.mode == "P" and "transparency" in image.info
    )
    return image.convert("RGBA" if has_alpha else "RGB")


def _image_encode(image: Image.Image, output_format: str) -> bytes:
    options: dict[str, object] = {}
    if icc_profile := image.info.get("icc_profile"):
        options["icc_profile"] = icc_profile  # colours stay right; EXIF (GPS...) is dropped
    if output_format == "JPEG":
        image = _image_flatten(image) if image.mode in ("LA", "RGBA") else image
        options |= {"quality": JPEG_QUALITY, "optimize": True}
    elif output_format == "PNG":
        options |= {"optimize": True}
    else:  # WEBP, AVIF: colour only, alpha kept
        if image.mode in ("L", "LA"):
            image = image.convert("RGBA" if image.mode == "LA" else "RGB")
        quality = WEBP_QUALITY if output_format == "WEBP" else AVIF_QUALITY
        options |= {"quality": quality}
    buffer = io.BytesIO()
    image.save(buffer, format=output_format, **options)
    return buffer.getvalue()


def _image_flatten(image: Image.Image) -> Image.Image:
    """Put a transparent image on white (JPEG has no alpha channel)."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def thumbnail_url(
    *,
    instance: models.Model,
    size: int,
    format: str | None,
    thumbnails: list[Thumbnail] | None = None,
    request: HttpRequest | None = None,
) -> str | None:
    """URL of ``instance``'s image at ``size`` in ``format``, for GraphQL resolvers.

    The stored thumbnail's URL if it exists, else the thumbnail view's URL (which makes it on
    first request). Pass ``thumbnails`` (the instance's thumbnails, prefetched) to run no query;
    without it the instance's prefetch cache is used if present, else one query. URLs are
    absolute when ``request`` is given. ``None`` if the instance has no image. Raises
    ``ValueError`` for a bad size or format.
    """
    source = thumbnail_source_field(instance)
    if _image_of(instance, source) is None:
        return None
    size = thumbnail_size_snap(size)
    format_value = thumbnail_format_parse(format)

    thumbnail = _thumbnail_find(
        instance, source, size=size, format=format_value, thumbnails=thumbnails
    )
    if thumbnail is not None:
        url = thumbnail.image.url
    else:
        global_id = to_global_id(source.type_name, instance.pk)
        if format_value == Thumbnail.Format.ORIGINAL:
            url = reverse("thumbnail", args=[global_id, size])
        else:
            url = reverse("thumbnail-format", args=[global_id, size, format_value.lower()])
    return request.build_absolute_uri(url) if request is not None else url


def _thumbnail_find(
    instance: models.Model,
    source: ThumbnailSource,
    *,
    size: int,
    format: str,
    thumbnails: list[Thumbnail] | None,
) -> Thumbnail | None:
    if thumbnails is None and source.related_name in getattr(
        instance, "_prefetched_objects_cache", {}
    ):
        thumbnails = list(getattr(instance, source.related_name).all())
    if thumbnails is None:
        lookup = {source.thumbnail_fk: instance, "size": size, "format": format}
        return Thumbnail.objects.filter(**lookup).first()
    return next((t for t in thumbnails if t.size == size and t.format == format), None)
