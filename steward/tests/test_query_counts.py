"""How many queries each list and page costs: an N+1 fails here, not in a benchmark.

Every GET route of the API and every desk, portal, billing, mail and account page that
answers GET (found through the resolver and the OpenAPI schema, as the role-access test finds
them) is called as a provider admin and as a client admin, where the role may use it, over a
dataset of N rows of each kind and again after 3N more: tickets with messages, attachments,
events, time, quotes and scope decisions; invoices with lines; agreement versions; mail in
and out; users, tokens, calendars, policies, services, queues. A route whose count grows
with the rows makes a query per row. The counts with the larger dataset are recorded per route
and role in `query_counts.json`, keyed by the route as the resolver names it (`desk:queue`,
`GET /api/v1/tickets`), so moving a view to another module changes nothing; a route that
costs more than its record fails.

After a change that rightly costs more queries (or fewer), or a new route, record the counts
again and commit the file with the change:

    UPDATE_QUERY_COUNTS=1 .venv/bin/python -m pytest steward/tests/test_query_counts.py
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from steward.accounts.models import ApiToken, Membership, Organization, Provider, Role, User
from steward.billing import invoices, quotes, scope
from steward.billing import time as billing_time
from steward.contracts import actions as terms
from steward.contracts.models import Agreement, Service
from steward.desk import actions
from steward.desk.models import Queue, RoutingRule, Source, Status, Ticket
from steward.mail import inbound
from steward.mail.models import Outbound, forget_directory
from steward.mail.tests.factory import make_mail, make_mailbox
from steward.monitoring import actions as monitoring
from steward.monitoring import plans
from steward.monitoring.models import AlertRecipient, Check, MaintenancePlan, MaintenanceWindow
from steward.reports import surveys
from steward.reports.models import Problem, Review, Survey
from steward.test import (
    World,
    api_operations,
    make_agreement,
    make_calendar,
    make_org,
    make_policy,
    make_ticket,
    make_user,
    pages,
    world,
)
from steward.tests.test_role_access import ALLOWED, HTML_POSTS, _page_url
from steward.vault import access as vault_access
from steward.vault import actions_docs as vault_docs
from steward.vault import actions_secrets as vault_secrets
from steward.vault import audit as vault_audit
from steward.vault.models import Asset, Credential, Document, TicketAsset, Vendor

pytestmark = pytest.mark.django_db

BASELINE = Path(__file__).with_name("query_counts.json")
UPDATE = os.environ.get("UPDATE_QUERY_COUNTS") == "1"
N = 3  # rows of each kind first; then 3N more, so "grows with the rows" cannot hide.
NOW = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)
# Who calls each route: the provider admin sees every organization, the client admin one.
CALLERS = (Role.ADMIN, Role.CLIENT_ADMIN)


def _rows(w: World, n: int, stage: int) -> dict[str, Any]:
    """n more rows of each kind; the ids of this stage's richest rows (n messages, n lines)."""
    tag = f"s{stage}"
    agreement = Agreement.objects.get(organization=w.acme)
    for i in range(n):
        org = make_org(f"Q{stage}X{i}")
        # As the agreement form makes one: with its first version.
        terms.record_version(make_agreement(org, w.policy), w.admin)
        make_user(Role.CLIENT_USER, w.acme)
        # The people pages: technicians with their clients, contacts known only by address.
        tech = make_user(Role.TECHNICIAN)
        Membership.objects.create(user=tech, organization=org)
        make_ticket(org, requester_email=f"walkin-{tag}-{i}@q.example")
        make_calendar()
        make_policy()
        service = Service.objects.create(code=f"{tag}-svc-{i}", name=f"Service {tag} {i}")
        queue = Queue.objects.create(name=f"Queue {tag} {i}")
        rule = RoutingRule.objects.create(organization=org, service=service, queue=queue)
        for user in (w.admin, w.acme_admin):
            ApiToken.issue(user, f"{tag} {i}")
        make_mailbox(name=f"Box {tag} {i}", address=f"box-{tag}-{i}@provider.test")
        terms.revise(agreement, w.admin, {"monthly_fee": Decimal(100 * stage + i)})
    terms.set_services(
        agreement, {code: Decimal("10") for code in Service.objects.values_list("code", flat=True)}
    )
    mailbox = make_mailbox(name=f"Help {tag}", address=f"help-{tag}@provider.test")
    tickets = []
    for i in range(n):
        ticket = make_ticket(
            w.acme,
            requester=w.acme_user,
            assignee=w.tech,
            queue=queue,
            service=service,
            checklist=[f"Step {k}" for k in range(n)],
        )
        first = ticket.checklist.first()
        assert first is not None
        actions.tick(ticket, first, True, "Seen", w.tech)
        actions.post_message(ticket, w.tech, "Looking at it")
        upload = SimpleUploadedFile(f"{tag}-{i}.txt", b"log", content_type="text/plain")
        actions.post_message(ticket, w.acme_user, "Log attached", files=[upload])
        actions.change_status(ticket, Status.WAITING_ON_CLIENT, w.tech)
        scope.decide_scope(ticket, True, "Covered", w.manager)
        quotes.request_quote(ticket, w.manager, f"Work {i}", Decimal("2"))
        billing_time.log_time(ticket, w.tech, 15, f"Work {i}", billable=False)
        inbound.receive(make_mail(sender=w.acme_user.email, subject=f"{tag} {i}"), mailbox=mailbox)
        tickets.append(ticket)
    rich = tickets[-1]
    plan = None
    for i in range(n):
        plan = plans.save_plan(
            MaintenancePlan(
                organization=w.acme,
                name=f"Plan {tag} {i}",
                rrule="FREQ=DAILY",
                starts=NOW - timedelta(days=20),
                checklist=[f"Step {k}" for k in range(n)],
                assignee=w.tech,
            ),
            now=NOW - timedelta(days=n + 1),
        )
    assert plan is not None
    for day in range(n, 0, -1):
        plans.open_due(now=NOW - timedelta(days=day) + timedelta(minutes=1))
    for i in range(n):
        upload = SimpleUploadedFile(f"{tag}-more-{i}.txt", b"log", content_type="text/plain")
        actions.post_message(rich, w.acme_user, f"More {i}", files=[upload])
        actions.post_message(rich, w.tech, f"Note {i}", public=False)
        quote = quotes.request_quote(rich, w.manager, f"More work {i}", Decimal("1"))
        entry = billing_time.log_time(rich, w.tech, 10, f"More work {i}", billable=False)
    invoice = None
    for i in range(n):
        month = date(2023 + stage, 1, 1) + timedelta(days=31 * i)
        invoice = invoices.issue(invoices.draft_invoice(agreement, month.replace(day=1)), w.admin)
    assert invoice is not None
    mail = inbound.receive(
        make_mail(sender="stranger@elsewhere.test", subject=f"{tag} quarantined"), mailbox=mailbox
    ).inbound
    assert mail is not None
    outbound = Outbound.objects.filter(ticket=rich).order_by("-id").first()
    assert outbound is not None
    Provider.current().logo.save(f"{tag}.png", ContentFile(b"\x89PNG\r\n\x1a\n" + bytes(24)))
    check = None
    for i in range(n):
        check = monitoring.save_check(
            w.acme, monitoring.CheckInput(name=f"Backup {tag} {i}", kind="heartbeat", tags=[tag])
        )
        monitoring.ping(check.code, monitoring.PingIn(kind="fail", body=f"log {i}"))
        monitoring.ping(check.code, monitoring.PingIn(kind="success"))
        monitoring.save_window(
            w.acme,
            monitoring.WindowInput(starts=NOW, ends=NOW + timedelta(hours=1), checks=[check.pk]),
            w.admin,
        )
    assert check is not None
    for i in range(n):  # the richest check: n more pings and flips
        monitoring.ping(check.code, monitoring.PingIn(kind="fail", exit_status=i + 1))
        monitoring.ping(check.code, monitoring.PingIn(kind="success"))
    shown, window = _monitoring(w, n, tag)
    _vault_exit(w, n, tag)
    credential = _vault(w, n, tag)
    return {
        "credential_id": credential.pk,
        "credential": credential.pk,
        "check_id": check.pk,
        "agreement_id": agreement.pk,
        "calendar_id": w.calendar.pk,
        "invoice_id": invoice.pk,
        "org_id": w.acme.pk,
        "policy_id": w.policy.pk,
        "ticket_id": rich.pk,
        "plan_id": plan.pk,
        "plan": plan.pk,
        "entry_id": entry.pk,
        "quote_id": quote.pk,
        "number": rich.number,
        "attachment_id": rich.messages.filter(attachments__isnull=False)
        .values_list("attachments", flat=True)
        .last(),
        "mail": mail.pk,
        "outbox": outbound.pk,
        "mailbox": mailbox.pk,
        "agreement": agreement.pk,
        "invoice": invoice.pk,
        "quote": quote.pk,
        "time_remove": entry.pk,
        "org": w.acme.pk,
        "person": w.acme_user.pk,
        "calendar": w.calendar.pk,
        "policy": w.policy.pk,
        "queue": queue.pk,
        "rule": rule.pk,
        "check": shown.pk,
        "window": window.pk,
        **_vault_docs(w, n, tag, rich),
        "token": _surveys(w, n, tag, rich),
        **_problems(w, n, tag, rich),
        **_reports_advice(w, n, tag, rich),
    }


