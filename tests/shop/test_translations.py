"""English catalogues ("Vietnamese first, English second"): every app's ``locale/en`` catalogue
is complete (no empty or fuzzy entry), keeps each message's placeholders, agrees with the other
catalogues on shared messages, is compiled, and is what an English-speaking client gets."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

APPS = ("accounts", "catalog", "orders", "payments", "frontend", "shop")
PLACEHOLDER = re.compile(r"%(?:\([A-Za-z_][A-Za-z0-9_]*\))?[-+ #0]*\d*(?:\.\d+)?[sdifr%]")


def catalogue_path(app: str) -> Path:
    return Path(settings.BASE_DIR) / app / "locale" / "en" / "LC_MESSAGES" / "django.po"


def po_entries(path: Path) -> list[dict]:
    """The entries of a PO file: flags, msgctxt, msgid(_plural) and msgstr[n], continuation
    lines joined. Small on purpose: our catalogues use no exotic syntax."""
    entries: list[dict] = []
    entry: dict = {}
    field: tuple[str, int] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        keyword = re.match(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$", line)
        starts = line.startswith("#,") or (keyword and keyword.group(1) in ("msgctxt", "msgid"))
        if starts and (not entries or "msgstr" in entry):
            entry = {"flags": set()}
            entries.append(entry)
        if line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
        elif keyword:
            name, index, text = keyword.group(1), int(keyword.group(2) or 0), keyword.group(3)
            if name == "msgstr":
                entry.setdefault("msgstr", {})[index] = ast.literal_eval(text)
            else:
                entry[name] = ast.literal_eval(text)
            field = (name, index)
        elif line.startswith('"') and field is not None:
            name, index = field
            if name == "msgstr":
                entry["msgstr"][index] += ast.literal_eval(line)
            else:
                entry[name] += ast.literal_eval(line)
    return [e for e in entries if e.get("msgid")]  # the header has an empty msgid


def placeholders(text: str) -> list[str]:
    return sorted(p for p in PLACEHOLDER.findall(text) if p != "%%")


@pytest.mark.parametrize("app", APPS)
def test_catalogue_is_complete_and_keeps_placeholders(app):
    entries = po_entries(catalogue_path(app))
    assert len(entries) > 5
    for entry in entries:
        msgid = entry["msgid"]
        assert "fuzzy" not in entry["flags"], msgid
        assert entry["msgstr"] and all(s.strip() for s in entry["msgstr"].values()), msgid
        for index, msgstr in entry["msgstr"].items():
            source = entry.get("msgid_plural", msgid) if index else msgid
            assert placeholders(msgstr) == placeholders(source), (msgid, msgstr)


@pytest.mark.parametrize("app", APPS)
def test_catalogue_is_compiled_after_its_last_change(app):
    po = catalogue_path(app)
    mo = po.with_suffix(".mo")
    assert mo.exists(), mo
    # msgfmt drops untranslated entries, so a stale .mo has fewer messages than the .po.
    from gettext import GNUTranslations

    with mo.open("rb") as handle:
        compiled = GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for entry in po_entries(po):
        key = entry["msgid"] if "msgid_plural" not in entry else (entry["msgid"], 0)
        if "msgctxt" in entry:
            key = f"{entry['msgctxt']}\x04{entry['msgid']}"
        assert compiled.get(key) == entry["msgstr"][0], entry["msgid"]


def test_a_message_shared_by_two_apps_reads_the_same_everywhere():
    """Django merges every app's catalogue into one, so one message gets one translation."""
    seen: dict[str, tuple[str, str]] = {}
    for app in APPS:
        for entry in po_entries(catalogue_path(app)):
            if "msgid_plural" in entry or "msgctxt" in entry:
                continue
            msgstr = entry["msgstr"][0]
            first = seen.setdefault(entry["msgid"], (app, msgstr))
            assert first[1] == msgstr, (entry["msgid"], first, (app, msgstr))


def test_gettext_switches_between_vietnamese_and_english():
    from django.utils.translation import gettext

    with translation.override("en"):
        assert gettext("Giỏ hàng đang trống.") == "The cart is empty."
        assert gettext("Cổng nhà sản xuất") == "Producer portal"
    with translation.override("vi"):
        assert gettext("Giỏ hàng đang trống.") == "Giỏ hàng đang trống."


CHECKOUT_CREATE = """mutation { checkoutCreate(input: {channel: "khong-co", lines: []}) {
  errors { field code message } } }"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Sales channel “khong-co” not found."),
        ("en-US,en;q=0.9", "Sales channel “khong-co” not found."),
        ("vi", "Không tìm thấy kênh bán “khong-co”."),
    ],
)
def test_graphql_error_follows_accept_language(language, expected):
    response = Client().post(
        "/graphql/",
        json.dumps({"query": CHECKOUT_CREATE}),
        "application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    errors = response.json()["data"]["checkoutCreate"]["errors"]
    assert [e["message"] for e in errors] == [expected]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Log in to the producer portal"), ("vi", "Đăng nhập cổng nhà sản xuất")],
)
def test_portal_page_follows_accept_language(language, heading):
    response = Client().get("/portal/sign-in/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    other = "Đăng nhập cổng nhà sản xuất" if language == "en" else "Log in to the producer portal"
    assert other not in html


@pytest.mark.django_db
def test_portal_defaults_to_vietnamese_without_accept_language():
    response = Client().get("/portal/sign-in/")
    assert "Đăng nhập cổng nhà sản xuất" in response.content.decode()


@pytest.mark.django_db
def test_portal_follows_an_english_language_code_setting(settings):
    settings.LANGUAGE_CODE = "en"
    response = Client().get("/portal/sign-in/")
    assert "Log in to the producer portal" in response.content.decode()
