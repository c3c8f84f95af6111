"""Thumbnails: sizes and formats, making and storing them, the view, URLs for resolvers."""

from __future__ import annotations

import datetime
import io
import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.test import Client
from django.utils import timezone
from graphql_relay import to_global_id
from PIL import Image, features

from catalog import services
from catalog import thumbnails as thumbnails_module
from catalog.models import (
    Category,
    Certificate,
    CertificateStatus,
    Collection,
    CollectionChannelListing,
    Producer,
    ProducerMedia,
    ProducerMember,
    Product,
    ProductMedia,
    Thumbnail,
)
from catalog.thumbnails import (
    THUMBNAIL_SIZES,
    ThumbnailSourceError,
    thumbnail_format_parse,
    thumbnail_get_or_create,
    thumbnail_size_snap,
    thumbnail_source_field,
    thumbnail_url,
)
from tests.catalog.factories import default_channel, make_producer, make_product

# --- helpers ----------------------------------------------------------------------------------


def image_bytes(
    size: tuple[int, int], *, format: str = "JPEG", mode: str = "RGB", exif=None
) -> bytes:
    colour = (200, 30, 30, 128) if mode == "RGBA" else (200, 30, 30)
    image = Image.new(mode, size, colour)
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def open_stored(name: str) -> Image.Image:
    with default_storage.open(name, "rb") as stream:
        image = Image.open(stream)
        image.load()
    return image


@pytest.fixture
def producer() -> Producer:
    return make_producer("HTX Cà phê Cầu Đất")


@pytest.fixture
def product(producer: Producer) -> Product:
    """Certified and published: its photos are public."""
    return make_product("Cà phê Arabica Cầu Đất", producer=producer)


@pytest.fixture
def make_media(product: Product):
    def make(content: bytes, name: str = "arabica.jpg") -> ProductMedia:
        media = ProductMedia(product=product)
        media.image.save(name, ContentFile(content), save=False)
        media.save()
        return media

    return make


@pytest.fixture
def make_legacy_media(product: Product):
    """A photo stored before uploads were checked and named by us: bytes as they came."""

    def make(content: bytes, name: str) -> ProductMedia:
        stored = default_storage.save(f"products/{name}", ContentFile(content))
        return ProductMedia.objects.create(product=product, image=stored)

    return make


@pytest.fixture
def media(make_media) -> ProductMedia:
    return make_media(image_bytes((2000, 1000)))


@pytest.fixture
def media_server(settings):
    """Local media are served from settings.MEDIA_ROOT (per test, see tests/conftest.py)."""
    if settings.AWS_STORAGE_BUCKET_NAME:
        pytest.skip("media are not served locally (AWS_STORAGE_BUCKET_NAME is set)")
    return settings.MEDIA_ROOT


# --- sizes and formats ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "snapped"),
    [(1, 32), (32, 32), (33, 64), (100, 128), (256, 256), (257, 512), (4096, 4096), (10**6, 4096)],
)
def test_thumbnail_size_snap_takes_the_next_allowed_size_up(asked: int, snapped: int) -> None:
    assert thumbnail_size_snap(asked) == snapped