def _surveys(w: World, n: int, tag: str, rich: Ticket) -> str:
    """n more resolved tickets of Acme's with their surveys (some answered, some low), one
    answered survey for each new organization, and n surveys of the richest ticket; the
    mailed link of the first of those."""
    for i in range(n):
        ticket = make_ticket(w.acme, requester=w.acme_user, title=f"Survey {tag} {i}")
        actions.change_status(ticket, Status.RESOLVED, w.tech)
        if i % 3:
            surveys.answer(ticket.surveys.get(), i % 5 + 1, f"Comment {tag} {i}", w.acme_user)
    for org in Organization.objects.filter(code__startswith=f"Q{tag[1:]}X"):
        ticket = org.tickets.get()
        survey = Survey.objects.create(organization=org, ticket=ticket, resolved_at=NOW)
        surveys.answer(survey, 4, "", None)
    made = [
        Survey.objects.create(
            organization=w.acme, ticket=rich, resolution=k + 1, resolved_at=NOW, email="a@acme.test"
        )
        for k in range(n)
    ]
    for survey in made[1:]:
        surveys.answer(survey, 2, f"Again {tag}", w.acme_admin)
    return surveys.token(made[0])


def _problems(w: World, n: int, tag: str, ticket: Ticket) -> dict[str, Any]:
    """n more known errors of Acme's, each with n tickets that say the same thing (so n more
    recurring groups), the seed's ticket linked to the last."""
    problem = None
    for i in range(n):
        problem = Problem.objects.create(
            organization=w.acme, title=f"Fault {tag} {i}", status="known_error", workaround="w"
        )
        problem.tickets.set(
            make_ticket(w.acme, title=f"Printer {tag} {i} does not print") for _ in range(n)
        )
    assert problem is not None
    problem.tickets.add(ticket)
    return {"problem_id": problem.pk, "problem": problem.pk}


