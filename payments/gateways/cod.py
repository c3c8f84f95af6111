"""Cash on delivery (``ocop.payments.cod``): initialising authorises the amount (the buyer's
promise to pay the courier), capped by ``settings.COD_MAX_ORDER_TOTAL`` (a shop-wide cap: a
per-channel cap needs a catalog migration and is left for later); the charge is recorded when
the cash is confirmed (``orderMarkAsPaid``); a refund gives back only cash actually collected,
otherwise the authorisation is cancelled."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .base import Gateway, GatewayResult, register

COD_GATEWAY_ID = "ocop.payments.cod"


@register
class CashOnDelivery(Gateway):
    id = COD_GATEWAY_ID
    name = "Thanh toán khi nhận hàng (COD)"

    def max_total(self) -> Decimal:
        return Decimal(settings.COD_MAX_ORDER_TOTAL)

    def initialize_config(self, checkout: Any, data: dict | None = None) -> dict[str, Any]:
        return {"maxTotal": str(self.max_total())}

    def initialize_transaction(
        self, transaction: Any, amount: Decimal, data: dict | None = None
    ) -> GatewayResult:
        if amount > self.max_total():
            raise ValidationError(
                {
                    "amount": ValidationError(
                        _("Thanh toán khi nhận hàng chỉ áp dụng cho đơn tới %(max)s %(cur)s."),
                        code="invalid",
                        params={"max": f"{self.max_total():,.0f}", "cur": transaction.currency},
                    )
                }
            )
        return GatewayResult(
            type="AUTHORIZATION_SUCCESS",
            amount=amount,
            message=_("Thanh toán khi nhận hàng"),
            data={},
            actions=["CHARGE", "CANCEL"],
        )

    def process(self, transaction: Any, data: dict | None = None) -> GatewayResult:
        # Nothing to continue: the authorisation is final. Report it again (Saleor returns
        # the transaction as it is).
        return GatewayResult(type="INFO", amount=Decimal(0), data={})

    def charge(self, transaction: Any, amount: Decimal, reference: str = "") -> GatewayResult:
        return GatewayResult(
            type="CHARGE_SUCCESS",
            amount=amount,
            psp_reference=reference,
            message=_("Đã nhận tiền mặt"),
            actions=["REFUND"],
        )

    def refund(self, transaction: Any, amount: Decimal) -> GatewayResult:
        return GatewayResult(
            type="REFUND_SUCCESS", amount=amount, message=_("Đã hoàn tiền mặt đã thu")
        )

    def cancel(self, transaction: Any, amount: Decimal) -> GatewayResult:
        return GatewayResult(
            type="CANCEL_SUCCESS", amount=amount, message=_("Hủy thanh toán khi nhận hàng")
        )
