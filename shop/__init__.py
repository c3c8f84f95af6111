"""OCOP Storefront project package: settings, urls, root GraphQL schema and shared core."""

from .celery import app as celery_app

__all__ = ["celery_app"]
