"""Media on S3 (django-storages + boto3) against moto's server mode on 127.0.0.1 over real HTTP,
and the local stand-in for presigned URLs (``shop.storage.private_file_view``).

Public product images and their thumbnails go to the bucket root with plain URLs that the
bucket policy makes readable; certificate scans go under ``private/`` and are reached only by
presigned URLs handed out by ``certificate_scan_url``.
"""

from __future__ import annotations

import io
import json
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import boto3
import httpx
import pytest
from botocore.client import Config
from botocore.exceptions import ClientError
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from catalog.models import Certificate, ProducerMember, ProductMedia, Thumbnail
from catalog.services import certificate_scan_url, product_media_add
from catalog.thumbnails import thumbnail_get_or_create
from catalog.uploads import scan_upload_validate
from shop.storage import (
    PrivateFileSystemStorage,
    PrivateMediaStorage,
    PublicMediaStorage,
    private_file_token,
    private_storage,
    s3_public_read_policy,
)
from tests.catalog.factories import make_producer, make_product
from tests.catalog.factories import pdf_bytes as make_pdf

REGION = "ap-southeast-1"
BUCKET = "ocop-media-test"
MOTO_SERVER = Path(sys.executable).with_name("moto_server")

# --- moto server and storages -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _s3_client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """moto's S3 server on a free loopback port, with the media bucket and its policy."""
    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(  # noqa: S603
        [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"moto_server exited with code {process.returncode}")
            try:
                httpx.get(f"{endpoint}/moto-api/", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail("moto_server did not answer within 30 s")
                time.sleep(0.1)
        client = _s3_client(endpoint)
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(s3_public_read_policy(BUCKET)))
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def s3(moto_endpoint, settings):
    """Point the default and private storages at the moto bucket for one test.

    Model fields hold lazy storages (``default_storage``, ``shop.storage.private_storage()``),
    which Django's and shop.storage's ``setting_changed`` receivers reset, so the fields follow.
    """
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_PRIVATE_STORAGE_BUCKET_NAME = ""
    settings.AWS_S3_ENDPOINT_URL = moto_endpoint
    settings.AWS_S3_REGION_NAME = REGION
    settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_S3_CUSTOM_DOMAIN = None
    settings.AWS_ACCESS_KEY_ID = "testing"
    settings.AWS_SECRET_ACCESS_KEY = "testing"  # noqa: S105
    settings.AWS_PRESIGNED_EXPIRY = 300
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "shop.storage.PublicMediaStorage"},
        "private": {"BACKEND": "shop.storage.PrivateMediaStorage"},
    }
    assert ProductMedia._meta.get_field("image").storage is default_storage
    assert Certificate._meta.get_field("scan").storage is private_storage()
    assert default_storage.bucket_name == BUCKET  # resolves the lazy storages
    assert private_storage().location == "private"
    assert isinstance(default_storage._wrapped, PublicMediaStorage)
    assert isinstance(private_storage()._wrapped, PrivateMediaStorage)
    assert storages["private"] is private_storage()._wrapped
    return _s3_client(moto_endpoint)


def object_exists(client, key: str) -> bool:
    try:
        client.head_object(Bucket=BUCKET, Key=key)
    except ClientError as exc:
        assert exc.response["Error"]["Code"] in {"404", "NoSuchKey"}
        return False
    return True


