"""The demo's service catalogue and the terms of its agreements, one of each billing model."""
# ruff: noqa: E501

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Organization, Role, User
from steward.contracts import actions
from steward.contracts.models import Agreement, Billing, Service

SERVICES = [
    ("backup", "Backup monitoring", "Daily check of every backup job; restores tested monthly.", "25.00"),
    ("m365", "Microsoft 365 support", "Mailboxes, Teams, OneDrive and licences.", "0.00"),
    ("endpoint", "Endpoint security", "Antivirus and patching of every covered device.", "4.00"),
    ("network", "Network and firewall", "Internet line, Wi-Fi, firewall and VPN.", "0.00"),
    ("printers", "Printers and scanners", "Multifunction printers and scanners.", "0.00"),
    ("projects", "Projects", "Moves, fit-outs and new systems: quoted separately.", "0.00"),
]  # fmt: skip


def seed(now: datetime | None = None) -> None:
    """The catalogue and the demo agreements' terms. Idempotent: does nothing once the
    catalogue exists."""
    if Service.objects.exists() or not Organization.objects.exists():
        return
    now = now or timezone.now()
    admin = User.objects.filter(role=Role.ADMIN).first()
    with transaction.atomic():
        for code, name, text, price in SERVICES:
            Service.objects.create(
                code=code, name=name, description=text, monthly_price=Decimal(price)
            )
        # The demo's people have been clients for a while: per-user billing counts them.
        User.objects.filter(organization__isnull=False).update(
            date_joined=now - timedelta(days=400)
        )
        _terms({o.code: o for o in Organization.objects.all()}, admin)


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
        actions.revise(
            agreement,
            admin,
            terms,
            services={k: Decimal(v) for k, v in covered.items()},
            note="Terms for the year agreed at the review meeting",
        )
