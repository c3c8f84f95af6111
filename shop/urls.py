"""URL map: GraphQL API, admin, thumbnails, storefront pages."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from catalog.views import thumbnail_view
from payments.webhooks import stripe_webhook
from shop.graphql.view import GraphQLView
from shop.storage import private_file_view

urlpatterns = [
    path("graphql/", GraphQLView.as_view(), name="graphql"),
    path("thumbnail/<str:instance_id>/<int:size>/", thumbnail_view, name="thumbnail"),
    path(
        "thumbnail/<str:instance_id>/<int:size>/<str:format>/",
        thumbnail_view,
        name="thumbnail-format",
    ),
    path("private-media/<str:token>/", private_file_view, name="private-media"),
    path("payments/stripe/webhook/", stripe_webhook, name="stripe-webhook"),
    path("admin/", admin.site.urls),
    path("", include("frontend.urls")),
]


def media(request, path: str):
    """Local media (the embedded default), read from MEDIA_ROOT per request so it follows
    settings changes. In production media live on S3 behind a CDN and this route is absent."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if not settings.AWS_STORAGE_BUCKET_NAME:
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media))
