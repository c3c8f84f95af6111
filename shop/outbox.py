"""The transactional outbox: publish inside the writing transaction, deliver after commit.

``outbox_publish`` stores an :class:`~shop.models.OutboxEvent` in the caller's transaction and
asks for a dispatch once it commits (a Celery task; inline when Celery runs eagerly). The
dispatcher claims due events with ``SELECT … FOR UPDATE SKIP LOCKED`` (on PostgreSQL), runs
the consumers registered for the topic and marks the event done; a failure is retried later
with exponential backoff, up to ``MAX_ATTEMPTS``.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import OutboxEvent

logger = logging.getLogger("shop.outbox")

MAX_ATTEMPTS = 8
Consumer = Callable[[dict[str, Any]], None]
_consumers: dict[str, list[Consumer]] = defaultdict(list)


def outbox_consumer(topic: str) -> Callable[[Consumer], Consumer]:
    """Register a function that handles ``topic`` events (called with the payload)."""

    def register(fn: Consumer) -> Consumer:
        if fn not in _consumers[topic]:
            _consumers[topic].append(fn)
        return fn

    return register


def outbox_publish(topic: str, payload: dict[str, Any]) -> OutboxEvent:
    event = OutboxEvent.objects.create(topic=topic, payload=payload, available_at=timezone.now())
    transaction.on_commit(_request_dispatch)
    return event


def _request_dispatch() -> None:
    from .tasks import outbox_dispatch

    try:
        outbox_dispatch.delay()
    except Exception:  # the broker is down: the periodic dispatch will deliver it later
        logger.warning("could not enqueue outbox dispatch", exc_info=True)


def outbox_dispatch_due(*, limit: int = 100, now: datetime.datetime | None = None) -> int:
    """Deliver up to ``limit`` due events; return how many were completed."""
    now = now or timezone.now()
    done = 0
    for _ in range(limit):
        with transaction.atomic():
            event = (
                OutboxEvent.objects.select_for_update(skip_locked=True)
                .filter(done_at__isnull=True, available_at__lte=now, attempts__lt=MAX_ATTEMPTS)
                .order_by("pk")
                .first()
            )
            if event is None:
                break
            try:
                with transaction.atomic():
                    for consumer in _consumers.get(event.topic, []):
                        consumer(event.payload)
            except Exception as exc:  # one bad event must not block the others
                event.attempts += 1
                event.last_error = f"{type(exc).__name__}: {exc}"[:2000]
                event.available_at = now + datetime.timedelta(seconds=30 * 2**event.attempts)
                event.save(update_fields=["attempts", "last_error", "available_at"])
                logger.exception("outbox event %s (%s) failed", event.pk, event.topic)
                continue
            event.done_at = timezone.now()
            event.attempts += 1
            event.save(update_fields=["done_at", "attempts"])
            done += 1
    return done
