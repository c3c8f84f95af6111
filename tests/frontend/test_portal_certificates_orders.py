"""Certificates (submit with a scan, status, private scan link) and orders (own lines only,
fulfil with a tracking number, packing slip) through the portal."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import Certificate, CertificateStatus, Stock
from orders.models import Fulfillment, OrderLine, OrderStatus
from tests.catalog.factories import pdf_bytes
from tests.frontend.conftest import client_for, place_order

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()
# Issue #9, item 1: HTML and script between a PDF's first and last bytes.
POLYGLOT = b"%PDF-1.4\n<html><script>fetch('/graphql/')</script></html>\n%%EOF\n"


def url(name: str, *args) -> str:
    return reverse(f"frontend:portal:{name}", args=args)


def certificate_data(product, **overrides):
    data = {
        "product": product.pk,
        "stars": "4",
        "score": "78",
        "certificate_number": "LD-2026-001",
        "decision_number": "501/QĐ-UBND",
        "decision_date": "2026-03-01",
        "issuer": "UBND tỉnh Lâm Đồng",
        "issuer_level": "province",
        "issued_on": "2026-03-05",
        "scan": SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf"),
    }
    return {**data, **overrides}


def test_member_submits_a_certificate_with_a_private_scan(world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    client = client_for(world["member_a"])
    response = client.post(url("certificate_new"), certificate_data(world["a2"]))
    assert response.status_code == 302
    certificate = Certificate.objects.get(certificate_number="LD-2026-001")
    assert (certificate.product, certificate.status) == (world["a2"], CertificateStatus.PENDING)
    assert "LD-2026-001" in client.get(url("certificates")).text
    link = client.get(url("certificate_scan", certificate.pk))
    assert link.status_code == 302 and "/private-media/" in link.url
    served = client.get(link.url)
    assert b"".join(served.streaming_content) == PDF
    assert served["Content-Type"] == "application/pdf"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"].startswith("sandbox")
    assert re.fullmatch(r"certificates/[0-9a-f]{32}\.pdf", certificate.scan.name)
    # Another producer's member: as if it did not exist.
    other = client_for(world["member_b"]).get(url("certificate_scan", certificate.pk))
    assert other.status_code == 404


def test_certificate_form_refuses_bad_input_and_stores_nothing(world):
    client = client_for(world["member_a"])
    before = Certificate.objects.count()
    fake = client.post(
        url("certificate_new"),
        certificate_data(world["a2"], scan=SimpleUploadedFile("scan.pdf", b"<html>x</html>")),
    )
    assert fake.status_code == 400
    wrong_score = client.post(url("certificate_new"), certificate_data(world["a2"], score="40"))
    assert wrong_score.status_code == 400 and "không thuộc hạng" in wrong_score.text
    foreign = client.post(url("certificate_new"), certificate_data(world["b1"]))
    assert foreign.status_code == 400  # B's product is not a choice for A's member
    assert Certificate.objects.count() == before


def test_certificate_form_refuses_an_html_page_wrapped_as_a_pdf(world, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    client = client_for(world["member_a"])
    scan = SimpleUploadedFile("giay-chung-nhan.html", POLYGLOT, content_type="text/html")
    response = client.post(url("certificate_new"), certificate_data(world["a2"], scan=scan))
    assert response.status_code == 400
    assert "Tệp PDF bị hỏng" in response.text  # the form says why
    assert not Certificate.objects.filter(certificate_number="LD-2026-001").exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


@pytest.fixture
def order_ab(world, shipping):
    a_variant = world["a1"].variants.order_by("sort_order").first()
    b_variant = world["b1"].variants.get()
    order = place_order(shipping, [(a_variant, 2), (b_variant, 3)], email="khach@example.vn")
    return order


def test_member_sees_only_own_lines_and_shipping_data(world, order_ab):
    page = client_for(world["member_a"]).get(url("order", order_ab.pk)).text
    assert world["a1"].variants.order_by("sort_order").first().sku in page
    assert world["b1"].variants.get().sku not in page and "Mứt dâu tây" not in page
    assert "12 Đường Lang Biang" in page  # the shipping address
    assert "khach@example.vn" not in page  # no buyer data beyond shipping
    assert str(int(order_ab.total_gross_amount)) not in page.replace(".", "").replace(",", "")
    listing = client_for(world["member_a"]).get(url("orders")).text
    assert f"#{order_ab.number}" in listing


def test_member_fulfils_own_lines_with_tracking_number(world, order_ab):
    client = client_for(world["member_a"])
    a_line = OrderLine.objects.get(order=order_ab, producer=world["a"])
    b_line = OrderLine.objects.get(order=order_ab, producer=world["b"])
    stock_before = Stock.objects.get(variant=a_line.variant).quantity
    missing = client.post(url("order_fulfil", order_ab.pk), {f"quantity-{a_line.pk}": "2"})
    assert missing.status_code == 302 and not Fulfillment.objects.exists()
    # A line of another producer posted by hand is ignored: only own lines are shipped.
    done = client.post(
        url("order_fulfil", order_ab.pk),
        {f"quantity-{a_line.pk}": "2", f"quantity-{b_line.pk}": "3", "tracking_number": "GHN123"},
    )
    assert done.status_code == 302
    fulfillment = Fulfillment.objects.get()
    assert (fulfillment.producer, fulfillment.tracking_number) == (world["a"], "GHN123")
    a_line.refresh_from_db()
    b_line.refresh_from_db()
    assert (a_line.quantity_fulfilled, b_line.quantity_fulfilled) == (2, 0)
    assert Stock.objects.get(variant=a_line.variant).quantity == stock_before - 2
    order_ab.refresh_from_db()
    assert order_ab.status == OrderStatus.PARTIALLY_FULFILLED
    assert "GHN123" in client.get(done.url).text


def test_fulfil_more_than_ordered_is_refused(world, order_ab):
    a_line = OrderLine.objects.get(order=order_ab, producer=world["a"])
    client = client_for(world["member_a"])
    client.post(
        url("order_fulfil", order_ab.pk),
        {f"quantity-{a_line.pk}": "5", "tracking_number": "GHN1"},
    )
    assert not Fulfillment.objects.exists()


def test_packing_slip_is_printable_and_shows_own_lines(world, order_ab):
    page = client_for(world["member_b"]).get(url("packing_slip", order_ab.pk)).text
    # the print button is wired by portal.js (the CSP refuses inline handlers)
    assert "Phiếu đóng gói" in page and "data-print" in page
    assert "window.print()" in open("frontend/static/portal/portal.js").read()
    assert world["b1"].variants.get().sku in page
    assert world["a1"].variants.order_by("sort_order").first().sku not in page
    assert "@media print" in open("frontend/static/portal/portal.css").read()


def test_dashboard_counts_the_waiting_order(world, order_ab):
    page = client_for(world["member_b"]).get(url("dashboard")).text
    waiting = page.split('id="orders-waiting"')[1].split("</section>")[0]
    assert f"#{order_ab.number}" in waiting
