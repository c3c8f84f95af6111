from django.apps import AppConfig


class OrdersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "orders"

    def ready(self) -> None:
        # Registers the outbox consumers that send order emails.
        from . import emails  # noqa: F401
