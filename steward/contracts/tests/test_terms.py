"""Agreement versions, the scope register, quotes and time."""
# ruff: noqa: E501

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from steward.contracts import actions
from steward.contracts.actions import ContractError
from steward.contracts.models import (
    Agreement,
    AgreementVersion,
    Billing,
    BlockAlert,
    QuoteState,
    Service,
    TimeEntry,
)
from steward.mail import inbound
from steward.mail.models import Outbound
from steward.mail.tests.factory import make_mail
from steward.test import World, api_client, make_ticket, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")


@pytest.fixture
def w() -> World:
    return world()


def _acme(w: World) -> Agreement:
    return Agreement.objects.get(organization=w.acme)


def test_it_records_each_change_as_a_version(w: World) -> None:
    agreement = _acme(w)
    backup = Service.objects.create(code="backup", name="Backup monitoring")
    first = actions.version_of(agreement)
    assert first.number == 1 and first.changes == []
    second = actions.revise(
        agreement,
        w.manager,
        {"hourly_rate": Decimal("90.00"), "billing": Billing.BLOCK_HOURS},
        services={"backup": Decimal("25.00")},
        note="Renewal 2027",
    )
    assert second.number == 2 and second.created_by == w.manager
    changed = {c["field"]: (c["from"], c["to"]) for c in second.changes}
    assert changed["hourly_rate"] == ("0.00", "90.00")
    assert changed["billing"] == ("managed_user", "block_hours")
    assert changed["services"] == ({}, {"backup": "25.00"})
    # Nothing changed: no new version.
    assert actions.revise(agreement, w.manager, {"hourly_rate": Decimal("90.00")}).number == 2
    assert backup.agreements.get() == agreement


def test_it_never_edits_or_deletes_a_version(w: World) -> None:
    version = actions.version_of(_acme(w))
    version.note = "rewritten history"
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    assert AgreementVersion.objects.get(pk=version.pk).note == "first version"


def test_tickets_keep_the_terms_in_force_when_opened(w: World) -> None:
    agreement = _acme(w)
    before = make_ticket(w.acme)
    actions.revise(agreement, w.manager, {"hourly_rate": Decimal("120.00")})
    after = make_ticket(w.acme)
    assert before.agreement_version is not None and before.agreement_version.number == 1
    assert after.agreement_version is not None and after.agreement_version.number == 2
    assert before.agreement_version.terms["hourly_rate"] == "0.00"