@pytest.mark.parametrize("asked", [0, -1])
def test_thumbnail_size_snap_refuses_non_positive_sizes(asked: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        thumbnail_size_snap(asked)


def test_thumbnail_sizes_are_saleors() -> None:
    assert THUMBNAIL_SIZES == (32, 64, 128, 256, 512, 1024, 2048, 4096)


@pytest.mark.parametrize(
    ("asked", "parsed"),
    [(None, "ORIGINAL"), ("original", "ORIGINAL"), ("webp", "WEBP"), ("WEBP", "WEBP")],
)
def test_thumbnail_format_parse_accepts_known_formats(asked: str | None, parsed: str) -> None:
    assert thumbnail_format_parse(asked) == parsed


@pytest.mark.parametrize("asked", ["gif", "jpeg", "", "webp2"])
def test_thumbnail_format_parse_refuses_unknown_formats(asked: str) -> None:
    with pytest.raises(ValueError, match="Unknown thumbnail format"):
        thumbnail_format_parse(asked)


def test_thumbnail_format_parse_avif_follows_pillow_support(monkeypatch) -> None:
    monkeypatch.setattr(thumbnails_module, "_avif_supported", lambda: True)
    assert thumbnail_format_parse("avif") == "AVIF"
    monkeypatch.setattr(thumbnails_module, "_avif_supported", lambda: False)
    with pytest.raises(ValueError, match="AVIF"):
        thumbnail_format_parse("avif")


@pytest.mark.django_db
def test_thumbnail_source_field_knows_every_image_owner(product: Product, producer) -> None:
    category = Category.objects.get(slug="ca-phe-ca-cao")
    cases = [
        (ProductMedia(product=product), "product_media", "image", "thumbnails"),
        (category, "category", "background_image", "thumbnails"),
        (
            Collection(name="Quà Tết", slug="qua-tet"),
            "collection",
            "background_image",
            "thumbnails",
        ),
        (producer, "producer", "logo", "logo_thumbnails"),
        (ProducerMedia(producer=producer), "producer_media", "image", "thumbnails"),
    ]
    for instance, fk, image_field, related_name in cases:
        source = thumbnail_source_field(instance)
        assert (source.thumbnail_fk, source.image_field, source.related_name) == (
            fk,
            image_field,
            related_name,
        )
    with pytest.raises(TypeError):
        thumbnail_source_field(product)


# --- making thumbnails ------------------------------------------------------------------------


@pytest.mark.django_db
def test_thumbnail_get_or_create_shrinks_the_longer_side_to_the_size(media: ProductMedia) -> None:
    thumbnail = thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")

    assert thumbnail.pk is not None
    assert (thumbnail.product_media, thumbnail.size, thumbnail.format) == (media, 256, "ORIGINAL")
    assert re.fullmatch(r"thumbnails/[0-9a-f]{32}\.jpg", thumbnail.image.name)
    image = open_stored(thumbnail.image.name)
    assert image.format == "JPEG"
    assert image.size == (256, 128)


@pytest.mark.django_db
def test_thumbnail_get_or_create_snaps_the_size(media: ProductMedia) -> None:
    thumbnail = thumbnail_get_or_create(instance=media, size=200, format="ORIGINAL")

    assert thumbnail.size == 256
    assert open_stored(thumbnail.image.name).size == (256, 128)


@pytest.mark.django_db
def test_thumbnail_get_or_create_webp_keeps_the_alpha_of_a_png(make_media) -> None:
    media = make_media(image_bytes((600, 300), format="PNG", mode="RGBA"), name="logo.png")

    thumbnail = thumbnail_get_or_create(instance=media, size=128, format="WEBP")

    assert thumbnail.image.name.endswith(".webp")
    image = open_stored(thumbnail.image.name)
    assert (image.format, image.mode, image.size) == ("WEBP", "RGBA", (128, 64))
    assert image.getpixel((10, 10))[3] == pytest.approx(128, abs=2)


@pytest.mark.django_db
def test_thumbnail_get_or_create_original_of_a_png_stays_png_with_alpha(make_media) -> None:
    media = make_media(image_bytes((600, 300), format="PNG", mode="RGBA"), name="logo.png")

    thumbnail = thumbnail_get_or_create(instance=media, size=64, format="ORIGINAL")

    image = open_stored(thumbnail.image.name)
    assert (image.format, image.mode, image.size) == ("PNG", "RGBA", (64, 32))


@pytest.mark.django_db
def test_thumbnail_get_or_create_webp_of_a_jpeg(media: ProductMedia) -> None:
    thumbnail = thumbnail_get_or_create(instance=media, size=512, format="WEBP")

    image = open_stored(thumbnail.image.name)
    assert (image.format, image.mode, image.size) == ("WEBP", "RGB", (512, 256))


@pytest.mark.django_db
@pytest.mark.skipif(not features.check("avif"), reason="this Pillow cannot write AVIF")
def test_thumbnail_get_or_create_avif(media: ProductMedia) -> None:
    thumbnail = thumbnail_get_or_create(instance=media, size=128, format="AVIF")

    assert re.fullmatch(r"thumbnails/[0-9a-f]{32}\.avif", thumbnail.image.name)
    image = open_stored(thumbnail.image.name)
    assert (image.format, image.size) == ("AVIF", (128, 64))


@pytest.mark.django_db
def test_thumbnail_get_or_create_never_upscales(make_media) -> None:
    media = make_media(image_bytes((100, 80)), name="small.jpg")

    thumbnail = thumbnail_get_or_create(instance=media, size=1024, format="ORIGINAL")

    assert thumbnail.size == 1024
    image = open_stored(thumbnail.image.name)
    assert (image.format, image.size) == ("JPEG", (100, 80))


@pytest.mark.django_db
def test_thumbnail_get_or_create_applies_exif_orientation(make_media) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    media = make_media(image_bytes((400, 200), exif=exif), name="phone.jpg")

    thumbnail = thumbnail_get_or_create(instance=media, size=128, format="ORIGINAL")

    image = open_stored(thumbnail.image.name)
    assert image.size == (64, 128)
    assert image.getexif().get(0x0112) is None


@pytest.mark.django_db
def test_thumbnail_get_or_create_returns_the_stored_row_the_second_time(
    media: ProductMedia, django_assert_num_queries
) -> None:
    first = thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")
    files_before = default_storage.listdir("thumbnails")[1]

    with django_assert_num_queries(1):
        second = thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")

    assert second.pk == first.pk
    assert second.image.name == first.image.name
    assert default_storage.listdir("thumbnails")[1] == files_before
    assert Thumbnail.objects.count() == 1


@pytest.mark.django_db
def test_thumbnail_get_or_create_keeps_the_winner_of_a_race(
    media: ProductMedia, monkeypatch
) -> None:
    """The other request saves its row between our lookup and our insert."""
    winner = thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")
    real_filter = Thumbnail.objects.filter
    calls = []

    def filter_missing_first(*args, **kwargs):
        calls.append(kwargs)
        queryset = real_filter(*args, **kwargs)
        return queryset.none() if len(calls) == 1 else queryset

    monkeypatch.setattr(Thumbnail.objects, "filter", filter_missing_first)

    result = thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")

    assert result.pk == winner.pk
    assert Thumbnail.objects.count() == 1
    assert default_storage.listdir("thumbnails")[1] == [winner.image.name.split("/")[-1]]


@pytest.mark.django_db
def test_thumbnail_unique_constraint_is_what_settles_a_race(media: ProductMedia) -> None:
    thumbnail_get_or_create(instance=media, size=256, format="WEBP")
    with pytest.raises(IntegrityError):
        Thumbnail.objects.create(product_media=media, size=256, format="WEBP", image="x.webp")


@pytest.mark.postgres  # SQLite's shared-cache test database locks whole tables instead
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thumbnail_get_or_create_in_parallel_makes_one_row(make_media) -> None:
    media = make_media(image_bytes((1200, 800)))
    results, errors = [], []
    barrier = threading.Barrier(4)

    def make() -> None:
        from django.db import connection

        try:
            barrier.wait()
            results.append(thumbnail_get_or_create(instance=media, size=128, format="WEBP"))
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=make) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len({thumbnail.pk for thumbnail in results}) == 1
    assert Thumbnail.objects.count() == 1
    assert default_storage.listdir("thumbnails")[1] == [results[0].image.name.split("/")[-1]]