def jpeg_bytes(size: tuple[int, int] = (640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    return make_pdf(title=uuid.uuid4().hex)  # each one different


@pytest.fixture
def product(db):
    return make_product()


@pytest.fixture
def certificate(product) -> Certificate:
    return product.certificates.get()


def scan_save(certificate: Certificate, data: bytes) -> None:
    file = ContentFile(data, name="giay-chung-nhan.pdf")
    assert scan_upload_validate(file) == "PDF"
    certificate.scan.save("giay-chung-nhan.pdf", file)


def user_make(email: str, **fields):
    return get_user_model().objects.create_user(email=email, password="x-1234567", **fields)


# --- public images ------------------------------------------------------------------------------


@pytest.mark.s3
def test_product_image_and_its_thumbnail_are_stored_in_the_bucket_and_served(s3, product):
    data = jpeg_bytes()
    media = product_media_add(product=product, upload=ContentFile(data, name="ca-phe.jpg"))

    assert re.fullmatch(r"products/[0-9a-f]{32}\.jpg", media.image.name)
    assert object_exists(s3, media.image.name)
    assert s3.get_object(Bucket=BUCKET, Key=media.image.name)["Body"].read() == data

    url = media.image.url
    assert "Signature" not in url and "X-Amz" not in url  # plain, cacheable URL
    response = httpx.get(url)
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "image/jpeg"

    thumbnail = thumbnail_get_or_create(instance=media, size=256, format=Thumbnail.Format.WEBP)
    assert thumbnail.image.name.startswith("thumbnails/")
    assert object_exists(s3, thumbnail.image.name)
    served = httpx.get(thumbnail.image.url)
    assert served.status_code == 200
    assert served.headers["content-type"] == "image/webp"
    assert Image.open(io.BytesIO(served.content)).size == (256, 192)
    # Made once: the second request reuses the stored object.
    again = thumbnail_get_or_create(instance=media, size=256, format=Thumbnail.Format.WEBP)
    assert again.pk == thumbnail.pk


@pytest.mark.s3
def test_deleting_a_product_image_removes_the_object(s3, product):
    media = product_media_add(product=product, upload=ContentFile(jpeg_bytes(), name="x.jpg"))
    name = media.image.name
    assert object_exists(s3, name)

    media.image.delete()

    assert not object_exists(s3, name)
    assert httpx.get(default_storage.url(name)).status_code in {403, 404}


# --- private scans ------------------------------------------------------------------------------


@pytest.mark.s3
def test_certificate_scan_goes_to_the_private_prefix_and_needs_a_presigned_url(
    s3, certificate, moto_endpoint
):
    data = pdf_bytes()
    scan_save(certificate, data)

    key = f"private/{certificate.scan.name}"
    assert certificate.scan.name.startswith("certificates/")
    assert object_exists(s3, key)
    assert s3.get_object(Bucket=BUCKET, Key=key)["Body"].read() == data

    unsigned = httpx.get(f"{moto_endpoint}/{BUCKET}/{key}")
    assert unsigned.status_code == 403

    staff = user_make("staff@ocop.test", is_staff=True)
    url = certificate_scan_url(certificate=certificate, user=staff)
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    signed = httpx.get(url)
    assert signed.status_code == 200
    assert signed.content == data


@pytest.mark.s3
def test_presigned_scan_url_carries_the_configured_short_expiry(s3, certificate, settings):
    settings.AWS_PRESIGNED_EXPIRY = 1
    scan_save(certificate, pdf_bytes())
    staff = user_make("staff@ocop.test", is_staff=True)

    url = certificate_scan_url(certificate=certificate, user=staff)

    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["1"]


@pytest.mark.s3
@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="moto 5.2.5 checks only that a presigned URL carries a signature, never its expiry "
    "(moto/s3/responses.py _key_response); real S3 answers 403 AccessDenied 'Request has "
    "expired'. Strict: when moto starts enforcing expiry this XPASSes and must be unmarked.",
)
def test_presigned_scan_url_is_refused_after_expiry(s3, certificate, settings):
    settings.AWS_PRESIGNED_EXPIRY = 1
    scan_save(certificate, pdf_bytes())
    staff = user_make("staff@ocop.test", is_staff=True)
    url = certificate_scan_url(certificate=certificate, user=staff)
    time.sleep(2)

    assert httpx.get(url).status_code == 403


@pytest.mark.s3
@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="moto 5.2.5 serves any URL whose query holds 'Signature=' without checking it; real "
    "S3 answers 403 SignatureDoesNotMatch. Strict: unmark when moto checks signatures.",
)
def test_presigned_scan_url_with_a_forged_signature_is_refused(s3, certificate):
    scan_save(certificate, pdf_bytes())
    url = certificate_scan_url(
        certificate=certificate, user=user_make("staff@ocop.test", is_staff=True)
    )
    forged = url.split("X-Amz-Signature=")[0] + "X-Amz-Signature=" + "0" * 64

    assert httpx.get(forged).status_code == 403


@pytest.mark.s3
def test_deleting_a_certificate_scan_removes_the_private_object(s3, certificate):
    scan_save(certificate, pdf_bytes())
    key = f"private/{certificate.scan.name}"
    assert object_exists(s3, key)

    certificate.scan.delete()

    assert not object_exists(s3, key)
    assert not certificate.scan


