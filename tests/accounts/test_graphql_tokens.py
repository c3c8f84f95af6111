"""tokenCreate / tokenRefresh / tokenVerify, bearer authentication and login throttling."""

import datetime

import jwt as pyjwt
import pytest
from django.conf import settings
from django.utils import timezone

from accounts import jwt as tokens
from shop.graphql.ids import global_id

from .conftest import PASSWORD, user_create

TOKEN_CREATE = """
mutation Login($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token refreshToken csrfToken
    user { id email }
    errors { field code message }
    accountErrors { code }
  }
}
"""
TOKEN_REFRESH = """
mutation Refresh($refreshToken: String, $csrfToken: String) {
  tokenRefresh(refreshToken: $refreshToken, csrfToken: $csrfToken) {
    token user { email } errors { field code message }
  }
}
"""
TOKEN_VERIFY = """
mutation Verify($token: String!) {
  tokenVerify(token: $token) { isValid payload user { email } errors { field code message } }
}
"""
ME = "{ me { id email isStaff } }"
PASSWORD_CHANGE = """
mutation Change($old: String, $new: String!) {
  passwordChange(oldPassword: $old, newPassword: $new) { user { email } errors { field code } }
}
"""


def login(gql, email, password=PASSWORD, **headers):
    return gql(TOKEN_CREATE, {"email": email, "password": password}, **headers)["data"][
        "tokenCreate"
    ]


def test_token_create_returns_saleor_style_tokens(gql, user):
    result = login(gql, user.email.upper())
    assert result["errors"] == [] and result["accountErrors"] == []
    assert result["user"] == {"id": global_id("User", user.pk), "email": user.email}
    access = pyjwt.decode(result["token"], tokens.signing_key(), algorithms=["HS256"])
    refresh = pyjwt.decode(result["refreshToken"], tokens.signing_key(), algorithms=["HS256"])
    assert access["type"] == "access" and refresh["type"] == "refresh"
    assert access["user_id"] == global_id("User", user.pk)
    assert access["email"] == user.email and access["is_staff"] is False
    assert access["iss"] == settings.PUBLIC_URL
    assert access["exp"] - access["iat"] == settings.JWT_ACCESS_TTL == 300
    assert refresh["exp"] - refresh["iat"] == 30 * 24 * 3600
    assert refresh["csrfToken"] == result["csrfToken"]
    user.refresh_from_db()
    assert access["token"] == user.jwt_token_key
    assert user.last_login is not None


@pytest.mark.parametrize(
    ("email", "password"), [("buyer-x@example.com", "wrong"), ("nobody@example.com", PASSWORD)]
)
def test_token_create_refuses_bad_credentials(gql, email, password):
    user_create(email="buyer-x@example.com")
    result = login(gql, email, password)
    assert result["token"] is None and result["user"] is None
    assert result["errors"] == [
        {
            "field": "email",
            "code": "INVALID_CREDENTIALS",
            "message": "Email hoặc mật khẩu không đúng. Vui lòng thử lại.",
        }
    ]


def test_error_messages_follow_accept_language(gql, user):
    result = login(gql, user.email, "wrong", HTTP_ACCEPT_LANGUAGE="en")
    assert result["errors"][0]["message"] == "Incorrect email or password. Please try again."


def test_inactive_user_cannot_log_in(gql):
    user = user_create(is_active=False)
    assert login(gql, user.email)["errors"][0]["code"] == "INACTIVE"


def test_bearer_token_authenticates_me(gql, user, token):
    assert gql(ME, token=token)["data"]["me"] == {
        "id": global_id("User", user.pk),
        "email": user.email,
        "isStaff": False,
    }


def test_saleor_authorization_bearer_header_is_accepted(gql, user, token):
    body = gql(ME, HTTP_AUTHORIZATION_BEARER=token)
    assert body["data"]["me"]["email"] == user.email


def test_anonymous_me_is_null(gql):
    body = gql(ME)
    assert body["data"] == {"me": None} and "errors" not in body


def test_expired_access_token_is_rejected_with_saleors_error(gql, user, settings):
    settings.JWT_ACCESS_TTL = -1
    expired = tokens.access_token_create(user)
    body = gql(ME, token=expired)
    assert body["data"] == {"me": None}
    assert body["errors"][0]["message"] == "Signature has expired"
    assert body["errors"][0]["extensions"]["exception"]["code"] == "ExpiredSignatureError"


