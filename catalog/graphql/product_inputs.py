"""Saleor's product-editing error and input types, restricted to the fields we support, and
what every product mutation shares: the permission-checked lookups (``editable_product``,
``editable_variant``) and the base mutation.

Used by :mod:`catalog.graphql.product_mutations` and
:mod:`catalog.graphql.product_listing_mutations`; also the one place that turns a service's
``ValidationError`` into ``ProductError``-shaped entries (Saleor codes, camelCase fields, the
``index``/``channels``/``variants`` extras).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import graphene
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from graphql import GraphQLError, Undefined
from graphql.language import ast

from catalog.models import Product, ProductVariant
from catalog.permissions import member_producer_ids, require_producer_editor
from shop.graphql.common import ChannelContext
from shop.graphql.ids import global_id_decode_int
from shop.graphql.mutations import BaseMutation, MutationFailed, error, require_authenticated
from shop.graphql.scalars import PositiveDecimal

from .mutations import Upload

PRODUCT_ERROR_CODES = (
    "ALREADY_EXISTS",
    "ATTRIBUTE_ALREADY_ASSIGNED",
    "ATTRIBUTE_CANNOT_BE_ASSIGNED",
    "ATTRIBUTE_VARIANTS_DISABLED",
    "MEDIA_ALREADY_ASSIGNED",
    "DUPLICATED_INPUT_ITEM",
    "GRAPHQL_ERROR",
    "INVALID",
    "INVALID_PRICE",
    "PRODUCT_WITHOUT_CATEGORY",
    "NOT_PRODUCTS_IMAGE",
    "NOT_PRODUCTS_VARIANT",
    "NOT_FOUND",
    "REQUIRED",
    "UNIQUE",
    "VARIANT_NO_DIGITAL_CONTENT",
    "CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT",
    "PRODUCT_NOT_ASSIGNED_TO_CHANNEL",
    "UNSUPPORTED_MEDIA_PROVIDER",
    "PREORDER_VARIANT_CANNOT_BE_DEACTIVATED",
)
STOCK_ERROR_CODES = (
    "ALREADY_EXISTS",
    "GRAPHQL_ERROR",
    "INVALID",
    "NOT_FOUND",
    "REQUIRED",
    "UNIQUE",
)

ProductErrorCode = graphene.Enum("ProductErrorCode", [(c, c) for c in PRODUCT_ERROR_CODES])
StockErrorCode = graphene.Enum("StockErrorCode", [(c, c) for c in STOCK_ERROR_CODES])

_FIELD_DOC = (
    "Name of a field that caused the error. A value of `null` indicates that the error isn't "
    "associated with a particular field."
)


class ProductError(graphene.ObjectType):
    field = graphene.String(description=_FIELD_DOC)
    message = graphene.String(description="The error message.")
    code = graphene.Field(ProductErrorCode, required=True, description="The error code.")
    attributes = graphene.List(graphene.NonNull(graphene.ID))
    values = graphene.List(graphene.NonNull(graphene.ID))


class BulkStockError(ProductError):
    index = graphene.Int(description="Index of an input list item that caused the error.")


class ProductChannelListingError(ProductError):
    channels = graphene.List(graphene.NonNull(graphene.ID))
    variants = graphene.List(graphene.NonNull(graphene.ID))


class StockError(graphene.ObjectType):
    field = graphene.String(description=_FIELD_DOC)
    message = graphene.String(description="The error message.")
    code = graphene.Field(StockErrorCode, required=True, description="The error code.")


def validation_entries(
    exc: ValidationError, *, codes: tuple[str, ...] = PRODUCT_ERROR_CODES, **extra: Any
) -> list[dict[str, Any]]:
    """Error entries for ``exc``: a code outside ``codes`` becomes ``INVALID`` (the message
    says what is wrong); ``params['index']``/``params['field']`` fill ``index``/``field``."""
    items = exc.error_dict.items() if hasattr(exc, "error_dict") else [(None, exc.error_list)]
    entries = []
    for field, errors in items:
        for err in errors:
            params = err.params or {}
            message = err.message % params if params else err.message
            code = (err.code or "invalid").upper()
            field_name = params.get("field") or (None if field == NON_FIELD_ERRORS else field)
            entry = error(field_name, str(message), code if code in codes else "INVALID")
            if "index" in params:
                entry["index"] = params["index"]
            entries.append(entry | extra)
    return entries


def refuse(entries: list[dict[str, Any]], error_type: type) -> MutationFailed:
    """A ``MutationFailed`` carrying only the keys ``error_type`` declares."""
    allowed = set(error_type._meta.fields)
    return MutationFailed([{k: v for k, v in e.items() if k in allowed} for e in entries])


def field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code.lower())})


# --- Permission-checked lookups and the base mutation ---------------------------------------
def require_editor(info: Any) -> Any:
    """The signed-in staff user or producer member; anyone else is refused outright."""
    user = require_authenticated(info)
    if not (user.is_staff or member_producer_ids(user)):
        raise PermissionDenied(
            _("To access this path, you need one of the following permissions: MANAGE_PRODUCTS")
        )
    return user


def editable_product(info: Any, product_id: str | None, *, field: str = "id") -> Product:
    """The product behind ``product_id``, once the caller may edit its producer's data."""
    user = require_editor(info)
    if not product_id:
        raise field_error(field, _("Hãy gửi id của sản phẩm."), "graphql_error")
    pk = global_id_decode_int(product_id, only_type="Product")
    product = Product.objects.select_related("producer").filter(pk=pk).first()
    if product is None:
        raise field_error(field, _("Không tìm thấy sản phẩm."), "not_found")
    require_producer_editor(user, product.producer_id)
    return product


