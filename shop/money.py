"""Money: exact amounts in a currency, never floats.

VND has no minor unit (ISO 4217 exponent 0): 150000 means 150.000 ₫. ``to_stripe_amount`` is
the one place that turns an amount into a payment provider's integer minor units.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# ISO 4217 exponents that differ from 2. Stripe's zero-decimal list matches these for the
# currencies we may sell in.
_EXPONENTS: dict[str, int] = {
    "VND": 0,
    "JPY": 0,
    "KRW": 0,
    "CLP": 0,
    "XAF": 0,
    "XOF": 0,
    "BIF": 0,
    "DJF": 0,
    "GNF": 0,
    "KMF": 0,
    "MGA": 0,
    "PYG": 0,
    "RWF": 0,
    "UGX": 0,
    "VUV": 0,
    "XPF": 0,
    "BHD": 3,
    "JOD": 3,
    "KWD": 3,
    "OMR": 3,
    "TND": 3,
}


def currency_exponent(currency: str) -> int:
    return _EXPONENTS.get(currency.upper(), 2)


def quantize(amount: Decimal | int | str, currency: str) -> Decimal:
    """Round ``amount`` half-up to the currency's exponent (whole đồng for VND)."""
    exponent = currency_exponent(currency)
    return Decimal(amount).quantize(Decimal(1).scaleb(-exponent), rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise TypeError("Money never takes a float; use Decimal or int.")
        object.__setattr__(self, "amount", quantize(self.amount, self.currency))

    @property
    def fraction_digits(self) -> int:
        return currency_exponent(self.currency)

    @property
    def fractional_amount(self) -> int:
        """The amount in minor units (VND: the amount itself)."""
        return int(self.amount.scaleb(self.fraction_digits))

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, quantity: int) -> Money:
        if not isinstance(quantity, int):
            raise TypeError("Money can be multiplied by an integer quantity only.")
        return Money(self.amount * quantity, self.currency)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"Cannot combine {self.currency} with {other.currency}.")


@dataclass(frozen=True, slots=True)
class TaxedMoney:
    net: Money
    gross: Money

    @property
    def tax(self) -> Money:
        return self.gross - self.net

    @property
    def currency(self) -> str:
        return self.gross.currency


def taxed_from_gross(gross: Money, tax_rate_percent: Decimal) -> TaxedMoney:
    """Split a VAT-inclusive price: net = gross / (1 + rate), rounded to the currency."""
    rate = Decimal(tax_rate_percent)
    if rate <= 0:
        return TaxedMoney(net=gross, gross=gross)
    net = Money(gross.amount / (1 + rate / 100), gross.currency)
    return TaxedMoney(net=net, gross=gross)


def to_stripe_amount(money: Money) -> int:
    """Amount in the provider's minor units: VND 150000 → 150000, USD 1.50 → 150."""
    return money.fractional_amount


def format_vnd(amount: Decimal | int) -> str:
    """Vietnamese display: ``1.250.000 ₫`` (dot thousands, symbol after)."""
    whole = int(quantize(Decimal(amount), "VND"))
    return f"{whole:,}".replace(",", ".") + " ₫"
