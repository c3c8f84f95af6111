"""Provinces and wards after the 2025 reform, with the names people still type."""

import pytest
from django.core.exceptions import ValidationError

from shop.geo import province_resolve, ward_resolve
from shop.models import Province, Ward

pytestmark = pytest.mark.django_db


def test_divisions_are_loaded_from_the_official_list():
    assert Province.objects.count() == 34
    assert Ward.objects.count() == 3321


@pytest.mark.parametrize(
    "value", ["68", 68, "Lâm Đồng", "lam dong", "Tỉnh Lâm Đồng", "Đắk Nông", "Bình Thuận"]
)
def test_province_by_code_name_or_former_name(value):
    assert province_resolve(value).code == 68


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Phường Lang Biang - Đà Lạt", "Phường Lang Biang - Đà Lạt"),
        ("lang biang - da lat", "Phường Lang Biang - Đà Lạt"),
        ("24848", "Xã Lạc Dương"),
        ("Lạc Dương", "Xã Lạc Dương"),
        ("Xã Lát", "Phường Lang Biang - Đà Lạt"),
        ("Thị trấn Lạc Dương", "Phường Lang Biang - Đà Lạt"),
    ],
)
def test_ward_by_name_code_or_former_name(value, expected):
    assert ward_resolve(province_resolve("Lâm Đồng"), value).name == expected


def test_unknown_names_and_wrong_province_are_clear_errors():
    with pytest.raises(ValidationError, match="tỉnh"):
        province_resolve("Atlantis")
    with pytest.raises(ValidationError, match="không thuộc"):
        ward_resolve(province_resolve("Hà Nội"), "24848")
    with pytest.raises(ValidationError):
        ward_resolve(province_resolve("Hà Nội"), "Xã Không Có")
