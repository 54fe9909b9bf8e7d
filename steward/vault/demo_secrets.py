"""`steward demo`'s vault credentials: each client's usual passwords (router, Microsoft 365
with its one-time codes, registrar, NAS, Wi-Fi, accounting), linked to the client's assets and
vendors where the demo has them, a few weeks of reveals by its technician (some still at risk,
some rotated since), and one client (Pudong Trading) that names who may reveal."""

from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q

from steward.accounts.models import Organization, Role, User
from steward.vault import access
from steward.vault import actions_secrets as actions
from steward.vault.models import AccessMode, Asset, Credential, Vendor

SEED = 12
# A public test seed, as authenticator apps' documentation shows: the demo's one-time codes.
DEMO_TOTP = "JBSWY3DPEHPK3PXP"
DOMAINS = {"ACRO": "acropolis.example", "PDT": "pudong.example", "THAM": "thames.example"}
# (name, username, url, asset name words, vendor kinds or name words, with a TOTP seed)
KINDS: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...], bool]] = [
    ("Router admin", "admin", "https://192.168.1.1/", ("router", "firewall", "gateway"), (), False),
    ("Microsoft 365 global admin", "admin@{tenant}.onmicrosoft.com",
     "https://admin.microsoft.com/", (), ("email", "microsoft"), True),
    ("Domain registrar", "it@{domain}", "https://www.gandi.net/", (), ("registrar",), False),
    ("NAS administrator", "admin", "https://nas.{domain}:5001/", ("nas", "synology", "backup"),
     (), False),
    ("Office Wi-Fi", "", "", ("access point", "wi-fi", "wifi"), (), False),
    ("Accounting software", "finance@{domain}", "https://accounts.example/", (),
     ("software", "accounting"), False),
    ("Web hosting control panel", "{code}-admin", "https://cp.hosting.example/", (),
     ("hosting",), False),
    ("Printer web panel", "admin", "http://printer.{domain}/", ("printer",), (), False),
]  # fmt: skip
REASONS = [
    "Ticket {code}-{n}: changing the router's port forwarding",
    "Ticket {code}-{n}: new starter's mailbox and licence",
    "Renewing the domain before it expires",
    "Ticket {code}-{n}: restoring a file from the NAS",
    "Visitor asked for the guest network at reception",
    "Ticket {code}-{n}: accounting package update",
]


def _asset(org: Organization, words: tuple[str, ...]) -> int | None:
    if not words:
        return None
    query = Q()
    for word in words:
        query |= Q(name__icontains=word)
    found = Asset.objects.filter(organization=org).filter(query).order_by("pk").first()
    return found.pk if found else None


def _vendor(org: Organization, words: tuple[str, ...]) -> int | None:
    if not words:
        return None
    query = Q()
    for word in words:
        query |= Q(kind=word) | Q(name__icontains=word)
    found = Vendor.objects.filter(organization=org).filter(query).order_by("pk").first()
    return found.pk if found else None


def seed(now: datetime) -> None:
    """Credentials and their history for every demo client; nothing once any credential
    exists (or before the desk's demo made the clients)."""
    if Credential.objects.exists():
        return
    orgs = list(Organization.objects.filter(code__in=DOMAINS).order_by("pk"))
    rng = random.Random(SEED)
    with transaction.atomic():
        for org in orgs:
            _client(rng, org, now)


def _client(rng: random.Random, org: Organization, now: datetime) -> None:
    owner = User.objects.filter(organization=org, role=Role.CLIENT_ADMIN).order_by("pk").first()
    tech = (
        User.objects.filter(role=Role.TECHNICIAN, is_active=True, memberships__organization=org)
        .order_by("-pk" if org.code == "PDT" else "pk")
        .first()
    )
    if owner is None:
        return
    domain, code = DOMAINS[org.code], org.code.lower()
    made = now - timedelta(days=75)
    count = 6 + rng.randrange(3)  # 6 to 8 of the list, the first six always
    credentials = []
    for name, username, url, assets, vendors, totp in KINDS[:count]:
        fill = {"domain": domain, "tenant": domain.split(".")[0], "code": code}
        credentials.append(
            actions.create_credential(
                org,
                owner,
                at=made,
                name=name,
                username=username.format(**fill),
                url=url.format(**fill),
                # Random, as a real one would be: the demo's reveals show something real.
                secret=secrets.token_urlsafe(12),
                totp=DEMO_TOTP if totp else "",
                notes=f"Kept for {org.name} by its IT provider." if totp else "",
                asset=_asset(org, assets),
                vendor=_vendor(org, vendors),
            )
        )
        made += timedelta(minutes=rng.randrange(5, 40))
    if tech is None:
        return
    # Reveals over the past weeks, oldest first: the router's and the registrar's are rotated
    # since; the rest stay at risk until the client changes them.
    at = now - timedelta(days=40)
    for i, credential in enumerate(credentials[:6]):
        at += timedelta(days=rng.randrange(2, 6), hours=rng.randrange(1, 8))
        reason = REASONS[i].format(code=org.code, n=rng.randrange(10, 300))
        actions.reveal(credential, tech, reason, at=at)
        if i in (0, 2):
            credential.refresh_from_db()
            actions.update_credential(
                credential, owner, at=at + timedelta(days=1), secret=secrets.token_urlsafe(12)
            )
    if org.code == "PDT":
        # The client that answered "how would you protect me from you?": one named person.
        access.set_access(org, owner, AccessMode.NAMED, [tech.pk])
