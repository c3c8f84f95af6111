"""Product editing mutations for producers and OCOP staff, with Saleor's names and payloads.

Who may call them: OCOP staff (``is_staff``) for every product; a producer's members for that
producer's products only. Anyone else gets Saleor's top-level ``PermissionDenied`` error and
nothing changes. Input problems come back in ``errors`` (``ProductError`` etc.) and roll the
whole mutation back. The work itself is done by ``catalog.services`` / ``catalog.editing``.
Channel listings and photos are in :mod:`catalog.graphql.product_listing_mutations`.
"""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalog import editing, services
from catalog.models import Category, Producer, Warehouse
from catalog.permissions import member_producer_ids, require_producer_editor
from shop.graphql.common import ChannelContext
from shop.graphql.ids import global_id_decode_int

from . import product_inputs as inputs
from .product_inputs import (
    BulkStockError,
    ProductError,
    ProductMutationBase,
    StockError,
    editable_product,
    editable_variant,
    field_error,
    product_payload,
    require_editor,
)
from .types import Product as ProductType
from .types import ProductVariant as ProductVariantType


def _category(category_id: str) -> Category:
    pk = global_id_decode_int(category_id, only_type="Category")
    category = Category.objects.filter(pk=pk).first()
    if category is None:
        raise field_error("category", _("Không tìm thấy nhóm sản phẩm."), "not_found")
    return category


def _check_attributes(data: dict) -> None:
    if data.get("attributes"):
        raise field_error(
            "attributes",
            _(
                "Thuộc tính OCOP (hạng sao, giấy chứng nhận, chủ thể) được lấy từ dữ liệu đã xác minh."
            ),
            "attribute_cannot_be_assigned",
        )


def _seo(data: dict) -> dict[str, str]:
    seo = data.get("seo") or {}
    return {
        key: seo[name] or ""
        for key, name in (("seo_title", "title"), ("seo_description", "description"))
        if name in seo
    }


# --- Products ---------------------------------------------------------------------------------
class ProductCreate(ProductMutationBase):
    error_type = ProductError
    errors = graphene.List(graphene.NonNull(ProductError), required=True)
    product = graphene.Field(ProductType)

    class Arguments:
        input = inputs.ProductCreateInput(
            required=True, description="Fields required to create a product."
        )

    class Meta:
        description = (
            "Creates a new product (unpublished; publish with productChannelListingUpdate)."
        )

    @classmethod
    def run(cls, info: Any, input: dict) -> dict:
        user = require_editor(info)
        producer = cls._producer(user, input.get("producer"))
        _check_attributes(input)
        category = _category(input["category"]) if input.get("category") else None
        if input.get("product_type"):
            group = Category.objects.filter(
                pk=global_id_decode_int(input["product_type"], only_type="ProductType"),
                parent__isnull=True,
            ).first()
            if group is None:
                raise field_error("product_type", _("Không tìm thấy loại sản phẩm."), "not_found")
            if category is not None and group.pk not in (category.pk, category.parent_id):
                raise field_error(
                    "category", _("Nhóm sản phẩm không thuộc loại sản phẩm đã chọn."), "invalid"
                )
            category = category or group
        if category is None:
            raise field_error("category", _("Hãy chọn nhóm sản phẩm."), "required")
        product = services.product_create(
            producer=producer,
            category=category,
            name=input.get("name") or "",
            slug=input.get("slug") or None,
            description=input.get("description"),
            **_seo(input),
        )
        return {"product": product_payload(product)}

    @staticmethod
    def _producer(user: Any, producer_id: str | None) -> Producer:
        if producer_id:
            pk = global_id_decode_int(producer_id, only_type="Producer")
            producer = Producer.objects.filter(pk=pk).first()
            if producer is None:
                raise field_error("producer", _("Không tìm thấy chủ thể sản xuất."), "not_found")
            require_producer_editor(user, producer.pk)
            return producer
        mine = member_producer_ids(user)
        if user.is_staff or len(mine) != 1:
            raise field_error("producer", _("Hãy chọn chủ thể sản xuất của sản phẩm."), "required")
        return Producer.objects.get(pk=next(iter(mine)))


