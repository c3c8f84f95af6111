"""Who may edit which producer's catalogue data.

OCOP staff (``user.is_staff``) may edit everything; a producer's members (``ProducerMember``)
only their own producers' products, variants, stock, prices and photos; everyone else nothing.
Services stay permission-free; GraphQL mutations and portal views call these checks first.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .models import ProducerMember, Product

# The same attribute orders.services.user_producer_ids caches on, so one request pays one query.
_CACHE_ATTR = "_ocop_producer_ids"


def _active(user: Any) -> bool:
    return (
        user is not None
        and getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
    )


def member_producer_ids(user: Any) -> frozenset[int]:
    """Producers ``user`` is a member of (one query, cached on the user object)."""
    if not _active(user):
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = frozenset(
            ProducerMember.objects.filter(user=user).values_list("producer_id", flat=True)
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def is_ocop_staff(user: Any) -> bool:
    return _active(user) and bool(user.is_staff)


def can_edit_producer(user: Any, producer_id: int | None) -> bool:
    """Staff may edit any producer's data; a member only its own producers'."""
    if not _active(user):
        return False
    if user.is_staff:
        return True
    return producer_id is not None and producer_id in member_producer_ids(user)


def require_producer_editor(user: Any, producer_id: int | None) -> None:
    """Raise ``PermissionDenied`` unless ``user`` may edit ``producer_id``'s data."""
    if not _active(user):
        raise PermissionDenied(
            _("To access this path, you need one of the following permissions: MANAGE_PRODUCTS")
        )
    if not can_edit_producer(user, producer_id):
        raise PermissionDenied(_("Bạn chỉ được sửa dữ liệu của chủ thể sản xuất của mình."))


def editable_products(user: Any) -> QuerySet[Product]:
    """Products ``user`` may edit: staff all, a member its producers', anyone else none."""
    if not _active(user):
        return Product.objects.none()
    if user.is_staff:
        return Product.objects.all()
    return Product.objects.filter(producer_id__in=member_producer_ids(user))
