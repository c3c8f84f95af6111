"""accountRegister, accountUpdate, passwordChange, requestPasswordReset + setPassword, me."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from accounts.models import Address, User

from .conftest import PASSWORD, vn_address_input

REGISTER = """
mutation Register($input: AccountRegisterInput!) {
  accountRegister(input: $input) {
    requiresConfirmation
    user { email firstName languageCode metadata { key value } }
    errors { field code message }
  }
}
"""
UPDATE = """
mutation Update($input: AccountInput!) {
  accountUpdate(input: $input) {
    user {
      firstName lastName languageCode metadata { key value }
      defaultShippingAddress { city countryArea phone isDefaultShippingAddress }
      defaultBillingAddress { city }
      addresses { id }
    }
    errors { field code message addressType }
  }
}
"""
PASSWORD_CHANGE = """
mutation Change($old: String, $new: String!) {
  passwordChange(oldPassword: $old, newPassword: $new) {
    user { email } errors { field code message }
  }
}
"""
RESET = """
mutation Reset($email: String!, $redirectUrl: String!) {
  requestPasswordReset(email: $email, redirectUrl: $redirectUrl, channel: "default-channel") {
    errors { field code message }
  }
}
"""
SET_PASSWORD = """
mutation Set($email: String!, $token: String!, $password: String!) {
  setPassword(email: $email, token: $token, password: $password) {
    token refreshToken user { email } errors { field code message }
  }
}
"""
LOGIN = """
mutation Login($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { code } }
}
"""


def register(gql, **fields):
    data = {"email": "lan@example.com", "password": PASSWORD, **fields}
    return gql(REGISTER, {"input": data})["data"]["accountRegister"]


# --- accountRegister --------------------------------------------------------------------------


def test_register_creates_an_active_account_without_confirmation(gql):
    result = register(
        gql,
        email="  Lan@Example.COM ",
        firstName="Lan",
        languageCode="EN_US",
        metadata=[{"key": "source", "value": "storefront"}],
        redirectUrl="https://shop.example.com/confirm",
        channel="default-channel",
    )
    assert result["errors"] == []
    assert result["requiresConfirmation"] is False
    assert result["user"] == {
        "email": "lan@example.com",
        "firstName": "Lan",
        "languageCode": "EN_US",
        "metadata": [{"key": "source", "value": "storefront"}],
    }
    user = User.objects.get()
    assert user.is_active and user.check_password(PASSWORD) and user.language_code == "en-us"
    assert gql(LOGIN, {"email": "lan@example.com", "password": PASSWORD})["data"]["tokenCreate"][
        "token"
    ]


@pytest.mark.parametrize("email", ["not-an-email", "lan@", "@example.com", ""])
def test_register_refuses_a_malformed_email(gql, email):
    result = register(gql, email=email)
    assert result["user"] is None
    assert result["errors"][0]["field"] == "email" and result["errors"][0]["code"] == "INVALID"
    assert not User.objects.exists()


def test_register_refuses_a_duplicate_email_in_any_case(gql, user):
    result = register(gql, email=user.email.upper())
    assert result["errors"] == [
        {"field": "email", "code": "UNIQUE", "message": "Đã có tài khoản với email này."}
    ]
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Ab1!", "PASSWORD_TOO_SHORT"),
        ("password123", "PASSWORD_TOO_COMMON"),
        ("58204719365", "PASSWORD_ENTIRELY_NUMERIC"),
        ("lan@example.com", "PASSWORD_TOO_SIMILAR"),
    ],
)
def test_register_applies_the_password_validators(gql, password, code):
    result = register(gql, password=password)
    assert code in [e["code"] for e in result["errors"]]
    assert {e["field"] for e in result["errors"]} == {"password"}
    assert not User.objects.exists()


# --- me and accountUpdate ---------------------------------------------------------------------


def test_me_shows_the_account(gql, user, token):
    body = gql(
        """{ me { email firstName lastName isStaff isActive languageCode dateJoined updatedAt
                 lastLogin avatar { url } note metadata { key } privateMetadata { key }
                 addresses { id } defaultShippingAddress { id } defaultBillingAddress { id } } }""",
        token=token,
    )
    me = body["data"]["me"]
    assert me["email"] == user.email and me["firstName"] == "Lan" and me["lastName"] == "Nguyễn"
    assert me["isStaff"] is False and me["isActive"] is True and me["languageCode"] == "VI"
    assert me["addresses"] == [] and me["defaultShippingAddress"] is None
    assert me["avatar"] is None and me["dateJoined"] and me["updatedAt"]


def test_staff_flag_is_exposed(gql):
    from accounts import jwt as tokens

    from .conftest import user_create

    staff = user_create(is_staff=True)
    me = gql("{ me { isStaff } }", token=tokens.access_token_create(staff))["data"]["me"]
    assert me == {"isStaff": True}


def test_account_update_changes_profile_and_default_addresses(gql, user, token):
    result = gql(
        UPDATE,
        {
            "input": {
                "firstName": "Hoa",
                "lastName": "Trần",
                "languageCode": "EN",
                "metadata": [{"key": "newsletter", "value": "yes"}],
                "defaultShippingAddress": vn_address_input(),
                "defaultBillingAddress": vn_address_input(city="Phường Lang Biang - Đà Lạt"),
            }
        },
        token=token,
    )["data"]["accountUpdate"]
    assert result["errors"] == []
    assert result["user"]["firstName"] == "Hoa" and result["user"]["languageCode"] == "EN"
    assert result["user"]["metadata"] == [{"key": "newsletter", "value": "yes"}]
    assert result["user"]["defaultShippingAddress"] == {
        "city": "Xã Lạc Dương",
        "countryArea": "Lâm Đồng",
        "phone": "+84912345678",
        "isDefaultShippingAddress": True,
    }
    assert result["user"]["defaultBillingAddress"] == {"city": "Phường Lang Biang - Đà Lạt"}
    assert len(result["user"]["addresses"]) == 2
    # A second update edits the default in place instead of growing the address book.
    again = gql(
        UPDATE,
        {"input": {"defaultShippingAddress": vn_address_input(phone="0987654321")}},
        token=token,
    )["data"]["accountUpdate"]
    assert again["user"]["defaultShippingAddress"]["phone"] == "+84987654321"
    assert Address.objects.count() == 2


def test_account_update_reports_which_address_is_wrong(gql, user, token):
    result = gql(
        UPDATE,
        {
            "input": {
                "firstName": "Hoa",
                "defaultShippingAddress": vn_address_input(phone="12345"),
            }
        },
        token=token,
    )["data"]["accountUpdate"]
    assert result["user"] is None
    assert result["errors"][0]["field"] == "phone"
    assert result["errors"][0]["code"] == "INVALID"
    assert result["errors"][0]["addressType"] == "SHIPPING"
    user.refresh_from_db()
    assert user.first_name == "Lan" and not Address.objects.exists()


def test_account_update_needs_a_signed_in_user(gql):
    body = gql(UPDATE, {"input": {"firstName": "X"}})
    assert body["data"]["accountUpdate"] is None
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


# --- passwordChange ---------------------------------------------------------------------------


def test_password_change(gql, user, token):
    result = gql(PASSWORD_CHANGE, {"old": PASSWORD, "new": "Mut-phuc-bon-tu-77"}, token=token)
    assert result["data"]["passwordChange"] == {"user": {"email": user.email}, "errors": []}
    user.refresh_from_db()
    assert user.check_password("Mut-phuc-bon-tu-77")


def test_password_change_refuses_a_wrong_old_password_or_a_weak_new_one(gql, user, token):
    wrong = gql(PASSWORD_CHANGE, {"old": "nope", "new": "Mut-phuc-bon-tu-77"}, token=token)
    assert wrong["data"]["passwordChange"]["errors"][0]["code"] == "INVALID_PASSWORD"
    assert wrong["data"]["passwordChange"]["errors"][0]["field"] == "oldPassword"
    weak = gql(PASSWORD_CHANGE, {"old": PASSWORD, "new": "123"}, token=token)
    codes = {e["code"] for e in weak["data"]["passwordChange"]["errors"]}
    assert {"PASSWORD_TOO_SHORT", "PASSWORD_ENTIRELY_NUMERIC"} <= codes
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_needs_a_signed_in_user(gql):
    body = gql(PASSWORD_CHANGE, {"old": PASSWORD, "new": "Mut-phuc-bon-tu-77"})
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


# --- requestPasswordReset + setPassword -------------------------------------------------------


def _reset_link(body: str) -> str:
    return re.search(r"https?://\S+", body).group(0)


def test_password_reset_flow(gql, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = gql(RESET, {"email": user.email, "redirectUrl": "http://localhost:3000/reset?x=1"})
    assert result["data"]["requestPasswordReset"]["errors"] == []
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "Đặt lại mật khẩu tài khoản OCOP"
    assert "Xin chào Lan" in message.body
    link = _reset_link(message.body)
    assert link.startswith("http://localhost:3000/reset?x=1&email=")
    query = parse_qs(urlsplit(link).query)
    assert query["email"] == [user.email]
    assert "<a href=" in message.alternatives[0][0]

    variables = {"email": user.email, "token": query["token"][0], "password": "Ruou-can-Lat-2025"}
    done = gql(SET_PASSWORD, variables)["data"]["setPassword"]
    assert done["errors"] == [] and done["token"] and done["refreshToken"]
    assert done["user"] == {"email": user.email}
    assert gql("{ me { email } }", token=done["token"])["data"]["me"] == {"email": user.email}
    user.refresh_from_db()
    assert user.check_password("Ruou-can-Lat-2025")

    variables["password"] = "Another-Password-77"
    reused = gql(SET_PASSWORD, variables)["data"]["setPassword"]
    assert reused["token"] is None
    assert reused["errors"] == [
        {
            "field": "token",
            "code": "INVALID",
            "message": "Mã đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.",
        }
    ]


def test_password_reset_email_follows_the_users_language(gql, django_capture_on_commit_callbacks):
    from .conftest import user_create

    user = user_create(language_code="en", first_name="Anna")
    with django_capture_on_commit_callbacks(execute=True):
        gql(RESET, {"email": user.email, "redirectUrl": "http://127.0.0.1:8000/reset/"})
    assert mail.outbox[0].subject == "Reset your OCOP Store password"
    assert "Hello Anna" in mail.outbox[0].body


def test_password_reset_refuses_foreign_redirect_hosts(gql, user):
    result = gql(RESET, {"email": user.email, "redirectUrl": "https://evil.example.net/reset"})
    errors = result["data"]["requestPasswordReset"]["errors"]
    assert errors[0]["field"] == "redirectUrl" and errors[0]["code"] == "INVALID"
    bad = gql(RESET, {"email": user.email, "redirectUrl": "not a url"})
    assert bad["data"]["requestPasswordReset"]["errors"][0]["code"] == "INVALID"
    assert mail.outbox == []


def test_password_reset_for_unknown_email_is_not_found_as_in_saleor(gql):
    result = gql(RESET, {"email": "nobody@example.com", "redirectUrl": "http://localhost/r"})
    assert result["data"]["requestPasswordReset"]["errors"][0]["code"] == "NOT_FOUND"


def test_password_reset_is_throttled_per_user(gql, user, django_capture_on_commit_callbacks):
    variables = {"email": user.email, "redirectUrl": "http://localhost/r"}
    with django_capture_on_commit_callbacks(execute=True):
        assert gql(RESET, variables)["data"]["requestPasswordReset"]["errors"] == []
        again = gql(RESET, variables)["data"]["requestPasswordReset"]["errors"]
    assert again[0]["code"] == "PASSWORD_RESET_ALREADY_REQUESTED"
    assert len(mail.outbox) == 1


def test_set_password_refuses_bad_tokens_unknown_users_and_weak_passwords(gql, user):
    from django.contrib.auth.tokens import default_token_generator

    bad = gql(SET_PASSWORD, {"email": user.email, "token": "1-abc", "password": "Xyz-12345-ok"})
    assert bad["data"]["setPassword"]["errors"][0]["code"] == "INVALID"
    unknown = gql(SET_PASSWORD, {"email": "x@example.com", "token": "t", "password": "Xyz-1234"})
    assert unknown["data"]["setPassword"]["errors"][0]["code"] == "NOT_FOUND"
    token = default_token_generator.make_token(user)
    weak = gql(SET_PASSWORD, {"email": user.email, "token": token, "password": "123"})
    assert weak["data"]["setPassword"]["errors"][0]["field"] == "password"
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
