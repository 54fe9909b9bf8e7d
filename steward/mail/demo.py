"""Demo mail: mailboxes, client mail domains, and a morning's email through the real intake."""

from __future__ import annotations

from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from django.utils import timezone

from steward.accounts.models import Organization
from steward.mail import inbound
from steward.mail.models import Mailbox, MailDomain, Outbound, OutboundState, UnknownSender

DOMAINS = {"ACRO": "acropolis.example", "PDT": "pudong.example", "THAM": "thames.example"}
# The demo's mail server: the name it writes in its Authentication-Results headers.
MX = "mx.provider.example"


def _mail(
    n: int,
    sender: str,
    subject: str,
    body: str,
    charset: str = "utf-8",
    at: datetime | None = None,
    **headers: str,
) -> bytes:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "support@provider.example"
    mail["Subject"] = subject
    mail["Date"] = format_datetime(at or timezone.now())
    mail["Message-ID"] = f"<demo-{n}@mail.example>"
    for name, value in headers.items():
        mail[name.replace("_", "-")] = value
    mail.set_content(body, charset=charset)
    return mail.as_bytes(policy=policy.SMTP)


def seed(now: datetime | None = None) -> None:
    """Idempotent: does nothing once a mailbox exists."""
    if Mailbox.objects.exists():
        return
    now = now or timezone.now()
    # What the demo's history announced went out long ago; keep the outbox for today's mail.
    Outbound.objects.filter(state=OutboundState.PENDING).update(
        state=OutboundState.SENT, sent_at=now - timedelta(minutes=5), attempts=1
    )
    support = Mailbox.objects.create(
        name="Service desk",
        address="support@provider.example",
        unknown_sender=UnknownSender.QUARANTINE,
        authserv_id=MX,
    )
    orgs = {org.code: org for org in Organization.objects.filter(code__in=DOMAINS)}
    for code, domain in DOMAINS.items():
        if code in orgs:
            MailDomain.objects.create(organization=orgs[code], domain=domain)
    if "PDT" in orgs:
        Mailbox.objects.create(
            name="浦东贸易 IT 支持",
            address="pudong-help@provider.example",
            organization=orgs["PDT"],
            unknown_sender=UnknownSender.CREATE_CONTACT,
            authserv_id=MX,
        )
    morning = [
        _mail(
            1,
            "Eleni Papadopoulou <eleni@acropolis.example>",
            "Δεν λειτουργεί ο εκτυπωτής λογιστηρίου",
            "Καλημέρα,\n\nο εκτυπωτής στο λογιστήριο δείχνει «Σφάλμα 13» από το πρωί.\n\n"
            "Ευχαριστώ,\nΕλένη",
            charset="cp1253",
        ),
        _mail(
            2,
            "Wang Wei <wei@pudong.example>",
            "VPN 连接不上",
            "你好，\n\n从今天早上开始，VPN 一直连接失败，提示“身份验证超时”。\n\n王伟\n\n"
            "从我的iPhone发送",
            charset="gb2312",
        ),
        _mail(
            3,
            "Harry Green <harry@thames.example>",
            "New starter on Monday needs a laptop",
            "Hi team,\n\nAnna Clarke joins on Monday; could you set up a laptop and an account?"
            "\n\nThanks,\nHarry\n-- \nHarry Green | Office manager | Thames Architects",
        ),
        _mail(
            4,
            "Olivia Smith <olivia@thames.example>",
            "Automatic reply: Your request",
            "I am out of the office until Monday.",
            Auto_Submitted="auto-replied",
        ),
        _mail(
            5,
            "Sales <offers@cheap-toner.example>",
            "Best toner prices of the year!!!",
            "Buy 10 cartridges, get 2 free.",
        ),
        # Someone else writing as a technician: the mail server's checks failed, so it waits
        # in the quarantine instead of answering a ticket in Tess's name.
        f"Authentication-Results: {MX};\r\n\tspf=fail smtp.mailfrom=provider.example;\r\n"
        "\tdmarc=fail (p=reject) header.from=provider.example\r\n".encode()
        + _mail(
            6,
            "Tess Technician <tess@provider.example>",
            "Password check",
            "Hi,\n\nfor the migration tonight, please reply with your VPN password.\n\nTess",
        ),
    ]
    for raw in morning:
        inbound.receive(raw, mailbox=support)
    # One notification the mail server refused for a while: visible in the outbox.
    stuck = Outbound.objects.filter(state=OutboundState.PENDING).order_by("id").first()
    if stuck is not None:
        Outbound.objects.filter(pk=stuck.pk).update(
            attempts=3,
            next_attempt_at=now + timedelta(minutes=4),
            last_error="SMTPServerDisconnected: Connection unexpectedly closed",
        )
