"""``manage.py certificates_daily [--today YYYY-MM-DD] [--dry-run]``: the daily certificate job
(also run by Celery beat at 00:15): expire lapsed certificates, queue expiry reminders."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from catalog.reminders import certificates_daily


class Command(BaseCommand):
    help = (
        "Đánh dấu giấy chứng nhận OCOP hết hạn và gửi nhắc hạn 60/30/7 ngày (mark expired "
        "certificates, send expiry reminders). Chạy nhiều lần trong ngày cũng không gửi trùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", metavar="YYYY-MM-DD", help="Run as if on this date.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would happen; write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today must be a date YYYY-MM-DD.") from None
        summary = certificates_daily(today=today, dry_run=options["dry_run"])
        self.stdout.write(summary.as_text())
