"""The root GraphQL schema: the composition of every app's queries and mutations."""

import graphene

from accounts.graphql.schema import AccountMutations, AccountQueries
from catalog.graphql.attributes import ASSIGNED_TYPES
from catalog.graphql.mutations import CatalogMutations
from catalog.graphql.product_listing_mutations import ProductListingMutations
from catalog.graphql.product_mutations import ProductMutations
from catalog.graphql.product_portal import ProductPortalQueries
from catalog.graphql.queries import CatalogQueries
from orders.graphql.schema import OrderMutations, OrderQueries
from payments.graphql.schema import PaymentMutations, PaymentQueries
from shop.graphql.shop_type import Shop


class Query(
    CatalogQueries,
    ProductPortalQueries,
    AccountQueries,
    OrderQueries,
    PaymentQueries,
    graphene.ObjectType,
):
    shop = graphene.Field(Shop, required=True, description="Return information about the shop.")

    @staticmethod
    def resolve_shop(root, info):
        return object()


class Mutation(
    CatalogMutations,
    ProductMutations,
    ProductListingMutations,
    AccountMutations,
    OrderMutations,
    PaymentMutations,
    graphene.ObjectType,
):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation, types=ASSIGNED_TYPES)
