"""Hostile input thrown at every desk, portal, billing, mail and account page: never a 5xx.

What the API's schemathesis run does for the API, for the pages: every URL pattern of these
namespaces is found through the resolver, its path filled with real ids from a seeded
dataset, and each role that may open it sends GET with a hostile query string and POST with
hostile form values (and files with hostile names). A value is either one a person would type
or one a person probing the site would: so the requests get past the fields that are right
and reach the code behind the one that is wrong. Bounded and derandomised so CI is stable.

A new page must be added to ROUTES (its path ids and its form's fields), or
test_it_fills_every_page fails: a page the fuzz cannot reach is a page nobody checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steward.accounts.forms import ProfileForm, TokenForm
from steward.accounts.models import ApiToken, User
from steward.billing import invoices, quotes, scope, time
from steward.billing.forms import (
    CreditForm,
    DecisionForm,
    MonthForm,
    QuoteForm,
    ScopeForm,
    TimeForm,
    TimerForm,
)
from steward.billing.models import Invoice, Quote, TimeEntry
from steward.contracts.forms import OrganizationTaxForm
from steward.contracts.models import KPIS, Agreement, Service
from steward.desk import actions
from steward.desk.forms import (
    AgentTicketForm,
    PortalReplyForm,
    PortalTicketForm,
    QueueFilterForm,
    ReplyForm,
    TickForm,
    UpdateForm,
)
from steward.desk.models import Attachment, Queue, RoutingRule, Ticket
from steward.desk.settings_forms import CalendarForm, PolicyForm, QueueForm, RuleForm
from steward.mail import inbound
from steward.mail.forms import InboundFilterForm, MailboxForm, PlaceForm
from steward.mail.models import Inbound, Mailbox, Outbound
from steward.mail.tests.factory import make_mail, make_mailbox
from steward.monitoring import actions as monitoring
from steward.monitoring import plans
from steward.monitoring.forms import BoardFilterForm, CheckForm, WindowForm
from steward.monitoring.models import Check, MaintenancePlan, MaintenanceWindow
from steward.monitoring.plan_forms import PlanForm
from steward.reports import advice, reviews, surveys
from steward.reports.forms import ComparisonForm
from steward.reports.forms_advice import DecisionForm as AdviceDecisionForm
from steward.reports.forms_advice import RecommendationForm
from steward.reports.forms_csat import SurveyForm
from steward.reports.forms_problems import ProblemForm
from steward.reports.forms_reviews import ActionForm, ReviewForm
from steward.reports.models import Problem, Recommendation, Review, Survey
from steward.setup.forms import InviteForm, OrganizationForm, PersonForm, ProviderForm
from steward.sla.models import CLOCKS, DAYS, PRIORITIES
from steward.test import ScanningClient, World, make_ticket, pages, world
from steward.vault import actions_docs as vault_docs
from steward.vault import actions_secrets as vault_secrets
from steward.vault.forms_docs import (
    AssetFilterForm,
    AssetForm,
    DocumentForm,
    VendorFilterForm,
    VendorForm,
)
from steward.vault.forms_secrets import AccessForm, CredentialForm, RevealForm
from steward.vault.models import Asset, Credential, Document, Vendor
from steward.vault.views_exit import ControlForm, ExitPackForm

STAFF, CLIENTS = ("manager", "tech"), ("acme_admin", "acme_user")
ROLES = {
    "desk": STAFF,
    "billing": STAFF,
    "mail": STAFF,
    "portal": CLIENTS,
    "billing_portal": CLIENTS,
    "accounts": ("manager", "acme_admin"),
    # Admins change what managers only read (the provider's details, people).
    "settings": ("admin", "manager", "tech"),
    "policies": STAFF,
    "monitoring": STAFF,
    "monitoring_portal": CLIENTS,
    "vault": STAFF,
    "vault_portal": CLIENTS,
    "reports": STAFF,
    "reports_portal": CLIENTS,
    # The mailed survey link: nobody signs in, so whoever is signed in is no different.
    "surveys": CLIENTS,
}


@dataclass
class Seed:
    """One of everything a page can be about, for Acme, seen by the World's personas."""

    w: World
    ticket: Ticket
    attachment: Attachment
    agreement: Agreement
    invoice: Invoice
    quote: Quote
    entry: TimeEntry
    inbound: Inbound
    outbound: Outbound
    mailbox: Mailbox
    token: ApiToken
    check: Check
    window: MaintenanceWindow
    plan: MaintenancePlan
    asset: Asset
    vendor: Vendor
    document: Document


