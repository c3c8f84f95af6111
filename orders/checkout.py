"""Checkout services: the buyer's cart from first line to the moment it becomes an order.

Every function validates first and raises ``ValidationError`` with Saleor's
``CheckoutErrorCode`` names (lower-case) and the offending ``variants``/``lines`` in ``params``;
the GraphQL layer turns them into ``CheckoutError`` objects. Callers run them in a transaction
(the mutation base does), so a refusal changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.addresses import address_clean
from accounts.models import Address
from catalog.models import Channel, ProductVariant
from catalog.selectors import products_visible
from shop.graphql.ids import global_id
from shop.money import Money, TaxedMoney, taxed_from_gross

from . import availability
from .models import Checkout, CheckoutLine, ShippingMethod
from .shipping import DeliveryQuote, ParcelItem, delivery_quotes


@dataclass(frozen=True)
class LineRequest:
    variant_id: int
    quantity: int
    global_id: str


def _variant_gid(pk: int) -> str:
    return global_id("ProductVariant", pk)


def max_line_quantity() -> int:
    return settings.CHECKOUT_MAX_LINE_QUANTITY


# --- Validation -----------------------------------------------------------------------------
def purchasable_variants(
    *, channel: Channel, variant_ids: Iterable[int]
) -> dict[int, ProductVariant]:
    """Variants a buyer may put in a cart in ``channel``: certified, published and available
    for purchase now, with a price in the channel."""
    now = timezone.now()
    visible = products_visible(channel=channel).filter(
        listing_available_at__isnull=False, listing_available_at__lte=now
    )
    variants = (
        ProductVariant.objects.filter(
            pk__in=set(variant_ids),
            product__in=visible.values("pk"),
            channel_listings__channel=channel,
        )
        .select_related("product", "product__producer")
        .distinct()
    )
    return {v.pk: v for v in variants}


def _check_purchasable(
    channel: Channel, requests: Sequence[LineRequest]
) -> dict[int, ProductVariant]:
    variants = purchasable_variants(channel=channel, variant_ids=[r.variant_id for r in requests])
    missing = [r.global_id for r in requests if r.variant_id not in variants]
    if missing:
        raise ValidationError(
            {
                "lines": ValidationError(
                    _("Sản phẩm không còn bán hoặc chưa được chứng nhận: %(variants)s."),
                    code="unavailable_variant_in_channel",
                    params={"variants": missing},
                )
            }
        )
    return variants


def _check_quantities(
    checkout: Checkout | None, totals: dict[int, int], *, field: str = "quantity"
) -> None:
    """Per-line cap and availability (stock − allocations − other buyers' holds)."""
    limit = max_line_quantity()
    over = [_variant_gid(v) for v, q in totals.items() if q > limit]
    if over:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Mỗi sản phẩm chỉ được mua tối đa %(limit)d."),
                    code="quantity_greater_than_limit",
                    params={"limit": limit, "variants": over},
                )
            }
        )
    available = availability.variants_available(
        variant_ids=totals.keys(), exclude_checkout=checkout
    )
    short = {v: available.get(v, 0) for v, q in totals.items() if q > available.get(v, 0)}
    if short:
        raise availability.insufficient_stock(short, field=field)


def _requests(lines: Iterable[dict[str, Any]], *, allow_zero: bool) -> list[LineRequest]:
    from shop.graphql.ids import global_id_decode_int

    requests = []
    for line in lines:
        quantity = line.get("quantity")
        variant_gid = line.get("variant_id")
        if not variant_gid:
            raise ValidationError(
                {"variant_id": ValidationError(_("Hãy chọn sản phẩm."), code="required")}
            )
        if quantity is None:
            quantity = 1
        if quantity < 0 or (quantity == 0 and not allow_zero):
            raise ValidationError(
                {
                    "quantity": ValidationError(
                        _("Số lượng phải lớn hơn 0."),
                        code="zero_quantity",
                        params={"variants": [variant_gid]},
                    )
                }
            )
        requests.append(
            LineRequest(
                variant_id=global_id_decode_int(variant_gid, only_type="ProductVariant"),
                quantity=quantity,
                global_id=variant_gid,
            )
        )
    return requests


def _merge(requests: Sequence[LineRequest]) -> dict[int, int]:
    totals: dict[int, int] = {}
    for request in requests:
        totals[request.variant_id] = totals.get(request.variant_id, 0) + request.quantity
    return totals


