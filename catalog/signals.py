"""Every catalogue write bumps the catalogue version, which keys the anonymous response cache."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from shop.cache import catalogue_version_bump


def _bump(sender: Any, **kwargs: Any) -> None:
    if sender._meta.app_label in {"catalog", "shop"}:
        catalogue_version_bump()


post_save.connect(_bump, dispatch_uid="catalog_version_post_save")
post_delete.connect(_bump, dispatch_uid="catalog_version_post_delete")
m2m_changed.connect(_bump, dispatch_uid="catalog_version_m2m")
