"""File fields that check what an upload is and choose its stored name.

Every write path (services, GraphQL multipart, portal, admin forms, the demo loader) ends in
``FieldFile.save``; doing the check and the naming there means no path can store a file
under the client's name or without its content checked. The stored name is
``<upload_to><32 random hex digits>.<extension of the verified format>``
(``catalog.uploads.stored_name``): unguessable, and the extension a server or bucket derives the
content type from is the one we verified. Services still run the same check first, to answer
with a field error before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from django import forms
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile

from catalog.uploads import image_upload_validate, scan_upload_validate, stored_name
from shop.editorjs import sanitise_document


class _VerifiedFile:
    """``save`` checks the content with the field's check and ignores the name it is given."""

    field: Any

    def save(self, name: str | None, content: Any, save: bool = True) -> None:
        format = self.field.content_check(content)
        super().save(stored_name(format), content, save)  # type: ignore[misc]


class VerifiedImageFieldFile(_VerifiedFile, ImageFieldFile):
    pass


class VerifiedFieldFile(_VerifiedFile, FieldFile):
    pass


class _VerifiedFormField:
    """Runs the model field's content check on a new upload, so forms show its message."""

    content_check: Callable[[IO[bytes]], str]

    def to_python(self, data: Any) -> Any:
        # forms.FileField's parsing only: forms.ImageField's own Pillow pass would accept GIF,
        # BMP... and answer a decompression bomb with a generic message.
        file = forms.FileField.to_python(self, data)  # type: ignore[arg-type]
        if file is not None:
            self.content_check(file)
        return file


class PhotoFormField(_VerifiedFormField, forms.ImageField):
    default_validators: list = []  # the client's extension says nothing; the content does
    content_check = staticmethod(image_upload_validate)


class ScanFormField(_VerifiedFormField, forms.FileField):
    content_check = staticmethod(scan_upload_validate)


class PhotoField(models.ImageField):
    """A JPEG, PNG or WEBP photo (``catalog.uploads.image_upload_validate``), stored under a
    name we choose."""

    attr_class = VerifiedImageFieldFile
    # The client's extension says nothing: the content check decides, and the name is ours.
    default_validators: list = []
    content_check = staticmethod(image_upload_validate)

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})


class ScanField(models.FileField):
    """A certificate scan: PDF or photo (``catalog.uploads.scan_upload_validate``), stored
    under a name we choose."""

    attr_class = VerifiedFieldFile
    content_check = staticmethod(scan_upload_validate)

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": ScanFormField, **kwargs})


class EditorJSField(models.JSONField):
    """An EditorJS document (description, story, page content), cleaned on every write.

    ``shop.editorjs.sanitise_document`` runs in ``pre_save`` (so the saved instance holds the
    clean document too) and in ``get_prep_value`` (so ``update()`` and ``bulk_create`` are
    covered): whatever path writes the column, services, GraphQL, portal, admin forms or the
    demo loader, only allow-listed blocks with checked data reach the database. An empty value
    (the ``{}`` default) is stored as it is.
    """

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = _clean_editorjs(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        return super().get_prep_value(_clean_editorjs(value))


def _clean_editorjs(value: Any) -> Any:
    if value in (None, "", {}):
        return value
    return sanitise_document(value)
