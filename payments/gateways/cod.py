"""Cash on delivery (``ocop.payments.cod``): initialising authorises the amount (the buyer's
promise to pay the courier), capped per channel (``ChannelPaymentSettings``: COD on or off and
the largest order total; a channel without settings takes ``settings.COD_MAX_ORDER_TOTAL``);
the charge is recorded when the cash is confirmed (``orderMarkAsPaid``); a refund gives back
only cash actually collected, otherwise the authorisation is cancelled."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..selectors import CodRules, channel_cod_rules
from .base import Gateway, GatewayResult, register

COD_GATEWAY_ID = "ocop.payments.cod"


def _disabled() -> ValidationError:
    message = _("Kênh bán này không nhận thanh toán khi nhận hàng.")
    return ValidationError({"payment_gateway": ValidationError(message, code="not_found")})


def _cod_already(transaction: Any) -> Decimal:
    """Cash on delivery already promised or collected for the same checkout or order."""
    from django.db.models import F, Q, Sum

    from ..models import TransactionItem

    same = Q(order_id=transaction.order_id) if transaction.order_id else Q(pk__in=[])
    if transaction.checkout_token is not None:
        same |= Q(checkout_token=transaction.checkout_token)
    total = (
        TransactionItem.objects.filter(same, gateway=COD_GATEWAY_ID)
        .exclude(pk=transaction.pk)
        .aggregate(total=Sum(F("authorized_value") + F("charged_value")))["total"]
    )
    return total or Decimal(0)


@register
class CashOnDelivery(Gateway):
    id = COD_GATEWAY_ID
    name = "Thanh toán khi nhận hàng (COD)"

    def rules(self, source: Any) -> CodRules:
        """The COD rules of the channel of ``source`` (a checkout or an order), read once per
        object (a checkout query asks for them several times)."""
        rules = getattr(source, "_ocop_cod_rules", None)
        if rules is None:
            rules = channel_cod_rules(source.channel_id)
            source._ocop_cod_rules = rules
        return rules

    def currencies(self, checkout: Any) -> list[str]:
        # A channel without cash on delivery does not list the gateway at all.
        return [checkout.currency] if self.rules(checkout).enabled else []

    def initialize_config(self, checkout: Any, data: dict | None = None) -> dict[str, Any]:
        rules = self.rules(checkout)
        if not rules.enabled:
            raise _disabled()
        return {"maxTotal": str(rules.max_total)}

    def initialize_transaction(
        self, transaction: Any, amount: Decimal, data: dict | None = None
    ) -> GatewayResult:
        rules = self.rules(transaction.checkout or transaction.order)
        if not rules.enabled:
            raise _disabled()
        # The cap is on the cash collected for the order, so earlier COD transactions of the
        # same checkout (split payments) count too.
        if _cod_already(transaction) + amount > rules.max_total:
            raise ValidationError(
                {
                    "amount": ValidationError(
                        _("Thanh toán khi nhận hàng chỉ áp dụng cho đơn tới %(max)s %(cur)s."),
                        code="invalid",
                        params={"max": f"{rules.max_total:,.0f}", "cur": transaction.currency},
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
