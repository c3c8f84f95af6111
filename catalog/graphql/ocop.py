"""Our additions to Saleor's types: ``Product.ocop`` (the certificate behind the badge) and
``Producer`` (who makes it, where, and their story)."""

from __future__ import annotations

from typing import Any

import graphene
from django.utils import timezone
from graphene import relay

from catalog.models import Certificate
from catalog.thumbnails import thumbnail_url
from shop.graphql.common import (
    Image,
    LanguageCodeEnum,
    LanguageDisplay,
    MetadataResolvers,
    ObjectWithMetadata,
    ThumbnailFormatEnum,
    language_base,
)

OcopIssuerLevel = graphene.Enum(
    "OcopIssuerLevel",
    [("DISTRICT", "district"), ("PROVINCE", "province"), ("CENTRAL", "central")],
)
ProducerKindEnum = graphene.Enum(
    "ProducerKindEnum",
    [
        ("COOPERATIVE", "cooperative"),
        ("ENTERPRISE", "enterprise"),
        ("COOPERATIVE_GROUP", "cooperative_group"),
        ("HOUSEHOLD", "household"),
    ],
)


def certificate_summary(certificate: Certificate) -> tuple[str, str]:
    """One line for people: number, decision, issuer and validity (vi, en)."""
    until = certificate.valid_until.strftime("%d/%m/%Y")
    vi = (
        f"Số {certificate.certificate_number}, Quyết định {certificate.decision_number}, "
        f"{certificate.issuer}, hiệu lực đến {until}"
    )
    en = (
        f"No. {certificate.certificate_number}, decision {certificate.decision_number}, "
        f"{certificate.issuer}, valid until {certificate.valid_until.isoformat()}"
    )
    return vi, en


class OcopCertification(graphene.ObjectType):
    stars = graphene.Int(required=True, description="Star class shown: 3, 4 or 5.")
    is_valid = graphene.Boolean(
        required=True, description="Verified by OCOP staff and within its validity today."
    )
    is_potential_five_star = graphene.Boolean(
        required=True, description="A 4★ product awaiting central evaluation (tiềm năng 5 sao)."
    )
    certificate_number = graphene.String()
    decision_number = graphene.String()
    decision_date = graphene.Date()
    issued_at = graphene.Date()
    expires_at = graphene.Date()
    issuer = graphene.String()
    issuer_level = graphene.Field(OcopIssuerLevel)
    score = graphene.Int()
    product_group = graphene.String(description="OCOP product group (Decision 148).")
    badge = graphene.Field(Image, required=True)

    class Meta:
        description = "The OCOP certificate behind a product's star badge."

    @staticmethod
    def resolve_is_valid(root: Certificate, info: Any) -> bool:
        return root.is_valid_on(timezone.localdate())

    @staticmethod
    def resolve_issued_at(root: Certificate, info: Any):
        return root.issued_on

    @staticmethod
    def resolve_expires_at(root: Certificate, info: Any):
        return root.valid_until

    @staticmethod
    def resolve_issuer_level(root: Certificate, info: Any) -> str:
        return root.issuer_level

    @staticmethod
    def resolve_product_group(root: Certificate, info: Any) -> str | None:
        category = getattr(root, "_group_name", None)
        return category

    @staticmethod
    def resolve_badge(root: Certificate, info: Any) -> Image:
        from catalog.badges import badge_for

        url, alt = badge_for(stars=root.stars, potential_five=root.is_potential_five_star)
        return Image(url=info.context.build_absolute_uri(url), alt=alt)


def product_ocop(product: Any) -> Certificate | None:
    """The valid verified certificate of a product, or None (then no badge is shown)."""
    certificate = getattr(product, "current_certificate", None)
    if certificate is None or not certificate.is_valid_on(timezone.localdate()):
        return None
    category = product.category
    certificate._group_name = category.name
    return certificate


class ProducerTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String()
    story = graphene.JSONString()
    story_html = graphene.String()


class ProducerMedia(graphene.ObjectType):
    alt = graphene.String(required=True)
    sort_order = graphene.Int()
    url = graphene.String(
        required=True, size=graphene.Int(), format=graphene.Argument(ThumbnailFormatEnum)
    )

    class Meta:
        interfaces = (relay.Node,)

    @staticmethod
    def resolve_url(root: Any, info: Any, size: int | None = None, format: Any = None) -> str:
        if not size:
            return info.context.build_absolute_uri(root.image.url)
        return thumbnail_url(
            instance=root,
            size=size,
            format=getattr(format, "value", format),
            thumbnails=list(root.thumbnails.all()),
            request=info.context,
        )


class Producer(MetadataResolvers, graphene.ObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    kind = graphene.Field(ProducerKindEnum, required=True)
    kind_display = graphene.String(required=True, description="Kind in Vietnamese.")
    registration_number = graphene.String()
    story = graphene.JSONString(description="EditorJS document.")
    story_html = graphene.String(description="The story rendered to sanitised HTML.")
    province = graphene.String(description="Province (post-2025 name).")
    province_code = graphene.Int()
    ward = graphene.String(description="Ward/commune (post-2025 name).")
    ward_code = graphene.Int()
    street_address = graphene.String()
    founded_year = graphene.Int()
    members = graphene.Int()
    community = graphene.String()
    website = graphene.String()
    thumbnail = graphene.Field(
        Image, size=graphene.Int(), format=graphene.Argument(ThumbnailFormatEnum)
    )
    media = graphene.List(graphene.NonNull(ProducerMedia), required=True)
    translation = graphene.Field(
        ProducerTranslation, language_code=graphene.Argument(LanguageCodeEnum, required=True)
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "An OCOP producer (chủ thể OCOP): cooperative, enterprise or household."

    @staticmethod
    def resolve_kind_display(root: Any, info: Any) -> str:
        return str(root.get_kind_display())

    @staticmethod
    def resolve_province(root: Any, info: Any) -> str:
        return root.province.name

    @staticmethod
    def resolve_province_code(root: Any, info: Any) -> int:
        return root.province_id

    @staticmethod
    def resolve_ward(root: Any, info: Any) -> str:
        return root.ward.name

    @staticmethod
    def resolve_ward_code(root: Any, info: Any) -> int:
        return root.ward_id

    @staticmethod
    def resolve_thumbnail(root: Any, info: Any, size: int | None = None, format: Any = None):
        if not root.logo:
            return None
        url = thumbnail_url(
            instance=root,
            size=size or 4096,
            format=getattr(format, "value", format),
            thumbnails=list(root.logo_thumbnails.all()),
            request=info.context,
        )
        return Image(url=url, alt=root.logo_alt or root.name)

    @staticmethod
    def resolve_media(root: Any, info: Any) -> list:
        return list(root.media.all())

    @staticmethod
    def resolve_translation(root: Any, info: Any, language_code: Any):
        base = language_base(language_code)
        if base == "vi":
            return ProducerTranslation(
                id=f"ProducerTranslation:{root.pk}:vi",
                language=LanguageDisplay.for_code(language_code),
                name=root.name,
                story=root.story,
                story_html=root.story_html,
            )
        for translation in root.translations.all():
            if translation.language_code == base:
                return ProducerTranslation(
                    id=f"ProducerTranslation:{translation.pk}",
                    language=LanguageDisplay.for_code(language_code),
                    name=translation.name or root.name,
                    story=translation.story,
                    story_html=translation.story_html,
                )
        return None
