"""Expiry reminders already owed or sent, one per certificate and threshold (60/30/7 days)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CertificateReminder(models.Model):
    """Written by the daily job in the same transaction as the outbox event that emails it.

    The unique pair makes a reminder happen at most once, however often the job runs; the
    email consumer fills ``sent_at`` (and ``recipients``) once it has sent it."""

    class Threshold(models.IntegerChoices):
        DAYS_60 = 60, _("60 ngày")
        DAYS_30 = 30, _("30 ngày")
        DAYS_7 = 7, _("7 ngày")

    certificate = models.ForeignKey(
        "catalog.Certificate", on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField(
        _("số ngày trước hạn"), choices=Threshold.choices
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nhắc hạn giấy chứng nhận")
        verbose_name_plural = _("nhắc hạn giấy chứng nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "days_before"], name="catalog_reminder_once_per_threshold"
            ),
            models.CheckConstraint(
                condition=Q(days_before__in=[60, 30, 7]), name="catalog_reminder_known_threshold"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id} −{self.days_before}d"
