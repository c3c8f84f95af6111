"""Saleor's promo-code mutations on a checkout. Vouchers and gift cards are not sold yet: adding
one is refused, removing one has nothing to do."""

from __future__ import annotations

from typing import Any

import graphene
from django.utils.translation import gettext as _

from .checkout_mutation_base import (
    CheckoutIdArguments,
    CheckoutMutation,
    checkout_ids_pop,
    checkout_locked,
    field_error,
)


class CheckoutAddPromoCode(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        promo_code = graphene.String(required=True, description="Gift card code or voucher code.")

    class Meta:
        description = "Adds a gift card or a voucher to a checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, promo_code: str, **data: Any) -> dict[str, Any]:
        checkout_locked(info, **checkout_ids_pop(data))
        raise field_error("promo_code", _("Mã giảm giá chưa được hỗ trợ."), "invalid")


class CheckoutRemovePromoCode(CheckoutMutation):
    class Arguments(CheckoutIdArguments):
        promo_code = graphene.String(description="Gift card code or voucher code.")
        promo_code_id = graphene.ID(description="Gift card or voucher ID.")

    class Meta:
        description = "Remove a gift card or a voucher from a checkout."

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        checkout = checkout_locked(info, **checkout_ids_pop(data))
        return {"checkout": checkout}  # nothing can be applied, so nothing to remove
