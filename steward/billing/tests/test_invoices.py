"""Monthly invoices: each billing model, lines traced to time, gapless numbers, credit notes,
CSV and PDF."""

from __future__ import annotations

import csv
import io
import threading
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from steward.accounts.models import Role
from steward.billing import documents, hours, invoices, quotes, scope, time
from steward.billing.models import Invoice, InvoiceState
from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement, Billing, Service
from steward.lib.errors import DomainError
from steward.test import (
    World,
    make_agreement,
    make_org,
    make_policy,
    make_ticket,
    make_user,
    race_each,
    world,
)

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
NOV = date(2026, 11, 1)


@pytest.fixture
def w() -> World:
    return world()


def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=ATHENS)


def _set(w: World, **terms: object) -> Agreement:
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(agreement, w.manager, terms)
    return agreement


def _lines(invoice: Invoice) -> list[tuple[str, str, str, str]]:
    return [
        (line.kind, str(line.quantity), str(line.unit_price), str(line.amount))
        for line in invoice.lines.all()
    ]


def test_it_bills_managed_per_user_counted_at_the_period_start(w: World) -> None:
    agreement = _set(
        w, billing=Billing.MANAGED_USER, unit_price=Decimal("45.00"), hourly_rate=Decimal("90")
    )
    for person in (w.acme_admin, w.acme_user):
        person.date_joined = datetime(2026, 10, 1, tzinfo=ATHENS)
        person.save()
    late = make_user(Role.CLIENT_USER, w.acme)
    late.date_joined = _at(15)
    late.save()
    invoice = invoices.draft_invoice(agreement, NOV)
    # Alice and Andy were there on 1 November; the one who joined on the 15th is not counted.
    assert _lines(invoice) == [("managed", "2.00", "45.00", "90.00")]
    assert invoice.total == Decimal("90.00") and invoice.state == InvoiceState.DRAFT
    assert invoice.version is not None and invoice.version.number == 2


def test_it_bills_per_user_by_the_headcount_once_it_is_known(w: World) -> None:
    # 27 people work there; two of them have portal accounts. The agreements list and the
    # value page count 27, so the invoice does too.
    w.acme.headcount = 27
    w.acme.save()
    agreement = _set(
        w, billing=Billing.MANAGED_USER, unit_price=Decimal("45.00"), hourly_rate=Decimal("90")
    )
    invoice = invoices.draft_invoice(agreement, NOV)
    assert _lines(invoice)[0] == ("managed", "27.00", "45.00", "1215.00")
    assert agreement.monthly_amount().amount == Decimal("1215.00")


def test_it_bills_add_on_services_and_overage_beyond_included_hours(w: World) -> None:
    Service.objects.create(code="backup", name="Backup monitoring")
    agreement = _set(
        w,
        billing=Billing.MANAGED_DEVICE,
        unit_price=Decimal("12.50"),
        devices=10,
        included_hours=Decimal("2"),
        hourly_rate=Decimal("80.00"),
    )
    contract_actions.set_services(agreement, {"backup": Decimal("30.00")})
    ticket = make_ticket(w.acme)
    first = time.log_time(ticket, w.tech, 90, "Printer", started_at=_at(3))
    second = time.log_time(ticket, w.tech, 50, "Laptop", started_at=_at(4))  # billed 60
    invoice = invoices.draft_invoice(agreement, NOV)
    assert _lines(invoice) == [
        ("managed", "10.00", "12.50", "125.00"),
        ("service", "1.00", "30.00", "30.00"),
        ("overage", "0.50", "80.00", "40.00"),
    ]
    overage = invoice.lines.get(kind="overage")
    assert list(overage.time_entries.all()) == [second]
    assert [t.number for t in overage.tickets.all()] == [ticket.number]
    assert first not in overage.time_entries.all()
    assert invoice.total == sum(line.amount for line in invoice.lines.all())