def seed() -> Seed:
    w = world()
    ticket = make_ticket(w.acme, requester=w.acme_user, checklist=["Restore a file"])
    reply = actions.post_message(ticket, w.tech, "Here is the report")
    attachment = actions.add_attachment(
        reply, SimpleUploadedFile("report.pdf", b"%PDF-1.4", content_type="application/pdf")
    )
    agreement = Agreement.objects.get(organization=w.acme)
    scope.decide_scope(ticket, False, "A project", w.manager)
    quote = quotes.request_quote(ticket, w.manager, "New server", Decimal("3"))
    entry = time.log_time(ticket, w.tech, 30, "Looked at it", billable=False)
    invoice = invoices.draft_invoice(agreement, date(2026, 1, 1))
    mailbox = make_mailbox(organization=w.acme)
    received = inbound.receive(make_mail(sender="stranger@elsewhere.test"), mailbox=mailbox)
    assert received.inbound is not None
    outbound = Outbound.objects.order_by("id").first()
    assert outbound is not None
    token, _secret = ApiToken.issue(w.manager, "monitoring")
    check = monitoring.save_check(
        w.acme, monitoring.CheckInput(name="Shop", kind="http", target="https://shop.example/")
    )
    monitoring.record_result(check, ok=False, at=check.created_at, duration_ms=5, detail="500")
    window = monitoring.save_window(
        w.acme,
        monitoring.WindowInput(
            starts=check.created_at, ends=check.created_at + timedelta(hours=1), rrule="FREQ=DAILY"
        ),
        None,
    )
    plan = plans.save_plan(
        MaintenancePlan(
            organization=w.acme,
            name="Backup restore test",
            rrule="FREQ=MONTHLY;BYMONTHDAY=1",
            starts=check.created_at,
            checklist=["Restore three files"],
        )
    )
    asset = Asset.objects.create(organization=w.acme, name="FS01", kind="server")
    vendor = Vendor.objects.create(organization=w.acme, name="Papaki", kind="registrar")
    document = vault_docs.save_document(Document(organization=w.acme), "LAN", "VLAN 1", w.tech)
    vault_docs.save_document(document, "LAN", "VLAN 1 and 2", w.tech)
    return Seed(
        w, ticket, attachment, agreement, invoice, quote, entry, received.inbound, outbound,
        mailbox, token, check, window, plan, asset, vendor, document,
    )  # fmt: skip


def fields(*form_classes: type[forms.Form | forms.ModelForm[Any]]) -> tuple[str, ...]:
    return tuple(name for form in form_classes for name in form.base_fields)


def agreement_fields() -> tuple[str, ...]:
    """AgreementForm's own fields and those it adds per service and per KPI."""
    names = ["organization", "name", "starts", "ends", "sla_policy", "note", "billing"]
    names += ["monthly_fee", "unit_price", "devices", "hourly_rate", "included_hours"]
    names += ["block_hours", "rollover", "currency", "increment_minutes"]
    names += ["out_of_hours_multiplier", "exclusions", "tax_treatment", "tax_rate", "tax_note"]
    for code in Service.objects.values_list("code", flat=True):
        names += [f"covers_{code}", f"price_{code}"]
    return (*names, *[f"kpi_{key}" for key in KPIS])


def calendar_fields() -> tuple[str, ...]:
    """CalendarForm's own fields, two intervals a day, and the preview's fingerprint."""
    week = [f"{d}_{i}_{side}" for d in DAYS for i in range(2) for side in ("start", "end")]
    return (*fields(CalendarForm), *week, "previewed", "again")


def policy_fields() -> tuple[str, ...]:
    """PolicyForm's own fields, hours and minutes per priority and clock, and the pauses."""
    targets = [f"{p}_{c}_{u}" for p in PRIORITIES for c in CLOCKS for u in ("h", "m")]
    return (*fields(PolicyForm), *targets, *[f"pause_{c}" for c in CLOCKS])


def _rule(s: Seed) -> dict[str, Any]:
    queue = Queue.objects.order_by("pk").first() or Queue.objects.create(name="Desk")
    rule = RoutingRule.objects.first() or RoutingRule.objects.create(
        organization=s.w.acme, queue=queue
    )
    return {"pk": rule.pk}


def _queue(s: Seed) -> dict[str, Any]:
    queue = Queue.objects.order_by("pk").first() or Queue.objects.create(name="Desk")
    return {"pk": queue.pk}


Params = Callable[[Seed], dict[str, Any]]
NONE: Params = lambda s: {}  # noqa: E731
NUMBER: Params = lambda s: {"number": s.ticket.number}  # noqa: E731
CHECK: Params = lambda s: {"pk": s.check.pk}  # noqa: E731
ORG: Params = lambda s: {"org": s.w.acme.pk}  # noqa: E731


