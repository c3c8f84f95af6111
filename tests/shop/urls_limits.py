"""A small schema of our own behind ``shop.graphql.view.GraphQLView``, for the endpoint tests
(the real root schema is built elsewhere and changes independently)."""

from __future__ import annotations

from collections import Counter

import graphene
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import path
from django.utils import translation

from shop.graphql.errors import graphql_error
from shop.graphql.view import GraphQLView

# How many times each resolver ran: limits must refuse before any of them.
CALLS: Counter[str] = Counter()


class Upload(graphene.Scalar):
    """The multipart upload scalar: the view puts the uploaded file in the variables."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        return node

    @staticmethod
    def parse_value(value):
        return value


class Item(graphene.ObjectType):
    name = graphene.String()
    children = graphene.List(lambda: Item, first=graphene.Int())

    def resolve_children(root, info, first=None):
        CALLS["children"] += 1
        return [Item(name=f"{root.name}.{index}") for index in range(min(first or 1, 2))]


class Query(graphene.ObjectType):
    items = graphene.List(
        Item, first=graphene.Int(), last=graphene.Int(), channel=graphene.String()
    )
    boom = graphene.String()
    denied = graphene.String()
    invalid = graphene.String()
    bad_id = graphene.String()
    checkout = graphene.String()
    language = graphene.String()

    def resolve_items(root, info, first=None, last=None, channel=None):
        CALLS["items"] += 1
        return [Item(name=f"item-{index}") for index in range(min(first or last or 1, 3))]

    def resolve_boom(root, info):
        CALLS["boom"] += 1
        raise ValueError('relation "catalog_secret" does not exist: SELECT * FROM catalog_secret')

    def resolve_denied(root, info):
        raise PermissionDenied("You need the MANAGE_PRODUCTS permission.")

    def resolve_invalid(root, info):
        raise ValidationError("The slug is taken.", code="unique")

    def resolve_bad_id(root, info):
        raise graphql_error("Couldn't resolve id: nope.", "GRAPHQL_ERROR")

    def resolve_checkout(root, info):
        CALLS["checkout"] += 1
        return "cart"

    def resolve_language(root, info):
        CALLS["language"] += 1
        return translation.get_language()


class Touch(graphene.Mutation):
    class Arguments:
        name = graphene.String()

    ok = graphene.Boolean()

    def mutate(root, info, name=None):
        CALLS["touch"] += 1
        return Touch(ok=True)


class UploadFile(graphene.Mutation):
    class Arguments:
        file = Upload(required=True)

    name = graphene.String()
    size = graphene.Int()

    def mutate(root, info, file):
        return UploadFile(name=file.name, size=file.size)


class Mutation(graphene.ObjectType):
    touch = Touch.Field()
    upload_file = UploadFile.Field()


schema = graphene.Schema(query=Query, mutation=Mutation)

urlpatterns = [path("graphql/", GraphQLView.as_view(schema=schema))]