def test_it_draws_block_hours_and_bills_the_overage(w: World) -> None:
    agreement = _set(
        w,
        billing=Billing.BLOCK_HOURS,
        monthly_fee=Decimal("800.00"),
        block_hours=Decimal("10"),
        hourly_rate=Decimal("95.00"),
        rollover=True,
    )
    ticket = make_ticket(w.acme)
    time.log_time(
        ticket, w.tech, 4 * 60, "October work", started_at=datetime(2026, 10, 5, 10, tzinfo=ATHENS)
    )
    time.log_time(ticket, w.tech, 15 * 60 + 30, "Migration", started_at=_at(9))
    invoice = invoices.draft_invoice(agreement, NOV)
    # 10 hours this month + 6 unused from October = 16; 15.5 used: no overage yet.
    assert hours.block_balance(agreement, NOV).available == Decimal("16.00")
    # The drawdown is on the invoice, at no charge, with the time it was spent on.
    assert _lines(invoice) == [
        ("fee", "1.00", "800.00", "800.00"),
        ("drawdown", "15.50", "0.00", "0.00"),
    ]
    drawdown = invoice.lines.get(kind="drawdown")
    assert drawdown.description == "Hours used from the block (16 available)"
    assert drawdown.time_entries.count() == 1
    time.log_time(ticket, w.tech, 90, "More", started_at=_at(20))
    invoice = invoices.draft_invoice(agreement, NOV)
    assert _lines(invoice)[-1] == ("overage", "1.00", "95.00", "95.00")


def test_it_bills_break_fix_with_the_out_of_hours_rate(w: World) -> None:
    agreement = _set(
        w,
        billing=Billing.BREAK_FIX,
        hourly_rate=Decimal("100.00"),
        out_of_hours_multiplier=Decimal("1.50"),
        increment_minutes=30,
    )
    ticket = make_ticket(w.acme)
    time.log_time(ticket, w.tech, 40, "Office hours", started_at=_at(10, 11))  # -> 60
    time.log_time(ticket, w.tech, 20, "Late call", started_at=_at(10, 22))  # -> 30
    time.log_time(ticket, w.tech, 45, "Free", started_at=_at(11), billable=False)
    invoice = invoices.draft_invoice(agreement, NOV)
    assert _lines(invoice) == [
        ("time", "1.00", "100.00", "100.00"),
        ("time_out_of_hours", "0.50", "150.00", "75.00"),
    ]


def test_it_bills_approved_out_of_scope_work(w: World) -> None:
    agreement = _set(
        w, billing=Billing.MANAGED_USER, unit_price=Decimal("0"), hourly_rate=Decimal("90")
    )
    hourly = make_ticket(w.acme)
    fixed = make_ticket(w.acme)
    for ticket in (hourly, fixed):
        scope.decide_scope(ticket, False, "Project", w.tech)
    q1 = quotes.request_quote(hourly, w.tech, "Cabling", Decimal("2"))
    q2 = quotes.request_quote(fixed, w.tech, "New switch", fixed_price=Decimal("450"))
    quotes.decide_quote(q1, w.acme_admin, True)
    quotes.decide_quote(q2, w.acme_admin, True)
    time.log_time(hourly, w.tech, 120, "Cabling", started_at=_at(12))
    time.log_time(fixed, w.tech, 200, "Switch", started_at=_at(13))
    invoice = invoices.draft_invoice(agreement, NOV)
    kinds = {line.kind: line for line in invoice.lines.all()}
    assert kinds["time"].amount == Decimal("180.00")
    assert kinds["quote"].amount == Decimal("450.00")
    assert "New switch" in kinds["quote"].description
    assert [t.number for t in kinds["time"].tickets.all()] == [hourly.number]


def test_issuing_numbers_invoices_without_gaps_and_freezes_them(w: World) -> None:
    agreement = _set(w, monthly_fee=Decimal("100.00"))
    globex = Agreement.objects.get(organization=w.globex)
    contract_actions.revise(globex, w.manager, {"monthly_fee": Decimal("50.00")})
    a = invoices.issue(invoices.draft_invoice(agreement, NOV), w.manager)
    b = invoices.issue(invoices.draft_invoice(globex, NOV), w.manager)
    assert (a.number, b.number) == (1, 2)
    assert a.display_number == "INV-000001"
    with pytest.raises(DomainError, match="credit note"):
        invoices.draft_invoice(agreement, NOV)
    with pytest.raises(DomainError, match="already issued"):
        invoices.issue(a, w.manager)
    with pytest.raises(DomainError):
        invoices.issue(invoices.draft_invoice(agreement, date(2026, 12, 1)), w.tech)


