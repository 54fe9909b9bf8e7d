"""Which roles may call each route, declared once and checked against the running app.

`ALLOWED` lists every API operation and every desk, portal and account page with the roles
that may use it on their own organization's rows; a new route without an entry fails
`test_it_lists_every_route`. `test_it_refuses_the_other_roles` then calls every route as each
of the five roles, with rows of the caller's own organization (Acme): a role left out must
be refused (403, 404, a redirect away from the page, or an empty list), a role listed must
not be told 403 or 404. Writes are called only by the roles they refuse (a refusal writes
nothing); what an allowed write does is each app's own tests' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Provider, Role, User
from steward.billing import invoices, quotes, time
from steward.contracts.models import Agreement
from steward.desk import actions
from steward.desk.models import Queue, RoutingRule, Ticket
from steward.mail import inbound
from steward.mail.models import Outbound
from steward.mail.tests.factory import make_mail, make_mailbox
from steward.monitoring import actions as monitoring
from steward.monitoring import plans
from steward.monitoring.models import MaintenancePlan
from steward.reports import advice, reviews, surveys
from steward.reports.models import Problem, Recommendation, Survey
from steward.test import (
    World,
    api_client,
    api_operations,
    make_ticket,
    pages,
    post_json,
    token_for,
    world,
)
from steward.vault import actions_docs as vault_docs
from steward.vault import actions_secrets as vault_secrets
from steward.vault.models import Asset, Document, Vendor

pytestmark = pytest.mark.django_db

A, M, T = Role.ADMIN, Role.MANAGER, Role.TECHNICIAN
CA, CU = Role.CLIENT_ADMIN, Role.CLIENT_USER
EVERYONE = frozenset({A, M, T, CA, CU})
STAFF = frozenset({A, M, T})
MANAGERS = frozenset({A, M})
ACCOUNT = STAFF | {CA}  # Terms, invoices, quotes, scope: staff and the client's administrators.
CLIENTS = frozenset({CA, CU})
V = "/api/v1"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)

ALLOWED: dict[str, frozenset[str]] = {
    # API: reads
    "GET /api/v1/agreements": ACCOUNT,
    "GET /api/v1/agreements/{agreement_id}": ACCOUNT,
    "GET /api/v1/agreements/{agreement_id}/versions": ACCOUNT,
    "GET /api/v1/calendars": EVERYONE,
    "GET /api/v1/checks": EVERYONE,
    "GET /api/v1/checks/{check_id}": EVERYONE,
    "GET /api/v1/checks/{check_id}/flips": EVERYONE,
    "GET /api/v1/checks/{check_id}/pings": EVERYONE,
    "GET /api/v1/maintenance-windows": EVERYONE,
    "GET /api/v1/calendars/{calendar_id}": EVERYONE,
    "GET /api/v1/invoices": ACCOUNT,
    "GET /api/v1/invoices/{invoice_id}": ACCOUNT,
    "GET /api/v1/invoices/{invoice_id}/csv": ACCOUNT,
    "GET /api/v1/invoices/{invoice_id}/pdf": ACCOUNT,
    "GET /api/v1/invoices/{invoice_id}/ubl": ACCOUNT,
    "GET /api/v1/invoices/export": ACCOUNT,
    "GET /api/v1/organizations/{org_id}/tax": ACCOUNT,
    "GET /api/v1/maintenance-plans": EVERYONE,
    "GET /api/v1/maintenance-plans/{plan_id}": EVERYONE,
    "GET /api/v1/maintenance-plans/{plan_id}/occurrences": EVERYONE,
    "GET /api/v1/me": EVERYONE,
    "GET /api/v1/organizations": EVERYONE,
    "GET /api/v1/organizations/{org_id}": EVERYONE,
    "GET /api/v1/queues": STAFF,
    "GET /api/v1/services": EVERYONE,  # The catalogue: clients file tickets under it.
    "GET /api/v1/sla-policies": EVERYONE,
    "GET /api/v1/sla-policies/{policy_id}": EVERYONE,
    "GET /api/v1/tickets": EVERYONE,
    "GET /api/v1/tickets/{ticket_id}": EVERYONE,
    "GET /api/v1/tickets/{ticket_id}/events": EVERYONE,
    "GET /api/v1/tickets/{ticket_id}/messages": EVERYONE,
    "GET /api/v1/tickets/{ticket_id}/quotes": ACCOUNT,
    "GET /api/v1/tickets/{ticket_id}/scope": ACCOUNT,
    "GET /api/v1/time-entries": STAFF,
    "GET /api/v1/tokens": EVERYONE,
    "GET /api/v1/users": frozenset({A}),
    "GET /api/v1/users/{user_id}": EVERYONE,  # One's own; others' are for admins.
    # Vault documentation: everyone of the organization reads it.
    "GET /api/v1/assets": EVERYONE,
    "GET /api/v1/assets/{asset_id}": EVERYONE,
    "GET /api/v1/assets/export": EVERYONE,
    "GET /api/v1/vendors": EVERYONE,
    "GET /api/v1/vendors/{vendor_id}": EVERYONE,
    "GET /api/v1/documents": EVERYONE,
    "GET /api/v1/documents/{document_id}": EVERYONE,
    # API: writes
    # Vault documentation: provider staff and the client's administrators keep it.
    "POST /api/v1/assets": STAFF | {CA},
    "POST /api/v1/assets/import": STAFF | {CA},
    "PATCH /api/v1/assets/{asset_id}": STAFF | {CA},
    "DELETE /api/v1/assets/{asset_id}": STAFF | {CA},
    "POST /api/v1/vendors": STAFF | {CA},
    "PATCH /api/v1/vendors/{vendor_id}": STAFF | {CA},
    "DELETE /api/v1/vendors/{vendor_id}": STAFF | {CA},
    "POST /api/v1/documents": STAFF | {CA},
    "PATCH /api/v1/documents/{document_id}": STAFF | {CA},
    "DELETE /api/v1/documents/{document_id}": STAFF | {CA},
    "DELETE /api/v1/checks/{check_id}": STAFF,
    "DELETE /api/v1/maintenance-windows/{window_id}": STAFF,
    "PATCH /api/v1/checks/{check_id}": STAFF,
    "POST /api/v1/checks": STAFF,
    "POST /api/v1/checks/{check_id}/pause": STAFF,
    "POST /api/v1/checks/{check_id}/resume": STAFF,
    "POST /api/v1/maintenance-windows": STAFF,
    "DELETE /api/v1/time-entries/{entry_id}": STAFF,
    "DELETE /api/v1/tokens/{token_id}": EVERYONE,
    "PATCH /api/v1/agreements/{agreement_id}": MANAGERS,
    "PATCH /api/v1/calendars/{calendar_id}": MANAGERS,
    "PATCH /api/v1/organizations/{org_id}": MANAGERS,
    "PATCH /api/v1/tickets/{ticket_id}": EVERYONE,  # Clients: close or reopen only.
    "PATCH /api/v1/time-entries/{entry_id}": STAFF,
    "POST /api/v1/agreements": MANAGERS,
    "POST /api/v1/calendars": MANAGERS,
    "POST /api/v1/calendars/{calendar_id}/due": EVERYONE,
    "POST /api/v1/invoices": MANAGERS,
    "POST /api/v1/invoices/{invoice_id}/credit-note": MANAGERS,
    "POST /api/v1/invoices/{invoice_id}/issue": MANAGERS,
    "PUT /api/v1/organizations/{org_id}/tax": MANAGERS,
    "POST /api/v1/mail/inbound": MANAGERS,
    "POST /api/v1/maintenance-plans": STAFF,
    "PATCH /api/v1/maintenance-plans/{plan_id}": STAFF,
    "POST /api/v1/organizations": MANAGERS,
    "POST /api/v1/quotes/{quote_id}/decision": frozenset({CA}),
    "POST /api/v1/services": MANAGERS,
    "POST /api/v1/sla-policies": MANAGERS,
    "POST /api/v1/tickets": EVERYONE,
    "POST /api/v1/tickets/{ticket_id}/messages": EVERYONE,
    "POST /api/v1/tickets/{ticket_id}/checklist/{item_id}": STAFF,
    "POST /api/v1/tickets/{ticket_id}/quotes": STAFF,
    "POST /api/v1/tickets/{ticket_id}/scope": STAFF,
    "POST /api/v1/time-entries": STAFF,
    "POST /api/v1/time-entries/timer": STAFF,
    "POST /api/v1/time-entries/timer/stop": STAFF,
    "POST /api/v1/tokens": EVERYONE,
    "POST /api/v1/users": frozenset({A}),
    # Pages
    "accounts:profile": EVERYONE,
    "accounts:tokens": EVERYONE,
    "accounts:revoke_token": EVERYONE,
    "desk:dashboard": STAFF,
    "desk:queue": STAFF,
    "desk:bulk_assign": STAFF,
    "desk:new_ticket": STAFF,
    "desk:ticket": STAFF,
    "desk:reply": STAFF,
    "desk:update": STAFF,
    "desk:tick": STAFF,
    "desk:attachment": STAFF,
    "portal:home": CLIENTS,
    "portal:new_ticket": CLIENTS,
    "portal:preview": CLIENTS,
    "portal:ticket": CLIENTS,
    "portal:reply": CLIENTS,
    "portal:close": CLIENTS,
    "portal:attachment": CLIENTS,
    "mail:inbound_list": STAFF,
    "mail:inbound": STAFF,
    "mail:original": STAFF,
    "mail:outbox": STAFF,
    "mail:reprocess": MANAGERS,
    "mail:place": MANAGERS,
    "mail:retry": MANAGERS,
    "mail:mailboxes": MANAGERS,
    "mail:mailbox_new": MANAGERS,
    "mail:mailbox": MANAGERS,
    "mail:mailbox_connect": MANAGERS,
    "mail:oauth_callback": MANAGERS,
    "billing:agreements": STAFF,
    "billing:agreement": STAFF,
    "billing:agreement_new": MANAGERS,
    "billing:agreement_edit": MANAGERS,
    "billing:invoice_draft": MANAGERS,
    "billing:invoice": STAFF,
    "billing:invoice_issue": MANAGERS,
    "billing:invoice_credit": MANAGERS,
    "billing:invoice_pdf": STAFF,
    "billing:invoice_csv": STAFF,
    "billing:invoice_ubl": STAFF,
    "billing:invoice_export": STAFF,
    "billing:client_tax": MANAGERS,
    "billing:value": STAFF,
    "billing:time": STAFF,
    "billing:time_remove": STAFF,
    "billing:timer": STAFF,
    "billing:scope": STAFF,
    "billing:quote": STAFF,
    "billing_portal:agreements": frozenset({CA}),
    "billing_portal:invoices": frozenset({CA}),
    "billing_portal:invoice_pdf": frozenset({CA}),
    "billing_portal:invoice_csv": frozenset({CA}),
    "billing_portal:invoice_ubl": frozenset({CA}),
    "billing_portal:quote_decide": frozenset({CA}),
    "billing_portal:value": frozenset({CA}),
    # Reports, downtime: what the organization's hours cost is for staff and its admins.
    "reports:downtime": STAFF,
    "reports_portal:downtime": frozenset({CA}),
    "GET /api/v1/organizations/{org_id}/value": STAFF | {CA},
    # Settings: admins and managers read them; the provider's details, invitations and
    # people's roles are changed by admins only (the page tests prove a manager's 403).
    "settings:index": MANAGERS,
    "settings:provider": MANAGERS,
    "settings:logo": EVERYONE,
    "settings:organizations": MANAGERS,
    "settings:organization_new": MANAGERS,
    "settings:organization": MANAGERS,
    "settings:people": MANAGERS,
    "settings:contacts": MANAGERS,
    "settings:invite": frozenset({A}),
    "settings:person": frozenset({A}),
    "settings:person_invite": frozenset({A}),
    # Service levels: staff read, admins and managers write (a technician's post is a 403).
    "policies:calendars": STAFF,
    "policies:calendar": STAFF,
    "policies:calendar_new": MANAGERS,
    "policies:policies": STAFF,
    "policies:policy": STAFF,
    "policies:policy_new": MANAGERS,
    "policies:queues": STAFF,
    "policies:queue": STAFF,
    "policies:queue_new": MANAGERS,
    "policies:rule_new": MANAGERS,
    "policies:rule": MANAGERS,
    "policies:rule_delete": MANAGERS,
    # Monitoring: provider staff watch and change checks and windows; clients read their own
    # in the portal, and a client administrator chooses to be told of outages.
    "monitoring:board": STAFF,
    "monitoring:check": STAFF,
    "monitoring:check_new": STAFF,
    "monitoring:check_edit": STAFF,
    "monitoring:check_delete": STAFF,
    "monitoring:check_pause": STAFF,
    "monitoring:check_resume": STAFF,
    "monitoring:windows": STAFF,
    "monitoring:window_new": STAFF,
    "monitoring:window_delete": STAFF,
    "monitoring:plans": STAFF,
    "monitoring:plan": STAFF,
    "monitoring:plan_new": STAFF,
    "monitoring:plan_edit": STAFF,
    "monitoring_portal:home": CLIENTS,
    "monitoring_portal:alerts": frozenset({CA}),
    # Vault, exit: the pack is taken by the client's admins and provider admins; the posture
    # is reviewed by provider staff and read by the client's admins.
    "POST /api/v1/organizations/{org_id}/exit-pack": frozenset({A, CA}),
    "GET /api/v1/organizations/{org_id}/posture": STAFF | {CA},
    "PATCH /api/v1/organizations/{org_id}/posture/{control}": STAFF,
    "vault:exit": STAFF,
    "vault:exit_pack": frozenset({A}),
    "vault:posture": STAFF,
    "vault:posture_edit": STAFF,
    "vault_portal:exit": frozenset({CA}),
    "vault_portal:exit_pack": frozenset({CA}),
    "vault_portal:posture": frozenset({CA}),
    # Reports, the review pack: provider staff who see the client and the client's admins.
    "GET /api/v1/organizations/{org_id}/review-pack": ACCOUNT,
    "reports:pack": STAFF,
    "reports:pack_pdf": STAFF,
    "reports_portal:pack": frozenset({CA}),
    "reports_portal:pack_pdf": frozenset({CA}),
    # Vault secrets: credentials and the audit log are read by staff and the client's admins,
    # never by client users; who may reveal is the client admin's to change (DESIGN.md).
    "GET /api/v1/credentials": ACCOUNT,
    "GET /api/v1/credentials/{credential_id}": ACCOUNT,
    "POST /api/v1/credentials": ACCOUNT,
    "PATCH /api/v1/credentials/{credential_id}": ACCOUNT,
    "DELETE /api/v1/credentials/{credential_id}": ACCOUNT,
    "POST /api/v1/credentials/{credential_id}/reveal": ACCOUNT,
    "GET /api/v1/organizations/{org_id}/vault-access": frozenset({A, CA}),
    "PUT /api/v1/organizations/{org_id}/vault-access": frozenset({CA}),
    "GET /api/v1/organizations/{org_id}/audit": ACCOUNT,
    "GET /api/v1/organizations/{org_id}/audit/verify": ACCOUNT,
    "vault:credentials": STAFF,
    "vault:credential_new": STAFF,
    "vault:credential_edit": STAFF,
    "vault:credential_delete": STAFF,
    "vault:credential_reveal": STAFF,
    "vault:access": STAFF,
    "vault:audit": STAFF,
    "vault_portal:credentials": frozenset({CA}),
    "vault_portal:at_risk": frozenset({CA}),
    "vault_portal:credential_new": frozenset({CA}),
    "vault_portal:credential_edit": frozenset({CA}),
    "vault_portal:credential_delete": frozenset({CA}),
    "vault_portal:credential_reveal": frozenset({CA}),
    "vault_portal:access": frozenset({CA}),
    "vault_portal:audit": frozenset({CA}),
    # Satisfaction: everyone who sees the ticket reads its survey; the person who asked or a
    # client admin answers (a client user asked, in the fixture); the mailed link needs no
    # sign-in, so every role (and nobody) opens it.
    "GET /api/v1/tickets/{ticket_id}/satisfaction": EVERYONE,
    "POST /api/v1/tickets/{ticket_id}/satisfaction": CLIENTS,
    "reports:surveys": STAFF,
    "reports_portal:survey": CLIENTS,
    "surveys:answer": EVERYONE,
    # Reports, scorecard: provider staff who see the organization and its client admins.
    "GET /api/v1/organizations/{org_id}/scorecard": STAFF | {CA},
    "reports:scorecard": STAFF,
    "reports_portal:scorecard": frozenset({CA}),
}


# The vault's overviews and its documentation pages.
VAULT_DOCS_PAGES = {
    "vault:home": STAFF,
    "vault:org": STAFF,
    "vault_portal:home": CLIENTS,
    **{
        f"vault:{name}": STAFF
        for name in (
            "assets", "asset", "asset_new", "asset_edit", "asset_delete", "asset_import",
            "asset_export", "ticket_asset", "vendors", "vendor_new", "vendor_edit",
            "vendor_delete", "documents", "document", "document_new", "document_edit",
            "document_delete", "document_history", "document_revision",
        )
    },
    **{
        f"vault_portal:{name}": CLIENTS
        for name in (
            "assets", "asset", "vendors", "documents", "document", "document_history",
            "document_revision",
        )
    },
    "vault_portal:document_new": frozenset({CA}),
    "vault_portal:document_edit": frozenset({CA}),
}  # fmt: skip
ALLOWED.update(VAULT_DOCS_PAGES)
# Reports, reviews and advice: everyone who sees the ticket reads its review, staff write it;
# advice is written by staff and read and decided by the client's administrators only.
REPORTS_ADVICE = {
    "GET /api/v1/tickets/{ticket_id}/review": EVERYONE,
    "PUT /api/v1/tickets/{ticket_id}/review": STAFF,
    "GET /api/v1/recommendations": STAFF | {CA},
    "POST /api/v1/recommendations": STAFF,
    "GET /api/v1/recommendations/{rec_id}": STAFF | {CA},
    "PATCH /api/v1/recommendations/{rec_id}": STAFF,
    "POST /api/v1/recommendations/{rec_id}/decision": frozenset({CA}),
    "reports:reviews": STAFF,
    "reports:review": STAFF,
    "reports_portal:review": CLIENTS,
    "reports:advice": STAFF,
    "reports:recommendation": STAFF,
    "reports:recommendation_new": STAFF,
    "reports:recommendation_edit": STAFF,
    "reports_portal:advice": frozenset({CA}),
    "reports_portal:recommendation": frozenset({CA}),
}
ALLOWED.update(REPORTS_ADVICE)

# The reports' entry points and the cards other pages load from reports.
REPORTS_PAGES = {
    "reports:home": STAFF,
    "reports:org": STAFF,
    "reports:ticket_panel": STAFF,
    "reports:dashboard_panel": STAFF,
    "reports_portal:home": CLIENTS,
    "reports_portal:ticket_panel": CLIENTS,
}
ALLOWED.update(REPORTS_PAGES)
# Reports, problems: provider staff keep them; the client's people read theirs (and the
# client's administrators the recurring groups, which quote everyone's tickets).
ALLOWED.update(
    {
        "GET /api/v1/organizations/{org_id}/recurring": STAFF | {CA},
        "GET /api/v1/problems": EVERYONE,
        "GET /api/v1/problems/{problem_id}": EVERYONE,
        "POST /api/v1/problems": STAFF,
        "PATCH /api/v1/problems/{problem_id}": STAFF,
        "reports:recurring": STAFF,
        "reports:problem_new": STAFF,
        "reports:problems": STAFF,
        "reports:problem": STAFF,
        "reports_portal:problems": CLIENTS,
        "reports_portal:problem": CLIENTS,
    }
)


def test_it_lists_every_route() -> None:
    routes = set(api_operations()) | set(pages())
    assert sorted(routes - set(ALLOWED)) == [], "declare who may use these routes"
    assert sorted(set(ALLOWED) - routes) == [], "these routes are gone"


@dataclass
class Acme:
    """One row of each kind, all Acme's; `ids` fills the routes' parameters."""

    w: World
    ids: dict[str, Any]


@pytest.fixture
def acme() -> Acme:
    w = world()
    agreement = Agreement.objects.get(organization=w.acme)
    ticket = make_ticket(w.acme, requester=w.acme_user, checklist=["Restore a file"])
    plan = plans.save_plan(
        MaintenancePlan(
            organization=w.acme,
            name="Backups",
            rrule="FREQ=WEEKLY",
            starts=ticket.created_at,
            checklist=["Restore a file"],
        )
    )
    upload = SimpleUploadedFile("log.txt", b"error 13", content_type="text/plain")
    message = actions.post_message(ticket, w.acme_user, "Log attached", files=[upload])
    quote = quotes.request_quote(ticket, w.admin, "New fuser", Decimal("2"))
    entry = time.log_time(ticket, w.tech, 15, "Looked", billable=False)
    invoice = invoices.issue(invoices.draft_invoice(agreement, entry.started_at.date()), w.admin)
    box = make_mailbox()
    provider = Provider.current()
    provider.logo.save("logo.png", ContentFile(PNG), save=True)
    mail = inbound.receive(make_mail(sender=w.acme_user.email), mailbox=box).inbound
    assert mail is not None
    outbound = Outbound.objects.filter(ticket=ticket).first()
    queue = Queue.objects.create(name="Second line")
    rule = RoutingRule.objects.create(organization=w.acme, queue=queue)
    check = monitoring.save_check(w.acme, monitoring.CheckInput(name="Backup", kind="heartbeat"))
    window = monitoring.save_window(
        w.acme,
        monitoring.WindowInput(
            starts=ticket.created_at, ends=ticket.created_at + timedelta(hours=1)
        ),
        w.admin,
    )
    credential = vault_secrets.create_credential(w.acme, w.acme_admin, name="NAS", secret="pw")
    return Acme(
        w,
        {
            "credential_id": credential.pk,
            "credential": credential.pk,
            "agreement_id": agreement.pk,
            "calendar_id": w.calendar.pk,
            "invoice_id": invoice.pk,
            "org_id": w.acme.pk,
            "policy_id": w.policy.pk,
            "ticket_id": ticket.pk,
            "item_id": ticket.checklist.get().pk,
            "plan_id": plan.pk,
            "plan": plan.pk,
            "entry_id": entry.pk,
            "quote_id": quote.pk,
            "number": ticket.number,
            "attachment_id": message.attachments.get().pk,
            # Pages' `pk`, by the page's namespace and kind of row.
            "mail": mail.pk,
            "outbox": outbound.pk if outbound else 1,
            "mailbox": box.pk,
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
            "check_id": check.pk,
            "window_id": window.pk,
            "check": check.pk,
            "window": window.pk,
            "control": "ce.malware",
            **_vault_docs(w, ticket),
            "token": _survey_token(ticket),
            **_problems(w, ticket),
            **_reports_advice(w, ticket),
        },
    )


def _survey_token(ticket: Ticket) -> str:
    """The mailed link's token of a survey of the ticket (not resolved: nobody may answer)."""
    survey = Survey.objects.create(
        organization=ticket.organization, ticket=ticket, resolved_at=ticket.created_at
    )
    return surveys.token(survey)