def test_private_storage_settings_own_bucket_and_never_the_cdn_domain(settings):
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_PRIVATE_STORAGE_BUCKET_NAME = "ocop-private"
    settings.AWS_S3_CUSTOM_DOMAIN = "media.example.vn"
    settings.AWS_PRESIGNED_EXPIRY = 120

    private = PrivateMediaStorage()
    public = PublicMediaStorage()

    assert private.bucket_name == "ocop-private"
    assert private.location == "private"
    assert private.querystring_auth is True
    assert private.querystring_expire == 120
    assert private.default_acl == "private"
    assert private.custom_domain is None  # a CDN URL would drop the signature
    assert public.bucket_name == BUCKET
    assert public.querystring_auth is False
    assert public.custom_domain == "media.example.vn"


@pytest.mark.s3
def test_local_private_file_view_serves_nothing_when_scans_are_on_s3(s3, certificate):
    scan_save(certificate, pdf_bytes())
    token = private_file_token(certificate.scan.name)
    assert Client().get(f"/private-media/{token}/").status_code == 404


# --- who may see a scan ---------------------------------------------------------------------------


@pytest.fixture
def scanned_certificate(certificate) -> Certificate:
    scan_save(certificate, pdf_bytes())
    return certificate


def test_certificate_scan_url_is_given_to_staff_and_members_of_the_producer(
    scanned_certificate,
):
    staff = user_make("staff@ocop.test", is_staff=True)
    member = user_make("member@htx.test")
    ProducerMember.objects.create(producer=scanned_certificate.product.producer, user=member)

    assert certificate_scan_url(certificate=scanned_certificate, user=staff)
    assert certificate_scan_url(certificate=scanned_certificate, user=member)


def test_certificate_scan_url_is_refused_to_others(scanned_certificate):
    outsider = user_make("other@htx.test")
    ProducerMember.objects.create(producer=make_producer(), user=outsider)
    customer = user_make("khach@ocop.test")
    inactive_staff = user_make("old-staff@ocop.test", is_staff=True, is_active=False)

    for user in (outsider, customer, inactive_staff, AnonymousUser(), None):
        with pytest.raises(PermissionDenied):
            certificate_scan_url(certificate=scanned_certificate, user=user)


def test_certificate_scan_url_is_none_without_a_scan(certificate):
    staff = user_make("staff@ocop.test", is_staff=True)
    assert certificate_scan_url(certificate=certificate, user=staff) is None


# --- local private files (no bucket) ------------------------------------------------------------


def test_local_scan_is_stored_outside_media_root(scanned_certificate, _media_root):
    storage = private_storage()
    assert isinstance(storage._wrapped, PrivateFileSystemStorage)
    path = Path(storage.path(scanned_certificate.scan.name))
    assert path.is_file()
    assert path.is_relative_to(_media_root.parent / "private-media")
    assert not path.is_relative_to(_media_root)
    # Not reachable through the public media route.
    assert Client().get(f"/media/{scanned_certificate.scan.name}").status_code == 404


def test_local_private_file_view_serves_a_valid_link(scanned_certificate):
    staff = user_make("staff@ocop.test", is_staff=True)
    url = certificate_scan_url(certificate=scanned_certificate, user=staff)
    assert url.startswith("/private-media/")

    response = Client().get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    with scanned_certificate.scan.open("rb") as stream:
        assert b"".join(response.streaming_content) == stream.read()


def test_local_private_file_view_refuses_an_expired_link(scanned_certificate, settings):
    settings.AWS_PRESIGNED_EXPIRY = 1
    staff = user_make("staff@ocop.test", is_staff=True)
    url = certificate_scan_url(certificate=scanned_certificate, user=staff)
    time.sleep(2.1)

    assert Client().get(url).status_code == 404


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        # A well-formed token for the file, signed with another key.
        "eyJuYW1lIjoiY2VydGlmaWNhdGVzL2dpYXktY2h1bmctbmhhbi5wZGYifQ:1vAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ],
)
def test_local_private_file_view_refuses_a_forged_link(scanned_certificate, token):
    assert Client().get(f"/private-media/{token}/").status_code == 404


def test_local_private_file_view_refuses_a_valid_token_for_a_missing_file(db):
    token = private_file_token("certificates/khong-co.pdf")
    assert Client().get(f"/private-media/{token}/").status_code == 404


def test_local_private_file_view_refuses_a_tampered_name(scanned_certificate):
    url = certificate_scan_url(
        certificate=scanned_certificate, user=user_make("s@ocop.test", is_staff=True)
    )
    token = url.split("/")[2]
    payload, rest = token.split(":", 1)
    tampered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB")
    assert Client().get(f"/private-media/{tampered}:{rest}/").status_code == 404


# --- served with the verified type (issue #9, item 1) -------------------------------------------