def test_crafted_token_with_past_expiry_or_wrong_key_is_rejected(gql, user):
    now = timezone.now()
    claims = {
        "iat": now - datetime.timedelta(hours=1),
        "exp": now - datetime.timedelta(minutes=1),
        "type": "access",
        "token": user.jwt_token_key,
        "user_id": global_id("User", user.pk),
        "email": user.email,
    }
    expired = pyjwt.encode(claims, tokens.signing_key(), algorithm="HS256")
    code = gql(ME, token=expired)["errors"][0]["extensions"]["exception"]["code"]
    assert code == "ExpiredSignatureError"
    claims["exp"] = now + datetime.timedelta(minutes=5)
    forged = pyjwt.encode(claims, "not-our-secret-" + "x" * 40, algorithm="HS256")
    body = gql(ME, token=forged)
    assert body["data"] == {"me": None}
    assert body["errors"][0]["extensions"]["exception"]["code"] == "InvalidSignatureError"
    garbage = gql(ME, token="not.a.jwt")
    assert garbage["errors"][0]["extensions"]["exception"]["code"] == "DecodeError"


def test_refresh_token_is_not_an_access_token(gql, user):
    refresh = tokens.refresh_token_create(user, csrf_token="x")
    body = gql(ME, token=refresh)
    assert body["errors"][0]["extensions"]["exception"]["code"] == "InvalidTokenError"


def test_bad_token_does_not_break_public_queries(gql):
    body = gql("{ shop { name } }", token="not.a.jwt")
    assert body["data"]["shop"]["name"] and "errors" not in body


def test_token_refresh_issues_a_new_access_token(gql, user):
    tokens_ = login(gql, user.email)
    result = gql(TOKEN_REFRESH, {"refreshToken": tokens_["refreshToken"]})["data"]["tokenRefresh"]
    assert result["errors"] == [] and result["user"] == {"email": user.email}
    assert gql(ME, token=result["token"])["data"]["me"]["email"] == user.email


def test_token_refresh_refuses_missing_wrong_type_and_expired_tokens(gql, user, settings):
    missing = gql(TOKEN_REFRESH, {})["data"]["tokenRefresh"]
    assert missing["errors"] == [
        {"field": "refreshToken", "code": "JWT_MISSING_TOKEN", "message": "Missing refreshToken"}
    ]
    access = tokens.access_token_create(user)
    wrong = gql(TOKEN_REFRESH, {"refreshToken": access})["data"]["tokenRefresh"]
    assert wrong["token"] is None and wrong["errors"][0]["code"] == "JWT_INVALID_TOKEN"
    settings.JWT_REFRESH_TTL = -1
    expired = tokens.refresh_token_create(user, csrf_token="x")
    result = gql(TOKEN_REFRESH, {"refreshToken": expired})["data"]["tokenRefresh"]
    assert result["errors"][0]["code"] == "JWT_SIGNATURE_EXPIRED"


def test_refresh_token_from_cookie_needs_the_csrf_token(gql, user):
    from django.test import Client

    issued = login(gql, user.email)
    client = Client()
    client.cookies["refreshToken"] = issued["refreshToken"]

    def refresh(csrf):
        import json

        response = client.post(
            "/graphql/",
            json.dumps({"query": TOKEN_REFRESH, "variables": {"csrfToken": csrf}}),
            content_type="application/json",
        )
        return response.json()["data"]["tokenRefresh"]

    assert refresh(None)["errors"][0] == {
        "field": "csrfToken",
        "code": "REQUIRED",
        "message": "CSRF token required to refresh token.",
    }
    assert refresh("wrong")["errors"][0]["code"] == "JWT_INVALID_CSRF_TOKEN"
    assert refresh(issued["csrfToken"])["token"]


