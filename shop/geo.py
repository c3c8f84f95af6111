"""Resolve what people type (official names, codes, pre-2025 names, no accents) to the current
province and ward rows."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import DivisionAlias, Province, Ward
from .text import fold

_PREFIXES = re.compile(r"^(tinh|thanh pho|tp\.?|phuong|xa|thi tran|dac khu)\s+")


def _bare(name: str) -> str:
    return _PREFIXES.sub("", fold(name)).strip()


def province_resolve(value: str | int) -> Province:
    """Find a province by code ("68"), official name, name without prefix/accents, or alias."""
    text = str(value).strip()
    if text.isdigit():
        province = Province.objects.filter(code=int(text)).first()
    else:
        folded = fold(text)
        province = (
            Province.objects.filter(name_folded=folded).first()
            or next((p for p in Province.objects.all() if _bare(p.name) == _bare(text)), None)
            or _alias_province(folded)
        )
    if province is None:
        raise ValidationError(
            _("Không tìm thấy tỉnh/thành phố “%(value)s”.") % {"value": text}, code="invalid"
        )
    return province


def _alias_province(folded: str) -> Province | None:
    alias = DivisionAlias.objects.filter(name_folded=folded, ward=None).select_related("province")
    found = alias.first()
    return found.province if found else None


def ward_resolve(province: Province, value: str | int) -> Ward:
    """Find a ward of ``province`` by code, name (with or without prefix/accents) or old name."""
    text = str(value).strip()
    ward: Ward | None
    if text.isdigit():
        ward = Ward.objects.filter(code=int(text)).first()
    else:
        folded = fold(text)
        candidates = list(Ward.objects.filter(province=province))
        # Exact official name first, then a former name (more specific than a bare match:
        # "Thị trấn Lạc Dương" is not "Xã Lạc Dương"), then the name without its prefix.
        ward = next((w for w in candidates if w.name_folded == folded), None)
        if ward is None:
            alias = (
                DivisionAlias.objects.filter(
                    name_folded=folded, province=province, ward__isnull=False
                )
                .select_related("ward")
                .first()
            )
            ward = alias.ward if alias else None
        if ward is None:
            ward = next((w for w in candidates if _bare(w.name) == _bare(text)), None)
    if ward is None:
        raise ValidationError(
            _("Không tìm thấy phường/xã “%(value)s”.") % {"value": text}, code="invalid"
        )
    if ward.province_id != province.code:
        raise ValidationError(
            _("Phường/xã “%(ward)s” không thuộc %(province)s.")
            % {"ward": ward.name, "province": province.name},
            code="invalid",
        )
    return ward