def test_it_revises_through_the_api_and_lists_the_history(w: World) -> None:
    agreement = _acme(w)
    client = api_client(w.manager)
    url = f"/api/v1/agreements/{agreement.pk}"
    bad = client.patch(url, json.dumps({"hourly_rate": -5}), content_type="application/json")
    assert bad.status_code == 422 and bad.json()["field"] == "hourly_rate"
    unknown = client.patch(
        url, json.dumps({"services": {"nope": "1.00"}}), content_type="application/json"
    )
    assert unknown.status_code == 422 and unknown.json()["field"] == "services"
    assert agreement.versions.count() <= 1  # Refused changes leave no version behind.
    ok = client.patch(
        url,
        json.dumps({"hourly_rate": "95.50", "note": "price list 2027"}),
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["hourly_rate"] == "95.50"
    history = api_client(w.acme_admin).get(f"{url}/versions").json()["items"]
    assert [v["number"] for v in history] == [1, 2]
    assert history[1]["changes"] == [{"field": "hourly_rate", "from": "0.00", "to": "95.50"}]
    assert history[1]["created_by"] == str(w.manager)


def test_it_defaults_scope_from_the_covered_services(w: World) -> None:
    agreement = _acme(w)
    backup = Service.objects.create(code="backup", name="Backup monitoring")
    printers = Service.objects.create(code="printers", name="Printers")
    actions.set_services(agreement, {"backup": Decimal("0")})
    assert actions.scope_of(make_ticket(w.acme, service=backup)).in_scope
    out = actions.scope_of(make_ticket(w.acme, service=printers))
    assert not out.in_scope and "Printers is not among" in out.reason
    actions.revise(agreement, w.manager, {"billing": Billing.BREAK_FIX})
    break_fix = actions.scope_of(make_ticket(w.acme, service=printers))
    assert break_fix.in_scope and "billed by the hour" in break_fix.reason


def test_staff_override_scope_with_a_reason(w: World) -> None:
    ticket = make_ticket(w.acme)
    with pytest.raises(ContractError):
        actions.decide_scope(ticket, False, "  ", w.tech)
    with pytest.raises(ContractError):
        actions.decide_scope(ticket, False, "client asked", w.acme_admin)
    actions.decide_scope(ticket, False, "A new office fit-out is a project", w.tech)
    scope = actions.scope_of(ticket)
    assert not scope.in_scope and scope.decided_by == w.tech


def test_out_of_scope_time_needs_an_approved_quote(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    actions.decide_scope(ticket, False, "Project work", w.tech)
    with pytest.raises(ContractError, match="quote"):
        actions.log_time(ticket, w.tech, 60, "Cabling")
    actions.log_time(ticket, w.tech, 20, "Looked at it", billable=False)  # Free: allowed.
    quote = actions.request_quote(ticket, w.tech, "Cable the new room", Decimal("3"))
    mail = Outbound.objects.get(kind="quote")
    assert mail.to == [w.acme_admin.email] and "Cable the new room" in mail.text
    with pytest.raises(ContractError):
        actions.log_time(ticket, w.tech, 60, "Cabling")  # Still pending.
    with pytest.raises(ContractError):
        actions.decide_quote(quote, w.acme_user, True)  # Not an administrator.
    actions.decide_quote(quote, w.acme_admin, True, "Go ahead")
    quote.refresh_from_db()
    assert quote.state == QuoteState.APPROVED and quote.decided_by == w.acme_admin
    entry = actions.log_time(ticket, w.tech, 60, "Cabling")
    assert entry.quote == quote and not entry.in_scope
    with pytest.raises(ContractError, match="already"):
        actions.decide_quote(quote, w.acme_admin, False)


def test_a_client_admin_approves_a_quote_by_replying(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_admin)
    actions.decide_scope(ticket, False, "Project work", w.tech)
    quote = actions.request_quote(ticket, w.tech, "New switch", fixed_price=Decimal("450"))
    request = Outbound.objects.get(kind="quote")
    inbound.receive(
        make_mail(
            subject=f"Re: {request.subject}",
            body="Approve\n\nThanks.",
            sender=w.acme_admin.email,
            in_reply_to=request.msgid,
        )
    )
    quote.refresh_from_db()
    assert quote.state == QuoteState.APPROVED and quote.decision_note == "By email."


def test_it_tells_out_of_hours_from_the_calendar(w: World) -> None:
    ticket = make_ticket(w.acme)
    # Acme's calendar is the Athens office, 09:00-17:00 on weekdays.
    late = actions.log_time(
        ticket, w.tech, 30, "Server restart", started_at=datetime(2026, 11, 24, 21, tzinfo=ATHENS)
    )
    day = actions.log_time(
        ticket, w.tech, 30, "Follow-up", started_at=datetime(2026, 11, 25, 10, tzinfo=ATHENS)
    )
    assert late.out_of_hours and not day.out_of_hours


def test_the_timer_runs_one_at_a_time(w: World) -> None:
    ticket = make_ticket(w.acme)
    with time_machine.travel(datetime(2026, 11, 24, 10, tzinfo=ATHENS), tick=False):
        actions.start_timer(ticket, w.tech, "Diagnosing")
        with pytest.raises(ContractError, match="already running"):
            actions.start_timer(ticket, w.tech)
    with time_machine.travel(datetime(2026, 11, 24, 10, 41, 30, tzinfo=ATHENS), tick=False):
        entry = actions.stop_timer(w.tech)
    assert entry.minutes == 42 and entry.description == "Diagnosing"
    assert TimeEntry.objects.running().count() == 0
    with pytest.raises(ContractError):
        actions.stop_timer(w.tech)


def test_it_warns_the_client_at_80_and_100_percent_of_the_block(w: World) -> None:
    agreement = _acme(w)
    actions.revise(
        agreement, w.manager, {"billing": Billing.BLOCK_HOURS, "block_hours": Decimal("10")}
    )
    ticket = make_ticket(w.acme)
    start = datetime(2026, 11, 2, 10, tzinfo=ATHENS)
    actions.log_time(ticket, w.tech, 7 * 60, "Migration", started_at=start)
    assert Outbound.objects.filter(kind__startswith="block").count() == 0
    actions.log_time(ticket, w.tech, 60 + 15, "More", started_at=start + timedelta(days=1))
    assert list(
        Outbound.objects.filter(kind__startswith="block").values_list("kind", flat=True)
    ) == ["block_80"]
    actions.log_time(ticket, w.tech, 60, "Again", started_at=start + timedelta(days=2))
    actions.log_time(ticket, w.tech, 90, "And again", started_at=start + timedelta(days=3))
    kinds = sorted(Outbound.objects.filter(kind__startswith="block").values_list("kind", flat=True))
    assert kinds == ["block_100", "block_80"]  # Once each, however much more is logged.
    assert BlockAlert.objects.count() == 2
    balance = actions.block_balance(agreement, start.date())
    assert balance.used == Decimal("10.75") and balance.left == Decimal("-0.75")
    alert = Outbound.objects.get(kind="block_100")
    assert (
        alert.to == [w.acme_admin.email] and "billed at the agreement's hourly rate" in alert.text
    )


def test_it_checks_time_input_through_the_api(w: World) -> None:
    ticket = make_ticket(w.acme)
    client = api_client(w.tech)

    def post(data: dict[str, object]) -> object:
        return client.post(
            "/api/v1/time-entries", json.dumps(data), content_type="application/json"
        )

    for data, field in [
        ({"ticket": ticket.pk, "minutes": 0, "description": "x"}, "minutes"),
        ({"ticket": ticket.pk, "minutes": 30, "description": ""}, "description"),
        ({"ticket": ticket.pk, "minutes": "lots", "description": "x"}, "minutes"),
        ({"ticket": ticket.pk, "minutes": 30, "description": "x", "started_at": "2099-01-01T10:00:00+00:00"}, "started_at"),
        ({"ticket": ticket.pk, "minutes": 30, "description": "x", "started_at": "2026-01-01T10:00:00"}, "started_at"),
    ]:  # fmt: skip
        response = post(data)
        assert response.status_code == 422, data  # type: ignore[attr-defined]
        assert response.json()["field"] == field  # type: ignore[attr-defined]
    assert post({"ticket": 999999, "minutes": 5, "description": "x"}).status_code == 404  # type: ignore[attr-defined]
    ok = post({"ticket": ticket.pk, "minutes": 25, "description": "Reset the router"})
    assert ok.status_code == 201  # type: ignore[attr-defined]
    assert ok.json()["minutes"] == 25 and ok.json()["in_scope"] is True  # type: ignore[attr-defined]
    assert TimeEntry.objects.count() == 1


def test_the_history_reads_as_sentences_in_the_clients_language(w: World) -> None:
    from django.utils import translation

    from steward.contracts.templatetags.contract_tags import change_lines
    from steward.sla.models import SlaPolicy

    agreement = _acme(w)
    Service.objects.create(code="backup", name="Backup monitoring")
    slower = SlaPolicy.objects.create(
        name="Slower",
        targets={**agreement.sla_policy.targets, "P1": {"first_response": 120, "resolution": 480}},
    )
    version = actions.revise(
        agreement,
        w.manager,
        {"billing": Billing.BLOCK_HOURS, "sla_policy": slower},
        services={"backup": Decimal("10.00")},
    )
    lines = change_lines(version.changes)
    assert ("Billing", "Managed, per user", "Block of prepaid hours") in lines
    assert ("Backup monitoring", "not covered", "covered, 10.00 a month") in lines
    before = agreement.versions.get(number=1).terms["sla_targets"]["P1"]["first_response"]
    assert ("P1 first response", f"{before} business minutes", "120 business minutes") in lines
    with translation.override("el"):
        greek = change_lines(version.changes)
    assert ("Χρέωση", "Διαχείριση, ανά χρήστη", "Πακέτο προπληρωμένων ωρών") in greek


def test_only_an_answer_to_the_quote_mail_decides_it(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_admin)
    ack = Outbound.objects.get(ticket=ticket, kind="acknowledgement")
    actions.decide_scope(ticket, False, "Project work", w.tech)
    quote = actions.request_quote(ticket, w.tech, "New switch", fixed_price=Decimal("450"))
    inbound.receive(make_mail(body="Approve", sender=w.acme_admin.email, in_reply_to=ack.msgid))
    quote.refresh_from_db()
    assert quote.state == QuoteState.PENDING  # An answer to the acknowledgement, not the quote.


def test_a_timer_on_unapproved_out_of_scope_work_stops_as_not_billable(w: World) -> None:
    ticket = make_ticket(w.acme)
    actions.decide_scope(ticket, False, "Project work", w.tech)
    actions.start_timer(ticket, w.tech)
    entry = actions.stop_timer(w.tech)
    assert not entry.billable and TimeEntry.objects.running().count() == 0


def test_kpi_targets_are_the_known_kpis_within_their_range(w: World) -> None:
    from steward.contracts.templatetags.contract_tags import change_lines

    agreement = _acme(w)
    client = api_client(w.manager)
    url = f"/api/v1/agreements/{agreement.pk}"
    for targets in ({"uptime": 99}, {"csat": 7}, {"sla_compliance": "lots"}, {"csat": True}):
        bad = client.patch(
            url, json.dumps({"kpi_targets": targets}), content_type="application/json"
        )
        assert bad.status_code == 422, targets
        assert bad.json()["field"] == "kpi_targets", bad.json()
        # The detail names the target at fault and what is wrong with it.
        key = next(iter(targets))
        assert bad.json()["detail"].startswith(f"kpi_targets: {key}"), bad.json()
    assert "the target is a number" in bad.json()["detail"]  # {"csat": true}
    ok = client.patch(
        url,
        json.dumps({"kpi_targets": {"sla_compliance": 95, "median_first_response_minutes": 30}}),
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["kpi_targets"]["sla_compliance"] == 95
    version = agreement.versions.order_by("-number").first()
    assert version is not None
    assert ("Tickets within their SLA targets", "no target", "at least 95 %") in change_lines(
        version.changes
    )


def test_a_ticket_with_billed_time_or_a_quote_is_not_deleted(w: World) -> None:
    from django.db.models import ProtectedError

    ticket = make_ticket(w.acme)
    actions.log_time(ticket, w.tech, 30, "Fix")
    with pytest.raises(ProtectedError):
        ticket.delete()
    assert TimeEntry.objects.filter(ticket=ticket).count() == 1


def test_changing_an_sla_policy_in_the_admin_makes_a_version_of_its_agreements(w: World) -> None:
    from django.contrib import admin
    from django.test import RequestFactory

    from steward.sla.models import SlaPolicy

    agreement = _acme(w)
    actions.version_of(agreement)
    policy = SlaPolicy.objects.get(pk=agreement.sla_policy_id)
    policy.targets = {**policy.targets, "P1": {**policy.targets["P1"], "first_response": 120}}
    request = RequestFactory().post("/")
    request.user = w.admin
    admin.site._registry[SlaPolicy].save_model(request, policy, None, True)
    latest = agreement.versions.order_by("-number").first()
    assert latest is not None and latest.number == 2 and latest.created_by == w.admin
    assert [c["field"] for c in latest.changes] == ["sla_targets"]
    assert latest.terms["sla_targets"]["P1"]["first_response"] == 120


def test_changing_an_agreement_in_the_admin_makes_a_version(w: World) -> None:
    from django.contrib import admin
    from django.test import RequestFactory

    agreement = _acme(w)
    actions.version_of(agreement)
    request = RequestFactory().post("/")
    request.user = w.admin
    model_admin = admin.site._registry[Agreement]
    form_class = model_admin.get_form(request, agreement)
    data = {
        "organization": agreement.organization_id,
        "name": agreement.name,
        "starts": agreement.starts.isoformat(),
        "sla_policy": agreement.sla_policy_id,
        **{f: getattr(agreement, f) for f in ("billing", "currency", "monthly_fee", "unit_price",
           "devices", "out_of_hours_multiplier", "included_hours", "block_hours",
           "increment_minutes", "exclusions")},
        "hourly_rate": "77.00",
        "kpi_targets": "{}",
        "created_at_0": agreement.created_at.date().isoformat(),
        "created_at_1": agreement.created_at.strftime("%H:%M:%S"),
    }  # fmt: skip
    form = form_class(data, instance=agreement)
    assert form.is_valid(), form.errors
    # What the admin's change view does with a valid form.
    model_admin.save_model(request, form.save(commit=False), form, True)
    model_admin.save_related(request, form, [], True)
    latest = agreement.versions.order_by("-number").first()
    assert latest is not None and latest.number == 2 and latest.created_by == w.admin
    assert latest.changes == [{"field": "hourly_rate", "from": "0.00", "to": "77.00"}]
    assert latest.note == "changed in the admin"


def test_time_is_corrected_through_the_api_until_it_is_invoiced(w: World) -> None:
    from steward.accounts.models import Membership, Role
    from steward.desk.models import TicketEvent
    from steward.test import make_user

    agreement = _acme(w)
    actions.revise(agreement, w.manager, {"billing": Billing.BREAK_FIX})
    ticket = make_ticket(w.acme)
    at = datetime(2026, 11, 2, 10, tzinfo=ATHENS)
    entry = actions.log_time(ticket, w.tech, 600, "Network", started_at=at)
    url = f"/api/v1/time-entries/{entry.pk}"
    tech = api_client(w.tech)

    def patch(client: object, body: object) -> object:
        return client.patch(url, json.dumps(body), content_type="application/json")  # type: ignore[attr-defined]

    bad = patch(tech, {"minutes": 0})
    assert bad.status_code == 422 and bad.json()["field"] == "minutes"  # type: ignore[attr-defined]
    other = make_user(Role.TECHNICIAN, name="Olly Other")
    Membership.objects.create(user=other, organization=w.acme)
    assert patch(api_client(other), {"minutes": 60}).status_code == 403  # type: ignore[attr-defined]
    ok = patch(tech, {"minutes": 60, "description": "Network switch"})
    assert ok.status_code == 200 and ok.json()["minutes"] == 60  # type: ignore[attr-defined]
    event = TicketEvent.objects.get(ticket=ticket, kind="time")
    assert event.data["changes"]["minutes"] == [600, 60]
    from steward.test import ScanningClient

    history = ScanningClient(w.manager).get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert "minutes: 600 → 60" in history
    invoice = actions.issue(actions.draft_invoice(agreement, at.date()), w.manager)
    refused = patch(api_client(w.manager), {"minutes": 30})
    assert refused.status_code == 422 and invoice.display_number in refused.json()["detail"]  # type: ignore[attr-defined]
    assert api_client(w.manager).delete(url).status_code == 422
    # A timer started by mistake is discarded.
    running = actions.start_timer(ticket, w.tech)
    assert tech.delete(f"/api/v1/time-entries/{running.pk}").status_code == 204
    assert not TimeEntry.objects.running().exists()