def _hold_stock(checkout: Checkout) -> None:
    """Hold the checkout's units for its buyer, or not, by the shop's hold policy.

    Only signed-in buyers hold stock. An anonymous cart costs nothing to make, so holds for it
    would let anyone lock a product's whole stock away (issue #9); Saleor too leaves holds off
    for anonymous checkouts by default. An account holds for one checkout at a time (a hold on
    one cart releases its other carts'), and a checkout's renewed holds end at the latest
    ``CHECKOUT_RESERVATION_MAX_MINUTES`` after its first hold. A buyer without a hold is still
    told at every step when stock runs short, and ``checkoutComplete`` decides under the stock
    locks, counting everyone else's live holds.
    """
    if checkout.user_id is None:
        availability.checkout_release(checkout=checkout)
        _check_quantities(
            checkout, {line.variant_id: line.quantity for line in checkout.lines.all()}
        )
        return
    availability.account_holds_lock(user_id=checkout.user_id)
    availability.checkout_reserve(checkout=checkout)
    availability.user_holds_release(user_id=checkout.user_id, keep=checkout)


def _refresh_reservations(checkout: Checkout) -> None:
    """A line change renews the holds of a checkout that has them (and may be refused)."""
    if availability.checkout_has_reservations(checkout):
        _hold_stock(checkout)


# --- Create and lines -------------------------------------------------------------------------
@transaction.atomic
def checkout_create(
    *,
    channel: Channel,
    lines: Iterable[dict[str, Any]] = (),
    email: str | None = None,
    user: Any = None,
    shipping_address: dict[str, Any] | None = None,
    billing_address: dict[str, Any] | None = None,
    language_code: str = "vi",
) -> Checkout:
    if not channel.is_active:
        raise ValidationError(
            {"channel": ValidationError(_("Kênh bán không hoạt động."), code="channel_inactive")}
        )
    requests = _requests(lines, allow_zero=False)
    totals = _merge(requests)
    _check_purchasable(channel, requests)
    _check_quantities(None, totals, field="quantity")
    if email:
        email = _clean_email(email)
    checkout = Checkout.objects.create(
        channel=channel,
        currency=channel.currency_code,
        user=user if user is not None and user.is_authenticated else None,
        email=email or (user.email if user is not None and user.is_authenticated else ""),
        language_code=language_code,
    )
    CheckoutLine.objects.bulk_create(
        [CheckoutLine(checkout=checkout, variant_id=v, quantity=q) for v, q in totals.items()]
    )
    if shipping_address:
        checkout_shipping_address_update(checkout=checkout, address=shipping_address)
    if billing_address:
        checkout_billing_address_update(checkout=checkout, address=billing_address)
    return checkout


@transaction.atomic
def checkout_lines_add(*, checkout: Checkout, lines: Iterable[dict[str, Any]]) -> Checkout:
    """Add quantities (to an existing line of the same variant, as Saleor does)."""
    requests = _requests(lines, allow_zero=False)
    _check_purchasable(checkout.channel, requests)
    existing = {line.variant_id: line for line in checkout.lines.select_for_update()}
    totals = _merge(requests)
    wanted = {v: q + (existing[v].quantity if v in existing else 0) for v, q in totals.items()}
    _check_quantities(checkout, wanted)
    for variant_id, quantity in wanted.items():
        if variant_id in existing:
            line = existing[variant_id]
            line.quantity = quantity
            line.save(update_fields=["quantity"])
        else:
            CheckoutLine.objects.create(checkout=checkout, variant_id=variant_id, quantity=quantity)
    _touch(checkout)
    return checkout


@transaction.atomic
def checkout_lines_update(*, checkout: Checkout, lines: Iterable[dict[str, Any]]) -> Checkout:
    """Replace quantities; 0 deletes the line. Lines are named by ``lineId`` or ``variantId``."""
    from shop.graphql.ids import global_id_decode

    current = {line.pk: line for line in checkout.lines.select_for_update()}
    by_variant = {line.variant_id: line for line in current.values()}
    changes: dict[int, int] = {}
    new_requests: list[LineRequest] = []
    for data in lines:
        quantity = data.get("quantity")
        if quantity is None or quantity < 0:
            raise ValidationError(
                {"quantity": ValidationError(_("Số lượng không được âm."), code="zero_quantity")}
            )
        if data.get("line_id"):
            _type, pk = global_id_decode(data["line_id"], only_type="CheckoutLine")
            line = next((line for key, line in current.items() if str(key) == pk), None)
            if line is None:
                raise ValidationError(
                    {
                        "line_id": ValidationError(
                            _("Không tìm thấy dòng hàng."),
                            code="not_found",
                            params={"lines": [data["line_id"]]},
                        )
                    }
                )
            changes[line.variant_id] = quantity
        else:
            request = _requests([data], allow_zero=True)[0]
            if request.variant_id in by_variant:
                changes[request.variant_id] = quantity
            elif quantity > 0:
                new_requests.append(request)
                changes[request.variant_id] = quantity
    if new_requests:
        _check_purchasable(checkout.channel, new_requests)
    positive = {v: q for v, q in changes.items() if q > 0}
    _check_quantities(checkout, positive)
    for variant_id, quantity in changes.items():
        line = by_variant.get(variant_id)
        if quantity == 0:
            if line is not None:
                line.delete()
        elif line is not None:
            line.quantity = quantity
            line.save(update_fields=["quantity"])
        else:
            CheckoutLine.objects.create(checkout=checkout, variant_id=variant_id, quantity=quantity)
    _touch(checkout)
    return checkout


