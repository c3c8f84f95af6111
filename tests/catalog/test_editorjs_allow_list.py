"""EditorJS documents are cleaned against an allow-list on every write path (issue #9, item 7).

Saleor-compatible storefronts render the stored JSON themselves, so the stored document must be
inert: only known block types, each block's data rebuilt from its schema (types, enumerations,
http/https URLs, inline text through the HTML sanitiser), ``raw``/``code``/``tunes`` dropped.
The doors: GraphQL (productUpdate), the admin (product and producer), the services (producer
story), any ORM write (the demo loader, ``update()``), and documents stored before the rule
(the data migration).
"""

from __future__ import annotations

import copy
import importlib
import json

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection

from catalog.models import Page, Producer, Product, ProductTranslation
from catalog.services import producer_story_set
from shop.editorjs import render_html, sanitise_document
from tests.catalog import test_admin_scope, test_product_mutations
from tests.catalog.factories import make_producer, make_product
from tests.catalog.test_admin_scope import _client, _form_data, _url
from tests.catalog.test_product_mutations import PRODUCT_UPDATE, gid, post, result
from tests.orders import conftest as orders_conftest

pytestmark = pytest.mark.django_db

people = test_product_mutations.people
shipping = orders_conftest.shipping
world = test_admin_scope.world

# Every vector the issue lists, each beside a legitimate block that must survive.
ATTACK = {
    "time": 1733212800000,
    "version": "2.28.0",
    "blocks": [
        {
            "id": "p1",
            "type": "paragraph",
            "data": {
                "text": 'Cà phê <a href="javascript:alert(document.cookie)">xem</a> '
                '<b>Arabica</b> <a href="https://ocop.example.vn/">nguồn</a>'
            },
            "tunes": {"anyTune": {"onload": "alert(1)"}},
        },
        {"type": "header", "data": {"text": "Quy trình", "level": "2 onclick=alert(1)"}},
        {"type": "header", "data": {"text": "Thu hoạch", "level": 3}},
        {"type": "raw", "data": {"html": "<script>alert(1)</script>"}},
        {"type": "code", "data": {"code": "<script>alert(2)</script>"}},
        {"type": "image", "data": {"file": {"url": 'x" onerror="alert(1)'}, "caption": "a"}},
        {"type": "image", "data": {"file": {"url": "javascript:alert(1)"}}},
        {
            "type": "image",
            "data": {
                "file": {"url": "https://media.example.vn/ca-phe.jpg"},
                "caption": '<img src=x onerror="alert(1)">Vườn cà phê',
                "stretched": "yes",
                "withBorder": True,
            },
        },
        {
            "type": "embed",
            "data": {
                "service": "youtube",
                "source": "javascript:alert(1)",
                "embed": "javascript:alert(1)",
            },
        },
        {
            "type": "embed",
            "data": {
                "service": "evil",
                "source": "https://evil.example/",
                "embed": "https://evil.example/frame",
            },
        },
        {
            "type": "embed",
            "data": {
                "service": "youtube",
                "source": "https://www.youtube.com/watch?v=abc123",
                "embed": "https://www.youtube.com/embed/abc123",
                "width": 580,
                "height": "320 onload=x",
                "caption": "Video",
            },
        },
        {
            "type": "list",
            "data": {
                "style": 'ordered" onclick="x',
                "items": ["Hái chín", {"content": "<script>x</script>Phơi", "items": ["Rang"]}, 7],
            },
        },
        {"type": "quote", "data": {"text": "Ngon", "caption": "Khách", "alignment": "evil"}},
        {"type": "delimiter", "data": {"style": "<script>"}},
        {"type": "paragraph", "data": "not a dict"},
        {"type": "unknownBlock", "data": {"text": "x"}},
        "not a block",
    ],
    "evil": "<script>alert(1)</script>",
}


def _assert_inert(document: dict) -> None:
    """No vector survives anywhere in the serialised document."""
    text = json.dumps(document)
    for needle in ("javascript:", "onerror", "onclick", "onload", "<script", "tunes", "evil"):
        assert needle not in text, needle
    assert {block["type"] for block in document["blocks"]} <= {
        "paragraph",
        "header",
        "list",
        "quote",
        "delimiter",
        "image",
        "embed",
        "table",
    }
    for block in document["blocks"]:
        if block["type"] == "header":
            assert isinstance(block["data"]["level"], int) and 1 <= block["data"]["level"] <= 6


def test_the_attack_document_is_cleaned_and_the_legitimate_blocks_kept():
    cleaned = sanitise_document(ATTACK)

    _assert_inert(cleaned)
    assert set(cleaned) == {"time", "version", "blocks"}
    types = [block["type"] for block in cleaned["blocks"]]
    assert types == [
        "paragraph",
        "header",
        "header",
        "image",
        "embed",
        "list",
        "quote",
        "delimiter",
    ]
    paragraph, bad_level, header, image, embed, lst, quote, delimiter = cleaned["blocks"]
    assert paragraph["id"] == "p1" and "tunes" not in paragraph
    assert "<b>Arabica</b>" in paragraph["data"]["text"]
    assert 'href="https://ocop.example.vn/"' in paragraph["data"]["text"]
    assert bad_level["data"] == {"text": "Quy trình", "level": 2}
    assert header["data"] == {"text": "Thu hoạch", "level": 3}
    assert image["data"] == {
        "file": {"url": "https://media.example.vn/ca-phe.jpg"},
        "caption": "Vườn cà phê",
        "withBorder": True,
        "stretched": False,
        "withBackground": False,
    }
    assert embed["data"] == {
        "service": "youtube",
        "source": "https://www.youtube.com/watch?v=abc123",
        "embed": "https://www.youtube.com/embed/abc123",
        "width": 580,
        "caption": "Video",
    }
    assert lst["data"] == {
        "style": "unordered",
        "items": ["Hái chín", {"content": "Phơi", "items": ["Rang"]}],
    }
    assert quote["data"]["alignment"] == "left"
    assert delimiter["data"] == {}


