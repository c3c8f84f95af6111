"""Account reads, shaped for the API (no per-row queries in resolvers)."""

from __future__ import annotations

from django.db.models import prefetch_related_objects

from .models import Address, User


def user_with_addresses(user: User) -> User:
    """``user`` with its address book loaded in one query (``me { addresses ... }``)."""
    if not hasattr(user, "_prefetched_objects_cache") or (
        "addresses" not in user._prefetched_objects_cache
    ):
        prefetch_related_objects([user], "addresses")
    return user


def address_of_user(*, user: User, pk: int) -> Address | None:
    """One of ``user``'s addresses, or None: another user's address is never found."""
    return user.addresses.filter(pk=pk).first()
