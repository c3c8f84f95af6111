"""Catalogue models, split by concern (producers, certificates, products, channels, stock,
content). Import from ``catalog.models``."""

from .certificates import Certificate, CertificateStatus, IssuerLevel
from .channels import (
    Channel,
    CollectionChannelListing,
    ProductChannelListing,
    VariantChannelListing,
)
from .content import Menu, MenuItem, Page, PageTranslation
from .producers import Producer, ProducerKind, ProducerMedia, ProducerMember, ProducerTranslation
from .products import (
    Category,
    CategoryTranslation,
    Collection,
    CollectionProduct,
    CollectionTranslation,
    Product,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantTranslation,
    Thumbnail,
)
from .reminders import CertificateReminder
from .stock import Stock, Warehouse

__all__ = [
    "Category",
    "CategoryTranslation",
    "Certificate",
    "CertificateReminder",
    "CertificateStatus",
    "Channel",
    "Collection",
    "CollectionChannelListing",
    "CollectionProduct",
    "CollectionTranslation",
    "IssuerLevel",
    "Menu",
    "MenuItem",
    "Page",
    "PageTranslation",
    "Producer",
    "ProducerKind",
    "ProducerMedia",
    "ProducerMember",
    "ProducerTranslation",
    "Product",
    "ProductChannelListing",
    "ProductMedia",
    "ProductTranslation",
    "ProductVariant",
    "ProductVariantTranslation",
    "Stock",
    "Thumbnail",
    "VariantChannelListing",
    "Warehouse",
]
