"""Demo data for orders: a demo buyer with a saved Lâm Đồng address. Run from ``seed_demo``
only (never from migrations); idempotent."""

from __future__ import annotations

from django.db import transaction

from accounts import services as account_services
from accounts.models import User

DEMO_BUYER_EMAIL = "buyer@demo.ocop.vn"
DEMO_BUYER_PASSWORD = "demo12345"  # demo only: printed by seed_demo, never used in production
DEMO_BUYER_ADDRESS = {
    "first_name": "Khách",
    "last_name": "Trình Diễn",
    "street_address_1": "15 Đường Lang Biang",
    "city": "Xã Lạc Dương",
    "country_area": "Lâm Đồng",
    "country": "VN",
    "phone": "0912000111",
}


@transaction.atomic
def demo_buyer_create() -> tuple[User, bool]:
    """The demo customer and whether it was created now. An existing one is left as it is
    (its password too); a missing default address is added again."""
    user = User.objects.filter(email=DEMO_BUYER_EMAIL).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            email=DEMO_BUYER_EMAIL,
            password=DEMO_BUYER_PASSWORD,
            first_name=DEMO_BUYER_ADDRESS["first_name"],
            last_name=DEMO_BUYER_ADDRESS["last_name"],
            language_code="vi",
        )
    if user.default_shipping_address_id is None:
        address = account_services.address_create(
            user=user, data=DEMO_BUYER_ADDRESS, address_type="shipping"
        )
        if user.default_billing_address_id is None:
            account_services.address_set_default(user=user, address=address, address_type="billing")
    return user, created