@transaction.atomic
def checkout_lines_delete(*, checkout: Checkout, line_ids: Iterable[str]) -> Checkout:
    from shop.graphql.ids import global_id_decode

    wanted = {global_id_decode(gid, only_type="CheckoutLine")[1]: gid for gid in line_ids}
    lines = {str(line.pk): line for line in checkout.lines.all()}
    unknown = [gid for pk, gid in wanted.items() if pk not in lines]
    if unknown:
        raise ValidationError(
            {
                "line_id": ValidationError(
                    _("Không tìm thấy dòng hàng."), code="not_found", params={"lines": unknown}
                )
            }
        )
    CheckoutLine.objects.filter(checkout=checkout, pk__in=list(wanted)).delete()
    _touch(checkout)
    return checkout


def _touch(checkout: Checkout) -> None:
    checkout.save(update_fields=["updated_at"])
    _refresh_reservations(checkout)
    _drop_inapplicable_shipping(checkout)


# --- Buyer details ----------------------------------------------------------------------------
def _clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError(
            {"email": ValidationError(_("Trường này không được để trống."), code="required")}
        )
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": ValidationError(_("Địa chỉ email không hợp lệ."), code="invalid")}
        ) from None
    return email


@transaction.atomic
def checkout_email_update(*, checkout: Checkout, email: str) -> Checkout:
    checkout.email = _clean_email(email)
    checkout.save(update_fields=["email", "updated_at"])
    return checkout


def _address_from_input(data: dict[str, Any], address_type: str) -> Address:
    values = address_clean(data, address_type=address_type)
    return Address.objects.create(**values)


@transaction.atomic
def checkout_shipping_address_update(*, checkout: Checkout, address: dict[str, Any]) -> Checkout:
    """Set the delivery address; reaching delivery is when stock is held (``_hold_stock``)."""
    if not checkout.lines.exists():
        raise ValidationError(
            {"lines": ValidationError(_("Giỏ hàng đang trống."), code="no_lines")}
        )
    old = checkout.shipping_address
    checkout.shipping_address = _address_from_input(address, "shipping")
    checkout.save(update_fields=["shipping_address", "updated_at"])
    if old is not None:
        old.delete()
    _hold_stock(checkout)
    _drop_inapplicable_shipping(checkout)
    return checkout


@transaction.atomic
def checkout_billing_address_update(*, checkout: Checkout, address: dict[str, Any]) -> Checkout:
    old = checkout.billing_address
    checkout.billing_address = _address_from_input(address, "billing")
    checkout.save(update_fields=["billing_address", "updated_at"])
    if old is not None:
        old.delete()
    return checkout


@transaction.atomic
def checkout_customer_attach(*, checkout: Checkout, user: Any) -> Checkout:
    if checkout.user_id and checkout.user_id != user.pk:
        raise ValidationError(
            {"customer_id": ValidationError(_("Giỏ hàng thuộc về người khác."), code="invalid")}
        )
    checkout.user = user
    checkout.email = user.email
    checkout.save(update_fields=["user", "email", "updated_at"])
    return checkout


@transaction.atomic
def checkout_customer_detach(*, checkout: Checkout) -> Checkout:
    """The cart becomes anonymous, and anonymous carts hold nothing (``_hold_stock``)."""
    checkout.user = None
    checkout.save(update_fields=["user", "updated_at"])
    availability.checkout_release(checkout=checkout)
    return checkout


# --- Delivery ---------------------------------------------------------------------------------
def checkout_parcel_items(
    checkout: Checkout, lines: Sequence[CheckoutLine] | None = None
) -> list[ParcelItem]:
    """What ships, grouped later by producer: weights, sizes, prices of the checkout's lines."""
    lines = list(lines if lines is not None else _lines_with_prices(checkout))
    items = []
    for line in lines:
        variant = line.variant
        producer = variant.product.producer
        items.append(
            ParcelItem(
                producer_id=producer.pk,
                producer_name=producer.name,
                origin_province=producer.province_id,
                variant_id=variant.pk,
                weight_grams=variant.weight_grams,
                length_mm=variant.length_mm,
                width_mm=variant.width_mm,
                height_mm=variant.height_mm,
                quantity=line.quantity,
                unit_price=Money(line.unit_gross, checkout.currency),
                is_fragile=variant.is_fragile,
                is_perishable=variant.is_perishable,
            )
        )
    return items


