# ruff: noqa: E501
"""Recurring problems and ITIL Problems (issue 13): the recurring groups of a client's
tickets, the problems opened for them, the known-error card of the ticket page, and the model
labels those pages show. msgid: (Simplified Chinese, Greek)."""

T: dict[str, tuple[object, object]] = {
    # Model labels (steward/reports/models.py, problems)
    "Known error": ("已知错误", "Γνωστό σφάλμα"),
    "root cause": ("根本原因", "βασική αιτία"),
    "workaround": ("临时解决办法", "προσωρινή λύση"),
    "owner": ("负责人", "υπεύθυνος"),
    "problem": ("问题", "πρόβλημα"),
    "problems": ("问题", "προβλήματα"),
    # Tabs and pages
    "Problems": ("问题", "Προβλήματα"),
    "Recurring": ("重复出现", "Επαναλαμβανόμενα"),
    "Recurring problems": ("重复出现的问题", "Επαναλαμβανόμενα προβλήματα"),
    "Tickets that say the same thing in other words, or concern the same asset or check: three or more in the period.": (
        "用不同说法描述同一件事、或涉及同一资产或同一监控检查的工单：本期内三张及以上。",
        "Αιτήματα που λένε το ίδιο με άλλα λόγια ή αφορούν το ίδιο πάγιο ή τον ίδιο έλεγχο: τρία ή περισσότερα στην περίοδο.",
    ),
    "recurring: %(label)s, %(n)s ticket since %(since)s": (
        "重复出现：%(label)s，自 %(since)s 起共 %(n)s 张工单",
        (
            "επαναλαμβανόμενο: %(label)s, %(n)s αίτημα από %(since)s",
            "επαναλαμβανόμενο: %(label)s, %(n)s αιτήματα από %(since)s",
        ),
    ),
    "problem #%(n)s: %(status)s": ("问题 #%(n)s：%(status)s", "πρόβλημα #%(n)s: %(status)s"),
    "Open a problem": ("创建问题", "Άνοιγμα προβλήματος"),
    "Nothing recurring in this period.": (
        "本期内没有重复出现的问题。",
        "Τίποτα επαναλαμβανόμενο σε αυτή την περίοδο.",
    ),
    "No three tickets say the same thing or concern the same asset or check.": (
        "没有三张工单描述同一件事，或涉及同一资产或同一监控检查。",
        "Δεν υπάρχουν τρία αιτήματα που να λένε το ίδιο ή να αφορούν το ίδιο πάγιο ή τον ίδιο έλεγχο.",
    ),
    "All problems of this client": ("该客户的全部问题", "Όλα τα προβλήματα του πελάτη"),
    "The causes behind tickets that keep coming back: found, worked around, removed.": (
        "反复出现的工单背后的原因：查明、临时规避、彻底消除。",
        "Οι αιτίες πίσω από αιτήματα που επανέρχονται: εντοπίζονται, παρακάμπτονται, εξαλείφονται.",
    ),
    "Any": ("全部", "Όλα"),
    "No problems yet. Open one from a client's recurring tickets.": (
        "还没有问题。可从客户的重复工单中创建。",
        "Δεν υπάρχουν ακόμη προβλήματα. Ανοίξτε ένα από τα επαναλαμβανόμενα αιτήματα ενός πελάτη.",
    ),
    "Problem #%(n)s": ("问题 #%(n)s", "Πρόβλημα #%(n)s"),
    "Linked tickets": ("关联的工单", "Συνδεδεμένα αιτήματα"),
    "No tickets linked.": ("没有关联的工单。", "Κανένα συνδεδεμένο αίτημα."),
    "Recurring tickets of this client": (
        "该客户的重复工单",
        "Επαναλαμβανόμενα αιτήματα του πελάτη",
    ),
    "Faults that came back more than once, what causes them and what to do meanwhile.": (
        "多次出现的故障、其原因，以及在解决之前的应对办法。",
        "Βλάβες που εμφανίστηκαν ξανά, τι τις προκαλεί και τι να κάνετε στο μεταξύ.",
    ),
    "Workaround": ("临时解决办法", "Προσωρινή λύση"),
    "Root cause": ("根本原因", "Βασική αιτία"),
    "No problems recorded.": ("没有记录的问题。", "Δεν έχουν καταγραφεί προβλήματα."),
    "Not found yet.": ("尚未查明。", "Δεν έχει βρεθεί ακόμη."),
    "Matches known error: %(title)s": (
        "与已知错误相符：%(title)s",
        "Ταιριάζει με γνωστό σφάλμα: %(title)s",
    ),
    # The form and the rules
    "Shown on every new ticket that looks like this known error.": (
        "显示在每张与此已知错误相似的新工单上。",
        "Εμφανίζεται σε κάθε νέο αίτημα που μοιάζει με αυτό το γνωστό σφάλμα.",
    ),
    "Ticket numbers, separated by spaces or commas.": (
        "工单编号，以空格或逗号分隔。",
        "Αριθμοί αιτημάτων, χωρισμένοι με κενά ή κόμματα.",
    ),
    "Not tickets of this client: %(numbers)s.": (
        "不是该客户的工单：%(numbers)s。",
        "Δεν είναι αιτήματα αυτού του πελάτη: %(numbers)s.",
    ),
    "Not tickets of this client: %(ids)s.": (
        "不是该客户的工单：%(ids)s。",
        "Δεν είναι αιτήματα αυτού του πελάτη: %(ids)s.",
    ),
    "Give the problem a title.": ("请填写问题标题。", "Δώστε τίτλο στο πρόβλημα."),
    "A title is at most 200 characters.": (
        "标题最多 200 个字符。",
        "Ο τίτλος έχει έως 200 χαρακτήρες.",
    ),
    "Use one of %(values)s.": (
        "请使用以下之一：%(values)s。",
        "Χρησιμοποιήστε ένα από: %(values)s.",
    ),
    "The owner must be provider staff who look after this client.": (
        "负责人必须是负责该客户的服务商员工。",
        "Υπεύθυνος μπορεί να είναι μόνο προσωπικό του παρόχου που εξυπηρετεί αυτόν τον πελάτη.",
    ),
    "Problem opened.": ("问题已创建。", "Το πρόβλημα άνοιξε."),
    "Problem saved.": ("问题已保存。", "Το πρόβλημα αποθηκεύτηκε."),
}
