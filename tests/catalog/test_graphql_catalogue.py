"""Categories, collections, producers, variants, menus, pages, shop, and limits on the real
schema."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from catalog import services
from catalog.models import (
    Category,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    Menu,
    MenuItem,
    Page,
    PageTranslation,
    ProducerTranslation,
)
from shop.graphql.ids import global_id
from tests.catalog.factories import default_channel, jpeg_bytes, make_producer, make_product

pytestmark = pytest.mark.django_db


def ok(result: dict) -> dict:
    assert "errors" not in result, result
    return result["data"]


def test_categories_by_level_with_children_and_products(gql):
    make_product("Cà phê hạt", category="ca-phe-ca-cao")
    make_product("Trà atiso", category="che-tra")
    data = ok(
        gql(
            """{ categories(first: 10, level: 0) { totalCount edges { node { name slug level
                 children(first: 10) { totalCount }
                 products(first: 10, channel: "default-channel") { totalCount } } } } }"""
        )
    )
    groups = {e["node"]["slug"]: e["node"] for e in data["categories"]["edges"]}
    assert data["categories"]["totalCount"] == 6
    assert groups["thuc-pham"]["children"]["totalCount"] == 6
    # A group lists the products of its sub-groups.
    assert groups["thuc-pham"]["products"]["totalCount"] == 2
    assert groups["do-uong"]["products"]["totalCount"] == 0


def test_category_by_slug_filters_and_background_image(gql):
    category = Category.objects.get(slug="ca-phe-ca-cao")
    category.background_image.save("bg.jpg", ContentFile(jpeg_bytes(1600, 900)), save=True)
    make_product("Cà phê hạt", category="ca-phe-ca-cao")
    data = ok(
        gql(
            """{ category(slug: "ca-phe-ca-cao") { id name parent { slug }
                 translation(languageCode: EN) { name }
                 backgroundImage(size: 512, format: WEBP) { url alt }
                 products(first: 5, channel: "default-channel") { edges { node { name } } } }
               bySlugs: categories(first: 5, filter: { slugs: ["che-tra", "gia-vi"] }) {
                 edges { node { slug } } } }"""
        )
    )
    category_data = data["category"]
    assert category_data["parent"] == {"slug": "thuc-pham"}
    assert category_data["translation"]["name"] == "Coffee and cocoa"
    assert "/thumbnail/" in category_data["backgroundImage"]["url"]
    assert category_data["backgroundImage"]["url"].endswith("/512/webp/")
    assert [e["node"]["name"] for e in category_data["products"]["edges"]] == ["Cà phê hạt"]
    assert sorted(e["node"]["slug"] for e in data["bySlugs"]["edges"]) == ["che-tra", "gia-vi"]


def test_collections_show_only_published_ones_and_their_visible_products(gql):
    visible = make_product("Hiện")
    hidden = make_product("Ẩn", published=False)
    published = Collection.objects.create(name="Quà tặng", slug="qua-tang")
    draft = Collection.objects.create(name="Nháp", slug="nhap")
    CollectionChannelListing.objects.create(
        collection=published, channel=default_channel(), is_published=True
    )
    for product in (visible, hidden):
        CollectionProduct.objects.create(collection=published, product=product)
        CollectionProduct.objects.create(collection=draft, product=product)
    data = ok(
        gql(
            """{ collections(first: 10, channel: "default-channel") { edges { node { slug } } }
                 collection(slug: "qua-tang", channel: "default-channel") {
                   name channel products(first: 10) { totalCount edges { node { name } } } }
                 draft: collection(slug: "nhap", channel: "default-channel") { name } }"""
        )
    )
    assert [e["node"]["slug"] for e in data["collections"]["edges"]] == ["qua-tang"]
    assert data["collection"]["channel"] == "default-channel"
    assert data["collection"]["products"]["totalCount"] == 1
    assert data["draft"] is None


def test_producers_with_story_translation_and_products(gql):
    producer = make_producer("HTX Cà phê Bon Đơng", community="Đồng bào K'Ho")
    services.producer_story_set(
        producer=producer,
        story={"blocks": [{"type": "paragraph", "data": {"text": "Câu chuyện <b>K'Ho</b>"}}]},
    )
    ProducerTranslation.objects.create(
        producer=producer, language_code="en", name="Bon Dong Coffee Cooperative"
    )
    make_product("Cà phê Bon Đơng", producer=producer)
    data = ok(
        gql(
            """query($slug: String!) {
                 producer(slug: $slug) { name kind province ward community storyHtml story
                   translation(languageCode: EN) { name }
                   products(first: 5, channel: "default-channel") { edges { node { name } } } }
                 producers(first: 10, search: "bon dong") { totalCount edges { node { slug } } }
                 nowhere: producers(first: 10, province: "Hà Nội") { totalCount } }""",
            {"slug": producer.slug},
        )
    )
    assert data["producer"]["storyHtml"] == "<p>Câu chuyện <b>K'Ho</b></p>"
    assert data["producer"]["translation"]["name"] == "Bon Dong Coffee Cooperative"
    assert data["producer"]["products"]["edges"][0]["node"]["name"] == "Cà phê Bon Đơng"
    assert [e["node"]["slug"] for e in data["producers"]["edges"]] == [producer.slug]
    assert data["nowhere"]["totalCount"] == 0


def test_variant_by_sku_and_id_with_stock_capped_by_line_limit(gql, settings):
    settings.CHECKOUT_MAX_LINE_QUANTITY = 50
    product = make_product(stock=80)
    hidden = make_product(published=False)
    variant = product.variants.first()
    data = ok(
        gql(
            """query($sku: String, $id: ID) {
                 bySku: productVariant(sku: $sku, channel: "default-channel") {
                   name quantityAvailable weight { unit value } product { name ocop { stars } } }
                 byId: productVariant(id: $id, channel: "default-channel") { sku }
                 hidden: productVariant(sku: "%s", channel: "default-channel") { sku }
                 list: productVariants(first: 10, channel: "default-channel") { totalCount } }"""
            % hidden.variants.first().sku,
            {"sku": variant.sku, "id": global_id("ProductVariant", variant.pk)},
        )
    )
    assert data["bySku"]["quantityAvailable"] == 50
    assert data["bySku"]["weight"] == {"unit": "G", "value": 300.0}
    assert data["bySku"]["product"]["ocop"]["stars"] == 3
    assert data["byId"]["sku"] == variant.sku
    assert data["hidden"] is None
    assert data["list"]["totalCount"] == 1


def test_menu_items_nest_and_link_targets(gql):
    page = Page.objects.create(title="Giới thiệu", slug="gioi-thieu", is_published=True)
    PageTranslation.objects.create(page=page, language_code="en", title="About us")
    menu = Menu.objects.create(name="navbar", slug="navbar")
    top = MenuItem.objects.create(
        menu=menu, name="Thực phẩm", name_en="Food", category=Category.objects.get(slug="thuc-pham")
    )
    MenuItem.objects.create(
        menu=menu, parent=top, name="Cà phê", category=Category.objects.get(slug="ca-phe-ca-cao")
    )
    MenuItem.objects.create(menu=menu, name="Giới thiệu", page=page, sort_order=2)
    data = ok(
        gql(
            """{ menu(slug: "navbar", channel: "default-channel") { items {
                   name level translation(languageCode: EN) { name }
                   category { slug } page { slug translation(languageCode: EN) { title } }
                   children { name level category { slug } } } }
                 page(slug: "gioi-thieu") { title pageType { slug } }
                 pages(first: 5) { totalCount } }"""
        )
    )
    items = data["menu"]["items"]
    assert [i["name"] for i in items] == ["Thực phẩm", "Giới thiệu"]
    assert items[0]["translation"]["name"] == "Food"
    assert items[0]["children"] == [
        {"name": "Cà phê", "level": 1, "category": {"slug": "ca-phe-ca-cao"}}
    ]
    assert items[1]["page"]["translation"]["title"] == "About us"
    assert data["pages"]["totalCount"] == 1


def test_shop_and_channels(gql):
    data = ok(
        gql(
            """{ shop { name languages { code } countries { code } defaultCountry { code }
                        channelCurrencies }
                 channels { slug currencyCode defaultCountry { code } }
                 channel(slug: "default-channel") { name isActive } }"""
        )
    )
    assert data["shop"]["channelCurrencies"] == ["VND"]
    assert {"code": "VI"} in data["shop"]["languages"]
    assert data["channels"] == [
        {"slug": "default-channel", "currencyCode": "VND", "defaultCountry": {"code": "VN"}}
    ]


# --- Limits on the real schema ----------------------------------------------------------------
def test_over_costly_catalogue_query_is_refused(gql, settings):
    make_product()
    query = """{ a: products(first: 100, channel: "default-channel") { edges { node {
        productVariants(first: 100) { edges { node { media { alt } pricing { price { gross {
        amount } } } } } } } } } }"""
    result = gql(query)
    assert result["_status"] == 400
    limit = settings.GRAPHQL_MAX_COST_ANONYMOUS
    assert result["errors"][0]["message"].startswith(
        f"The query exceeds the maximum cost of {limit}"
    )
    assert "data" not in result


def test_over_deep_query_is_refused(gql):
    nested = "category { " * 8 + "products(first: 1) { edges { node { " * 3
    query = "{ products(first: 1) { edges { node { " + nested + "name" + " } } }" * 3 + " }" * 8
    query += " } } } }"
    result = gql(query)
    assert result["_status"] == 400
    assert "depth" in result["errors"][0]["message"]


def test_storefront_product_list_fits_the_anonymous_budget_at_storefront_page_sizes(gql, settings):
    from tests.catalog.test_graphql_products import STOREFRONT_LIST

    make_product()
    result = gql(STOREFRONT_LIST, {"first": 12})  # Saleor's storefront shows 12 a page
    assert "errors" not in result, result
    cost = result["extensions"]["cost"]["requestedQueryCost"]
    assert cost <= settings.GRAPHQL_MAX_COST_ANONYMOUS
    # At 100 the full card (productVariants(first: 50) each) may resolve 100 × 50 variants: too
    # much for one request, refused before it runs (tests/shop/test_graphql_budget.py).
    result = gql(STOREFRONT_LIST, {"first": 100})
    assert result["_status"] == 400
    assert result["errors"][0]["extensions"]["exception"]["code"] == "QueryCostError"