@pytest.mark.django_db
def test_thumbnail_get_or_create_refuses_a_file_that_is_not_an_image(make_legacy_media) -> None:
    media = make_legacy_media(b"not an image", name="broken.jpg")

    with pytest.raises(ThumbnailSourceError) as raised:
        thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")

    assert raised.value.code == "unreadable"
    assert not Thumbnail.objects.exists()


@pytest.mark.django_db
def test_thumbnail_get_or_create_refuses_a_decompression_bomb(media, monkeypatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)

    with pytest.raises(ThumbnailSourceError) as raised:
        thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")

    assert raised.value.code == "too_large"
    assert isinstance(raised.value.__cause__, Image.DecompressionBombError)


@pytest.mark.django_db
def test_thumbnail_get_or_create_refuses_images_over_the_settings_limit(media, settings) -> None:
    settings.MAX_IMAGE_PIXELS = 1_000_000  # the source has 2,000,000

    with pytest.raises(ThumbnailSourceError) as raised:
        thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")

    assert raised.value.code == "too_large"


@pytest.mark.django_db
def test_thumbnail_get_or_create_reports_a_missing_file(media: ProductMedia) -> None:
    default_storage.delete(media.image.name)

    with pytest.raises(ThumbnailSourceError) as raised:
        thumbnail_get_or_create(instance=media, size=256, format="ORIGINAL")

    assert raised.value.code == "missing"


