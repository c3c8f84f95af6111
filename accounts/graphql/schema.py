"""Account queries and mutations (accountRegister, tokenCreate, me, addresses...)."""

from __future__ import annotations

from typing import Any

import graphene

from accounts import selectors
from accounts.addresses import address_validation_rules
from shop.graphql.view import response_not_cacheable

from . import mutations
from .auth import current_user
from .types import AddressValidationData, CountryCodeEnum, User


class AccountQueries(graphene.ObjectType):
    me = graphene.Field(User, description="Return the currently authenticated user.")
    address_validation_rules = graphene.Field(
        AddressValidationData,
        description="Returns address validation rules.",
        country_code=graphene.Argument(
            CountryCodeEnum, required=True, description="Two-letter ISO 3166-1 country code."
        ),
        country_area=graphene.String(
            description="Designation of a region, province or state. In Vietnam: the province "
            "(name, code or former name), whose wards become the city choices."
        ),
        city=graphene.String(description="City or a town name."),
        city_area=graphene.String(description="Sublocality like a district."),
    )

    @staticmethod
    def resolve_me(root: Any, info: Any) -> Any:
        response_not_cacheable(info.context)
        user = current_user(info)
        return selectors.user_with_addresses(user) if user is not None else None

    @staticmethod
    def resolve_address_validation_rules(
        root: Any,
        info: Any,
        country_code: Any,
        country_area: str | None = None,
        city: str | None = None,
        city_area: str | None = None,
    ) -> AddressValidationData:
        rules = address_validation_rules(
            country_code=getattr(country_code, "value", country_code),
            country_area=country_area,
            city=city,
        )
        return AddressValidationData.from_rules(rules)


class AccountMutations(graphene.ObjectType):
    token_create = mutations.CreateToken.Field()
    token_refresh = mutations.RefreshToken.Field()
    token_verify = mutations.VerifyToken.Field()
    account_register = mutations.AccountRegister.Field()
    account_update = mutations.AccountUpdate.Field()
    password_change = mutations.PasswordChange.Field()
    request_password_reset = mutations.RequestPasswordReset.Field()
    set_password = mutations.SetPassword.Field()
    account_address_create = mutations.AccountAddressCreate.Field()
    account_address_update = mutations.AccountAddressUpdate.Field()
    account_address_delete = mutations.AccountAddressDelete.Field()
    account_set_default_address = mutations.AccountSetDefaultAddress.Field()
