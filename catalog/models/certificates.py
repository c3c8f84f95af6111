"""OCOP certificates: the proof behind a product's star badge.

A product is *certified* only while it has a **verified** certificate whose validity has not
ended. History is kept: re-evaluation adds a new certificate and supersedes the old one. The
database allows at most one verified certificate per product.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from shop.storage import private_storage

from .fields import ScanField


class CertificateStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xác minh")
    VERIFIED = "verified", _("Đã xác minh")
    REJECTED = "rejected", _("Bị từ chối")
    EXPIRED = "expired", _("Hết hạn")
    SUPERSEDED = "superseded", _("Đã thay thế")


class IssuerLevel(models.TextChoices):
    DISTRICT = "district", _("Cấp huyện")
    PROVINCE = "province", _("Cấp tỉnh")
    CENTRAL = "central", _("Trung ương")


class Certificate(models.Model):
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, related_name="certificates"
    )
    stars = models.PositiveSmallIntegerField(_("hạng sao"))
    score = models.PositiveSmallIntegerField(_("điểm"), null=True, blank=True)
    is_potential_five_star = models.BooleanField(
        _("tiềm năng 5 sao"), default=False, help_text=_("Shown as 4★ with a note, never as 5★.")
    )
    certificate_number = models.CharField(_("số giấy chứng nhận"), max_length=100)
    decision_number = models.CharField(_("số quyết định"), max_length=100)
    decision_date = models.DateField(_("ngày quyết định"))
    issuer = models.CharField(_("cơ quan cấp"), max_length=200)
    issuer_level = models.CharField(_("cấp"), max_length=16, choices=IssuerLevel.choices)
    issued_on = models.DateField(_("ngày cấp"))
    valid_until = models.DateField(_("hiệu lực đến"))
    status = models.CharField(
        max_length=16,
        choices=CertificateStatus.choices,
        default=CertificateStatus.PENDING,
        db_index=True,
    )
    status_reason = models.TextField(_("lý do"), blank=True)
    # Private: scans show ID numbers and signatures; reached only by short-lived links.
    scan = ScanField(upload_to="certificates/", storage=private_storage, null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("giấy chứng nhận OCOP")
        verbose_name_plural = _("giấy chứng nhận OCOP")
        constraints = [
            models.CheckConstraint(
                condition=Q(stars__gte=3, stars__lte=5), name="catalog_certificate_stars_3_to_5"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100),
                name="catalog_certificate_score_0_to_100",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("issued_on")),
                name="catalog_certificate_valid_after_issue",
            ),
            models.CheckConstraint(
                condition=~Q(status="verified") | Q(verified_at__isnull=False),
                name="catalog_certificate_verified_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(is_potential_five_star=True) | Q(stars=4),
                name="catalog_certificate_potential_five_is_four",
            ),
            models.UniqueConstraint(
                fields=["product"],
                condition=Q(status="verified"),
                name="catalog_certificate_one_verified_per_product",
            ),
            models.UniqueConstraint(
                fields=["certificate_number", "issuer"], name="catalog_certificate_number_unique"
            ),
        ]
        indexes = [models.Index(fields=["status", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.certificate_number} ({self.stars}★, {self.get_status_display()})"

    def is_valid_on(self, day: datetime.date) -> bool:
        """Verified and within its validity on ``day``."""
        return (
            self.status == CertificateStatus.VERIFIED and self.issued_on <= day <= self.valid_until
        )
