"""Demo data: for each demo client a fault that keeps coming back, said differently each time
in the client's language, and for the London client a Problem in known-error status with its
root cause and workaround, linked to those tickets.

Run after the desk's seed (it opens its tickets through `steward.desk.actions`, so their SLA
fields are real) and after the vault's (whose assets it does not need)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Organization, Role, User
from steward.desk import actions
from steward.desk.models import Queue, Status
from steward.reports import problems
from steward.reports.models import Problem, ProblemStatus

# client code -> (title, description) of the same fault, five times, oldest first
RECURRING = {
    "ACRO": [
        ("Το ERP δεν ανοίγει", "Το ERP βγάζει σφάλμα σύνδεσης στη βάση δεδομένων."),
        ("Η εφαρμογή ERP δεν ανοίγει", "Το ERP μένει στην αρχική οθόνη με σφάλμα."),
        ("Πάλι δεν ανοίγει το ERP", "Σφάλμα βάσης δεδομένων στο ERP σε όλο το λογιστήριο."),
        ("ERP: σφάλμα, δεν ανοίγει", "Δεν μπορούμε να κάνουμε τιμολόγια, το ERP δεν ανοίγει."),
        ("Το ERP δεν ανοίγει ξανά", "Από το πρωί το ERP βγάζει σφάλμα στην είσοδο."),
    ],
    "PDT": [
        ("会议室投影仪没有信号", "笔记本接上以后投影仪显示无信号。"),
        ("大会议室的投影仪没有信号", "下午有客户会议，投影仪连不上电脑。"),
        ("投影仪又没有信号了", "会议室投影仪显示无信号。"),
        ("会议室投影仪连不上笔记本", "投影仪没有信号，换了线也不行。"),
        ("会议室投影仪不显示", "投影仪一直显示无信号。"),
    ],
    "THAM": [
        ("Shared calendar not syncing in Outlook", "New bookings do not show up for the team."),
        ("Outlook shared calendar out of date", "The studio calendar stopped updating."),
        ("Team calendar does not sync again", "Shared calendar shows last week's bookings."),
        ("Shared calendar not updating", "Outlook does not sync the shared calendar."),
        ("Studio shared calendar won't sync", "Meetings booked today are missing in Outlook."),
    ],
}
# Days ago each ticket was opened: within the last 90 days, the last one still open.
AGES = (80, 61, 40, 22, 3)

KNOWN_ERROR = {
    "code": "THAM",
    "title": "Shared calendar not syncing in Outlook",
    "root_cause": (
        "The studio's shared calendar holds over 50,000 items, beyond what Outlook's cached "
        "mode keeps in sync; new entries stop arriving until old ones are archived."
    ),
    "workaround": (
        "Open the shared calendar in Outlook on the web (outlook.office.com), which reads it "
        "live; or turn off 'Download shared folders' in the account's cached-mode settings."
    ),
}


def seed(now: datetime | None = None) -> None:
    """Open each demo client's recurring tickets and the known error (once)."""
    if Problem.objects.exists():
        return
    now = now or timezone.now()
    orgs = {o.code: o for o in Organization.objects.filter(code__in=RECURRING)}
    if not orgs:
        return
    queue = Queue.objects.filter(is_default=True).first()
    with transaction.atomic():
        opened = {code: _recurring(org, queue, now) for code, org in orgs.items()}
        code = KNOWN_ERROR["code"]
        if code in opened:
            _known_error(orgs[code], opened[code], now)


def _recurring(org: Organization, queue: Queue | None, now: datetime) -> list[int]:
    requester = User.objects.filter(organization=org).order_by("pk").first()
    tech = _tech(org)
    ids = []
    for (title, description), days in zip(RECURRING[org.code], AGES, strict=True):
        at = now - timedelta(days=days, hours=2)
        ticket = actions.open_ticket(
            actions.NewTicket(
                organization=org,
                title=title,
                description=description,
                source="portal",
                requester=requester,
                queue=queue,
            ),
            actor=requester,
            at=at,
        )
        ids.append(ticket.pk)
        if tech is None or days < 7:
            continue  # the latest is still waiting for someone
        actions.assign(ticket, tech, tech, at=at + timedelta(minutes=20))
        actions.post_message(ticket, tech, _reply(org), source="agent", at=at + timedelta(hours=1))
        actions.change_status(ticket, Status.RESOLVED, tech, at=at + timedelta(hours=3))
    return ids


def _known_error(org: Organization, tickets: list[int], now: datetime) -> None:
    tech = _tech(org)
    problem = problems.save_problem(
        Problem(organization=org),
        problems.Changes(
            title=KNOWN_ERROR["title"],
            root_cause=KNOWN_ERROR["root_cause"],
            workaround=KNOWN_ERROR["workaround"],
            status=ProblemStatus.KNOWN_ERROR,
            owner=tech.pk if tech else None,
            owner_set=True,
            tickets=tickets[:-1],  # the newest is the one the desk sees flagged
        ),
        tech,
    )
    Problem.objects.filter(pk=problem.pk).update(
        created_at=now - timedelta(days=21), updated_at=now - timedelta(days=20)
    )


def _tech(org: Organization) -> User | None:
    return (
        User.objects.filter(role=Role.TECHNICIAN, memberships__organization=org)
        .order_by("pk")
        .first()
    )


def _reply(org: Organization) -> str:
    return {
        "el": "Επανεκκινήσαμε την υπηρεσία της βάσης· δοκιμάστε ξανά.",
        "zh-hans": "我们已重新连接投影仪的信号源，请再试一次。",
    }.get(org.language, "We have cleared the calendar cache; it should sync again now.")
