"""``manage.py payments_reconcile [--fix] [--older-than-minutes N]``: charged money without an
order, and orders charged more than they are owed (``payments.reconcile``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from payments.reconcile import ORPHAN, OVERCHARGED, payments_reconcile

LABELS = {ORPHAN: "charges without an order", OVERCHARGED: "orders charged more than owed"}


class Command(BaseCommand):
    help = (
        "Lists (a) transactions with charged money whose checkout never became an order, older "
        "than a grace period, and (b) orders charged more than their total (a cancelled order "
        "is owed nothing). With --fix, (a) is completed into an order when the checkout still "
        "exists, is fully paid and completes, otherwise refunded through the gateway; (b) has "
        "the excess refunded. Safe to repeat: a second --fix finds nothing. Exit status: 0 when "
        "nothing is left to do; 1 when problems were found without --fix (so a scheduled check "
        "can alert), or when some fixes failed with --fix."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fix", action="store_true", help="resolve what is found")
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=30,
            help="grace period for charges without an order (default 30)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        minutes = options["older_than_minutes"]
        if minutes < 0:
            raise CommandError("--older-than-minutes must be 0 or more")
        fix = options["fix"]
        report = payments_reconcile(fix=fix, older_than=timedelta(minutes=minutes))
        for finding in report.findings:
            line = (
                f"{finding.outcome.upper():6} {LABELS[finding.kind]}: {finding.reference} "
                f"{finding.amount:,.0f} VND → {finding.action}"
            )
            self.stdout.write(line + (f" ({finding.message})" if finding.message else ""))
        self.stdout.write("Summary:")
        for kind, label in LABELS.items():
            parts = [f"found {report.count(kind)} ({report.amount(kind):,.0f} VND)"]
            if fix:
                for outcome in ("fixed", "failed"):
                    parts.append(
                        f"{outcome} {report.count(kind, outcome)} "
                        f"({report.amount(kind, outcome):,.0f} VND)"
                    )
            self.stdout.write(f"  {label}: " + ", ".join(parts))
        if report.remaining:
            raise CommandError(f"{report.remaining} payment problem(s) remain")
