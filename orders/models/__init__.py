"""Orders models, split by concern (shipping, checkout, orders). Import from ``orders.models``."""

from .checkout import Checkout, CheckoutLine, Reservation
from .orders import (
    Allocation,
    Fulfillment,
    FulfillmentLine,
    FulfillmentStatus,
    Order,
    OrderDeliveryParcel,
    OrderEvent,
    OrderEventType,
    OrderLine,
    OrderNumber,
    OrderStatus,
)
from .shipping import (
    ShippingMethod,
    ShippingMethodTranslation,
    ShippingMethodType,
    ShippingRate,
    ShippingZone,
    ShippingZoneProvince,
    ZoneKind,
)

__all__ = [
    "Allocation",
    "Checkout",
    "CheckoutLine",
    "Fulfillment",
    "FulfillmentLine",
    "FulfillmentStatus",
    "Order",
    "OrderDeliveryParcel",
    "OrderEvent",
    "OrderEventType",
    "OrderLine",
    "OrderNumber",
    "OrderStatus",
    "Reservation",
    "ShippingMethod",
    "ShippingMethodTranslation",
    "ShippingMethodType",
    "ShippingRate",
    "ShippingZone",
    "ShippingZoneProvince",
    "ZoneKind",
]
