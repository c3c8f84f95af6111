"""Payments: Saleor's Transactions API (``TransactionItem``/``TransactionEvent``) with pluggable
gateways (``payments.gateways``: cash on delivery today; Stripe, VNPay, MoMo, VietQR register
the same way).

Import direction: payments → orders, catalog; orders never imports payments. Orders reach it
through settings naming functions: ``CHECKOUT_PAYMENT_COVERAGE`` (checkoutComplete coverage,
``payments.services.checkout_payment_covers``), ``PAYMENT_STATUS_PROVIDER`` and
``PAYMENT_STATUS_PREFETCH`` (checkout/order payment fields), and the outbox (``order.canceled``
→ refund/cancel). ``Order.transactions`` are read lazily (order FK, or the checkout's token the
order keeps), so they are right even before the ``order.placed`` consumer links the checkout's
transactions to the order (idempotent) or when the outbox is late.
"""
