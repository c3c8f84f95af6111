"""URL map: GraphQL API, admin, thumbnails, storefront pages."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from catalog.views import thumbnail_view
from shop.graphql.view import GraphQLView

urlpatterns = [
    path("graphql/", GraphQLView.as_view(), name="graphql"),
    path("thumbnail/<str:instance_id>/<int:size>/", thumbnail_view, name="thumbnail"),
    path(
        "thumbnail/<str:instance_id>/<int:size>/<str:format>/",
        thumbnail_view,
        name="thumbnail-format",
    ),
    path("admin/", admin.site.urls),
    path("", include("frontend.urls")),
]

if not settings.AWS_STORAGE_BUCKET_NAME:
    # Local media (the embedded default). In production media live on S3 behind a CDN.
    urlpatterns.append(
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )
