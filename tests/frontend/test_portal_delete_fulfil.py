"""Portal follow-ups: deleting a product or a variant (confirmation, refusal while open orders
hold it), staff picking the producer whose lines a parcel carries, and the certificate status
on the product edit page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from catalog.models import (
    Certificate,
    CertificateStatus,
    Product,
    ProductVariant,
    Stock,
    VariantChannelListing,
)
from orders.models import Fulfillment, OrderLine
from orders.services import order_cancel
from tests.catalog.factories import make_product
from tests.frontend.conftest import client_for, place_order

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"frontend:portal:{name}", args=args)


def catalogue_rows(product: Product) -> tuple:
    return (
        Product.objects.filter(pk=product.pk).count(),
        list(ProductVariant.objects.filter(product=product).order_by("pk").values_list("pk")),
        list(Stock.objects.filter(variant__product=product).order_by("pk").values_list("pk")),
        VariantChannelListing.objects.filter(variant__product=product).count(),
        Certificate.objects.filter(product=product).count(),
    )


# --- delete -----------------------------------------------------------------------------------
def test_product_delete_asks_first_then_deletes(world):
    client = client_for(world["member_a"])
    product = world["a2"]
    page = client.get(url("product_delete", product.pk))
    assert page.status_code == 200
    assert "Trà Atiso" in page.text and "Xóa sản phẩm" in page.text
    assert Product.objects.filter(pk=product.pk).exists()  # GET changes nothing

    done = client.post(url("product_delete", product.pk))

    assert done.status_code == 302 and done.url == url("products")
    assert not Product.objects.filter(pk=product.pk).exists()
    assert not Stock.objects.filter(variant__product_id=product.pk).exists()
    assert "Đã xóa sản phẩm Trà Atiso" in client.get(done.url).text


def test_product_in_an_open_order_is_not_deleted_and_the_page_says_why(world, shipping):
    product = world["a1"]
    variant = product.variants.order_by("sort_order").first()
    order = place_order(shipping, [(variant, 1)])
    client = client_for(world["member_a"])
    before = catalogue_rows(product)

    page = client.get(url("product_delete", product.pk))
    assert "1 đơn hàng chưa hoàn tất" in page.text and " disabled" in page.text
    refused = client.post(url("product_delete", product.pk))

    assert refused.status_code == 400
    assert "đang có trong 1 đơn hàng chưa hoàn tất" in refused.text
    assert catalogue_rows(product) == before
    # Once the order is cancelled the product can go.
    order_cancel(order=order, user=world["staff"])
    assert client.post(url("product_delete", product.pk)).status_code == 302
    assert not Product.objects.filter(pk=product.pk).exists()
    line = OrderLine.objects.get(order=order)
    assert (line.variant_id, line.product_name) == (None, "Cà phê Arabica Cầu Đất")


def test_variant_delete_refused_while_ordered_then_allowed(world, shipping):
    product = world["a1"]
    ordered, spare = product.variants.order_by("sort_order")
    order = place_order(shipping, [(ordered, 2)])
    client = client_for(world["member_a"])
    before = catalogue_rows(product)

    refused = client.post(url("variant_delete", product.pk, ordered.pk))
    assert refused.status_code == 400
    assert "Quy cách này đang có trong đơn hàng chưa hoàn tất" in refused.text
    assert catalogue_rows(product) == before

    done = client.post(url("variant_delete", product.pk, spare.pk))
    assert done.status_code == 302 and done.url == url("product", product.pk)
    assert list(product.variants.values_list("pk", flat=True)) == [ordered.pk]
    order_cancel(order=order, user=world["staff"])
    assert client.post(url("variant_delete", product.pk, ordered.pk)).status_code == 302
    assert not product.variants.exists()


def test_variant_of_another_product_is_not_found(world):
    other = world["a2"].variants.get()
    client = client_for(world["member_a"])
    assert client.get(url("variant_delete", world["a1"].pk, other.pk)).status_code == 404
    assert client.post(url("variant_delete", world["a1"].pk, other.pk)).status_code == 404
    assert ProductVariant.objects.filter(pk=other.pk).exists()


def test_edit_page_links_the_delete_pages(world):
    product = world["a1"]
    page = client_for(world["member_a"]).get(url("product", product.pk)).text
    assert url("product_delete", product.pk) in page
    for variant in product.variants.all():
        assert url("variant_delete", product.pk, variant.pk) in page


# --- staff fulfil: one producer's lines per parcel ---------------------------------------------
@pytest.fixture
def order_ab(world, shipping):
    a_variant = world["a1"].variants.order_by("sort_order").first()
    return place_order(shipping, [(a_variant, 2), (world["b1"].variants.get(), 3)])


def quantities(order) -> dict:
    return {line.pk: str(line.quantity) for line in order.lines.all()}


def test_staff_fulfil_without_a_producer_is_refused_with_a_message(world, order_ab):
    client = client_for(world["staff"])
    data = {f"quantity-{pk}": q for pk, q in quantities(order_ab).items()}
    response = client.post(url("order_fulfil", order_ab.pk), {**data, "tracking_number": "X1"})

    assert response.status_code == 302
    assert not Fulfillment.objects.exists()
    assert set(OrderLine.objects.values_list("quantity_fulfilled", flat=True)) == {0}
    page = client.get(response.url).text
    assert "Hãy chọn chủ thể có hàng được giao" in page


def test_staff_picks_the_producer_and_only_its_lines_ship(world, order_ab):
    client = client_for(world["staff"])
    page = client.get(url("order", order_ab.pk)).text
    assert 'name="producer" required' in page
    assert "HTX Cà phê Lạc Dương" in page and "HTX Dâu tây Đà Lạt" in page
    data = {f"quantity-{pk}": q for pk, q in quantities(order_ab).items()}

    response = client.post(
        url("order_fulfil", order_ab.pk),
        {**data, "tracking_number": "VNP-B1", "producer": world["b"].pk},
    )

    assert response.status_code == 302
    (fulfillment,) = Fulfillment.objects.all()
    assert (fulfillment.producer, fulfillment.tracking_number) == (world["b"], "VNP-B1")
    shipped = dict(OrderLine.objects.values_list("producer_id", "quantity_fulfilled"))
    assert shipped == {world["a"].pk: 0, world["b"].pk: 3}


def test_member_fulfil_needs_no_producer(world, order_ab):
    line = OrderLine.objects.get(order=order_ab, producer=world["a"])
    client = client_for(world["member_a"])
    assert 'name="producer"' not in client.get(url("order", order_ab.pk)).text
    client.post(
        url("order_fulfil", order_ab.pk), {f"quantity-{line.pk}": "2", "tracking_number": "A1"}
    )
    assert Fulfillment.objects.get().producer == world["a"]


# --- certificate status on the edit page -------------------------------------------------------
def test_edit_page_shows_the_valid_certificate_and_no_submit_link(world):
    product = world["a1"]
    certificate = product.current_certificate
    page = client_for(world["member_a"]).get(url("product", product.pk)).text
    section = page.split('id="certificate"')[1].split("</section>")[0]
    assert certificate.certificate_number in section and "Đã xác minh" in section
    assert url("certificate_new") not in section


def test_edit_page_without_a_certificate_links_the_submit_form(world):
    product = make_product("Mật ong bạc hà", producer=world["a"], stars=None)
    client = client_for(world["member_a"])
    page = client.get(url("product", product.pk)).text
    section = page.split('id="certificate"')[1].split("</section>")[0]
    link = f"{url('certificate_new')}?product={product.pk}"
    assert "chưa có giấy chứng nhận OCOP còn hiệu lực" in section and link in section
    form = client.get(link).text
    assert f'<option value="{product.pk}" selected>' in form


def test_edit_page_shows_a_rejection_reason_and_a_pending_one_hides_the_link(world):
    product = world["a1"]
    Certificate.objects.filter(product=product).update(
        status=CertificateStatus.REJECTED, status_reason="Thiếu bản scan rõ nét"
    )
    client = client_for(world["member_a"])
    section = client.get(url("product", product.pk)).text.split('id="certificate"')[1]
    section = section.split("</section>")[0]
    assert "Bị từ chối" in section and "Thiếu bản scan rõ nét" in section
    assert url("certificate_new") in section
    Certificate.objects.filter(product=product).update(status=CertificateStatus.PENDING)
    section = client.get(url("product", product.pk)).text.split('id="certificate"')[1]
    section = section.split("</section>")[0]
    assert "Chờ xác minh" in section and url("certificate_new") not in section


# --- query counts -------------------------------------------------------------------------------
def _queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_edit_and_delete_pages_take_the_same_queries_for_small_and_large_products(world):
    small = make_product("Nhỏ", producer=world["a"], prices=(10000,))
    large = make_product("Lớn", producer=world["a"], prices=(10000, 20000, 30000, 40000, 50000))
    for index in range(3):  # older certificates too
        Certificate.objects.create(
            product=large,
            stars=3,
            certificate_number=f"CU-{index}",
            decision_number="1/QĐ",
            decision_date="2023-01-01",
            issuer="UBND huyện",
            issuer_level="district",
            issued_on="2023-01-02",
            valid_until="2024-01-02",
            status=CertificateStatus.EXPIRED,
        )
    client = client_for(world["member_a"])
    for page in ("product", "product_delete"):
        counts = [_queries(client, url(page, p.pk)) for p in (small, large)]
        assert counts[0] == counts[1], (page, counts)
        assert counts[0] <= 12, (page, counts)  # session, user, membership lookups included
    variant_counts = [
        _queries(client, url("variant_delete", p.pk, p.variants.first().pk)) for p in (small, large)
    ]
    assert variant_counts[0] == variant_counts[1] <= 12
