"""Django admin: shipping zones, methods and rates (OCOP staff); orders and fulfilments below,
which a producer member sees read-only for its own lines (``catalog.admin_scope``)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from catalog.admin_scope import ProducerScoped, is_member

from .models import (
    ShippingMethod,
    ShippingMethodTranslation,
    ShippingRate,
    ShippingZone,
    ShippingZoneProvince,
)

# --- Shipping ------------------------------------------------------------------------------


class ShippingZoneProvinceInline(admin.TabularInline):
    model = ShippingZoneProvince
    extra = 0
    autocomplete_fields = ["province"]


@admin.register(ShippingZone)
class ShippingZoneAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "province_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ShippingZoneProvinceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ShippingZone]:
        return super().get_queryset(request).annotate(_province_count=Count("memberships"))

    @admin.display(description=_("số tỉnh"), ordering="_province_count")
    def province_count(self, zone: ShippingZone) -> int:
        return zone._province_count


class ShippingRateInline(admin.TabularInline):
    model = ShippingRate
    extra = 0
    fields = [
        "zone_kind",
        "base_price",
        "step_price",
        "fragile_surcharge",
        "min_delivery_days",
        "max_delivery_days",
    ]


class ShippingMethodTranslationInline(admin.TabularInline):
    model = ShippingMethodTranslation
    extra = 0


@admin.register(ShippingMethod)
class ShippingMethodAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "type",
        "min_delivery_days",
        "max_delivery_days",
        "free_shipping_threshold",
        "allows_perishable",
        "max_weight_grams",
        "is_active",
        "sort_order",
    ]
    list_filter = ["type", "is_active", "allows_perishable", "zones"]
    list_editable = ["is_active", "sort_order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["zones"]
    inlines = [ShippingRateInline, ShippingMethodTranslationInline]


# --- Orders ----------------------------------------------------------------------------------
# Orders change through services only (fulfil, cancel), so the admin shows them read-only.
from .fulfilment import fulfillment_tracking_update  # noqa: E402
from .models import (  # noqa: E402
    Fulfillment,
    FulfillmentLine,
    FulfillmentStatus,
    Order,
    OrderDeliveryParcel,
    OrderEvent,
    OrderLine,
)


class _ReadOnlyInline(ProducerScoped, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class OrderLineInline(_ReadOnlyInline):
    model = OrderLine
    producer_path = "producer"  # a member sees only its own lines of a shared order
    fields = [
        "product_name",
        "variant_name",
        "product_sku",
        "producer",
        "quantity",
        "quantity_fulfilled",
        "unit_price_gross_amount",
        "total_price_gross_amount",
        "tax_rate",
    ]
    readonly_fields = fields


class OrderDeliveryParcelInline(_ReadOnlyInline):
    model = OrderDeliveryParcel
    producer_path = "producer"
    fields = ["producer", "weight_grams", "chargeable_weight_grams", "price_amount"]
    readonly_fields = fields


class FulfillmentInline(_ReadOnlyInline):
    model = Fulfillment
    producer_path = "producer"
    fields = ["fulfillment_order", "producer", "status", "tracking_number", "created_at"]
    readonly_fields = fields
    show_change_link = True


class OrderEventInline(_ReadOnlyInline):
    model = OrderEvent
    member_actions = frozenset()  # the order's history concerns every producer in it
    fields = ["date", "type", "user", "parameters"]
    readonly_fields = fields


@admin.register(Order)
class OrderAdmin(ProducerScoped, admin.ModelAdmin):
    producer_path = "lines__producer"
    # What a member needs to pack and ship its lines; not the whole order's totals or history.
    member_fields = (
        "number",
        "created_at",
        "status",
        "user_email",
        "shipping_address",
        "shipping_method_name",
        "customer_note",
    )
    list_display = [
        "number",
        "created_at",
        "status",
        "user_email",
        "channel",
        "total_gross_amount",
        "currency",
    ]
    list_filter = ["status", "channel", "created_at"]
    search_fields = ["number", "user_email", "lines__product_sku", "lines__product_name"]
    date_hierarchy = "created_at"
    list_select_related = ["channel"]
    readonly_fields = [
        "id",
        "number",
        "created_at",
        "updated_at",
        "status",
        "user",
        "user_email",
        "channel",
        "currency",
        "language_code",
        "checkout_token",
        "shipping_address",
        "billing_address",
        "shipping_method",
        "shipping_method_name",
        "shipping_price_net_amount",
        "shipping_price_gross_amount",
        "subtotal_net_amount",
        "subtotal_gross_amount",
        "total_net_amount",
        "total_gross_amount",
        "customer_note",
        "metadata",
    ]
    exclude = ["private_metadata"]
    inlines = [OrderLineInline, OrderDeliveryParcelInline, FulfillmentInline, OrderEventInline]

    def get_fields(self, request: HttpRequest, obj: object = None):
        if is_member(request):
            return list(self.member_fields)
        return super().get_fields(request, obj)

    def get_list_display(self, request: HttpRequest):
        if is_member(request):
            return ["number", "created_at", "status", "user_email"]
        return super().get_list_display(request)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return queryset.distinct(), False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class FulfillmentLineInline(_ReadOnlyInline):
    model = FulfillmentLine
    producer_path = None
    fields = ["order_line", "quantity", "stock"]
    readonly_fields = fields


class FulfillmentAdminForm(forms.ModelForm):
    class Meta:
        model = Fulfillment
        fields = ["tracking_number"]

    def clean_tracking_number(self) -> str:
        if (
            "tracking_number" in self.changed_data
            and self.instance.status == FulfillmentStatus.CANCELED
        ):
            raise ValidationError(
                _("Không thể đổi mã vận đơn của kiện hàng đã hủy."), code="invalid"
            )
        return self.cleaned_data["tracking_number"]


@admin.register(Fulfillment)
class FulfillmentAdmin(ProducerScoped, admin.ModelAdmin):
    """The tracking number is the one editable field; it changes through
    ``fulfillment_tracking_update`` (order event, buyer emailed the new number)."""

    form = FulfillmentAdminForm
    member_actions = frozenset({"view", "change"})  # the tracking number
    list_display = ["__str__", "producer", "status", "tracking_number", "created_at"]
    list_filter = ["status", "producer"]
    search_fields = ["tracking_number", "order__number"]
    list_select_related = ["order", "producer"]
    readonly_fields = [
        "order",
        "producer",
        "fulfillment_order",
        "status",
        "created_at",
        "created_by",
    ]
    fields = readonly_fields + ["tracking_number"]
    inlines = [FulfillmentLineInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Fulfillment, form, change: bool) -> None:
        if "tracking_number" in form.changed_data:
            fulfillment_tracking_update(
                fulfillment=obj,
                tracking_number=form.cleaned_data["tracking_number"],
                user=request.user,
            )
