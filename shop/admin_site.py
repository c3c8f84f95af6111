"""The admin site: OCOP staff, and producer members for their own producers' rows.

``is_staff`` means OCOP office staff here, so producer members are not staff. The site admits
an active user who is staff *or* a member of a producer (sign-in form included); each
``ModelAdmin`` then decides what a member may see (``catalog.admin_scope``): admins that are
not producer-scoped refuse members, because members hold no model permissions.

Staff reports (``shop.admin_reports``) hang under ``/admin/reports/`` and are linked from the
index for staff only.

Both password checks of the site pass the login throttle: the sign-in form through
``accounts.backends.EmailBackend``, the password-change form through
``accounts.sign_in.password_check``.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm, AdminPasswordChangeForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _


def _admitted(user) -> bool:
    from catalog.permissions import is_ocop_staff, member_producer_ids

    return is_ocop_staff(user) or bool(member_producer_ids(user))


class OcopAdminAuthenticationForm(AdminAuthenticationForm):
    """Django's admin sign-in, also open to producer members (not only ``is_staff``)."""

    def confirm_login_allowed(self, user) -> None:
        AuthenticationForm.confirm_login_allowed(self, user)  # refuses inactive users
        if not _admitted(user):
            raise ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )


class OcopAdminPasswordChangeForm(AdminPasswordChangeForm):
    """Django's password change, with the old password checked behind the login throttle."""

    def __init__(self, *args, request: HttpRequest, **kwargs) -> None:
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_old_password(self) -> str:
        from accounts.sign_in import password_check
        from accounts.throttling import client_ip

        old_password = self.cleaned_data["old_password"]
        if not password_check(
            user=self.user, email=self.user.email, password=old_password, ip=client_ip(self.request)
        ):
            raise ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class OcopPasswordChangeView(PasswordChangeView):
    form_class = OcopAdminPasswordChangeForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}


class OcopAdminSite(admin.AdminSite):
    site_header = _("Quản trị Chợ OCOP")
    site_title = _("Quản trị Chợ OCOP")
    index_title = _("Quản trị / Administration")
    login_form = OcopAdminAuthenticationForm
    index_template = "admin/ocop_index.html"

    def has_permission(self, request: HttpRequest) -> bool:
        return _admitted(request.user)

    def password_change(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        """Django's ``AdminSite.password_change`` with the throttled form."""
        defaults = {
            "success_url": reverse("admin:password_change_done", current_app=self.name),
            "extra_context": {**self.each_context(request), **(extra_context or {})},
        }
        if self.password_change_template is not None:
            defaults["template_name"] = self.password_change_template
        request.current_app = self.name
        return OcopPasswordChangeView.as_view(**defaults)(request)

    def get_urls(self):
        from . import admin_reports

        reports = [
            path(
                "reports/products/",
                self.admin_view(admin_reports.products_report),
                name="report-products",
            ),
            path(
                "reports/sales/",
                self.admin_view(admin_reports.sales_report),
                name="report-sales",
            ),
        ]
        return reports + super().get_urls()
