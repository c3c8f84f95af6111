"""The portal in a real browser: Debian's headless Chromium driven by Playwright against a
live server. A producer signs in, edits a variant's stock, uploads photos and reorders them by
drag and drop; after each step the database and the page are checked.

Needs /usr/bin/chromium (``make e2e-deps``); skipped without it unless ``REQUIRE_E2E=1``.
Playwright never downloads a browser here: it is pointed at the system Chromium."""

from __future__ import annotations

import re

import pytest
from django.db import connections

from catalog.models import ProducerMember, ProductMedia, Stock
from tests.catalog.factories import jpeg_bytes, make_producer, make_product
from tests.frontend.conftest import CHROMIUM, PASSWORD, user_make

pytestmark = [
    pytest.mark.e2e,
    # The live server reads what the test wrote, so the data must be committed; reference
    # data from migrations (channels, categories, places) is put back afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page(settings, monkeypatch):
    from playwright.sync_api import sync_playwright

    # Plain http on the loopback test server: cookies may not be Secure-only here.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # between browser steps are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="vi-VN")
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()
            # While Playwright's loop runs, Django keys connections by context, so the test's
            # ORM calls used a connection of their own: close it, or it outlives the test
            # database (PostgreSQL then refuses to drop it).
            connections.close_all()


def test_producer_signs_in_edits_stock_and_uploads_photos(live_server, browser_page):
    page = browser_page
    producer = make_producer("HTX Cà phê Cầu Đất")
    product = make_product("Cà phê Arabica Cầu Đất", producer=producer, stock=10)
    variant = product.variants.get()
    member = user_make(producer=producer, email="htx-cau-dat@example.vn")
    assert ProducerMember.objects.filter(user=member).exists()

    # 1. Sign in: the portal sends an anonymous visitor to the sign-in page and back.
    page.goto(f"{live_server.url}/portal/products/")
    assert "/portal/sign-in/" in page.url
    page.fill("input[name=username]", member.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/portal/products/$"))
    assert page.locator("#products").inner_text().count("Cà phê Arabica Cầu Đất") == 1

    # 2. Edit the variant's stock from the product page.
    page.get_by_role("link", name="Cà phê Arabica Cầu Đất").click()
    page.wait_for_url(re.compile(rf"/portal/products/{product.pk}/$"))
    page.click(f"#variant-{variant.pk} >> text=Tồn kho")
    page.wait_for_url(re.compile(rf"/portal/variants/{variant.pk}/stock/$"))
    field = page.locator("input[type=number]")
    assert field.input_value() == "10"
    field.fill("42")
    page.get_by_role("button", name="Lưu tồn kho").click()
    page.wait_for_selector(".messages li.success")
    assert "Đã lưu tồn kho" in page.locator(".messages").inner_text()
    assert page.locator("input[type=number]").input_value() == "42"
    assert Stock.objects.get(variant=variant).quantity == 42

    # A quantity below what orders hold is refused with a clear message, nothing saved.
    Stock.objects.filter(variant=variant).update(quantity_allocated=5)
    page.locator("input[type=number]").fill("3")
    # The browser's own min check would stop the form; the server must refuse it too.
    page.eval_on_selector("input[type=number]", "el => el.removeAttribute('min')")
    page.get_by_role("button", name="Lưu tồn kho").click()
    page.wait_for_selector("[role=alert]")
    assert "(5)" in page.locator("[role=alert]").inner_text()
    assert Stock.objects.get(variant=variant).quantity == 42

    # 3. Upload two photos on the product page.
    page.goto(f"{live_server.url}/portal/products/{product.pk}/")
    for name, colour in (("tui-ca-phe.jpg", "#6b3e26"), ("hat-ca-phe.jpg", "#2f6b2f")):
        page.set_input_files(
            "input[name=image]",
            files=[{"name": name, "mimeType": "image/jpeg", "buffer": jpeg_bytes(colour=colour)}],
        )
        page.fill("#photos input[name=alt]", name)
        page.get_by_role("button", name="Tải ảnh lên").click()
        page.wait_for_selector(".messages li.success")
    first, second = ProductMedia.objects.filter(product=product).order_by("sort_order")
    assert (first.alt, second.alt) == ("tui-ca-phe.jpg", "hat-ca-phe.jpg")
    images = page.locator("ul.photos li[data-id] img")
    assert images.count() == 2
    # The browser really loaded the stored image (natural width of the 600 px JPEG).
    page.wait_for_function("() => document.querySelector('ul.photos img').naturalWidth > 0")
    assert images.first.evaluate("img => img.naturalWidth") == 600

    # 4. Drag the second photo before the first: the new order is posted and saved.
    page.drag_and_drop(f"li[data-id='{second.pk}']", f"li[data-id='{first.pk}']")
    page.wait_for_selector(".messages li.success >> text=Đã lưu thứ tự ảnh")
    assert list(product.media.order_by("sort_order").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    ids = page.eval_on_selector_all(
        "ul.photos li[data-id]", "items => items.map(i => i.dataset.id)"
    )
    assert ids == [str(second.pk), str(first.pk)]