def _credential(s: Seed) -> int:
    found = Credential.objects.filter(organization=s.w.acme).order_by("pk").first()
    if found is None:
        found = vault_secrets.create_credential(
            s.w.acme, s.w.acme_admin, name="Router", secret="pw", totp="JBSWY3DPEHPK3PXP"
        )
    return found.pk


CREDENTIAL: Params = lambda s: {"pk": _credential(s)}  # noqa: E731
ORG_CREDENTIAL: Params = lambda s: {"org": s.w.acme.pk, "pk": _credential(s)}  # noqa: E731

# Route -> (its path ids, the fields its forms read). Fields are names; values come below.
ROUTES: dict[str, tuple[Params, Callable[[], tuple[str, ...]]]] = {
    "desk:dashboard": (NONE, lambda: ()),
    "desk:queue": (NONE, lambda: (*fields(QueueFilterForm), "after")),
    "desk:bulk_assign": (NONE, lambda: ("assignee", "tickets", "next")),
    "desk:new_ticket": (NONE, lambda: fields(AgentTicketForm)),
    "desk:ticket": (NUMBER, lambda: ()),
    "desk:reply": (NUMBER, lambda: fields(ReplyForm)),
    "desk:update": (NUMBER, lambda: fields(UpdateForm)),
    "desk:tick": (
        lambda s: {"number": s.ticket.number, "item_id": s.ticket.checklist.get().pk},
        lambda: fields(TickForm),
    ),
    "desk:attachment": (lambda s: {"attachment_id": s.attachment.pk}, lambda: ()),
    "portal:home": (NONE, lambda: ()),
    "portal:new_ticket": (NONE, lambda: fields(PortalTicketForm)),
    "portal:preview": (NONE, lambda: ("impact", "urgency")),
    "portal:ticket": (NUMBER, lambda: ()),
    "portal:reply": (NUMBER, lambda: fields(PortalReplyForm)),
    "portal:close": (NUMBER, lambda: ()),
    "portal:attachment": (lambda s: {"attachment_id": s.attachment.pk}, lambda: ()),
    "billing:agreements": (NONE, lambda: ()),
    "billing:agreement_new": (NONE, agreement_fields),
    "billing:agreement": (lambda s: {"pk": s.agreement.pk}, lambda: ()),
    "billing:agreement_edit": (lambda s: {"pk": s.agreement.pk}, agreement_fields),
    "billing:invoice_draft": (lambda s: {"pk": s.agreement.pk}, lambda: fields(MonthForm)),
    "billing:invoice": (lambda s: {"pk": s.invoice.pk}, lambda: ()),
    "billing:invoice_issue": (lambda s: {"pk": s.invoice.pk}, lambda: ()),
    "billing:invoice_credit": (lambda s: {"pk": s.invoice.pk}, lambda: fields(CreditForm)),
    "billing:invoice_pdf": (lambda s: {"pk": s.invoice.pk}, lambda: ()),
    "billing:invoice_csv": (lambda s: {"pk": s.invoice.pk}, lambda: ()),
    "billing:invoice_ubl": (lambda s: {"pk": s.invoice.pk}, lambda: ()),
    "billing:invoice_export": (NONE, lambda: fields(MonthForm)),
    "billing:client_tax": (lambda s: {"pk": s.w.acme.pk}, lambda: fields(OrganizationTaxForm)),
    "billing:value": (lambda s: {"org_id": s.w.acme.pk}, lambda: fields(ComparisonForm)),
    "billing:time": (NUMBER, lambda: fields(TimeForm)),
    "billing:time_remove": (lambda s: {"number": s.ticket.number, "pk": s.entry.pk}, lambda: ()),
    "billing:timer": (NUMBER, lambda: (*fields(TimerForm), "action")),
    "billing:scope": (NUMBER, lambda: fields(ScopeForm)),
    "billing:quote": (NUMBER, lambda: fields(QuoteForm)),
    "billing_portal:agreements": (NONE, lambda: ()),
    "billing_portal:invoices": (NONE, lambda: ()),
    "billing_portal:invoice_pdf": (lambda s: {"pk": s.invoice.pk}, lambda: ()),
    "billing_portal:invoice_csv": (lambda s: {"pk": s.invoice.pk}, lambda: ()),
    "billing_portal:invoice_ubl": (lambda s: {"pk": s.invoice.pk}, lambda: ()),
    "billing_portal:quote_decide": (lambda s: {"pk": s.quote.pk}, lambda: fields(DecisionForm)),
    "billing_portal:value": (NONE, lambda: fields(ComparisonForm)),
    "reports:downtime": (lambda s: {"org": s.w.acme.pk}, lambda: ("from", "to")),
    "reports_portal:downtime": (NONE, lambda: ("from", "to")),
    "mail:inbound_list": (NONE, lambda: fields(InboundFilterForm)),
    "mail:inbound": (lambda s: {"pk": s.inbound.pk}, lambda: ()),
    "mail:original": (lambda s: {"pk": s.inbound.pk}, lambda: ()),
    "mail:reprocess": (lambda s: {"pk": s.inbound.pk}, lambda: ()),
    "mail:place": (lambda s: {"pk": s.inbound.pk}, lambda: fields(PlaceForm)),
    "mail:outbox": (NONE, lambda: ("state",)),
    "mail:retry": (lambda s: {"pk": s.outbound.pk}, lambda: ()),
    "mail:mailboxes": (NONE, lambda: ()),
    "mail:mailbox_new": (NONE, lambda: fields(MailboxForm)),
    "mail:mailbox": (lambda s: {"pk": s.mailbox.pk}, lambda: fields(MailboxForm)),
    "mail:mailbox_connect": (lambda s: {"pk": s.mailbox.pk}, lambda: ()),
    "mail:oauth_callback": (NONE, lambda: ("code", "state", "error", "error_description")),
    "accounts:profile": (NONE, lambda: fields(ProfileForm)),
    "accounts:tokens": (NONE, lambda: fields(TokenForm)),
    "accounts:revoke_token": (lambda s: {"token_id": s.token.pk}, lambda: ()),
    "settings:index": (NONE, lambda: ()),
    "settings:provider": (NONE, lambda: fields(ProviderForm)),
    "settings:logo": (NONE, lambda: ()),
    "settings:organizations": (NONE, lambda: ("show",)),
    "settings:organization_new": (NONE, lambda: fields(OrganizationForm)),
    "settings:organization": (lambda s: {"pk": s.w.acme.pk}, lambda: fields(OrganizationForm)),
    "settings:people": (NONE, lambda: ("organization", "show")),
    "settings:contacts": (NONE, lambda: ()),
    "settings:invite": (NONE, lambda: fields(InviteForm)),
    "settings:person": (lambda s: {"pk": s.w.acme_user.pk}, lambda: fields(PersonForm)),
    "settings:person_invite": (lambda s: {"pk": s.w.acme_user.pk}, lambda: ()),
    "policies:calendars": (NONE, lambda: ()),
    "policies:calendar_new": (NONE, calendar_fields),
    "policies:calendar": (lambda s: {"pk": s.w.calendar.pk}, calendar_fields),
    "policies:policies": (NONE, lambda: ()),
    "policies:policy_new": (NONE, policy_fields),
    "policies:policy": (lambda s: {"pk": s.w.policy.pk}, policy_fields),
    "policies:queues": (NONE, lambda: ()),
    "policies:queue_new": (NONE, lambda: fields(QueueForm)),
    "policies:queue": (_queue, lambda: fields(QueueForm)),
    "policies:rule_new": (NONE, lambda: fields(RuleForm)),
    "policies:rule": (_rule, lambda: fields(RuleForm)),
    "policies:rule_delete": (_rule, lambda: ()),
    "monitoring:board": (NONE, lambda: (*fields(BoardFilterForm), "page")),
    "monitoring:check": (CHECK, lambda: ()),
    "monitoring:check_new": (NONE, lambda: fields(CheckForm)),
    "monitoring:check_edit": (CHECK, lambda: fields(CheckForm)),
    "monitoring:check_delete": (CHECK, lambda: ()),
    "monitoring:check_pause": (CHECK, lambda: ()),
    "monitoring:check_resume": (CHECK, lambda: ()),
    "monitoring:windows": (NONE, lambda: ("organization",)),
    "monitoring:window_new": (NONE, lambda: fields(WindowForm)),
    "monitoring:window_delete": (lambda s: {"pk": s.window.pk}, lambda: ()),
    "monitoring:plans": (NONE, lambda: ()),
    "monitoring:plan": (lambda s: {"pk": s.plan.pk}, lambda: ()),
    "monitoring:plan_new": (NONE, lambda: fields(PlanForm)),
    "monitoring:plan_edit": (lambda s: {"pk": s.plan.pk}, lambda: fields(PlanForm)),
    "monitoring_portal:home": (NONE, lambda: ()),
    "monitoring_portal:alerts": (NONE, lambda: ("on",)),
    "vault:exit": (ORG, lambda: ()),
    "vault:exit_pack": (ORG, lambda: fields(ExitPackForm)),
    "vault:posture": (ORG, lambda: ()),
    "vault:posture_edit": (
        lambda s: {"org": s.w.acme.pk, "control": "ce.malware"},
        lambda: tuple(f"ce-malware-{n}" for n in fields(ControlForm)),
    ),
    "vault_portal:exit": (NONE, lambda: ()),
    "vault_portal:exit_pack": (NONE, lambda: fields(ExitPackForm)),
    "vault_portal:posture": (NONE, lambda: ()),
    "reports:scorecard": (ORG, lambda: ("from", "to")),
    "reports_portal:scorecard": (NONE, lambda: ("from", "to")),
    "vault:credentials": (ORG, lambda: ("page",)),
    "vault:credential_new": (ORG, lambda: fields(CredentialForm)),
    "vault:credential_edit": (ORG_CREDENTIAL, lambda: fields(CredentialForm)),
    "vault:credential_delete": (ORG_CREDENTIAL, lambda: ()),
    "vault:credential_reveal": (ORG_CREDENTIAL, lambda: fields(RevealForm)),
    "vault:access": (ORG, lambda: fields(AccessForm)),
    "vault:audit": (ORG, lambda: ("page",)),
    "vault_portal:credentials": (NONE, lambda: ("page",)),
    "vault_portal:at_risk": (NONE, lambda: ("page",)),
    "vault_portal:credential_new": (NONE, lambda: fields(CredentialForm)),
    "vault_portal:credential_edit": (CREDENTIAL, lambda: fields(CredentialForm)),
    "vault_portal:credential_delete": (CREDENTIAL, lambda: ()),
    "vault_portal:credential_reveal": (CREDENTIAL, lambda: fields(RevealForm)),
    "vault_portal:access": (NONE, lambda: fields(AccessForm)),
    "vault_portal:audit": (NONE, lambda: ("page",)),
    "vault:home": (NONE, lambda: ()),
    "vault:org": (ORG, lambda: ()),
    "vault_portal:home": (NONE, lambda: ()),
    # Reports, the review pack; the PDFs read the period as the pages do, so only the pages
    # get the sweep of every hostile value (each PDF drawn costs a second).
    "reports:pack": (ORG, lambda: ("from", "to")),
    "reports:pack_pdf": (ORG, lambda: ()),
    "reports_portal:pack": (NONE, lambda: ("from", "to")),
    "reports_portal:pack_pdf": (NONE, lambda: ()),
}
# The vault's documentation pages.
ASSET: Params = lambda s: {"org": s.w.acme.pk, "pk": s.asset.pk}  # noqa: E731
VENDOR: Params = lambda s: {"org": s.w.acme.pk, "pk": s.vendor.pk}  # noqa: E731
DOC: Params = lambda s: {"org": s.w.acme.pk, "pk": s.document.pk}  # noqa: E731
VAULT_DOCS_ROUTES: dict[str, tuple[Params, Callable[[], tuple[str, ...]]]] = {
    "vault:assets": (ORG, lambda: (*fields(AssetFilterForm), "page")),
    "vault:asset": (ASSET, lambda: ()),
    "vault:asset_new": (ORG, lambda: (*fields(AssetForm),)),
    "vault:asset_edit": (ASSET, lambda: fields(AssetForm)),
    "vault:asset_delete": (ASSET, lambda: ()),
    "vault:asset_import": (ORG, lambda: ("file",)),
    "vault:asset_export": (ORG, lambda: ()),
    "vault:ticket_asset": (lambda s: {**ORG(s), "ticket": s.ticket.pk}, lambda: ("asset",)),
    "vault:vendors": (ORG, lambda: fields(VendorFilterForm)),
    "vault:vendor_new": (ORG, lambda: fields(VendorForm)),
    "vault:vendor_edit": (VENDOR, lambda: fields(VendorForm)),
    "vault:vendor_delete": (VENDOR, lambda: ()),
    "vault:documents": (ORG, lambda: ()),
    "vault:document": (DOC, lambda: ()),
    "vault:document_new": (ORG, lambda: fields(DocumentForm)),
    "vault:document_edit": (DOC, lambda: fields(DocumentForm)),
    "vault:document_delete": (DOC, lambda: ()),
    "vault:document_history": (DOC, lambda: ()),
    "vault:document_revision": (lambda s: {**DOC(s), "revision": 1}, lambda: ()),
    "vault_portal:assets": (NONE, lambda: (*fields(AssetFilterForm), "page")),
    "vault_portal:asset": (lambda s: {"pk": s.asset.pk}, lambda: ()),
    "vault_portal:vendors": (NONE, lambda: fields(VendorFilterForm)),
    "vault_portal:documents": (NONE, lambda: ()),
    "vault_portal:document": (lambda s: {"pk": s.document.pk}, lambda: ()),
    "vault_portal:document_new": (NONE, lambda: fields(DocumentForm)),
    "vault_portal:document_edit": (lambda s: {"pk": s.document.pk}, lambda: fields(DocumentForm)),
    "vault_portal:document_history": (lambda s: {"pk": s.document.pk}, lambda: ()),
    "vault_portal:document_revision": (lambda s: {"pk": s.document.pk, "revision": 1}, lambda: ()),
}  # fmt: skip
ROUTES.update(VAULT_DOCS_ROUTES)
# The reports' entry points and the cards other pages load from reports.
ROUTES.update(
    {
        "reports:home": (NONE, lambda: ()),
        "reports:org": (ORG, lambda: ()),
        "reports:ticket_panel": (lambda s: {"pk": s.ticket.pk}, lambda: ()),
        "reports:dashboard_panel": (NONE, lambda: ()),
        "reports_portal:home": (NONE, lambda: ()),
        "reports_portal:ticket_panel": (NUMBER, lambda: ()),
    }
)