@pytest.mark.django_db
def test_thumbnail_get_or_create_serves_every_image_owner(producer: Producer) -> None:
    png = image_bytes((300, 300), format="PNG")
    category = Category.objects.get(slug="ca-phe-ca-cao")
    category.background_image.save("ca-phe.png", ContentFile(png))
    collection = Collection.objects.create(name="Quà Tết", slug="qua-tet")
    collection.background_image.save("tet.png", ContentFile(png))
    producer.logo.save("logo.png", ContentFile(png))
    photo = ProducerMedia(producer=producer)
    photo.image.save("vuon.png", ContentFile(png))

    for instance, fk in [
        (category, "category"),
        (collection, "collection"),
        (producer, "producer"),
        (photo, "producer_media"),
    ]:
        thumbnail = thumbnail_get_or_create(instance=instance, size=64, format="WEBP")
        assert getattr(thumbnail, f"{fk}_id") == instance.pk
        assert open_stored(thumbnail.image.name).size == (64, 64)


# --- the view ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_thumbnail_view_redirects_to_the_stored_image(media: ProductMedia, media_server) -> None:
    client = Client()
    global_id = to_global_id("ProductMedia", media.pk)

    response = client.get(f"/thumbnail/{global_id}/200/webp/")

    assert response.status_code == 302
    assert response["Cache-Control"] == "public, max-age=3600"
    thumbnail = Thumbnail.objects.get()
    assert (thumbnail.size, thumbnail.format) == (256, "WEBP")
    assert response["Location"] == thumbnail.image.url
    served = client.get(response["Location"])
    assert served.status_code == 200
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert (image.format, image.size) == ("WEBP", (256, 128))


@pytest.mark.django_db
def test_thumbnail_view_without_format_keeps_the_original_format(
    media: ProductMedia, media_server
) -> None:
    client = Client()
    global_id = to_global_id("ProductMedia", media.pk)

    response = client.get(f"/thumbnail/{global_id}/64/")

    assert response.status_code == 302
    served = client.get(response["Location"])
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert (image.format, image.size) == ("JPEG", (64, 32))
    assert client.get(f"/thumbnail/{global_id}/64/")["Location"] == response["Location"]
    assert Thumbnail.objects.count() == 1


@pytest.mark.django_db
def test_thumbnail_view_answers_head_but_not_post(media: ProductMedia) -> None:
    global_id = to_global_id("ProductMedia", media.pk)
    assert Client().head(f"/thumbnail/{global_id}/64/").status_code == 302
    assert Client().post(f"/thumbnail/{global_id}/64/").status_code == 405