HTML_POLYGLOT = b"%PDF-1.4\n<html><script>alert(document.domain)</script></html>\n%%EOF\n"
HTML_PAGE = b"<!doctype html><html><script>alert(document.domain)</script></html>"
SAFE_CSP_PARTS = ("sandbox", "default-src 'none'")


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def legacy_scan(certificate: Certificate, name: str, data: bytes) -> Certificate:
    """A scan stored before names were ours: under the client's name, content unchecked."""
    stored = private_storage().save(name, ContentFile(data))
    Certificate.objects.filter(pk=certificate.pk).update(scan=stored)
    certificate.refresh_from_db()
    return certificate


def served(certificate: Certificate):
    url = certificate_scan_url(
        certificate=certificate, user=user_make("staff@ocop.test", is_staff=True)
    )
    return Client().get(url)


def assert_hardened(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert all(part in csp for part in SAFE_CSP_PARTS)
    assert response["Cache-Control"] == "private, no-store"


def test_local_private_file_view_serves_a_pdf_inline_under_our_name(certificate):
    certificate.scan.save("giay-chung-nhan.html", ContentFile(pdf_bytes()))
    response = served(certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    stem = certificate.scan.name.split("/")[-1]
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", stem)
    assert response["Content-Disposition"] == f'inline; filename="{stem}"'
    assert_hardened(response)


def test_local_private_file_view_serves_a_photo_scan_inline_as_its_image_type(certificate):
    certificate.scan.save("giay-chung-nhan.pdf", ContentFile(png_bytes()))
    response = served(certificate)
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    assert_hardened(response)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("certificates/giay-chung-nhan.html", HTML_POLYGLOT),  # item 1's file, stored earlier
        ("certificates/giay-chung-nhan.pdf", HTML_POLYGLOT),  # same bytes, innocent name
        ("certificates/trang.html", HTML_PAGE),
    ],
)
def test_local_private_file_view_serves_an_old_unverified_file_as_a_download(
    certificate, name, data
):
    certificate = legacy_scan(certificate, name, data)
    response = served(certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="tep-rieng.bin"'
    assert_hardened(response)
    assert b"".join(response.streaming_content) == data  # still there for staff to inspect


def test_local_private_file_view_checks_an_old_file_by_its_content(certificate):
    # A real PDF stored under a name that says HTML: shown as the PDF it is.
    certificate = legacy_scan(certificate, "certificates/giay-chung-nhan.html", pdf_bytes())
    response = served(certificate)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="tep-rieng.pdf"'
    assert_hardened(response)


@pytest.mark.s3
def test_s3_objects_get_the_verified_content_type_not_the_clients(s3, certificate, product):
    scan = SimpleUploadedFile("giay-chung-nhan.html", pdf_bytes(), content_type="text/html")
    certificate.scan.save(scan.name, scan)
    head = s3.head_object(Bucket=BUCKET, Key=f"private/{certificate.scan.name}")
    assert head["ContentType"] == "application/pdf"

    photo = SimpleUploadedFile("anh.html", jpeg_bytes(), content_type="text/html")
    media = product_media_add(product=product, upload=photo)
    assert s3.head_object(Bucket=BUCKET, Key=media.image.name)["ContentType"] == "image/jpeg"
    assert httpx.get(media.image.url).headers["content-type"] == "image/jpeg"


@pytest.mark.s3
def test_presigned_scan_url_carries_the_verified_type_and_disposition(s3, certificate):
    certificate.scan.save("giay-chung-nhan.html", ContentFile(pdf_bytes()))
    staff = user_make("staff@ocop.test", is_staff=True)

    url = certificate_scan_url(certificate=certificate, user=staff)

    query = parse_qs(urlsplit(url).query)
    stem = certificate.scan.name.split("/")[-1]
    assert query["response-content-type"] == ["application/pdf"]
    assert query["response-content-disposition"] == [f'inline; filename="{stem}"']
    response = httpx.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == f'inline; filename="{stem}"'


@pytest.mark.s3
def test_presigned_url_of_an_old_html_object_makes_it_a_download(s3, certificate):
    key = "private/certificates/giay-chung-nhan.html"
    s3.put_object(Bucket=BUCKET, Key=key, Body=HTML_POLYGLOT, ContentType="text/html")
    Certificate.objects.filter(pk=certificate.pk).update(scan="certificates/giay-chung-nhan.html")
    certificate.refresh_from_db()
    staff = user_make("staff@ocop.test", is_staff=True)

    response = httpx.get(certificate_scan_url(certificate=certificate, user=staff))

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"] == 'attachment; filename="tep-rieng.bin"'
