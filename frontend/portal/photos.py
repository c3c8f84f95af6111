"""Product photos: upload (checked by content), order (drag and drop, or up/down buttons
without JavaScript), delete."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalog.editing import product_media_delete, product_media_reorder
from catalog.services import product_media_add

from .access import PortalScope, portal_view, scoped_url
from .products import product_or_404


def _back(request: HttpRequest, product_id: int) -> HttpResponse:
    return redirect(scoped_url(request, "frontend:portal:product", product_id) + "#photos")


@require_POST
@portal_view
def photo_upload(request: HttpRequest, scope: PortalScope, product_id: int) -> HttpResponse:
    product = product_or_404(request, scope, product_id)
    upload = request.FILES.get("image")
    if upload is None:
        messages.error(request, _("Hãy chọn một ảnh."))
        return _back(request, product.pk)
    try:
        product_media_add(product=product, upload=upload, alt=request.POST.get("alt", ""))
    except ValidationError as error:
        messages.error(request, _("Ảnh bị từ chối: %(e)s") % {"e": " ".join(error.messages)})
    else:
        messages.success(request, _("Đã thêm ảnh."))
    return _back(request, product.pk)


def _new_order(request: HttpRequest, current: list[int]) -> list[int] | None:
    """The order posted by drag and drop (``order=3,1,2``) or by an up/down button
    (``move=<id>`` and ``direction``); None when the input makes no sense."""
    if request.POST.get("order"):
        try:
            return [int(part) for part in request.POST["order"].split(",")]
        except ValueError:
            return None
    raw = request.POST.get("move", "")
    if not raw.isdigit() or int(raw) not in current:
        return None
    index = current.index(int(raw))
    other = index - 1 if request.POST.get("direction") == "up" else index + 1
    if not 0 <= other < len(current):
        return current
    order = list(current)
    order[index], order[other] = order[other], order[index]
    return order


@require_POST
@portal_view
def photo_order(request: HttpRequest, scope: PortalScope, product_id: int) -> HttpResponse:
    product = product_or_404(request, scope, product_id)
    current = [media.pk for media in product.media.all()]
    order = _new_order(request, current)
    try:
        if order is None:
            raise ValidationError(_("Thứ tự ảnh không hợp lệ."), code="invalid")
        product_media_reorder(product=product, media_ids=order)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã lưu thứ tự ảnh."))
    return _back(request, product.pk)


@require_POST
@portal_view
def photo_delete(
    request: HttpRequest, scope: PortalScope, product_id: int, media_id: int
) -> HttpResponse:
    product = product_or_404(request, scope, product_id)
    media = next((m for m in product.media.all() if m.pk == media_id), None)
    if media is None:
        raise Http404
    product_media_delete(media=media)
    messages.success(request, _("Đã xóa ảnh."))
    return _back(request, product.pk)
