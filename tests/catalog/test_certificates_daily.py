"""The daily certificate job: expiry hides products and badges, reminders 60/30/7 days before
expiry go out once per certificate and threshold (locmem email backend, outbox after commit)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from catalog.models import Certificate, CertificateReminder, CertificateStatus, ProducerMember
from catalog.reminders import certificates_daily, reminder_threshold_due
from catalog.tasks import CELERY_BEAT_SCHEDULE, certificates_daily_task
from shop.outbox import outbox_dispatch_due
from tests.catalog.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 1)


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _member(producer, email: str, *, active: bool = True):
    from accounts.models import User

    user = User.objects.create_user(email=email, password="x-pass-123", is_active=active)
    ProducerMember.objects.create(producer=producer, user=user, role="owner")
    return user


def _certified(*, valid_until: datetime.date, producer=None, with_member: bool = True):
    """A verified certificate ending on ``valid_until`` (issued well before TODAY)."""
    producer = producer or make_producer()
    if with_member and not producer.memberships.exists():
        _member(producer, f"owner-{producer.pk}@htx.vn")
    product = make_product(producer=producer, issued_on=TODAY - datetime.timedelta(days=400))
    certificate = product.current_certificate
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=valid_until)
    certificate.refresh_from_db()
    return certificate


def _run(day: datetime.date, capture, **kwargs):
    with capture(execute=True):
        return certificates_daily(today=day, **kwargs)


def _days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [(61, None), (60, 60), (45, 60), (30, 30), (8, 30), (7, 7), (0, 7), (-1, None)],
)
def test_threshold_due_is_the_most_urgent_one_reached(days_left, expected):
    valid_until = TODAY + datetime.timedelta(days=days_left)
    assert reminder_threshold_due(valid_until=valid_until, today=TODAY) == expected


def test_reminders_go_out_at_60_30_and_7_days_once_each(django_capture_on_commit_callbacks):
    certificate = _certified(valid_until=_days(60))
    sent_on = {}
    for offset in range(0, 62):
        before = len(mail.outbox)
        _run(_days(offset), django_capture_on_commit_callbacks)
        _run(_days(offset), django_capture_on_commit_callbacks)  # twice a day: nothing new
        if len(mail.outbox) > before:
            assert len(mail.outbox) == before + 1
            sent_on[offset] = mail.outbox[-1]
    assert sorted(sent_on) == [0, 30, 53]
    assert set(
        CertificateReminder.objects.filter(certificate=certificate).values_list(
            "days_before", flat=True
        )
    ) == {60, 30, 7}
    message = sent_on[53]
    assert message.to == [f"owner-{certificate.product.producer_id}@htx.vn"]
    assert "7 ngày" in message.subject and "7 days" in message.subject
    body = message.body
    assert body.index("Kính gửi") < body.index("Dear")  # Vietnamese first, English below
    assert certificate.certificate_number in body and certificate.product.name in body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "hết hiệu lực" in html and "expires in" in html


def test_a_skipped_stretch_sends_only_the_most_urgent_reminder(django_capture_on_commit_callbacks):
    certificate = _certified(valid_until=_days(65))
    # The job did not run for weeks: first run 25 days before expiry.
    summary = _run(_days(40), django_capture_on_commit_callbacks)

    assert summary.reminders == {60: 0, 30: 1, 7: 0}
    assert len(mail.outbox) == 1 and "30 ngày" in mail.outbox[0].subject
    _run(_days(41), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # the 60-day one is never sent late
    _run(_days(64), django_capture_on_commit_callbacks)  # 1 day left
    assert len(mail.outbox) == 2 and "7 ngày" in mail.outbox[1].subject
    assert sorted(certificate.reminders.values_list("days_before", flat=True)) == [7, 30]


def test_each_member_of_the_producer_gets_it_but_not_inactive_or_other_producers(
    django_capture_on_commit_callbacks,
):
    producer = make_producer()
    _member(producer, "a@htx.vn")
    _member(producer, "b@htx.vn")
    _member(producer, "gone@htx.vn", active=False)
    _member(make_producer(), "other@htx.vn")
    _certified(valid_until=_days(7), producer=producer)

    _run(TODAY, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["a@htx.vn", "b@htx.vn"]


def test_a_producer_without_members_is_reminded_once_a_member_exists(
    django_capture_on_commit_callbacks,
):
    certificate = _certified(valid_until=_days(30), with_member=False)
    producer = certificate.product.producer
    _member(producer, "gone@htx.vn", active=False)  # an inactive member reads nothing

    summary = _run(TODAY, django_capture_on_commit_callbacks)
    _run(_days(1), django_capture_on_commit_callbacks)

    assert summary.reminders == {60: 0, 30: 0, 7: 0}
    assert mail.outbox == []
    assert not CertificateReminder.objects.filter(certificate=certificate).exists()

    _member(producer, "new@htx.vn")
    summary = _run(_days(2), django_capture_on_commit_callbacks)

    assert summary.reminders[30] == 1
    (message,) = mail.outbox
    assert message.to == ["new@htx.vn"] and "30 ngày" in message.subject
    reminder = CertificateReminder.objects.get(certificate=certificate)
    assert reminder.days_before == 30 and reminder.recipients == "new@htx.vn"


def test_a_member_deactivated_before_the_email_leaves_does_not_consume_the_reminder(
    django_capture_on_commit_callbacks,
):
    certificate = _certified(valid_until=_days(7))
    member = certificate.product.producer.memberships.get().user
    with django_capture_on_commit_callbacks(execute=False):
        summary = certificates_daily(today=TODAY)  # recorded; the outbox has not run yet
    assert summary.reminders[7] == 1
    type(member).objects.filter(pk=member.pk).update(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        outbox_dispatch_due()

    assert mail.outbox == []
    assert not CertificateReminder.objects.filter(certificate=certificate).exists()

    type(member).objects.filter(pk=member.pk).update(is_active=True)
    _run(_days(1), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1 and "7 ngày" in mail.outbox[0].subject
    assert CertificateReminder.objects.get(certificate=certificate).sent_at is not None


def test_pending_rejected_superseded_and_far_certificates_get_no_reminder(
    django_capture_on_commit_callbacks,
):
    far = _certified(valid_until=_days(61))
    pending = _certified(valid_until=_days(10))
    Certificate.objects.filter(pk=pending.pk).update(status=CertificateStatus.PENDING)
    superseded = _certified(valid_until=_days(10))
    Certificate.objects.filter(pk=superseded.pk).update(status=CertificateStatus.SUPERSEDED)

    summary = _run(TODAY, django_capture_on_commit_callbacks)

    assert summary.reminders == {60: 0, 30: 0, 7: 0}
    assert mail.outbox == []
    assert not CertificateReminder.objects.filter(
        certificate__in=[far, pending, superseded]
    ).exists()


def test_expired_products_leave_the_public_catalogue_and_lose_ocop(
    gql, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    lapsed = _certified(valid_until=today - datetime.timedelta(days=1))
    fine = _certified(valid_until=today + datetime.timedelta(days=200))
    query = '{ products(first: 20, channel: "default-channel") { edges { node { slug ocop { stars } } } } }'
    detail = '{ product(slug: "%s", channel: "default-channel") { slug ocop { stars } } }'

    with django_capture_on_commit_callbacks(execute=True):
        summary = certificates_daily()

    assert summary.expired == 1
    lapsed.refresh_from_db()
    assert lapsed.status == CertificateStatus.EXPIRED
    nodes = [e["node"] for e in gql(query)["data"]["products"]["edges"]]
    assert nodes == [{"slug": fine.product.slug, "ocop": {"stars": 3}}]
    assert gql(detail % lapsed.product.slug)["data"]["product"] is None
    assert summary.reminders == {60: 0, 30: 0, 7: 0}


def test_expiry_bumps_the_catalogue_version_so_cached_responses_drop():
    from shop.cache import catalogue_version

    _certified(valid_until=TODAY - datetime.timedelta(days=1))
    before = catalogue_version()
    certificates_daily(today=TODAY)
    assert catalogue_version() > before


def test_dry_run_counts_and_writes_nothing(django_capture_on_commit_callbacks):
    lapsed = _certified(valid_until=_days(-3))
    _certified(valid_until=_days(20))

    summary = _run(TODAY, django_capture_on_commit_callbacks, dry_run=True)

    assert (summary.expired, summary.reminders) == (1, {60: 0, 30: 1, 7: 0})
    lapsed.refresh_from_db()
    assert lapsed.status == CertificateStatus.VERIFIED
    assert not CertificateReminder.objects.exists()
    assert mail.outbox == []


def test_command_prints_the_summary_and_checks_its_date(django_capture_on_commit_callbacks):
    _certified(valid_until=_days(-1))
    _certified(valid_until=_days(7))
    _certified(valid_until=_days(59))
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("certificates_daily", "--today", TODAY.isoformat(), stdout=out)

    assert out.getvalue().strip() == (
        "2026-03-01: hết hạn 1 giấy chứng nhận (expired); nhắc hạn (reminders) "
        "60 ngày: 1, 30 ngày: 0, 7 ngày: 1."
    )
    assert len(mail.outbox) == 2
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("certificates_daily", "--today", "01/03/2026", stdout=io.StringIO())


def test_celery_task_runs_the_job_and_is_scheduled_daily(settings):
    _certified(valid_until=timezone.localdate() - datetime.timedelta(days=2))

    assert "hết hạn 1" in certificates_daily_task.delay().get()
    entry = CELERY_BEAT_SCHEDULE["catalog-certificates-daily"]
    assert entry["task"] == "catalog.certificates_daily"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({0}, {15})
    assert settings.CELERY_BEAT_SCHEDULE["catalog-certificates-daily"] == entry
