"""Sign-in and sign-out of the portal: Django sessions, email and password."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy


class PortalLoginView(auth_views.LoginView):
    """The email sign-in; every account may sign in, the portal pages then refuse customers
    with a page that says why."""

    template_name = "portal/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("frontend:portal:dashboard")


class PortalLogoutView(auth_views.LogoutView):
    """POST only (as Django's): a link or an image cannot sign anyone out."""

    next_page = reverse_lazy("frontend:portal:login")
