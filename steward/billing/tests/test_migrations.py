"""The move from contracts to billing on a database with data: back to the last migration
before it, rows made through that release's models, forward again, and every row is there
through billing's models, content types included."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from steward.billing.models import (
    BlockAlert,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    Quote,
    ScopeDecision,
    TimeEntry,
)
from steward.contracts.models import Agreement
from steward.test import make_agreement, make_ticket, world

pytestmark = [pytest.mark.migrations, pytest.mark.django_db(transaction=True)]

BEFORE = ("contracts", "0004_invoice_credited")


def _migrate(targets: list[tuple[str, str | None]]) -> Any:
    """Migrate to these nodes; the apps (historical models) as they stand there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    nodes = [(app, name) for app, name in targets if name is not None]
    return executor.loader.project_state(nodes).apps


def _before_the_move() -> list[tuple[str, str | None]]:
    # Every app at its newest, but contracts before the move and billing not yet there.
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    return [
        *[(app, name) for app, name in leaves if app not in ("contracts", "billing")],
        BEFORE,
        ("billing", None),
    ]


@pytest.fixture
def at_the_latest() -> Iterator[None]:
    yield
    # Whatever happened, the next test finds the database as the suite made it.
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def test_the_move_keeps_every_row_and_its_content_type(at_the_latest: None) -> None:
    w = world()
    ticket = make_ticket(w.acme)
    kept = make_agreement(w.globex, name="Made before versions were recorded on write")
    invoice_type = ContentType.objects.get_for_model(Invoice).pk

    old = _migrate(_before_the_move())
    assert old.get_model("contracts", "Invoice")._meta.db_table == ("contracts_invoice")
    old_type = old.get_model("contenttypes", "ContentType")
    assert old_type.objects.get(app_label="contracts", model="invoice").pk == invoice_type
    agreement = old.get_model("contracts", "Agreement").objects.get(organization_id=w.acme.pk)
    # An agreement of that release without a version: it gets its first in the move.
    old.get_model("contracts", "AgreementVersion").objects.filter(agreement_id=kept.pk).delete()
    quote = old.get_model("contracts", "Quote").objects.create(
        ticket_id=ticket.pk, description="New switch", hours=Decimal("2"), state="approved"
    )
    old.get_model("contracts", "ScopeDecision").objects.create(
        ticket_id=ticket.pk, in_scope=False, reason="A project", decided_by_id=w.tech.pk
    )
    entry = old.get_model("contracts", "TimeEntry").objects.create(
        ticket_id=ticket.pk,
        user_id=w.tech.pk,
        started_at=timezone.now(),
        minutes=45,
        description="Cabled it",
        in_scope=False,
        quote=quote,
    )
    old.get_model("contracts", "InvoiceCounter").objects.create(name="invoices", last=7)
    old_invoice = old.get_model("contracts", "Invoice").objects.create(
        organization_id=w.acme.pk,
        agreement=agreement,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 1, 31),
        currency="EUR",
        state="issued",
        number=7,
        total=Decimal("135.00"),
    )
    line = old.get_model("contracts", "InvoiceLine").objects.create(
        invoice=old_invoice,
        kind="quote",
        description="Approved work",
        quantity=Decimal("1.5"),
        unit="h",
        unit_price=Decimal("90.00"),
        amount=Decimal("135.00"),
    )
    line.tickets.add(ticket.pk)
    line.time_entries.add(entry)
    old.get_model("contracts", "BlockAlert").objects.create(
        agreement=agreement, month=date(2026, 1, 1), threshold=80
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    assert Quote.objects.get(pk=quote.pk).time.get() == TimeEntry.objects.get(pk=entry.pk)
    assert ScopeDecision.objects.get(ticket=ticket).reason == "A project"
    assert InvoiceCounter.objects.get(name="invoices").last == 7
    moved = Invoice.objects.issued().get(pk=old_invoice.pk)
    assert moved.display_number == "INV-000007"
    assert moved.agreement == Agreement.objects.get(pk=agreement.pk)
    billed = InvoiceLine.objects.get(invoice=moved)
    assert list(billed.tickets.all()) == [ticket]
    assert list(TimeEntry.objects.invoiced()) == [TimeEntry.objects.get(pk=entry.pk)]
    assert BlockAlert.objects.get().threshold == 80
    assert ContentType.objects.get_for_model(Invoice).pk == invoice_type
    assert not ContentType.objects.filter(app_label="contracts", model="invoice").exists()
    first = Agreement.objects.get(pk=kept.pk).versions.get()
    assert (first.number, first.note) == (1, "first version")
    assert first.terms == Agreement.objects.get(pk=kept.pk).terms()
