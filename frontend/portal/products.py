"""Product pages: list, create, edit texts and category, variants with prices per channel,
publication per channel. Photos are in :mod:`frontend.portal.photos`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalog import services
from catalog.editing import (
    product_channel_listing_update,
    product_update,
    variant_channel_prices_set,
    variant_update,
)
from catalog.models import Channel, Product
from catalog.permissions import require_producer_editor

from .access import PortalScope, portal_render, portal_view, scoped_url, text_param
from .descriptions import document_to_text, text_to_document
from .forms import ProductForm, VariantForm, errors_to_form, price_field
from .selectors import certificate_state, product_for_edit, products_for_scope

PAGE_SIZE = 20


def channels() -> list[Channel]:
    return list(Channel.objects.filter(is_active=True).order_by("pk"))


def variant_form(data=None, *, initial=None, prefix=None, channel_list=None) -> VariantForm:
    """A variant form with one price field per active channel (pass ``channel_list`` when
    building several forms, so the channels are read once)."""
    form = VariantForm(data, initial=initial, prefix=prefix)
    for channel in channels() if channel_list is None else channel_list:
        form.fields[f"price_{channel.pk}"] = price_field(
            _("Giá bán %(channel)s (VND)") % {"channel": channel.name}
        )
    return form


def _prices(form: VariantForm) -> list[tuple[Channel, int]]:
    return [
        (channel, form.cleaned_data[f"price_{channel.pk}"])
        for channel in channels()
        if form.cleaned_data.get(f"price_{channel.pk}") is not None
    ]


@portal_view
def product_list(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    search = text_param(request.GET, "q", limit=100)
    page = Paginator(products_for_scope(scope=scope, search=search), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return portal_render(request, "portal/product_list.html", {"page": page, "q": search})


@portal_view
def product_new(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    """A product with its first variant and prices; published later from the edit page."""
    form, variant = (
        ProductForm(request.POST or None),
        variant_form(request.POST or None, prefix="v"),
    )
    producer = scope.producer
    if request.method == "POST":
        if producer is None:
            form.add_error(None, _("Hãy chọn chủ thể."))
        elif form.is_valid() & variant.is_valid():
            require_producer_editor(request.user, producer.pk)
            try:
                with transaction.atomic():
                    product = services.product_create(
                        producer=producer,
                        category=form.cleaned_data["category"],
                        name=form.cleaned_data["name"],
                        description=text_to_document(form.cleaned_data["description"]),
                    )
                    created = services.variant_create(
                        product=product,
                        sku=variant.cleaned_data["sku"],
                        name=variant.cleaned_data["name"],
                        weight_grams=variant.cleaned_data["weight_grams"],
                    )
                    variant_channel_prices_set(variant=created, prices=_prices(variant))
            except ValidationError as error:
                errors_to_form(
                    variant if "sku" in getattr(error, "error_dict", {}) else form, error
                )
            else:
                messages.success(request, _("Đã tạo sản phẩm %(name)s.") % {"name": product.name})
                return redirect(scoped_url(request, "frontend:portal:product", product.pk))
    context = {"form": form, "variant": variant, "producers": scope.producers()}
    status = 400 if request.method == "POST" else 200
    return portal_render(request, "portal/product_new.html", context, status=status)


def product_or_404(request: HttpRequest, scope: PortalScope, product_id: int) -> Product:
    """The scope's product (404 otherwise); on POST the user must also be allowed to edit it."""
    product = product_for_edit(scope=scope, product_id=product_id)
    if product is None or not scope.allows(product.producer_id):
        raise Http404
    if request.method == "POST":
        require_producer_editor(request.user, product.producer_id)
    return product


def _edit_page(request, product, *, form=None, variant_forms=None, new_variant=None, status=200):
    listings = {listing.channel_id: listing for listing in product.channel_listings.all()}
    variant_forms = variant_forms or {}
    active_channels = channels()
    rows = []
    for variant in product.variants.all():
        initial = {"sku": variant.sku, "name": variant.name, "weight_grams": variant.weight_grams}
        for listing in variant.channel_listings.all():
            initial[f"price_{listing.channel_id}"] = int(listing.price_amount)
        rows.append(
            (
                variant,
                variant_forms.get(variant.pk)
                or variant_form(initial=initial, prefix="v", channel_list=active_channels),
            )
        )
    context = {
        "product": product,
        "form": form
        or ProductForm(
            initial={
                "name": product.name,
                "category": product.category_id,
                "description": document_to_text(product.description),
            }
        ),
        "variant_rows": rows,
        "new_variant": new_variant or variant_form(prefix="v", channel_list=active_channels),
        "channel_rows": [(c, listings.get(c.pk)) for c in active_channels],
        "media": list(product.media.all()),
        "certificate": certificate_state(product=product),
    }
    return portal_render(request, "portal/product_edit.html", context, status=status)


@portal_view
def product_edit(request: HttpRequest, scope: PortalScope, product_id: int) -> HttpResponse:
    product = product_or_404(request, scope, product_id)
    if request.method != "POST":
        return _edit_page(request, product)
    form = ProductForm(request.POST)
    if form.is_valid():
        try:
            product_update(
                product=product,
                name=form.cleaned_data["name"],
                category=form.cleaned_data["category"],
                description=text_to_document(form.cleaned_data["description"]),
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Đã lưu sản phẩm."))
            return redirect(scoped_url(request, "frontend:portal:product", product.pk))
    return _edit_page(request, product, form=form, status=400)


@require_POST
@portal_view
def variant_save(
    request: HttpRequest, scope: PortalScope, product_id: int, variant_id: int | None = None
) -> HttpResponse:
    """Add a variant (no ``variant_id``) or change one: SKU, name, weight, prices."""
    product = product_or_404(request, scope, product_id)
    variant = None
    if variant_id is not None:
        variant = next((v for v in product.variants.all() if v.pk == variant_id), None)
        if variant is None:
            raise Http404
    form = variant_form(request.POST, prefix="v")
    if form.is_valid():
        fields = {k: form.cleaned_data[k] for k in ("sku", "name", "weight_grams")}
        try:
            with transaction.atomic():
                if variant is None:
                    sort_order = len(product.variants.all())
                    variant = services.variant_create(
                        product=product, sort_order=sort_order, **fields
                    )
                else:
                    variant_update(variant=variant, **fields)
                variant_channel_prices_set(variant=variant, prices=_prices(form))
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Đã lưu quy cách %(sku)s.") % {"sku": variant.sku})
            return redirect(scoped_url(request, "frontend:portal:product", product.pk))
    product = product_for_edit(scope=scope, product_id=product.pk)
    if variant_id is None:
        return _edit_page(request, product, new_variant=form, status=400)
    return _edit_page(request, product, variant_forms={variant_id: form}, status=400)


@require_POST
@portal_view
def product_channels(request: HttpRequest, scope: PortalScope, product_id: int) -> HttpResponse:
    """Publish or unpublish the product in each channel (checkbox per channel)."""
    product = product_or_404(request, scope, product_id)
    listings = {listing.channel_id: listing for listing in product.channel_listings.all()}
    with transaction.atomic():
        for channel in channels():
            wanted = request.POST.get(f"published-{channel.pk}") == "on"
            listing = listings.get(channel.pk)
            if listing is None and not wanted:
                continue
            if listing is None or listing.is_published != wanted:
                product_channel_listing_update(
                    product=product,
                    channel=channel,
                    is_published=wanted,
                    is_available_for_purchase=True if wanted else None,
                )
    messages.success(request, _("Đã lưu trạng thái bán trên các kênh."))
    return redirect(scoped_url(request, "frontend:portal:product", product.pk))