def _survey_token(s: Seed) -> dict[str, Any]:
    """The mailed link of a survey of the seed's ticket."""
    survey, _ = Survey.objects.get_or_create(
        ticket=s.ticket,
        resolution=1,
        defaults={"organization": s.ticket.organization, "resolved_at": s.ticket.created_at},
    )
    return {"token": surveys.token(survey)}


# Satisfaction surveys.
ROUTES.update(
    {
        "reports:surveys": (NONE, lambda: ("org", "days", "low")),
        "reports_portal:survey": (
            lambda s: {"number": s.ticket.number},
            lambda: fields(SurveyForm),
        ),
        "surveys:answer": (_survey_token, lambda: fields(SurveyForm)),
    }
)


def _problem(s: Seed) -> dict[str, Any]:
    """Acme's known error, linked to the seed's ticket."""
    problem, _new = Problem.objects.get_or_create(
        organization=s.w.acme, title="Printer on 2F does not print", status="known_error"
    )
    problem.tickets.add(s.ticket)
    return {"pk": problem.pk}


# Reports: recurring tickets and problems.
ROUTES.update(
    {
        "reports:recurring": (ORG, lambda: ("from", "to")),
        "reports:problem_new": (ORG, lambda: ("title", "ticket")),
        "reports:problems": (NONE, lambda: ("status", "organization")),
        "reports:problem": (_problem, lambda: fields(ProblemForm)),
        "reports_portal:problems": (NONE, lambda: ()),
        "reports_portal:problem": (_problem, lambda: ()),
    }
)


