"""Fixtures for the producer portal: two producers with products, their members, a customer,
OCOP staff, and signed-in test clients for each."""

from __future__ import annotations

import itertools

import pytest
from django.test import Client

from accounts.models import User
from catalog.models import ProducerMember
from tests.catalog.factories import make_producer, make_product

PASSWORD = "Mat-khau-2025"
_seq = itertools.count(1)


def user_make(*, is_staff: bool = False, producer=None, email: str | None = None) -> User:
    n = next(_seq)
    user = User.objects.create_user(
        email=email or f"portal{n}@example.vn", password=PASSWORD, is_staff=is_staff
    )
    if producer is not None:
        ProducerMember.objects.create(producer=producer, user=user, role="owner")
    return user


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def world(db):
    """Producer A (two products) and B (one product), and one user per role."""
    a = make_producer("HTX Cà phê Lạc Dương")
    b = make_producer("HTX Dâu tây Đà Lạt")
    a1 = make_product("Cà phê Arabica Cầu Đất", producer=a, prices=(150000, 280000), stock=10)
    a2 = make_product("Trà Atiso", producer=a, prices=(90000,), stock=3)
    b1 = make_product("Mứt dâu tây", producer=b, prices=(70000,), stock=20)
    return {
        "a": a,
        "b": b,
        "a1": a1,
        "a2": a2,
        "b1": b1,
        "member_a": user_make(producer=a),
        "member_b": user_make(producer=b),
        "customer": user_make(),
        "staff": user_make(is_staff=True),
    }
