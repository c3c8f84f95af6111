"""The catalogue API as a Saleor client sees it: shapes, visibility, search, paging, errors."""

from __future__ import annotations

import base64
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog import services
from catalog.models import Channel, ProductTranslation
from tests.catalog.factories import default_channel, make_producer, make_product

pytestmark = pytest.mark.django_db

LIST = """
query List($first: Int, $after: String, $last: Int, $before: String, $search: String,
           $sortBy: ProductOrder, $filter: ProductFilterInput, $where: ProductWhereInput,
           $channel: String = "default-channel") {
  products(first: $first, after: $after, last: $last, before: $before, search: $search,
           sortBy: $sortBy, filter: $filter, where: $where, channel: $channel) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name slug } }
  }
}
"""


def names(result: dict) -> list[str]:
    assert "errors" not in result, result
    return [e["node"]["name"] for e in result["data"]["products"]["edges"]]


def error_message(result: dict) -> str:
    assert result.get("errors"), result
    return result["errors"][0]["message"]


# --- Shapes ------------------------------------------------------------------------------------
def test_product_has_saleor_ids_money_and_ocop_fields(gql):
    product = make_product("Cà phê Arabica rang xay Chư Mui", stars=4, prices=(120000, 250000))
    result = gql(
        """{ product(slug: "ca-phe-arabica-rang-xay-chu-mui", channel: "default-channel") {
            id name
            pricing { priceRange {
              start { gross { amount currency fractionalAmount fractionDigits } net { amount } tax { amount } }
              stop { gross { amount currency } } } }
            productVariants(first: 10) { totalCount edges { node { id sku
              pricing { price { gross { amount currency } } } } } }
            ocop { stars isValid certificateNumber decisionNumber issuedAt expiresAt issuer
                   issuerLevel score productGroup badge { url alt } }
            producer { id name slug kind province ward }
            attributes { attribute { slug inputType } values { name plainText } }
        } }"""
    )
    assert "errors" not in result, result
    data = result["data"]["product"]
    assert base64.b64decode(data["id"]).decode() == f"Product:{product.pk}"
    start = data["pricing"]["priceRange"]["start"]
    assert start["gross"] == {
        "amount": 120000,
        "currency": "VND",
        "fractionalAmount": 120000,
        "fractionDigits": 0,
    }
    assert data["pricing"]["priceRange"]["stop"]["gross"]["amount"] == 250000
    assert data["productVariants"]["totalCount"] == 2
    assert data["ocop"]["stars"] == 4
    assert data["ocop"]["isValid"] is True
    assert data["ocop"]["issuerLevel"] == "DISTRICT"
    assert data["ocop"]["badge"]["url"].endswith("/static/catalog/badges/ocop-4-sao.svg")
    assert data["producer"]["province"] == "Lâm Đồng"
    assert data["producer"]["kind"] == "COOPERATIVE"
    slugs = {a["attribute"]["slug"] for a in data["attributes"]}
    assert slugs == {"ocop-stars", "ocop-certificate", "producer"}


def test_vat_inclusive_prices_split_net_and_tax(gql):
    from decimal import Decimal

    make_product("Rượu phúc bồn tử", prices=(108000,), tax_rate=Decimal(8))
    result = gql(
        """{ products(first: 1, channel: "default-channel") { edges { node {
            pricing { priceRange { start { gross { amount } net { amount } tax { amount } } } } } } } }"""
    )
    start = result["data"]["products"]["edges"][0]["node"]["pricing"]["priceRange"]["start"]
    assert start == {
        "gross": {"amount": 108000},
        "net": {"amount": 100000},
        "tax": {"amount": 8000},
    }