def _recommendation(s: Seed) -> int:
    found = Recommendation.objects.filter(organization=s.w.acme).order_by("pk").first()
    if found is None:
        data = {"title": "MFA", "rationale": "Phishing", "provider_interest": "none"}
        found = advice.save(Recommendation(organization=s.w.acme), data, s.w.tech)
    return found.pk


def _reviewed(s: Seed) -> dict[str, Any]:
    if not Review.objects.filter(ticket=s.ticket).exists():
        reviews.save_review(s.ticket, s.w.tech, {"what_happened": "Disk full"}, [])
    return {"number": s.ticket.number}


def review_fields() -> tuple[str, ...]:
    """The review's texts, the actions formset's management fields and two rows."""
    rows = [f"form-{i}-{n}" for i in range(2) for n in (*fields(ActionForm), "DELETE")]
    management = ("form-TOTAL_FORMS", "form-INITIAL_FORMS", "form-MAX_NUM_FORMS")
    return (*fields(ReviewForm), *management, *rows)


REC: Params = lambda s: {"pk": _recommendation(s)}  # noqa: E731
# Reports: post-incident reviews and the advice log.
REPORTS_ADVICE_ROUTES: dict[str, tuple[Params, Callable[[], tuple[str, ...]]]] = {
    "reports:reviews": (NONE, lambda: ()),
    "reports:review": (NUMBER, review_fields),
    "reports_portal:review": (_reviewed, lambda: ()),
    "reports:advice": (ORG, lambda: ()),
    "reports:recommendation": (REC, lambda: ()),
    "reports:recommendation_new": (ORG, lambda: fields(RecommendationForm)),
    "reports:recommendation_edit": (REC, lambda: fields(RecommendationForm)),
    "reports_portal:advice": (NONE, lambda: ()),
    "reports_portal:recommendation": (REC, lambda: fields(AdviceDecisionForm)),
}  # fmt: skip
ROUTES.update(REPORTS_ADVICE_ROUTES)

