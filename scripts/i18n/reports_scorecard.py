# ruff: noqa: E501
"""Reports, scorecard (issue 13): the scorecard pages, the reports home's SLA column and the
scorecard API's refusal. msgid: (Simplified Chinese, Greek)."""

T: dict[str, tuple[object, object]] = {
    "Scorecard": ("计分卡", "Κάρτα επιδόσεων"),
    "%(s)s to %(e)s, against the agreement's targets and the same length of time just before.": (
        "%(s)s 至 %(e)s，对照协议的目标以及紧接其前的同样长的一段时间。",
        "%(s)s έως %(e)s, σε σύγκριση με τους στόχους της σύμβασης και το ίδιο διάστημα αμέσως πριν.",
    ),
    "Open these in the queue": ("在队列中打开这些工单", "Άνοιγμα αυτών στην ουρά"),
    "no target": ("无目标", "χωρίς στόχο"),
    "Target: %(t)s": ("目标：%(t)s", "Στόχος: %(t)s"),
    "Counted: %(n)s %(what)s": ("统计：%(n)s %(what)s", "Μετρήθηκαν: %(n)s %(what)s"),
    "%(rate)s of %(sent)s surveys answered": (
        "%(sent)s 份调查中已答复 %(rate)s",
        "απαντήθηκε το %(rate)s από %(sent)s έρευνες",
    ),
    "No tickets opened in this period.": (
        "此期间没有新开的工单。",
        "Δεν άνοιξαν αιτήματα σε αυτό το διάστημα.",
    ),
    "Business time is counted in each ticket's business calendar; resolution time leaves out the time a ticket waited on the client or a third party. A value with nothing to count is shown as —.": (
        "工作时间按每张工单的工作日历计算；解决时间不包括工单等待客户或第三方的时间。没有可统计内容的值显示为 —。",
        "Ο εργάσιμος χρόνος μετριέται στο ημερολόγιο εργασίας κάθε αιτήματος· ο χρόνος επίλυσης αφήνει έξω τον χρόνο που το αίτημα περίμενε τον πελάτη ή τρίτο. Μια τιμή χωρίς τίποτα να μετρηθεί εμφανίζεται ως —.",
    ),
    "up from %(p)s": ("高于之前的 %(p)s", "άνοδος από %(p)s"),
    "down from %(p)s": ("低于之前的 %(p)s", "πτώση από %(p)s"),
    "same as before": ("与之前相同", "ίδιο με πριν"),
    "before: %(p)s": ("之前：%(p)s", "πριν: %(p)s"),
    "Tickets opened": ("新开工单", "Αιτήματα που άνοιξαν"),
    "Tickets resolved": ("已解决工单", "Αιτήματα που επιλύθηκαν"),
    "Still open at the end": ("期末仍未关闭", "Ακόμη ανοιχτά στο τέλος"),
    "Resolved at first contact": ("首次联系即解决", "Επίλυση με την πρώτη επαφή"),
    "targets decided": ("个已判定的目标", "στόχοι που κρίθηκαν"),
    "tickets answered": ("张已答复的工单", "αιτήματα που απαντήθηκαν"),
    "tickets resolved": ("张已解决的工单", "αιτήματα που επιλύθηκαν"),
    "answers": ("份答复", "απαντήσεις"),
    "%(n)s %%": ("%(n)s%%", "%(n)s%%"),
    "%(n)s min": ("%(n)s 分钟", "%(n)s λεπτά"),
    "%(n)s h": ("%(n)s 小时", "%(n)s ώρες"),
    "%(n)s / 5": ("%(n)s / 5", "%(n)s / 5"),
    "Opened by priority": ("按优先级的新开工单", "Νέα αιτήματα ανά προτεραιότητα"),
    "Opened by source": ("按来源的新开工单", "Νέα αιτήματα ανά πηγή"),
    "Only the client's administrators read this.": (
        "只有客户的管理员可以查看此内容。",
        "Μόνο οι διαχειριστές του πελάτη το διαβάζουν.",
    ),
    "Targets met over the last 90 days": (
        "最近 90 天内达成的目标",
        "Στόχοι που τηρήθηκαν τις τελευταίες 90 ημέρες",
    ),
    "SLA, last 90 days": ("SLA，最近 90 天", "SLA, τελευταίες 90 ημέρες"),
}
