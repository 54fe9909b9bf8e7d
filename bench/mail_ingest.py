"""Inbound mail: parse, thread and store a generated mix of messages, in one process.

Run: .venv/bin/python bench/mail_ingest.py --messages 10000 [--db sqlite|postgres]

A throw-away database gets three client organizations (Athens, Shanghai, London) with their
calendars, agreements, contacts and mail domains, and a provider mailbox. The mix, made up
front with the standard `email` package so that making it is not timed:

- new requests from known contacts (plain text, HTML with a plain alternative, Chinese in
  GB2312 and Big5, Greek in ISO-8859-7 and Windows-1253, a few with a small PNG attached);
- replies threaded by In-Reply-To to the client's earlier message, and by the ticket number
  in the subject, with quoted history to trim;
- new requests from unknown senders of a client's mail domain;
- auto-replies (ignored) and strangers (quarantined);
- the same Message-ID delivered twice.

Every message goes through `steward.mail.inbound.receive()`: raw stored first, parsed,
placed, the ticket opened or the reply posted with its SLA clocks, and the acknowledgement
written to the outbox (not sent). Side by side in the same run: `parse()` alone on the same
messages, to show where the time goes.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from collections import Counter
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.tickets import configure

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8

BODIES = {
    "en": (
        "The shared drive is very slow",
        "Opening files on S: takes a minute since this morning.",
    ),
    "zh-gb": ("共享盘很慢", "从今天早上开始，打开S盘上的文件需要一分钟。"),
    "zh-big5": ("印表機無法列印", "二樓的印表機顯示錯誤代碼十三。"),
    "el-iso": ("Ο εκτυπωτής δεν τυπώνει", "Ο εκτυπωτής στον δεύτερο όροφο δείχνει σφάλμα 13."),
    "el-win": ("Δεν έχω πρόσβαση στο email", "Από το πρωί δεν μπορώ να συνδεθώ στο Outlook."),
}
CHARSETS = {
    "en": "utf-8",
    "zh-gb": "gb2312",
    "zh-big5": "big5",
    "el-iso": "iso-8859-7",
    "el-win": "cp1253",
}


def _mail(
    n: int,
    sender: str,
    subject: str,
    body: str,
    charset: str = "utf-8",
    html: bool = False,
    attach: bool = False,
    in_reply_to: str = "",
    headers: dict[str, str] | None = None,
    msgid: str = "",
) -> tuple[str, bytes]:
    from datetime import UTC, datetime

    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "help@provider.test"
    mail["Subject"] = subject
    mail["Date"] = format_datetime(datetime.now(UTC))
    msgid = msgid or f"bench-{n}@client.test"
    mail["Message-ID"] = f"<{msgid}>"
    if in_reply_to:
        mail["In-Reply-To"] = f"<{in_reply_to}>"
        mail["References"] = f"<{in_reply_to}>"
    for key, value in (headers or {}).items():
        mail[key] = value
    mail.set_content(body, charset=charset)
    if html:
        mail.add_alternative(
            f"<html><body><p>{body}</p><p>--<br>Sent from the office</p></body></html>",
            subtype="html",
        )
    if attach:
        mail.add_attachment(PNG, maintype="image", subtype="png", filename="screenshot.png")
    return msgid, mail.as_bytes()


def make_mix(total: int, contacts: list[tuple[str, str]], domains: list[str]) -> list[bytes]:
    """contacts: (email, organization code)."""
    rng = random.Random(7)
    mix: list[bytes] = []
    opened: list[tuple[str, str, int]] = []  # (msgid, sender, ticket ordinal within org)
    per_org: Counter[str] = Counter()
    for n in range(total):
        roll = rng.random()
        sender, code = rng.choice(contacts)
        if roll < 0.50 or not opened:
            lang = rng.choice(list(BODIES))
            subject, body = BODIES[lang]
            msgid, raw = _mail(
                n,
                sender,
                f"{subject} #{n}",
                body,
                CHARSETS[lang],
                html=rng.random() < 0.3,
                attach=rng.random() < 0.1,
            )
            per_org[code] += 1
            opened.append((msgid, sender, per_org[code]))
        elif roll < 0.70:
            original, first_sender, _ordinal = rng.choice(opened)
            msgid, raw = _mail(
                n,
                first_sender,
                "Re: shared drive",
                "Still slow, see the screenshot.\n\n"
                "On Mon, Help Desk wrote:\n> Is it better?\n> Thanks",
                in_reply_to=original,
            )
        elif roll < 0.80:
            original, first_sender, ordinal = rng.choice(opened)
            org_code = next(c for e, c in contacts if e == first_sender)
            msgid, raw = _mail(
                n,
                first_sender,
                f"RE: [{org_code}-{ordinal}] follow-up",
                "Any news?\n\n-----Original Message-----\nFrom: Help Desk\nSent: Monday",
            )
        elif roll < 0.88:
            msgid, raw = _mail(
                n,
                f"someone{n}@{rng.choice(domains)}",
                "New starter needs a laptop",
                "Anna starts on Monday.",
            )
            code = ""
        elif roll < 0.93:
            msgid, raw = _mail(
                n,
                sender,
                "Out of office",
                "I am away until Monday.",
                headers={"Auto-Submitted": "auto-replied"},
            )
        elif roll < 0.97:
            msgid, raw = _mail(n, f"stranger{n}@elsewhere.test", "Hello", "Do you sell printers?")
        else:
            # The same message delivered again (a second mailbox, a retried relay).
            raw = mix[rng.randrange(len(mix))] if mix else _mail(n, sender, "x", "y")[1]
        mix.append(raw)
    return mix


def setup_world() -> tuple[list[tuple[str, str]], list[str]]:
    from steward.accounts.models import Organization, Role, User
    from steward.contracts.models import Agreement
    from steward.mail.models import Mailbox, MailDomain
    from steward.sla.models import BusinessCalendar, SlaPolicy

    policy = SlaPolicy.objects.create(
        name="Standard",
        targets={
            p: {"first_response": 60 * (i + 1), "resolution": 480 * (i + 1)}
            for i, p in enumerate(("P1", "P2", "P3", "P4"))
        },
    )
    contacts: list[tuple[str, str]] = []
    domains = []
    for code, tz, country, lang in (
        ("ATH", "Europe/Athens", "GR", "el"),
        ("SHA", "Asia/Shanghai", "CN", "zh-hans"),
        ("LON", "Europe/London", "GB", "en"),
    ):
        calendar = BusinessCalendar.objects.create(
            name=f"{code} office",
            timezone=tz,
            holiday_country=country,
            weekly={d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")},
        )
        org = Organization.objects.create(
            name=code, code=code, timezone=tz, language=lang, calendar=calendar
        )
        Agreement.objects.create(
            organization=org, name="Managed", starts="2020-01-01", sla_policy=policy
        )
        domain = f"{code.lower()}.test"
        MailDomain.objects.create(organization=org, domain=domain)
        domains.append(domain)
        for i in range(20):
            email = f"user{i}@{domain}"
            User.objects.create_user(email=email, role=Role.CLIENT_USER, organization=org)
            contacts.append((email, code))
    Mailbox.objects.create(name="Help", address="help@provider.test")
    return contacts, domains


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    name, drop = configure(args.db)
    # A day's mail arrives here within seconds: the per-sender flood limit would quarantine
    # most of it, which is not what is measured.
    os.environ["MAIL_RATE_LIMIT"] = "1000000"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        contacts, domains = setup_world()
        from steward.mail.inbound import receive
        from steward.mail.models import Inbound, Mailbox, Outbound
        from steward.mail.parsing import parse

        box = Mailbox.objects.get()
        mix = make_mix(args.messages, contacts, domains)
        size = sum(len(raw) for raw in mix)

        started = time.perf_counter()
        for raw in mix:
            parse(raw)
        parse_s = time.perf_counter() - started

        started = time.perf_counter()
        if os.environ.get("PROFILE"):
            import cProfile

            cProfile.runctx(
                "for raw in mix: receive(raw, mailbox=box)",
                globals(),
                {"mix": mix, "receive": receive, "box": box},
                sort=os.environ.get("PROFILE_SORT", "cumulative"),
            )
        else:
            by_state: dict[str, list[float]] = {}
            slices: list[float] = []
            for n, raw in enumerate(mix):
                if n % 1000 == 0:
                    slices.append(time.perf_counter())
                t0 = time.perf_counter()
                got = receive(raw, mailbox=box)
                state = "duplicate" if got.duplicate else got.inbound.state
                by_state.setdefault(state, []).append(time.perf_counter() - t0)
        ingest_s = time.perf_counter() - started

        states = Counter(Inbound.objects.values_list("state", flat=True))
        from steward.desk.models import Message, Ticket

        rate = args.messages / ingest_s
        if connection.vendor == "sqlite":
            engine = f"SQLite {connection.Database.sqlite_version}"  # type: ignore[attr-defined]
        else:
            engine = f"PostgreSQL {connection.pg_version}"  # type: ignore[attr-defined]
        print(
            f"Python {platform.python_version()}, Django {django.get_version()}, {engine}, "
            f"{platform.machine()} ({name})"
        )
        print(f"{args.messages} messages, {size / 1e6:.1f} MB, one process\n")
        print("| step | total | per message | messages/s |")
        print("| --- | --- | --- | --- |")
        print(
            f"| parse only (steward.mail.parsing) | {parse_s:.2f} s | "
            f"{parse_s / args.messages * 1e3:.2f} ms | {args.messages / parse_s:,.0f} |"
        )
        print(
            f"| store raw + parse + thread + ticket/message + SLA + outbox | {ingest_s:.2f} s | "
            f"{ingest_s / args.messages * 1e3:.2f} ms | **{rate:,.0f}** |"
        )
        print()
        print(
            f"stored {sum(states.values())} (duplicates not stored again: "
            f"{args.messages - sum(states.values())}); "
            + ", ".join(f"{state} {n}" for state, n in sorted(states.items()))
        )
        print(
            f"tickets {Ticket.objects.count()}, messages {Message.objects.count()}, "
            f"outbox {Outbound.objects.count()}"
        )
        if not os.environ.get("PROFILE"):
            print("\n| outcome | messages | mean ms |\n| --- | --- | --- |")
            for state, times in sorted(by_state.items()):
                print(f"| {state} | {len(times)} | {1e3 * sum(times) / len(times):.2f} |")
            slices.append(started + ingest_s)
            steps = [f"{(b - a):.1f}" for a, b in zip(slices, slices[1:], strict=False)]
            print(f"\nseconds per 1,000 messages, in order: {', '.join(steps)}")
        print(f"\ntarget >= 300 messages/s: {'met' if rate >= 300 else 'NOT met'}")
    finally:
        connection.close()
        drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
