"""Saleor's ``shop`` query: the storefront's name, languages and countries."""

from __future__ import annotations

from typing import Any

import graphene
from django.conf import settings

from .common import CountryDisplay, LanguageDisplay


class Domain(graphene.ObjectType):
    host = graphene.String(required=True)
    ssl_enabled = graphene.Boolean(required=True)
    url = graphene.String(required=True)


class Shop(graphene.ObjectType):
    name = graphene.String(required=True)
    description = graphene.String()
    header_text = graphene.String()
    domain = graphene.Field(Domain, required=True)
    languages = graphene.List(LanguageDisplay, required=True)
    countries = graphene.List(graphene.NonNull(CountryDisplay), required=True)
    default_country = graphene.Field(CountryDisplay)
    channel_currencies = graphene.List(graphene.NonNull(graphene.String), required=True)
    include_taxes_in_prices = graphene.Boolean(required=True)
    display_gross_prices = graphene.Boolean(required=True)

    @staticmethod
    def resolve_name(root: Any, info: Any) -> str:
        return "Cửa hàng OCOP Lạc Dương"

    @staticmethod
    def resolve_description(root: Any, info: Any) -> str:
        return "Sản phẩm OCOP được chứng nhận 3–5 sao, mua trực tiếp từ chủ thể sản xuất."

    @staticmethod
    def resolve_header_text(root: Any, info: Any) -> str:
        return "Sản phẩm OCOP chính hãng – giao tận nhà"

    @staticmethod
    def resolve_domain(root: Any, info: Any) -> Domain:
        url = settings.PUBLIC_URL
        host = url.split("://", 1)[-1]
        return Domain(host=host, ssl_enabled=url.startswith("https"), url=url)

    @staticmethod
    def resolve_languages(root: Any, info: Any) -> list[LanguageDisplay]:
        return [LanguageDisplay.for_code("VI"), LanguageDisplay.for_code("EN")]

    @staticmethod
    def resolve_countries(root: Any, info: Any) -> list[CountryDisplay]:
        return [CountryDisplay(code="VN", country="Việt Nam")]

    @staticmethod
    def resolve_default_country(root: Any, info: Any) -> CountryDisplay:
        return CountryDisplay(code="VN", country="Việt Nam")

    @staticmethod
    def resolve_channel_currencies(root: Any, info: Any) -> list[str]:
        from catalog.models import Channel

        return sorted(set(Channel.objects.values_list("currency_code", flat=True)))

    @staticmethod
    def resolve_include_taxes_in_prices(root: Any, info: Any) -> bool:
        return True

    @staticmethod
    def resolve_display_gross_prices(root: Any, info: Any) -> bool:
        return True
