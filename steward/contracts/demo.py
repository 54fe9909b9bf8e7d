"""Demo agreements of every billing model, time on the demo tickets, and months of invoices."""
# ruff: noqa: E501

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Organization, Role, User
from steward.contracts import actions
from steward.contracts.models import AGREEMENT_MADE, Agreement, Billing, Invoice, Service

SERVICES = [
    ("backup", "Backup monitoring", "Daily check of every backup job; restores tested monthly.", "25.00"),
    ("m365", "Microsoft 365 support", "Mailboxes, Teams, OneDrive and licences.", "0.00"),
    ("endpoint", "Endpoint security", "Antivirus and patching of every covered device.", "4.00"),
    ("network", "Network and firewall", "Internet line, Wi-Fi, firewall and VPN.", "0.00"),
    ("printers", "Printers and scanners", "Multifunction printers and scanners.", "0.00"),
    ("projects", "Projects", "Moves, fit-outs and new systems: quoted separately.", "0.00"),
]  # fmt: skip
WORK = [
    "Remote session: diagnosed and fixed",
    "Checked logs and event viewer",
    "Called the user, walked through the fix",
    "Reinstalled the driver",
    "Updated the firewall rule",
    "Restored the file from backup",
]


def _month_start(day: date, back: int) -> date:
    first = day.replace(day=1)
    for _ in range(back):
        first = (first - timedelta(days=1)).replace(day=1)
    return first


def seed(now: datetime | None = None) -> None:
    """Idempotent: does nothing once the catalogue exists."""
    if Service.objects.exists() or not Organization.objects.exists():
        return
    now = now or timezone.now()
    rng = random.Random(11)
    admin = User.objects.filter(role=Role.ADMIN).first()
    with transaction.atomic():
        services = {
            code: Service.objects.create(
                code=code, name=name, description=text, monthly_price=Decimal(price)
            )
            for code, name, text, price in SERVICES
        }
        # The demo's people have been clients for a while: per-user billing counts them.
        User.objects.filter(organization__isnull=False).update(
            date_joined=now - timedelta(days=400)
        )
        orgs = {o.code: o for o in Organization.objects.all()}
        _terms(orgs, admin)
        _bakery(now, admin)
        _time(rng, now)
        _quotes(services, admin)
        _invoices(now, admin)


def _terms(orgs: dict[str, Organization], admin: User | None) -> None:
    plans = {
        "ACRO": (
            {
                "billing": Billing.BLOCK_HOURS,
                "monthly_fee": Decimal("1300.00"),
                "block_hours": Decimal("20"),
                "hourly_rate": Decimal("65.00"),
                "rollover": True,
                "exclusions": "Hardware purchases; office moves (quoted separately).",
                "kpi_targets": {"sla_compliance": 95, "median_first_response_minutes": 30},
            },
            {"m365": "0", "network": "0", "printers": "0"},
        ),
        "PDT": (
            {
                "billing": Billing.MANAGED_USER,
                "currency": "CNY",
                "unit_price": Decimal("320.00"),
                "hourly_rate": Decimal("480.00"),
                "exclusions": "新办公室布线和设备采购另行报价。",
                "kpi_targets": {"sla_compliance": 95, "csat": 4.5},
            },
            {"m365": "0", "network": "0", "endpoint": "0", "backup": "800.00"},
        ),
        "THAM": (
            {
                "billing": Billing.MANAGED_DEVICE,
                "currency": "GBP",
                "unit_price": Decimal("38.00"),
                "devices": 42,
                "included_hours": Decimal("12"),
                "hourly_rate": Decimal("85.00"),
                "exclusions": "Plotter and CAD software licensing (vendor support).",
                "kpi_targets": {"sla_compliance": 98, "median_first_response_minutes": 20},
            },
            {"m365": "0", "endpoint": "0", "network": "0", "backup": "45.00"},
        ),
    }
    for code, (terms, covered) in plans.items():
        agreement = Agreement.objects.filter(organization=orgs.get(code)).first()
        if agreement is None:
            continue
        actions.version_of(agreement)
        actions.revise(
            agreement,
            admin,
            terms,
            services={k: Decimal(v) for k, v in covered.items()},
            note="Terms for the year agreed at the review meeting",
        )


def _bakery(now: datetime, admin: User | None) -> None:
    """A small client still on break-fix: the one the value page argues with."""
    from steward.desk.actions import NewTicket, change_status, open_ticket, post_message
    from steward.sla.models import BusinessCalendar, SlaPolicy

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
    agreement = Agreement.objects.create(
        organization=org,
        name="Hermes Bakery break-fix",
        starts=(now - timedelta(days=200)).date(),
        sla_policy=policy,
        billing=Billing.BREAK_FIX,
        hourly_rate=Decimal("75.00"),
        out_of_hours_multiplier=Decimal("1.50"),
        increment_minutes=30,
    )
    actions.record_version(agreement, admin, AGREEMENT_MADE)
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
            actions.log_time(
                ticket, tech, minutes, "On-site repair", started_at=at + timedelta(hours=2)
            )
            change_status(ticket, "resolved", tech, at=at + timedelta(hours=2, minutes=minutes))


def _time(rng: random.Random, now: datetime) -> None:
    from steward.desk.models import Ticket

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
            actions.log_time(
                ticket,
                ticket.assignee,
                rng.choice((10, 15, 20, 30, 45, 60)),
                rng.choice(WORK),
                started_at=started,
                billable=rng.random() > 0.1,
            )


def _quotes(services: dict[str, Service], admin: User | None) -> None:
    from steward.desk.models import Ticket

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
        actions.decide_scope(ticket, False, "Project work, outside the managed agreement", admin)
        quote = actions.request_quote(
            ticket,
            admin,
            description,
            hours_estimate=estimate,
            fixed_price=None if estimate else Decimal("640.00"),
        )
        if approve and ticket.organization_id in client_admins:
            actions.decide_quote(quote, client_admins[ticket.organization_id], True, "Go ahead")
            actions.log_time(ticket, admin, 120, "Replaced the print head on site")


def _invoices(now: datetime, admin: User | None) -> None:
    if admin is None:
        return
    today = timezone.localdate(now)
    for agreement in Agreement.objects.select_related("organization").order_by("pk"):
        for back in (3, 2, 1):
            month = _month_start(today, back)
            if month < agreement.starts.replace(day=1):
                continue
            actions.issue(actions.draft_invoice(agreement, month), admin)
        actions.draft_invoice(agreement, _month_start(today, 0))
    first = Invoice.objects.issued().filter(organization__code="THAM").order_by("number").first()
    if first is not None:
        actions.credit_note(first, admin, "Devices counted twice in the first month")
