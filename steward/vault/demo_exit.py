# ruff: noqa: E501
"""Demo security posture: each demo client's checklist reviewed by its technician, most
controls reviewed with a mix of statuses, owners and evidence (in the client's language), one
review overdue and one control not reviewed yet."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Organization, Role, User
from steward.vault import posture
from steward.vault.models import Asset, AssetKind, PostureControl, PostureStatus

CLIENTS = ("ACRO", "PDT", "THAM")
MET, PARTIAL, NOT_MET, NA = (
    PostureStatus.MET,
    PostureStatus.PARTIAL,
    PostureStatus.NOT_MET,
    PostureStatus.NOT_APPLICABLE,
)

# control: (status per client ACRO, PDT, THAM; owner; evidence in en, el, zh-hans)
REVIEWS: dict[str, tuple[tuple[str, str, str], str, tuple[str, str, str]]] = {
    "ce.firewalls": (
        (MET, MET, PARTIAL),
        "IT provider",
        (
            "Office router firewall on, admin password changed; only VPN port open.",
            "Τείχος προστασίας του δρομολογητή ενεργό, ο κωδικός διαχειριστή άλλαξε· ανοιχτή μόνο η θύρα VPN.",
            "办公室路由器防火墙已开启，管理员密码已更改；只开放 VPN 端口。",
        ),
    ),
    "ce.secure_configuration": (
        (PARTIAL, MET, MET),
        "IT provider",
        (
            "Standard laptop build; two old local admin accounts still to remove.",
            "Τυπική εγκατάσταση φορητών· απομένουν δύο παλιοί τοπικοί λογαριασμοί διαχειριστή.",
            "笔记本电脑采用标准配置；还有两个旧的本地管理员账户待删除。",
        ),
    ),
    "ce.user_access": (
        (MET, PARTIAL, MET),
        "Office manager",
        (
            "Joiners and leavers checklist; admin accounts separate.",
            "Λίστα ελέγχου προσλήψεων και αποχωρήσεων· χωριστοί λογαριασμοί διαχειριστή.",
            "入职和离职清单；管理员账户单独设置。",
        ),
    ),
    "ce.malware": (
        (MET, MET, MET),
        "IT provider",
        (
            "Microsoft Defender on every computer, reporting to the provider.",
            "Microsoft Defender σε κάθε υπολογιστή, με αναφορές στον πάροχο.",
            "每台计算机都安装了 Microsoft Defender，并向服务商报告。",
        ),
    ),
    "ce.updates": (
        (PARTIAL, NOT_MET, MET),
        "IT provider",
        (
            "Monthly patch night; one laptop still on Windows 10.",
            "Μηνιαία νύχτα ενημερώσεων· ένας φορητός ακόμη με Windows 10.",
            "每月补丁之夜；还有一台笔记本电脑使用 Windows 10。",
        ),
    ),
    "iso.5.15": (
        (MET, MET, PARTIAL),
        "Managing director",
        (
            "Access policy signed; reviewed every six months.",
            "Υπογεγραμμένη πολιτική πρόσβασης· επανεξέταση κάθε έξι μήνες.",
            "访问策略已签署；每六个月复核一次。",
        ),
    ),
    "iso.5.23": (
        (PARTIAL, PARTIAL, MET),
        "Office manager",
        (
            "Microsoft 365 held by the client; hosting account still in the provider's name.",
            "Το Microsoft 365 ανήκει στον πελάτη· ο λογαριασμός φιλοξενίας είναι ακόμη στο όνομα του παρόχου.",
            "Microsoft 365 由客户持有；托管账户仍在服务商名下。",
        ),
    ),
    "iso.5.30": (
        (NOT_MET, PARTIAL, PARTIAL),
        "Managing director",
        (
            "No written continuity plan yet; recommended in the last review.",
            "Δεν υπάρχει ακόμη γραπτό σχέδιο συνέχειας· προτάθηκε στην τελευταία ανασκόπηση.",
            "尚无书面的连续性计划；已在上次评审中建议。",
        ),
    ),
    "iso.6.3": (
        (PARTIAL, NOT_MET, MET),
        "Office manager",
        (
            "Phishing training for new staff; yearly refresher not booked.",
            "Εκπαίδευση για το ηλεκτρονικό ψάρεμα στους νέους· η ετήσια επανάληψη δεν έχει οριστεί.",
            "新员工接受了网络钓鱼培训；年度复训尚未安排。",
        ),
    ),
    "iso.8.7": (
        (MET, MET, MET),
        "IT provider",
        (
            "Defender alerts open tickets automatically.",
            "Οι ειδοποιήσεις του Defender ανοίγουν αιτήματα αυτόματα.",
            "Defender 告警会自动创建工单。",
        ),
    ),
    "iso.8.8": (
        (PARTIAL, PARTIAL, MET),
        "IT provider",
        (
            "Vendor advisories read weekly; no vulnerability scan yet.",
            "Οι ανακοινώσεις των κατασκευαστών διαβάζονται εβδομαδιαία· καμία σάρωση ευπαθειών ακόμη.",
            "每周阅读厂商公告；尚未进行漏洞扫描。",
        ),
    ),
    "iso.8.13": (
        (MET, PARTIAL, MET),
        "IT provider",
        (
            "Nightly NAS backup watched by a heartbeat; restore tested quarterly.",
            "Νυχτερινό αντίγραφο στο NAS με παρακολούθηση παλμού· δοκιμή επαναφοράς κάθε τρίμηνο.",
            "每晚 NAS 备份由心跳监控；每季度测试恢复。",
        ),
    ),
    "iso.8.15": (
        (MET, MET, MET),
        "IT provider",
        (
            "Vault access log with signed checkpoints mailed to the client.",
            "Αρχείο πρόσβασης του θησαυροφυλακίου με υπογεγραμμένα σημεία ελέγχου που στέλνονται στον πελάτη.",
            "保险库访问日志，签名检查点通过邮件发送给客户。",
        ),
    ),
    # iso.8.20 stays "not reviewed" for every client.
}
OWNERS = {
    "IT provider": ("IT provider", "Πάροχος IT", "IT 服务商"),
    "Office manager": ("Office manager", "Υπεύθυνη γραφείου", "办公室经理"),
    "Managing director": ("Managing director", "Διευθύνων σύμβουλος", "总经理"),
}
# Which control's review each client let slip (its review date has passed).
OVERDUE = {"ACRO": "iso.5.30", "PDT": "ce.updates", "THAM": "iso.6.3"}
LANGUAGE = {"el": 1, "zh-hans": 2}


def seed(now: datetime | None = None) -> None:
    """Review the demo clients' checklists; does nothing once any of them was reviewed."""
    orgs = list(Organization.objects.filter(code__in=CLIENTS).order_by("pk"))
    if (
        not orgs
        or PostureControl.objects.filter(organization__in=orgs)
        .exclude(status=PostureStatus.UNKNOWN)
        .exists()
    ):
        return
    now = now or timezone.now()
    with transaction.atomic():
        for org in orgs:
            _client(org, now)


def _client(org: Organization, now: datetime) -> None:
    tech = (
        User.objects.filter(role=Role.TECHNICIAN, is_active=True, memberships__organization=org)
        .order_by("pk")
        .first()
    ) or User.objects.filter(role=Role.ADMIN).order_by("pk").first()
    if tech is None:
        return
    column = CLIENTS.index(org.code)
    text = LANGUAGE.get((org.language or "en").lower(), 0)
    computers = [
        a.pk
        for a in Asset.objects.filter(
            organization=org, kind__in=(AssetKind.LAPTOP, AssetKind.WORKSTATION)
        ).order_by("pk")[:5]
    ]
    posture.controls_of(org)
    for n, (key, (statuses, owner, evidence)) in enumerate(REVIEWS.items()):
        overdue = OVERDUE[org.code] == key
        review_by = timezone.localdate(now) + timedelta(days=(-12 if overdue else 60 + 15 * n))
        data: dict[str, object] = {
            "status": statuses[column],
            "owner": OWNERS[owner][text],
            "evidence": evidence[text],
            "review_by": review_by,
        }
        if key in ("ce.updates", "ce.malware") and computers:
            data["assets"] = computers
        posture.update(org, key, tech, data, now=now - timedelta(days=30 - n))
