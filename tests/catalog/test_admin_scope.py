"""The admin permission matrix: anonymous, customer, member of producer A, member of producer
B and OCOP staff × every registered admin's changelist and change view, and POSTs to change
views. Allowed pages work; refused ones answer 302/403 and change nothing."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from catalog.models import (
    Certificate,
    CertificateStatus,
    Producer,
    ProducerMember,
    Product,
    Stock,
    Warehouse,
)
from orders.models import Order
from tests.catalog.factories import make_producer, make_product, variant_of
from tests.orders.conftest import shipping  # noqa: F401  (fixture)
from tests.orders.test_orders import place_order

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "customer", "member_a", "member_b", "staff")
# Admins a member may open (for its own rows); every other admin refuses members.
MEMBER_MODELS = {
    "catalog.producer",
    "catalog.product",
    "catalog.certificate",
    "catalog.warehouse",
    "catalog.stock",
    "orders.order",
    "orders.fulfillment",
}


def _label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def world(shipping):  # noqa: F811
    User = get_user_model()
    a, b = make_producer("HTX Cà phê A"), make_producer("HTX Dâu tây B")
    product_a = make_product("Cà phê A", producer=a)
    product_b = make_product("Mứt dâu B", producer=b)
    order_ab = place_order(shipping, [(variant_of(product_a), 1), (variant_of(product_b), 2)])
    order_b = place_order(shipping, [(variant_of(product_b), 1)])
    users = {"anonymous": None}
    users["customer"] = User.objects.create_user(email="khach@example.vn", password="x-pass-123")
    users["staff"] = User.objects.create_superuser(email="staff@ocop.vn", password="x-pass-123")
    for role, producer in (("member_a", a), ("member_b", b)):
        user = User.objects.create_user(email=f"{role}@htx.vn", password="x-pass-123")
        ProducerMember.objects.create(producer=producer, user=user, role="owner")
        users[role] = user
    return {
        "users": users,
        "a": a,
        "b": b,
        "product_a": product_a,
        "product_b": product_b,
        "order_ab": order_ab,
        "order_b": order_b,
    }


def _client(world, role: str) -> Client:
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    return client


def _expected_changelist(role: str, label: str) -> int:
    if role in ("anonymous", "customer"):
        return 302
    if role == "staff":
        return 200
    return 200 if label in MEMBER_MODELS else 403


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_changelist_answers_by_role(world, role):
    client = _client(world, role)
    for model in admin.site._registry:
        response = client.get(_url(model, "changelist"))
        expected = _expected_changelist(role, _label(model))
        assert response.status_code == expected, (role, _label(model), response.status_code)
        if expected == 302:
            assert "/admin/login/" in response["Location"]


def _rows(client, model) -> set:
    response = client.get(_url(model, "changelist"))
    return {obj.pk for obj in response.context["cl"].result_list}


def test_members_list_only_their_own_rows(world):
    a = world["a"]
    client = _client(world, "member_a")

    assert _rows(client, Producer) == {a.pk}
    assert _rows(client, Product) == {world["product_a"].pk}
    assert _rows(client, Certificate) == set(
        Certificate.objects.filter(product__producer=a).values_list("pk", flat=True)
    )
    assert _rows(client, Warehouse) == set(a.warehouses.values_list("pk", flat=True))
    assert _rows(client, Stock) == set(
        Stock.objects.filter(warehouse__producer=a).values_list("pk", flat=True)
    )
    assert _rows(client, Order) == {world["order_ab"].pk}  # the shared order, once
    assert _rows(_client(world, "member_b"), Order) == {world["order_ab"].pk, world["order_b"].pk}


def _objects(world) -> dict[str, tuple]:
    """(object of producer A, object of producer B) per member-visible admin."""
    a, b = world["a"], world["b"]
    pa, pb = world["product_a"], world["product_b"]
    return {
        "catalog.producer": (a, b),
        "catalog.product": (pa, pb),
        "catalog.certificate": (pa.current_certificate, pb.current_certificate),
        "catalog.warehouse": (a.warehouses.first(), b.warehouses.first()),
        "catalog.stock": (
            Stock.objects.filter(warehouse__producer=a).first(),
            Stock.objects.filter(warehouse__producer=b).first(),
        ),
        "orders.order": (world["order_ab"], world["order_b"]),
    }


@pytest.mark.parametrize("role", ROLES)
def test_change_views_of_each_producers_rows_by_role(world, role):
    client = _client(world, role)
    for label, (obj_a, obj_b) in _objects(world).items():
        for owner, obj in (("a", obj_a), ("b", obj_b)):
            response = client.get(_url(type(obj), "change", obj.pk))
            if role in ("anonymous", "customer"):
                expected = 302
            elif role == "staff" or role == f"member_{owner}":
                expected = 200
            elif label == "orders.order" and obj == world["order_ab"]:
                expected = 200  # both producers have lines in it
            else:
                expected = 302  # "does not exist": back to the admin index
            assert response.status_code == expected, (role, label, owner)
            if expected == 302 and role.startswith("member"):
                assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize("role", ("member_a", "member_b"))
def test_members_get_403_on_change_views_of_unscoped_admins(world, role):
    client = _client(world, role)
    category = world["product_a"].category
    assert client.get(_url(type(category), "change", category.pk)).status_code == 403
    user = world["users"]["customer"]
    assert client.get(_url(type(user), "change", user.pk)).status_code == 403


def test_a_shared_order_shows_a_member_only_its_own_lines(world):
    order = world["order_ab"]
    response = _client(world, "member_a").get(_url(Order, "change", order.pk))
    content = response.content.decode()
    assert "Cà phê A" in content and "Mứt dâu B" not in content
    assert "total_gross_amount" not in content  # the whole order's totals are not shown
    staff = _client(world, "staff").get(_url(Order, "change", order.pk)).content.decode()
    assert "Cà phê A" in staff and "Mứt dâu B" in staff


# --- POSTs ----------------------------------------------------------------------------------
def _form_data(response) -> dict:
    """The change form as the browser would submit it unchanged (main form and inlines)."""
    data: dict = {}
    all_forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        all_forms.append(formset.management_form)
        all_forms.extend(formset.forms)
    for form in all_forms:
        for bound in form:
            if isinstance(bound.field, forms.FileField):
                continue  # no new upload: the stored file stays
            value = bound.value()
            widget = bound.field.widget
            if hasattr(widget, "widgets") and hasattr(widget, "decompress"):
                for index, part in enumerate(widget.decompress(value)):
                    data[f"{bound.html_name}_{index}"] = "" if part is None else part
                continue
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
                continue
            value = bound.field.prepare_value(value)
            if value is None:
                value = ""
            data[bound.html_name] = value
    return data


def test_member_edits_its_own_product(world):
    client = _client(world, "member_a")
    product = world["product_a"]
    url = _url(Product, "change", product.pk)
    data = _form_data(client.get(url))
    data["name"] = "Cà phê A rang mộc"

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    product.refresh_from_db()
    assert product.name == "Cà phê A rang mộc"


def test_member_cannot_move_its_product_or_stock_to_another_producer(world):
    client = _client(world, "member_a")
    product = world["product_a"]
    url = _url(Product, "change", product.pk)
    data = _form_data(client.get(url))
    data["producer"] = world["b"].pk

    response = client.post(url, data)

    assert response.status_code == 200
    assert "producer" in response.context["adminform"].form.errors
    product.refresh_from_db()
    assert product.producer_id == world["a"].pk

    stock = Stock.objects.filter(warehouse__producer=world["a"]).first()
    url = _url(Stock, "change", stock.pk)
    data = _form_data(client.get(url))
    assert "warehouse" not in data  # a stock row's variant and warehouse are read-only
    data["warehouse"] = world["b"].warehouses.first().pk
    response = client.post(url, data)
    assert response.status_code == 302  # the quantity saved, the posted warehouse ignored
    stock.refresh_from_db()
    assert stock.warehouse.producer_id == world["a"].pk


@pytest.mark.parametrize("role", ("anonymous", "customer", "member_b"))
def test_others_posting_to_a_product_change_nothing(world, role):
    staff = _client(world, "staff")
    product = world["product_a"]
    url = _url(Product, "change", product.pk)
    data = _form_data(staff.get(url))
    data["name"] = "Bị sửa trái phép"

    response = _client(world, role).post(url, data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.name == "Cà phê A"


def test_member_cannot_verify_certificates_or_edit_an_unscoped_admin(world):
    product = make_product("Chờ xác minh", producer=world["a"], certificate_status="pending")
    certificate = Certificate.objects.get(product=product)
    client = _client(world, "member_a")

    response = client.post(
        _url(Certificate, "changelist"),
        {"action": "verify", "_selected_action": [certificate.pk]},
    )
    assert response.status_code in (200, 302)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.PENDING
    # Nor through the change view (members may not change certificates).
    response = client.post(_url(Certificate, "change", certificate.pk), {"status": "verified"})
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.PENDING

    category = world["product_a"].category
    response = client.post(_url(type(category), "change", category.pk), {"name": "Đổi tên"})
    assert response.status_code == 403
    category.refresh_from_db()
    assert category.name != "Đổi tên"


def test_member_producer_change_keeps_staff_only_fields(world):
    client = _client(world, "member_a")
    producer = world["a"]
    url = _url(Producer, "change", producer.pk)
    data = _form_data(client.get(url))
    assert "is_active" not in data and "slug" not in data
    data["contact_phone"] = "0909123456"
    data["is_active"] = ""  # not a field for members: ignored

    response = client.post(url, data)

    assert response.status_code == 302
    producer.refresh_from_db()
    assert (producer.contact_phone, producer.is_active) == ("0909123456", True)


def test_members_sign_in_to_the_admin_but_customers_do_not(world):
    for email, allowed in (("member_a@htx.vn", True), ("khach@example.vn", False)):
        client = Client()
        response = client.post(
            reverse("admin:login"), {"username": email, "password": "x-pass-123"}
        )
        assert (response.status_code == 302) is allowed, email
    inactive = world["users"]["member_b"]
    inactive.is_active = False
    inactive.save()
    response = Client().post(
        reverse("admin:login"), {"username": "member_b@htx.vn", "password": "x-pass-123"}
    )
    assert response.status_code == 200


def _certificate_post(product, number: str, **changes) -> dict:
    data = {
        "product": product.pk,
        "stars": 4,
        "score": 75,
        "certificate_number": number,
        "decision_number": "12/QĐ-UBND",
        "decision_date": "2026-01-10",
        "issuer": "UBND tỉnh Lâm Đồng",
        "issuer_level": "province",
        "issued_on": "2026-01-15",
        "valid_until": "2029-01-15",
    }
    return {**data, **changes}


def test_member_submits_a_certificate_for_its_own_product_only(world):
    client = _client(world, "member_a")
    url = _url(Certificate, "add")

    response = client.post(url, _certificate_post(world["product_a"], "OCOP-A-2026"))

    assert response.status_code == 302
    submitted = Certificate.objects.get(certificate_number="OCOP-A-2026")
    assert (submitted.product_id, submitted.status) == (
        world["product_a"].pk,
        CertificateStatus.PENDING,
    )
    response = client.post(url, _certificate_post(world["product_b"], "OCOP-B-2026"))
    assert response.status_code == 200 and "product" in response.context["adminform"].form.errors
    # A status in the POST is ignored: members cannot verify their own certificate.
    client.post(url, _certificate_post(world["product_a"], "OCOP-A-2027", status="verified"))
    assert Certificate.objects.get(certificate_number="OCOP-A-2027").status == "pending"
    assert not Certificate.objects.filter(certificate_number="OCOP-B-2026").exists()


def test_admin_certificate_form_checks_the_score_against_the_star_class(world):
    client = _client(world, "staff")

    response = client.post(
        _url(Certificate, "add"), _certificate_post(world["product_a"], "OCOP-X", score=95)
    )

    assert response.status_code == 200
    assert "score" in response.context["adminform"].form.errors
    assert not Certificate.objects.filter(certificate_number="OCOP-X").exists()


@pytest.mark.parametrize("role", ROLES)
def test_change_views_of_admins_members_may_not_use(world, role):
    client = _client(world, role)
    for model in admin.site._registry:
        if _label(model) in MEMBER_MODELS:
            continue  # by producer: test_change_views_of_each_producers_rows_by_role
        obj = model._default_manager.first()
        if obj is None:
            continue
        response = client.get(_url(model, "change", obj.pk))
        expected = {"anonymous": 302, "customer": 302, "staff": 200}.get(role, 403)
        assert response.status_code == expected, (role, _label(model))


def _snapshot(obj) -> dict:
    from django.forms.models import model_to_dict

    return model_to_dict(type(obj)._default_manager.get(pk=obj.pk))


@pytest.mark.parametrize("role", ("anonymous", "customer", "member_b"))
def test_posts_to_producer_a_change_views_by_others_change_nothing(world, role):
    client = _client(world, role)
    for label, (obj_a, _obj_b) in _objects(world).items():
        if label == "orders.order":
            continue  # shared by A and B: below
        before = _snapshot(obj_a)
        response = client.post(_url(type(obj_a), "change", obj_a.pk), {"name": "Bị sửa"})
        # 302: to the sign-in page, or "not found" for a member; 403: members may not change
        # that kind of row at all (certificates).
        assert response.status_code in (302, 403), (role, label)
        assert _snapshot(obj_a) == before, (role, label)


def test_members_cannot_post_to_read_only_order_views(world):
    order = world["order_ab"]
    before = _snapshot(order)
    for role in ("member_a", "member_b"):
        response = _client(world, role).post(
            _url(Order, "change", order.pk), {"customer_note": "Sửa đơn"}
        )
        assert response.status_code == 403
    assert _snapshot(order) == before


def test_certificate_change_view_lists_the_expiry_reminders_sent(world):
    from catalog.models import CertificateReminder

    certificate = world["product_a"].current_certificate
    CertificateReminder.objects.create(certificate=certificate, days_before=30)
    for role in ("staff", "member_a"):
        response = _client(world, role).get(_url(Certificate, "change", certificate.pk))
        assert response.status_code == 200
        assert "30 ngày" in response.content.decode()


def test_member_cannot_add_members_through_the_read_only_inline(world):
    client = _client(world, "member_a")
    producer = world["a"]
    url = _url(Producer, "change", producer.pk)
    data = _form_data(client.get(url))
    assert data["memberships-INITIAL_FORMS"] == 1  # the inline is on the page, view-only
    outsider = world["users"]["customer"]
    data.update(
        {
            "memberships-TOTAL_FORMS": "1",
            "memberships-0-user": outsider.pk,
            "memberships-0-role": "owner",
            "memberships-0-producer": producer.pk,
        }
    )

    client.post(url, data)

    assert not ProducerMember.objects.filter(user=outsider).exists()
