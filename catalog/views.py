from django.http import Http404


def thumbnail_view(request, instance_id: str, size: int, format: str | None = None):
    raise Http404
