"""Recurring problems: detection over 10,000 synthetic tickets of one organization in English,
Greek and Chinese, timed, and scored against the generator's truth (adjusted Rand index).

Run: .venv/bin/python bench/reports_recurring.py [--tickets 10000] [--seed 1]

Each fault is said many ways: a subject and a complaint chosen from a few phrasings, with
ticket numbers, counts, punctuation and "urgent" added at random, and one of three opening
lines as the description. One fault (the 2F printer) is said in all three languages and its
tickets are linked to one asset: the only thing that joins them. One ticket in ten is about
something else entirely (unique text): those must stay out of every cluster. Times
`recurring.group` (what `recurring.clusters` runs after reading the rows) without the
database; reading 10,000 rows adds tens of milliseconds.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# fault -> (subjects, complaints, descriptions); the title is "subject complaint"
EN = {
    "printer": (
        ["printer on 2F", "2nd floor printer", "the second floor printer", "printer (2F)"],
        ["does not print", "not printing", "won't print anything", "prints nothing"],
        ["Jobs stay in the queue.", "Nothing comes out.", "It shows ready but no paper out."],
    ),
    "vpn": (
        ["VPN", "my VPN", "the VPN from home", "VPN connection"],
        ["keeps dropping", "disconnects every hour", "drops all the time", "keeps disconnecting"],
        ["I lose my session.", "Happens when working from home.", "It dropped during a call."],
    ),
    "quota": (
        ["mailbox", "my mailbox", "email mailbox", "Outlook mailbox"],
        ["is full", "over quota", "quota exceeded", "full, cannot send"],
        ["Mail bounces.", "Outlook shows a quota warning.", "Cannot send email."],
    ),
    "outlook_pw": (
        ["Outlook", "Outlook on my laptop", "outlook desktop", "Outlook app"],
        ["keeps asking for my password", "asks for password again", "password prompt loop"],
        ["Every few minutes.", "Since this morning.", "Even after I type it."],
    ),
    "wifi": (
        ["wifi in meeting room", "meeting room wifi", "WiFi (meeting room B)", "guest wifi"],
        ["is very slow", "keeps disconnecting", "no internet", "does not connect"],
        ["Clients could not join.", "Laptops lose the network.", "Speed test shows 1 Mbps."],
    ),
    "backup": (
        ["backup job", "nightly backup", "NAS backup", "the backup"],
        ["failed", "failed last night", "did not run", "reports errors"],
        ["The report says FAILED.", "No backup since Monday.", "Error in the backup log."],
    ),
}
EL = {
    "printer": (
        ["Ο εκτυπωτής στον 2ο όροφο", "εκτυπωτης 2ος οροφος", "Ο εκτυπωτής του δεύτερου ορόφου"],
        ["δεν τυπώνει", "δεν βγάζει τίποτα", "δεν τυπωνει καθολου", "σταμάτησε να τυπώνει"],
        ["Οι εκτυπώσεις μένουν στην ουρά.", "Δείχνει έτοιμος.", "Από το πρωί."],
    ),
    "vpn": (
        ["Το VPN", "το vpn", "Η σύνδεση VPN", "Το VPN από το σπίτι"],
        ["αποσυνδέεται συνέχεια", "πέφτει κάθε ώρα", "πεφτει συνεχεια", "κόβεται συχνά"],
        ["Χάνω τη δουλειά μου.", "Από το σπίτι.", "Κόπηκε ξανά σε κλήση."],
    ),
    "quota": (
        ["Το γραμματοκιβώτιο", "Το γραμματοκιβώτιό μου", "Το email μου", "Γραμματοκιβώτιο"],
        ["γέμισε", "είναι γεμάτο", "γεμισε παλι", "ξεπέρασε το όριο"],
        ["Δεν στέλνω email.", "Μήνυμα για το όριο.", "Επιστρέφουν τα μηνύματα."],
    ),
    "slow_net": (
        ["Το δίκτυο στο γραφείο", "Δίκτυο γραφείου", "Το ίντερνετ", "Η σύνδεση στο γραφείο"],
        ["είναι πολύ αργό", "αργεί πολύ", "σέρνεται", "είναι αργο σημερα"],
        ["Τα αρχεία ανοίγουν αργά.", "Όλοι παραπονιούνται.", "Από το μεσημέρι."],
    ),
    "erp": (
        ["Το ERP", "Η εφαρμογή ERP", "Το πρόγραμμα λογιστηρίου", "ERP"],
        ["δεν ανοίγει", "κολλάει στην είσοδο", "βγάζει σφάλμα", "δεν φορτώνει"],
        ["Σφάλμα βάσης δεδομένων.", "Κολλάει στην αρχική οθόνη.", "Σε όλους στο λογιστήριο."],
    ),
    "scanner": (
        ["Το σκάνερ", "Ο σαρωτής", "Το σκανερ της ρεσεψιόν", "Σαρωτής ρεσεψιόν"],
        ["δεν στέλνει email", "δεν σαρώνει", "δεν στελνει τα αρχεια", "δεν λειτουργεί"],
        ["Δεν φτάνει τίποτα στο email.", "Βγάζει σφάλμα SMTP.", "Από χθες."],
    ),
}
ZH = {
    "printer": (
        ["二楼打印机", "二楼的打印机", "打印机(二楼)", "二楼那台打印机"],
        ["无法打印", "不能打印了", "打印不出来", "不打印"],
        ["打印任务一直在队列里。", "显示就绪但是不打印。", "从早上开始就这样。"],
    ),
    "vpn": (
        ["VPN", "在家 VPN", "VPN 连接", "我的 VPN"],
        ["经常断开", "每小时断开一次", "总是断", "连接不稳定"],
        ["需要重新登录。", "开会的时候又断了。", "从周一开始。"],
    ),
    "quota": (
        ["邮箱", "我的邮箱", "Outlook 邮箱", "公司邮箱"],
        ["已满", "容量超出限制", "又满了", "满了发不了邮件"],
        ["邮件发不出去。", "收到容量警告。", "无法发送。"],
    ),
    "disk": (
        ["服务器磁盘", "文件服务器", "服务器硬盘", "文件服务器磁盘"],
        ["空间不足", "快满了", "没有空间了", "容量不够"],
        ["提示磁盘空间不足。", "无法保存文件。", "备份失败。"],
    ),
    "login": (
        ["电脑", "我的电脑", "笔记本电脑", "办公电脑"],
        ["无法登录", "登录不了", "登录时卡住", "不能登录域账号"],
        ["输入密码后没有反应。", "提示信任关系失败。", "今天早上开始。"],
    ),
    "projector": (
        ["会议室投影仪", "投影仪", "大会议室的投影仪", "会议室的投影"],
        ["没有信号", "无法连接", "连不上电脑", "不显示"],
        ["笔记本接上没有画面。", "显示无信号。", "下午有客户会议。"],
    ),
}
LANGUAGES = {"en": EN, "el": EL, "zh-hans": ZH}
# What normalisation takes away (case, numbers, references, punctuation), but for "Re:".
NOISE_BEFORE = ["", "", "", "Re: "]
NOISE_AFTER = ["", "", " !!", " #{n}", " ({n})", "...", " - ACME-{n}"]
# Tickets about one-off things: three words of these, in any order.
OTHER = (  # noqa: SIM905 (a list of 49 strings would not fit the lines)
    "invoice chair licence phone badge training parking cable desk keyboard mouse toner "
    "contract visitor alarm camera door fridge coffee lamp plant window heater shelf "
    "τιμολόγιο καρέκλα άδεια τηλέφωνο κάρτα εκπαίδευση πάρκινγκ καλώδιο γραφείο πληκτρολόγιο "
    "发票 椅子 许可证 电话 工牌 培训 停车 电缆 键盘 鼠标 墨盒 合同 访客 门禁 摄像头"
).split()


def generate(tickets: int, seed: int) -> tuple[list[Any], dict[int, str], list[tuple[int, int]]]:
    """(docs, truth: ticket -> fault or its own id, asset links) for `tickets` tickets."""
    from steward.reports.recurring import Doc

    rng = random.Random(seed)
    start = datetime(2026, 9, 1, tzinfo=UTC)
    faults = [(lang, fault) for lang, table in LANGUAGES.items() for fault in table]
    docs, truth, links = [], {}, []
    for pk in range(1, tickets + 1):
        at = start + timedelta(minutes=rng.randrange(90 * 24 * 60))
        if rng.random() < 0.1:
            title = " ".join(rng.sample(OTHER, 3))
            docs.append(Doc(pk, title, title, at))
            truth[pk] = f"other-{pk}"
            continue
        lang, fault = rng.choice(faults)
        subjects, complaints, descriptions = LANGUAGES[lang][fault]
        n = rng.randrange(1, 999)
        title = (
            rng.choice(NOISE_BEFORE)
            + f"{rng.choice(subjects)} {rng.choice(complaints)}"
            + rng.choice(NOISE_AFTER).format(n=n)
        )
        docs.append(Doc(pk, title, f"{title} {rng.choice(descriptions)}", at))
        # The printer is one asset whatever the language: that is what joins them.
        truth[pk] = fault if fault == "printer" else f"{lang}:{fault}"
        if fault == "printer":
            links.append((1, pk))
    return docs, truth, links


def run(args: argparse.Namespace) -> list[dict[str, Any]]:
    """One row: tickets, distinct texts, clusters, seconds, adjusted Rand index."""
    from sklearn.metrics import adjusted_rand_score

    from steward.reports import recurring

    docs, truth, links = generate(args.tickets, args.seed)
    started = time.perf_counter()
    found = recurring.group(docs, [links])
    seconds = time.perf_counter() - started
    predicted = {pk: f"c{n}" for n, c in enumerate(found) for pk in c.tickets}
    ids = [d.pk for d in docs]
    ari = adjusted_rand_score([truth[i] for i in ids], [predicted.get(i, f"s{i}") for i in ids])
    distinct = len({recurring.normalise(d.text) for d in docs})
    return [
        {
            "tickets": len(docs),
            "distinct": distinct,
            "clusters": len(found),
            "truth": len({t for t in truth.values() if not t.startswith("other-")}),
            "seconds": seconds,
            "ari": ari,
        }
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steward.settings")
    import django

    django.setup()
    print(f"{'tickets':>8} {'distinct':>9} {'clusters':>9} {'truth':>6} {'seconds':>8} {'ARI':>6}")
    for row in run(args):
        print(
            f"{row['tickets']:>8} {row['distinct']:>9} {row['clusters']:>9} {row['truth']:>6} "
            f"{row['seconds']:>8.2f} {row['ari']:>6.3f}"
        )
    print(
        f"Python {platform.python_version()}, scikit-learn {version('scikit-learn')}, "
        f"scipy {version('scipy')}, numpy {version('numpy')}, {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