def _vault_docs(w: World, ticket: Ticket) -> dict[str, int]:
    """One asset, vendor and document (with a revision) of Acme's, by the API's path
    parameters and the pages' kinds of row."""
    asset = Asset.objects.create(organization=w.acme, name="FS01", kind="server")
    vendor = Vendor.objects.create(organization=w.acme, name="Papaki", kind="registrar")
    doc = vault_docs.save_document(Document(organization=w.acme), "Network", "VLAN 10", w.tech)
    vault_docs.save_document(doc, "Network", "VLAN 10 and 20", w.tech)
    ids = {"asset_id": asset.pk, "vendor_id": vendor.pk, "document_id": doc.pk}
    return {**ids, "asset": asset.pk, "vendor": vendor.pk, "document": doc.pk, "revision": 1,
            "ticket": ticket.pk}  # fmt: skip


def _problems(w: World, ticket: Ticket) -> dict[str, int]:
    """A known error of Acme's, with one ticket."""
    problem = Problem.objects.create(organization=w.acme, title="VPN drops", status="known_error")
    problem.tickets.add(ticket)
    return {"problem_id": problem.pk, "problem": problem.pk}


def _reports_advice(w: World, ticket: Ticket) -> dict[str, int]:
    """A review of the ticket and a recommendation of Acme's."""
    reviews.save_review(ticket, w.tech, {"what_happened": "Disk full"}, [])
    rec = advice.save(
        Recommendation(organization=w.acme),
        {"title": "MFA", "rationale": "Phishing", "provider_interest": "none"},
        w.tech,
    )
    return {"rec_id": rec.pk, "recommendation": rec.pk}