class ProductUpdate(ProductMutationBase):
    error_type = ProductError
    errors = graphene.List(graphene.NonNull(ProductError), required=True)
    product = graphene.Field(ProductType)

    class Arguments:
        id = graphene.ID(description="ID of a product to update.")
        input = inputs.ProductInput(
            required=True, description="Fields required to update a product."
        )

    class Meta:
        description = "Updates an existing product."

    @classmethod
    def run(cls, info: Any, input: dict, id: str | None = None) -> dict:
        product = editable_product(info, id)
        _check_attributes(input)
        changes: dict[str, Any] = _seo(input)
        for key in ("name", "slug", "description"):
            if key in input:
                changes[key] = input[key] if input[key] is not None else ""
        if input.get("category"):
            changes["category"] = _category(input["category"])
        editing.product_update(product=product, **changes)
        return {"product": product_payload(product)}


class ProductDelete(ProductMutationBase):
    error_type = ProductError
    errors = graphene.List(graphene.NonNull(ProductError), required=True)
    product = graphene.Field(ProductType)

    class Arguments:
        id = graphene.ID(description="ID of a product to delete.")

    class Meta:
        description = (
            "Deletes a product. Refused while an unfinished order has a line of it (sell-out "
            "or unpublish instead); lines of finished orders keep their name, SKU and prices."
        )

    @classmethod
    def run(cls, info: Any, id: str | None = None) -> dict:
        product = editable_product(info, id)
        pk = product.pk
        try:
            editing.product_delete(product=product)
        except ValidationError as exc:
            raise field_error("id", exc.messages[0], exc.error_list[0].code or "invalid") from None
        product.pk = pk  # the payload still names what was deleted
        return {"product": product_payload(product)}


# --- Variants ---------------------------------------------------------------------------------
def _variant_changes(input: dict) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key in ("sku", "name", "track_inventory", "is_fragile", "is_perishable"):
        if input.get(key) is not None:
            changes[key] = input[key]
    if input.get("weight") is not None:
        changes["weight_grams"] = input["weight"]
    if "quantity_limit_per_customer" in input:
        changes["quantity_limit_per_customer"] = input["quantity_limit_per_customer"]
    return changes


def _stock_rows(stocks: list[dict]) -> list[tuple[Warehouse, Any]]:
    ids = [global_id_decode_int(s["warehouse"], only_type="Warehouse") for s in stocks]
    found = Warehouse.objects.in_bulk(ids)
    missing = [i for i, pk in enumerate(ids) if pk not in found]
    if missing:
        raise ValidationError(
            {
                "stocks": [
                    ValidationError(
                        _("Không tìm thấy kho."),
                        code="not_found",
                        params={"index": i, "field": "warehouse"},
                    )
                    for i in missing
                ]
            }
        )
    return [(found[pk], s["quantity"]) for pk, s in zip(ids, stocks, strict=True)]


class ProductVariantCreate(ProductMutationBase):
    error_type = ProductError
    errors = graphene.List(graphene.NonNull(ProductError), required=True)
    product_variant = graphene.Field(ProductVariantType)

    class Arguments:
        input = inputs.ProductVariantCreateInput(
            required=True, description="Fields required to create a product variant."
        )

    class Meta:
        description = "Creates a new variant (pack size) for a product, optionally with stock."

    @classmethod
    def run(cls, info: Any, input: dict) -> dict:
        product = editable_product(info, input["product"], field="product")
        _check_attributes(input)
        changes = _variant_changes(input)
        if "weight_grams" not in changes:
            raise field_error("weight", _("Hãy nhập khối lượng (gam)."), "required")
        variant = services.variant_create(
            product=product,
            sku=changes.pop("sku", ""),
            name=changes.pop("name", "") or "",
            weight_grams=changes.pop("weight_grams"),
            sort_order=product.variants.count(),
            **{k: v for k, v in changes.items() if k in ("is_fragile", "is_perishable")},
        )
        rest = {k: v for k, v in changes.items() if k not in ("is_fragile", "is_perishable")}
        if rest:
            editing.variant_update(variant=variant, **rest)
        if input.get("stocks"):
            editing.variant_stocks_update(variant=variant, stocks=_stock_rows(input["stocks"]))
        return {"product_variant": ChannelContext(variant, None)}


