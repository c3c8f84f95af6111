"""Staff reports on the catalogue (read-only selectors; the admin pages live in
``shop.admin_reports``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q

from .models import Channel, Product
from .ocop_groups import OCOP_GROUPS
from .selectors import products_visible

GROUP_NAMES: dict[int, tuple[str, str]] = {
    number: (vi, en) for number, _s, vi, en, _sub in OCOP_GROUPS
}


@dataclass(frozen=True)
class StarGroupRow:
    stars: int | None  # None: no certificate has ever been verified for these products
    group: int | None
    group_name: str
    visible: int  # certified today and published in the channel
    total: int


def products_per_star_and_group(
    *, channel: Channel, today: datetime.date | None = None
) -> list[StarGroupRow]:
    """Products counted per star class of their current certificate and per OCOP group of
    their category: all of them, and those the public sees in ``channel``. One query."""
    visible = products_visible(channel=channel, today=today).values("pk")
    rows = (
        Product.objects.values(
            stars=F("current_certificate__stars"), group=F("category__ocop_group")
        )
        .annotate(total=Count("pk"), visible=Count("pk", filter=Q(pk__in=visible)))
        .order_by(F("stars").desc(nulls_last=True), F("group").asc(nulls_last=True))
    )
    return [
        StarGroupRow(
            stars=row["stars"],
            group=row["group"],
            group_name=GROUP_NAMES.get(row["group"], ("—", "—"))[0],
            visible=row["visible"],
            total=row["total"],
        )
        for row in rows
    ]
