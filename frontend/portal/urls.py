from django.urls import path

from . import auth, certificates, dashboard, deletion, orders, photos, products, stock

app_name = "portal"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("sign-in/", auth.PortalLoginView.as_view(), name="login"),
    path("sign-out/", auth.PortalLogoutView.as_view(), name="logout"),
    path("products/", products.product_list, name="products"),
    path("products/new/", products.product_new, name="product_new"),
    path("products/<int:product_id>/", products.product_edit, name="product"),
    path(
        "products/<int:product_id>/delete/",
        deletion.product_delete_confirm,
        name="product_delete",
    ),
    path("products/<int:product_id>/variants/new/", products.variant_save, name="variant_new"),
    path(
        "products/<int:product_id>/variants/<int:variant_id>/delete/",
        deletion.variant_delete_confirm,
        name="variant_delete",
    ),
    path(
        "products/<int:product_id>/variants/<int:variant_id>/",
        products.variant_save,
        name="variant",
    ),
    path("products/<int:product_id>/channels/", products.product_channels, name="product_channels"),
    path("products/<int:product_id>/photos/", photos.photo_upload, name="photo_upload"),
    path("products/<int:product_id>/photos/order/", photos.photo_order, name="photo_order"),
    path(
        "products/<int:product_id>/photos/<int:media_id>/delete/",
        photos.photo_delete,
        name="photo_delete",
    ),
    path("stock/", stock.stock_list, name="stock"),
    path("stock/import/", stock.stock_import, name="stock_import"),
    path("stock/import/confirm/", stock.stock_import_confirm, name="stock_import_confirm"),
    path("variants/<int:variant_id>/stock/", stock.variant_stock, name="variant_stock"),
    path("certificates/", certificates.certificate_list, name="certificates"),
    path("certificates/new/", certificates.certificate_new, name="certificate_new"),
    path(
        "certificates/<int:certificate_id>/scan/",
        certificates.certificate_scan,
        name="certificate_scan",
    ),
    path("orders/", orders.order_list, name="orders"),
    path("orders/<uuid:order_id>/", orders.order_detail, name="order"),
    path("orders/<uuid:order_id>/fulfil/", orders.order_fulfil, name="order_fulfil"),
    path("orders/<uuid:order_id>/packing-slip/", orders.packing_slip, name="packing_slip"),
]
