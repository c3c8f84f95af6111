"""Celery application.

Without ``CELERY_BROKER_URL`` the tasks run eagerly in-process (the embedded default of
``make run``); with it, workers consume from Redis.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

app = Celery("shop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
