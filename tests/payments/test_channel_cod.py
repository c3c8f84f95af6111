"""The per-channel cash-on-delivery rule (``ChannelPaymentSettings``): on or off and the
largest order total, falling back to ``settings.COD_MAX_ORDER_TOTAL`` for a channel without
settings; enforced by transactionInitialize, shown by availablePaymentGateways and
paymentGatewayInitialize, edited by OCOP staff in the admin."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from accounts.models import User
from payments.models import ChannelPaymentSettings, TransactionItem
from payments.selectors import channel_cod_rules
from tests.catalog.factories import default_channel
from tests.orders.test_checkout_graphql import cid, ready
from tests.payments import test_cod_flow
from tests.payments.test_cod_flow import CHECKOUT, COD, GATEWAYS_INIT, TX_INIT, data_of

pytestmark = pytest.mark.django_db

# A producer and a 150 000 ₫ variant; seeded shipping.
shop = test_cod_flow.shop
shop_with_shipping = test_cod_flow.shop_with_shipping


def cod_init(api, checkout) -> dict:
    return data_of(api(TX_INIT, {"id": cid(checkout), "gateway": {"id": COD}}))


def codes(payload) -> list[tuple[str, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


def test_a_channel_without_settings_follows_the_shop_wide_cap(settings):
    settings.COD_MAX_ORDER_TOTAL = 123000
    rules = channel_cod_rules(default_channel().pk)
    assert rules.enabled is True and rules.max_total == Decimal(123000)


def test_the_channel_cap_refuses_a_larger_order_and_changes_nothing(
    api, shop_with_shipping, settings
):
    settings.COD_MAX_ORDER_TOTAL = 50_000_000  # the shop-wide cap would allow it
    ChannelPaymentSettings.objects.create(channel=default_channel(), cod_max_total=100000)
    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    payload = cod_init(api, checkout)
    assert codes(payload) == [("amount", "INVALID")]
    assert "100,000" in payload["errors"][0]["message"]
    assert payload["transaction"] is None and TransactionItem.objects.count() == 0
    config = data_of(api(CHECKOUT, {"id": cid(checkout)}))["availablePaymentGateways"]
    assert [g["id"] for g in config] == [COD]

    # Raised by staff: the same checkout may now pay on delivery.
    cap = ChannelPaymentSettings.objects.get()
    cap.cod_max_total = Decimal(2_000_000)
    cap.save()
    payload = cod_init(api, checkout)
    assert payload["errors"] == [] and payload["transaction"]["authorizedAmount"]["amount"] > 0


def test_gateway_config_shows_the_channel_cap(api, shop_with_shipping):
    ChannelPaymentSettings.objects.create(channel=default_channel(), cod_max_total=300000)
    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    configs = data_of(api(GATEWAYS_INIT, {"id": cid(checkout), "gateways": [{"id": COD}]}))
    assert configs["gatewayConfigs"] == [{"id": COD, "data": {"maxTotal": "300000"}, "errors": []}]


def test_a_channel_without_cod_neither_lists_nor_accepts_it(api, shop_with_shipping):
    ChannelPaymentSettings.objects.create(
        channel=default_channel(), cod_enabled=False, cod_max_total=0
    )
    checkout = ready(
        api, shop_with_shipping["shipping"], [(shop_with_shipping["variant"], 1)], pay=False
    )
    assert data_of(api(CHECKOUT, {"id": cid(checkout)}))["availablePaymentGateways"] == []
    payload = cod_init(api, checkout)
    assert codes(payload) == [("paymentGateway", "NOT_FOUND")]
    assert TransactionItem.objects.count() == 0
    configs = data_of(api(GATEWAYS_INIT, {"id": cid(checkout), "gateways": [{"id": COD}]}))
    (config,) = configs["gatewayConfigs"]
    assert config["data"] is None and config["errors"][0]["code"] == "NOT_FOUND"


def test_staff_changes_apply_to_the_next_read(settings):
    settings.COD_MAX_ORDER_TOTAL = 1_000_000
    channel = default_channel()
    assert channel_cod_rules(channel.pk).max_total == 1_000_000
    row = ChannelPaymentSettings.objects.create(channel=channel, cod_max_total=200000)
    assert channel_cod_rules(channel.pk).max_total == 200000
    row.cod_enabled = False
    row.save()
    assert channel_cod_rules(channel.pk).enabled is False
    row.delete()
    assert channel_cod_rules(channel.pk).max_total == 1_000_000


def test_a_negative_cap_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ChannelPaymentSettings.objects.create(channel=default_channel(), cod_max_total=-1)
    assert ChannelPaymentSettings.objects.count() == 0


def test_staff_edit_the_rule_in_the_admin(client):
    admin_user = User.objects.create_superuser(email="admin@example.vn", password="x-Admin-2025")
    client.force_login(admin_user)
    channel = default_channel()
    response = client.post(
        "/admin/payments/channelpaymentsettings/add/",
        {"channel": channel.pk, "cod_enabled": "on", "cod_max_total": "5000000"},
    )
    assert response.status_code == 302, response.content[:2000]
    assert ChannelPaymentSettings.objects.get().cod_max_total == 5_000_000
    assert channel_cod_rules(channel.pk).max_total == 5_000_000
    assert client.get("/admin/payments/channelpaymentsettings/").status_code == 200


def test_split_cod_payments_cannot_exceed_the_cap_together(api, shop_with_shipping):
    ChannelPaymentSettings.objects.create(channel=default_channel(), cod_max_total=200000)
    shop = shop_with_shipping
    checkout = ready(api, shop["shipping"], [(shop["variant"], 2)], pay=False)  # > 300 000 ₫
    variables = {"id": cid(checkout), "gateway": {"id": COD}, "amount": 150000}
    assert data_of(api(TX_INIT, variables))["errors"] == []
    payload = data_of(api(TX_INIT, {**variables, "amount": 100000}))
    assert codes(payload) == [("amount", "INVALID")]
    assert TransactionItem.objects.count() == 1
    assert data_of(api(TX_INIT, {**variables, "amount": 50000}))["errors"] == []  # exactly 200 000
