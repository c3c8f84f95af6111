"""The daily certificate job: expire lapsed certificates and remind producers before expiry.

``certificates_daily`` is what both the Celery beat task (``catalog.certificates_daily``) and
``manage.py certificates_daily`` call. Reminders go out 60, 30 and 7 days before a verified
certificate's ``valid_until``:

* each (certificate, threshold) pair is recorded in :class:`CertificateReminder` under a unique
  constraint, so running the job twice a day sends nothing twice;
* a run sends only the *most urgent* threshold due (a certificate found 25 days before expiry
  after skipped runs gets the 30-day reminder, not the 60-day one too), and a threshold is not
  sent once a more urgent one was;
* the email leaves through the outbox after the job's transaction commits (the same path as
  order emails), to the producer's active members, Vietnamese first with English below;
* a producer with no active member is not reminded *yet*: nothing is recorded, so a later run
  sends the reminder once someone can read it (the most urgent threshold due by then).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from shop.outbox import outbox_consumer, outbox_publish

from .models import Certificate, CertificateReminder, CertificateStatus, ProducerMember
from .services import certificates_expire

REMINDER_DAYS: tuple[int, ...] = (60, 30, 7)
REMINDER_TOPIC = "certificate.expiry_reminder"


@dataclass
class DailySummary:
    today: datetime.date
    expired: int = 0
    reminders: dict[int, int] = field(default_factory=lambda: dict.fromkeys(REMINDER_DAYS, 0))
    dry_run: bool = False

    def as_text(self) -> str:
        per = ", ".join(f"{days} ngày: {self.reminders[days]}" for days in REMINDER_DAYS)
        prefix = "[chạy thử / dry run] " if self.dry_run else ""
        return (
            f"{prefix}{self.today.isoformat()}: hết hạn {self.expired} giấy chứng nhận "
            f"(expired); nhắc hạn (reminders) {per}."
        )


def reminder_threshold_due(*, valid_until: datetime.date, today: datetime.date) -> int | None:
    """The most urgent threshold reached on ``today`` (7 before 30 before 60), or None."""
    days_left = (valid_until - today).days
    if days_left < 0:
        return None
    due = [days for days in REMINDER_DAYS if days_left <= days]
    return min(due) if due else None


def _reminders_due(today: datetime.date) -> list[tuple[Certificate, int]]:
    """Verified certificates valid today and expiring within the largest threshold whose most
    urgent due threshold has not been reminded yet (nor a more urgent one), of producers with
    an active member to write to."""
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS))
    reachable = ProducerMember.objects.filter(user__is_active=True).values("producer_id")
    certificates = (
        Certificate.objects.filter(
            status=CertificateStatus.VERIFIED,
            valid_until__gte=today,
            valid_until__lte=horizon,
            product__producer_id__in=reachable,
        )
        .order_by("valid_until", "pk")
        .only("pk", "valid_until", "product_id")
    )
    sent: dict[int, int] = {}
    for certificate_id, days in CertificateReminder.objects.filter(
        certificate__in=certificates
    ).values_list("certificate_id", "days_before"):
        sent[certificate_id] = min(days, sent.get(certificate_id, days))
    due = []
    for certificate in certificates:
        threshold = reminder_threshold_due(valid_until=certificate.valid_until, today=today)
        if threshold is None:
            continue
        if certificate.pk in sent and sent[certificate.pk] <= threshold:
            continue
        due.append((certificate, threshold))
    return due


def certificates_daily(
    *, today: datetime.date | None = None, dry_run: bool = False
) -> DailySummary:
    """Expire lapsed certificates (hiding their products and badges, and bumping the catalogue
    version) and queue the expiry reminders due on ``today`` (default: the local date).

    With ``dry_run`` nothing is written: the summary counts what a real run would do."""
    today = today or timezone.localdate()
    summary = DailySummary(today=today, dry_run=dry_run)
    if dry_run:
        summary.expired = Certificate.objects.filter(
            status=CertificateStatus.VERIFIED, valid_until__lt=today
        ).count()
        for _certificate, threshold in _reminders_due(today):
            summary.reminders[threshold] += 1
        return summary
    with transaction.atomic():
        summary.expired = certificates_expire(today=today)
        for certificate, threshold in _reminders_due(today):
            if _reminder_record(certificate=certificate, threshold=threshold):
                summary.reminders[threshold] += 1
    return summary


def _reminder_record(*, certificate: Certificate, threshold: int) -> bool:
    """Record the reminder and publish its email; False when a concurrent run recorded it."""
    try:
        with transaction.atomic():
            reminder = CertificateReminder.objects.create(
                certificate=certificate, days_before=threshold
            )
    except IntegrityError:
        return False
    outbox_publish(REMINDER_TOPIC, {"reminder_id": reminder.pk})
    return True


# --- the email (outbox consumer) --------------------------------------------------------------
def _subject(certificate: Certificate, days: int) -> str:
    return (
        f"[OCOP] Giấy chứng nhận {certificate.certificate_number} hết hạn sau {days} ngày / "
        f"Certificate expires in {days} days"
    )


def reminder_email_send(reminder: CertificateReminder) -> bool:
    """Email ``reminder`` to the producer's active members; False when it was sent before.

    With no active member left (deactivated since the job recorded it) nothing is sent and the
    reminder is deleted rather than marked sent, so a later daily run records it again."""
    if reminder.sent_at is not None:
        return False
    certificate = reminder.certificate
    product = certificate.product
    producer = product.producer
    recipients = list(
        ProducerMember.objects.filter(producer=producer, user__is_active=True)
        .order_by("pk")
        .values_list("user__email", flat=True)
    )
    if not recipients:
        reminder.delete()
        return False
    context = {
        "certificate": certificate,
        "product": product,
        "producer": producer,
        "days": reminder.days_before,
        "valid_until_vi": certificate.valid_until.strftime("%d/%m/%Y"),
        "valid_until_en": certificate.valid_until.isoformat(),
        "portal_url": f"{settings.PUBLIC_URL}/portal/",
    }
    with translation.override("vi"):
        text = render_to_string("catalog/emails/certificate_expiry_reminder.txt", context)
        html = render_to_string("catalog/emails/certificate_expiry_reminder.html", context)
    send_mail(
        _subject(certificate, reminder.days_before),
        text,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
        html_message=html,
    )
    reminder.sent_at = timezone.now()
    reminder.recipients = ", ".join(recipients)
    reminder.save(update_fields=["sent_at", "recipients"])
    return True


@outbox_consumer(REMINDER_TOPIC)
def on_expiry_reminder(payload: dict[str, Any]) -> None:
    # Locked so two deliveries of one message cannot both send it.
    reminder = (
        CertificateReminder.objects.select_for_update(of=("self",))
        .select_related("certificate__product__producer")
        .filter(pk=payload["reminder_id"])
        .first()
    )
    if reminder is not None:
        reminder_email_send(reminder)
