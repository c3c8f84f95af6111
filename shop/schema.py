"""The root GraphQL schema: the composition of every app's queries and mutations."""

import graphene

from catalog.graphql.attributes import ASSIGNED_TYPES
from catalog.graphql.queries import CatalogQueries
from shop.graphql.shop_type import Shop


class Query(CatalogQueries, graphene.ObjectType):
    shop = graphene.Field(Shop, required=True, description="Return information about the shop.")

    @staticmethod
    def resolve_shop(root, info):
        return object()


schema = graphene.Schema(query=Query, types=ASSIGNED_TYPES)
