"""Demo documentation for each demo client: assets, third parties (some accounts held by the
provider: the hostage list), renewal dates (one within 30 days) and documents written in the
client's language. Does nothing once any asset exists, or before the desk's demo made the
clients."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import Organization, Role, User
from steward.desk.models import Ticket
from steward.vault import actions_docs
from steward.vault.models import Asset, Document, TicketAsset, Vendor

# (name, kind, make, model, location, user, os, os_version, custom)
A = tuple[str, str, str, str, str, str, str, str, dict[str, str]]

ASSETS: dict[str, list[A]] = {
    "ACRO": [
        (
            "SRV-PIR-01",
            "server",
            "Dell",
            "PowerEdge T350",
            "Αίθουσα server, ισόγειο",
            "",
            "Windows Server",
            "2022",
            {"Ετικέτα": "ACR-0001", "UPS": "APC Smart-UPS 1500"},
        ),
        (
            "NAS-PIR-01",
            "server",
            "Synology",
            "DS920+",
            "Αίθουσα server, ισόγειο",
            "",
            "DSM",
            "7.2",
            {"Ετικέτα": "ACR-0002", "Δίσκοι": "4 x 8 TB RAID 5"},
        ),
        (
            "FW-PIR-01",
            "network",
            "Fortinet",
            "FortiGate 60F",
            "Αίθουσα server, ισόγειο",
            "",
            "FortiOS",
            "7.4.3",
            {"Ετικέτα": "ACR-0003"},
        ),
        (
            "SW-PIR-01",
            "network",
            "HPE Aruba",
            "1930 24G",
            "Αίθουσα server, ισόγειο",
            "",
            "",
            "",
            {},
        ),
        (
            "LAP-ELENI",
            "laptop",
            "Lenovo",
            "ThinkPad T14 Gen 4",
            "Γραφείο διοίκησης, 1ος",
            "Ελένη Παπαδοπούλου",
            "Windows 11 Pro",
            "23H2",
            {"Ετικέτα": "ACR-0101"},
        ),
        (
            "LAP-NIKOS",
            "laptop",
            "Lenovo",
            "ThinkPad T14 Gen 4",
            "Λογιστήριο, 1ος",
            "Νίκος Γεωργίου",
            "Windows 11 Pro",
            "23H2",
            {"Ετικέτα": "ACR-0102"},
        ),
        (
            "LAP-MARIA",
            "laptop",
            "HP",
            "EliteBook 840 G9",
            "Διακίνηση, ισόγειο",
            "Μαρία Κωνσταντίνου",
            "Windows 11 Pro",
            "22H2",
            {"Ετικέτα": "ACR-0103"},
        ),
        (
            "PC-DISPATCH-1",
            "workstation",
            "HP",
            "ProDesk 400 G9",
            "Διακίνηση, ισόγειο",
            "Βάρδια αποθήκης",
            "Windows 10 Pro",
            "22H2",
            {"Ετικέτα": "ACR-0201"},
        ),
        (
            "PRN-2F",
            "printer",
            "Konica Minolta",
            "bizhub C300i",
            "Διάδρομος, 2ος όροφος",
            "",
            "",
            "",
            {"Μίσθωση": "KM-2023-0447"},
        ),
        (
            "Microsoft 365",
            "cloud",
            "Microsoft",
            "Business Standard",
            "acropolis-logistics.onmicrosoft.com",
            "",
            "",
            "",
            {"Άδειες": "38"},
        ),
        (
            "Κινητό αποθήκης",
            "phone",
            "Samsung",
            "Galaxy XCover 6 Pro",
            "Αποθήκη",
            "Βάρδια αποθήκης",
            "Android",
            "14",
            {},
        ),
    ],
    "PDT": [
        (
            "SRV-SH-01",
            "server",
            "Lenovo",
            "ThinkSystem ST250 V2",
            "机房，3楼",
            "",
            "Windows Server",
            "2019",
            {"资产编号": "PDT-001"},
        ),
        (
            "NAS-SH-01",
            "server",
            "QNAP",
            "TS-464",
            "机房，3楼",
            "",
            "QTS",
            "5.1",
            {"资产编号": "PDT-002"},
        ),
        (
            "FW-SH-01",
            "network",
            "Sangfor",
            "NGAF M5100",
            "机房，3楼",
            "",
            "",
            "",
            {"资产编号": "PDT-003"},
        ),
        ("AP-3F", "network", "Ruijie", "RG-RAP2260", "办公区天花板，3楼", "", "", "", {}),
        (
            "LAP-WANGWEI",
            "laptop",
            "Lenovo",
            "ThinkPad X1 Carbon",
            "总经理办公室",
            "王伟",
            "Windows 11 Pro",
            "23H2",
            {"资产编号": "PDT-101"},
        ),
        (
            "LAP-LINA",
            "laptop",
            "Huawei",
            "MateBook 14",
            "财务部",
            "李娜",
            "Windows 11 Home",
            "23H2",
            {"资产编号": "PDT-102"},
        ),
        (
            "LAP-ZHANG",
            "laptop",
            "Dell",
            "Latitude 5440",
            "销售部",
            "张敏",
            "Windows 11 Pro",
            "22H2",
            {"资产编号": "PDT-103"},
        ),
        (
            "PC-RECEPTION",
            "workstation",
            "Lenovo",
            "ThinkCentre M70q",
            "前台",
            "前台",
            "Windows 10 Pro",
            "22H2",
            {},
        ),
        (
            "PRN-2F",
            "printer",
            "Brother",
            "MFC-L8900CDW",
            "2楼复印间",
            "",
            "",
            "",
            {"租赁合同": "BR-2024-0318"},
        ),
        (
            "Microsoft 365（世纪互联）",
            "cloud",
            "21Vianet",
            "Office 365 E3",
            "pudongtrading.partner.onmschina.cn",
            "",
            "",
            "",
            {"许可证": "27"},
        ),
    ],
    "THAM": [
        (
            "THAM-NAS",
            "server",
            "Synology",
            "DS1522+",
            "Comms cupboard, ground floor",
            "",
            "DSM",
            "7.2",
            {"Asset tag": "TA-001", "Drives": "5 x 12 TB SHR-2"},
        ),
        (
            "THAM-FW",
            "network",
            "Ubiquiti",
            "UniFi Dream Machine Pro",
            "Comms cupboard, ground floor",
            "",
            "UniFi OS",
            "3.2",
            {"Asset tag": "TA-002"},
        ),
        (
            "THAM-SW",
            "network",
            "Ubiquiti",
            "USW-24-PoE",
            "Comms cupboard, ground floor",
            "",
            "",
            "",
            {},
        ),
        (
            "MBP-OLIVIA",
            "laptop",
            "Apple",
            "MacBook Pro 14 M3",
            "Studio, 1st floor",
            "Olivia Smith",
            "macOS",
            "14.5",
            {"Asset tag": "TA-101"},
        ),
        (
            "MBP-JAMES",
            "laptop",
            "Apple",
            "MacBook Pro 16 M2",
            "Studio, 1st floor",
            "James Brown",
            "macOS",
            "14.5",
            {"Asset tag": "TA-102"},
        ),
        (
            "WS-RENDER-1",
            "workstation",
            "Dell",
            "Precision 5860",
            "Studio, 1st floor",
            "Rendering",
            "Windows 11 Pro for Workstations",
            "23H2",
            {"GPU": "RTX 5000 Ada", "Asset tag": "TA-201"},
        ),
        (
            "PLOTTER-2F",
            "printer",
            "HP",
            "DesignJet T850",
            "Print room, 2nd floor",
            "",
            "",
            "",
            {"Lease": "HPFS-88213"},
        ),
        (
            "PRN-2F",
            "printer",
            "Canon",
            "imageRUNNER ADVANCE C3926i",
            "Print room, 2nd floor",
            "",
            "",
            "",
            {"Lease": "CAN-2023-551"},
        ),
        (
            "Microsoft 365",
            "cloud",
            "Microsoft",
            "Business Premium",
            "thamesarchitects.onmicrosoft.com",
            "",
            "",
            "",
            {"Licences": "20"},
        ),
        (
            "Autodesk AEC Collection",
            "software",
            "Autodesk",
            "AEC Collection",
            "",
            "",
            "",
            "",
            {"Seats": "8"},
        ),
    ],
}

# (name, kind, account, holder, registered_to, support, renews in days, expires in days, notes)
V = tuple[str, str, str, str, str, str, int | None, int | None, str]

VENDORS: dict[str, list[V]] = {
    "ACRO": [
        (
            "Papaki",
            "registrar",
            "acropolis-logistics",
            "provider",
            "Acropolis Logistics S.A.",
            "support@papaki.example",
            19,
            None,
            "acropolis-logistics.gr, acropolis.com.gr",
        ),
        (
            "Cloudflare",
            "dns",
            "it@provider.example",
            "provider",
            "Πάροχος IT",
            "dash.cloudflare.com",
            None,
            None,
            "Ζώνες DNS για όλους τους τομείς.",
        ),
        (
            "Cosmote Business",
            "isp",
            "2104567890",
            "client",
            "Acropolis Logistics S.A.",
            "13888",
            210,
            None,
            "Οπτική ίνα 300/100, στατική IP 198.51.100.10.",
        ),
        (
            "Microsoft 365",
            "email",
            "acropolis-logistics.onmicrosoft.com",
            "provider",
            "Acropolis Logistics S.A.",
            "Microsoft 365 admin center",
            64,
            None,
            "38 άδειες Business Standard, μέσω του παρόχου (CSP).",
        ),
        (
            "Epsilon Net (PYLON)",
            "software",
            "ACR-44812",
            "client",
            "Acropolis Logistics S.A.",
            "210 0000000",
            120,
            None,
            "Λογιστικό λογισμικό, 3 χρήστες.",
        ),
        (
            "Konica Minolta Leasing",
            "hardware",
            "KM-2023-0447",
            "third_party",
            "Konica Minolta Hellas",
            "service@konica.example",
            None,
            300,
            "Μίσθωση PRN-2F με συντήρηση και τόνερ.",
        ),
    ],
    "PDT": [
        (
            "阿里云 万网",
            "registrar",
            "pudong-trading",
            "provider",
            "上海浦东贸易有限公司",
            "95187",
            150,
            None,
            "pudongtrading.cn, 已完成 ICP 备案。",
        ),
        (
            "DNSPod",
            "dns",
            "it@provider.example",
            "provider",
            "IT 服务商",
            "dnspod.cn",
            None,
            None,
            "所有域名的 DNS 解析。",
        ),
        (
            "中国电信",
            "isp",
            "021-58880000",
            "client",
            "上海浦东贸易有限公司",
            "10000",
            26,
            None,
            "企业光纤 500M，固定 IP 198.51.100.20。",
        ),
        (
            "世纪互联 Office 365",
            "email",
            "pudongtrading.partner.onmschina.cn",
            "provider",
            "上海浦东贸易有限公司",
            "400-089-0365",
            95,
            None,
            "27 个 E3 许可证。",
        ),
        (
            "用友畅捷通 T+",
            "software",
            "PDT-T+-2291",
            "client",
            "上海浦东贸易有限公司",
            "4006-600-566",
            200,
            None,
            "财务软件，4 个用户。",
        ),
        (
            "兄弟（中国）租赁",
            "hardware",
            "BR-2024-0318",
            "third_party",
            "兄弟（中国）商业有限公司",
            "400-820-1688",
            None,
            420,
            "PRN-2F 租赁，含维护。",
        ),
    ],
    "THAM": [
        (
            "Gandi",
            "registrar",
            "thames-architects",
            "client",
            "Thames Architects LLP",
            "support@gandi.example",
            240,
            None,
            "thamesarchitects.co.uk, thames-arch.com",
        ),
        (
            "Cloudflare",
            "dns",
            "it@provider.example",
            "provider",
            "IT provider",
            "dash.cloudflare.com",
            None,
            None,
            "DNS for both domains; move to the client's own account.",
        ),
        (
            "BT Business",
            "isp",
            "BT-0207946000",
            "client",
            "Thames Architects LLP",
            "0800 800 154",
            11,
            None,
            "Full fibre 900/110, static IP 198.51.100.30.",
        ),
        (
            "Microsoft 365",
            "email",
            "thamesarchitects.onmicrosoft.com",
            "provider",
            "Thames Architects LLP",
            "Microsoft 365 admin centre",
            140,
            None,
            "20 Business Premium licences through the provider (CSP).",
        ),
        (
            "Xero",
            "software",
            "THAM-XERO",
            "client",
            "Thames Architects LLP",
            "xero.com/support",
            45,
            None,
            "Accounts; the practice manager is the subscriber.",
        ),
        (
            "Canon Financial Services",
            "hardware",
            "CAN-2023-551",
            "third_party",
            "Canon (UK) Ltd",
            "0344 800 0000",
            None,
            28,
            "PRN-2F lease, includes service and toner; decide by the end of the month.",
        ),
    ],
}

DOCUMENTS: dict[str, list[tuple[str, str]]] = {
    "ACRO": [
        (
            "Σημειώσεις δικτύου",
            "# Δίκτυο γραφείων Πειραιά\n\n"
            "| VLAN | Χρήση | Δίκτυο |\n|---|---|---|\n"
            "| 10 | Γραφεία | 10.10.10.0/24 |\n| 20 | Αποθήκη (σαρωτές) | 10.10.20.0/24 |\n"
            "| 30 | Επισκέπτες | 10.10.30.0/24 |\n\n"
            "- Τείχος προστασίας: **FW-PIR-01** (FortiGate 60F), πύλη 10.10.10.1\n"
            "- DHCP και DNS: **SRV-PIR-01**\n"
            "- Ασύρματο επισκεπτών: απομονωμένο, μόνο Internet\n",
        ),
        (
            "Διαδικασία νέου υπαλλήλου",
            "# Νέος υπάλληλος\n\n"
            "1. Ο προϊστάμενος ανοίγει αίτημα **μία εβδομάδα πριν** την πρώτη μέρα.\n"
            "2. Λογαριασμός Microsoft 365 και άδεια Business Standard.\n"
            "3. Φορητός από το απόθεμα, με BitLocker και Intune.\n"
            "4. Πρόσβαση στους κοινόχρηστους φακέλους του τμήματος στο **NAS-PIR-01**.\n"
            "5. Εκπαίδευση 30 λεπτών: κωδικοί, phishing, πού ζητάμε βοήθεια.\n",
        ),
        (
            "Διαδικασία αντιγράφων ασφαλείας",
            "# Αντίγραφα ασφαλείας\n\n"
            "- Κάθε βράδυ 02:00: SRV-PIR-01 → NAS-PIR-01 (Veeam).\n"
            "- Κάθε Κυριακή: NAS-PIR-01 → cloud (Hyper Backup, κρυπτογραφημένο).\n"
            "- Κάθε μήνα: δοκιμή επαναφοράς 3 αρχείων, καταγράφεται στο αίτημα συντήρησης.\n",
        ),
    ],
    "PDT": [
        (
            "网络说明",
            "# 上海办公室网络\n\n"
            "| VLAN | 用途 | 网段 |\n|---|---|---|\n"
            "| 10 | 办公 | 192.168.10.0/24 |\n| 20 | 访客 Wi-Fi | 192.168.20.0/24 |\n\n"
            "- 防火墙：**FW-SH-01**（深信服），网关 192.168.10.1\n"
            "- 无线 AP：**AP-3F**，访客网络与办公网络隔离\n",
        ),
        (
            "新员工入职流程",
            "# 新员工入职\n\n"
            "1. 部门经理提前一周提交工单。\n"
            "2. 开通 Office 365 账号和 E3 许可证。\n"
            "3. 准备笔记本电脑，安装杀毒软件并加密硬盘。\n"
            "4. 开通 NAS-SH-01 上部门共享文件夹的权限。\n",
        ),
        (
            "备份流程",
            "# 备份\n\n"
            "- 每晚 01:00：SRV-SH-01 → NAS-SH-01。\n"
            "- 每周日：NAS-SH-01 → 阿里云 OSS（加密）。\n"
            "- 每月：恢复测试，记录在维护工单中。\n",
        ),
    ],
    "THAM": [
        (
            "Network notes",
            "# Bankside office network\n\n"
            "| VLAN | Use | Subnet |\n|---|---|---|\n"
            "| 1 | Studio | 10.0.1.0/24 |\n| 20 | Plotters and printers | 10.0.20.0/24 |\n"
            "| 30 | Guests | 10.0.30.0/24 |\n\n"
            "- Gateway and firewall: **THAM-FW** (UniFi Dream Machine Pro), 10.0.1.1\n"
            "- Project files on **THAM-NAS**, mapped as `P:` on Windows and over SMB on the Macs\n",
        ),
        (
            "New starter procedure",
            "# New starter\n\n"
            "1. The practice manager opens a ticket **a week before** the start date.\n"
            "2. Microsoft 365 account, Business Premium licence, added to the *Studio* group.\n"
            "3. MacBook from stock, enrolled in Intune, FileVault on.\n"
            "4. Autodesk seat assigned if they model; check a seat is free first.\n",
        ),
    ],
}


def seed(now: datetime | None = None) -> None:
    """Add each demo client's documentation (once)."""
    if Asset.objects.exists():
        return
    orgs = list(Organization.objects.filter(code__in=ASSETS).order_by("pk"))
    if not orgs:
        return
    now = now or timezone.now()
    with transaction.atomic():
        for org in orgs:
            _client(org, now)


