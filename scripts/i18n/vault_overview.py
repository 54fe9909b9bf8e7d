# ruff: noqa: E501
"""The vault (issue 12): the overviews (desk and portal), the menu entry, and the foundation's
model labels. msgid: (Simplified Chinese, Greek)."""

T: dict[str, tuple[object, object]] = {
    "username": ("用户名", "όνομα χρήστη"),
    "credential": ("凭据", "διαπιστευτήριο"),
    "credentials": ("凭据", "διαπιστευτήρια"),
    "Knowledge": ("知识库", "Γνώση"),
    "Client knowledge": ("客户知识库", "Γνώση πελατών"),
    "What we know about each client's IT, kept as theirs: assets, third parties, documents and passwords, every look at a password logged where the client can check it.": (
        "我们对每位客户 IT 的了解，都归客户所有：资产、第三方、文档和密码；每次查看密码都会记录在客户可核查的日志中。",
        "Ό,τι γνωρίζουμε για την πληροφορική κάθε πελάτη, φυλαγμένο ως δικό του: εξοπλισμός, τρίτοι, έγγραφα και κωδικοί, με κάθε προβολή κωδικού καταγεγραμμένη εκεί όπου ο πελάτης μπορεί να την ελέγξει.",
    ),
    "Accounts we hold": ("我们持有的账户", "Λογαριασμοί που κατέχουμε"),
    "No client is assigned to you yet.": (
        "尚未为您分配客户。",
        "Δεν σας έχει ανατεθεί ακόμη πελάτης.",
    ),
    "Everything your IT provider knows about your IT, kept as yours.": (
        "您的 IT 服务商对您 IT 的一切了解，都归您所有。",
        "Ό,τι γνωρίζει ο πάροχος IT για την πληροφορική σας, φυλαγμένο ως δικό σας.",
    ),
    "What we know about this client's IT, kept as theirs.": (
        "我们对该客户 IT 的了解，都归客户所有。",
        "Ό,τι γνωρίζουμε για την πληροφορική αυτού του πελάτη, φυλαγμένο ως δικό του.",
    ),
    "Accounts your provider holds for you": (
        "服务商代您持有的账户",
        "Λογαριασμοί που κατέχει ο πάροχος για εσάς",
    ),
    "Accounts we hold for this client": (
        "我们代该客户持有的账户",
        "Λογαριασμοί που κατέχουμε για αυτόν τον πελάτη",
    ),
    "Third-party accounts held in your provider's name or login. Ask for each to be moved to you: they are what makes leaving hard.": (
        "以服务商名义或登录持有的第三方账户。请要求将每个账户转到您名下：正是它们让更换服务商变得困难。",
        "Λογαριασμοί τρίτων στο όνομα ή με τα στοιχεία σύνδεσης του παρόχου σας. Ζητήστε να μεταφερθεί ο καθένας σε εσάς: αυτοί κάνουν δύσκολη την αποχώρηση.",
    ),
    "Third-party accounts held in our name or login: the client should hold them.": (
        "以我们名义或登录持有的第三方账户：应由客户持有。",
        "Λογαριασμοί τρίτων στο όνομά μας ή με τα στοιχεία σύνδεσής μας: θα έπρεπε να τους κατέχει ο πελάτης.",
    ),
    "None: every recorded account is held by the client or a third party.": (
        "无：所有已记录的账户都由客户或第三方持有。",
        "Κανένας: κάθε καταγεγραμμένος λογαριασμός ανήκει στον πελάτη ή σε τρίτο.",
    ),
    "Passwords at risk": ("有风险的密码", "Κωδικοί σε κίνδυνο"),
    "Revealed since they last changed: someone has seen the password in force. Change them, and they are no longer at risk.": (
        "自上次更改后已被查看：有人看到了当前有效的密码。更改后即不再有风险。",
        "Προβλήθηκαν από την τελευταία αλλαγή τους: κάποιος έχει δει τον ισχύοντα κωδικό. Αλλάξτε τους και δεν θα είναι πια σε κίνδυνο.",
    ),
    "revealed %(at)s by %(who)s": ("%(at)s 由 %(who)s 查看", "προβλήθηκε %(at)s από %(who)s"),
    "Watched and maintained": ("监控与维护", "Παρακολούθηση και συντήρηση"),
    "The client's asset it watches, if it is recorded.": (
        "它所监控的客户资产（如已记录）。",
        "Το πάγιο του πελάτη που παρακολουθεί, αν έχει καταγραφεί.",
    ),
    "asset: no such asset of this organization.": (
        "asset：该机构没有这项资产。",
        "asset: δεν υπάρχει τέτοιο πάγιο αυτού του οργανισμού.",
    ),
    "Maintenance plan": ("维护计划", "Πλάνο συντήρησης"),
}
