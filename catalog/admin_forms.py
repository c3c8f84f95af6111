"""Admin forms that check input with the catalogue services, so the admin refuses what the
portal and the GraphQL API refuse (with the same messages, on the form)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from . import editing
from .models import ProductVariant, Stock


def _variant_in_open_orders(variant: ProductVariant) -> bool:
    from orders.models import OrderLine

    return OrderLine.objects.filter(
        variant=variant, order__status__in=editing.OPEN_ORDER_STATUSES
    ).exists()


class VariantFormSet(BaseInlineFormSet):
    """Refuses, on the form, deleting a variant an open order still holds (as
    ``editing.variant_delete`` does)."""

    def clean(self) -> None:
        super().clean()
        for form in self.deleted_forms:
            variant = form.instance
            if variant.pk is not None and _variant_in_open_orders(variant):
                raise ValidationError(
                    _("Quy cách %(sku)s đang có trong đơn hàng chưa hoàn tất, không thể xóa.")
                    % {"sku": variant.sku},
                    code="product_in_open_orders",
                )


class _DryRun(Exception):
    pass


class StockAdminForm(forms.ModelForm):
    """Checks a quantity with ``editing.variant_stocks_update`` itself (run and rolled back):
    whole, ≥ 0, never below what orders hold, in a warehouse of the variant's producer."""

    class Meta:
        model = Stock
        fields = ["variant", "warehouse", "quantity"]

    def clean(self):
        data = super().clean()
        variant = data.get("variant") or getattr(self.instance, "variant", None)
        warehouse = data.get("warehouse") or getattr(self.instance, "warehouse", None)
        quantity = data.get("quantity")
        if variant is None or warehouse is None or quantity is None or self.errors:
            return data
        if self.instance.pk is not None:
            # Held until the admin's transaction ends, so the save sees the same allocation.
            Stock.objects.select_for_update().filter(pk=self.instance.pk).first()
        try:
            with transaction.atomic():
                editing.variant_stocks_update(variant=variant, stocks=[(warehouse, quantity)])
                raise _DryRun
        except _DryRun:
            pass
        except ValidationError as error:
            for problem in error.error_dict.get("stocks", []):
                field = (problem.params or {}).get("field")
                self.add_error(field if field in self.fields else None, problem.message)
        return data
