"""A small schema behind ``shop.graphql.view.GraphQLView`` for the budget tests: fields that take
time (a sleep, a PostgreSQL ``pg_sleep``) and a counter of the resolvers that ran."""

from __future__ import annotations

import time
from collections import Counter

import graphene
from django.conf import settings
from django.db import connection
from django.urls import path

from shop.graphql.view import GraphQLView

CALLS: Counter[str] = Counter()


def _past_the_deadline() -> None:
    """Sleep past the wall-clock budget: the next field must not be resolved (no timing guess)."""
    time.sleep(settings.GRAPHQL_TIME_LIMIT_MS / 1000 + 0.01)


class Item(graphene.ObjectType):
    name = graphene.String()
    slow = graphene.String()

    def resolve_slow(root, info):
        CALLS["item.slow"] += 1
        _past_the_deadline()
        return "late"


class Query(graphene.ObjectType):
    items = graphene.List(Item, first=graphene.Int())
    slow = graphene.String()
    counted = graphene.String()
    pg_sleep = graphene.String(seconds=graphene.Float(required=True))
    statement_timeout = graphene.String()

    def resolve_items(root, info, first=None):
        CALLS["items"] += 1
        return [Item(name=f"item-{index}") for index in range(first or 1)]

    def resolve_slow(root, info):
        CALLS["slow"] += 1
        _past_the_deadline()
        return "late"

    def resolve_counted(root, info):
        CALLS["counted"] += 1
        return "ok"

    def resolve_pg_sleep(root, info, seconds):
        CALLS["pg_sleep"] += 1
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(%s)", [seconds])
        return "slept"

    def resolve_statement_timeout(root, info):
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            return cursor.fetchone()[0]


class SlowTouch(graphene.Mutation):
    ok = graphene.Boolean()

    def mutate(root, info):
        CALLS["slow_touch"] += 1
        _past_the_deadline()
        return SlowTouch(ok=True)


class Mutation(graphene.ObjectType):
    slow_touch = SlowTouch.Field()


schema = graphene.Schema(query=Query, mutation=Mutation)

urlpatterns = [path("graphql/", GraphQLView.as_view(schema=schema))]
