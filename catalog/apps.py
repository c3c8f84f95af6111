from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalog"
    verbose_name = _("Danh mục sản phẩm OCOP")

    def ready(self) -> None:
        from . import reminders, signals  # noqa: F401  (outbox consumer; version bumps on writes)
