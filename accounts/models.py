"""Users (one account model for buyers, producer members and OCOP staff; login by email) and
addresses (an address book per user, and the snapshots checkouts and orders copy)."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from shop.models import Province, Ward


def new_jwt_token_key() -> str:
    return get_random_string(length=12)


class Address(models.Model):
    """A postal address in Saleor's shape.

    For Vietnam (two levels since July 2025) ``country_area`` holds the official province name
    and ``city`` the official ward/commune name, with the codes in ``province``/``ward``;
    ``city_area`` is kept for what clients send (old district names) and not used. Other
    countries are stored as given. A row belongs to a user's address book through
    ``User.addresses``; checkouts and orders keep their own copies (:meth:`copy`), so editing
    the address book never rewrites an order.
    """

    first_name = models.CharField(max_length=256, blank=True)
    last_name = models.CharField(max_length=256, blank=True)
    company_name = models.CharField(max_length=256, blank=True)
    street_address_1 = models.CharField(max_length=256, blank=True)
    street_address_2 = models.CharField(max_length=256, blank=True)
    city = models.CharField(max_length=256, blank=True)
    city_area = models.CharField(max_length=128, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="VN")
    country_area = models.CharField(max_length=128, blank=True)
    phone = models.CharField(max_length=128, blank=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("địa chỉ")
        verbose_name_plural = _("địa chỉ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ward__isnull=True) | models.Q(province__isnull=False),
                name="accounts_address_ward_needs_province",
            )
        ]

    def __str__(self) -> str:
        parts = [self.street_address_1, self.street_address_2, self.city, self.country_area]
        return ", ".join(part for part in parts if part)

    def copy(self) -> Address:
        """A saved copy not tied to any user (a checkout's or an order's snapshot)."""
        values = {
            field.attname: copy.deepcopy(getattr(self, field.attname))
            for field in self._meta.concrete_fields
            if not field.primary_key
        }
        return Address.objects.create(**values)


class UserManager(BaseUserManager["User"]):
    """Creates users keyed by a normalised (lower-cased) email."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. ``is_staff`` marks OCOP office staff (district/province)."""

    email = models.EmailField(_("email"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    language_code = models.CharField(max_length=35, default="vi")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        default=False, help_text=_("OCOP office staff: may use the admin and verify certificates.")
    )
    date_joined = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    addresses = models.ManyToManyField(Address, blank=True, related_name="user_addresses")
    default_shipping_address = models.ForeignKey(
        Address, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    default_billing_address = models.ForeignKey(
        Address, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Part of every JWT: a new key (password change or reset) revokes all tokens issued before.
    jwt_token_key = models.CharField(max_length=12, default=new_jwt_token_key)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def get_short_name(self) -> str:
        return self.first_name or self.email
