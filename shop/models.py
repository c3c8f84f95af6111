"""Shared reference data: Vietnam's administrative divisions after the July 2025 reform.

Two levels only (34 provinces, 3,321 wards/communes/special zones), loaded by a data migration
from the maintained ``vietnam-provinces`` package. Pre-2025 names (merged provinces, abolished
districts and old communes) live in ``DivisionAlias`` so buyers and producers can still type them.
Both ``catalog`` (producer addresses) and ``accounts`` (buyer addresses) use these tables, so
they live in the shared core rather than in either app.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    code = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=100)
    codename = models.CharField(max_length=100, unique=True)
    division_type = models.CharField(max_length=40)
    name_folded = models.CharField(max_length=100, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tỉnh/thành phố")
        verbose_name_plural = _("tỉnh/thành phố")

    def __str__(self) -> str:
        return self.name


class Ward(models.Model):
    code = models.PositiveIntegerField(primary_key=True)
    name = models.CharField(max_length=120)
    codename = models.CharField(max_length=120)
    division_type = models.CharField(max_length=40)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="wards")
    name_folded = models.CharField(max_length=120, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("phường/xã")
        verbose_name_plural = _("phường/xã")

    def __str__(self) -> str:
        return self.name


class DivisionAlias(models.Model):
    """A pre-2025 (or informal) name that resolves to a current province or ward."""

    name_folded = models.CharField(max_length=120, db_index=True)
    display_name = models.CharField(max_length=120)
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="aliases")
    ward = models.ForeignKey(
        Ward, on_delete=models.CASCADE, related_name="aliases", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["name_folded", "province", "ward"], name="shop_alias_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} → {self.ward or self.province}"


class OutboxEvent(models.Model):
    """A reaction owed to another part of the shop, written in the same transaction as the
    change that causes it (order placed → emails; stock changed → marketplace push).

    An event is done only when its consumer has run and marked it; a dead worker leaves it
    pending and the next dispatch picks it up again (at-least-once, so consumers are idempotent).
    """

    topic = models.CharField(max_length=100, db_index=True)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    available_at = models.DateTimeField(db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["done_at", "available_at"], name="shop_outbox_pending")]

    def __str__(self) -> str:
        return f"{self.topic} #{self.pk}"
