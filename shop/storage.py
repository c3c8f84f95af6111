"""Media storages: public product images and private certificate scans.

With ``AWS_STORAGE_BUCKET_NAME`` set, both live on S3 (or an S3-compatible store) through
django-storages:

- ``PublicMediaStorage``: plain, cacheable URLs (no query-string signature). Objects carry no
  ACL; the bucket policy makes the public prefixes readable (``s3_public_read_policy``).
- ``PrivateMediaStorage``: objects under the ``private/`` prefix (or in their own bucket),
  ``private`` ACL, and short-lived presigned URLs (``AWS_PRESIGNED_EXPIRY`` seconds).

Without a bucket, public media are local files under ``MEDIA_ROOT`` and private ones go to
``PrivateFileSystemStorage`` (``MEDIA_ROOT/../private-media``), which no URL serves directly:
its ``url()`` is a signed, expiring link to ``private_file_view``, so local development behaves
like presigned URLs do.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from django.utils.functional import LazyObject, cached_property, empty
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from storages.backends.s3 import S3Storage

PRIVATE_STORAGE_ALIAS = "private"
_TOKEN_SALT = "shop.storage.private-media"

# Prefixes (``upload_to`` of the public image fields) that the bucket policy makes readable.
PUBLIC_PREFIXES = ("products/", "thumbnails/", "producers/", "categories/", "collections/")


class PublicMediaStorage(S3Storage):
    """Product and producer images: plain URLs, cacheable by a CDN."""

    querystring_auth = False
    default_acl = None
    file_overwrite = False


class PrivateMediaStorage(S3Storage):
    """Certificate scans: private objects reached only through presigned URLs."""

    querystring_auth = True
    default_acl = "private"
    file_overwrite = False
    # A CDN domain would turn presigned URLs into plain ones: never for private objects.
    custom_domain = None

    def get_default_settings(self) -> dict[str, Any]:
        defaults = super().get_default_settings()
        defaults["bucket_name"] = (
            settings.AWS_PRIVATE_STORAGE_BUCKET_NAME or settings.AWS_STORAGE_BUCKET_NAME
        )
        defaults["location"] = settings.AWS_PRIVATE_LOCATION
        defaults["querystring_expire"] = settings.AWS_PRESIGNED_EXPIRY
        return defaults


class PrivateFileSystemStorage(FileSystemStorage):
    """Local private files, outside ``MEDIA_ROOT`` so the media route never serves them."""

    @cached_property
    def base_location(self) -> str:
        default = settings.PRIVATE_MEDIA_ROOT or Path(settings.MEDIA_ROOT).parent / "private-media"
        return self._value_or_setting(self._location, default)

    def url(self, name: str | None) -> str:
        if not name:
            raise ValueError("This file is not accessible via a URL.")
        return reverse("private-media", args=[private_file_token(name)])


class _PrivateStorage(LazyObject):
    """Resolves the ``private`` storage alias on first use, again after settings change."""

    def _setup(self) -> None:
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


private_media_storage: Storage = _PrivateStorage()  # type: ignore[assignment]


def private_storage() -> Storage:
    """The private storage, for ``FileField(storage=private_storage)``.

    A callable keeps the backend out of migrations; the lazy object it returns follows
    ``STORAGES`` changes (tests), as ``default_storage`` does.
    """
    return private_media_storage


def _storages_changed(*, setting: str, **kwargs: Any) -> None:
    # Django rebuilds its storages only when STORAGES itself changes; the private backend also
    # reads AWS_* (expiry, bucket) when built, so a change to those rebuilds it too (tests).
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT"} or setting.startswith("AWS_"):
        storages._storages.pop(PRIVATE_STORAGE_ALIAS, None)
        private_media_storage._wrapped = empty  # type: ignore[attr-defined]


setting_changed.connect(_storages_changed, dispatch_uid="shop_storage_private_changed")


def s3_public_read_policy(bucket_name: str, prefixes: tuple[str, ...] = PUBLIC_PREFIXES) -> dict:
    """Bucket policy letting anyone read the public prefixes, and nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadMedia",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket_name}/{prefix}*" for prefix in prefixes],
            }
        ],
    }


# --- Local private files: signed, expiring links ------------------------------------------------
def private_file_token(name: str) -> str:
    """A URL-safe token naming ``name``, valid for ``AWS_PRESIGNED_EXPIRY`` seconds."""
    return signing.TimestampSigner(salt=_TOKEN_SALT).sign_object({"name": name})


@require_GET
def private_file_view(request: HttpRequest, token: str) -> FileResponse:
    """Stream a local private file named by a valid, unexpired token.

    Like an S3 presigned URL, the token is the permission: it is only handed out (by
    ``catalog.services.certificate_scan_url``) to users allowed to see the file, and expires
    after ``AWS_PRESIGNED_EXPIRY`` seconds. Forged or expired tokens get 404, so a guess
    learns nothing. With private media on S3 this route serves nothing.
    """
    try:
        payload = signing.TimestampSigner(salt=_TOKEN_SALT).unsign_object(
            token, max_age=settings.AWS_PRESIGNED_EXPIRY
        )
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature
        raise Http404(_("Liên kết không hợp lệ hoặc đã hết hạn.")) from exc
    name = payload.get("name") if isinstance(payload, dict) else None
    storage = storages[PRIVATE_STORAGE_ALIAS]
    if not isinstance(name, str) or not isinstance(storage, PrivateFileSystemStorage):
        raise Http404(_("Không tìm thấy tệp."))
    try:
        stream = storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise Http404(_("Không tìm thấy tệp.")) from exc
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        stream, content_type=content_type, filename=os.path.basename(name), as_attachment=False
    )
    response["Cache-Control"] = "private, no-store"
    return response
