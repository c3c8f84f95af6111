"""Portal forms: parse and check the shape of input; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalog.models import Category, IssuerLevel, Product

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def errors_to_form(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: known fields on the field, rest on top."""
    if hasattr(error, "error_dict"):
        for field, problems in error.error_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error)


class CertificateForm(forms.Form):
    product = forms.ModelChoiceField(queryset=Product.objects.none(), label=_("Sản phẩm"))
    stars = forms.TypedChoiceField(
        choices=[(3, "3★"), (4, "4★"), (5, "5★")], coerce=int, label=_("Hạng sao")
    )
    score = forms.IntegerField(min_value=0, max_value=100, required=False, label=_("Điểm"))
    is_potential_five_star = forms.BooleanField(required=False, label=_("Tiềm năng 5 sao"))
    certificate_number = forms.CharField(max_length=100, label=_("Số giấy chứng nhận"))
    decision_number = forms.CharField(max_length=100, label=_("Số quyết định"))
    decision_date = forms.DateField(widget=DATE, label=_("Ngày quyết định"))
    issuer = forms.CharField(max_length=200, label=_("Cơ quan cấp"))
    issuer_level = forms.ChoiceField(choices=IssuerLevel.choices, label=_("Cấp"))
    issued_on = forms.DateField(widget=DATE, label=_("Ngày cấp"))
    valid_until = forms.DateField(
        widget=DATE,
        required=False,
        label=_("Hiệu lực đến"),
        help_text=_("Để trống: 36 tháng kể từ ngày cấp."),
    )
    scan = forms.FileField(
        label=_("Bản scan (PDF, JPEG, PNG)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args: Any, products: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products


class ProductForm(forms.Form):
    name = forms.CharField(max_length=250, label=_("Tên sản phẩm"))
    category = forms.ModelChoiceField(
        queryset=Category.objects.order_by("level", "sort_order", "pk"), label=_("Nhóm sản phẩm")
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        label=_("Mô tả"),
        help_text=_("Mỗi đoạn cách nhau một dòng trống. Văn bản thuần, không dùng HTML."),
    )


class VariantForm(forms.Form):
    sku = forms.CharField(max_length=64, label="SKU")
    name = forms.CharField(max_length=255, label=_("Quy cách (ví dụ 250g)"))
    weight_grams = forms.IntegerField(min_value=1, max_value=1_000_000, label=_("Khối lượng (g)"))


def price_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=0, max_value=10_000_000_000, required=False, label=label, help_text="VND"
    )
