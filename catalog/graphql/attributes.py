"""Saleor attribute types, filled with OCOP facts for clients that know nothing of OCOP.

We keep no attribute tables: the attributes a Saleor storefront reads are derived from our own
data — ``ocop-stars`` (numeric), ``ocop-certificate`` and ``producer`` (plain text) on
products, and ``quy-cach`` (the pack size, the variant-selection dropdown) and ``khoi-luong``
(weight in grams) on variants. So an unmodified storefront shows the badge facts and lets a
buyer choose a pack size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import graphene
from graphene import relay

from shop.graphql.common import (
    File,
    LanguageCodeEnum,
    LanguageDisplay,
    MetadataResolvers,
    ObjectWithMetadata,
    language_base,
)
from shop.text import slugify_vi


@dataclass(frozen=True)
class AttributeDef:
    id: int
    slug: str
    name: str
    name_en: str
    input_type: str
    entity: str  # PRODUCT or PRODUCT_VARIANT
    variant_selection: bool = False
    unit: str | None = None
    metadata: dict = field(default_factory=dict)


OCOP_STARS = AttributeDef(1, "ocop-stars", "Hạng sao OCOP", "OCOP stars", "NUMERIC", "PRODUCT")
OCOP_CERTIFICATE = AttributeDef(
    2, "ocop-certificate", "Giấy chứng nhận OCOP", "OCOP certificate", "PLAIN_TEXT", "PRODUCT"
)
PRODUCER = AttributeDef(3, "producer", "Chủ thể sản xuất", "Producer", "PLAIN_TEXT", "PRODUCT")
PACK_SIZE = AttributeDef(
    4, "quy-cach", "Quy cách", "Pack size", "DROPDOWN", "PRODUCT_VARIANT", variant_selection=True
)
WEIGHT = AttributeDef(
    5, "khoi-luong", "Khối lượng (g)", "Weight (g)", "NUMERIC", "PRODUCT_VARIANT", unit="G"
)
ATTRIBUTES = {a.slug: a for a in (OCOP_STARS, OCOP_CERTIFICATE, PRODUCER, PACK_SIZE, WEIGHT)}
ATTRIBUTES_BY_ID = {a.id: a for a in ATTRIBUTES.values()}


@dataclass(frozen=True)
class AttributeValueData:
    id: str
    attribute: AttributeDef
    name: str
    slug: str
    value: str | None = None
    plain_text: str | None = None
    name_en: str | None = None
    numeric: float | None = None


AttributeInputTypeEnum = graphene.Enum(
    "AttributeInputTypeEnum",
    [
        (v, v)
        for v in (
            "DROPDOWN",
            "MULTISELECT",
            "FILE",
            "REFERENCE",
            "NUMERIC",
            "RICH_TEXT",
            "PLAIN_TEXT",
            "SWATCH",
            "BOOLEAN",
            "DATE",
            "DATE_TIME",
        )
    ],
)
AttributeEntityTypeEnum = graphene.Enum(
    "AttributeEntityTypeEnum",
    [("PAGE", "PAGE"), ("PRODUCT", "PRODUCT"), ("PRODUCT_VARIANT", "PRODUCT_VARIANT")],
)
AttributeTypeEnum = graphene.Enum(
    "AttributeTypeEnum", [("PRODUCT_TYPE", "PRODUCT_TYPE"), ("PAGE_TYPE", "PAGE_TYPE")]
)
MeasurementUnitsEnum = graphene.Enum(
    "MeasurementUnitsEnum", [("G", "G"), ("KG", "KG"), ("LITER", "LITER"), ("CM", "CM")]
)
VariantAttributeScope = graphene.Enum(
    "VariantAttributeScope",
    [
        ("ALL", "ALL"),
        ("VARIANT_SELECTION", "VARIANT_SELECTION"),
        ("NOT_VARIANT_SELECTION", "NOT_VARIANT_SELECTION"),
    ],
)


class AttributeTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)


class Attribute(MetadataResolvers, graphene.ObjectType):
    input_type = graphene.Field(AttributeInputTypeEnum)
    entity_type = graphene.Field(AttributeEntityTypeEnum)
    name = graphene.String()
    slug = graphene.String()
    type = graphene.Field(AttributeTypeEnum)
    unit = graphene.Field(MeasurementUnitsEnum)
    value_required = graphene.Boolean(required=True)
    visible_in_storefront = graphene.Boolean(required=True)
    filterable_in_storefront = graphene.Boolean(required=True)
    filterable_in_dashboard = graphene.Boolean(required=True)
    available_in_grid = graphene.Boolean(required=True)
    storefront_search_position = graphene.Int(required=True)
    with_choices = graphene.Boolean(required=True)
    translation = graphene.Field(
        AttributeTranslation, language_code=graphene.Argument(LanguageCodeEnum, required=True)
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Custom attribute of a product (derived from OCOP data)."

    @staticmethod
    def resolve_input_type(root: AttributeDef, info: Any) -> str:
        return root.input_type

    @staticmethod
    def resolve_entity_type(root: AttributeDef, info: Any) -> None:
        return None

    @staticmethod
    def resolve_type(root: AttributeDef, info: Any) -> str:
        return "PRODUCT_TYPE"

    @staticmethod
    def resolve_value_required(root: AttributeDef, info: Any) -> bool:
        return False

    @staticmethod
    def resolve_visible_in_storefront(root: AttributeDef, info: Any) -> bool:
        return True

    @staticmethod
    def resolve_filterable_in_storefront(root: AttributeDef, info: Any) -> bool:
        return root.slug in {"ocop-stars", "producer"}

    resolve_filterable_in_dashboard = resolve_filterable_in_storefront

    @staticmethod
    def resolve_available_in_grid(root: AttributeDef, info: Any) -> bool:
        return True

    @staticmethod
    def resolve_storefront_search_position(root: AttributeDef, info: Any) -> int:
        return root.id

    @staticmethod
    def resolve_with_choices(root: AttributeDef, info: Any) -> bool:
        return root.input_type == "DROPDOWN"

    @staticmethod
    def resolve_translation(root: AttributeDef, info: Any, language_code: Any):
        if language_base(language_code) != "en":
            return None
        return AttributeTranslation(
            id=f"AttributeTranslation:{root.id}",
            language=LanguageDisplay.for_code(language_code),
            name=root.name_en,
        )


class AttributeValueTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)
    rich_text = graphene.JSONString()
    plain_text = graphene.String()


class AttributeValue(graphene.ObjectType):
    name = graphene.String()
    slug = graphene.String()
    value = graphene.String()
    translation = graphene.Field(
        AttributeValueTranslation,
        language_code=graphene.Argument(LanguageCodeEnum, required=True),
    )
    input_type = graphene.Field(AttributeInputTypeEnum)
    reference = graphene.ID()
    file = graphene.Field(File)
    rich_text = graphene.JSONString()
    plain_text = graphene.String()
    boolean = graphene.Boolean()
    date = graphene.Date()
    date_time = graphene.DateTime()

    class Meta:
        interfaces = (relay.Node,)

    @staticmethod
    def resolve_input_type(root: AttributeValueData, info: Any) -> str:
        return root.attribute.input_type

    @staticmethod
    def resolve_file(root: AttributeValueData, info: Any) -> None:
        return None

    @staticmethod
    def resolve_translation(root: AttributeValueData, info: Any, language_code: Any):
        if language_base(language_code) != "en" or not root.name_en:
            return None
        return AttributeValueTranslation(
            id=f"AttributeValueTranslation:{root.id}",
            language=LanguageDisplay.for_code(language_code),
            name=root.name_en,
            plain_text=root.name_en if root.plain_text else None,
        )


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(Attribute, required=True)
    values = graphene.List(graphene.NonNull(AttributeValue), required=True)


@dataclass(frozen=True)
class Assigned:
    """One attribute with its values on one object (what ``assignedAttribute`` returns)."""

    attribute: AttributeDef
    values: tuple[AttributeValueData, ...]


class AssignedAttribute(graphene.Interface):
    attribute = graphene.Field(Attribute, required=True)

    @classmethod
    def resolve_type(cls, instance: Assigned, info: Any):
        return {
            "NUMERIC": AssignedNumericAttribute,
            "PLAIN_TEXT": AssignedPlainTextAttribute,
            "DROPDOWN": AssignedSingleChoiceAttribute,
        }[instance.attribute.input_type]


class AssignedChoiceAttributeValue(graphene.ObjectType):
    name = graphene.String()
    slug = graphene.String()
    translation = graphene.String(language_code=graphene.Argument(LanguageCodeEnum, required=True))

    @staticmethod
    def resolve_translation(root: AttributeValueData, info: Any, language_code: Any):
        return root.name_en if language_base(language_code) == "en" else None


class AssignedNumericAttribute(graphene.ObjectType):
    value = graphene.Float()

    class Meta:
        interfaces = (AssignedAttribute,)

    @staticmethod
    def resolve_value(root: Assigned, info: Any) -> float | None:
        return root.values[0].numeric if root.values else None


class AssignedPlainTextAttribute(graphene.ObjectType):
    value = graphene.String()
    translation = graphene.String(language_code=graphene.Argument(LanguageCodeEnum, required=True))

    class Meta:
        interfaces = (AssignedAttribute,)

    @staticmethod
    def resolve_value(root: Assigned, info: Any) -> str | None:
        return root.values[0].plain_text if root.values else None

    @staticmethod
    def resolve_translation(root: Assigned, info: Any, language_code: Any) -> str | None:
        if not root.values or language_base(language_code) != "en":
            return None
        return root.values[0].name_en


class AssignedSingleChoiceAttribute(graphene.ObjectType):
    value = graphene.Field(AssignedChoiceAttributeValue)

    class Meta:
        interfaces = (AssignedAttribute,)

    @staticmethod
    def resolve_value(root: Assigned, info: Any) -> AttributeValueData | None:
        return root.values[0] if root.values else None


class AssignedMultiChoiceAttribute(graphene.ObjectType):
    value = graphene.List(
        graphene.NonNull(AssignedChoiceAttributeValue), required=True, limit=graphene.Int()
    )

    class Meta:
        interfaces = (AssignedAttribute,)

    @staticmethod
    def resolve_value(root: Assigned, info: Any, limit: int | None = None):
        return list(root.values)[: limit or 100]


class AssignedBooleanAttribute(graphene.ObjectType):
    value = graphene.Boolean()

    class Meta:
        interfaces = (AssignedAttribute,)


class AssignedTextAttribute(graphene.ObjectType):
    value = graphene.JSONString()
    translation = graphene.JSONString(
        language_code=graphene.Argument(LanguageCodeEnum, required=True)
    )

    class Meta:
        interfaces = (AssignedAttribute,)


ASSIGNED_TYPES = [
    AssignedNumericAttribute,
    AssignedPlainTextAttribute,
    AssignedSingleChoiceAttribute,
    AssignedMultiChoiceAttribute,
    AssignedBooleanAttribute,
    AssignedTextAttribute,
]


# --- Building values from our models ---------------------------------------------------------
def product_assigned(product: Any) -> list[Assigned]:
    """The OCOP facts of a product as Saleor attributes (empty when not certified)."""
    from catalog.graphql.ocop import certificate_summary

    result: list[Assigned] = []
    certificate = getattr(product, "current_certificate", None)
    if certificate is not None:
        stars = certificate.stars
        result.append(
            Assigned(
                OCOP_STARS,
                (
                    AttributeValueData(
                        id=f"ocop-stars-{stars}",
                        attribute=OCOP_STARS,
                        name=f"{stars} sao",
                        name_en=f"{stars} stars",
                        slug=f"{stars}-sao",
                        value=str(stars),
                        numeric=float(stars),
                    ),
                ),
            )
        )
        text_vi, text_en = certificate_summary(certificate)
        result.append(
            Assigned(
                OCOP_CERTIFICATE,
                (
                    AttributeValueData(
                        id=f"ocop-certificate-{certificate.pk}",
                        attribute=OCOP_CERTIFICATE,
                        name=text_vi,
                        slug=slugify_vi(certificate.certificate_number) or str(certificate.pk),
                        plain_text=text_vi,
                        name_en=text_en,
                    ),
                ),
            )
        )
    producer = product.producer
    result.append(
        Assigned(
            PRODUCER,
            (
                AttributeValueData(
                    id=f"producer-{producer.pk}",
                    attribute=PRODUCER,
                    name=producer.name,
                    slug=producer.slug,
                    plain_text=producer.name,
                    name_en=producer.name,
                ),
            ),
        )
    )
    return result


def variant_assigned(variant: Any) -> list[Assigned]:
    en = next((t.name for t in variant.translations.all() if t.language_code == "en"), None)
    return [
        Assigned(
            PACK_SIZE,
            (
                AttributeValueData(
                    id=f"quy-cach-{variant.pk}",
                    attribute=PACK_SIZE,
                    name=variant.name,
                    slug=slugify_vi(variant.name) or str(variant.pk),
                    value=variant.name,
                    name_en=en or variant.name,
                ),
            ),
        ),
        Assigned(
            WEIGHT,
            (
                AttributeValueData(
                    id=f"khoi-luong-{variant.pk}",
                    attribute=WEIGHT,
                    name=f"{variant.weight_grams} g",
                    slug=f"{variant.weight_grams}g",
                    value=str(variant.weight_grams),
                    numeric=float(variant.weight_grams),
                ),
            ),
        ),
    ]


def as_selected(assigned: list[Assigned]) -> list[SelectedAttribute]:
    return [SelectedAttribute(attribute=a.attribute, values=list(a.values)) for a in assigned]
