"""Demo data: one provider, three clients (Athens, Shanghai, London), ~300 tickets in 90 days.

Everything goes through `steward.desk.actions` with past timestamps, so the SLA state of the
demo tickets is genuine: replayed from their events like any real ticket's.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from steward.accounts.demo import PASSWORD, Login, logins
from steward.accounts.models import Membership, Organization, Role, User
from steward.contracts.actions import create_agreement
from steward.contracts.models import Agreement
from steward.desk import actions
from steward.desk.models import Queue, Status, Ticket
from steward.sla.models import DAYS, BusinessCalendar, SlaPolicy

SEED = 20261124
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


PROBLEMS = {
    "en": [
        (
            "Outlook keeps asking for my password",
            "Since this morning Outlook prompts every few minutes.",
        ),
        ("VPN disconnects every hour", "Working from home, the VPN drops and reconnects."),
        ("Printer on 2nd floor jams", "The HP printer shows paper jam but there is no paper."),
        ("New starter needs a laptop and accounts", "Maria joins on Monday in accounts."),
        ("Shared drive is very slow", "Opening files on S: takes a minute."),
        ("Website down", "Our public website shows a 502 error."),
        ("Backup job failed last night", "The NAS backup report says FAILED."),
        ("Teams calls drop", "Calls with customers drop after 10 minutes."),
        ("Password reset for the CRM", "I am locked out of the CRM."),
        ("Request: second monitor", "Could I have a second monitor for my desk?"),
    ],
    "el": [
        ("Το Outlook ζητάει συνέχεια κωδικό", "Από το πρωί ζητάει κωδικό κάθε λίγα λεπτά."),
        ("Ο εκτυπωτής στο λογιστήριο δεν τυπώνει", "Βγάζει μήνυμα εμπλοκής χαρτιού."),
        ("Δεν συνδέεται το VPN", "Από το σπίτι δεν μπορώ να συνδεθώ στο VPN."),
        ("Αργό δίκτυο στο γραφείο", "Όλα τα αρχεία ανοίγουν πολύ αργά."),
        ("Νέος υπάλληλος χρειάζεται λογαριασμό", "Ξεκινά τη Δευτέρα στο τμήμα πωλήσεων."),
    ],
    "zh-hans": [
        ("邮箱无法收发邮件", "从今天早上开始，Outlook 无法收发邮件。"),
        ("打印机卡纸", "二楼的打印机一直显示卡纸。"),
        ("VPN 经常断开", "在家办公时 VPN 每小时断开一次。"),
        ("新员工需要电脑和账号", "新同事下周一入职。"),
        ("服务器磁盘空间不足", "文件服务器提示磁盘空间不足。"),
    ],
}
STAFF_REPLIES = [
    "Thanks, we are looking at it now.",
    "Could you send us a screenshot of the error?",
    "We have restarted the service; please try again.",
    "A technician will be on site tomorrow morning.",
    "We have raised this with the vendor and are waiting for their answer.",
]
NOTES = [
    "Checked the logs: certificate expired.",
    "Vendor case opened, ref 44817.",
    "Probably the same DHCP issue as last month.",
]
CLIENT_REPLIES = [
    "It works again, thank you!",
    "Still broken, sorry.",
    "Screenshot attached.",
    "Any news on this?",
]


def _calendar(
    name: str,
    tz: str,
    hours: list[list[str]],
    country: str = "",
    subdivision: str = "",
    extra: list[str] | None = None,
) -> BusinessCalendar:
    return BusinessCalendar.objects.create(
        name=name,
        timezone=tz,
        weekly={d: hours for d in WEEKDAYS},
        holiday_country=country,
        holiday_subdivision=subdivision,
        extra_working_dates=extra or [],
    )


def _user(
    email: str, name: str, role: str, org: Organization | None = None, language: str = ""
) -> User:
    return User.objects.create_user(
        email, PASSWORD, name=name, role=role, organization=org, language=language
    )


def seed(now: datetime | None = None, tickets: int = 300) -> list[Login]:
    """Create the demo provider, clients and tickets; does nothing if organizations exist."""
    if Organization.objects.exists():
        return logins()
    now = now or timezone.now()
    rng = random.Random(SEED)
    with transaction.atomic():
        orgs, staff = _people()
        policies = _policies()
        for org, policy in zip(orgs, (policies[1], policies[1], policies[0]), strict=True):
            agreement = Agreement(
                organization=org,
                name=f"{org.name} managed services",
                starts=(now - timedelta(days=365)).date(),
                sla_policy=policy,
            )
            create_agreement(agreement, None)
        queues = [
            Queue.objects.create(
                name="Service desk", email="desk@provider.example", is_default=True
            ),
            Queue.objects.create(name="Projects"),
        ]
        # Who may be asked and who may answer, per organization, looked up once.
        contacts = {org.pk: list(org.users.all()) for org in orgs}
        techs = {
            org.pk: [s for s in staff if s.memberships.filter(organization=org).exists()]
            for org in orgs
        }
        for i in range(tickets):
            org = orgs[i % 3]
            _ticket(rng, org, contacts[org.pk], techs[org.pk], queues, now)
        actions.sweep_sla(now=now, limit=10_000)
    return logins()


def _people() -> tuple[list[Organization], list[User]]:
    athens = _calendar("Athens office", "Europe/Athens", [["09:00", "17:00"]], "GR")
    shanghai = _calendar(
        "Shanghai office",
        "Asia/Shanghai",
        [["09:00", "12:00"], ["13:00", "18:00"]],
        "CN",
        extra=["2026-09-27", "2026-10-10", "2027-02-07"],
    )
    london = _calendar("London office", "Europe/London", [["08:30", "17:30"]], "GB", "ENG")
    admin = _user("admin@provider.example", "Ada Admin", Role.ADMIN)
    manager = _user("manager@provider.example", "Max Manager", Role.MANAGER)
    tess = _user("tess@provider.example", "Tess Technician", Role.TECHNICIAN)
    theo = _user("theo@provider.example", "Theo Technician", Role.TECHNICIAN)
    orgs = [
        Organization.objects.create(
            name="Acropolis Logistics",
            code="ACRO",
            headcount=42,
            timezone="Europe/Athens",
            language="el",
            calendar=athens,
            it_manager=manager,
        ),
        Organization.objects.create(
            name="Pudong Trading",
            code="PDT",
            headcount=27,
            timezone="Asia/Shanghai",
            language="zh-hans",
            calendar=shanghai,
            it_manager=manager,
        ),
        Organization.objects.create(
            name="Thames Architects",
            code="THAM",
            headcount=18,
            # A small office that chose openness: its users see all of its tickets.
            users_see_all_tickets=True,
            timezone="Europe/London",
            language="en",
            calendar=london,
            it_manager=manager,
        ),
    ]
    for org in orgs[:2]:
        Membership.objects.create(user=tess, organization=org)
    for org in orgs[1:]:
        Membership.objects.create(user=theo, organization=org)
    contacts = {
        "ACRO": [
            ("eleni@acropolis.example", "Eleni Papadopoulou", "el"),
            ("nikos@acropolis.example", "Nikos Georgiou", "el"),
        ],
        "PDT": [
            ("wei@pudong.example", "Wang Wei", "zh-hans"),
            ("li@pudong.example", "Li Na", "zh-hans"),
        ],
        "THAM": [
            ("olivia@thames.example", "Olivia Smith", "en"),
            ("james@thames.example", "James Brown", "en"),
        ],
    }
    for org in orgs:
        (admin_email, admin_name, lang), (user_email, user_name, _) = contacts[org.code]
        _user(admin_email, admin_name, Role.CLIENT_ADMIN, org, lang)
        _user(user_email, user_name, Role.CLIENT_USER, org, lang)
    del admin
    return orgs, [tess, theo]


def _policies() -> list[SlaPolicy]:
    always = BusinessCalendar.objects.create(
        name="24x7", timezone="UTC", weekly={d: [["00:00", "24:00"]] for d in DAYS}
    )
    premium = SlaPolicy.objects.create(
        name="Premium 24x7",
        calendar=always,
        targets={
            "P1": {"first_response": 15, "next_update": 30, "resolution": 240},
            "P2": {"first_response": 30, "next_update": 120, "resolution": 480},
            "P3": {"first_response": 120, "resolution": 1440},
            "P4": {"first_response": 480, "resolution": 4320},
        },
    )
    standard = SlaPolicy.objects.create(
        name="Standard business hours",
        calendar=None,
        targets={
            "P1": {"first_response": 30, "next_update": 60, "resolution": 480},
            "P2": {"first_response": 60, "next_update": 240, "resolution": 960},
            "P3": {"first_response": 240, "resolution": 2400},
            "P4": {"first_response": 480, "resolution": 4800},
        },
    )
    return [premium, standard]


def _ticket(
    rng: random.Random,
    org: Organization,
    contacts: list[User],
    techs: list[User],
    queues: list[Queue],
    now: datetime,
) -> Ticket:
    requester = rng.choice(contacts)
    title, body = rng.choice(PROBLEMS[org.language if rng.random() < 0.6 else "en"])
    # More recent work than old work, as in any real desk: most open tickets are recent.
    age = timedelta(minutes=10 + int(90 * 24 * 60 * rng.random() ** 2))
    at = now - age
    impact, urgency = rng.choice(
        [
            ("low", "low"),
            ("low", "medium"),
            ("medium", "medium"),
            ("medium", "high"),
            ("high", "medium"),
            ("high", "high"),
            ("low", "low"),
            ("medium", "low"),
        ]
    )
    tech = rng.choice(techs)
    ticket = actions.open_ticket(
        actions.NewTicket(
            organization=org,
            title=title,
            description=body,
            impact=impact,
            urgency=urgency,
            kind="service_request" if "Request" in title or "需要" in title else "incident",
            source=rng.choice(["portal", "email", "phone", "portal"]),
            requester=requester,
            queue=queues[0],
            # The whole company could not work: the value page counts these as work lost.
            stops_business=(impact, urgency) == ("high", "high") and "Request" not in title,
        ),
        actor=requester,
        at=at,
    )
    # What happened next, each step a little later, never in the future.
    steps = _story(rng, age)
    clock = at
    if steps and rng.random() < 0.85:
        actions.assign(ticket, tech, tech, at=clock + timedelta(minutes=1))
    for step, gap in steps:
        clock = clock + gap
        if clock >= now:
            break
        _apply(ticket, step, rng, tech, requester, clock)
    return ticket


def _story(rng: random.Random, age: timedelta) -> list[tuple[str, timedelta]]:
    def gap(lo: int, hi: int) -> timedelta:
        return timedelta(minutes=rng.randint(lo, hi))

    roll = rng.random()
    if age > timedelta(days=10) and roll < 0.9:
        roll = 0.5  # old tickets are mostly done; a few were left open and show as breached
    if age < timedelta(hours=6) or roll < 0.04:
        return []  # still new: nobody answered yet (some of these are breached)
    story = [("reply", gap(5, 100))]
    if rng.random() < 0.4:
        story.append(("note", gap(1, 60)))
    if roll < 0.25:
        return story  # open, being worked on
    if roll < 0.35:
        return [*story, ("wait_client", gap(10, 120))]
    if roll < 0.42:
        return [*story, ("wait_vendor", gap(10, 240))]
    story += [
        ("wait_client", gap(10, 120)),
        ("client_reply", gap(30, 2000)),
        ("reply", gap(10, 300)),
        ("resolve", gap(30, 1500)),
    ]
    if rng.random() < 0.12:
        story += [
            ("client_reopen", gap(60, 1440)),
            ("reply", gap(10, 300)),
            ("resolve", gap(60, 1440)),
        ]
    if rng.random() < 0.6:
        story.append(("close", gap(1440, 4320)))
    return story


def _apply(
    ticket: Ticket, step: str, rng: random.Random, tech: User, requester: User, at: datetime
) -> None:
    if step == "reply":
        actions.post_message(ticket, tech, rng.choice(STAFF_REPLIES), source="agent", at=at)
    elif step == "note":
        actions.post_message(ticket, tech, rng.choice(NOTES), public=False, source="agent", at=at)
    elif step == "wait_client":
        actions.change_status(ticket, Status.WAITING_ON_CLIENT, tech, at=at)
    elif step == "wait_vendor":
        actions.change_status(ticket, Status.WAITING_ON_THIRD_PARTY, tech, at=at)
    elif step in ("client_reply", "client_reopen"):
        actions.post_message(ticket, requester, rng.choice(CLIENT_REPLIES), at=at)
    elif step == "resolve":
        actions.change_status(ticket, Status.RESOLVED, tech, at=at)
    elif step == "close":
        actions.change_status(ticket, Status.CLOSED, tech, at=at)