def test_translation_returns_english_and_vietnamese_base(gql):
    product = make_product("Trà atiso Lang Biang", category="che-tra")
    ProductTranslation.objects.create(
        product=product, language_code="en", name="Lang Biang artichoke tea"
    )
    result = gql(
        """{ product(slug: "%s", channel: "default-channel") {
            en: translation(languageCode: EN) { name language { code } }
            enUs: translation(languageCode: EN_US) { name }
            vi: translation(languageCode: VI) { name }
            fr: translation(languageCode: FR) { name }
            category { translation(languageCode: EN) { name } } } }"""
        % product.slug
    )
    data = result["data"]["product"]
    assert data["en"] == {"name": "Lang Biang artichoke tea", "language": {"code": "EN"}}
    assert data["enUs"]["name"] == "Lang Biang artichoke tea"
    assert data["vi"]["name"] == "Trà atiso Lang Biang"
    assert data["fr"] is None
    assert data["category"]["translation"]["name"] == "Tea and herbal teas"


def test_saleor_storefront_attribute_fragments_resolve(gql):
    product = make_product(stars=4, prices=(100000, 180000))
    result = gql(
        """query($slug: String!) { product(slug: $slug, channel: "default-channel") {
            stars: assignedAttribute(slug: "ocop-stars") { ... on AssignedNumericAttribute { value } }
            bestseller: assignedAttribute(slug: "bestseller") { ... on AssignedBooleanAttribute { value } }
            assignedAttributes(limit: 50) {
              attribute { slug name translation(languageCode: EN) { name } }
              ... on AssignedPlainTextAttribute { plainText: value }
              ... on AssignedNumericAttribute { numeric: value }
            }
            productVariants(first: 50) { edges { node {
              attributes(variantSelection: VARIANT_SELECTION) {
                attribute { slug inputType } values { name slug value } } } } }
        } }""",
        {"slug": product.slug},
    )
    assert "errors" not in result, result
    data = result["data"]["product"]
    assert data["stars"] == {"value": 4.0}
    assert data["bestseller"] is None
    producer = next(a for a in data["assignedAttributes"] if a["attribute"]["slug"] == "producer")
    assert producer["plainText"] == product.producer.name
    selection = data["productVariants"]["edges"][1]["node"]["attributes"]
    assert selection == [
        {
            "attribute": {"slug": "quy-cach", "inputType": "DROPDOWN"},
            "values": [{"name": "500g", "slug": "500g", "value": "500g"}],
        }
    ]


# --- Visibility --------------------------------------------------------------------------------
def test_only_verified_valid_published_products_are_public(gql):
    make_product("A hiển thị", stars=3)
    make_product("B chờ xác minh", certificate_status="pending")
    make_product("C bị từ chối", certificate_status="rejected")
    make_product(
        "D hết hạn", issued_on=timezone.localdate() - datetime.timedelta(days=3 * 365 + 40)
    )
    make_product("E chưa đăng", published=False)
    make_product("F không chứng nhận", stars=None)
    result = gql(LIST, {"first": 20})
    assert names(result) == ["A hiển thị"]
    assert result["data"]["products"]["totalCount"] == 1


def test_expired_certificate_hides_product_detail_and_badge_without_deleting(gql):
    product = make_product(issued_on=timezone.localdate() - datetime.timedelta(days=3 * 365 + 40))
    result = gql(
        '{ product(slug: "%s", channel: "default-channel") { id ocop { stars } } }' % product.slug
    )
    assert result["data"]["product"] is None
    product.refresh_from_db()
    assert product.current_certificate is not None


def test_future_publication_date_hides_product(gql):
    product = make_product("Sắp mở bán")
    product.channel_listings.update(published_at=timezone.now() + datetime.timedelta(days=2))
    assert names(gql(LIST, {"first": 10})) == []


# --- Search --------------------------------------------------------------------------------------
def test_search_is_accent_and_case_insensitive(gql):
    make_product("Cà phê Arabica rang xay Chư Mui")
    make_product("Mứt dâu tây Đà Lạt", category="thuc-pham-che-bien")
    make_product("Trà atiso túi lọc", category="che-tra")
    assert names(gql(LIST, {"first": 10, "search": "ca phe arabica"})) == [
        "Cà phê Arabica rang xay Chư Mui"
    ]
    assert names(gql(LIST, {"first": 10, "search": "CÀ PHÊ"})) == [
        "Cà phê Arabica rang xay Chư Mui"
    ]
    assert names(gql(LIST, {"first": 10, "search": "dau tay da lat"})) == ["Mứt dâu tây Đà Lạt"]
    assert names(gql(LIST, {"first": 10, "filter": {"search": "atiso"}})) == ["Trà atiso túi lọc"]
    assert names(gql(LIST, {"first": 10, "search": "sầu riêng"})) == []


