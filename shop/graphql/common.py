"""Types every app's GraphQL layer shares: metadata, languages, images, channel context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import graphene
from django.conf import global_settings
from graphene.types.generic import GenericScalar

from shop.graphql.scalars import Decimal


@dataclass
class ChannelContext:
    """A catalogue object seen through one channel (prices, availability), as Saleor does.
    Attribute reads fall through to the wrapped object, so default resolvers keep working."""

    node: Any
    channel: Any

    def __getattr__(self, name: str) -> Any:
        return getattr(self.node, name)


def unwrap(root: Any) -> Any:
    return root.node if isinstance(root, ChannelContext) else root


class Metadata(GenericScalar):
    """Metadata is a map of key-value pairs, both keys and values are `String`."""


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


def _items(data: dict | None) -> list[MetadataItem]:
    return [MetadataItem(key=str(k), value=str(v)) for k, v in sorted((data or {}).items())]


class ObjectWithMetadata(graphene.Interface):
    private_metadata = graphene.List(graphene.NonNull(MetadataItem), required=True)
    private_metafield = graphene.String(key=graphene.String(required=True))
    private_metafields = graphene.Field(
        Metadata, keys=graphene.List(graphene.NonNull(graphene.String))
    )
    metadata = graphene.List(graphene.NonNull(MetadataItem), required=True)
    metafield = graphene.String(key=graphene.String(required=True))
    metafields = graphene.Field(Metadata, keys=graphene.List(graphene.NonNull(graphene.String)))


class MetadataResolvers:
    """Resolvers for ``ObjectWithMetadata``. Private metadata is never public: it resolves
    empty here; staff tools read it through the admin."""

    @staticmethod
    def resolve_metadata(root: Any, info: Any) -> list[MetadataItem]:
        return _items(getattr(unwrap(root), "metadata", None))

    @staticmethod
    def resolve_metafield(root: Any, info: Any, key: str) -> str | None:
        value = (getattr(unwrap(root), "metadata", None) or {}).get(key)
        return None if value is None else str(value)

    @staticmethod
    def resolve_metafields(root: Any, info: Any, keys: list[str] | None = None) -> dict:
        data = getattr(unwrap(root), "metadata", None) or {}
        return {k: str(v) for k, v in data.items() if keys is None or k in keys}

    @staticmethod
    def resolve_private_metadata(root: Any, info: Any) -> list[MetadataItem]:
        return []

    @staticmethod
    def resolve_private_metafield(root: Any, info: Any, key: str) -> None:
        return None

    @staticmethod
    def resolve_private_metafields(root: Any, info: Any, keys: list[str] | None = None) -> dict:
        return {}


def _language_codes() -> list[str]:
    codes = {code.replace("-", "_").upper() for code, _name in global_settings.LANGUAGES}
    codes |= {"EN_US", "EN_GB", "VI_VN", "DE_DE", "FR_FR", "PL_PL", "JA_JP", "ZH_HANS_CN"}
    return sorted(codes)


LanguageCodeEnum = graphene.Enum("LanguageCodeEnum", [(code, code) for code in _language_codes()])
_LANGUAGE_NAMES = {code.replace("-", "_").upper(): name for code, name in global_settings.LANGUAGES}


def language_base(code: Any) -> str:
    """``EN_US`` → ``en``; ``VI`` → ``vi``."""
    value = getattr(code, "value", code)
    return str(value).split("_")[0].lower()


class LanguageDisplay(graphene.ObjectType):
    code = graphene.Field(LanguageCodeEnum, required=True)
    language = graphene.String(required=True)

    @staticmethod
    def for_code(code: Any) -> LanguageDisplay:
        value = str(getattr(code, "value", code))
        name = _LANGUAGE_NAMES.get(value) or _LANGUAGE_NAMES.get(value.split("_")[0], value)
        return LanguageDisplay(code=value, language=str(name))


ThumbnailFormatEnum = graphene.Enum(
    "ThumbnailFormatEnum", [("ORIGINAL", "ORIGINAL"), ("AVIF", "AVIF"), ("WEBP", "WEBP")]
)


class Image(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the image.")
    alt = graphene.String(description="Alt text for an image.")

    class Meta:
        description = "Represents an image."


class File(graphene.ObjectType):
    url = graphene.String(required=True)
    content_type = graphene.String()


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True)
    country = graphene.String(required=True)


class Weight(graphene.ObjectType):
    unit = graphene.Field(
        graphene.Enum(
            "WeightUnitsEnum",
            [("G", "g"), ("LB", "lb"), ("OZ", "oz"), ("KG", "kg"), ("TONNE", "tonne")],
        ),
        required=True,
    )
    value = graphene.Float(required=True)


OrderDirection = graphene.Enum("OrderDirection", [("ASC", "ASC"), ("DESC", "DESC")])


class IntRangeInput(graphene.InputObjectType):
    gte = graphene.Int()
    lte = graphene.Int()


class IntFilterInput(graphene.InputObjectType):
    eq = graphene.Int()
    one_of = graphene.List(graphene.NonNull(graphene.Int))
    range = graphene.Field(IntRangeInput)


class DecimalRangeInput(graphene.InputObjectType):
    gte = Decimal()
    lte = Decimal()


class DecimalFilterInput(graphene.InputObjectType):
    eq = Decimal()
    one_of = graphene.List(graphene.NonNull(Decimal))
    range = graphene.Field(DecimalRangeInput)


class StringFilterInput(graphene.InputObjectType):
    eq = graphene.String()
    one_of = graphene.List(graphene.NonNull(graphene.String))


class GlobalIDFilterInput(graphene.InputObjectType):
    eq = graphene.ID()
    one_of = graphene.List(graphene.NonNull(graphene.ID))


class MetadataFilter(graphene.InputObjectType):
    key = graphene.String(required=True)
    value = graphene.String()


class PriceRangeInput(graphene.InputObjectType):
    gte = graphene.Float()
    lte = graphene.Float()
