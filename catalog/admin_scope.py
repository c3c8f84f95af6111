"""Producer scoping for the Django admin.

OCOP staff (``is_staff``) use the admin with Django's model permissions, as usual. A producer
member (not staff) is admitted by the site (``shop.admin_site``) and, in the admins that mix in
:class:`ProducerScoped`, sees and edits only its own producers' rows:

* ``get_queryset`` keeps rows whose ``producer_path`` leads to one of its producers, so another
  producer's change view answers "not found" (a redirect to the index);
* ``member_actions`` says what a member may do there (``view``/``add``/``change``/``delete``);
  every other admin refuses members (they hold no model permissions);
* foreign-key choices to producers, products, variants, warehouses, certificates and stock are
  limited to its producers', so a member cannot point a row at another producer;
* autocomplete widgets (whose JSON views belong to other admins) become plain selects.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest

from .models import Certificate, Producer, Product, ProductVariant, Stock, Warehouse
from .permissions import is_ocop_staff, member_producer_ids

# How a row of each model reaches its producer, for limiting foreign-key choices.
SCOPE_PATHS: dict[type[Model], str] = {
    Producer: "pk",
    Product: "producer",
    ProductVariant: "product__producer",
    Warehouse: "producer",
    Certificate: "product__producer",
    Stock: "warehouse__producer",
}


def member_ids(request: HttpRequest) -> frozenset[int]:
    """The producers of a non-staff member (empty for staff, customers and anonymous)."""
    if is_ocop_staff(request.user):
        return frozenset()
    return member_producer_ids(request.user)


def is_member(request: HttpRequest) -> bool:
    return bool(member_ids(request))


def scope_filter(queryset: QuerySet, path: str, producer_ids: Iterable[int]) -> QuerySet:
    lookup = "pk__in" if path == "pk" else f"{path}__in"
    queryset = queryset.filter(**{lookup: list(producer_ids)})
    # A path through a many-valued relation (an order's lines) repeats rows.
    many = any(
        getattr(queryset.model._meta.get_field(part), "many_to_many", False)
        or getattr(queryset.model._meta.get_field(part), "one_to_many", False)
        for part in path.split("__")[:1]
        if part != "pk"
    )
    return queryset.distinct() if many else queryset


class ProducerScoped:
    """Mix into a ``ModelAdmin`` or an inline before the Django base class."""

    producer_path: str | None = "producer"  # None: rows are scoped by their parent already
    member_actions: frozenset[str] = frozenset({"view"})
    member_readonly_fields: tuple[str, ...] = ()
    member_exclude: tuple[str, ...] = ()

    # --- rows ---
    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if is_ocop_staff(request.user) or self.producer_path is None:
            return queryset
        return scope_filter(queryset, self.producer_path, member_ids(request))

    def _member_may(self, request: HttpRequest, action: str, obj: Any) -> bool:
        ids = member_ids(request)
        if not ids or action not in self.member_actions:
            return False
        return obj is None or self.is_own(request, obj)

    def is_own(self, request: HttpRequest, obj: Any) -> bool:
        """Whether ``obj`` (this admin's row, or an inline's parent) belongs to the member."""
        if getattr(self, "parent_model", None) is not None:
            return True  # an inline: its parent change view was scoped already
        if obj.pk is None:
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    # --- permissions (staff: Django's model permissions) ---
    def has_module_permission(self, request: HttpRequest) -> bool:
        if is_ocop_staff(request.user):
            return super().has_module_permission(request)
        return bool(member_ids(request))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if is_ocop_staff(request.user):
            return super().has_view_permission(request, obj)
        return self._member_may(request, "view", obj) or self._member_may(request, "change", obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        if is_ocop_staff(request.user):
            return super().has_add_permission(request, *args)
        return self._member_may(request, "add", None)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if is_ocop_staff(request.user):
            return super().has_change_permission(request, obj)
        return self._member_may(request, "change", obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if is_ocop_staff(request.user):
            return super().has_delete_permission(request, obj)
        return self._member_may(request, "delete", obj)

    # --- forms ---
    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any):
        ids = member_ids(request)
        path = SCOPE_PATHS.get(db_field.related_model)
        if ids and path is not None:
            kwargs["queryset"] = scope_filter(
                db_field.related_model._default_manager.all(), path, ids
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_autocomplete_fields(self, request: HttpRequest) -> list[str]:
        if is_member(request):
            return []
        return list(super().get_autocomplete_fields(request))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if is_member(request):
            fields += [f for f in self.member_readonly_fields if f not in fields]
        return fields

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str] | None:
        exclude = super().get_exclude(request, obj)
        if is_member(request) and self.member_exclude:
            return list(exclude or []) + list(self.member_exclude)
        return exclude

    def get_prepopulated_fields(self, request: HttpRequest, obj: Any = None) -> dict:
        if is_member(request):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        if is_member(request):
            return {}  # bulk actions (verify, reject, delete) are for OCOP staff
        return actions
