"""orderFulfillmentUpdateTracking over GraphQL: Saleor's arguments and payload, the parcel's
producer or staff only, the buyer told only when notifyCustomer is true."""

from __future__ import annotations

import pytest
from django.core import mail
from graphql_relay import to_global_id

from orders.models import Fulfillment
from tests.orders import test_fulfillment_tracking as service_tests
from tests.orders.test_orders import token_of

pytestmark = pytest.mark.django_db

parcel = service_tests.parcel  # the fixture: producer A's parcel in an order with B's line
tracking_events = service_tests.tracking_events

UPDATE_TRACKING = """
mutation Track($id: ID!, $input: FulfillmentUpdateTrackingInput!) {
  orderFulfillmentUpdateTracking(id: $id, input: $input) {
    fulfillment { id trackingNumber status }
    order { id number }
    errors { field message code }
    orderErrors { code }
  }
}
"""


def track(api, parcel, who: str | None, number: str, notify: bool | None = None) -> dict:
    variables = {
        "id": to_global_id("Fulfillment", parcel["fulfillment"].pk),
        "input": {"trackingNumber": number},
    }
    if notify is not None:
        variables["input"]["notifyCustomer"] = notify
    return api(UPDATE_TRACKING, variables, token=token_of(parcel[who]) if who else None)


@pytest.mark.parametrize("who", ["member_a", "staff"])
def test_parcel_producer_or_staff_update_the_number_and_the_buyer_is_told(
    api, parcel, who, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        body = track(api, parcel, who, "VTP-77", notify=True)

    data = body["data"]["orderFulfillmentUpdateTracking"]
    assert data["errors"] == [] and data["orderErrors"] == []
    assert data["fulfillment"]["trackingNumber"] == "VTP-77"
    assert data["order"]["number"] == str(parcel["order"].number)
    assert Fulfillment.objects.get().tracking_number == "VTP-77"
    assert tracking_events(parcel["order"])[-1] == "VTP-77"
    (message,) = mail.outbox
    assert message.to == ["khach@example.vn"] and "VTP-77" in message.body


def test_without_notify_customer_the_number_changes_silently(
    api, parcel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        body = track(api, parcel, "staff", "VTP-78")

    assert body["data"]["orderFulfillmentUpdateTracking"]["errors"] == []
    assert Fulfillment.objects.get().tracking_number == "VTP-78"
    assert mail.outbox == []


@pytest.mark.parametrize("who", [None, "customer", "member_b"])
def test_others_are_refused_and_nothing_changes(
    api, parcel, who, django_capture_on_commit_callbacks
):
    """Anonymous, a customer holding the guest order's ID and the other producer of the same
    order (who may see the order) may not touch producer A's parcel."""
    with django_capture_on_commit_callbacks(execute=True):
        body = track(api, parcel, who, "HACK", notify=True)

    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert body["data"]["orderFulfillmentUpdateTracking"] is None
    assert Fulfillment.objects.get().tracking_number == "GHN-1"
    assert tracking_events(parcel["order"]) == ["GHN-1"]
    assert mail.outbox == []


def test_unknown_parcel_is_not_found(api, parcel):
    body = api(
        UPDATE_TRACKING,
        {"id": to_global_id("Fulfillment", 999999), "input": {"trackingNumber": "X"}},
        token=token_of(parcel["staff"]),
    )

    errors = body["data"]["orderFulfillmentUpdateTracking"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "NOT_FOUND")]


def test_too_long_number_is_an_error_and_changes_nothing(api, parcel):
    body = track(api, parcel, "member_a", "X" * 256, notify=True)

    errors = body["data"]["orderFulfillmentUpdateTracking"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("trackingNumber", "INVALID")]
    assert Fulfillment.objects.get().tracking_number == "GHN-1"
