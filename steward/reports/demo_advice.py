"""Demo advice and a demo post-incident review for each demo client, in the client's language:
one recommendation accepted, one declined (and a later ticket on the same firewall, so that the
declined advice shows next to it), one proposed, one deferred, each with its financial interest
stated plainly; and a review of a resolved P1 incident with three actions, one overdue.
Does nothing once any recommendation exists, or before the desk's and the vault's demos made
the clients and their assets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Organization, Role, User
from steward.desk import actions as desk
from steward.desk.models import DONE_STATUSES, Kind, Priority, Ticket
from steward.reports import advice, reviews
from steward.reports.models import Recommendation
from steward.vault.models import Asset, TicketAsset


@dataclass(frozen=True)
class Advice:
    title: str
    rationale: str
    risk: str
    cost_once: Decimal | None
    cost_monthly: Decimal | None
    interest: str
    asset: str  # an asset's name, or ""
    decision: str  # "", or accepted / declined / deferred
    note: str


@dataclass(frozen=True)
class Texts:
    firewall: str  # the asset the declined advice is about
    advice: tuple[Advice, ...]
    later_ticket: str  # the ticket on the firewall after the decline
    review: tuple[str, str, str]
    actions: tuple[str, str, str]


D = Decimal
TEXTS: dict[str, Texts] = {
    "ACRO": Texts(
        firewall="FW-PIR-01",
        advice=(
            Advice(
                "Πολυπαραγοντική σύνδεση (MFA) σε όλα τα γραμματοκιβώτια",
                "Δύο απόπειρες phishing φέτος· ένας κλεμμένος κωδικός ανοίγει όλο το email.",
                "Ένας κλεμμένος κωδικός δίνει πρόσβαση σε τιμολόγια και πελάτες.",
                D("0"),
                None,
                "κανένα",
                "Microsoft 365",
                "accepted",
                "Να γίνει πριν από τις γιορτές.",
            ),
            Advice(
                "Αντικατάσταση του τείχους προστασίας FortiGate 60F",
                "Η άδεια ασφαλείας λήγει και το μοντέλο δεν θα παίρνει ενημερώσεις.",
                "Χωρίς ενημερώσεις ασφαλείας, ένα γνωστό κενό αφήνει ανοιχτό το δίκτυο.",
                D("1450.00"),
                D("38.00"),
                "Μεταπωλούμε τη συσκευή και την άδεια με περιθώριο 15%.",
                "FW-PIR-01",
                "declined",
                "Όχι φέτος, ο προϋπολογισμός έκλεισε.",
            ),
            Advice(
                "Αντίγραφα ασφαλείας του NAS εκτός γραφείου",
                "Όλα τα αντίγραφα είναι στο ίδιο δωμάτιο με τον server.",
                "Μια φωτιά ή ένα ransomware παίρνει και τα δεδομένα και τα αντίγραφα.",
                D("120.00"),
                D("25.00"),
                "Μεταπωλούμε την υπηρεσία cloud με περιθώριο 20%· η εγκατάσταση χρεώνεται "
                "με τη συνήθη ωριαία χρέωση.",
                "NAS-PIR-01",
                "",
                "",
            ),
            Advice(
                "Αναβάθμιση του υπολογιστή της αποστολής",
                "Ο υπολογιστής είναι έξι ετών και αργεί στο πρόγραμμα δρομολογίων.",
                "Καθυστερήσεις στις αποστολές τις ώρες αιχμής.",
                D("980.00"),
                None,
                "κανένα: ο πελάτης αγοράζει όπου θέλει.",
                "PC-DISPATCH-1",
                "deferred",
                "Το ξαναβλέπουμε τον Μάρτιο.",
            ),
        ),
        later_ticket="Το τείχος προστασίας άφησε να περάσει επίθεση στο VPN",
        review=(
            "Ο server σταμάτησε να απαντά στις 08:40· κανείς δεν είχε πρόσβαση στα κοινόχρηστα.",
            "Ο δίσκος συστήματος είχε γεμίσει από αρχεία καταγραφής· καθαρίστηκαν και "
            "ο server επανεκκινήθηκε.",
            "Ειδοποίηση στο 85% του δίσκου και μηνιαία εκκαθάριση των αρχείων καταγραφής.",
        ),
        actions=(
            "Ειδοποίηση στο 85% του δίσκου",
            "Μηνιαία εκκαθάριση αρχείων καταγραφής",
            "Ενημέρωση του προσωπικού για το τι έγινε",
        ),
    ),
    "PDT": Texts(
        firewall="FW-SH-01",
        advice=(
            Advice(
                "为所有邮箱启用多重身份验证（MFA）",
                "今年已有两次钓鱼攻击；一个被盗的密码就能打开整个邮箱。",
                "被盗的密码会暴露发票和客户资料。",
                D("0"),
                None,
                "无",
                "Microsoft 365（世纪互联）",
                "accepted",
                "请在春节前完成。",
            ),
            Advice(
                "更换办公室防火墙",
                "现有防火墙的安全订阅即将到期，之后不再有安全更新。",
                "没有安全更新，已知漏洞会让网络暴露。",
                D("9800.00"),
                D("260.00"),
                "我们以 15% 的利润转售该设备和许可证。",
                "FW-SH-01",
                "declined",
                "今年预算已用完。",
            ),
            Advice(
                "NAS 异地备份",
                "所有备份都和服务器在同一个机房。",
                "一场火灾或勒索软件会同时毁掉数据和备份。",
                D("800.00"),
                D("180.00"),
                "我们以 20% 的利润转售云备份服务；安装按常规工时收费。",
                "NAS-SH-01",
                "",
                "",
            ),
            Advice(
                "更换前台电脑",
                "前台电脑已使用六年，访客登记系统运行缓慢。",
                "高峰时段访客排队。",
                D("5200.00"),
                None,
                "无：客户可在任何地方购买。",
                "PC-RECEPTION",
                "deferred",
                "明年第一季度再议。",
            ),
        ),
        later_ticket="防火墙未拦截 VPN 暴力破解攻击",
        review=(
            "08:40 服务器停止响应，所有人都无法访问共享文件夹。",
            "系统盘被日志文件占满；已清理日志并重启服务器。",
            "磁盘使用率达到 85% 时告警，并每月清理日志。",
        ),
        actions=("磁盘 85% 告警", "每月清理日志", "向员工说明事件经过"),
    ),
    "THAM": Texts(
        firewall="THAM-FW",
        advice=(
            Advice(
                "Multi-factor sign-in (MFA) on every mailbox",
                "Two phishing attempts this year; one stolen password opens a whole mailbox.",
                "A stolen password exposes client drawings and invoices.",
                D("0"),
                None,
                "none",
                "Microsoft 365",
                "accepted",
                "Please do it before the holidays.",
            ),
            Advice(
                "Replace the office firewall",
                "Its security subscription ends and the model gets no more updates.",
                "Without security updates a known flaw leaves the network open.",
                D("1250.00"),
                D("32.00"),
                "We resell the appliance and its licence at 15% margin.",
                "THAM-FW",
                "declined",
                "Not this year, the budget is spent.",
            ),
            Advice(
                "Off-site backup of the NAS",
                "Every backup sits in the same cupboard as the NAS.",
                "A fire or ransomware takes the projects and their backups together.",
                D("100.00"),
                D("22.00"),
                "We resell the cloud backup at 20% margin; setup is billed at our usual "
                "hourly rate.",
                "THAM-NAS",
                "",
                "",
            ),
            Advice(
                "A second render workstation",
                "Renders queue for hours before every client presentation.",
                "Late drawings in competition weeks.",
                D("3900.00"),
                None,
                "none: buy it wherever you like.",
                "WS-RENDER-1",
                "deferred",
                "Ask again after the Q2 bids.",
            ),
        ),
        later_ticket="Firewall let a VPN brute-force attack through",
        review=(
            "The NAS stopped answering at 08:40; nobody could open the project shares.",
            "Its system volume was full of logs; we cleared them and restarted the NAS.",
            "An alert at 85% full, and logs rotated every month.",
        ),
        actions=("Alert at 85% disk", "Rotate logs monthly", "Tell the staff what happened"),
    ),
}


def seed(now: datetime | None = None) -> None:
    """Add each demo client's advice and one review (once)."""
    if Recommendation.objects.exists():
        return
    orgs = list(Organization.objects.filter(code__in=TEXTS).order_by("pk"))
    if not orgs or not Asset.objects.filter(organization__in=orgs).exists():
        return
    now = now or timezone.now()
    with transaction.atomic():
        for org in orgs:
            _client(org, TEXTS[org.code], now)


