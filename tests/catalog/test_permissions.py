"""catalog.permissions: who may edit which producer's catalogue data."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from catalog.models import ProducerMember
from catalog.permissions import (
    can_edit_producer,
    editable_products,
    member_producer_ids,
    require_producer_editor,
)
from tests.catalog.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model):
    a, b = make_producer(), make_producer()
    product_a, product_b = make_product(producer=a), make_product(producer=b)
    member_a = django_user_model.objects.create_user(email="a@htx.vn", password="x-pass-123")
    ProducerMember.objects.create(producer=a, user=member_a)
    customer = django_user_model.objects.create_user(email="c@mail.vn", password="x-pass-123")
    staff = django_user_model.objects.create_user(
        email="s@ocop.vn", password="x-pass-123", is_staff=True
    )
    return {
        "a": a,
        "b": b,
        "product_a": product_a,
        "product_b": product_b,
        "member_a": member_a,
        "customer": customer,
        "staff": staff,
    }


def test_member_edits_only_its_own_producer(world):
    member = world["member_a"]
    assert member_producer_ids(member) == frozenset({world["a"].pk})
    assert can_edit_producer(member, world["a"].pk)
    assert not can_edit_producer(member, world["b"].pk)
    require_producer_editor(member, world["a"].pk)
    with pytest.raises(PermissionDenied):
        require_producer_editor(member, world["b"].pk)
    assert list(editable_products(member)) == [world["product_a"]]


def test_staff_edits_every_producer(world):
    staff = world["staff"]
    assert can_edit_producer(staff, world["b"].pk)
    require_producer_editor(staff, world["b"].pk)
    assert set(editable_products(staff)) == {world["product_a"], world["product_b"]}


@pytest.mark.parametrize("who", ["anonymous", "customer", "inactive_member"])
def test_others_edit_nothing(world, who):
    if who == "anonymous":
        user = AnonymousUser()
    elif who == "customer":
        user = world["customer"]
    else:
        user = world["member_a"]
        user.is_active = False
        user.save(update_fields=["is_active"])
    assert member_producer_ids(user) == frozenset()
    assert not can_edit_producer(user, world["a"].pk)
    with pytest.raises(PermissionDenied):
        require_producer_editor(user, world["a"].pk)
    assert not editable_products(user).exists()


def test_member_producer_ids_is_one_query_per_user(world, django_assert_num_queries):
    member = world["member_a"]
    with django_assert_num_queries(1):
        member_producer_ids(member)
        member_producer_ids(member)
