"""Admin pages load for OCOP staff and certificate actions use the services."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from catalog.models import Certificate, CertificateStatus, Product
from tests.catalog.factories import make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="staff@example.vn", password="x-pass-123"
    )
    client.force_login(user)
    return client


def test_every_catalogue_admin_page_loads(staff_client):
    product = make_product()
    for model in admin.site._registry:
        if model._meta.app_label not in {"catalog", "shop", "accounts"}:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert staff_client.get(url).status_code == 200, url
    change = reverse("admin:catalog_product_change", args=[product.pk])
    assert staff_client.get(change).status_code == 200


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("admin:catalog_product_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_verify_action_moves_the_badge(staff_client):
    product = make_product(certificate_status="pending")
    certificate = Certificate.objects.get(product=product)
    response = staff_client.post(
        reverse("admin:catalog_certificate_changelist"),
        {"action": "verify", "_selected_action": [certificate.pk]},
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VERIFIED
    assert Product.objects.get(pk=product.pk).current_certificate_id == certificate.pk
