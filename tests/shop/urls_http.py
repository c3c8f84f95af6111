"""A small schema behind ``shop.graphql.view.GraphQLView`` for the HTTP hardening tests: a field
that builds an absolute URL as catalogue images do, and one whose SQL fails."""

from __future__ import annotations

import graphene
from django.db import connection
from django.urls import path

from shop.graphql.view import GraphQLView


class Query(graphene.ObjectType):
    image_url = graphene.String()
    name = graphene.String()
    broken_sql = graphene.String()

    def resolve_image_url(root, info):
        return info.context.build_absolute_uri("/media/products/honey.jpg")

    def resolve_name(root, info):
        return "OCOP"

    def resolve_broken_sql(root, info):
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM table_that_does_not_exist")
        return "unreachable"


schema = graphene.Schema(query=Query)

urlpatterns = [path("graphql/", GraphQLView.as_view(schema=schema))]
