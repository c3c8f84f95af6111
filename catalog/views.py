"""Catalogue HTTP views outside GraphQL: thumbnails made on first request."""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from graphql_relay import from_global_id

from catalog.thumbnails import (
    ThumbnailSourceError,
    thumbnail_format_parse,
    thumbnail_get_or_create,
    thumbnail_size_snap,
    thumbnail_source_for_type,
)

logger = logging.getLogger(__name__)

# The redirect target changes when an image is replaced, so the redirect itself is cached
# briefly; the stored thumbnail behind it is what CDNs and browsers keep for long.
THUMBNAIL_REDIRECT_MAX_AGE = 3600


@require_safe
def thumbnail_view(
    request: HttpRequest,
    instance_id: str,
    size: int,
    format: str | None = None,
) -> HttpResponseRedirect:
    """Redirect to the stored thumbnail of the image behind a Relay global ID, making it first
    if needed (Saleor's ``/thumbnail/<id>/<size>/[<format>/]``)."""
    try:
        type_name, pk = from_global_id(instance_id)
        pk_value = int(pk)
    except (TypeError, ValueError) as exc:
        raise Http404("Unknown thumbnail source.") from exc
    source = thumbnail_source_for_type(type_name)
    if source is None:
        raise Http404("Unknown thumbnail source.")
    instance = source.model._default_manager.filter(pk=pk_value).first()
    if instance is None or not getattr(instance, source.image_field):
        raise Http404("No image.")
    try:
        size = thumbnail_size_snap(size)
        format_value = thumbnail_format_parse(format)
    except ValueError as exc:
        raise Http404(str(exc)) from exc

    try:
        thumbnail = thumbnail_get_or_create(instance=instance, size=size, format=format_value)
    except ThumbnailSourceError as exc:
        logger.warning("Thumbnail of %s %s not made (%s): %s", type_name, pk, exc.code, exc)
        raise Http404("No image.") from exc

    response = HttpResponseRedirect(thumbnail.image.url)
    patch_cache_control(response, public=True, max_age=THUMBNAIL_REDIRECT_MAX_AGE)
    return response
