"""Masked personal data, shown to a viewer who may see an order but is not one of its parties
(the holder of a guest order's ID). The same masks as Saleor's ``core/anonymize``: an email
keeps its first letter and its domain (``b...@example.com``), a name or street its first
letter, a phone number its first three characters (``+84.........``); city and province stay,
so a guest can still tell which delivery it is.
"""

from __future__ import annotations

import copy

from .models import Address

MASK = "."


def obfuscate_string(value: str | None, *, keep: int = 1) -> str:
    """``value`` with all but its first ``keep`` characters replaced by dots."""
    if not value:
        return ""
    text = str(value)
    return text[:keep] + MASK * max(len(text) - keep, 0)


def obfuscate_email(value: str | None) -> str:
    if not value:
        return ""
    local, at, domain = str(value).partition("@")
    if not at:
        return obfuscate_string(local)
    return f"{local[:1]}...@{domain}"


def obfuscate_address(address: Address | None) -> Address | None:
    """A masked copy of ``address`` (never saved: the row and the instance other resolvers
    read stay untouched). Its metadata is dropped as well: it may hold anything."""
    if address is None:
        return None
    masked = copy.copy(address)
    masked.first_name = obfuscate_string(address.first_name)
    masked.last_name = obfuscate_string(address.last_name)
    masked.company_name = obfuscate_string(address.company_name)
    masked.street_address_1 = obfuscate_string(address.street_address_1)
    masked.street_address_2 = obfuscate_string(address.street_address_2)
    masked.phone = obfuscate_string(address.phone, keep=3)
    masked.metadata = {}
    masked.private_metadata = {}
    return masked
