"""Certificates: the list with status and reasons, the submit form, the private scan."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from catalog.models import Product
from catalog.permissions import require_producer_editor
from catalog.services import certificate_scan_url, certificate_submit

from .access import PortalScope, portal_render, portal_view, scoped_url
from .forms import CertificateForm, errors_to_form
from .selectors import certificates_for_scope

PAGE_SIZE = 25


@portal_view
def certificate_list(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    page = Paginator(certificates_for_scope(scope=scope), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return portal_render(request, "portal/certificate_list.html", {"page": page})


@portal_view
def certificate_new(request: HttpRequest, scope: PortalScope) -> HttpResponse:
    products = scope.filter(Product.objects.all()).select_related("producer").order_by("name")
    if request.method != "POST":
        initial = {"issuer_level": "district"}
        product_id = request.GET.get("product", "")
        if product_id.isdigit():  # from a product's edit page ("submit one")
            initial["product"] = products.filter(pk=int(product_id)).first()
        form = CertificateForm(products=products, initial=initial)
        return portal_render(request, "portal/certificate_form.html", {"form": form})
    form = CertificateForm(request.POST, request.FILES, products=products)
    if form.is_valid():
        data = form.cleaned_data
        product = data.pop("product")
        require_producer_editor(request.user, product.producer_id)
        try:
            certificate = certificate_submit(product=product, **data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("Đã gửi giấy chứng nhận %(n)s; văn phòng OCOP sẽ xác minh.")
                % {"n": certificate.certificate_number},
            )
            return redirect(scoped_url(request, "frontend:portal:certificates"))
    return portal_render(request, "portal/certificate_form.html", {"form": form}, status=400)


@portal_view
def certificate_scan(request: HttpRequest, scope: PortalScope, certificate_id: int) -> HttpResponse:
    """Redirect to a short-lived link to the scan (others' certificates: not found)."""
    certificate = certificates_for_scope(scope=scope).filter(pk=certificate_id).first()
    if certificate is None:
        raise Http404
    url = certificate_scan_url(certificate=certificate, user=request.user)
    if url is None:
        raise Http404
    return redirect(url)
