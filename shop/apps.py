from django.apps import AppConfig


class ShopConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "shop"
    verbose_name = "OCOP Storefront"

    def ready(self) -> None:
        from . import shared_cache  # noqa: F401  (registers the shared-cache deploy check)