# A body each write accepts from a role it allows: a refused role must be refused before it
# is read, so a bad body cannot pass for a refusal.
BODIES: dict[str, Any] = {
    "PATCH /api/v1/agreements/{agreement_id}": {"note": "x"},
    "PATCH /api/v1/checks/{check_id}": {"name": "Renamed"},
    "POST /api/v1/checks": "check",
    "POST /api/v1/maintenance-windows": "window",
    "PATCH /api/v1/calendars/{calendar_id}": {"name": "Renamed"},
    "PATCH /api/v1/organizations/{org_id}": {"name": "Renamed"},
    "PATCH /api/v1/time-entries/{entry_id}": {"minutes": 5},
    "POST /api/v1/agreements": "agreement",
    "POST /api/v1/calendars": {"name": "New", "timezone": "UTC", "weekly": {}},
    "POST /api/v1/invoices": "invoice",
    "POST /api/v1/invoices/{invoice_id}/credit-note": {"reason": "r"},
    "POST /api/v1/organizations": {"name": "New Co", "code": "NEWCO"},
    "POST /api/v1/quotes/{quote_id}/decision": {"approve": True},
    "POST /api/v1/services": {"code": "new", "name": "New"},
    "POST /api/v1/sla-policies": {"name": "New", "targets": {}},
    "POST /api/v1/tickets/{ticket_id}/quotes": {"description": "d", "hours": "1"},
    "POST /api/v1/tickets/{ticket_id}/scope": {"in_scope": True, "reason": "r"},
    "POST /api/v1/tickets/{ticket_id}/checklist/{item_id}": {"done": True},
    "POST /api/v1/maintenance-plans": "plan",
    "PATCH /api/v1/maintenance-plans/{plan_id}": {"name": "Renamed"},
    "POST /api/v1/time-entries": "time",
    "POST /api/v1/time-entries/timer": "timer",
    "POST /api/v1/users": {"email": "new@example.com", "role": "technician"},
    "PUT /api/v1/organizations/{org_id}/tax": {"treatment": "standard", "rate": "24"},
    "POST /api/v1/organizations/{org_id}/exit-pack": {"password": "a long exit password"},
    "PATCH /api/v1/organizations/{org_id}/posture/{control}": {"status": "met"},
    "POST /api/v1/credentials": "credential",
    "PATCH /api/v1/credentials/{credential_id}": {"name": "Renamed"},
    "POST /api/v1/credentials/{credential_id}/reveal": {"reason": "r"},
    "PUT /api/v1/organizations/{org_id}/vault-access": {"mode": "none", "people": []},
    "POST /api/v1/assets": "asset",
    "PATCH /api/v1/assets/{asset_id}": {"name": "Renamed"},
    "POST /api/v1/vendors": "vendor",
    "PATCH /api/v1/vendors/{vendor_id}": {"name": "Renamed"},
    "POST /api/v1/documents": "document",
    "PATCH /api/v1/documents/{document_id}": {"title": "Renamed"},
    "POST /api/v1/tickets/{ticket_id}/satisfaction": {"rating": 5},
    "POST /api/v1/problems": "problem",
    "PATCH /api/v1/problems/{problem_id}": {"title": "Renamed"},
    "PUT /api/v1/tickets/{ticket_id}/review": {"what_happened": "x", "actions": []},
    "POST /api/v1/recommendations": "recommendation",
    "PATCH /api/v1/recommendations/{rec_id}": {"title": "Renamed"},
    "POST /api/v1/recommendations/{rec_id}/decision": {"decision": "deferred"},
}