def test_a_credit_note_cancels_an_issued_invoice(w: World) -> None:
    agreement = _set(w, monthly_fee=Decimal("100.00"))
    invoice = invoices.issue(invoices.draft_invoice(agreement, NOV), w.manager)
    with pytest.raises(DomainError):
        invoices.credit_note(invoice, w.manager, " ")
    note = invoices.credit_note(invoice, w.manager, "Fee waived for November")
    assert note.credits == invoice and note.state == InvoiceState.ISSUED
    assert invoice.number is not None
    assert note.number == invoice.number + 1 and note.display_number.startswith("CN-")
    assert note.total == -invoice.total
    invoice.refresh_from_db()
    assert invoice.total == Decimal("100.00")  # The original is never edited.
    with pytest.raises(DomainError):
        invoices.credit_note(note, w.manager, "again")
    with pytest.raises(DomainError, match="already credited"):
        invoices.credit_note(invoice, w.manager, "twice")
    assert Invoice.objects.filter(credits=invoice).count() == 1


def test_a_credited_month_is_invoiced_again_with_the_time_it_missed(w: World) -> None:
    agreement = _set(w, billing=Billing.BREAK_FIX, hourly_rate=Decimal("100.00"))
    ticket = make_ticket(w.acme)
    time.log_time(ticket, w.tech, 60, "Printer", started_at=_at(3))
    first = invoices.issue(invoices.draft_invoice(agreement, NOV), w.manager)
    # Time found later for an invoiced month is refused, not silently left unbilled...
    with pytest.raises(DomainError, match=r"November 2026 is invoiced \(INV-000001\)"):
        time.log_time(ticket, w.tech, 30, "Forgotten visit", started_at=_at(4))
    # ...until the invoice is credited; then the month is billed again, with everything.
    invoices.credit_note(first, w.manager, "Visit on the 4th was missing")
    time.log_time(ticket, w.tech, 30, "Forgotten visit", started_at=_at(4))
    second = invoices.issue(invoices.draft_invoice(agreement, NOV), w.manager)
    assert second.number == 3 and second.total == Decimal("150.00")
    assert second.lines.get().time_entries.count() == 2


def test_a_draft_keeps_up_with_time_and_a_stale_one_is_never_issued(w: World) -> None:
    agreement = _set(w, billing=Billing.BREAK_FIX, hourly_rate=Decimal("100.00"))
    ticket = make_ticket(w.acme)
    time.log_time(ticket, w.tech, 60, "Printer", started_at=_at(3))
    draft = invoices.draft_invoice(agreement, NOV)
    # Time logged after the draft was made is on it at once...
    time.log_time(ticket, w.tech, 60, "Printer again", started_at=_at(5))
    draft.refresh_from_db()
    assert draft.total == Decimal("200.00") and draft.lines.get().time_entries.count() == 2
    # ...and a draft the terms have overtaken is remade, not issued.
    contract_actions.revise(agreement, w.manager, {"monthly_fee": Decimal("50.00")})
    with pytest.raises(DomainError, match="drafted again"):
        invoices.issue(draft, w.manager)
    draft.refresh_from_db()
    assert draft.state == InvoiceState.DRAFT and draft.total == Decimal("250.00")
    issued = invoices.issue(draft, w.manager)
    assert issued.number == 1 and issued.total == Decimal("250.00")


def test_time_on_a_ticket_is_billed_at_the_terms_it_was_opened_under(w: World) -> None:
    agreement = _set(w, billing=Billing.BREAK_FIX, hourly_rate=Decimal("100.00"))
    old = make_ticket(w.acme)
    contract_actions.revise(
        agreement,
        w.manager,
        {"hourly_rate": Decimal("120.00"), "out_of_hours_multiplier": Decimal("2.00")},
    )
    new = make_ticket(w.acme)
    for ticket in (old, new):
        time.log_time(ticket, w.tech, 60, "Work", started_at=_at(10, 11))
        time.log_time(ticket, w.tech, 60, "Late", started_at=_at(10, 22))
    invoice = invoices.draft_invoice(agreement, NOV)
    version = old.agreement_version.number  # type: ignore[union-attr]  # drafted under one
    assert [(line.description, str(line.unit_price)) for line in invoice.lines.all()] == [
        ("Support time", "120.00"),
        ("Support time, out of hours (x2)", "240.00"),
        (f"Support time, at the rate of terms version {version}", "100.00"),
        (f"Support time, at the rate of terms version {version}, out of hours (x1.5)", "150.00"),
    ]
    assert invoice.total == Decimal("610.00")