# What a person would type into each field: the other fields of a request get these, so that
# the hostile one is what the view has to deal with.
GOOD: dict[str, str] = {
    "minutes": "30", "description": "Replaced the toner", "started_at": "2026-01-05T10:00",
    "billable": "on", "month": "2026-02", "start": "2025-12", "end": "2026-02",
    "break_fix_rate": "90", "managed_price_per_user": "45", "hourly_cost_per_user": "40",
    "affected_users": "10", "reason": "Duplicate", "in_scope": "1", "hours": "2",
    "fixed_price": "", "approve": "1", "note": "OK", "title": "Printer jammed",
    "body": "Thanks, that works.", "public": "1", "impact": "medium", "urgency": "medium",
    "kind": "incident", "source": "phone", "requester_email": "andy@acme.test",
    "status": "open", "priority": "P2", "q": "printer", "breaching": "4", "after": "",
    "name": "Help desk", "phone": "+30 210 000 0000", "language": "en",
    "timezone": "Europe/Athens", "state": "quarantined", "ticket": "ACME-1",
    "address": "help2@provider.test", "imap_host": "", "imap_port": "993",
    "imap_security": "ssl", "imap_user": "", "folder": "INBOX", "processed_folder": "",
    "poll_seconds": "60", "enabled": "on", "unknown_sender": "quarantine", "password": "",
    "starts": "2026-01-01", "ends": "", "billing": "managed", "monthly_fee": "300",
    "currency": "EUR", "increment_minutes": "15", "out_of_hours_multiplier": "1.5",
    "next": "/desk/queue/", "action": "",
    "auth_method": "password", "oauth_provider": "microsoft", "oauth_tenant": "",
    "oauth_authorize_url": "", "oauth_token_url": "", "oauth_client_id": "",
    "client_secret": "", "oauth_scopes": "", "code": "abc",
    "error": "", "error_description": "", "treatment": "standard", "rate": "24",
    "tax_treatment": "", "tax_rate": "", "tax_note": "",
    "holiday_country": "GR", "holiday_subdivision": "", "closed_dates": "2027-01-04",
    "extra_working_dates": "2027-01-09", "mon_0_start": "09:00", "mon_0_end": "13:00",
    "mon_1_start": "14:00", "mon_1_end": "18:00", "warning_percent": "80", "calendar": "",
    "position": "10", "email": "desk@provider.test", "is_default": "on",
    "tags": "backup, nas", "schedule_mode": "period", "period": "1", "period_unit": "3600",
    "schedule": "30 2 * * *", "tz": "Europe/Athens", "grace": "1", "grace_unit": "3600",
    "target": "https://shop.example.com/", "interval": "5", "interval_unit": "60",
    "timeout": "10", "retries": "1", "method": "GET", "status_codes": "200, 301",
    "contains": "ok", "not_contains": "error", "max_ms": "2000", "follow_redirects": "on",
    "days_left": "14", "dns_values": "192.0.2.1", "auto_resolve": "on",
    "reopen_within": "1", "reopen_within_unit": "3600", "repeat": "weekly", "weekday": "6",
    "monthday": "1", "rrule": "FREQ=MONTHLY;BYDAY=1SA", "on": "1", "tag": "backup",
    "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0", "form-MAX_NUM_FORMS": "50",
    "form-0-title": "Add a disk alert", "form-0-owner": "", "form-0-due": "2026-05-01",
    "form-0-done": "", "form-0-DELETE": "", "form-1-title": "", "form-1-owner": "",
    "form-1-due": "", "form-1-done": "", "form-1-DELETE": "", "what_happened": "Disk full",
    "how_fixed": "Cleaned", "how_to_avoid": "Alert", "rationale": "Phishing",
    "risk_if_declined": "Stolen mailbox", "cost_once": "100", "cost_monthly": "5",
    "provider_interest": "none",
    "repropose": "", "decision": "deferred",
    "from": "2026-07-01", "to": "2026-09-30",
}  # fmt: skip

