from decimal import Decimal

import pytest

from shop.money import Money, format_vnd, taxed_from_gross, to_stripe_amount
from shop.text import fold, search_terms, slugify_vi


def test_fold_strips_accents_and_maps_d_stroke():
    assert fold("Cà phê Arabica ĐÀ LẠT") == "ca phe arabica da lat"
    assert fold("  Rượu   cần  ") == "ruou can"


def test_search_terms_drop_punctuation_and_duplicates():
    assert search_terms("cà phê, cà phê! (Arabica)") == ["ca", "phe", "arabica"]


def test_slugify_keeps_d_stroke_as_d():
    assert slugify_vi("Đặc sản Đà Lạt") == "dac-san-da-lat"


def test_vnd_money_is_whole_and_exact():
    price = Money(Decimal("150000"), "VND")
    assert (price * 3).amount == Decimal(450000)
    assert price.fraction_digits == 0
    assert to_stripe_amount(price) == 150000
    assert to_stripe_amount(Money(Decimal("1.50"), "USD")) == 150
    assert format_vnd(1250000) == "1.250.000 ₫"


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        Money(1.5, "VND")  # type: ignore[arg-type]


def test_vat_split_keeps_gross_exact():
    taxed = taxed_from_gross(Money(Decimal(108000), "VND"), Decimal(8))
    assert taxed.gross.amount == 108000
    assert taxed.net.amount == 100000
    assert taxed.tax.amount == 8000