def test_a_correction_reaches_the_months_draft(w: World) -> None:
    agreement = _set(w, billing=Billing.BREAK_FIX, hourly_rate=Decimal("100.00"))
    ticket = make_ticket(w.acme)
    first = time.log_time(ticket, w.tech, 60, "Printer", started_at=_at(3))
    second = time.log_time(ticket, w.tech, 60, "Printer again", started_at=_at(5))
    draft = invoices.draft_invoice(agreement, NOV)
    assert draft.total == Decimal("200.00")
    time.correct_time(first, w.tech, minutes=30)
    draft.refresh_from_db()
    assert draft.total == Decimal("150.00")
    time.remove_time(second, w.tech)
    draft.refresh_from_db()
    assert draft.total == Decimal("50.00") and draft.lines.get().time_entries.count() == 1


def test_time_cannot_be_logged_for_work_not_yet_done(w: World) -> None:
    from django.utils import timezone

    ticket = make_ticket(w.acme)
    tomorrow = timezone.now() + timedelta(days=1)
    with pytest.raises(DomainError, match="done already") as refused:
        time.log_time(ticket, w.tech, 30, "Future", started_at=tomorrow)
    assert refused.value.field == "started_at"


def test_it_exports_csv_and_a_pdf(w: World) -> None:
    agreement = _set(w, billing=Billing.BREAK_FIX, monthly_fee=Decimal("1234.50"))
    invoice = invoices.issue(invoices.draft_invoice(agreement, NOV), w.manager)
    rows = list(
        csv.reader(io.StringIO(documents.csv_response(invoice).content.decode("utf-8-sig")))
    )
    assert rows[0][:5] == ["invoice", "period_start", "period_end", "currency", "line"]
    assert rows[1][4] == "Monthly fee" and rows[1][8] == "1234.50"
    assert rows[-1][4] == "Total" and rows[-1][8] == "1234.50"
    pdf = documents.pdf_bytes(invoice)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    html = documents.invoice_html(invoice, "el")
    assert "Τιμολόγιο" in html and "INV-000001" in html
    assert "1.234,50\xa0€" in html  # Greek: a decimal comma, the sign after.


def _pdf_fonts(pdf: bytes) -> set[str]:
    """The fonts a PDF embeds (their dictionaries may sit in compressed object streams)."""
    import re
    import zlib

    parts = [pdf]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
    return {
        name.decode() for part in parts for name in re.findall(rb"/BaseFont\s*/([\w+-]+)", part)
    }


def test_a_chinese_clients_invoice_is_drawn_with_a_chinese_font(w: World) -> None:
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    fonts = fc_list and subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True)
    if not fonts or not fonts.stdout.strip():
        pytest.skip("No font with Chinese characters here (Debian: fonts-noto-cjk).")
    w.acme.language = "zh-hans"
    w.acme.save()
    agreement = _set(w, monthly_fee=Decimal("100.00"))
    invoice = invoices.issue(invoices.draft_invoice(agreement, NOV), w.manager)
    assert "月费" in documents.invoice_html(invoice, "zh-hans")
    assert any("CJK" in name for name in _pdf_fonts(documents.pdf_bytes(invoice)))


@pytest.mark.django_db(transaction=True)
def test_invoice_numbers_stay_unique_and_gapless_under_concurrency() -> None:
    policy = make_policy()
    agreements = []
    for n in range(6):
        org = make_org(f"RACE{n}")
        agreements.append(make_agreement(org, policy, monthly_fee=Decimal("10.00")))
    admin = make_user(Role.ADMIN)
    drafts = [invoices.draft_invoice(a, NOV) for a in agreements]

    def issue(invoice: Invoice) -> None:
        for attempt in range(50):
            try:
                invoices.issue(invoice, admin)
                return
            except Exception as exc:  # SQLite: "database is locked" under contention.
                if "locked" not in str(exc) or attempt == 49:
                    raise
                threading.Event().wait(0.05)

    race_each([partial(issue, d) for d in drafts])
    numbers = sorted(n or 0 for n in Invoice.objects.values_list("number", flat=True))
    assert numbers == list(range(1, len(drafts) + 1))


def test_lines_are_written_in_the_clients_language(w: World) -> None:
    globex = Agreement.objects.get(organization=w.globex)  # Globex reads Simplified Chinese.
    contract_actions.revise(
        globex, w.manager, {"billing": Billing.BREAK_FIX, "monthly_fee": Decimal("500")}
    )
    invoice = invoices.draft_invoice(globex, NOV)
    assert [(line.description, line.unit) for line in invoice.lines.all()] == [("月费", "月")]
    html = documents.invoice_html(invoice, "zh-hans")
    assert "发票" in html and "月费" in html
