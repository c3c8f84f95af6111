"""Catalogue HTTP views outside GraphQL: thumbnails made on first request."""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from graphql_relay import from_global_id

from catalog.permissions import can_edit_producer
from catalog.selectors import image_owner_get
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
    if needed (Saleor's ``/thumbnail/<id>/<size>/[<format>/]``).

    Images the public may not see answer 404 except to staff and the owning producer's
    members (``catalog.selectors.image_owner_get``). Queries: one for the owner and its
    visibility, one for the stored thumbnail (plus its insert on first request); a signed-in
    user's session and membership add theirs only when the image is hidden."""
    try:
        type_name, pk = from_global_id(instance_id)
        pk_value = int(pk)
    except (TypeError, ValueError) as exc:
        raise Http404("Unknown thumbnail source.") from exc
    source = thumbnail_source_for_type(type_name)
    if source is None:
        raise Http404("Unknown thumbnail source.")
    instance = image_owner_get(model=source.model, pk=pk_value)
    if instance is None or not getattr(instance, source.image_field):
        raise Http404("No image.")
    if not instance.is_public and not can_edit_producer(request.user, instance.owner_producer_id):
        # Hidden from the public (uncertified or unpublished product, inactive producer...):
        # the same answer as for an unknown id, so ids of hidden items are not confirmed.
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
    if instance.is_public:
        patch_cache_control(response, public=True, max_age=THUMBNAIL_REDIRECT_MAX_AGE)
    else:  # shown to its editors only: no shared cache may keep it
        patch_cache_control(response, private=True, no_store=True)
    return response
