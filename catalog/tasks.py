"""Periodic catalogue tasks (thin: the work is in ``catalog.reminders``).

``CELERY_BEAT_SCHEDULE`` is merged into the settings' schedule (``shop/settings.py``).
"""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab


@shared_task(name="catalog.certificates_daily", ignore_result=True)
def certificates_daily_task() -> str:
    """Expire lapsed certificates and queue the 60/30/7-day expiry reminders (idempotent)."""
    from .reminders import certificates_daily

    return certificates_daily().as_text()


CELERY_BEAT_SCHEDULE = {
    # 00:15 local time (CELERY_TIMEZONE is Asia/Ho_Chi_Minh): just after the day turns, so a
    # certificate valid "until" yesterday is hidden and marked expired before shoppers wake.
    "catalog-certificates-daily": {
        "task": "catalog.certificates_daily",
        "schedule": crontab(hour=0, minute=15),
        "options": {"expires": 6 * 60 * 60},
    },
}
