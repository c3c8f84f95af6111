from django.urls import include, path

from . import views

app_name = "frontend"

urlpatterns = [
    path("", views.home, name="home"),
    path("portal/", include("frontend.portal.urls")),
]
