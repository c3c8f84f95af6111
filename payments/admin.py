"""Read-only admin views of transactions and their events (money moves only through the
services, never by editing rows), and the editable payment settings of each channel."""

from django.contrib import admin

from .models import ChannelPaymentSettings, TransactionEvent, TransactionItem


class TransactionEventInline(admin.TabularInline):
    model = TransactionEvent
    extra = 0
    can_delete = False
    fields = ("created_at", "type", "amount_value", "currency", "psp_reference", "message")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TransactionItem)
class TransactionItemAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "gateway",
        "currency",
        "authorized_value",
        "charged_value",
        "refunded_value",
        "canceled_value",
        "order",
        "created_at",
    )
    list_filter = ("gateway", "currency")
    search_fields = ("id", "psp_reference", "checkout_token", "order__number")
    readonly_fields = [f.name for f in TransactionItem._meta.fields]
    inlines = [TransactionEventInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ChannelPaymentSettings)
class ChannelPaymentSettingsAdmin(admin.ModelAdmin):
    """OCOP staff set each channel's cash-on-delivery rule (on/off, largest order total)."""

    list_display = ("channel", "cod_enabled", "cod_max_total")
    list_editable = ("cod_enabled", "cod_max_total")
    list_select_related = ("channel",)
