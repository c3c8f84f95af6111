"""Django admin: OCOP staff see everything; a producer member sees and edits only its own
producers' rows (``catalog.admin_scope``). Writes with rules go through the services: certificate
decisions (staff only, so the badge pointer and history stay right), stock quantities, product
and variant deletes (refused while open orders hold them), the product's description and search
text (``catalog.admin_forms`` checks the input the same way)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from shop.editorjs import plain_text, sanitise_document

from . import editing, services
from .admin_forms import StockAdminForm, VariantFormSet
from .admin_scope import ProducerScoped
from .models import (
    Category,
    CategoryTranslation,
    Certificate,
    CertificateReminder,
    CertificateStatus,
    Channel,
    Collection,
    CollectionProduct,
    Menu,
    MenuItem,
    Page,
    Producer,
    ProducerMedia,
    ProducerMember,
    ProducerTranslation,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    Stock,
    Warehouse,
)


class ProducerMemberInline(ProducerScoped, admin.TabularInline):
    model = ProducerMember
    producer_path = None
    extra = 0
    autocomplete_fields = ["user"]


class ProducerMediaInline(ProducerScoped, admin.TabularInline):
    model = ProducerMedia
    producer_path = None
    member_actions = frozenset({"view", "add", "change", "delete"})
    extra = 0


class ProducerTranslationInline(ProducerScoped, admin.StackedInline):
    model = ProducerTranslation
    producer_path = None
    member_actions = frozenset({"view", "add", "change", "delete"})
    extra = 0
    fields = ["language_code", "name", "story"]


@admin.register(Producer)
class ProducerAdmin(ProducerScoped, admin.ModelAdmin):
    producer_path = "pk"
    member_actions = frozenset({"view", "change"})
    member_readonly_fields = ("slug", "registration_number", "province", "ward", "is_active")
    member_exclude = ("metadata",)
    list_display = ["name", "kind", "province", "ward", "is_active"]
    list_filter = ["kind", "is_active", "province"]
    search_fields = ["name", "registration_number", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["province", "ward"]
    inlines = [ProducerMemberInline, ProducerMediaInline, ProducerTranslationInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "story" in form.changed_data or not change:
            services.producer_story_set(producer=obj, story=obj.story)


class VariantInline(ProducerScoped, admin.TabularInline):
    producer_path = None
    member_actions = frozenset({"view", "add", "change", "delete"})
    model = ProductVariant
    formset = VariantFormSet
    extra = 0
    fields = ["sku", "name", "weight_grams", "is_fragile", "is_perishable", "sort_order"]


class ProductMediaInline(ProducerScoped, admin.TabularInline):
    producer_path = None
    member_actions = frozenset({"view", "add", "change", "delete"})
    model = ProductMedia
    extra = 0


class ListingInline(ProducerScoped, admin.TabularInline):
    producer_path = None
    member_actions = frozenset({"view", "add", "change", "delete"})
    model = ProductChannelListing
    extra = 0
    readonly_fields = ["min_price_amount"]


class CertificateInline(ProducerScoped, admin.TabularInline):
    producer_path = None
    model = Certificate
    extra = 0
    fields = ["certificate_number", "stars", "status", "issued_on", "valid_until"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


class ProductTranslationInline(ProducerScoped, admin.StackedInline):
    producer_path = None
    member_actions = frozenset({"view", "add", "change", "delete"})
    model = ProductTranslation
    extra = 0


@admin.register(Product)
class ProductAdmin(ProducerScoped, admin.ModelAdmin):
    member_actions = frozenset({"view", "add", "change"})
    list_display = ["name", "producer", "category", "stars", "updated_at"]
    list_filter = ["category", "current_certificate__stars"]
    search_fields = ["name", "slug", "variants__sku", "producer__name"]
    list_select_related = ["producer", "category", "current_certificate"]
    autocomplete_fields = ["producer", "category"]
    readonly_fields = ["current_certificate", "created_at", "updated_at"]
    exclude = ["search_document", "name_folded", "description_plaintext"]
    inlines = [
        VariantInline,
        ProductMediaInline,
        ListingInline,
        CertificateInline,
        ProductTranslationInline,
    ]

    @admin.display(description=_("Sao"), ordering="current_certificate__stars")
    def stars(self, obj: Product) -> int | None:
        return obj.current_certificate.stars if obj.current_certificate else None

    def save_model(self, request, obj, form, change):
        # As product_update: the description is stored sanitised, with its plain text (searched).
        obj.description = sanitise_document(obj.description or {})
        obj.description_plaintext = plain_text(obj.description)
        super().save_model(request, obj, form, change)  # post_save bumps the catalogue version

    def save_formset(self, request, form, formset, change):
        if formset.model is not ProductVariant:
            return super().save_formset(request, form, formset, change)
        variants = formset.save(commit=False)
        for variant in formset.deleted_objects:
            editing.variant_delete(variant=variant)  # locks, min prices, search text
        for variant in variants:
            variant.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the inlines: SKUs and the description are part of the search text.
        services.product_search_document_refresh(product=form.instance)

    def get_deleted_objects(self, objs, request):
        """Products an open order still holds are listed as protected: Django's delete page
        then refuses the deletion (single and bulk), as ``editing.product_delete`` would."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for product in objs:
            open_orders = editing.product_open_order_count(product=product)
            if open_orders:
                protected = list(protected) + [
                    _("%(product)s: đang có trong %(n)s đơn hàng chưa hoàn tất")
                    % {"product": product.name, "n": open_orders}
                ]
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        editing.product_delete(product=obj)  # files removed after commit

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for product in queryset.order_by("pk"):
            editing.product_delete(product=product)


