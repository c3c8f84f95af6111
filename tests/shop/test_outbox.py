"""The outbox delivers after commit, retries failures and never loses an event."""

import datetime

import pytest
from django.utils import timezone

from shop.models import OutboxEvent
from shop.outbox import _consumers, outbox_consumer, outbox_dispatch_due, outbox_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    seen: list[dict] = []
    saved = dict(_consumers)
    outbox_consumer("test.topic")(seen.append)
    yield seen
    _consumers.clear()
    _consumers.update(saved)


def test_event_is_delivered_after_commit(received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outbox_publish("test.topic", {"n": 1})
        assert received == []  # nothing before commit
    assert received == [{"n": 1}]
    assert OutboxEvent.objects.get().done_at is not None


def test_failing_consumer_is_retried_later_and_others_still_run(received):
    calls = {"n": 0}

    @outbox_consumer("test.flaky")
    def flaky(payload):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("mail server down")

    outbox_publish("test.flaky", {})
    outbox_publish("test.topic", {"n": 2})
    assert outbox_dispatch_due() == 1
    flaky_event = OutboxEvent.objects.get(topic="test.flaky")
    assert flaky_event.done_at is None and "mail server down" in flaky_event.last_error
    assert received == [{"n": 2}]
    later = timezone.now() + datetime.timedelta(hours=1)
    assert outbox_dispatch_due(now=later) == 1
    assert OutboxEvent.objects.filter(done_at__isnull=True).count() == 0
    _consumers.pop("test.flaky", None)