def _client(org: Organization, now: datetime) -> None:
    today = actions_docs.local_today(org, now)
    assets = []
    for n, (name, kind, make, model, location, user, os, os_version, custom) in enumerate(
        ASSETS[org.code]
    ):
        purchased = today - timedelta(days=200 + 97 * n)
        assets.append(
            Asset(
                organization=org,
                name=name,
                kind=kind,
                make=make,
                model=model,
                serial="" if kind in ("cloud", "software") else f"{org.code}{n:03d}X{7 * n + 11}",
                location=location,
                user_name=user,
                purchased=None if kind in ("cloud", "software") else purchased,
                warranty_ends=None
                if kind in ("cloud", "software")
                else purchased + timedelta(days=3 * 365),
                os=os,
                os_version=os_version,
                last_seen=now - timedelta(minutes=17 * (n + 1)) if os else None,
                custom=custom,
                created_at=now - timedelta(days=90),
                updated_at=now - timedelta(days=90 - n),
            )
        )
    Asset.objects.bulk_create(assets)
    Vendor.objects.bulk_create(
        Vendor(
            organization=org,
            name=name,
            kind=kind,
            account=account,
            account_holder=holder,
            registered_to=registered_to,
            support_contact=support,
            renews=_in(today, renews),
            expires=_in(today, expires),
            notes=notes,
            created_at=now - timedelta(days=90),
            updated_at=now - timedelta(days=90),
        )
        for name, kind, account, holder, registered_to, support, renews, expires, notes in VENDORS[
            org.code
        ]
    )
    _documents(org, now)
    _ticket_links(org, {a.name: a for a in Asset.objects.for_org(org)})