def _reports_advice(w: World, n: int, tag: str, ticket: Ticket) -> dict[str, Any]:
    """The rich ticket's review with n more actions (some overdue), resolved P1 tickets
    without a review, and n recommendations of Acme's with n decisions each, declined on an
    asset that n later tickets are about."""
    from steward.reports import advice, reviews
    from steward.reports.models import Recommendation

    asset = Asset.objects.create(organization=w.acme, name=f"FW {tag}", kind="network")
    owners = [w.tech, w.acme_admin, w.manager]
    done = reviews.ActionIn(f"Done {tag}", w.tech.pk, NOW.date(), True)
    rows = [
        reviews.ActionIn(f"Action {tag} {i}", owners[i % 3].pk, NOW.date() - timedelta(days=i))
        for i in range(n)
    ]
    old = Review.objects.filter(ticket=ticket).first()
    before = list(old.actions.all()) if old else []
    kept = [reviews.ActionIn(a.title, a.owner_id, a.due, a.done) for a in before]
    reviews.save_review(ticket, w.tech, {"what_happened": tag}, [*kept, done, *rows])
    rec = None
    for i in range(n):
        p1 = make_ticket(w.acme, impact="high", urgency="high", title=f"Outage {tag} {i}")
        actions.change_status(p1, Status.RESOLVED, w.tech)
        data = {"title": f"Advice {tag} {i}", "rationale": "r", "provider_interest": "none",
                "asset": asset.pk}  # fmt: skip
        rec = advice.save(Recommendation(organization=w.acme), data, w.tech)
        for k in range(n):
            decision = ("deferred", "accepted", "declined")[k % 3]
            advice.decide(rec, w.acme_admin, decision, f"note {k}", now=NOW - timedelta(days=n - k))
        advice.decide(rec, w.acme_admin, "declined", "", now=NOW - timedelta(hours=1))
        later = make_ticket(w.acme, requester=w.acme_user, title=f"After {tag} {i}")
        TicketAsset.objects.create(ticket=later, asset=asset)
    assert rec is not None
    return {"rec_id": rec.pk, "recommendation": rec.pk}


