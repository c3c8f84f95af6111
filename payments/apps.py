from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "payments"
    verbose_name = _("Thanh toán")

    def ready(self) -> None:
        # Registers the gateways and the outbox consumer for cancelled orders.
        from . import gateways, services  # noqa: F401
