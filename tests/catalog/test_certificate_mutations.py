"""ocopCertificateSubmit (producer members) and ocopCertificateVerify (OCOP staff)."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from catalog.models import Certificate, CertificateStatus, ProducerMember
from shop.graphql.ids import global_id
from tests.catalog.factories import make_producer, make_product, pdf_bytes

pytestmark = pytest.mark.django_db

SUBMIT = """mutation($product: ID!, $input: OcopCertificateInput!) {
  ocopCertificateSubmit(product: $product, input: $input) {
    certificate { id stars status certificateNumber expiresAt scanUrl }
    errors { field message code }
  }
}"""
VERIFY = """mutation($id: ID!, $approve: Boolean!, $reason: String) {
  ocopCertificateVerify(id: $id, approve: $approve, reason: $reason) {
    certificate { status statusReason }
    errors { field code }
  }
}"""
PDF = pdf_bytes()


def _input(**overrides):
    data = {
        "stars": 4,
        "score": 78,
        "certificateNumber": "LD-2026-001",
        "decisionNumber": "501/QĐ-UBND",
        "decisionDate": "2026-03-01",
        "issuer": "UBND tỉnh Lâm Đồng",
        "issuerLevel": "PROVINCE",
        "issuedOn": "2026-03-01",
    }
    return data | overrides


@pytest.fixture
def people(django_user_model):
    product = make_product(stars=None)  # a product without a certificate yet
    member = django_user_model.objects.create_user(email="member@htx.vn", password="x-pass-123")
    ProducerMember.objects.create(producer=product.producer, user=member)
    other = django_user_model.objects.create_user(email="other@htx.vn", password="x-pass-123")
    ProducerMember.objects.create(producer=make_producer(), user=other)
    staff = django_user_model.objects.create_user(
        email="staff@ocop.vn", password="x-pass-123", is_staff=True
    )
    return {"product": product, "member": member, "other": other, "staff": staff}


def _post(user, query, variables):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.post(
        "/graphql/", json.dumps({"query": query, "variables": variables}), "application/json"
    )
    return response.json()


def _multipart(user, variables, scan: bytes, name: str):
    client = Client()
    client.force_login(user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    operations = {
        "query": SUBMIT,
        "variables": {**variables, "input": {**variables["input"], "scan": None}},
    }
    return client.post(
        "/graphql/",
        {
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.scan"]}),
            "0": SimpleUploadedFile(name, scan),
        },
    ).json()


def test_member_submits_and_staff_verifies_which_makes_the_product_public(people):
    product = people["product"]
    variables = {"product": global_id("Product", product.pk), "input": _input()}
    submitted = _post(people["member"], SUBMIT, variables)["data"]["ocopCertificateSubmit"]
    assert submitted["errors"] == []
    assert submitted["certificate"]["status"] == "PENDING"
    assert submitted["certificate"]["expiresAt"] == "2029-03-01"
    public = '{ product(slug: "%s", channel: "default-channel") { ocop { stars } } }' % product.slug
    assert _post(None, public, {})["data"]["product"] is None  # pending: still hidden
    verified = _post(
        people["staff"], VERIFY, {"id": submitted["certificate"]["id"], "approve": True}
    )["data"]["ocopCertificateVerify"]
    assert verified == {"certificate": {"status": "VERIFIED", "statusReason": ""}, "errors": []}
    assert _post(None, public, {})["data"]["product"] == {"ocop": {"stars": 4}}


def test_rejection_needs_a_reason_and_keeps_the_reason(people):
    certificate_id = _post(
        people["member"],
        SUBMIT,
        {"product": global_id("Product", people["product"].pk), "input": _input()},
    )["data"]["ocopCertificateSubmit"]["certificate"]["id"]
    no_reason = _post(people["staff"], VERIFY, {"id": certificate_id, "approve": False})
    assert no_reason["data"]["ocopCertificateVerify"]["errors"] == [
        {"field": "reason", "code": "REQUIRED"}
    ]
    rejected = _post(
        people["staff"], VERIFY, {"id": certificate_id, "approve": False, "reason": "Sai số QĐ"}
    )["data"]["ocopCertificateVerify"]["certificate"]
    assert rejected == {"status": "REJECTED", "statusReason": "Sai số QĐ"}


@pytest.mark.parametrize("who", ["other", None])
def test_other_producers_members_and_anonymous_cannot_submit(people, who):
    result = _post(
        people[who] if who else None,
        SUBMIT,
        {"product": global_id("Product", people["product"].pk), "input": _input()},
    )
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert not Certificate.objects.exists()


def test_members_cannot_verify(people):
    certificate_id = _post(
        people["member"],
        SUBMIT,
        {"product": global_id("Product", people["product"].pk), "input": _input()},
    )["data"]["ocopCertificateSubmit"]["certificate"]["id"]
    result = _post(people["member"], VERIFY, {"id": certificate_id, "approve": True})
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert Certificate.objects.get().status == CertificateStatus.PENDING


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"stars": 2, "score": 40}, "stars"),
        ({"stars": 3, "score": 80}, "score"),
        ({"issuedOn": "2026-03-01", "validUntil": "2026-01-01"}, "validUntil"),
    ],
)
def test_bad_certificates_are_refused_with_the_field(people, overrides, field):
    result = _post(
        people["member"],
        SUBMIT,
        {"product": global_id("Product", people["product"].pk), "input": _input(**overrides)},
    )["data"]["ocopCertificateSubmit"]
    assert result["certificate"] is None
    assert result["errors"][0]["field"] == field and result["errors"][0]["code"] == "INVALID"
    assert not Certificate.objects.exists()


def test_scan_is_uploaded_privately_and_checked_by_content(people, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    variables = {"product": global_id("Product", people["product"].pk), "input": _input()}
    fake = _multipart(people["member"], variables, b"<html>not a pdf</html>", "scan.pdf")
    assert fake["data"]["ocopCertificateSubmit"]["errors"][0]["field"] == "scan"
    # Issue #9, item 1: an HTML page between %PDF- and %%EOF, named .html.
    polyglot = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n"
    refused = _multipart(people["member"], variables, polyglot, "giay-chung-nhan.html")
    assert refused["data"]["ocopCertificateSubmit"]["errors"][0]["field"] == "scan"
    assert refused["data"]["ocopCertificateSubmit"]["errors"][0]["code"] == "INVALID"
    assert not Certificate.objects.exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
    good = _multipart(people["member"], variables, PDF, "giay-chung-nhan.html")
    good = good["data"]["ocopCertificateSubmit"]
    assert good["errors"] == []
    assert good["certificate"]["scanUrl"]
    assert re.fullmatch(r"certificates/[0-9a-f]{32}\.pdf", Certificate.objects.get().scan.name)
