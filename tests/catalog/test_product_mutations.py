"""Product editing over GraphQL (Saleor's mutations): happy paths, bad input refused with
Saleor's error shapes and nothing changed, and the permission matrix anonymous / customer /
member of producer A / member of producer B / staff over every mutation."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from catalog.models import (
    Category,
    Channel,
    ProducerMember,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    Stock,
    VariantChannelListing,
)
from catalog.services import product_media_add
from shop.graphql.ids import global_id
from tests.catalog.factories import (
    default_channel,
    jpeg_bytes,
    make_producer,
    make_product,
    variant_of,
)
from tests.catalog.test_editing import place_order, shipping  # noqa: F401 - fixture
from tests.catalog.test_uploads import png_bomb

pytestmark = pytest.mark.django_db


# --- People and requests ----------------------------------------------------------------------
@pytest.fixture
def people(django_user_model):
    a, b = make_producer("HTX Cà phê Lạc Dương"), make_producer("HTX Dâu tây Đà Lạt")
    product = make_product("Cà phê Arabica", producer=a, prices=(150000,), stock=10)
    photo = product_media_add(
        product=product, upload=SimpleUploadedFile("a.jpg", jpeg_bytes(40, 30))
    )
    users = {}
    for role, producer, staff in (
        ("member_a", a, False),
        ("member_b", b, False),
        ("customer", None, False),
        ("staff", None, True),
    ):
        user = django_user_model.objects.create_user(
            email=f"{role}@example.vn", password="x-pass-123", is_staff=staff
        )
        if producer is not None:
            ProducerMember.objects.create(producer=producer, user=user)
        users[role] = user
    users["anonymous"] = None
    return {"a": a, "b": b, "product": product, "photo": photo, **users}


def post(user, query: str, variables: dict | None = None) -> dict:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": variables or {}}),
        "application/json",
    )
    return response.json()


def post_upload(user, query: str, variables: dict, path: str, data: bytes, name: str) -> dict:
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.post(
        "/graphql/",
        {
            "operations": json.dumps({"query": query, "variables": variables}),
            "map": json.dumps({"0": [path]}),
            "0": SimpleUploadedFile(name, data),
        },
    )
    return response.json()


def result(body: dict, name: str) -> dict:
    assert "errors" not in body, body.get("errors")
    return body["data"][name]


def snapshot() -> dict:
    """Everything a product mutation could change."""
    return {
        "products": list(Product.objects.values_list("pk", "name", "slug", "description")),
        "variants": list(ProductVariant.objects.values_list("pk", "sku", "name", "weight_grams")),
        "stocks": list(Stock.objects.values_list("variant_id", "warehouse_id", "quantity")),
        "prices": list(VariantChannelListing.objects.values_list("variant_id", "price_amount")),
        "listings": list(
            ProductChannelListing.objects.values_list(
                "product_id", "is_published", "available_for_purchase_at"
            )
        ),
        "media": list(ProductMedia.objects.values_list("pk", "sort_order", "alt")),
    }


def gid(obj) -> str:
    return global_id(type(obj).__name__, obj.pk)


# --- Documents --------------------------------------------------------------------------------
PRODUCT_CREATE = """mutation($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product { id name slug description productType { slug } category { slug } producer { slug } }
    errors { field message code attributes values }
  }
}"""
PRODUCT_UPDATE = """mutation($id: ID!, $input: ProductInput!) {
  productUpdate(id: $id, input: $input) {
    product { id name seoTitle description }
    errors { field message code }
  }
}"""
PRODUCT_DELETE = """mutation($id: ID!) {
  productDelete(id: $id) { product { id name } errors { field message code } }
}"""
VARIANT_CREATE = """mutation($input: ProductVariantCreateInput!) {
  productVariantCreate(input: $input) {
    productVariant { id sku name weight { unit value } isFragile product { id } }
    errors { field message code }
  }
}"""
VARIANT_UPDATE = """mutation($id: ID, $sku: String, $input: ProductVariantInput!) {
  productVariantUpdate(id: $id, sku: $sku, input: $input) {
    productVariant { id sku name weight { value } }
    errors { field message code }
  }
}"""
STOCKS_UPDATE = """mutation($variantId: ID, $sku: String, $stocks: [StockInput!]!) {
  productVariantStocksUpdate(variantId: $variantId, sku: $sku, stocks: $stocks) {
    productVariant { id sku }
    errors { field message code index }
    bulkStockErrors { code index }
  }
}"""
PRICES_UPDATE = """mutation($id: ID, $input: [ProductVariantChannelListingAddInput!]!) {
  productVariantChannelListingUpdate(id: $id, input: $input) {
    variant { id sku }
    errors { field message code channels }
  }
}"""
LISTING_UPDATE = """mutation($id: ID!, $input: ProductChannelListingUpdateInput!) {
  productChannelListingUpdate(id: $id, input: $input) {
    product { id name }
    errors { field message code channels }
  }
}"""
MEDIA_CREATE = """mutation($input: ProductMediaCreateInput!) {
  productMediaCreate(input: $input) {
    product { id media { alt } }
    media { id alt type url }
    errors { field message code }
  }
}"""
MEDIA_REORDER = """mutation($productId: ID!, $mediaIds: [ID!]!) {
  productMediaReorder(productId: $productId, mediaIds: $mediaIds) {
    media { id sortOrder }
    errors { field message code }
  }
}"""
MEDIA_DELETE = """mutation($id: ID!) {
  productMediaDelete(id: $id) { media { id } errors { field message code } }
}"""


def _paragraph(text: str) -> str:
    return json.dumps({"blocks": [{"type": "paragraph", "data": {"text": text}}]})


# --- Products ---------------------------------------------------------------------------------
def test_member_creates_a_product_for_its_only_producer_with_description_sanitised(people):
    category = Category.objects.get(slug="ca-phe-ca-cao")
    group = category.parent  # product types are the top-level OCOP groups
    body = post(
        people["member_a"],
        PRODUCT_CREATE,
        {
            "input": {
                "name": "Cà phê Robusta <b>rang mộc</b>",
                "category": gid(category),
                "productType": global_id("ProductType", group.pk),
                "description": _paragraph(
                    "Đậm <script>alert(1)</script> &lt;script&gt;alert(2)&lt;/script&gt;"
                ),
                "seo": {"title": "Robusta", "description": "Rang mộc"},
            }
        },
    )
    created = result(body, "productCreate")
    assert created["errors"] == []
    product = created["product"]
    assert product["name"] == "Cà phê Robusta <b>rang mộc</b>"  # plain text, escaped on pages
    assert product["producer"]["slug"] == people["a"].slug
    assert product["productType"]["slug"] == group.slug
    text = json.loads(product["description"])["blocks"][0]["data"]["text"]
    assert "<script" not in text and "&lt;script&gt;alert(2)&lt;/script&gt;" in text
    stored = Product.objects.get(slug=product["slug"])
    assert stored.producer == people["a"] and stored.seo_title == "Robusta"


def test_staff_must_name_the_producer(people):
    category = gid(Category.objects.get(slug="ca-phe-ca-cao"))
    before = snapshot()
    body = post(people["staff"], PRODUCT_CREATE, {"input": {"name": "Mứt", "category": category}})
    assert result(body, "productCreate")["errors"] == [
        {
            "field": "producer",
            "message": "Hãy chọn chủ thể sản xuất của sản phẩm.",
            "code": "REQUIRED",
            "attributes": None,
            "values": None,
        }
    ]
    assert snapshot() == before
    body = post(
        people["staff"],
        PRODUCT_CREATE,
        {"input": {"name": "Mứt dâu", "category": category, "producer": gid(people["b"])}},
    )
    assert result(body, "productCreate")["product"]["producer"]["slug"] == people["b"].slug


@pytest.mark.parametrize(
    ("input", "field", "code"),
    [
        ({"category": global_id("Category", 999999)}, "category", "NOT_FOUND"),
        ({"category": None}, "category", "REQUIRED"),
        ({"name": "  "}, "name", "REQUIRED"),
        ({"slug": "ca-phe-arabica"}, "slug", "UNIQUE"),
        (
            {"attributes": [{"id": "QXR0cmlidXRlOjE=", "values": ["5"]}]},
            "attributes",
            "ATTRIBUTE_CANNOT_BE_ASSIGNED",
        ),
        ({"productType": "another group"}, "category", "INVALID"),
        ({"productType": global_id("ProductType", 999999)}, "productType", "NOT_FOUND"),
    ],
)
def test_product_create_refuses_bad_input_and_changes_nothing(people, input, field, code):
    tea = Category.objects.get(slug="che-tra")
    data = {"name": "Trà", "category": gid(tea)} | input
    if data["category"] is None:
        del data["category"]
    if data.get("productType") == "another group":
        group = Category.objects.filter(parent=None).exclude(pk=tea.parent_id).first()
        data["productType"] = global_id("ProductType", group.pk)
    before = snapshot()
    errors = result(post(people["member_a"], PRODUCT_CREATE, {"input": data}), "productCreate")
    assert [(e["field"], e["code"]) for e in errors["errors"]] == [(field, code)]
    assert errors["product"] is None
    assert snapshot() == before


def test_a_wrong_type_of_id_is_a_top_level_error(people):
    body = post(
        people["member_a"],
        PRODUCT_UPDATE,
        {"id": global_id("Category", 1), "input": {"name": "X"}},
    )
    assert body["errors"][0]["message"] == "Must receive a Product id."


def test_product_update_and_delete(people):
    product = people["product"]
    body = post(
        people["member_a"],
        PRODUCT_UPDATE,
        {"id": gid(product), "input": {"name": "Cà phê Arabica Cầu Đất", "seo": {"title": "CĐ"}}},
    )
    assert result(body, "productUpdate")["product"]["name"] == "Cà phê Arabica Cầu Đất"
    product.refresh_from_db()
    assert "cau dat" in product.search_document and product.seo_title == "CĐ"
    deleted = result(
        post(people["member_a"], PRODUCT_DELETE, {"id": gid(product)}), "productDelete"
    )
    assert deleted == {"product": {"id": gid(product), "name": product.name}, "errors": []}
    assert not Product.objects.filter(pk=product.pk).exists()


def test_product_in_an_open_order_is_not_deleted(people, shipping):  # noqa: F811
    place_order(shipping, [(variant_of(people["product"]), 1)])
    before = snapshot()
    body = result(
        post(people["staff"], PRODUCT_DELETE, {"id": gid(people["product"])}), "productDelete"
    )
    assert [(e["field"], e["code"]) for e in body["errors"]] == [("id", "INVALID")]
    assert "đơn hàng chưa hoàn tất" in body["errors"][0]["message"]
    assert snapshot() == before


# --- Variants and stock -----------------------------------------------------------------------
def test_variant_create_with_stock_and_duplicate_sku(people):
    warehouse = people["a"].warehouses.first()
    data = {
        "product": gid(people["product"]),
        "sku": "LD-ARA-1KG",
        "name": "1kg",
        "weight": 1.05,
        "isFragile": True,
        "attributes": [],
        "stocks": [{"warehouse": global_id("Warehouse", warehouse.pk), "quantity": 7}],
    }
    data["weight"] = {"value": 1.05, "unit": "KG"}
    created = result(
        post(people["member_a"], VARIANT_CREATE, {"input": data}), "productVariantCreate"
    )
    assert created["errors"] == []
    assert created["productVariant"]["sku"] == "LD-ARA-1KG"
    assert created["productVariant"]["weight"] == {"unit": "G", "value": 1050.0}
    assert Stock.objects.get(variant__sku="LD-ARA-1KG").quantity == 7
    before = snapshot()
    again = result(
        post(people["member_a"], VARIANT_CREATE, {"input": data}), "productVariantCreate"
    )
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("sku", "UNIQUE")]
    assert snapshot() == before


def test_variant_create_with_a_bad_stock_row_creates_nothing(people):
    warehouse = people["a"].warehouses.first()
    before = snapshot()
    body = post(
        people["member_a"],
        VARIANT_CREATE,
        {
            "input": {
                "product": gid(people["product"]),
                "sku": "LD-ARA-2KG",
                "name": "2kg",
                "weight": 2000,
                "stocks": [{"warehouse": global_id("Warehouse", warehouse.pk), "quantity": -3}],
            }
        },
    )
    assert [(e["field"], e["code"]) for e in result(body, "productVariantCreate")["errors"]] == [
        ("quantity", "INVALID")
    ]
    assert snapshot() == before


def test_variant_update_by_sku(people):
    variant = variant_of(people["product"])
    body = post(
        people["member_a"],
        VARIANT_UPDATE,
        {"sku": variant.sku, "input": {"name": "Gói 500g", "weight": 500}},
    )
    assert result(body, "productVariantUpdate")["productVariant"]["name"] == "Gói 500g"
    variant.refresh_from_db()
    assert (variant.name, variant.weight_grams) == ("Gói 500g", 500)


def test_stocks_update_sets_quantities_all_or_nothing(people):
    variant = variant_of(people["product"])
    warehouse = global_id("Warehouse", people["a"].warehouses.first().pk)
    body = post(
        people["member_a"],
        STOCKS_UPDATE,
        {"variantId": gid(variant), "stocks": [{"warehouse": warehouse, "quantity": 42}]},
    )
    assert result(body, "productVariantStocksUpdate")["errors"] == []
    assert Stock.objects.get(variant=variant).quantity == 42
    before = snapshot()
    body = post(
        people["member_a"],
        STOCKS_UPDATE,
        {
            "sku": variant.sku,
            "stocks": [
                {"warehouse": warehouse, "quantity": 5},
                {"warehouse": warehouse, "quantity": -1},
            ],
        },
    )
    refused = result(body, "productVariantStocksUpdate")
    assert [(e["field"], e["code"], e["index"]) for e in refused["errors"]] == [
        ("warehouse", "DUPLICATED_INPUT_ITEM", 1)
    ]
    assert refused["bulkStockErrors"] == [{"code": "DUPLICATED_INPUT_ITEM", "index": 1}]
    assert snapshot() == before


def test_stock_below_allocated_is_refused(people, shipping):  # noqa: F811
    variant = variant_of(people["product"])
    place_order(shipping, [(variant, 4)])
    warehouse = global_id("Warehouse", people["a"].warehouses.first().pk)
    before = snapshot()
    body = post(
        people["member_a"],
        STOCKS_UPDATE,
        {"variantId": gid(variant), "stocks": [{"warehouse": warehouse, "quantity": 3}]},
    )
    errors = result(body, "productVariantStocksUpdate")["errors"]
    assert [(e["field"], e["code"], e["index"]) for e in errors] == [("quantity", "INVALID", 0)]
    assert "(4)" in errors[0]["message"]
    assert snapshot() == before


# --- Prices and channel listings --------------------------------------------------------------
def test_variant_prices_whole_dong_only(people):
    variant = variant_of(people["product"])
    channel = global_id("Channel", default_channel().pk)
    ok = post(
        people["member_a"],
        PRICES_UPDATE,
        {"id": gid(variant), "input": [{"channelId": channel, "price": "99000"}]},
    )
    assert result(ok, "productVariantChannelListingUpdate")["errors"] == []
    assert VariantChannelListing.objects.get(variant=variant).price_amount == Decimal(99000)
    before = snapshot()
    fractional = post(
        people["member_a"],
        PRICES_UPDATE,
        {"id": gid(variant), "input": [{"channelId": channel, "price": "1000.5"}]},
    )
    assert result(fractional, "productVariantChannelListingUpdate")["errors"] == [
        {
            "field": "price",
            "message": "Giá VND không có phần lẻ.",
            "code": "INVALID",
            "channels": [channel],
        }
    ]
    negative = post(
        people["member_a"],
        PRICES_UPDATE,
        {"id": gid(variant), "input": [{"channelId": channel, "price": "-5"}]},
    )
    assert negative["errors"]  # PositiveDecimal refuses it before any resolver runs (as Saleor)
    assert snapshot() == before


def test_channel_listing_publish_unpublish_and_remove(people):
    product = people["product"]
    channel = global_id("Channel", default_channel().pk)
    body = post(
        people["member_a"],
        LISTING_UPDATE,
        {
            "id": gid(product),
            "input": {
                "updateChannels": [
                    {"channelId": channel, "isPublished": False, "isAvailableForPurchase": False}
                ]
            },
        },
    )
    assert result(body, "productChannelListingUpdate")["errors"] == []
    listing = ProductChannelListing.objects.get(product=product)
    assert not listing.is_published and listing.available_for_purchase_at is None
    body = post(
        people["member_a"],
        LISTING_UPDATE,
        {"id": gid(product), "input": {"removeChannels": [channel]}},
    )
    assert result(body, "productChannelListingUpdate")["errors"] == []
    assert not ProductChannelListing.objects.filter(product=product).exists()
    assert Channel.objects.filter(slug="default-channel").exists()


def test_channel_listing_refuses_another_products_variant(people):
    other = variant_of(make_product(producer=people["a"]))
    channel = global_id("Channel", default_channel().pk)
    before = snapshot()
    body = post(
        people["member_a"],
        LISTING_UPDATE,
        {
            "id": gid(people["product"]),
            "input": {
                "updateChannels": [
                    {"channelId": channel, "isPublished": False, "removeVariants": [gid(other)]}
                ]
            },
        },
    )
    assert [
        (e["field"], e["code"]) for e in result(body, "productChannelListingUpdate")["errors"]
    ] == [("removeVariants", "NOT_PRODUCTS_VARIANT")]
    assert snapshot() == before


# --- Media ------------------------------------------------------------------------------------
def _media_create(user, product, data: bytes, name: str, **extra) -> dict:
    variables = {"input": {"product": gid(product), "image": None, "alt": "Bao cà phê"} | extra}
    return post_upload(user, MEDIA_CREATE, variables, "variables.input.image", data, name)


def test_member_uploads_a_photo_with_multipart(people, _media_root):
    body = _media_create(people["member_a"], people["product"], jpeg_bytes(), "bao.jpg")
    created = result(body, "productMediaCreate")
    assert created["errors"] == []
    assert created["media"]["alt"] == "Bao cà phê" and created["media"]["type"] == "IMAGE"
    media = ProductMedia.objects.get(alt="Bao cà phê")
    assert (_media_root / media.image.name).exists()


@pytest.mark.parametrize("case", ["renamed_html", "oversize", "bomb", "media_url"])
def test_bad_photos_are_refused_and_nothing_is_stored(people, _media_root, settings, case):
    extra = {}
    if case == "renamed_html":
        data, name, code = b"<html><script>alert(1)</script></html>", "anh.jpg", "INVALID"
    elif case == "oversize":
        settings.MAX_UPLOAD_BYTES = 2_000
        data, name, code = jpeg_bytes(800, 800), "lon.jpg", "INVALID"
        assert len(data) > 2_000
    elif case == "bomb":
        data, name, code = png_bomb(), "bom.png", "INVALID"
    else:
        data, name, code = jpeg_bytes(), "a.jpg", "UNSUPPORTED_MEDIA_PROVIDER"
        extra = {"mediaUrl": "https://example.com/a.jpg"}
    files_before = sorted(p.name for p in _media_root.rglob("*") if p.is_file())
    before = snapshot()
    body = _media_create(people["member_a"], people["product"], data, name, **extra)
    errors = result(body, "productMediaCreate")["errors"]
    assert [e["code"] for e in errors] == [code]
    assert errors[0]["field"] in ("image", "mediaUrl")
    assert snapshot() == before
    assert sorted(p.name for p in _media_root.rglob("*") if p.is_file()) == files_before


def test_media_reorder_and_delete(people):
    product, first = people["product"], people["photo"]
    second = product_media_add(
        product=product, upload=SimpleUploadedFile("b.jpg", jpeg_bytes(40, 30))
    )
    body = post(
        people["member_a"],
        MEDIA_REORDER,
        {"productId": gid(product), "mediaIds": [gid(second), gid(first)]},
    )
    assert result(body, "productMediaReorder")["media"] == [
        {"id": gid(second), "sortOrder": 0},
        {"id": gid(first), "sortOrder": 1},
    ]
    foreign = product_media_add(
        product=make_product(), upload=SimpleUploadedFile("c.jpg", jpeg_bytes(40, 30))
    )
    before = snapshot()
    body = post(
        people["member_a"], MEDIA_REORDER, {"productId": gid(product), "mediaIds": [gid(foreign)]}
    )
    assert [(e["field"], e["code"]) for e in result(body, "productMediaReorder")["errors"]] == [
        ("mediaIds", "NOT_PRODUCTS_IMAGE")
    ]
    assert snapshot() == before
    body = post(people["member_a"], MEDIA_DELETE, {"id": gid(first)})
    assert result(body, "productMediaDelete") == {"media": {"id": gid(first)}, "errors": []}
    assert not ProductMedia.objects.filter(pk=first.pk).exists()


# --- Permission matrix ------------------------------------------------------------------------
def _case_calls(people) -> dict:
    """For each mutation, a function of the user that sends it against producer A's data."""
    product, photo = people["product"], people["photo"]
    variant = variant_of(product)
    warehouse = global_id("Warehouse", people["a"].warehouses.first().pk)
    channel = global_id("Channel", default_channel().pk)
    category = gid(Category.objects.get(slug="che-tra"))

    def simple(query, variables):
        return lambda user: post(user, query, variables)

    def reorder(user):
        extra = ProductMedia.objects.filter(product=product).exclude(pk=photo.pk).first()
        ids = [gid(extra), gid(photo)]
        return post(user, MEDIA_REORDER, {"productId": gid(product), "mediaIds": ids})

    return {
        "productCreate": simple(
            PRODUCT_CREATE,
            {"input": {"name": "Trà mới", "category": category, "producer": gid(people["a"])}},
        ),
        "productUpdate": simple(PRODUCT_UPDATE, {"id": gid(product), "input": {"name": "Mới"}}),
        "productDelete": simple(PRODUCT_DELETE, {"id": gid(product)}),
        "productVariantCreate": simple(
            VARIANT_CREATE,
            {"input": {"product": gid(product), "sku": "NEW-1", "name": "1kg", "weight": 1000}},
        ),
        "productVariantUpdate": simple(
            VARIANT_UPDATE, {"id": gid(variant), "input": {"name": "Gói mới"}}
        ),
        "productVariantDelete": simple(
            """mutation($id: ID) { productVariantDelete(id: $id) { errors { code } } }""",
            {"id": gid(variant)},
        ),
        "productVariantStocksUpdate": simple(
            STOCKS_UPDATE,
            {"variantId": gid(variant), "stocks": [{"warehouse": warehouse, "quantity": 99}]},
        ),
        "productVariantStocksDelete": simple(
            """mutation($v: ID, $w: [ID!]) {
              productVariantStocksDelete(variantId: $v, warehouseIds: $w) { errors { code } }
            }""",
            {"v": gid(variant), "w": [warehouse]},
        ),
        "productVariantChannelListingUpdate": simple(
            PRICES_UPDATE, {"id": gid(variant), "input": [{"channelId": channel, "price": "1000"}]}
        ),
        "productChannelListingUpdate": simple(
            LISTING_UPDATE,
            {
                "id": gid(product),
                "input": {"updateChannels": [{"channelId": channel, "isPublished": False}]},
            },
        ),
        "productMediaCreate": lambda user: _media_create(user, product, jpeg_bytes(), "x.jpg"),
        "productMediaUpdate": simple(
            """mutation($id: ID!) {
              productMediaUpdate(id: $id, input: {alt: "Mới"}) { errors { code } }
            }""",
            {"id": gid(photo)},
        ),
        "productMediaDelete": simple(MEDIA_DELETE, {"id": gid(photo)}),
        "productMediaReorder": reorder,
    }