def test_search_finds_producer_and_sku(gql):
    producer = make_producer("Tổ hợp tác cà phê K'Ho Bon Đơng")
    product = make_product("Cà phê hạt rang", producer=producer)
    assert names(gql(LIST, {"first": 10, "search": "bon dong"})) == [product.name]
    sku = product.variants.first().sku
    assert names(gql(LIST, {"first": 10, "search": sku.lower()})) == [product.name]


def test_rank_puts_name_matches_before_other_matches(gql):
    producer = make_producer("HTX Mật ong Lạc Dương")
    make_product("Rượu cần ghè", producer=producer)  # matches only through its producer
    make_product("Mật ong rừng Lang Biang")
    result = gql(
        LIST, {"first": 10, "search": "mat ong", "sortBy": {"field": "RANK", "direction": "DESC"}}
    )
    assert names(result) == ["Mật ong rừng Lang Biang", "Rượu cần ghè"]


def test_rank_without_search_is_an_error(gql):
    result = gql(LIST, {"first": 10, "sortBy": {"field": "RANK", "direction": "DESC"}})
    assert "only when using a search" in error_message(result)


def test_very_long_search_string_is_a_clear_error_not_a_500(gql):
    result = gql(LIST, {"first": 10, "search": "cà phê " * 1500})
    assert result["_status"] == 200
    assert "Search query is too long" in error_message(result)
    assert result["data"]["products"] is None


# --- Filters and sorting -----------------------------------------------------------------------
def test_filter_by_stars_producer_and_where(gql):
    producer = make_producer()
    make_product("Ba sao", stars=3, producer=producer)
    make_product("Bốn sao", stars=4)
    from shop.graphql.ids import global_id

    assert names(gql(LIST, {"first": 10, "filter": {"ocopStars": [4]}})) == ["Bốn sao"]
    producer_id = global_id("Producer", producer.pk)
    assert names(gql(LIST, {"first": 10, "filter": {"producers": [producer_id]}})) == ["Ba sao"]
    where = {"ocopStars": {"range": {"gte": 4}}}
    assert names(gql(LIST, {"first": 10, "where": where})) == ["Bốn sao"]
    where = {"OR": [{"ocopStars": {"eq": 3}}, {"ocopStars": {"eq": 4}}]}
    assert sorted(names(gql(LIST, {"first": 10, "where": where}))) == ["Ba sao", "Bốn sao"]
    both = gql(LIST, {"first": 10, "where": where, "filter": {"ocopStars": [3]}})
    assert error_message(both) == "Only one filtering argument (filter or where) can be specified."


def test_sort_by_price_and_stars(gql):
    make_product("Rẻ", prices=(50000,), stars=4)
    make_product("Đắt", prices=(500000,), stars=3)
    make_product("Vừa", prices=(150000,), stars=4)
    by_price = gql(LIST, {"first": 10, "sortBy": {"field": "PRICE", "direction": "ASC"}})
    assert names(by_price) == ["Rẻ", "Vừa", "Đắt"]
    by_stars = gql(LIST, {"first": 10, "sortBy": {"field": "OCOP_STARS", "direction": "DESC"}})
    assert names(by_stars) == ["Rẻ", "Vừa", "Đắt"]


def test_unknown_sort_field_is_a_validation_error(gql):
    result = gql(LIST, {"first": 10, "sortBy": {"field": "COLOUR", "direction": "ASC"}})
    assert result["_status"] == 400
    assert "COLOUR" in error_message(result)


