"""The root GraphQL schema: the composition of every app's queries and mutations."""

import graphene

from accounts.graphql.schema import AccountMutations, AccountQueries
from catalog.graphql.attributes import ASSIGNED_TYPES
from catalog.graphql.queries import CatalogQueries
from orders.graphql.schema import OrderMutations, OrderQueries
from payments.graphql.schema import PaymentMutations, PaymentQueries
from shop.graphql.shop_type import Shop


class Query(CatalogQueries, AccountQueries, OrderQueries, PaymentQueries, graphene.ObjectType):
    shop = graphene.Field(Shop, required=True, description="Return information about the shop.")

    @staticmethod
    def resolve_shop(root, info):
        return object()


class Mutation(AccountMutations, OrderMutations, PaymentMutations, graphene.ObjectType):
    pass


def _has_fields(cls: type) -> bool:
    return any(isinstance(v, graphene.Field) for k, v in vars(cls).items() if not k.startswith("_"))


schema = graphene.Schema(
    query=Query,
    mutation=Mutation if (_has_fields(AccountMutations) or _has_fields(OrderMutations)) else None,
    types=ASSIGNED_TYPES,
)