MUTATIONS = [
    "productCreate",
    "productUpdate",
    "productDelete",
    "productVariantCreate",
    "productVariantUpdate",
    "productVariantDelete",
    "productVariantStocksUpdate",
    "productVariantStocksDelete",
    "productVariantChannelListingUpdate",
    "productChannelListingUpdate",
    "productMediaCreate",
    "productMediaUpdate",
    "productMediaDelete",
    "productMediaReorder",
]


@pytest.mark.parametrize("allowed", ["member_a", "staff"])
@pytest.mark.parametrize("mutation", MUTATIONS)
def test_permission_matrix(people, mutation, allowed):
    product_media_add(
        product=people["product"], upload=SimpleUploadedFile("b.jpg", jpeg_bytes(40, 30))
    )
    call = _case_calls(people)[mutation]
    before = snapshot()
    for refused in ("anonymous", "customer", "member_b"):
        body = call(people[refused])
        assert body["data"][mutation] is None, (refused, body)
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
        assert snapshot() == before, refused
    body = call(people[allowed])
    assert "errors" not in body, body
    assert body["data"][mutation]["errors"] == []
    assert snapshot() != before


# --- portalProducts ---------------------------------------------------------------------------
PORTAL_PRODUCTS = """query($first: Int!) {
  portalProducts(first: $first, channel: "default-channel") {
    totalCount
    edges { node {
      id name slug category { slug } producer { slug } thumbnail { url }
      productVariants(first: 10) { edges { node { sku quantityAvailable
        pricing { price { gross { amount } } } } } }
    } }
  }
}"""


