"""Shared background tasks."""

from celery import shared_task


@shared_task(name="shop.outbox_dispatch", ignore_result=True)
def outbox_dispatch() -> int:
    from .outbox import outbox_dispatch_due

    return outbox_dispatch_due()
