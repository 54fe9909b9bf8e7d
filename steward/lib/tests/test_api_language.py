"""The API's own error messages speak the caller's language: the user's, or Accept-Language."""

from __future__ import annotations

import pytest

from steward.test import api_client, patch_json, world

pytestmark = pytest.mark.django_db


def test_a_token_caller_reads_errors_in_their_own_language() -> None:
    w = world()
    w.acme_user.language = "el"
    w.acme_user.save(update_fields=["language"])
    client = api_client(w.acme_user)
    assert client.get("/api/v1/invoices/999999").json()["detail"] == "Δεν βρέθηκε τιμολόγιο."
    assert client.get("/api/v1/tickets?limit=0").json()["detail"] == "limit: από 1 έως 200."


def test_accept_language_chooses_the_language_of_an_error() -> None:
    w = world()
    client = api_client(w.acme_user)
    answer = client.get("/api/v1/invoices/999999", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert answer.json()["detail"] == "找不到该发票。"
    assert client.get("/api/v1/invoices/999999").json()["detail"] == "No such invoice."


def test_a_refused_write_is_explained_in_the_callers_language() -> None:
    w = world()
    w.manager.language = "zh-hans"
    w.manager.save(update_fields=["language"])
    response = patch_json(
        api_client(w.manager), f"/api/v1/calendars/{w.calendar.pk}", {"holiday_country": "XX"}
    )
    assert response.status_code == 422
    assert "holidays 软件包不认识国家/地区 XX" in response.json()["detail"]
    missing = api_client(w.manager).get("/api/v1/nothing-here", HTTP_ACCEPT_LANGUAGE="el")
    assert missing.json()["detail"] == "Δεν υπάρχει σημείο API στο /api/v1/nothing-here."
