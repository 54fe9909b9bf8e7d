"""Schemathesis throws generated requests at every API operation: never a 5xx.

Bounded and derandomised so CI is stable; a provider admin's token so that most requests get
past authentication and reach the code that parses and validates input. The requests go
through Django's test client so that they run inside the test's transaction.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.core import NotSet

from steward.api import api
from steward.test import token_for, world

# Raw email for POST /api/v1/mail/inbound: arbitrary bytes, and headers that look like mail.
schemathesis.openapi.media_type(
    "message/rfc822",
    st.one_of(
        st.binary(max_size=2000),
        st.builds(
            lambda subject, body: (
                f"From: someone@example.test\r\nSubject: {subject}\r\n\r\n{body}"
            ).encode("utf-8", "surrogatepass"),
            st.text(max_size=80),
            st.text(max_size=500),
        ),
    ),
)
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())


@pytest.fixture
def admin_client() -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_for(world().admin)}")


def _send(client: Client, case: Any) -> Any:
    path = case.operation.path
    for name, value in (case.path_parameters or {}).items():
        path = path.replace("{" + name + "}", str(value))
    query = urlencode(case.query or {}, doseq=True)
    if isinstance(case.body, NotSet):
        body: str | bytes = ""
    elif isinstance(case.body, bytes):
        body = case.body
    else:
        body = json.dumps(case.body)
    return client.generic(
        case.method.upper(),
        path + (f"?{query}" if query else ""),
        body,
        content_type=case.media_type or "application/json",
    )


@pytest.mark.slow
@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_it_never_answers_with_a_server_error(case: Any, admin_client: Client) -> None:
    response = _send(admin_client, case)
    assert response.status_code < 500, (
        case.method,
        case.operation.path,
        case.body,
        response.content[:500],
    )
    if response.status_code >= 400 and response.status_code != 405:
        assert response["Content-Type"].startswith("application/json"), (
            case.method,
            case.operation.path,
            case.path_parameters,
            case.query,
            response.status_code,
            response.content[:300],
        )
        assert "detail" in response.json()
