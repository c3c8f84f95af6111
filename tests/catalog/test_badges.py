"""OCOP star badges: the static SVG files and ``badge_for``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from catalog.badges import badge_for

SVG = "{http://www.w3.org/2000/svg}"
BADGES_DIR = Path(__file__).resolve().parents[2] / "catalog" / "static" / "catalog" / "badges"
BADGES = {
    "ocop-3-sao.svg": (3, "Sản phẩm OCOP 3 sao"),
    "ocop-4-sao.svg": (4, "Sản phẩm OCOP 4 sao"),
    "ocop-5-sao.svg": (5, "Sản phẩm OCOP 5 sao"),
    "ocop-4-sao-tiem-nang-5.svg": (4, "Sản phẩm OCOP 4 sao, tiềm năng 5 sao"),
}


def star_count(root: ET.Element) -> int:
    return len(root.findall(f"{SVG}use"))


def fill_colours(root: ET.Element) -> set[str]:
    fills = (element.get("fill") or "" for element in root.iter())
    return {fill for fill in fills if fill.startswith("#")}


@pytest.mark.parametrize(("file_name", "expected"), BADGES.items())
def test_badge_svg_is_a_small_accessible_seal(file_name: str, expected: tuple[int, str]) -> None:
    stars, title = expected
    path = BADGES_DIR / file_name

    assert path.stat().st_size < 3 * 1024
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 120 120"
    title_element = root.find(f"{SVG}title")
    assert title_element is not None and title_element.text == title
    assert root.get("aria-labelledby") == title_element.get("id")
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert "OCOP" in texts
    assert f"{stars} SAO" in texts
    assert root.find(f"{SVG}circle") is not None
    assert star_count(root) == stars


def test_badge_potential_five_has_four_stars_and_a_note() -> None:
    root = ET.parse(BADGES_DIR / "ocop-4-sao-tiem-nang-5.svg").getroot()
    assert star_count(root) == 4
    assert "TIỀM NĂNG 5 SAO" in [text.text for text in root.iter(f"{SVG}text")]


def test_badge_classes_have_distinct_colours() -> None:
    colours = {
        name: fill_colours(ET.parse(BADGES_DIR / name).getroot())
        for name in ("ocop-3-sao.svg", "ocop-4-sao.svg", "ocop-5-sao.svg")
    }
    assert colours["ocop-3-sao.svg"].isdisjoint(colours["ocop-4-sao.svg"])
    assert colours["ocop-3-sao.svg"].isdisjoint(colours["ocop-5-sao.svg"])
    assert colours["ocop-4-sao.svg"].isdisjoint(colours["ocop-5-sao.svg"])


def test_badge_ids_are_unique_across_files() -> None:
    """Several badges may be inlined in one page: their ids must not collide."""
    ids = [re.findall(r'id="([^"]+)"', path.read_text()) for path in BADGES_DIR.glob("*.svg")]
    flat = [value for file_ids in ids for value in file_ids]
    assert len(flat) == len(set(flat))


@pytest.mark.parametrize(
    ("stars", "potential_five", "file_name", "alt"),
    [
        (3, False, "ocop-3-sao.svg", "Chứng nhận OCOP 3 sao"),
        (4, False, "ocop-4-sao.svg", "Chứng nhận OCOP 4 sao"),
        (5, False, "ocop-5-sao.svg", "Chứng nhận OCOP 5 sao"),
        (4, True, "ocop-4-sao-tiem-nang-5.svg", "Chứng nhận OCOP 4 sao, tiềm năng 5 sao"),
    ],
)
def test_badge_for_returns_the_static_url_and_alt_text(
    stars: int, potential_five: bool, file_name: str, alt: str
) -> None:
    url, alt_text = badge_for(stars=stars, potential_five=potential_five)

    assert url == f"/static/catalog/badges/{file_name}"
    assert alt_text == alt
    assert finders.find(f"catalog/badges/{file_name}") == str(BADGES_DIR / file_name)


@pytest.mark.parametrize("stars", [0, 1, 2, 6, True, 4.0])
def test_badge_for_refuses_classes_without_a_badge(stars) -> None:
    with pytest.raises(ValueError, match="3, 4 and 5"):
        badge_for(stars=stars)


@pytest.mark.parametrize("stars", [3, 5])
def test_badge_for_potential_five_only_for_four_stars(stars: int) -> None:
    with pytest.raises(ValueError, match="4-star"):
        badge_for(stars=stars, potential_five=True)