def _body(route: str, ids: dict[str, Any]) -> Any:
    body = BODIES.get(route)
    if body == "agreement":
        return {"organization": ids["org_id"], "name": "N", "starts": "2027-01-01", "sla_policy": ids["policy_id"]}  # fmt: skip  # noqa: E501
    if body == "invoice":
        return {"agreement": ids["agreement_id"], "month": "2027-01-01"}
    if body == "time":
        return {"ticket": ids["ticket_id"], "minutes": 5, "description": "d", "billable": False}
    if body == "plan":
        return {"organization": ids["org_id"], "name": "N", "rrule": "FREQ=DAILY", "starts": "2027-01-01T09:00:00+00:00", "checklist": ["Step"]}  # fmt: skip  # noqa: E501
    if body == "check":
        return {"organization": ids["org_id"], "name": "N", "kind": "heartbeat"}
    if body == "window":
        return {"organization": ids["org_id"], "starts": "2027-01-01T00:00:00Z", "ends": "2027-01-01T01:00:00Z"}  # fmt: skip  # noqa: E501
    if body == "credential":
        return {"organization": ids["org_id"], "name": "Router"}
    if body == "asset":
        return {"organization": ids["org_id"], "name": "N", "kind": "laptop"}
    if body == "vendor":
        return {"organization": ids["org_id"], "name": "N", "kind": "isp"}
    if body == "document":
        return {"organization": ids["org_id"], "title": "N", "body": "B"}
    if body == "problem":
        return {"organization": ids["org_id"], "title": "N"}
    if body == "recommendation":
        return {"organization": ids["org_id"], "title": "T", "rationale": "R", "provider_interest": "none"}  # fmt: skip  # noqa: E501
    if body == "timer":
        return {"ticket": ids["ticket_id"]}
    return body


