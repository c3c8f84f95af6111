"""The admin pages for users and addresses, and the token revocation action."""

import pytest

from accounts import jwt as tokens

from .conftest import address_create_for, user_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client):
    admin = user_create(is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_user_and_address_admin_pages_load(admin_client_, user):
    address = address_create_for(user)
    for url in (
        "/admin/accounts/user/",
        f"/admin/accounts/user/{user.pk}/change/",
        "/admin/accounts/address/",
        f"/admin/accounts/address/{address.pk}/change/",
    ):
        assert admin_client_.get(url).status_code == 200, url


def test_revoke_tokens_action_logs_a_user_out_everywhere(admin_client_, user, gql):
    token = tokens.access_token_create(user)
    response = admin_client_.post(
        "/admin/accounts/user/",
        {"action": "revoke_tokens", "_selected_action": [user.pk]},
    )
    assert response.status_code == 302
    assert gql("{ me { email } }", token=token)["data"]["me"] is None
