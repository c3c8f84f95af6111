"""The admin app with the shop's own site (``shop.admin_site.OcopAdminSite``) as ``admin.site``.

Listed in ``INSTALLED_APPS`` instead of ``django.contrib.admin``; kept apart from the site so
that loading the app config imports no models."""

from django.contrib.admin.apps import AdminConfig


class OcopAdminConfig(AdminConfig):
    default_site = "shop.admin_site.OcopAdminSite"