def checkout_delivery_quotes(
    checkout: Checkout, lines: Sequence[CheckoutLine] | None = None
) -> list[DeliveryQuote]:
    address = checkout.shipping_address
    if address is None or address.province_id is None:
        return []
    items = checkout_parcel_items(checkout, lines)
    return delivery_quotes(
        items=items, destination_province=address.province_id, currency=checkout.currency
    )


def checkout_delivery_quote(
    checkout: Checkout, lines: Sequence[CheckoutLine] | None = None
) -> DeliveryQuote | None:
    if checkout.shipping_method_id is None:
        return None
    return next(
        (
            q
            for q in checkout_delivery_quotes(checkout, lines)
            if q.method.pk == checkout.shipping_method_id and q.available
        ),
        None,
    )


@transaction.atomic
def checkout_delivery_method_update(
    *, checkout: Checkout, method: ShippingMethod | None
) -> Checkout:
    if checkout.shipping_address is None:
        raise ValidationError(
            {
                "delivery_method_id": ValidationError(
                    _("Hãy nhập địa chỉ giao hàng trước."), code="shipping_address_not_set"
                )
            }
        )
    if method is None:
        raise ValidationError(
            {
                "delivery_method_id": ValidationError(
                    _("Không tìm thấy phương thức giao hàng."), code="not_found"
                )
            }
        )
    quote = next((q for q in checkout_delivery_quotes(checkout) if q.method.pk == method.pk), None)
    if quote is None or not quote.available:
        reason = quote.reason if quote else _("Phương thức này không giao đến địa chỉ đã chọn.")
        raise ValidationError(
            {"delivery_method_id": ValidationError(reason, code="delivery_method_not_applicable")}
        )
    checkout.shipping_method = method
    checkout.save(update_fields=["shipping_method", "updated_at"])
    _hold_stock(checkout)
    return checkout


def _drop_inapplicable_shipping(checkout: Checkout) -> None:
    """A line or address change may make the chosen method impossible: forget it then."""
    if checkout.shipping_method_id is None:
        return
    if checkout_delivery_quote(checkout) is None:
        checkout.shipping_method = None
        checkout.save(update_fields=["shipping_method", "updated_at"])


# --- Prices -----------------------------------------------------------------------------------
def _lines_with_prices(checkout: Checkout) -> list[CheckoutLine]:
    from .selectors import checkout_lines_priced

    return checkout_lines_priced(checkout)


@dataclass(frozen=True)
class CheckoutTotals:
    subtotal: TaxedMoney
    shipping: TaxedMoney
    total: TaxedMoney
    quote: DeliveryQuote | None


def checkout_totals(
    checkout: Checkout, lines: Sequence[CheckoutLine] | None = None
) -> CheckoutTotals:
    lines = list(lines if lines is not None else _lines_with_prices(checkout))
    currency = checkout.currency
    gross = sum((line_total(line, currency).gross.amount for line in lines), Decimal(0))
    net = sum((line_total(line, currency).net.amount for line in lines), Decimal(0))
    subtotal = TaxedMoney(net=Money(net, currency), gross=Money(gross, currency))
    quote = checkout_delivery_quote(checkout, lines)
    shipping_amount = quote.total.amount if quote else Decimal(0)
    shipping = TaxedMoney(
        net=Money(shipping_amount, currency), gross=Money(shipping_amount, currency)
    )
    total = TaxedMoney(net=subtotal.net + shipping.net, gross=subtotal.gross + shipping.gross)
    return CheckoutTotals(subtotal=subtotal, shipping=shipping, total=total, quote=quote)


def line_unit_price(line: CheckoutLine, currency: str) -> TaxedMoney:
    return taxed_from_gross(Money(line.unit_gross or 0, currency), line.variant.product.tax_rate)


def line_total(line: CheckoutLine, currency: str) -> TaxedMoney:
    unit = line_unit_price(line, currency)
    gross = unit.gross * line.quantity
    return taxed_from_gross(gross, line.variant.product.tax_rate)


# --- Expiry -----------------------------------------------------------------------------------
def checkouts_expire(*, now: datetime.datetime | None = None) -> int:
    """Delete abandoned checkouts (no change for CHECKOUT_TTL_DAYS; anonymous ones sooner) and
    release expired holds. Run by a periodic task."""
    now = now or timezone.now()
    anonymous_cutoff = now - datetime.timedelta(days=settings.CHECKOUT_TTL_DAYS_ANONYMOUS)
    user_cutoff = now - datetime.timedelta(days=settings.CHECKOUT_TTL_DAYS_USER)
    stale = Checkout.objects.filter(
        Q(user__isnull=True, updated_at__lt=anonymous_cutoff)
        | Q(user__isnull=False, updated_at__lt=user_cutoff)
    )
    _deleted, per_model = stale.delete()
    availability.reservations_release_expired(now=now)
    return per_model.get(Checkout._meta.label, 0)
