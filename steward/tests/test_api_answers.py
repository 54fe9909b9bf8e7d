"""What every answer under /api/ has in common: JSON, even for paths and methods no endpoint
takes, and every moment written in one form."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from steward.desk import actions
from steward.test import World, api_client, api_operations, make_ticket, post_json, world
from steward.tests.test_role_access import Acme, _call_api
from steward.tests.test_role_access import acme as acme  # the fixture

pytestmark = pytest.mark.django_db

# ISO 8601, UTC, its offset and every microsecond (DESIGN.md: "ISO 8601 with offset").
ONE_FORM = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$")
LOOKS_LIKE_A_MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")


@pytest.fixture
def w() -> World:
    return world()


def _is_json_error(response: Any, *status: int) -> bool:
    assert response.status_code in status, (response.status_code, response.content[:200])
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    return isinstance(body, dict) and bool(body["detail"]) and "field" in body


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/tickets/%ZZ",
        "/api/v1/../x",
        "/api/v1/tickets/1/",
        "/api/v1/tickets/",
        "/api/v1/tickets/not-a-number",
        "/api/v1/",
        "/api/",
        "/api/v2/tickets",
        "/api/v1/nothing/here",
        "/api/v1/tickets/%00",
    ],
)
def test_it_answers_an_unknown_or_malformed_path_with_json(w: World, path: str) -> None:
    # No endpoint: 404; an endpoint whose id is not a number: 422 naming `ticket_id`.
    assert _is_json_error(api_client(w.tech).get(path), 404, 422)


def test_it_answers_a_wrong_method_with_a_json_405_naming_the_right_ones(w: World) -> None:
    response = api_client(w.tech).delete("/api/v1/tickets")
    assert _is_json_error(response, 405)
    assert "GET" in response["Allow"] and "GET" in response.json()["detail"]
    assert _is_json_error(api_client(w.tech).put("/api/v1/me"), 405)


def test_it_answers_a_wrong_method_in_the_callers_language(w: World) -> None:
    # A signed-in browser session speaks its user's language; a request, the one it asks for.
    w.tech.language = "el"
    w.tech.save()
    session = Client()
    session.force_login(w.tech)
    detail = session.delete("/api/v1/tickets").json()["detail"]
    assert detail.startswith("Η μέθοδος DELETE δεν επιτρέπεται"), detail
    asked = api_client(w.tech).delete("/api/v1/tickets", headers={"accept-language": "zh-hans"})
    assert asked.json()["detail"].startswith("此处不允许使用 DELETE"), asked.json()


def test_it_answers_401_and_403_as_json(w: World) -> None:
    assert _is_json_error(Client().get("/api/v1/tickets"), 401)
    assert _is_json_error(Client().get("/api/v1/tickets/%ZZ"), 401)
    assert _is_json_error(
        post_json(
            api_client(w.acme_user),
            "/api/v1/users",
            {"email": "x@example.com", "role": "technician"},
        ),
        403,
    )


def test_it_answers_a_session_post_without_csrf_token_as_json(w: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(w.tech)
    response = post_json(client, "/api/v1/tickets", {"organization": w.acme.pk, "title": "x"})
    assert _is_json_error(response, 403)


def test_it_answers_a_crash_as_json(w: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: Any, **kw: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr("steward.desk.api.apply_filter", crash)
    client = Client(HTTP_AUTHORIZATION=api_client(w.tech).defaults["HTTP_AUTHORIZATION"])
    client.raise_request_exception = False
    response = client.get("/api/v1/tickets")
    assert _is_json_error(response, 500)
    assert "boom" not in response.content.decode()


def _moments(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [m for v in value.values() for m in _moments(v)]
    if isinstance(value, list):
        return [m for v in value for m in _moments(v)]
    if isinstance(value, str) and LOOKS_LIKE_A_MOMENT.match(value):
        return [value]
    return []


def test_every_timestamp_of_every_read_is_in_one_form(acme: Acme) -> None:
    w = acme.w
    ticket = make_ticket(w.acme, requester=w.acme_user)
    # A moment on a whole second: `isoformat()` would drop its fraction.
    actions.post_message(ticket, w.tech, "On it", at=timezone.now().replace(microsecond=0))
    found: dict[str, list[str]] = {}
    for user in (w.admin, w.acme_admin):
        client = api_client(user)
        client.get("/api/v1/me")  # a token with a last use
        for route in sorted(api_operations()):
            if route.startswith("GET "):
                response = _call_api(client, route, acme.ids, user)
                # Files (PDF, CSV, UBL XML) carry no JSON timestamps.
                if response.status_code == 200 and response["Content-Type"].startswith(
                    "application/json"
                ):
                    found[route] = _moments(response.json())
    assert found["GET /api/v1/tokens"] and found["GET /api/v1/tickets/{ticket_id}/events"]
    wrong = {route: [m for m in ms if not ONE_FORM.match(m)] for route, ms in found.items()}
    assert {route: ms for route, ms in wrong.items() if ms} == {}


def test_a_computed_due_time_is_in_the_same_form(w: World) -> None:
    client = api_client(w.tech)
    response = post_json(
        client,
        f"/api/v1/calendars/{w.calendar.pk}/due",
        {"start": "2026-03-02T09:00:00+02:00", "business_minutes": 60},
    )
    assert response.status_code == 200
    assert ONE_FORM.match(response.json()["due"]), response.json()["due"]


def test_it_finds_a_ticket_by_its_number(w: World) -> None:
    make_ticket(w.acme, requester=w.acme_user)
    wanted = make_ticket(w.acme, requester=w.acme_user, title="The one")
    other = make_ticket(w.globex, requester=w.globex_user)
    client = api_client(w.tech)
    for number in (wanted.number, wanted.number.lower(), f" {wanted.number} "):
        items = client.get("/api/v1/tickets", {"number": number}).json()["items"]
        assert [t["id"] for t in items] == [wanted.pk], number
    assert client.get("/api/v1/tickets", {"number": "ACME-999"}).json()["items"] == []
    # Another organization's number finds nothing, as its ticket would be a 404.
    client = api_client(w.acme_user)
    assert client.get("/api/v1/tickets", {"number": other.number}).json()["items"] == []
    assert client.get("/api/v1/tickets", {"number": wanted.number}).json()["items"]
