"""Channel listings, variant prices and product photos (Saleor's names and payloads).

Same permission rule as :mod:`catalog.graphql.product_mutations`: staff everywhere, a
producer's members on their producer's products, anyone else a top-level ``PermissionDenied``.
"""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalog import editing, services
from catalog.models import Channel, ProductMedia, ProductVariant
from shop.graphql.common import ChannelContext
from shop.graphql.ids import global_id, global_id_decode_int

from . import product_inputs as inputs
from .product_inputs import (
    ProductChannelListingError,
    ProductError,
    ProductMutationBase,
    editable_product,
    editable_variant,
    field_error,
    product_payload,
    require_editor,
)
from .types import Product as ProductType
from .types import ProductMedia as ProductMediaType
from .types import ProductVariant as ProductVariantType


def _channel(channel_id: str, field: str = "channelId") -> Channel:
    channel = Channel.objects.filter(
        pk=global_id_decode_int(channel_id, only_type="Channel")
    ).first()
    if channel is None:
        raise field_error(field, _("Không tìm thấy kênh bán."), "not_found")
    return channel


def _variants_of(product: Any, ids: list[str], field: str) -> list[ProductVariant]:
    pks = [global_id_decode_int(v, only_type="ProductVariant") for v in ids]
    found = {v.pk: v for v in ProductVariant.objects.filter(pk__in=pks, product=product)}
    if len(found) != len(set(pks)):
        raise field_error(field, _("Biến thể không thuộc sản phẩm này."), "not_products_variant")
    return [found[pk] for pk in pks]


class _ListingMutation(ProductMutationBase):
    """Collects each channel's errors (with ``channels``) and refuses them all together."""

    error_type = ProductChannelListingError
    errors = graphene.List(graphene.NonNull(ProductChannelListingError), required=True)

    class Meta:
        abstract = True

    @staticmethod
    def per_channel(channel: Channel, work: Any, entries: list) -> None:
        try:
            work()
        except ValidationError as exc:
            entries += inputs.validation_entries(exc, channels=[global_id("Channel", channel.pk)])


class ProductChannelListingUpdate(_ListingMutation):
    product = graphene.Field(ProductType)

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product to update.")
        input = inputs.ProductChannelListingUpdateInput(
            required=True, description="Fields required to create or update product listings."
        )

    class Meta:
        description = "Manage product's availability in channels (publish, dates, visibility)."

    @classmethod
    def run(cls, info: Any, id: str, input: dict) -> dict:
        product = editable_product(info, id)
        updates = input.get("update_channels") or []
        removes = [_channel(c, "removeChannels") for c in input.get("remove_channels") or []]
        channels = [_channel(u["channel_id"], "updateChannels") for u in updates]
        seen = [c.pk for c in channels + removes]
        if len(seen) != len(set(seen)):
            raise field_error(
                "updateChannels", _("Một kênh chỉ được nêu một lần."), "duplicated_input_item"
            )
        entries: list[dict] = []
        for channel, update in zip(channels, updates, strict=True):
            remove = _variants_of(product, update.get("remove_variants") or [], "removeVariants")
            _variants_of(product, update.get("add_variants") or [], "addVariants")
            changes = {
                key: update[key]
                for key in (
                    "is_published",
                    "published_at",
                    "visible_in_listings",
                    "is_available_for_purchase",
                    "available_for_purchase_at",
                )
                if key in update
            }
            cls.per_channel(
                channel,
                lambda c=channel, ch=changes, r=remove: editing.product_channel_listing_update(
                    product=product, channel=c, remove_variants=r, **ch
                ),
                entries,
            )
        for channel in removes:
            editing.product_channel_listing_remove(product=product, channel=channel)
        if entries:
            raise inputs.refuse(entries, cls.error_type)
        return {"product": product_payload(product)}


class ProductVariantChannelListingUpdate(_ListingMutation):
    variant = graphene.Field(ProductVariantType)

    class Arguments:
        id = graphene.ID(description="ID of a product variant to update.")
        sku = graphene.String(description="SKU of a product variant to update.")
        input = graphene.List(
            graphene.NonNull(inputs.ProductVariantChannelListingAddInput),
            required=True,
            description="List of fields required to create or upgrade product variant channel "
            "listings. Prices are VAT-inclusive, in the channel's currency (whole đồng in VND).",
        )

    class Meta:
        description = "Manage product variant prices in channels."

    @classmethod
    def run(cls, info: Any, input: list, id: str | None = None, sku: str | None = None) -> dict:
        variant = editable_variant(info, id, sku)
        channels = [_channel(item["channel_id"]) for item in input]
        if len({c.pk for c in channels}) != len(channels):
            raise field_error(
                "channelId", _("Một kênh chỉ được nêu một lần."), "duplicated_input_item"
            )
        entries: list[dict] = []
        for channel, item in zip(channels, input, strict=True):
            cls.per_channel(
                channel,
                lambda c=channel, p=item["price"]: services.variant_price_set(
                    variant=variant, channel=c, amount=p
                ),
                entries,
            )
        if entries:
            raise inputs.refuse(entries, cls.error_type)
        return {"variant": ChannelContext(variant, None)}


