"""Preventive-maintenance plans and ticket checklists: the plans API, the occurrences' tickets,
the checklist on the desk and in the portal."""

from typing import Any

# msgid: (Simplified Chinese, Greek); a plural entry is keyed by its singular msgid.
T: dict[str, tuple[Any, Any]] = {
    # What a 404 names
    # API and plan errors
    "attachment: no such file on this ticket.": (
        "attachment：此工单上没有该文件。",
        "attachment: δεν υπάρχει τέτοιο αρχείο σε αυτό το αίτημα.",
    ),
    "check: no such check of this organization.": (
        "check：该组织没有此检查项。",
        "check: ο οργανισμός δεν έχει τέτοιον έλεγχο.",
    ),
    "Only provider staff change maintenance plans.": (
        "只有服务商员工可以更改维护计划。",
        "Μόνο το προσωπικό του παρόχου αλλάζει πλάνα συντήρησης.",
    ),
    "name: give the plan a name.": (
        "name：请为计划命名。",
        "name: δώστε ένα όνομα στο πλάνο.",
    ),
    "name: at most 200 characters.": (
        "name：最多 200 个字符。",
        "name: το πολύ 200 χαρακτήρες.",
    ),
    "starts: give a date and time with its offset.": (
        "starts：请给出带时区偏移的日期和时间。",
        "starts: δώστε ημερομηνία και ώρα με τη διαφορά ώρας.",
    ),
    "rrule: %(problem)s": ("rrule：%(problem)s", "rrule: %(problem)s"),
    "checklist: list at least one step.": (
        "checklist：至少列出一个步骤。",
        "checklist: γράψτε τουλάχιστον ένα βήμα.",
    ),
    "checklist: at most %(n)s steps.": (
        "checklist：最多 %(n)s 个步骤。",
        "checklist: το πολύ %(n)s βήματα.",
    ),
    "checklist: each step is one line of text.": (
        "checklist：每个步骤是一行文字。",
        "checklist: κάθε βήμα είναι μία γραμμή κειμένου.",
    ),
    "checklist: a step has at most 200 characters.": (
        "checklist：每个步骤最多 200 个字符。",
        "checklist: ένα βήμα έχει το πολύ 200 χαρακτήρες.",
    ),
    "estimated_minutes: between 1 and 100000.": (
        "estimated_minutes：介于 1 与 100000 之间。",
        "estimated_minutes: από 1 έως 100000.",
    ),
    "assignee: does not look after this organization.": (
        "assignee：此人不负责该组织。",
        "assignee: δεν φροντίζει αυτόν τον οργανισμό.",
    ),
    # The ticket an occurrence opens (in the organization's language)
    "Preventive maintenance: plan “%(plan)s”, due %(due)s. Estimated time: %(minutes)s "
    "minutes. Tick each step of the checklist with what you did and saw.": (
        "预防性维护：计划“%(plan)s”，到期时间 %(due)s。预计用时：%(minutes)s 分钟。"
        "请逐项勾选检查清单，并注明所做的工作和看到的情况。",
        "Προληπτική συντήρηση: πλάνο «%(plan)s», προθεσμία %(due)s. Εκτιμώμενος χρόνος: "
        "%(minutes)s λεπτά. Σημειώστε κάθε βήμα της λίστας ελέγχου με ό,τι κάνατε και είδατε.",
    ),
    "%(n)s earlier occurrence was missed and is recorded as skipped.": (
        "之前有 %(n)s 次未执行，已记为跳过。",
        (
            "%(n)s προηγούμενη εμφάνιση χάθηκε και καταγράφεται ως παραλειφθείσα.",
            "%(n)s προηγούμενες εμφανίσεις χάθηκαν και καταγράφονται ως παραλειφθείσες.",
        ),
    ),
    # The value report's figure
    "%(done)s of %(planned)s planned check done on time": (
        "计划的 %(planned)s 项检查中有 %(done)s 项按时完成",
        (
            "%(done)s από %(planned)s προγραμματισμένο έλεγχο έγινε εγκαίρως",
            "%(done)s από %(planned)s προγραμματισμένους ελέγχους έγιναν εγκαίρως",
        ),
    ),
    # The checklist on the desk and in the portal
    "Checklist": ("检查清单", "Λίστα ελέγχου"),
    "Done by %(who)s, %(when)s": ("由 %(who)s 完成，%(when)s", "Έγινε από %(who)s, %(when)s"),
    "Not done yet": ("尚未完成", "Δεν έχει γίνει ακόμη"),
    "Tick with evidence": ("附证据勾选", "Σημείωση με τεκμήρια"),
    "Done": ("已完成", "Έγινε"),
    "Evidence": ("证据", "Τεκμήρια"),
    "What you did and saw: the client reads this.": (
        "您做了什么、看到了什么：客户会看到这段说明。",
        "Τι κάνατε και τι είδατε: ο πελάτης το διαβάζει.",
    ),
    "File": ("文件", "Αρχείο"),
    "Kept as an internal note.": ("作为内部备注保存。", "Φυλάσσεται ως εσωτερική σημείωση."),
    "Checklist updated.": ("检查清单已更新。", "Η λίστα ελέγχου ενημερώθηκε."),
    "not done": ("未完成", "δεν έγινε"),
    # The plan pages
    "Maintenance plans": ("维护计划", "Πλάνα συντήρησης"),
    "New plan": ("新建计划", "Νέο πλάνο"),
    "Plan": ("计划", "Πλάνο"),
    "Next occurrences": ("接下来的执行时间", "Επόμενες εμφανίσεις"),
    "Done on time": ("按时完成", "Έγινε εγκαίρως"),
    "%(n)s step": ("%(n)s 个步骤", ("%(n)s βήμα", "%(n)s βήματα")),
    "Nothing due yet": ("尚无到期项", "Τίποτα δεν έχει λήξει ακόμη"),
    "No maintenance plans yet.": ("还没有维护计划。", "Δεν υπάρχουν ακόμη πλάνα συντήρησης."),
    "History": ("历史记录", "Ιστορικό"),
    "Due": ("到期", "Προθεσμία"),
    "Outcome": ("结果", "Αποτέλεσμα"),
    "Skipped": ("已跳过", "Παραλείφθηκε"),
    "Repeats (RRULE)": ("重复规则（RRULE）", "Επανάληψη (RRULE)"),
    "Estimated minutes": ("预计分钟数", "Εκτιμώμενα λεπτά"),
    "For example FREQ=MONTHLY;BYDAY=1MO: the first Monday of every month.": (
        "例如 FREQ=MONTHLY;BYDAY=1MO：每月第一个星期一。",
        "Για παράδειγμα FREQ=MONTHLY;BYDAY=1MO: την πρώτη Δευτέρα κάθε μήνα.",
    ),
    "First occurrence": ("首次执行", "Πρώτη εμφάνιση"),
    "In the organization's time zone; each occurrence keeps this time of day.": (
        "按该组织的时区；每次执行都保持这个时刻。",
        "Στη ζώνη ώρας του οργανισμού· κάθε εμφάνιση κρατά αυτή την ώρα της ημέρας.",
    ),
    "One step per line.": ("每行一个步骤。", "Ένα βήμα ανά γραμμή."),
    "Plan saved.": ("计划已保存。", "Το πλάνο αποθηκεύτηκε."),
    # The monitoring models and the desk's new kinds (the lead's models, translated here so
    # that the catalogs are complete on this branch)
}
