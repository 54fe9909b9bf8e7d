# ruff: noqa: E501
"""Reports (issue 13), downtime: the desk's and the portal's downtime pages.
msgid: (Simplified Chinese, Greek); a plural entry is keyed by its singular msgid and gives
(one text for Chinese, (one, other) for Greek)."""

from typing import Any

T: dict[str, tuple[Any, Any]] = {
    "Downtime": ("停机时间", "Διακοπές λειτουργίας"),
    "Downtime and what it cost": ("停机时间及其代价", "Διακοπές λειτουργίας και το κόστος τους"),
    "%(s)s to %(e)s: when the checks were down and incidents stopped the business, and what monitoring and maintenance prevented.": (
        "%(s)s 至 %(e)s：检查何时故障、哪些事件使业务停顿，以及监控和维护避免了什么。",
        "%(s)s έως %(e)s: πότε οι έλεγχοι ήταν εκτός λειτουργίας και πότε περιστατικά σταμάτησαν την επιχείρηση, και τι απέτρεψαν η παρακολούθηση και η συντήρηση.",
    ),
    "%(n)s outage, overlaps counted once": (
        "%(n)s 次停机，重叠部分只计一次",
        (
            "%(n)s διακοπή, οι επικαλύψεις μετρούν μία φορά",
            "%(n)s διακοπές, οι επικαλύψεις μετρούν μία φορά",
        ),
    ),
    "Cost of the downtime": ("停机的代价", "Κόστος της διακοπής"),
    "%(n)s person": ("%(n)s 人", ("%(n)s άτομο", "%(n)s άτομα")),
    "Billed for the fixes": ("修复所收费用", "Χρεώθηκαν για την επισκευή"),
    "Repair is typically ~12% of an outage's total cost.": (
        "修复费用通常只占停机总代价的约 12%。",
        "Η επισκευή είναι συνήθως ~12% του συνολικού κόστους μιας διακοπής.",
    ),
    "Caught early": ("及早发现", "Εντοπίστηκαν νωρίς"),
    "Incidents monitoring opened before anyone reported the problem.": (
        "在有人报告问题之前由监控开启的事件。",
        "Περιστατικά που άνοιξε η παρακολούθηση πριν αναφέρει κανείς το πρόβλημα.",
    ),
    "The organization's headcount is not set, so the cost counts the people with portal accounts (%(n)s).": (
        "未设置该组织的员工人数，因此代价按拥有门户账户的人数（%(n)s）计算。",
        "Ο αριθμός εργαζομένων του οργανισμού δεν έχει οριστεί, οπότε το κόστος μετρά τα άτομα με λογαριασμό στην πύλη (%(n)s).",
    ),
    "Outages": ("停机", "Διακοπές"),
    "Timeline of the period": ("本期时间线", "Χρονολόγιο της περιόδου"),
    "Down during maintenance": ("维护期间故障", "Εκτός λειτουργίας κατά τη συντήρηση"),
    "What was down": ("故障对象", "Τι ήταν εκτός λειτουργίας"),
    "still down": ("仍在故障", "ακόμη εκτός λειτουργίας"),
    "%(n)s more outage not listed.": (
        "另有 %(n)s 次停机未列出。",
        ("Άλλη %(n)s διακοπή δεν εμφανίζεται.", "Άλλες %(n)s διακοπές δεν εμφανίζονται."),
    ),
    "No downtime in this period.": ("本期没有停机。", "Καμία διακοπή σε αυτή την περίοδο."),
    "During maintenance windows": ("维护时段内", "Κατά τα παράθυρα συντήρησης"),
    "Planned work: down time inside a maintenance window is shown here and not counted above.": (
        "计划内的工作：维护时段内的故障时间显示在这里，不计入上面的停机时间。",
        "Προγραμματισμένη εργασία: ο χρόνος εκτός λειτουργίας μέσα σε παράθυρο συντήρησης εμφανίζεται εδώ και δεν μετρά παραπάνω.",
    ),
    "Preventive maintenance": ("预防性维护", "Προληπτική συντήρηση"),
    "No maintenance was planned in this period.": (
        "本期没有计划的维护。",
        "Δεν είχε προγραμματιστεί συντήρηση σε αυτή την περίοδο.",
    ),
    "Compare what the agreement cost with break-fix": (
        "将协议费用与按次维修比较",
        "Σύγκριση του κόστους της σύμβασης με την επισκευή κατά περίπτωση",
    ),
}
