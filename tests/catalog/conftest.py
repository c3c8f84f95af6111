from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def gql(db):
    """POST a GraphQL document to /graphql/ and return the decoded JSON response."""
    client = Client()

    def run(query: str, variables: dict[str, Any] | None = None, **headers: Any) -> dict:
        response = client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        body = response.json()
        body["_status"] = response.status_code
        return body

    return run