@pytest.mark.django_db
def test_thumbnail_view_serves_a_producer_logo(producer: Producer) -> None:
    producer.logo.save("logo.png", ContentFile(image_bytes((500, 250), format="PNG")))

    response = Client().get(f"/thumbnail/{to_global_id('Producer', producer.pk)}/128/")

    assert response.status_code == 302
    assert re.fullmatch(r"thumbnails/[0-9a-f]{32}\.png", producer.logo_thumbnails.get().image.name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "instance_id",
    [
        "garbage",
        "!!!!",
        to_global_id("ProductMedia", "abc"),
        to_global_id("ProductMedia", ""),
        to_global_id("Product", 1),
        to_global_id("ProductMedia", 999_999),
        to_global_id("ProductMedia", 10**30),
        to_global_id("ProductMedia", -1),
    ],
)
def test_thumbnail_view_404_for_an_unknown_instance(media, instance_id: str) -> None:
    assert Client().get(f"/thumbnail/{instance_id}/256/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["0/", "256/gif/", "256/jpeg/"])
def test_thumbnail_view_404_for_a_bad_size_or_format(media: ProductMedia, path: str) -> None:
    global_id = to_global_id("ProductMedia", media.pk)
    assert Client().get(f"/thumbnail/{global_id}/{path}").status_code == 404


@pytest.mark.django_db
def test_thumbnail_view_404_for_an_instance_without_image() -> None:
    category = Category.objects.get(slug="ca-phe-ca-cao")
    assert not category.background_image
    response = Client().get(f"/thumbnail/{to_global_id('Category', category.pk)}/256/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_thumbnail_view_404_for_a_file_that_is_not_an_image(make_legacy_media) -> None:
    media = make_legacy_media(b"not an image", name="broken.jpg")
    client = Client(raise_request_exception=False)

    response = client.get(f"/thumbnail/{to_global_id('ProductMedia', media.pk)}/256/")

    assert response.status_code == 404
    assert not Thumbnail.objects.exists()


@pytest.mark.django_db
def test_thumbnail_view_404_for_a_decompression_bomb(media, monkeypatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)
    client = Client(raise_request_exception=False)

    response = client.get(f"/thumbnail/{to_global_id('ProductMedia', media.pk)}/256/")

    assert response.status_code == 404
    assert not Thumbnail.objects.exists()


# --- the view: only what the public may see (issue #9, item 13) ---------------------------------


def _hide_unpublished(product: Product) -> None:
    services.product_publish(product=product, channel=default_channel(), is_published=False)


def _hide_expired(product: Product) -> None:
    Certificate.objects.filter(pk=product.current_certificate_id).update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )


def _hide_unverified(product: Product) -> None:
    Certificate.objects.filter(pk=product.current_certificate_id).update(
        status=CertificateStatus.PENDING
    )


@pytest.fixture(params=[_hide_unpublished, _hide_expired, _hide_unverified])
def hidden_media(request, media: ProductMedia) -> ProductMedia:
    request.param(media.product)
    return media


def _thumbnail_path(instance) -> str:
    return f"/thumbnail/{to_global_id(type(instance).__name__, instance.pk)}/256/"


@pytest.mark.django_db
def test_thumbnail_view_404_for_a_hidden_products_photo_to_anonymous_visitors(
    hidden_media: ProductMedia, django_assert_num_queries
) -> None:
    with django_assert_num_queries(1):  # the photo and its visibility, then nothing
        response = Client().get(_thumbnail_path(hidden_media))
    assert response.status_code == 404
    assert not Thumbnail.objects.exists()  # nothing made for a visitor who may not see it


@pytest.mark.django_db
def test_thumbnail_view_404_for_a_product_never_published_or_certified(make_media) -> None:
    draft = make_product(stars=None, published=False)
    media = ProductMedia(product=draft)
    media.image.save("a.jpg", ContentFile(image_bytes((64, 64))))
    assert Client().get(_thumbnail_path(media)).status_code == 404


@pytest.mark.django_db
def test_thumbnail_view_serves_a_hidden_products_photo_to_staff_and_its_members(
    hidden_media: ProductMedia,
) -> None:
    users = get_user_model().objects
    staff = users.create_user(email="staff@ocop.test", password="x-1234567", is_staff=True)
    member = users.create_user(email="member@htx.test", password="x-1234567")
    ProducerMember.objects.create(producer=hidden_media.product.producer, user=member)
    outsider = users.create_user(email="other@htx.test", password="x-1234567")
    ProducerMember.objects.create(producer=make_producer(), user=outsider)

    for user, status in ((staff, 302), (member, 302), (outsider, 404)):
        client = Client()
        client.force_login(user)
        response = client.get(_thumbnail_path(hidden_media))
        assert response.status_code == status, user.email
        if status == 302:  # never kept by a shared cache
            assert "private" in response["Cache-Control"]
            assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_thumbnail_view_of_a_public_photo_runs_two_queries(
    media: ProductMedia, django_assert_num_queries
) -> None:
    Client().get(_thumbnail_path(media))  # made on first request (adds its insert)
    with django_assert_num_queries(2):  # the photo and its visibility; the stored thumbnail
        response = Client().get(_thumbnail_path(media))
    assert response.status_code == 302
    assert response["Cache-Control"] == "public, max-age=3600"


@pytest.mark.django_db
def test_thumbnail_view_404_for_an_inactive_producers_images(producer: Producer) -> None:
    producer.logo.save("logo.png", ContentFile(image_bytes((64, 64), format="PNG")))
    photo = ProducerMedia(producer=producer)
    photo.image.save("vuon.png", ContentFile(image_bytes((64, 64), format="PNG")))
    assert Client().get(_thumbnail_path(producer)).status_code == 302

    Producer.objects.filter(pk=producer.pk).update(is_active=False)

    assert Client().get(_thumbnail_path(producer)).status_code == 404
    assert Client().get(_thumbnail_path(photo)).status_code == 404


@pytest.mark.django_db
def test_thumbnail_view_404_for_an_unpublished_collections_banner() -> None:
    collection = Collection.objects.create(name="Quà Tết", slug="qua-tet")
    collection.background_image.save("tet.png", ContentFile(image_bytes((64, 64), format="PNG")))
    assert Client().get(_thumbnail_path(collection)).status_code == 404

    CollectionChannelListing.objects.create(
        collection=collection, channel=default_channel(), is_published=True
    )
    assert Client().get(_thumbnail_path(collection)).status_code == 302


# --- URLs for GraphQL resolvers ---------------------------------------------------------------


@pytest.mark.django_db
def test_thumbnail_url_with_prefetched_thumbnails_runs_no_query(
    media: ProductMedia, django_assert_num_queries, rf
) -> None:
    stored = thumbnail_get_or_create(instance=media, size=256, format="WEBP")
    media = ProductMedia.objects.prefetch_related("thumbnails").get(pk=media.pk)
    prefetched = list(media.thumbnails.all())
    request = rf.get("/graphql/")
    global_id = to_global_id("ProductMedia", media.pk)

    with django_assert_num_queries(0):
        found = thumbnail_url(instance=media, size=200, format="webp", thumbnails=prefetched)
        absolute = thumbnail_url(
            instance=media, size=256, format="WEBP", thumbnails=prefetched, request=request
        )
        missing = thumbnail_url(instance=media, size=1000, format=None, thumbnails=prefetched)
        missing_webp = thumbnail_url(
            instance=media, size=32, format="webp", thumbnails=[], request=request
        )
        from_prefetch_cache = thumbnail_url(instance=media, size=256, format="webp")

    assert found == stored.image.url
    assert found.startswith("/media/thumbnails/")
    assert absolute == f"http://testserver{stored.image.url}"
    assert missing == f"/thumbnail/{global_id}/1024/"
    assert missing_webp == f"http://testserver/thumbnail/{global_id}/32/webp/"
    assert from_prefetch_cache == stored.image.url


@pytest.mark.django_db
def test_thumbnail_url_without_prefetch_runs_one_query(
    media: ProductMedia, django_assert_num_queries
) -> None:
    stored = thumbnail_get_or_create(instance=media, size=64, format="ORIGINAL")

    with django_assert_num_queries(1):
        assert thumbnail_url(instance=media, size=64, format=None) == stored.image.url


@pytest.mark.django_db
def test_thumbnail_url_is_none_without_an_image(django_assert_num_queries) -> None:
    category = Category.objects.get(slug="ca-phe-ca-cao")
    with django_assert_num_queries(0):
        assert thumbnail_url(instance=category, size=256, format=None) is None


@pytest.mark.django_db
def test_thumbnail_url_refuses_a_bad_format(media: ProductMedia) -> None:
    with pytest.raises(ValueError):
        thumbnail_url(instance=media, size=256, format="gif", thumbnails=[])