def test_password_change_revokes_refresh_and_access_tokens(gql, user):
    issued = login(gql, user.email)
    changed = gql(
        PASSWORD_CHANGE, {"old": PASSWORD, "new": "Tra-atiso-Da-Lat-99"}, token=issued["token"]
    )["data"]["passwordChange"]
    assert changed["errors"] == []
    refreshed = gql(TOKEN_REFRESH, {"refreshToken": issued["refreshToken"]})["data"]
    assert refreshed["tokenRefresh"]["token"] is None
    assert refreshed["tokenRefresh"]["errors"][0] == {
        "field": "refreshToken",
        "code": "JWT_INVALID_TOKEN",
        "message": "Invalid token. Create new one by using tokenCreate mutation.",
    }
    body = gql(ME, token=issued["token"])
    assert body["data"]["me"] is None
    assert body["errors"][0]["extensions"]["exception"]["code"] == "InvalidTokenError"
    assert login(gql, user.email, "Tra-atiso-Da-Lat-99")["token"]


def test_deactivated_user_token_stops_working(gql, user, token):
    user.is_active = False
    user.save()
    assert gql(ME, token=token)["data"]["me"] is None


def test_token_verify(gql, user, token):
    ok = gql(TOKEN_VERIFY, {"token": token})["data"]["tokenVerify"]
    assert ok["isValid"] is True and ok["user"] == {"email": user.email}
    assert ok["payload"]["email"] == user.email and ok["payload"]["type"] == "access"
    bad = gql(TOKEN_VERIFY, {"token": "garbage"})["data"]["tokenVerify"]
    assert bad["isValid"] is False and bad["payload"] is None
    assert bad["errors"] == [
        {"field": "token", "code": "JWT_DECODE_ERROR", "message": "Error decoding signature"}
    ]


def test_requests_with_a_bearer_token_are_never_cached(gql, user, token):
    query = "{ shop { name } }"
    assert gql(query)["_response"]["X-Cache"] == "MISS"
    assert gql(query)["_response"]["X-Cache"] == "HIT"
    assert gql(query, token=token)["_response"]["X-Cache"] == "BYPASS"
    assert gql(query, HTTP_AUTHORIZATION_BEARER=token)["_response"]["X-Cache"] == "BYPASS"


# --- Throttling -------------------------------------------------------------------------------


def test_five_failures_delay_the_next_login_even_with_the_right_password(gql, user):
    for _ in range(5):
        assert login(gql, user.email, "wrong")["errors"][0]["code"] == "INVALID_CREDENTIALS"
    result = login(gql, user.email)
    assert result["token"] is None
    assert result["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED"
    assert result["errors"][0]["field"] is None
    assert "Vui lòng thử lại sau" in result["errors"][0]["message"]
    english = login(gql, user.email, HTTP_ACCEPT_LANGUAGE="en")["errors"][0]["message"]
    assert english.startswith("Logging in is suspended until ")


def test_throttling_one_email_leaves_others_alone(gql, user, other_user):
    for _ in range(5):
        login(gql, user.email, "wrong")
    assert login(gql, other_user.email)["token"]


def test_success_resets_the_email_counter(gql, user):
    for _ in range(4):
        login(gql, user.email, "wrong")
    assert login(gql, user.email)["token"]
    for _ in range(4):
        login(gql, user.email, "wrong")
    assert login(gql, user.email)["token"]


def test_many_failures_from_one_ip_delay_every_email(gql, user, settings):
    settings.LOGIN_THROTTLE_IP_FAILURES = 3
    for n in range(3):
        login(gql, f"guess{n}@example.com", "wrong")
    assert login(gql, user.email)["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED"
    other_ip = login(gql, user.email, REMOTE_ADDR="10.1.2.3")
    assert other_ip["token"]


def test_delay_ends_with_the_window(gql, user, settings):
    from django.core.cache import cache

    for _ in range(5):
        login(gql, user.email, "wrong")
    assert login(gql, user.email)["errors"][0]["code"] == "LOGIN_ATTEMPT_DELAYED"
    cache.clear()  # what the window's expiry does
    assert login(gql, user.email)["token"]


def test_signing_key_is_jwt_secret_or_derived_from_secret_key(user, settings):
    settings.JWT_SECRET = ""
    derived = tokens.signing_key()
    assert derived != settings.SECRET_KEY and len(derived) == 64
    pyjwt.decode(tokens.access_token_create(user), derived, algorithms=["HS256"])
    settings.JWT_SECRET = "an-explicit-secret-" + "s" * 40
    token = tokens.access_token_create(user)
    assert pyjwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"])["type"] == "access"
