"""Producer editing of product photos: order (drag-to-order in the portal), alt text, delete.

Adding a photo is ``catalog.services.product_media_add`` (content-checked upload).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from shop.cache import catalogue_version_bump

from .models import Product, ProductMedia, Thumbnail
from .services import media_alt_text

logger = logging.getLogger(__name__)


@transaction.atomic
def product_media_reorder(*, product: Product, media_ids: Sequence[int]) -> list[ProductMedia]:
    """Put ``product``'s photos in the order of ``media_ids`` (the first is the thumbnail).

    Every id must be a photo of ``product`` (code ``not_products_image``), none twice; photos
    left out keep their relative order after the listed ones.
    """
    Product.objects.select_for_update().get(pk=product.pk)
    if len(set(media_ids)) != len(media_ids):
        raise ValidationError(
            {"media_ids": ValidationError(_("Ảnh bị lặp lại."), code="duplicated_input_item")}
        )
    media = {m.pk: m for m in ProductMedia.objects.filter(product=product)}
    foreign = [pk for pk in media_ids if pk not in media]
    if foreign:
        raise ValidationError(
            {
                "media_ids": ValidationError(
                    _("Ảnh không thuộc sản phẩm này."), code="not_products_image"
                )
            }
        )
    rest = [m for m in sorted(media.values(), key=lambda m: (m.sort_order, m.pk))]
    ordered = [media[pk] for pk in media_ids] + [m for m in rest if m.pk not in set(media_ids)]
    for position, item in enumerate(ordered):
        item.sort_order = position
    ProductMedia.objects.bulk_update(ordered, ["sort_order"])
    catalogue_version_bump()  # bulk_update sends no signals
    return ordered


@transaction.atomic
def product_media_update(*, media: ProductMedia, alt: str) -> ProductMedia:
    media.alt = media_alt_text(alt)
    media.save(update_fields=["alt"])
    return media


@transaction.atomic
def product_media_delete(*, media: ProductMedia) -> None:
    """Delete a photo, its thumbnails and (after commit) their files."""
    files = media_files([media])
    media.delete()
    files_delete_on_commit(files)


def media_files(media: Iterable[ProductMedia]) -> list[tuple[Any, str]]:
    media = list(media)
    files = [(m.image.storage, m.image.name) for m in media if m.image]
    for thumb in Thumbnail.objects.filter(product_media__in=media):
        if thumb.image:
            files.append((thumb.image.storage, thumb.image.name))
    return files


def files_delete_on_commit(files: list[tuple[Any, str]]) -> None:
    """Delete stored files once the rows that pointed at them are gone for good."""

    def delete() -> None:
        for storage, name in files:
            try:
                storage.delete(name)
            except Exception:  # a stray file must not fail a committed delete
                logger.warning("Could not delete stored file %s", name, exc_info=True)

    transaction.on_commit(delete)