HOSTILE = [
    "", " ", "0", "-1", "²", "٣", "9" * 30, "1e309", "NaN", "-Infinity", "1.5", "0x1F",
    "abc", "\x00", "a\x00b", "9999-12", "9999-12-31", "9999-12-31T23:59", "0000-01",
    "0001-01-01T00:00", "2024-13", "2024-02-30", "24:61", "../../etc/passwd", "<script>",
    "' OR 1=1 --", "%", "%00", "😀" * 5, "文" * 300, "a" * 5000, "null", "[]", "{}", "true",
    "https://elsewhere.example/", "//elsewhere.example", "ACME-999999", "GLBX-1",
]  # fmt: skip
hostile = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))
# Each of these goes into every field of every page once, the other fields good: chance alone
# would rarely put 9999-12 into the one field that overflows with it.
SWEEP = [
    "", "-1", "²", "9" * 30, "1e309", "NaN", "a\x00b", "9999-12", "9999-12-31T23:59",
    "0001-01-01T00:00", "2024-13", "文" * 300,
]  # fmt: skip
# Pages read with GET (their forms filter); every other page's form is sent with POST.
READ = {
    "desk:queue", "portal:preview", "billing:value", "billing_portal:value",
    "mail:inbound_list", "mail:outbox", "mail:mailbox_connect", "mail:oauth_callback",
    "billing:invoice_export", "settings:organizations", "settings:people",
    "monitoring:board", "monitoring:windows", "monitoring:plans", "monitoring:plan",
    "vault:exit", "vault:posture", "vault_portal:exit", "vault_portal:posture",
    "vault:assets", "vault:vendors", "vault:asset_export", "vault_portal:assets",
    "vault_portal:vendors", "reports:surveys", "reports:recurring", "reports:problems",
    "reports:pack", "reports:pack_pdf", "reports_portal:pack",
    "reports_portal:pack_pdf", "reports:downtime", "reports_portal:downtime",
    "reports:scorecard", "reports_portal:scorecard",
}  # fmt: skip
FILE_NAMES = ["a" * 300 + ".pdf", "文" * 250 + ".png", "x", "😀.txt", " .pdf", "...pdf"]
files = st.builds(
    lambda name, ctype: SimpleUploadedFile(name or "x", b"%PDF-1.4 \x00\xff", ctype),
    st.sampled_from(FILE_NAMES),
    st.sampled_from(["application/pdf", "image/png", "text/html", "", "text/plain; x=\x01"]),
)