# --- Paging ------------------------------------------------------------------------------------
def test_keyset_paging_forward_and_backward_visits_every_product_once(gql):
    for index in range(7):
        make_product(f"Sản phẩm {index:02d}")
    seen, after = [], None
    while True:
        page = gql(LIST, {"first": 3, "after": after})["data"]["products"]
        seen += [e["node"]["name"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [f"Sản phẩm {i:02d}" for i in range(7)]
    last = gql(LIST, {"last": 3})["data"]["products"]
    assert [e["node"]["name"] for e in last["edges"]] == [
        "Sản phẩm 04",
        "Sản phẩm 05",
        "Sản phẩm 06",
    ]
    assert last["pageInfo"]["hasPreviousPage"] is True
    before = gql(LIST, {"last": 2, "before": last["pageInfo"]["startCursor"]})
    assert names(before) == ["Sản phẩm 02", "Sản phẩm 03"]


def test_a_product_added_meanwhile_does_not_shift_the_next_page(gql):
    for index in range(4):
        make_product(f"Sản phẩm {index + 5}")
    first = gql(LIST, {"first": 2})["data"]["products"]
    make_product("Sản phẩm 1")  # sorts before the whole first page
    second = gql(LIST, {"first": 2, "after": first["pageInfo"]["endCursor"]})
    assert names(second) == ["Sản phẩm 7", "Sản phẩm 8"]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        (
            {"first": 101},
            "Requesting 101 records on the `products` connection exceeds the `first` limit of 100 records.",
        ),
        (
            {"last": 150},
            "Requesting 150 records on the `products` connection exceeds the `last` limit of 100 records.",
        ),
        ({"first": -1}, "Argument `first` must be a non-negative integer."),
        (
            {},
            "You must provide a `first` or `last` value to properly paginate the `products` connection.",
        ),
        ({"first": 5, "last": 5}, "Argument `last` cannot be combined with `first`."),
        ({"first": 5, "after": "not-a-cursor"}, "Received cursor is invalid."),
        (
            {"first": 5, "channel": "no-such-channel"},
            "Channel with 'no-such-channel' slug does not exist.",
        ),
    ],
)
def test_bad_paging_and_channel_arguments_are_clear_errors(gql, variables, message):
    make_product()
    result = gql(LIST, variables)
    assert result["_status"] == 200
    assert error_message(result) == message
    assert result["errors"][0]["extensions"]["exception"]["code"]
    assert result["data"]["products"] is None


def test_channel_may_be_omitted_when_only_one_exists(gql):
    make_product("Một kênh")
    query = "{ products(first: 5) { edges { node { name } } } }"
    assert names(gql(query)) == ["Một kênh"]
    Channel.objects.create(name="Sàn khác", slug="san-khac")
    assert "More than one channel" in error_message(gql(query))


@pytest.mark.parametrize(
    ("product_id", "message"),
    [
        ("!!!not-base64", "Couldn't resolve id: !!!not-base64."),
        (base64.b64encode(b"Category:1").decode(), "Must receive a Product id."),
    ],
)
def test_malformed_or_wrong_type_ids_are_errors(gql, product_id, message):
    result = gql(
        'query($id: ID) { product(id: $id, channel: "default-channel") { id } }', {"id": product_id}
    )
    assert error_message(result) == message


def test_hidden_or_unknown_product_is_null(gql):
    hidden = make_product(published=False)
    result = gql('{ product(slug: "%s", channel: "default-channel") { id } }' % hidden.slug)
    assert result["data"]["product"] is None and "errors" not in result


# --- Query counts ------------------------------------------------------------------------------
STOREFRONT_LIST = """
query($first: Int!) { products(first: $first, channel: "default-channel") {
  totalCount
  pageInfo { hasNextPage endCursor }
  edges { node {
    id name slug created
    translation(languageCode: EN) { name }
    pricing { priceRange { start { gross { amount currency } } stop { gross { amount currency } } }
              priceRangeUndiscounted { start { gross { amount currency } } } }
    category { id name slug backgroundImage(size: 512, format: WEBP) { url alt }
               translation(languageCode: EN) { name } }
    thumbnail(size: 1024, format: WEBP) { url alt }
    isAvailable
    productVariants(first: 50) { totalCount edges { node {
      id name sku quantityAvailable
      pricing { price { gross { amount currency } } priceUndiscounted { gross { amount } } }
      attributes(variantSelection: VARIANT_SELECTION) {
        attribute { slug name inputType } values { name slug value } } } } }
    attributes { attribute { slug } values { name } }
    stars: assignedAttribute(slug: "ocop-stars") { ... on AssignedNumericAttribute { value } }
    ocop { stars isValid certificateNumber badge { url alt } }
    producer { id name slug province ward }
  } }
} }
"""


