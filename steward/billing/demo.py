"""The demo's work on tickets: time logged, quotes, and months of invoices and a credit note."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Organization, Provider, Role, User
from steward.billing import invoices, quotes, scope, time
from steward.billing.models import Invoice
from steward.billing.months import month_start
from steward.contracts import demo as contracts_demo
from steward.contracts.actions import create_agreement, set_organization_tax
from steward.contracts.models import Agreement, Billing, Service, TaxTreatment
from steward.desk.actions import NewTicket, change_status, open_ticket, post_message
from steward.desk.models import Ticket
from steward.sla.models import BusinessCalendar, SlaPolicy

WORK = [
    "Remote session: diagnosed and fixed",
    "Checked logs and event viewer",
    "Called the user, walked through the fix",
    "Reinstalled the driver",
    "Updated the firewall rule",
    "Restored the file from backup",
]


def seed(now: datetime | None = None) -> None:
    """The catalogue and terms (contracts' demo), then the work and its bills. Idempotent:
    does nothing once the catalogue exists."""
    if Service.objects.exists() or not Organization.objects.exists():
        return
    now = now or timezone.now()
    rng = random.Random(11)
    admin = User.objects.filter(role=Role.ADMIN).first()
    with transaction.atomic():
        contracts_demo.seed(now)
        services = {s.code: s for s in Service.objects.all()}
        _bakery(now, admin)
        _time(rng, now)
        _quotes(services, admin)
        _legal()
        _invoices(now, admin)


def _bakery(now: datetime, admin: User | None) -> None:
    """A small client still on break-fix: the one the value page argues with."""
    calendar = BusinessCalendar.objects.filter(name="Athens office").first()
    org = Organization.objects.create(
        name="Hermes Bakery",
        code="HERM",
        timezone="Europe/Athens",
        language="el",
        calendar=calendar,
    )
    owner = User.objects.create_user(
        email="maria@hermes.example",
        password="steward-demo",
        name="Maria Konstantinou",
        role=Role.CLIENT_ADMIN,
        organization=org,
        language="el",
    )
    policy = SlaPolicy.objects.get(name="Standard business hours")
    agreement = Agreement(
        organization=org,
        name="Hermes Bakery break-fix",
        starts=(now - timedelta(days=200)).date(),
        sla_policy=policy,
        billing=Billing.BREAK_FIX,
        hourly_rate=Decimal("75.00"),
        out_of_hours_multiplier=Decimal("1.50"),
        increment_minutes=30,
    )
    create_agreement(agreement, admin)
    tech = User.objects.filter(email="tess@provider.example").first()
    for days, title, minutes in (
        (75, "Ο υπολογιστής του ταμείου δεν ανοίγει", 150),
        (40, "Το POS δεν τυπώνει αποδείξεις", 90),
        (12, "Πέσανε το internet και το τερματικό καρτών", 240),
    ):
        at = now - timedelta(days=days)
        ticket = open_ticket(
            NewTicket(
                organization=org, title=title, impact="high", urgency="high", requester=owner
            ),
            owner,
            at=at,
        )
        if tech is not None:
            post_message(ticket, tech, "Έρχεται τεχνικός.", at=at + timedelta(minutes=50))
            time.log_time(
                ticket, tech, minutes, "On-site repair", started_at=at + timedelta(hours=2)
            )
            change_status(ticket, "resolved", tech, at=at + timedelta(hours=2, minutes=minutes))


def _time(rng: random.Random, now: datetime) -> None:
    tickets = (
        Ticket.objects.filter(assignee__isnull=False, agreement__isnull=False)
        .exclude(organization__code="HERM")
        .select_related("organization__calendar", "agreement__sla_policy__calendar", "assignee")
        .order_by("created_at")
    )
    for ticket in tickets:
        if rng.random() > 0.4:
            continue  # Many requests are answered without time worth logging.
        for n in range(rng.choice((1, 1, 1, 2))):
            started = ticket.created_at + timedelta(minutes=30 + 90 * n)
            if started >= now:
                break
            assert ticket.assignee is not None
            time.log_time(
                ticket,
                ticket.assignee,
                rng.choice((10, 15, 20, 30, 45, 60)),
                rng.choice(WORK),
                started_at=started,
                billable=rng.random() > 0.1,
            )


def _quotes(services: dict[str, Service], admin: User | None) -> None:
    client_admins = {u.organization_id: u for u in User.objects.filter(role=Role.CLIENT_ADMIN)}
    for code, description, estimate, approve in (
        ("ACRO", "Cable and set up the new warehouse office (4 desks)", Decimal("6"), None),
        ("THAM", "Replace the plotter's print head", None, True),
    ):
        ticket = Ticket.objects.filter(organization__code=code).order_by("-created_at").first()
        if ticket is None or admin is None:
            continue
        ticket.service = services["projects"]
        ticket.save(update_fields=["service"])
        scope.decide_scope(ticket, False, "Project work, outside the managed agreement", admin)
        quote = quotes.request_quote(
            ticket,
            admin,
            description,
            hours_estimate=estimate,
            fixed_price=None if estimate else Decimal("640.00"),
        )
        if approve and ticket.organization_id in client_admins:
            quotes.decide_quote(quote, client_admins[ticket.organization_id], True, "Go ahead")
            time.log_time(ticket, admin, 120, "Replaced the print head on site")


# Who bills whom, and how VAT applies: a Greek provider with Greek clients (24 %), a client
# in the UK (reverse charge) and one in China (outside the scope of EU VAT).
CLIENTS = {
    "ACRO": (
        "Acropolis Logistics S.A.",
        "Akti Miaouli 47\n185 36 Piraeus",
        "GR",
        "EL094231587",
        (TaxTreatment.STANDARD, Decimal("24"), ""),
    ),
    "HERM": (
        "Hermes Bakery - M. Konstantinou",
        "Odos Ermou 112\n105 54 Athens",
        "GR",
        "EL137904422",
        (TaxTreatment.STANDARD, Decimal("24"), ""),
    ),
    "THAM": (
        "Thames Architects LLP",
        "14 Bankside\nLondon SE1 9JE",
        "GB",
        "GB284 1937 45",
        (
            TaxTreatment.REVERSE_CHARGE,
            Decimal("0"),
            "Reverse charge: services supplied outside Greece, VAT to be accounted for by "
            "the recipient (Article 44 Directive 2006/112/EC)",
        ),
    ),
    "PDT": (
        "Shanghai Pudong Trading Co., Ltd.",
        "Room 1203, 88 Century Avenue\nPudong New Area\n200120 Shanghai",
        "CN",
        "91310115MA1K4ABC2X",
        (
            TaxTreatment.EXEMPT,
            Decimal("0"),
            "Not subject to Greek VAT: place of supply outside the EU "
            "(Article 44 Directive 2006/112/EC)",
        ),
    ),
}


def _legal() -> None:
    """The provider's and the clients' legal details, so a demo invoice is complete."""
    provider = Provider.current()
    if not provider.legal_name:
        provider.name = "Meridian IT"
        provider.legal_name = "Meridian IT Services S.A."
        provider.address = "Leoforos Kifisias 124\n115 26 Athens"
        provider.country = "GR"
        provider.tax_id = "EL801927364"
        provider.company_id = "GEMI 158930201000"
        provider.email = "billing@meridian-it.example"
        provider.phone = "+30 210 555 0147"
        provider.website = "https://meridian-it.example"
        provider.bank_name = "Piraeus Bank"
        provider.iban = "GR96 0172 0250 0050 2504 6789 012"
        provider.bic = "PIRBGRAA"
        provider.payment_terms_days = 30
        provider.invoice_footer = (
            "Meridian IT Services S.A. · Registered in Athens, GEMI 158930201000 · "
            "Share capital EUR 60,000"
        )
        provider.save()
    for org in Organization.objects.filter(code__in=CLIENTS):
        legal_name, address, country, tax_id, (treatment, rate, note) = CLIENTS[org.code]
        org.legal_name = org.legal_name or legal_name
        org.billing_address = org.billing_address or address
        org.country = org.country or country
        org.tax_id = org.tax_id or tax_id
        org.save(update_fields=["legal_name", "billing_address", "country", "tax_id"])
        set_organization_tax(org, treatment, rate, note)


def _invoices(now: datetime, admin: User | None) -> None:
    if admin is None:
        return
    today = timezone.localdate(now)
    for agreement in Agreement.objects.select_related("organization").order_by("pk"):
        for back in (3, 2, 1):
            month = month_start(today, back)
            if month < agreement.starts.replace(day=1):
                continue
            invoices.issue(invoices.draft_invoice(agreement, month), admin)
        invoices.draft_invoice(agreement, month_start(today, 0))
    first = Invoice.objects.issued().filter(organization__code="THAM").order_by("number").first()
    if first is not None:
        invoices.credit_note(first, admin, "Devices counted twice in the first month")
