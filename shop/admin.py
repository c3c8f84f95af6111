from django.contrib import admin

from .models import Province, Ward


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    search_fields = ["name", "name_folded"]
    list_display = ["code", "name"]


@admin.register(Ward)
class WardAdmin(admin.ModelAdmin):
    search_fields = ["name", "name_folded"]
    list_display = ["code", "name", "province"]
    list_filter = ["province"]
