"""OCOP star badges: our own SVG seals (static files) and their alt text.

The official OCOP logo belongs to the programme; these seals only state the class a product was
rated, so storefronts show one next to the certificate details.
"""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.translation import gettext

BADGE_STARS = (3, 4, 5)


def badge_for(*, stars: int, potential_five: bool = False) -> tuple[str, str]:
    """Return ``(static URL, alt text)`` of the badge for an OCOP class of ``stars``.

    ``potential_five`` marks a 4-star product rated as having 5-star potential ("4 sao tiềm năng
    5 sao"); it shows four stars and a note, never five. Raises ``ValueError`` for a class outside
    3–5 stars or potential on anything but 4 stars.
    """
    if isinstance(stars, bool) or not isinstance(stars, int) or stars not in BADGE_STARS:
        raise ValueError(f"OCOP badges exist for 3, 4 and 5 stars, not {stars}.")
    if potential_five:
        if stars != 4:
            raise ValueError("Only a 4-star product can have 5-star potential.")
        return (
            static("catalog/badges/ocop-4-sao-tiem-nang-5.svg"),
            gettext("Chứng nhận OCOP 4 sao, tiềm năng 5 sao"),
        )
    return (
        static(f"catalog/badges/ocop-{stars}-sao.svg"),
        gettext("Chứng nhận OCOP %(stars)d sao") % {"stars": stars},
    )
