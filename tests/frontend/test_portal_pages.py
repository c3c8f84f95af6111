"""Each portal page works for the users allowed on it: sign-in, dashboard, lists, forms."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import Certificate, CertificateStatus, Stock
from tests.frontend.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"frontend:portal:{name}", args=args)


def test_sign_in_with_email_and_password_opens_the_dashboard(world):
    client = client_for(None)
    page = client.get(url("login"))
    assert page.status_code == 200 and 'name="csrfmiddlewaretoken"' in page.text
    response = client.post(
        url("login"), {"username": world["member_a"].email, "password": PASSWORD}
    )
    assert response.status_code == 302 and response.url == url("dashboard")
    assert "HTX Cà phê Lạc Dương" in client.get(url("dashboard")).text


def test_wrong_password_is_refused_with_a_message(world):
    response = client_for(None).post(
        url("login"), {"username": world["member_a"].email, "password": "sai-mat-khau"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in response.wsgi_request.session


def test_sign_out_is_post_only_and_ends_the_session(world):
    client = client_for(world["member_a"])
    assert client.get(url("logout")).status_code == 405
    assert client.post(url("logout")).status_code == 302
    assert client.get(url("dashboard")).status_code == 302


def test_customer_sees_not_a_producer_account_page(world):
    response = client_for(world["customer"]).get(url("dashboard"))
    assert response.status_code == 403
    assert "Không phải tài khoản nhà sản xuất" in response.text


def test_dashboard_lists_low_stock_expiring_certificates_and_waiting_orders(world, settings):
    settings.PORTAL_LOW_STOCK = 5
    a2_variant = world["a2"].variants.get()
    Certificate.objects.filter(product=world["a1"], status=CertificateStatus.VERIFIED).update(
        valid_until=timezone.localdate() + datetime.timedelta(days=30)
    )
    page = client_for(world["member_a"]).get(url("dashboard")).text
    low = page.split('id="low-stock"')[1].split("</section>")[0]
    assert a2_variant.sku in low  # 3 left ≤ 5
    assert "Cà phê Arabica" not in low  # 10 left
    expiring = page.split('id="expiring"')[1].split("</section>")[0]
    assert "Cà phê Arabica Cầu Đất" in expiring and "Trà Atiso" not in expiring
    assert "Mứt dâu tây" not in page  # producer B's


def test_staff_dashboard_covers_every_producer_and_the_picker_narrows_it(world):
    client = client_for(world["staff"])
    page = client.get(url("dashboard")).text
    assert world["b1"].variants.get().sku not in page  # 20 in stock: not low
    Stock.objects.filter(variant__product=world["b1"]).update(quantity=1)
    assert world["b1"].variants.get().sku in client.get(url("dashboard")).text
    narrowed = client.get(url("dashboard"), {"producer": world["a"].pk}).text
    assert world["b1"].variants.get().sku not in narrowed
    assert 'name="producer"' in narrowed


def test_product_list_shows_own_products_only(world):
    page = client_for(world["member_a"]).get(url("products")).text
    assert "Cà phê Arabica Cầu Đất" in page and "Trà Atiso" in page
    assert "Mứt dâu tây" not in page


def test_stock_list_and_variant_stock_page(world):
    client = client_for(world["member_a"])
    variant = world["a2"].variants.get()
    assert variant.sku in client.get(url("stock")).text
    page = client.get(url("variant_stock", variant.pk))
    assert page.status_code == 200 and 'value="3"' in page.text


def test_certificate_list_shows_status_and_rejection_reason(world):
    certificate = world["a2"].certificates.get()
    certificate.status, certificate.status_reason = CertificateStatus.REJECTED, "Ảnh mờ, gửi lại"
    certificate.save()
    page = client_for(world["member_a"]).get(url("certificates")).text
    assert "Bị từ chối" in page and "Ảnh mờ, gửi lại" in page
    assert client_for(world["member_a"]).get(url("certificate_new")).status_code == 200


def test_every_get_page_renders_for_member_and_staff(world):
    product = world["a1"]
    pages = [
        url("dashboard"),
        url("products"),
        url("product_new"),
        url("product", product.pk),
        url("stock"),
        url("stock_import"),
        url("certificates"),
        url("certificate_new"),
        url("orders"),
    ]
    for user in (world["member_a"], world["staff"]):
        client = client_for(user)
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, (user, page)
            assert 'lang="vi"' in response.text
