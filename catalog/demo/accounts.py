"""DEMO sign-ins: one member for each demo producer (``<producer-slug>@demo.ocop.vn``) and one
OCOP staff account (``staff@demo.ocop.vn``), all with the password ``demo12345``.

Created by ``manage.py seed_demo`` only, never by migrations or any other command. Idempotent:
existing accounts are left as they are (their passwords too); a missing membership is added.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from catalog.models import Producer, ProducerMember

from .producers import PRODUCERS

DEMO_DOMAIN = "demo.ocop.vn"
DEMO_PASSWORD = "demo12345"  # demo only: printed by seed_demo, never used in production
DEMO_STAFF_EMAIL = f"staff@{DEMO_DOMAIN}"
DEMO_STAFF_GROUP = "Cán bộ OCOP (demo)"
# The demo staff account manages the shop's own data in the admin (not auth groups or sessions).
DEMO_STAFF_APPS = ("accounts", "catalog", "orders", "payments", "marketplaces", "shop")


def demo_member_email(producer_slug: str) -> str:
    return f"{producer_slug}@{DEMO_DOMAIN}"


@dataclass
class DemoSignins:
    members_created: int = 0
    staff_created: bool = False


@transaction.atomic
def demo_signins_create() -> DemoSignins:
    """The demo producers' member accounts and the demo OCOP staff account."""
    User = get_user_model()
    result = DemoSignins()
    slugs = [entry["slug"] for entry in PRODUCERS]
    producers = {p.slug: p for p in Producer.objects.filter(slug__in=slugs)}
    existing = {
        u.email: u for u in User.objects.filter(email__in=[demo_member_email(s) for s in producers])
    }
    for slug in slugs:
        producer = producers.get(slug)
        if producer is None:
            continue
        email = demo_member_email(slug)
        user = existing.get(email)
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=DEMO_PASSWORD,
                first_name="Thành viên",
                last_name=producer.name[:150],
                language_code="vi",
            )
            result.members_created += 1
        ProducerMember.objects.get_or_create(
            producer=producer, user=user, defaults={"role": ProducerMember.Role.OWNER}
        )
    group, _created = Group.objects.get_or_create(name=DEMO_STAFF_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=DEMO_STAFF_APPS))
    if not User.objects.filter(email=DEMO_STAFF_EMAIL).exists():
        staff = User.objects.create_user(
            email=DEMO_STAFF_EMAIL,
            password=DEMO_PASSWORD,
            first_name="Cán bộ",
            last_name="OCOP Lâm Đồng",
            language_code="vi",
            is_staff=True,
        )
        staff.groups.add(group)
        result.staff_created = True
    return result