def test_portal_products_lists_own_products_in_any_state(people):
    draft = make_product("Trà nháp", producer=people["a"], stars=None, published=False)
    make_product("Mứt của B", producer=people["b"])
    mine = result(post(people["member_a"], PORTAL_PRODUCTS, {"first": 10}), "portalProducts")
    assert mine["totalCount"] == 2
    assert {e["node"]["slug"] for e in mine["edges"]} == {people["product"].slug, draft.slug}
    everything = result(post(people["staff"], PORTAL_PRODUCTS, {"first": 10}), "portalProducts")
    assert everything["totalCount"] == 3
    for who in ("anonymous", "customer"):
        body = post(people[who], PORTAL_PRODUCTS, {"first": 10})
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_portal_products_query_count_does_not_grow_with_the_page(people, django_assert_num_queries):
    for n in range(6):
        product = make_product(f"Sản phẩm {n}", producer=people["a"], prices=(1000, 2000))
        product_media_add(
            product=product, upload=SimpleUploadedFile(f"{n}.jpg", jpeg_bytes(40, 30))
        )
    client = Client()
    client.force_login(people["member_a"])
    counts = []
    for first in (1, 2, 7):  # the first request warms the session and the cached count
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                "/graphql/",
                json.dumps({"query": PORTAL_PRODUCTS, "variables": {"first": first}}),
                "application/json",
            )
        assert len(response.json()["data"]["portalProducts"]["edges"]) == first
        counts.append(len(queries))
    assert counts[1] == counts[2], counts
