"""OCOP certificate mutations: producers submit, OCOP staff verify or reject.

``ocopCertificateSubmit`` is for members of the product's producer (or staff);
``ocopCertificateVerify`` for OCOP staff only. Refused permissions are top-level
``PermissionDenied`` errors (as Saleor); validation problems come back in ``errors``.
"""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from graphene import relay

from catalog import services
from catalog.models import Certificate as CertificateModel
from catalog.models import CertificateStatus
from catalog.models import Product as ProductModel
from catalog.permissions import can_edit_producer
from shop.graphql.ids import global_id_decode_int
from shop.graphql.mutations import BaseMutation, require_authenticated

from .ocop import OcopIssuerLevel

OcopCertificateErrorCode = graphene.Enum(
    "OcopCertificateErrorCode",
    [(c, c) for c in ("INVALID", "REQUIRED", "NOT_FOUND", "UNIQUE", "GRAPHQL_ERROR")],
)
_CODES = {"INVALID", "REQUIRED", "NOT_FOUND", "UNIQUE", "GRAPHQL_ERROR"}

OcopCertificateStatusEnum = graphene.Enum(
    "OcopCertificateStatusEnum",
    [(v.upper(), v) for v, _label in CertificateStatus.choices],
)


class Upload(graphene.Scalar):
    """A file sent with the GraphQL multipart request specification."""

    @staticmethod
    def serialize(value: Any) -> None:
        return None

    @staticmethod
    def parse_value(value: Any) -> Any:
        return value

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> None:
        return None


class OcopCertificateError(graphene.ObjectType):
    field = graphene.String()
    message = graphene.String()
    code = graphene.Field(OcopCertificateErrorCode, required=True)


class OcopCertificate(graphene.ObjectType):
    """A certificate as its producer and OCOP staff see it (status, reason, scan link)."""

    stars = graphene.Int(required=True)
    score = graphene.Int()
    is_potential_five_star = graphene.Boolean(required=True)
    status = graphene.Field(OcopCertificateStatusEnum, required=True)
    status_reason = graphene.String()
    certificate_number = graphene.String(required=True)
    decision_number = graphene.String(required=True)
    decision_date = graphene.Date(required=True)
    issuer = graphene.String(required=True)
    issuer_level = graphene.Field(OcopIssuerLevel, required=True)
    issued_at = graphene.Date(required=True)
    expires_at = graphene.Date(required=True)
    verified_at = graphene.DateTime()
    product = graphene.Field("catalog.graphql.types.Product")
    scan_url = graphene.String(description="Short-lived link to the scan (staff and producer).")

    class Meta:
        interfaces = (relay.Node,)
        name = "OcopCertificate"

    @staticmethod
    def resolve_status(root: CertificateModel, info: Any) -> str:
        return CertificateStatus(root.status).value

    @staticmethod
    def resolve_issuer_level(root: CertificateModel, info: Any) -> str:
        return str(getattr(root.issuer_level, "value", root.issuer_level))

    @staticmethod
    def resolve_issued_at(root: CertificateModel, info: Any):
        return root.issued_on

    @staticmethod
    def resolve_expires_at(root: CertificateModel, info: Any):
        return root.valid_until

    @staticmethod
    def resolve_product(root: CertificateModel, info: Any):
        return None  # the public Product type shows only visible products; use `ocop` there

    @staticmethod
    def resolve_scan_url(root: CertificateModel, info: Any) -> str | None:
        try:
            return services.certificate_scan_url(certificate=root, user=info.context.user)
        except PermissionDenied:
            return None


class OcopCertificateInput(graphene.InputObjectType):
    stars = graphene.Int(required=True)
    score = graphene.Int()
    is_potential_five_star = graphene.Boolean()
    certificate_number = graphene.String(required=True)
    decision_number = graphene.String(required=True)
    decision_date = graphene.Date(required=True)
    issuer = graphene.String(required=True)
    issuer_level = graphene.Field(OcopIssuerLevel, required=True)
    issued_on = graphene.Date(required=True)
    valid_until = graphene.Date(description="Default: issue date + 36 months.")
    scan = graphene.Field(Upload, description="PDF or photo of the certificate (multipart).")


class _CertificateMutation(BaseMutation):
    error_type = OcopCertificateError
    errors = graphene.List(graphene.NonNull(OcopCertificateError), required=True)
    certificate = graphene.Field(OcopCertificate)

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any):
        payload = super().mutate(root, info, **data)
        for error in payload.errors:
            if error.code not in _CODES:
                error.code = "INVALID"
        return payload


class OcopCertificateSubmit(_CertificateMutation):
    class Arguments:
        product = graphene.ID(required=True, description="The product the certificate is for.")
        input = OcopCertificateInput(required=True)

    class Meta:
        description = "A producer submits an OCOP certificate; it counts once staff verify it."

    @classmethod
    def perform(cls, root: Any, info: Any, product: str, input: dict) -> dict:
        user = require_authenticated(info)
        pk = global_id_decode_int(product, only_type="Product")
        target = ProductModel.objects.filter(pk=pk).first()
        if target is None:
            raise ValidationError(
                {"product": ValidationError(_("Không tìm thấy sản phẩm."), code="not_found")}
            )
        if not can_edit_producer(user, target.producer_id):
            raise PermissionDenied(_("Bạn không phải thành viên của chủ thể sản xuất này."))
        level = input["issuer_level"]
        certificate = services.certificate_submit(
            product=target,
            stars=input["stars"],
            score=input.get("score"),
            is_potential_five_star=bool(input.get("is_potential_five_star")),
            certificate_number=input["certificate_number"],
            decision_number=input["decision_number"],
            decision_date=input["decision_date"],
            issuer=input["issuer"],
            issuer_level=getattr(level, "value", level),
            issued_on=input["issued_on"],
            valid_until=input.get("valid_until"),
            scan=input.get("scan"),
        )
        return {"certificate": certificate}


class OcopCertificateVerify(_CertificateMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the certificate.")
        approve = graphene.Boolean(required=True, description="Verify (true) or reject.")
        reason = graphene.String(description="Why it was rejected (required to reject).")

    class Meta:
        description = "OCOP staff verify or reject a submitted certificate."

    @classmethod
    def perform(cls, root: Any, info: Any, id: str, approve: bool, reason: str = "") -> dict:
        user = require_authenticated(info)
        if not user.is_staff:
            raise PermissionDenied(_("Chỉ cán bộ OCOP được xác minh giấy chứng nhận."))
        pk = global_id_decode_int(id, only_type="OcopCertificate")
        certificate = CertificateModel.objects.filter(pk=pk).first()
        if certificate is None:
            raise ValidationError(
                {"id": ValidationError(_("Không tìm thấy giấy chứng nhận."), code="not_found")}
            )
        if approve:
            certificate = services.certificate_verify(certificate=certificate, verified_by=user)
        else:
            certificate = services.certificate_reject(
                certificate=certificate, reason=reason or "", rejected_by=user
            )
        return {"certificate": certificate}


class CatalogMutations(graphene.ObjectType):
    ocop_certificate_submit = OcopCertificateSubmit.Field()
    ocop_certificate_verify = OcopCertificateVerify.Field()