# --- Media ------------------------------------------------------------------------------------
class _MediaMutation(ProductMutationBase):
    error_type = ProductError
    errors = graphene.List(graphene.NonNull(ProductError), required=True)
    product = graphene.Field(ProductType)
    media = graphene.Field(ProductMediaType)

    class Meta:
        abstract = True

    @staticmethod
    def editable_media(info: Any, media_id: str) -> ProductMedia:
        pk = global_id_decode_int(media_id, only_type="ProductMedia")
        media = ProductMedia.objects.select_related("product").filter(pk=pk).first()
        if media is None:
            require_editor(info)
            raise field_error("id", _("Không tìm thấy ảnh."), "not_found")
        editable_product(info, global_id("Product", media.product_id))
        return media


class ProductMediaCreate(_MediaMutation):
    class Arguments:
        input = inputs.ProductMediaCreateInput(
            required=True, description="Fields required to create a product media."
        )

    class Meta:
        description = (
            "Create a media object (image) for a product, sent as a GraphQL multipart upload. "
            "Checked by content (JPEG, PNG, WEBP), size and pixel count. `mediaUrl` is refused."
        )

    @classmethod
    def run(cls, info: Any, input: dict) -> dict:
        product = editable_product(info, input["product"], field="product")
        if input.get("media_url"):
            raise field_error(
                "mediaUrl",
                _("Chưa hỗ trợ ảnh từ đường dẫn; hãy tải tệp ảnh lên."),
                "unsupported_media_provider",
            )
        upload = input.get("image")
        if upload is None or not hasattr(upload, "read"):
            raise field_error("image", _("Hãy gửi một tệp ảnh."), "required")
        try:
            media = services.product_media_add(
                product=product, upload=upload, alt=input.get("alt") or ""
            )
        except ValidationError as exc:
            raise field_error(
                "image", exc.messages[0], exc.error_list[0].code or "invalid"
            ) from None
        return {"product": product_payload(product), "media": media}


class ProductMediaUpdate(_MediaMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of a product media to update.")
        input = inputs.ProductMediaUpdateInput(
            required=True, description="Fields required to update a product media."
        )

    class Meta:
        description = "Updates a product media (its alt text)."

    @classmethod
    def run(cls, info: Any, id: str, input: dict) -> dict:
        media = cls.editable_media(info, id)
        if "alt" in input:
            editing.product_media_update(media=media, alt=input["alt"] or "")
        return {"product": product_payload(media.product), "media": media}


class ProductMediaDelete(_MediaMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of a product media to delete.")

    class Meta:
        description = "Deletes a product media and its stored files."

    @classmethod
    def run(cls, info: Any, id: str) -> dict:
        media = cls.editable_media(info, id)
        pk, product = media.pk, media.product
        editing.product_media_delete(media=media)
        media.pk = pk
        return {"product": product_payload(product), "media": media}


class ProductMediaReorder(ProductMutationBase):
    error_type = ProductError
    errors = graphene.List(graphene.NonNull(ProductError), required=True)
    product = graphene.Field(ProductType)
    media = graphene.List(graphene.NonNull(ProductMediaType))

    class Arguments:
        product_id = graphene.ID(
            required=True, description="ID of product that media order will be altered."
        )
        media_ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="IDs of a product media in the desired order (the first is the thumbnail).",
        )

    class Meta:
        description = "Changes ordering of the product media."

    @classmethod
    def run(cls, info: Any, product_id: str, media_ids: list[str]) -> dict:
        product = editable_product(info, product_id, field="productId")
        pks = [global_id_decode_int(m, only_type="ProductMedia") for m in media_ids]
        media = editing.product_media_reorder(product=product, media_ids=pks)
        return {"product": product_payload(product), "media": media}


class ProductListingMutations(graphene.ObjectType):
    product_channel_listing_update = ProductChannelListingUpdate.Field()
    product_variant_channel_listing_update = ProductVariantChannelListingUpdate.Field()
    product_media_create = ProductMediaCreate.Field()
    product_media_update = ProductMediaUpdate.Field()
    product_media_delete = ProductMediaDelete.Field()
    product_media_reorder = ProductMediaReorder.Field()
