"""Producers (chủ thể OCOP): who makes the products, where, and their story."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .fields import EditorJSField, PhotoField


class ProducerKind(models.TextChoices):
    COOPERATIVE = "cooperative", _("Hợp tác xã")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")
    HOUSEHOLD = "household", _("Hộ kinh doanh / cơ sở sản xuất")


class Producer(models.Model):
    name = models.CharField(_("tên"), max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=False)
    kind = models.CharField(_("loại hình"), max_length=32, choices=ProducerKind.choices)
    registration_number = models.CharField(
        _("số đăng ký kinh doanh / mã số thuế"), max_length=50, blank=True
    )
    province = models.ForeignKey("shop.Province", on_delete=models.PROTECT, related_name="+")
    ward = models.ForeignKey("shop.Ward", on_delete=models.PROTECT, related_name="+")
    street_address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    founded_year = models.PositiveSmallIntegerField(_("năm thành lập"), null=True, blank=True)
    members = models.PositiveIntegerField(_("số thành viên"), null=True, blank=True)
    community = models.CharField(
        _("cộng đồng"), max_length=200, blank=True, help_text=_("Ví dụ: đồng bào K'Ho")
    )
    # EditorJS JSON as written by the producer; ``story_html`` is its sanitised rendering,
    # made on write so no request renders or trusts raw input.
    story = EditorJSField(_("câu chuyện"), default=dict, blank=True)
    story_html = models.TextField(editable=False, blank=True, default="")
    logo = PhotoField(upload_to="producers/logos/", null=True, blank=True)
    logo_alt = models.CharField(max_length=250, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_phone = models.CharField(max_length=20, blank=True)
    contact_email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    is_active = models.BooleanField(default=True)
    metadata = models.JSONField(default=dict, blank=True)
    search_document = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("chủ thể OCOP")
        verbose_name_plural = _("chủ thể OCOP")
        constraints = [
            models.CheckConstraint(
                condition=Q(founded_year__isnull=True)
                | Q(founded_year__gte=1900, founded_year__lte=2100),
                name="catalog_producer_founded_year_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProducerTranslation(models.Model):
    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=8)
    name = models.CharField(max_length=200, blank=True)
    story = EditorJSField(default=dict, blank=True)
    story_html = models.TextField(editable=False, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["producer", "language_code"], name="catalog_producer_translation_unique"
            )
        ]


class ProducerMedia(models.Model):
    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="media")
    image = PhotoField(upload_to="producers/photos/")
    alt = models.CharField(max_length=250, blank=True)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]


class ProducerMember(models.Model):
    """A user who may act for a producer (portal, fulfilment, certificates)."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Chủ cơ sở")
        MANAGER = "manager", _("Quản lý")
        STAFF = "staff", _("Nhân viên")

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="producer_memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["producer", "user"], name="catalog_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.producer} ({self.role})"
