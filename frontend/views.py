"""Storefront pages. The full storefront is its own issue; until then the home page explains
where things are."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "frontend/home.html")
