"""A client generated from /api/v1/openapi.json reads tickets: the schema tells the truth.

datamodel-code-generator turns the served schema into pydantic models, as a client of the
API would; the models forbid keys the schema does not name, so an answer that grows a key
without its schema (or loses one) fails here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
import time_machine
from datamodel_code_generator import InputFileType, generate
from datamodel_code_generator.enums import DataModelType
from datamodel_code_generator.format import Formatter
from django.test import Client

from steward.billing import invoices
from steward.test import api_client, make_agreement, make_ticket, post_json, world

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 2, 10, 0, 7, 123456, tzinfo=UTC)  # a Monday, office hours in Athens


def _client_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    out = tmp_path / "steward_client.py"
    generate(
        json.dumps(response.json()),
        input_file_type=InputFileType.OpenAPI,
        output=out,
        output_model_type=DataModelType.PydanticV2BaseModel,
        extra_fields="forbid",
        formatters=[Formatter.BUILTIN],
    )
    spec = importlib.util.spec_from_file_location("steward_client", out)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # pydantic resolves the models' postponed annotations through their module's entry.
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_it_reads_a_ticket_with_the_generated_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = _client_models(tmp_path, monkeypatch)
    w = world()
    with time_machine.travel(NOW, tick=False):
        t = make_ticket(w.acme, impact="high", urgency="high", actor=w.acme_user)
        body = api_client(w.tech).get(f"/api/v1/tickets/{t.pk}").content

    ticket = models.TicketOut.model_validate_json(body)

    assert ticket.number == t.number
    assert ticket.priority == models.Priority.P1
    assert ticket.sla.first_response_due == t.first_response_due
    assert ticket.sla.first_response_due.utcoffset() is not None
    assert ticket.created_at == NOW


def test_it_reads_what_a_client_sees_and_the_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = _client_models(tmp_path, monkeypatch)
    w = world()
    t = make_ticket(w.acme, actor=w.acme_user)
    client = api_client(w.acme_user)
    post_json(client, f"/api/v1/tickets/{t.pk}/messages", {"body": "Still on fire"})

    mine = models.TicketOut.model_validate_json(client.get(f"/api/v1/tickets/{t.pk}").content)
    tickets = models.CursorPageTicketOut.model_validate_json(client.get("/api/v1/tickets").content)
    messages = models.PageMessageOut.model_validate_json(
        client.get(f"/api/v1/tickets/{t.pk}/messages").content
    )
    events = models.PageEventOut.model_validate_json(
        client.get(f"/api/v1/tickets/{t.pk}/events").content
    )

    assert "queue" not in mine.model_fields_set  # a client's answer has no queue
    assert [x.number for x in tickets.items] == [t.number]
    assert [m.body for m in messages.items] == ["Still on fire"]
    assert [e.kind for e in events.items] == ["created", "message"]


def test_it_reads_an_invoice_with_the_generated_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = _client_models(tmp_path, monkeypatch)
    w = world()
    agreement = make_agreement(w.acme, w.policy, monthly_fee=Decimal("450.00"))
    issued = invoices.issue(invoices.draft_invoice(agreement, date(2026, 2, 1)), w.admin)

    body = api_client(w.admin).get(f"/api/v1/invoices/{issued.pk}").content
    invoice = models.InvoiceOut.model_validate_json(body)

    assert invoice.number == issued.display_number
    assert invoice.total == Decimal("450.00")
    assert sum(line.amount for line in invoice.lines) == invoice.total