def editable_variant(info: Any, variant_id: str | None, sku: str | None, *, field: str = "id"):
    user = require_editor(info)
    if bool(variant_id) == bool(sku):
        raise field_error(field, _("Hãy gửi đúng một trong hai: id hoặc sku."), "graphql_error")
    variants = ProductVariant.objects.select_related("product__producer")
    if variant_id:
        pk = global_id_decode_int(variant_id, only_type="ProductVariant")
        variant = variants.filter(pk=pk).first()
    else:
        variant = variants.filter(sku=sku.strip()).first()
    if variant is None:
        raise field_error(field, _("Không tìm thấy biến thể."), "not_found")
    require_producer_editor(user, variant.product.producer_id)
    return variant


def product_payload(product: Product | None) -> ChannelContext | None:
    return ChannelContext(product, None) if product is not None else None


class ProductMutationBase(BaseMutation):
    """``perform`` runs ``run``; its ``ValidationError`` becomes this payload's error type."""

    class Meta:
        abstract = True

    @classmethod
    def run(cls, info: Any, **data: Any) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        try:
            return cls.run(info, **data)
        except ValidationError as exc:
            raise refuse(validation_entries(exc), cls.error_type) from None


# --- Scalars ----------------------------------------------------------------------------------
_GRAMS_PER_UNIT = {"G": Decimal(1), "KG": Decimal(1000)}


class WeightScalar(graphene.Scalar):
    """Weight: a number in the shop's unit (grams), or `{value, unit}` with unit G or KG."""

    @staticmethod
    def serialize(value: Any) -> Any:
        return value

    @staticmethod
    def parse_value(value: Any) -> Any:
        unit = "G"
        if isinstance(value, dict):
            unit = str(value.get("unit", "G")).upper()
            value = value.get("value")
        if unit not in _GRAMS_PER_UNIT or isinstance(value, bool):
            return Undefined
        try:
            grams = Decimal(str(value)) * _GRAMS_PER_UNIT[unit]
        except (InvalidOperation, ValueError, TypeError):
            return Undefined
        if not grams.is_finite() or grams != grams.to_integral_value():
            raise GraphQLError(_("Khối lượng phải là số gam nguyên."))
        return int(grams)

    @classmethod
    def parse_literal(cls, node: ast.Node, _variables: Any = None) -> Any:
        if isinstance(node, ast.IntValueNode | ast.FloatValueNode | ast.StringValueNode):
            return cls.parse_value(node.value)
        if isinstance(node, ast.ObjectValueNode):
            return cls.parse_value(
                {f.name.value: getattr(f.value, "value", None) for f in node.fields}
            )
        return Undefined