def _people(org: Organization) -> tuple[User | None, User | None]:
    tech = (
        User.objects.filter(role=Role.TECHNICIAN, memberships__organization=org)
        .order_by("pk")
        .first()
    )
    admin = User.objects.filter(role=Role.CLIENT_ADMIN, organization=org).order_by("pk").first()
    return tech, admin


def _client(org: Organization, texts: Texts, now: datetime) -> None:
    tech, admin = _people(org)
    if tech is None or admin is None:
        return
    assets = {a.name: a for a in Asset.objects.for_org(org)}
    for n, item in enumerate(texts.advice):
        advised = now - timedelta(days=90 - 10 * n)
        asset = assets.get(item.asset)
        data = {
            "title": item.title,
            "rationale": item.rationale,
            "risk_if_declined": item.risk,
            "cost_once": item.cost_once,
            "cost_monthly": item.cost_monthly,
            "provider_interest": item.interest,
            "asset": asset.pk if asset else None,
        }
        rec = advice.save(Recommendation(organization=org), data, tech)
        Recommendation.objects.filter(pk=rec.pk).update(created_at=advised, updated_at=advised)
        if item.decision:
            advice.decide(rec, admin, item.decision, item.note, now=advised + timedelta(days=6))
    _later_ticket(org, texts, assets.get(texts.firewall), admin, now)
    _review(org, texts, tech, admin, now)


