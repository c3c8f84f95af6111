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

Private files are served with the type we verified, never one derived from a name or guessed
by the browser (``private_file_serving``): a PDF or photo inline, anything else (files stored
before names were ours, whose content is no verified type) as an ``application/octet-stream``
attachment. The local view adds ``nosniff`` and a sandboxing Content-Security-Policy, so even
a file that is HTML as well as PDF never runs a script on our origin; presigned S3 URLs carry
the same type and disposition (``ResponseContentType``/``ResponseContentDisposition``), and
both storages on S3 store objects with the ``ContentType`` of the verified extension, never
the one the client sent.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse
from django.utils.functional import LazyObject, cached_property, empty
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from storages.backends.s3 import S3Storage

from catalog.uploads import CONTENT_TYPES, EXTENSIONS, content_format, stored_name_format

PRIVATE_STORAGE_ALIAS = "private"
_TOKEN_SALT = "shop.storage.private-media"

# Prefixes (``upload_to`` of the public image fields) that the bucket policy makes readable.
PUBLIC_PREFIXES = ("products/", "thumbnails/", "producers/", "categories/", "collections/")


# Types an object may be stored with, by the extension of a name we chose. AVIF: thumbnails.
_STORED_TYPES = {
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".pdf": "application/pdf",
}
_UNVERIFIED_TYPE = "application/octet-stream"
# For private files on our origin: no script, no plugin, no request to anywhere; the inline
# styles and same-origin image let the browser's own image and PDF viewers draw.
PRIVATE_FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"


class _VerifiedTypeS3Storage(S3Storage):
    """Stores each object with the content type of its name's extension (names are ours,
    with the extension of the verified type), never the type the uploading client claimed
    (django-storages would take ``content.content_type``, an upload's request header)."""

    def get_object_parameters(self, name: str) -> dict[str, Any]:
        params = super().get_object_parameters(name)
        params["ContentType"] = _STORED_TYPES.get(Path(name).suffix.lower(), _UNVERIFIED_TYPE)
        return params


class PublicMediaStorage(_VerifiedTypeS3Storage):
    """Product and producer images: plain URLs, cacheable by a CDN."""

    querystring_auth = False
    default_acl = None
    file_overwrite = False


class PrivateMediaStorage(_VerifiedTypeS3Storage):
    """Certificate scans: private objects reached only through presigned URLs."""

    querystring_auth = True
    default_acl = "private"
    file_overwrite = False
    # A CDN domain would turn presigned URLs into plain ones: never for private objects.
    custom_domain = None

    def url(
        self,
        name: str,
        parameters: dict[str, Any] | None = None,
        expire: int | None = None,
        http_method: str | None = None,
    ) -> str:
        """A presigned URL whose response has the verified type and disposition, whatever
        the object was stored with (objects stored before names were ours included)."""
        serving = private_file_serving(name=name, open_file=lambda: self.open(name, "rb"))
        params = {
            "ResponseContentType": serving.content_type,
            "ResponseContentDisposition": serving.disposition,
            **(parameters or {}),
        }
        return super().url(name, parameters=params, expire=expire, http_method=http_method)

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


# --- Private files: the type and disposition they are served with -----------------------------
@dataclass(frozen=True)
class PrivateFileServing:
    """How a private file is served: its verified type, and inline or as an attachment."""

    content_type: str
    inline: bool
    filename: str

    @property
    def disposition(self) -> str:
        return content_disposition_header(not self.inline, self.filename) or "attachment"


def private_file_serving(
    *,
    name: str,
    open_file: Callable[[], AbstractContextManager[IO[bytes]]],
    trust_stored_name: bool = True,
) -> PrivateFileServing:
    """The type a private file is served with: from its name when we chose it (the name then
    records the verified type), else from its content (``catalog.uploads.content_format``).

    A verified PDF or photo is shown inline; anything else is an octet-stream attachment, so
    no browser renders it. ``open_file`` opens the stored file (read only when needed); the
    download name is ours, never the stored or client name.
    """
    format = stored_name_format(name) if trust_stored_name else None
    if format is None:
        format = _stored_content_format(open_file)
    if format is None:
        return PrivateFileServing(_UNVERIFIED_TYPE, inline=False, filename="tep-rieng.bin")
    stem = Path(name).stem if stored_name_format(name) else "tep-rieng"
    return PrivateFileServing(
        CONTENT_TYPES[format], inline=True, filename=f"{stem}.{EXTENSIONS[format]}"
    )


def _stored_content_format(
    open_file: Callable[[], AbstractContextManager[IO[bytes]]],
) -> str | None:
    try:
        with open_file() as stream:
            return content_format(stream)
    except OSError:
        return None


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

    The type is checked from the content on every request (the file is open anyway): a PDF or
    photo is shown inline, anything else downloaded as ``application/octet-stream``; both with
    ``nosniff`` and a sandboxing CSP (``PRIVATE_FILE_CSP``).
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
        stream: IO[bytes] = storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise Http404(_("Không tìm thấy tệp.")) from exc
    serving = private_file_serving(
        name=name, open_file=lambda: nullcontext(stream), trust_stored_name=False
    )
    stream.seek(0)
    response = FileResponse(
        stream,
        content_type=serving.content_type,
        as_attachment=not serving.inline,
        filename=serving.filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = PRIVATE_FILE_CSP
    response["Cache-Control"] = "private, no-store"
    return response
