"""Saleor's Transactions API, stored: one ``TransactionItem`` per payment attempt at one
gateway, its amounts (authorised, charged, refunded, cancelled and the pending ones) kept as
running totals, and the ``TransactionEvent`` history that explains them.

A transaction belongs to a checkout (``checkout`` FK, SET_NULL) and keeps ``checkout_token``
after the checkout is deleted by ``checkoutComplete``; the order made from that checkout has
the same ``checkout_token``, so ``Order.transactions`` are read lazily by token (or by the
``order`` FK, set when a transaction is written for an order).
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

AMOUNT_FIELDS = (
    "authorized_value",
    "charged_value",
    "refunded_value",
    "canceled_value",
    "authorize_pending_value",
    "charge_pending_value",
    "refund_pending_value",
    "cancel_pending_value",
)


def _amount() -> models.DecimalField:
    return models.DecimalField(max_digits=14, decimal_places=2, default=Decimal(0))


class TransactionEventType(models.TextChoices):
    """Saleor's ``TransactionEventTypeEnum`` (values are the enum names)."""

    AUTHORIZATION_SUCCESS = "AUTHORIZATION_SUCCESS", _("Ủy quyền thành công")
    AUTHORIZATION_FAILURE = "AUTHORIZATION_FAILURE", _("Ủy quyền thất bại")
    AUTHORIZATION_ADJUSTMENT = "AUTHORIZATION_ADJUSTMENT", _("Điều chỉnh ủy quyền")
    AUTHORIZATION_REQUEST = "AUTHORIZATION_REQUEST", _("Yêu cầu ủy quyền")
    AUTHORIZATION_ACTION_REQUIRED = "AUTHORIZATION_ACTION_REQUIRED", _("Cần thao tác ủy quyền")
    CHARGE_ACTION_REQUIRED = "CHARGE_ACTION_REQUIRED", _("Cần thao tác thanh toán")
    CHARGE_SUCCESS = "CHARGE_SUCCESS", _("Thanh toán thành công")
    CHARGE_FAILURE = "CHARGE_FAILURE", _("Thanh toán thất bại")
    CHARGE_BACK = "CHARGE_BACK", _("Bồi hoàn")
    CHARGE_REQUEST = "CHARGE_REQUEST", _("Yêu cầu thanh toán")
    REFUND_SUCCESS = "REFUND_SUCCESS", _("Hoàn tiền thành công")
    REFUND_FAILURE = "REFUND_FAILURE", _("Hoàn tiền thất bại")
    REFUND_REVERSE = "REFUND_REVERSE", _("Đảo hoàn tiền")
    REFUND_REQUEST = "REFUND_REQUEST", _("Yêu cầu hoàn tiền")
    CANCEL_SUCCESS = "CANCEL_SUCCESS", _("Hủy thành công")
    CANCEL_FAILURE = "CANCEL_FAILURE", _("Hủy thất bại")
    CANCEL_REQUEST = "CANCEL_REQUEST", _("Yêu cầu hủy")
    INFO = "INFO", _("Thông tin")


class TransactionItem(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    checkout = models.ForeignKey(
        "orders.Checkout",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="payment_transactions",
    )
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payment_transactions",
    )
    checkout_token = models.UUIDField(null=True, blank=True, db_index=True)
    gateway = models.CharField(max_length=128)
    name = models.CharField(max_length=256, blank=True)
    psp_reference = models.CharField(max_length=512, blank=True)
    currency = models.CharField(max_length=3)
    authorized_value = _amount()
    charged_value = _amount()
    refunded_value = _amount()
    canceled_value = _amount()
    authorize_pending_value = _amount()
    charge_pending_value = _amount()
    refund_pending_value = _amount()
    cancel_pending_value = _amount()
    idempotency_key = models.CharField(max_length=512, null=True, blank=True)
    available_actions = models.JSONField(default=list, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__gte": 0}), name=f"payments_tx_{name}_gte_0"
                )
                for name in AMOUNT_FIELDS
            ],
            models.UniqueConstraint(
                fields=["checkout_token", "gateway", "idempotency_key"],
                name="payments_tx_idempotency_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gateway} {self.pk}"


class TransactionEvent(models.Model):
    transaction = models.ForeignKey(
        TransactionItem, on_delete=models.CASCADE, related_name="events"
    )
    type = models.CharField(max_length=64, choices=TransactionEventType.choices)
    amount_value = models.DecimalField(max_digits=14, decimal_places=2, default=Decimal(0))
    currency = models.CharField(max_length=3)
    psp_reference = models.CharField(max_length=512, blank=True)
    message = models.CharField(max_length=512, blank=True)
    external_url = models.URLField(max_length=1024, blank=True)
    idempotency_key = models.CharField(max_length=512, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_value__gte=0), name="payments_event_amount_gte_0"
            ),
            models.UniqueConstraint(
                fields=["transaction", "idempotency_key"], name="payments_event_idempotency_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.amount_value} {self.currency}"


class ChannelPaymentSettings(models.Model):
    """A sales channel's payment rules (kept here so that ``catalog`` knows nothing of
    payments): whether cash on delivery is offered and up to which order total. A channel
    without a row follows ``settings.COD_MAX_ORDER_TOTAL`` with COD enabled."""

    channel = models.OneToOneField(
        "catalog.Channel", on_delete=models.CASCADE, related_name="payment_settings"
    )
    cod_enabled = models.BooleanField(_("nhận thanh toán khi nhận hàng"), default=True)
    cod_max_total = models.DecimalField(
        _("tổng đơn tối đa cho COD (VND)"),
        max_digits=14,
        decimal_places=0,
        help_text=_("Đơn có tổng lớn hơn phải thanh toán trước (thẻ, chuyển khoản)."),
    )

    class Meta:
        verbose_name = _("cài đặt thanh toán của kênh")
        verbose_name_plural = _("cài đặt thanh toán của kênh")
        constraints = [
            models.CheckConstraint(
                condition=Q(cod_max_total__gte=0), name="payments_channel_cod_max_total_gte_0"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel}: COD ≤ {self.cod_max_total:,.0f}"