# --- Inputs -----------------------------------------------------------------------------------
class SeoInput(graphene.InputObjectType):
    title = graphene.String(description="SEO title.")
    description = graphene.String(description="SEO description.")


class AttributeValueInput(graphene.InputObjectType):
    id = graphene.ID(description="ID of the selected attribute.")
    values = graphene.List(graphene.NonNull(graphene.String))


class ProductInput(graphene.InputObjectType):
    attributes = graphene.List(
        graphene.NonNull(AttributeValueInput),
        description="Not supported: OCOP attributes (stars, certificate, producer) are derived "
        "from verified data. An empty list is accepted.",
    )
    category = graphene.ID(description="ID of the product's category.")
    description = graphene.JSONString(description="Product description (EditorJS JSON).")
    name = graphene.String(description="Product name.")
    slug = graphene.String(description="Product slug.")
    seo = SeoInput(description="Search engine optimization fields.")


class ProductCreateInput(ProductInput):
    product_type = graphene.ID(
        description="ID of the type that product belongs to. Our product types are the six "
        "OCOP groups: if given, the category must lie in that group; without a category the "
        "group itself is used."
    )
    producer = graphene.ID(
        description="OCOP addition: the producer the product belongs to. Staff must give it; "
        "a member of exactly one producer may leave it out."
    )


class StockInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True, description="Warehouse in which stock is located.")
    quantity = graphene.Int(required=True, description="Quantity of items available for sell.")


class ProductVariantInput(graphene.InputObjectType):
    attributes = graphene.List(
        graphene.NonNull(AttributeValueInput),
        description="Not supported (see ProductInput.attributes); an empty list is accepted.",
    )
    sku = graphene.String(description="Stock keeping unit.")
    name = graphene.String(description="Variant name (pack size, e.g. 250g).")
    track_inventory = graphene.Boolean()
    weight = WeightScalar(description="Weight of the variant (grams by default).")
    quantity_limit_per_customer = graphene.Int()
    is_fragile = graphene.Boolean(description="OCOP addition: glass, jars; packed with care.")
    is_perishable = graphene.Boolean(description="OCOP addition: fresh produce.")


class ProductVariantCreateInput(ProductVariantInput):
    product = graphene.ID(required=True, description="Product ID of which type is the variant.")
    stocks = graphene.List(
        graphene.NonNull(StockInput), description="Stocks of a product available for sale."
    )


class ProductMediaCreateInput(graphene.InputObjectType):
    alt = graphene.String(description="Alt text for a product media.")
    image = Upload(description="Represents an image file in a multipart request.")
    product = graphene.ID(required=True, description="ID of an product.")
    media_url = graphene.String(description="Not supported: upload the image instead.")


class ProductMediaUpdateInput(graphene.InputObjectType):
    alt = graphene.String(description="Alt text for a product media.")


class ProductChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    is_published = graphene.Boolean(description="Determines if object is visible to customers.")
    published_at = graphene.DateTime(description="The date and time of publishing.")
    visible_in_listings = graphene.Boolean(
        description="Determines if product is visible in product listings."
    )
    is_available_for_purchase = graphene.Boolean(
        description="Determines if product should be available for purchase in this channel."
    )
    available_for_purchase_at = graphene.DateTime(
        description="A start date time from which a product will be available for purchase."
    )
    add_variants = graphene.List(
        graphene.NonNull(graphene.ID),
        description="Accepted; a variant is listed in a channel once it has a price there "
        "(productVariantChannelListingUpdate).",
    )
    remove_variants = graphene.List(
        graphene.NonNull(graphene.ID), description="List of variants to remove from the channel."
    )


class ProductChannelListingUpdateInput(graphene.InputObjectType):
    update_channels = graphene.List(
        graphene.NonNull(ProductChannelListingAddInput),
        description="List of channels to which the product should be assigned or updated.",
    )
    remove_channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of channels from which the product should be unassigned.",
    )


class ProductVariantChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    price = PositiveDecimal(required=True, description="Price of the particular variant.")
    cost_price = PositiveDecimal(description="Cost price of the variant.")
