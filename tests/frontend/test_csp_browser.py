"""The Content-Security-Policy breaks nothing: OCOP staff sign in to the admin and walk through
its pages (lists, add and change forms with their widgets), then use the portal's auto-submitting
filters, in headless Chromium, and the browser reports no policy violation.

Needs /usr/bin/chromium, as tests/frontend/test_portal_browser.py."""

from __future__ import annotations

import re

import pytest

from accounts.models import User
from tests.catalog.factories import make_producer, make_product
from tests.frontend.conftest import PASSWORD
from tests.frontend.test_portal_browser import browser_page  # noqa: F401 - the fixture

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The index, a list with filters and actions, and forms with the admin's widgets (dates,
# selects, inlines).
ADMIN_PAGES = [
    "/admin/",
    "/admin/orders/order/",
    "/admin/catalog/certificate/add/",
]


def test_admin_and_portal_run_under_the_policy(live_server, browser_page):  # noqa: F811
    page = browser_page
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    producer = make_producer("HTX Mật ong Bảo Lộc")
    product = make_product("Mật ong rừng", producer=producer, stock=4)
    User.objects.create_superuser(email="ocop-staff@example.vn", password=PASSWORD)

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("input[name=username]", "ocop-staff@example.vn")
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    for path in [*ADMIN_PAGES, f"/admin/catalog/product/{product.pk}/change/"]:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")

    # The producer picker submits on change, wired by portal.js instead of an inline handler.
    page.goto(f"{live_server.url}/portal/products/")
    page.select_option("select[name=producer]", str(producer.pk))
    page.wait_for_url(re.compile(rf"producer={producer.pk}"))
    page.goto(f"{live_server.url}/portal/orders/")
    page.select_option("select[name=status]", index=1)
    page.wait_for_url(re.compile(r"status=\w+"))

    assert violations == []
