"""``portalProducts``: the products a producer member (or OCOP staff) may edit, in any state.

The public ``products`` query shows only published products with a valid certificate; a
producer editing through the API also needs its drafts, unpublished and uncertified products.
This OCOP addition lists them with the same Product type, filters and pagination.
"""

from __future__ import annotations

from typing import Any

import graphene

from catalog.permissions import editable_products

from . import types
from .product_inputs import require_editor
from .queries import _product_list_args, channel_or_error, product_connection


class ProductPortalQueries(graphene.ObjectType):
    portal_products = graphene.Field(
        types.ProductCountableConnection,
        channel=graphene.String(description="Slug of the channel whose prices are shown."),
        **_product_list_args(),
        description="OCOP addition: products the caller may edit (OCOP staff: all; a "
        "producer's member: its producers'), published or not, certified or not. Requires a "
        "signed-in staff user or producer member.",
    )

    @staticmethod
    def resolve_portal_products(root: Any, info: Any, channel: str | None = None, **kwargs: Any):
        user = require_editor(info)
        return product_connection(
            info,
            channel=channel_or_error(info, channel),
            base=editable_products(user),
            field_name="portalProducts",
            **kwargs,
        )
