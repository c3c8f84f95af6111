"""Periodic order tasks (thin and idempotent: the work is in services).

``CELERY_BEAT_SCHEDULE`` is wired into the settings (``shop/settings.py``) by the composition
root; it is kept here, next to the tasks it names.
"""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab


@shared_task(name="orders.checkouts_expire", ignore_result=True)
def checkouts_expire_task() -> int:
    """Delete abandoned checkouts and release expired stock holds."""
    from .checkout import checkouts_expire

    return checkouts_expire()


CELERY_BEAT_SCHEDULE = {
    "orders-checkouts-expire": {
        "task": "orders.checkouts_expire",
        "schedule": crontab(minute="*/10"),
        "options": {"expires": 9 * 60},
    },
    # The safety net of the outbox: events whose on-commit dispatch was lost (broker down,
    # worker killed) are delivered within a minute.
    "shop-outbox-dispatch": {
        "task": "shop.outbox_dispatch",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
}