def _person(w: World, role: Role) -> User:
    return {A: w.admin, M: w.manager, T: w.tech, CA: w.acme_admin, CU: w.acme_user}[role]


def _call_api(client: Client, route: str, ids: dict[str, Any], user: User) -> Any:
    method, path = route.split(" ", 1)
    url = path.replace("{user_id}", str(user.pk)).replace("{token_id}", "0")
    for name, value in ids.items():
        url = url.replace("{" + name + "}", str(value))
    if method == "GET":
        return client.get(url)
    if route == "POST /api/v1/mail/inbound":
        return client.post(url, make_mail(), content_type="message/rfc822")
    return client.generic(method, url, _json(_body(route, ids)), "application/json")


def _json(body: Any) -> str:
    import json

    return "" if body is None else json.dumps(body)


def _refused_api(response: Any) -> bool:
    if response.status_code in (403, 404):
        return True
    # A list of a kind the role never reads comes back empty.
    if response.status_code == 200 and response["Content-Type"].startswith("application/json"):
        body = response.json()
        return isinstance(body, dict) and body.get("items") == []
    return False


def test_it_refuses_the_other_roles_in_the_api(acme: Acme) -> None:
    wrong = []
    for role in sorted(EVERYONE):
        user = _person(acme.w, role)
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")
        for route in sorted(api_operations()):
            allowed = role in ALLOWED[route]
            if allowed and not route.startswith("GET "):
                continue  # An allowed write would change the rows the next calls read.
            response = _call_api(client, route, acme.ids, user)
            refused = _refused_api(response)
            if allowed and response.status_code in (403, 404):
                wrong.append(f"{role} refused {route}: {response.status_code}")
            if not allowed and not refused:
                wrong.append(f"{role} got {route}: {response.status_code}")
    assert wrong == []