def test_cleaning_is_idempotent_and_renders_inert_html():
    once = sanitise_document(ATTACK)
    assert sanitise_document(once) == once
    assert sanitise_document(json.dumps(ATTACK)) == once
    page = render_html(once)
    assert "javascript:" not in page and "onerror" not in page and "<script" not in page
    assert '<img src="https://media.example.vn/ca-phe.jpg"' in page
    assert '<a href="https://www.youtube.com/watch?v=abc123"' in page  # a link, not an iframe
    assert "<iframe" not in page


@pytest.mark.parametrize(
    "url",
    [
        'https://media.example.vn/a.jpg" onerror="alert(1)',
        "https://media.example.vn/a b.jpg",
        "//media.example.vn/a.jpg",
        "data:image/svg+xml;base64,PHN2Zz4=",
        "ftp://media.example.vn/a.jpg",
        "https:///a.jpg",
    ],
)
def test_an_image_url_that_is_not_a_plain_http_url_drops_the_block(url):
    document = {"blocks": [{"type": "image", "data": {"file": {"url": url}}}]}
    assert sanitise_document(document)["blocks"] == []


def test_graphql_product_update_stores_and_serves_the_clean_document(people):
    product = make_product(producer=people["a"])

    body = post(
        people["member_a"],
        PRODUCT_UPDATE,
        {"id": gid(product), "input": {"description": json.dumps(ATTACK)}},
    )

    payload = result(body, "productUpdate")
    assert payload["errors"] == []
    served = json.loads(payload["product"]["description"])
    stored = Product.objects.get(pk=product.pk).description
    _assert_inert(stored)
    assert served == stored == sanitise_document(ATTACK)


def test_admin_product_change_stores_the_clean_document(world):
    product = world["product_a"]
    client = _client(world, "member_a")
    url = _url(Product, "change", product.pk)
    data = _form_data(client.get(url))
    data["description"] = json.dumps(ATTACK)

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    product.refresh_from_db()
    _assert_inert(product.description)
    assert product.description == sanitise_document(ATTACK)


def test_admin_producer_change_stores_the_clean_story(world):
    producer = world["a"]
    client = _client(world, "staff")
    url = _url(Producer, "change", producer.pk)
    data = _form_data(client.get(url))
    data["story"] = json.dumps(ATTACK)

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    producer.refresh_from_db()
    _assert_inert(producer.story)
    assert "javascript:" not in producer.story_html and "<script" not in producer.story_html


def test_the_story_service_stores_the_clean_story_and_html():
    producer = producer_story_set(producer=make_producer(), story=copy.deepcopy(ATTACK))
    producer.refresh_from_db()
    _assert_inert(producer.story)
    assert producer.story_html == render_html(producer.story)


def test_any_orm_write_is_cleaned_by_the_field_itself():
    """The demo loader, data fixes and future code write through the ORM: the field cleans
    ``save()``, ``create()`` and ``update()`` alike, and the saved instance holds the clean
    document too."""
    product = make_product()
    product.description = copy.deepcopy(ATTACK)
    product.save()
    assert product.description == sanitise_document(ATTACK)  # in memory, as served next
    translation = ProductTranslation.objects.create(
        product=product, language_code="en", name="Coffee", description=copy.deepcopy(ATTACK)
    )
    Page.objects.create(title="Giới thiệu", slug="gioi-thieu", content=copy.deepcopy(ATTACK))
    Product.objects.filter(pk=product.pk).update(description=copy.deepcopy(ATTACK))

    _assert_inert(Product.objects.get(pk=product.pk).description)
    _assert_inert(ProductTranslation.objects.get(pk=translation.pk).description)
    _assert_inert(Page.objects.get(slug="gioi-thieu").content)


def test_documents_stored_before_the_rule_are_cleaned_by_the_migration():
    producer = make_producer()
    product = make_product(producer=producer)
    raw = json.dumps(ATTACK)
    with connection.cursor() as cursor:  # written around the field, as old code did
        cursor.execute(
            f"UPDATE {Product._meta.db_table} SET description = %s WHERE id = %s",
            [raw, product.pk],
        )
        cursor.execute(
            f"UPDATE {Producer._meta.db_table} SET story = %s, story_html = %s WHERE id = %s",
            [raw, "<p onclick=x>old</p>", producer.pk],
        )
    migration = importlib.import_module("catalog.migrations.0007_editorjs_allow_list")

    migration.clean_stored_documents(django_apps, None)

    product.refresh_from_db()
    producer.refresh_from_db()
    assert product.description == sanitise_document(ATTACK)
    assert producer.story == sanitise_document(ATTACK)
    assert producer.story_html == render_html(producer.story)


def test_every_demo_document_is_already_clean():
    """The allow-list keeps what real content uses: the demo's stories, descriptions and pages
    come through the cleaning unchanged."""
    call_command("seed_demo", stdout=None)
    documents = [
        *Product.objects.values_list("description", flat=True),
        *Producer.objects.values_list("story", flat=True),
        *Page.objects.values_list("content", flat=True),
    ]
    assert len(documents) > 50
    for document in documents:
        if document:
            assert sanitise_document(document) == document
