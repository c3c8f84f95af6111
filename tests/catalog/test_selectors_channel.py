"""``channel_get`` keeps channels in the shared cache under a key made from the client's slug."""

from __future__ import annotations

import warnings

import pytest
from django.core.cache import CacheKeyWarning

from catalog.selectors import channel_get
from tests.catalog.factories import default_channel

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["kênh có dấu cách", "x" * 400, "tab\tand\nnewline"])
def test_any_client_slug_makes_a_valid_cache_key(slug):
    """Memcached refuses keys with spaces, control characters or over 250 bytes, and Django
    warns about them on every backend: the slug is hashed into the key."""
    default_channel()
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        assert channel_get(slug=slug) is None
        assert channel_get(slug=slug) is None  # the cached miss


def test_a_known_slug_is_found_and_then_served_from_the_cache(django_assert_num_queries):
    channel = default_channel()
    assert channel_get(slug=channel.slug) == channel
    with django_assert_num_queries(0):
        assert channel_get(slug=channel.slug) == channel