class ProductVariantUpdate(ProductMutationBase):
    error_type = ProductError
    errors = graphene.List(graphene.NonNull(ProductError), required=True)
    product_variant = graphene.Field(ProductVariantType)

    class Arguments:
        id = graphene.ID(description="ID of a product variant to update.")
        sku = graphene.String(description="SKU of a product variant to update.")
        input = inputs.ProductVariantInput(
            required=True, description="Fields required to update a product variant."
        )

    class Meta:
        description = "Updates an existing variant for product."

    @classmethod
    def run(cls, info: Any, input: dict, id: str | None = None, sku: str | None = None) -> dict:
        variant = editable_variant(info, id, sku)
        _check_attributes(input)
        editing.variant_update(variant=variant, **_variant_changes(input))
        return {"product_variant": ChannelContext(variant, None)}


class ProductVariantDelete(ProductMutationBase):
    error_type = ProductError
    errors = graphene.List(graphene.NonNull(ProductError), required=True)
    product_variant = graphene.Field(ProductVariantType)

    class Arguments:
        id = graphene.ID(description="ID of a product variant to delete.")
        sku = graphene.String(description="SKU of a product variant to delete.")

    class Meta:
        description = "Deletes a product variant (refused while an unfinished order has it)."

    @classmethod
    def run(cls, info: Any, id: str | None = None, sku: str | None = None) -> dict:
        variant = editable_variant(info, id, sku)
        pk = variant.pk
        editing.variant_delete(variant=variant)
        variant.pk = pk
        return {"product_variant": ChannelContext(variant, None)}


# --- Stock ------------------------------------------------------------------------------------
class ProductVariantStocksUpdate(ProductMutationBase):
    error_type = BulkStockError
    errors = graphene.List(graphene.NonNull(BulkStockError), required=True)
    bulk_stock_errors = graphene.List(
        graphene.NonNull(BulkStockError),
        required=True,
        deprecation_reason="Use `errors` field instead.",
    )
    product_variant = graphene.Field(ProductVariantType)

    class Arguments:
        variant_id = graphene.ID(
            description="ID of a product variant for which stocks will be updated."
        )
        sku = graphene.String(
            description="SKU of product variant for which stocks will be updated."
        )
        stocks = graphene.List(
            graphene.NonNull(inputs.StockInput),
            required=True,
            description="Input list of stocks to create or update (absolute quantities).",
        )

    class Meta:
        description = (
            "Sets stock quantities of a variant in warehouses, all or nothing: a quantity may "
            "not be negative nor below what orders already hold."
        )

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any):
        payload = super().mutate(root, info, **data)
        payload.bulk_stock_errors = payload.errors
        return payload

    @classmethod
    def run(cls, info: Any, stocks: list, variant_id: str | None = None, sku: str | None = None):
        variant = editable_variant(info, variant_id, sku, field="variantId")
        editing.variant_stocks_update(variant=variant, stocks=_stock_rows(stocks))
        return {"product_variant": ChannelContext(variant, None)}


class ProductVariantStocksDelete(ProductMutationBase):
    error_type = StockError
    errors = graphene.List(graphene.NonNull(StockError), required=True)
    product_variant = graphene.Field(ProductVariantType)

    class Arguments:
        variant_id = graphene.ID(
            description="ID of product variant for which stocks will be deleted."
        )
        sku = graphene.String(
            description="SKU of product variant for which stocks will be deleted."
        )
        warehouse_ids = graphene.List(graphene.NonNull(graphene.ID))

    class Meta:
        description = "Deletes stocks of a variant (refused where orders hold units)."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        try:
            return cls.run(info, **data)
        except ValidationError as exc:
            entries = inputs.validation_entries(exc, codes=inputs.STOCK_ERROR_CODES)
            raise inputs.refuse(entries, StockError) from None

    @classmethod
    def run(cls, info: Any, variant_id=None, sku=None, warehouse_ids=None) -> dict:
        variant = editable_variant(info, variant_id, sku, field="variantId")
        pks = [global_id_decode_int(w, only_type="Warehouse") for w in warehouse_ids or []]
        for warehouse in Warehouse.objects.filter(pk__in=pks).order_by("pk"):
            editing.variant_stock_remove(variant=variant, warehouse=warehouse)
        return {"product_variant": ChannelContext(variant, None)}


class ProductMutations(graphene.ObjectType):
    product_create = ProductCreate.Field()
    product_update = ProductUpdate.Field()
    product_delete = ProductDelete.Field()
    product_variant_create = ProductVariantCreate.Field()
    product_variant_update = ProductVariantUpdate.Field()
    product_variant_delete = ProductVariantDelete.Field()
    product_variant_stocks_update = ProductVariantStocksUpdate.Field()
    product_variant_stocks_delete = ProductVariantStocksDelete.Field()