def _vault_docs(w: World, n: int, tag: str, ticket: Ticket) -> dict[str, Any]:
    """n more assets, vendors and documents of Acme's; the richest document has n revisions,
    the last asset n tickets about it."""
    asset = vendor = doc = None
    for i in range(n):
        asset = Asset.objects.create(
            organization=w.acme, name=f"PC {tag} {i}", kind="laptop", custom={"tag": f"{i}"}
        )
        vendor = Vendor.objects.create(
            organization=w.acme, name=f"ISP {tag} {i}", kind="isp", account_holder="provider"
        )
        doc = vault_docs.save_document(Document(organization=w.acme), f"Doc {tag} {i}", "x", w.tech)
    assert asset is not None and vendor is not None and doc is not None
    for i in range(n):
        vault_docs.save_document(doc, doc.title, f"version {i}", w.admin)
        about = make_ticket(w.acme, requester=w.acme_user, title=f"Asset {tag} {i}")
        TicketAsset.objects.create(ticket=about, asset=asset)
    TicketAsset.objects.update_or_create(ticket=ticket, defaults={"asset": asset})
    ids = {"asset_id": asset.pk, "vendor_id": vendor.pk, "document_id": doc.pk}
    return {**ids, "asset": asset.pk, "vendor": vendor.pk, "document": doc.pk, "revision": 1,
            "ticket": ticket.pk}  # fmt: skip


def _monitoring(w: World, n: int, tag: str) -> tuple[Check, MaintenanceWindow]:
    """n more checks of Acme's (and one of each new organization) with results, outages and
    their tickets, windows, and maintenance done; the richest check has n more of each."""
    now = datetime.now(UTC)
    for org in Organization.objects.filter(code__startswith=f"Q{tag[1:]}X"):
        monitoring.save_check(org, monitoring.CheckInput(name=f"Backup {tag}", kind="heartbeat"))
    checks = []
    for i in range(n):
        check = monitoring.save_check(
            w.acme,
            monitoring.CheckInput(
                name=f"Site {tag} {i}", kind="http", target=f"https://s{i}.example/",
                tags=[tag, f"t{i}"], reopen_within=0,
            ),
        )  # fmt: skip
        for k in range(3):
            at = now - timedelta(hours=3 - k)
            monitoring.record_result(check, ok=k != 1, at=at, duration_ms=100 + k, detail=f"{k}")
            check.refresh_from_db()
        checks.append(check)
        beat = monitoring.save_check(
            w.acme, monitoring.CheckInput(name=f"Job {tag} {i}", kind="heartbeat")
        )
        monitoring.ping(beat.code, monitoring.PingIn(kind="fail", body=f"log {i}"), at=now)
        ticket = make_ticket(w.acme, requester=w.acme_user, source=Source.MAINTENANCE)
        actions.change_status(ticket, Status.RESOLVED, w.tech)
    rich = checks[-1]
    for k in range(2 * n):
        at = now - timedelta(minutes=50 - k)
        monitoring.record_result(rich, ok=k % 2 == 0, at=at, duration_ms=200 + k, detail=f"{k}")
        rich.refresh_from_db()
    window = None
    for i in range(n):
        window = monitoring.save_window(
            w.acme,
            monitoring.WindowInput(
                starts=now + timedelta(days=i), ends=now + timedelta(days=i, hours=2),
                rrule="FREQ=WEEKLY" if i % 2 else "", checks=[c.pk for c in checks[: i + 1]],
            ),
            w.tech,
        )  # fmt: skip
    AlertRecipient.objects.get_or_create(organization=w.acme, user=w.acme_admin)
    assert window is not None
    return rich, window


def _vault_exit(w: World, n: int, tag: str) -> None:
    """n more vendors, assets, documents and credentials of Acme's (some revealed since they
    changed), posture reviews naming assets, and client users with a second factor."""
    from allauth.mfa.models import Authenticator

    from steward.vault import posture
    from steward.vault.models import Asset, Credential, Document, Vendor

    assets = []
    for i in range(n):
        vendor = Vendor.objects.create(
            organization=w.acme, name=f"Vendor {tag} {i}", kind="hosting",
            account_holder="provider" if i % 2 else "client",
        )  # fmt: skip
        assets.append(Asset.objects.create(organization=w.acme, name=f"PC {tag} {i}", kind="laptop", os="Windows", os_version="11"))  # fmt: skip  # noqa: E501
        Document.objects.create(organization=w.acme, title=f"Doc {tag} {i}", body="text")
        Credential.objects.create(
            organization=w.acme, name=f"Login {tag} {i}", vendor=vendor,
            last_revealed_at=NOW + timedelta(days=1), last_revealed_by=w.tech,
        )  # fmt: skip
        user = make_user(Role.CLIENT_USER, w.acme)
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    for key in ("ce.malware", "iso.8.13"):
        posture.update(w.acme, key, w.tech, {"status": "met", "owner": tag, "assets": [a.pk for a in assets]})  # fmt: skip  # noqa: E501