HTML_POSTS = {
    "desk:bulk_assign",
    "desk:tick",
    "desk:reply",
    "desk:update",
    "portal:reply",
    "portal:close",
    "accounts:revoke_token",
    "mail:reprocess",
    "mail:place",
    "mail:retry",
    "billing:invoice_draft",
    "billing:invoice_issue",
    "billing:invoice_credit",
    "billing:time",
    "billing:time_remove",
    "billing:timer",
    "billing:scope",
    "billing:quote",
    "billing_portal:quote_decide",
    "settings:person_invite",
    "policies:rule_delete",
    "monitoring:check_pause",
    "monitoring:check_resume",
    "monitoring:window_delete",
    "monitoring_portal:alerts",
    "vault:exit_pack",
    "vault:posture_edit",
    "vault_portal:exit_pack",
    "vault:asset_delete",
    "vault:vendor_delete",
    "vault:document_delete",
    "reports:problem_new",
}


# The kind of row each page's `pk` names.
PAGE_PK = {
    "mail:inbound": "mail",
    "mail:original": "mail",
    "mail:reprocess": "mail",
    "mail:place": "mail",
    "mail:retry": "outbox",
    "mail:mailbox": "mailbox",
    "mail:mailbox_connect": "mailbox",
    "billing:agreement": "agreement",
    "billing:agreement_edit": "agreement",
    "billing:invoice_draft": "agreement",
    "billing:invoice": "invoice",
    "billing:invoice_issue": "invoice",
    "billing:invoice_credit": "invoice",
    "billing:invoice_pdf": "invoice",
    "billing:invoice_csv": "invoice",
    "billing:invoice_ubl": "invoice",
    "billing:client_tax": "org_id",
    "billing:time_remove": "time_remove",
    "billing_portal:invoice_pdf": "invoice",
    "billing_portal:invoice_csv": "invoice",
    "billing_portal:invoice_ubl": "invoice",
    "billing_portal:quote_decide": "quote",
    "settings:organization": "org",
    "settings:person": "person",
    "settings:person_invite": "person",
    "policies:calendar": "calendar",
    "policies:policy": "policy",
    "policies:queue": "queue",
    "policies:rule": "rule",
    "policies:rule_delete": "rule",
    "monitoring:check": "check",
    "monitoring:check_edit": "check",
    "monitoring:check_delete": "check",
    "monitoring:check_pause": "check",
    "monitoring:check_resume": "check",
    "monitoring:window_delete": "window",
    "monitoring:plan": "plan",
    "monitoring:plan_edit": "plan",
    "vault:credential_edit": "credential",
    "vault:credential_delete": "credential",
    "vault:credential_reveal": "credential",
    "vault_portal:credential_edit": "credential",
    "vault_portal:credential_delete": "credential",
    "vault_portal:credential_reveal": "credential",
    "vault:asset": "asset",
    "vault:asset_edit": "asset",
    "vault:asset_delete": "asset",
    "vault:vendor_edit": "vendor",
    "vault:vendor_delete": "vendor",
    "vault:document": "document",
    "vault:document_edit": "document",
    "vault:document_delete": "document",
    "vault:document_history": "document",
    "vault:document_revision": "document",
    "vault_portal:asset": "asset",
    "vault_portal:document": "document",
    "vault_portal:document_edit": "document",
    "vault_portal:document_history": "document",
    "vault_portal:document_revision": "document",
    "reports:ticket_panel": "ticket",
    "reports:problem": "problem",
    "reports_portal:problem": "problem",
    "reports:recommendation": "recommendation",
    "reports:recommendation_edit": "recommendation",
    "reports_portal:recommendation": "recommendation",
}