def values_for(names: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Each field either what a person would type, or hostile; lists for repeated fields."""
    strategies: dict[str, st.SearchStrategy[Any]] = {}
    for name in names:
        good = st.just(GOOD.get(name, "1"))
        if name == "file":
            strategies[name] = st.one_of(st.none(), files)
        elif name == "tickets":
            strategies[name] = st.lists(st.one_of(st.just("1"), hostile), max_size=4)
        else:
            strategies[name] = st.one_of(good, hostile)
    return st.fixed_dictionaries(strategies)


def test_it_fills_every_page() -> None:
    """A new page the fuzz cannot fill fails here, naming it."""
    found = pages()
    assert "desk:queue" in found and "portal:home" in found
    assert sorted(set(found) - set(ROUTES)) == [], "add these pages to ROUTES"
    assert sorted(set(ROUTES) - set(found)) == [], "these pages are gone: remove them"


@pytest.mark.django_db
def test_it_fills_every_path_with_real_ids() -> None:
    data = seed()
    for name, pattern in pages().items():
        params = ROUTES[name][0](data)
        assert set(params) == set(pattern.pattern.converters), name
        reverse(name, kwargs=params)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_it_never_answers_a_page_with_a_server_error(name: str) -> None:
    data = seed()
    params, names = ROUTES[name]
    url = reverse(name, kwargs=params(data))
    users: list[User] = [getattr(data.w, role) for role in ROLES[name.partition(":")[0]]]
    clients = [ScanningClient(user) for user in users]

    good = {n: GOOD.get(n, "1") for n in names() if n not in ("file", "tickets")}
    method = "get" if name in READ else "post"
    # A role the page is hidden from answers 404 to anything: it gets the random part only.
    admitted = [c for c in clients if getattr(c, method)(url, good).status_code != 404]
    for field in good:
        for value in SWEEP:
            for client in admitted:
                response = getattr(client, method)(url, {**good, field: value})
                assert response.status_code < 500, (method, url, client.user, field, value)

    @given(query=values_for(tuple(n for n in names() if n != "file")), form=values_for(names()))
    @settings(
        max_examples=5,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(query: dict[str, Any], form: dict[str, Any]) -> None:
        for client in clients:
            for method, payload in (("get", query), ("post", form)):
                for upload in payload.values():
                    if isinstance(upload, SimpleUploadedFile):
                        upload.seek(0)
                response = getattr(client, method)(url, _clean(payload))
                assert response.status_code < 500, (method, url, client.user, payload)

    fuzz()