def _in(today: date, days: int | None) -> date | None:
    return None if days is None else today + timedelta(days=days)


def _documents(org: Organization, now: datetime) -> None:
    tech = (
        User.objects.filter(role=Role.TECHNICIAN, memberships__organization=org)
        .order_by("pk")
        .first()
    )
    admin = User.objects.filter(role=Role.CLIENT_ADMIN, organization=org).order_by("pk").first()
    for n, (title, body) in enumerate(DOCUMENTS[org.code]):
        # A first draft, then the text as it stands: the history has something to show.
        draft = "\n".join(body.rstrip("\n").split("\n")[:-1]) + "\n"
        doc = Document(organization=org)
        actions_docs.save_document(doc, title, draft, tech)
        Document.objects.filter(pk=doc.pk).update(updated_at=now - timedelta(days=60 - n))
        doc.refresh_from_db()
        actions_docs.save_document(doc, title, body, admin if n == 1 and admin else tech)
        Document.objects.filter(pk=doc.pk).update(updated_at=now - timedelta(days=20 - n))


def _ticket_links(org: Organization, assets: dict[str, Any]) -> None:
    """Tickets whose title names a printer or a laptop's user are about that asset."""
    printer = assets.get("PRN-2F")
    by_user = {a.user_name.split()[0].lower(): a for a in assets.values() if a.user_name}
    links = []
    for ticket in Ticket.objects.filter(organization=org).only("pk", "title")[:2000]:
        title = ticket.title.lower()
        if printer is not None and any(w in title for w in ("printer", "print", "打印", "εκτυπ")):
            links.append(TicketAsset(ticket=ticket, asset=printer))
            continue
        for first_name, asset in by_user.items():
            if len(first_name) > 2 and first_name in title:
                links.append(TicketAsset(ticket=ticket, asset=asset))
                break
    TicketAsset.objects.bulk_create(links, ignore_conflicts=True)