class CertificateReminderInline(ProducerScoped, admin.TabularInline):
    """Expiry reminders the daily job sent (read-only: the job writes them)."""

    model = CertificateReminder
    producer_path = None
    extra = 0
    can_delete = False
    fields = ["days_before", "created_at", "sent_at", "recipients"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class CertificateForm(forms.ModelForm):
    """Checks a certificate as ``services.certificate_submit`` does: star class and score,
    dates, and a new scan by its content (``ScanField``'s form field)."""

    class Meta:
        model = Certificate
        fields = [
            "product",
            "stars",
            "score",
            "is_potential_five_star",
            "certificate_number",
            "decision_number",
            "decision_date",
            "issuer",
            "issuer_level",
            "issued_on",
            "valid_until",
            "status_reason",
            "scan",
        ]

    def clean(self):
        data = super().clean()
        dates = ("issued_on", "valid_until", "decision_date")
        if data.get("stars") is not None and all(data.get(name) for name in dates):
            services.certificate_validate(
                stars=data["stars"],
                score=data.get("score"),
                issued_on=data["issued_on"],
                valid_until=data["valid_until"],
                decision_date=data["decision_date"],
            )
        return data


@admin.register(Certificate)
class CertificateAdmin(ProducerScoped, admin.ModelAdmin):
    form = CertificateForm
    inlines = [CertificateReminderInline]

    def get_inline_instances(self, request, obj=None):
        # Not on the add page: a certificate being submitted has no reminders yet.
        return super().get_inline_instances(request, obj) if obj is not None else []

    # Members submit and follow their certificates; verifying is for OCOP staff.
    producer_path = "product__producer"
    member_actions = frozenset({"view", "add"})
    member_readonly_fields = ("status_reason",)
    list_display = ["certificate_number", "product", "stars", "status", "issued_on", "valid_until"]
    list_filter = ["status", "stars", "issuer_level"]
    search_fields = ["certificate_number", "decision_number", "product__name"]
    list_select_related = ["product"]
    readonly_fields = ["status", "verified_by", "verified_at"]
    autocomplete_fields = ["product"]
    actions = ["verify", "reject"]

    @admin.action(description=_("Xác minh giấy chứng nhận đã chọn"), permissions=["change"])
    def verify(self, request, queryset):
        done = 0
        for certificate in queryset:
            try:
                services.certificate_verify(certificate=certificate, verified_by=request.user)
                done += 1
            except ValidationError as error:
                self.message_user(request, f"{certificate}: {error.messages[0]}", messages.ERROR)
        self.message_user(request, _("Đã xác minh %(n)d giấy chứng nhận.") % {"n": done})

    @admin.action(description=_("Từ chối (lý do: hồ sơ chưa hợp lệ)"), permissions=["change"])
    def reject(self, request, queryset):
        for certificate in queryset.exclude(status=CertificateStatus.REJECTED):
            services.certificate_reject(
                certificate=certificate,
                reason=str(_("Hồ sơ chưa hợp lệ")),
                rejected_by=request.user,
            )


class CategoryTranslationInline(admin.TabularInline):
    model = CategoryTranslation
    extra = 0


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "level", "ocop_group"]
    search_fields = ["name", "slug"]
    inlines = [CategoryTranslationInline]


class CollectionProductInline(admin.TabularInline):
    model = CollectionProduct
    extra = 0
    autocomplete_fields = ["product"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    inlines = [CollectionProductInline]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "currency_code", "is_active"]


@admin.register(Warehouse)
class WarehouseAdmin(ProducerScoped, admin.ModelAdmin):
    member_actions = frozenset({"view", "change"})
    member_readonly_fields = ("producer", "is_active")
    list_display = ["name", "producer", "province", "is_active"]
    search_fields = ["name"]
    autocomplete_fields = ["producer", "province", "ward"]


@admin.register(Stock)
class StockAdmin(ProducerScoped, admin.ModelAdmin):
    """Quantities are set through ``editing.variant_stocks_update`` (checked in the form,
    written under the row lock; the catalogue version is bumped by the stock row's save)."""

    form = StockAdminForm
    producer_path = "warehouse__producer"
    member_actions = frozenset({"view", "add", "change"})
    list_display = ["variant", "warehouse", "quantity", "quantity_allocated"]
    list_select_related = ["variant", "variant__product", "warehouse"]
    search_fields = ["variant__sku", "variant__product__name"]
    readonly_fields = ["quantity_allocated"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # A row holding allocations cannot move to another variant or warehouse.
        return fields + ["variant", "warehouse"] if obj is not None else fields

    def save_model(self, request, obj, form, change):
        (stock,) = editing.variant_stocks_update(
            variant=obj.variant, stocks=[(obj.warehouse, obj.quantity)]
        )
        obj.pk, obj.quantity_allocated = stock.pk, stock.quantity_allocated


class MenuItemInline(admin.TabularInline):
    model = MenuItem
    extra = 0


@admin.register(Menu)
class MenuAdmin(admin.ModelAdmin):
    inlines = [MenuItemInline]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_published"]