def _vault(w: World, n: int, tag: str) -> Credential:
    """n more credentials of Acme's, linked, revealed (some at risk), with their audit entries
    and a checkpoint; the organization in `named` mode with n more people named."""
    asset = Asset.objects.create(organization=w.acme, name=f"NAS {tag}", kind="server")
    vendor = Vendor.objects.create(organization=w.acme, name=f"Registrar {tag}", kind="registrar")
    credential = None
    for i in range(n):
        credential = vault_secrets.create_credential(
            w.acme, w.acme_admin, name=f"Login {tag} {i}", username=f"admin{i}", secret=f"pw{i}",
            totp="JBSWY3DPEHPK3PXP", asset=asset.pk, vendor=vendor.pk,
        )  # fmt: skip
        vault_secrets.reveal(credential, w.tech if i % 2 else w.admin, f"ticket {tag}-{i}")
    assert credential is not None
    people = [
        w.tech.pk,
        *Membership.objects.filter(organization=w.acme).values_list("user", flat=True),
    ]
    vault_access.set_access(w.acme, w.acme_admin, "assigned", people)
    vault_audit.checkpoint(w.acme)
    return credential


def _person(w: World, role: Role) -> User:
    return {Role.ADMIN: w.admin, Role.CLIENT_ADMIN: w.acme_admin}[role]


# Where a provider sends the browser back: without a state it signed minutes ago it answers
# 400 before reading a row (steward/mail/tests/test_oauth.py counts nothing per row there).
NOT_MEASURED = {"mail:oauth_callback"}


def _targets() -> list[tuple[str, Role]]:
    """(route, role) for every GET route and page, as each caller allowed to use it."""
    routes = [r for r in api_operations() if r.startswith("GET ")]
    routes += [name for name in pages() if name not in HTML_POSTS | NOT_MEASURED]
    return [(route, role) for route in sorted(routes) for role in CALLERS if role in ALLOWED[route]]


def _url(route: str, ids: dict[str, Any], user: User) -> str:
    if route.startswith("GET "):
        url = route.removeprefix("GET ").replace("{user_id}", str(user.pk))
        for name, value in ids.items():
            url = url.replace("{" + name + "}", str(value))
        return url
    return _page_url(route, ids)


def _count(client: Client, url: str) -> tuple[int, int]:
    # Per-process caches would make the first call of a route cost more than the next.
    forget_directory()
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if getattr(response, "streaming", False):
            response.getvalue()
    return response.status_code, len(queries)


def _measure(w: World, ids: dict[str, Any]) -> dict[tuple[str, str], int]:
    clients = {}
    for role in CALLERS:
        clients[role] = Client()
        clients[role].force_login(_person(w, role))
    counts: dict[tuple[str, str], int] = {}
    for route, role in _targets():
        status, count = _count(clients[role], _url(route, ids, _person(w, role)))
        assert status < 400, f"{route} as {role} answered {status}: nothing was measured"
        counts[(route, role)] = count
    return counts


def _load() -> dict[str, dict[str, int]]:
    return json.loads(BASELINE.read_text()) if BASELINE.exists() else {}


def _save(counts: dict[tuple[str, str], int]) -> None:
    data: dict[str, dict[str, int]] = {}
    for (route, role), count in sorted(counts.items()):
        data.setdefault(route, {})[role] = count
    BASELINE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def test_it_costs_no_more_queries_with_more_rows_than_recorded() -> None:
    with time_machine.travel(NOW, tick=True):
        w = world()
        few = _measure(w, _rows(w, N, 1))
        many = _measure(w, _rows(w, 3 * N, 2))
    grows = {
        (route, role): f"{few[route, role]} queries with {N} rows, {count} with {4 * N}"
        for (route, role), count in sorted(many.items())
        if count > few[route, role]
    }
    if UPDATE:
        _save(many)
    recorded = _load()
    over = []
    for (route, role), count in sorted(many.items()):
        limit = recorded.get(route, {}).get(role)
        if limit is None:
            over.append(f"{route} as {role}: {count} queries, none recorded")
        elif count > limit:
            over.append(f"{route} as {role}: {count} queries, {limit} recorded")
    gone = sorted(
        f"{route} as {role}"
        for route, roles in recorded.items()
        for role in roles
        if (route, role) not in many
    )
    per_row = [f"{route} as {role}: {text}" for (route, role), text in grows.items()]
    assert per_row == [], "a query per row: use select_related or prefetch_related"
    assert over == [], "more queries than recorded (UPDATE_QUERY_COUNTS=1 records them anew)"
    assert gone == [], "recorded routes that are gone (UPDATE_QUERY_COUNTS=1 forgets them)"