def _count_queries(gql, query: str, variables: dict, settings) -> int:
    """SQL queries of one uncached request (the channel lookup is cached across requests)."""
    from django.core.cache import cache

    from catalog.selectors import channel_get

    settings.GRAPHQL_CACHE_SECONDS = 0
    cache.clear()  # cold counts, warm channel: the same work for every page size
    channel_get(slug="default-channel")
    with CaptureQueriesContext(connection) as captured:
        result = gql(query, variables)
    assert "errors" not in result, result
    return len(captured.captured_queries)


def test_product_list_query_count_is_constant_in_page_size(gql, settings):
    from django.core.files.base import ContentFile

    from catalog.models import ProductMedia
    from tests.catalog.factories import jpeg_bytes

    for index in range(12):
        product = make_product(f"Sản phẩm {index:03d}", prices=(100000, 200000, 300000))
        ProductMedia.objects.create(
            product=product, image=ContentFile(jpeg_bytes(), name=f"p{index}.jpg"), alt="ảnh"
        )
    small = _count_queries(gql, STOREFRONT_LIST, {"first": 2}, settings)
    large = _count_queries(gql, STOREFRONT_LIST, {"first": 12}, settings)
    assert small == large
    assert large <= 9


def test_product_detail_query_count_is_constant_in_variant_count(gql, settings):
    few = make_product("Ít biến thể", prices=(100000,))
    many = make_product("Nhiều biến thể", prices=(100000, 120000, 140000, 160000, 180000))
    query = """query($slug: String!) { product(slug: $slug, channel: "default-channel") {
        id name description seoTitle seoDescription isAvailable productType { slug }
        media { url(size: 1024, format: WEBP) alt type }
        productVariants(first: 50) { edges { node { id name sku quantityAvailable
          pricing { price { gross { amount } } } translation(languageCode: EN) { name } } } }
        assignedAttributes(limit: 50) { attribute { slug } }
        ocop { stars badge { url } } producer { name storyHtml translation(languageCode: EN) { name } }
        category { name } } }"""
    assert _count_queries(gql, query, {"slug": few.slug}, settings) == _count_queries(
        gql, query, {"slug": many.slug}, settings
    )
    assert _count_queries(gql, query, {"slug": many.slug}, settings) <= 10


def test_service_write_changes_the_public_price_immediately(gql):
    product = make_product("Giá thay đổi", prices=(100000,))
    query = (
        '{ product(slug: "%s", channel: "default-channel") { pricing { priceRange { start { gross { amount } } } } } }'
        % product.slug
    )
    first = gql(query)["data"]["product"]["pricing"]["priceRange"]["start"]["gross"]["amount"]
    services.variant_price_set(
        variant=product.variants.first(), channel=default_channel(), amount=90000
    )
    second = gql(query)["data"]["product"]["pricing"]["priceRange"]["start"]["gross"]["amount"]
    assert (first, second) == (100000, 90000)


def test_total_count_is_cached_until_the_catalogue_changes(gql, settings):
    settings.GRAPHQL_CACHE_SECONDS = 0
    make_product("Một")
    query = '{ products(first: 1, channel: "default-channel") { totalCount } }'
    assert gql(query)["data"]["products"]["totalCount"] == 1
    with CaptureQueriesContext(connection) as captured:
        assert gql(query)["data"]["products"]["totalCount"] == 1
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    make_product("Hai")  # a catalogue write bumps the version: the next count is fresh
    assert gql(query)["data"]["products"]["totalCount"] == 2