def _later_ticket(
    org: Organization, texts: Texts, firewall: Asset | None, admin: User, now: datetime
) -> None:
    """A ticket on the firewall after its replacement was declined."""
    if firewall is None:
        return
    ticket = desk.open_ticket(
        desk.NewTicket(
            organization=org, title=texts.later_ticket, impact="high", urgency="medium",
            requester=admin,
        ),
        actor=admin,
        at=now - timedelta(days=12),
    )  # fmt: skip
    TicketAsset.objects.update_or_create(ticket=ticket, defaults={"asset": firewall})


def _review(org: Organization, texts: Texts, tech: User, admin: User, now: datetime) -> None:
    """A review of the client's latest resolved P1 incident: one action done, one overdue,
    one due next month."""
    incident = (
        Ticket.objects.filter(
            organization=org, priority=Priority.P1, kind=Kind.INCIDENT, status__in=DONE_STATUSES
        )
        .order_by("-resolved_at", "-pk")
        .first()
    )
    if incident is None:
        return
    today = timezone.localdate(now)
    first, second, third = texts.actions
    reviews.save_review(
        incident,
        tech,
        dict(zip(("what_happened", "how_fixed", "how_to_avoid"), texts.review, strict=True)),
        [
            reviews.ActionIn(first, tech.pk, today - timedelta(days=20), True),
            reviews.ActionIn(second, tech.pk, today - timedelta(days=5)),
            reviews.ActionIn(third, admin.pk, today + timedelta(days=25)),
        ],
        now=now - timedelta(days=21),
    )