def _page_url(name: str, ids: dict[str, Any]) -> str:
    pattern = pages()[name]
    kwargs: dict[str, Any] = {}
    for key in pattern.pattern.converters:
        if key == "pk":
            kwargs[key] = ids[PAGE_PK[name]]
        elif key == "token_id":
            kwargs[key] = 0
        else:
            kwargs[key] = ids[key]
    return reverse(name, kwargs=kwargs)


def _refused_page(response: Any, role: str) -> bool:
    # Staff pages tell clients they do not exist; the portal sends staff to the desk.
    return response.status_code in (403, 404) or (
        response.status_code == 302 and role in STAFF and "/desk/" in response["Location"]
    )


def test_it_refuses_the_other_roles_on_pages(acme: Acme) -> None:
    wrong = []
    for role in sorted(EVERYONE):
        user = _person(acme.w, role)
        client = Client()
        client.force_login(user)
        for name in sorted(pages()):
            allowed = role in ALLOWED[name]
            url = _page_url(name, acme.ids)
            if name in HTML_POSTS:
                if allowed:
                    continue  # An allowed form post would change the rows.
                response = client.post(url, {})
            else:
                response = client.get(url)
            if allowed and response.status_code in (403, 404):
                wrong.append(f"{role} refused {name}: {response.status_code}")
            if not allowed and not _refused_page(response, role):
                wrong.append(f"{role} got {name}: {response.status_code}")
    assert wrong == []


def test_it_answers_client_users_as_the_portal_does(acme: Acme) -> None:
    # The probe's finding, end to end: what the portal hides, the API hides.
    client = api_client(acme.w.acme_user)
    i = acme.ids["invoice_id"]
    for url in (f"{V}/invoices/{i}", f"{V}/invoices/{i}/csv", f"{V}/invoices/{i}/pdf"):
        assert client.get(url).status_code == 404, url
    assert client.get(f"{V}/invoices").json()["count"] == 0
    assert client.get(f"{V}/time-entries").json()["count"] == 0
    assert post_json(client, f"{V}/tickets", {"title": "Still works"}).status_code == 201
