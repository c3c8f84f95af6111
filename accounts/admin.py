from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Address, User
from .services import user_jwt_key_rotate


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active")
    search_fields = ("email", "first_name", "last_name")
    raw_id_fields = ("default_shipping_address", "default_billing_address")
    filter_horizontal = ("groups", "user_permissions")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "language_code")}),
        (
            _("Sổ địa chỉ"),
            {"fields": ("default_shipping_address", "default_billing_address", "metadata")},
        ),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    actions = ["revoke_tokens"]

    @admin.action(description=_("Đăng xuất khỏi mọi thiết bị (thu hồi mọi JWT)"))
    def revoke_tokens(self, request, queryset):
        for user in queryset:
            user_jwt_key_rotate(user)
            user.save(update_fields=["jwt_token_key", "updated_at"])
        self.message_user(request, _("Đã thu hồi token."), messages.SUCCESS)


@admin.register(Address)
class AddressAdmin(admin.ModelAdmin):
    list_display = ("__str__", "first_name", "last_name", "phone", "country")
    list_filter = ("country",)
    search_fields = ("first_name", "last_name", "street_address_1", "city", "phone")
    raw_id_fields = ("province", "ward")
