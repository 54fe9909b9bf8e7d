# ruff: noqa: E501
"""Vault secrets (issue 12): credentials, their reveal, who may reveal, and the audit log, on
the desk, in the portal and in the API's errors.
msgid: (Simplified Chinese, Greek); plural entries: Greek as (one, other)."""

from typing import Any

T: dict[str, tuple[Any, Any]] = {
    # Models' choices (the foundation's, shown on these pages)
    "All staff assigned to us": ("所有负责我们的员工", "Όλο το προσωπικό που μας έχει ανατεθεί"),
    "Named people only": ("仅限指定人员", "Μόνο τα ονομαστικά πρόσωπα"),
    "Nobody (locked out)": ("任何人都不行（已锁定）", "Κανείς (αποκλεισμός)"),
    "Revealed a credential": ("查看了凭据", "Αποκάλυψε διαπιστευτήριο"),
    "Added a credential": ("添加了凭据", "Πρόσθεσε διαπιστευτήριο"),
    "Changed a credential": ("修改了凭据", "Άλλαξε διαπιστευτήριο"),
    "Changed a credential's secret": ("更换了凭据的密码", "Άλλαξε το μυστικό διαπιστευτηρίου"),
    "Deleted a credential": ("删除了凭据", "Διέγραψε διαπιστευτήριο"),
    "Changed who may reveal": ("修改了可查看人员", "Άλλαξε ποιος μπορεί να αποκαλύπτει"),
    "Downloaded the exit pack": ("下载了退出资料包", "Κατέβασε το πακέτο αποχώρησης"),
    "Provider staff signed in to the portal": (
        "服务商员工登录了门户",
        "Προσωπικό του παρόχου συνδέθηκε στην πύλη",
    ),
    "Re-encrypted under a new data key": (
        "已用新数据密钥重新加密",
        "Επανακρυπτογραφήθηκε με νέο κλειδί δεδομένων",
    ),
    # Rules and API errors
    "Only the client's administrators decide who may reveal.": (
        "只有客户的管理员可以决定谁能查看。",
        "Μόνο οι διαχειριστές του πελάτη αποφασίζουν ποιος μπορεί να αποκαλύπτει.",
    ),
    "mode: use one of %(values)s.": (
        "mode：请使用以下之一：%(values)s。",
        "mode: χρησιμοποιήστε ένα από τα %(values)s.",
    ),
    "people: %(ids)s are not provider staff who see this organization.": (
        "people：%(ids)s 不是能看到该组织的服务商员工。",
        "people: τα %(ids)s δεν είναι προσωπικό του παρόχου που βλέπει αυτόν τον οργανισμό.",
    ),
    "%(field)s: send text.": ("%(field)s：请发送文本。", "%(field)s: στείλτε κείμενο."),
    "%(field)s: at most %(n)s characters.": (
        "%(field)s：最多 %(n)s 个字符。",
        "%(field)s: έως %(n)s χαρακτήρες.",
    ),
    "totp_secret: not a base32 seed (letters A-Z and digits 2-7).": (
        "totp_secret：不是 base32 种子（字母 A-Z 和数字 2-7）。",
        "totp_secret: δεν είναι σπόρος base32 (γράμματα A-Z και ψηφία 2-7).",
    ),
    "name: give the credential a name.": (
        "name：请为凭据命名。",
        "name: δώστε όνομα στο διαπιστευτήριο.",
    ),
    "%(field)s: no such %(field)s in this organization.": (
        "%(field)s：该组织中没有这个 %(field)s。",
        "%(field)s: δεν υπάρχει τέτοιο %(field)s σε αυτόν τον οργανισμό.",
    ),
    "reason: say why you need this secret.": (
        "reason：请说明您为何需要这个密码。",
        "reason: πείτε γιατί χρειάζεστε αυτό το μυστικό.",
    ),
    "reason: at most %(n)s characters.": (
        "reason：最多 %(n)s 个字符。",
        "reason: έως %(n)s χαρακτήρες.",
    ),
    "The client has not allowed you to reveal this organization's secrets.": (
        "客户未允许您查看该组织的密码。",
        "Ο πελάτης δεν σας έχει επιτρέψει να αποκαλύπτετε τα μυστικά αυτού του οργανισμού.",
    ),
    "The audit log cannot be written just now, so the secret is not shown. Try again.": (
        "审计日志暂时无法写入，因此不显示密码。请重试。",
        "Το αρχείο ελέγχου δεν μπορεί να γραφτεί αυτή τη στιγμή, οπότε το μυστικό δεν εμφανίζεται. Δοκιμάστε ξανά.",
    ),
    "Your role does not read the vault.": (
        "您的角色无权读取保险库。",
        "Ο ρόλος σας δεν διαβάζει το θησαυροφυλάκιο.",
    ),
    # Forms
    "Username": ("用户名", "Όνομα χρήστη"),
    "Password or secret": ("密码或密钥", "Κωδικός ή μυστικό"),
    "URL": ("网址", "Διεύθυνση URL"),
    "TOTP seed": ("TOTP 种子", "Σπόρος TOTP"),
    "The base32 key of the authenticator app, e.g. JBSWY3DPEHPK3PXP.": (
        "身份验证器应用的 base32 密钥，例如 JBSWY3DPEHPK3PXP。",
        "Το κλειδί base32 της εφαρμογής επαλήθευσης, π.χ. JBSWY3DPEHPK3PXP.",
    ),
    "Notes": ("备注", "Σημειώσεις"),
    "Asset": ("资产", "Πάγιο"),
    "Third party": ("第三方", "Τρίτο μέρος"),
    "Not linked": ("未关联", "Χωρίς σύνδεση"),
    "Leave empty to keep the current one.": (
        "留空则保留当前值。",
        "Αφήστε κενό για να κρατηθεί το τρέχον.",
    ),
    "Why do you need it?": ("您为什么需要它？", "Γιατί το χρειάζεστε;"),
    "e.g. ticket ACME-42: router update": (
        "例如：工单 ACME-42：路由器更新",
        "π.χ. αίτημα ACME-42: ενημέρωση δρομολογητή",
    ),
    "Who on the provider's side may reveal": (
        "服务商方面谁可以查看",
        "Ποιος από την πλευρά του παρόχου μπορεί να αποκαλύπτει",
    ),
    "Named people": ("指定人员", "Ονομαστικά πρόσωπα"),
    "Used when the mode is “Named people only”.": (
        "在模式为“仅限指定人员”时使用。",
        "Χρησιμοποιείται όταν η επιλογή είναι «Μόνο τα ονομαστικά πρόσωπα».",
    ),
    # Views
    "Credential added.": ("凭据已添加。", "Το διαπιστευτήριο προστέθηκε."),
    "Credential saved.": ("凭据已保存。", "Το διαπιστευτήριο αποθηκεύτηκε."),
    "Credential %(name)s deleted.": (
        "凭据 %(name)s 已删除。",
        "Το διαπιστευτήριο %(name)s διαγράφηκε.",
    ),
    "Saved. The change is in the audit log.": (
        "已保存。此更改已记入审计日志。",
        "Αποθηκεύτηκε. Η αλλαγή είναι στο αρχείο ελέγχου.",
    ),
    # Pages
    "Credentials": ("凭据", "Διαπιστευτήρια"),
    "At risk": ("有风险", "Σε κίνδυνο"),
    "Who may reveal": ("谁可以查看", "Ποιος μπορεί να αποκαλύπτει"),
    "Audit log": ("审计日志", "Αρχείο ελέγχου"),
    "Your vault": ("您的保险库", "Το θησαυροφυλάκιό σας"),
    "Vault": ("保险库", "Θησαυροφυλάκιο"),
    "Credentials at risk": ("有风险的凭据", "Διαπιστευτήρια σε κίνδυνο"),
    "Revealed since their password last changed: someone has seen the password in force. Change them, and they leave this list.": (
        "自上次更改密码后被查看过：有人见过当前有效的密码。更改它们后，它们就会离开此列表。",
        "Αποκαλύφθηκαν μετά την τελευταία αλλαγή του κωδικού τους: κάποιος έχει δει τον ισχύοντα κωδικό. Αλλάξτε τους και φεύγουν από αυτή τη λίστα.",
    ),
    "Passwords kept for you, encrypted. Every reveal needs a reason and is written in the audit log first.": (
        "为您加密保管的密码。每次查看都需要理由，并先记入审计日志。",
        "Κωδικοί που φυλάσσονται για εσάς, κρυπτογραφημένοι. Κάθε αποκάλυψη χρειάζεται αιτιολογία και γράφεται πρώτα στο αρχείο ελέγχου.",
    ),
    "New credential": ("新建凭据", "Νέο διαπιστευτήριο"),
    "%(n)s credential was revealed since it last changed.": (
        "%(n)s 个凭据在上次更改后被查看过。",
        (
            "%(n)s διαπιστευτήριο αποκαλύφθηκε μετά την τελευταία αλλαγή του.",
            "%(n)s διαπιστευτήρια αποκαλύφθηκαν μετά την τελευταία αλλαγή τους.",
        ),
    ),
    "See them": ("查看它们", "Δείτε τα"),
    "The client has not allowed you to reveal this organization's secrets. You can still see the list and change credentials.": (
        "客户未允许您查看该组织的密码。您仍可查看列表并修改凭据。",
        "Ο πελάτης δεν σας έχει επιτρέψει να αποκαλύπτετε τα μυστικά αυτού του οργανισμού. Μπορείτε ακόμη να βλέπετε τη λίστα και να αλλάζετε διαπιστευτήρια.",
    ),
    "Linked to": ("关联到", "Συνδέεται με"),
    "Last revealed": ("上次查看", "Τελευταία αποκάλυψη"),
    "Revealed since it last changed": (
        "自上次更改后被查看过",
        "Αποκαλύφθηκε μετά την τελευταία αλλαγή του",
    ),
    "at risk": ("有风险", "σε κίνδυνο"),
    "a deleted user": ("已删除的用户", "διαγραμμένος χρήστης"),
    "Reveal": ("查看", "Αποκάλυψη"),
    "Nothing at risk: no password was revealed since it last changed.": (
        "没有风险：没有密码在上次更改后被查看过。",
        "Τίποτα σε κίνδυνο: κανένας κωδικός δεν αποκαλύφθηκε μετά την τελευταία αλλαγή του.",
    ),
    "No credentials yet.": ("暂无凭据。", "Δεν υπάρχουν ακόμη διαπιστευτήρια."),
    "Hidden again. Reveal it again if you still need it (another audit entry).": (
        "已再次隐藏。如仍需要，请再次查看（会新增一条审计记录）。",
        "Κρύφτηκε ξανά. Αποκαλύψτε το ξανά αν το χρειάζεστε ακόμη (νέα εγγραφή ελέγχου).",
    ),
    "One-time code": ("一次性验证码", "Κωδικός μίας χρήσης"),
    "Hidden again in <span data-countdown>%(s)s</span> s.": (
        "<span data-countdown>%(s)s</span> 秒后再次隐藏。",
        "Κρύβεται ξανά σε <span data-countdown>%(s)s</span> δευτ.",
    ),
    "Your name, the time and this reason go in the client's audit log before the password is shown.": (
        "在显示密码之前，您的姓名、时间和此理由会记入客户的审计日志。",
        "Το όνομά σας, η ώρα και αυτή η αιτιολογία γράφονται στο αρχείο ελέγχου του πελάτη πριν εμφανιστεί ο κωδικός.",
    ),
    "Reveal a password": ("查看密码", "Αποκάλυψη κωδικού"),
    "Edit credential": ("编辑凭据", "Επεξεργασία διαπιστευτηρίου"),
    "The password, notes and TOTP seed are encrypted before they are stored. A new password is a rotation: the credential is no longer at risk.": (
        "密码、备注和 TOTP 种子在存储前会被加密。新密码即为轮换：该凭据不再有风险。",
        "Ο κωδικός, οι σημειώσεις και ο σπόρος TOTP κρυπτογραφούνται πριν αποθηκευτούν. Νέος κωδικός σημαίνει εναλλαγή: το διαπιστευτήριο δεν είναι πια σε κίνδυνο.",
    ),
    "Delete credential": ("删除凭据", "Διαγραφή διαπιστευτηρίου"),
    "Delete the credential “%(name)s”? Its password is gone for good; the audit log keeps the record that it existed.": (
        "删除凭据“%(name)s”？其密码将永久消失；审计日志会保留它曾存在的记录。",
        "Διαγραφή του διαπιστευτηρίου «%(name)s»; Ο κωδικός του χάνεται οριστικά· το αρχείο ελέγχου κρατά την εγγραφή ότι υπήρξε.",
    ),
    "Who on your IT provider's side may see your passwords. Your own administrators always may. Every change is written in the audit log.": (
        "您的 IT 服务商方面谁可以查看您的密码。您自己的管理员始终可以。每次更改都会记入审计日志。",
        "Ποιος από την πλευρά του παρόχου IT σας μπορεί να βλέπει τους κωδικούς σας. Οι δικοί σας διαχειριστές μπορούν πάντα. Κάθε αλλαγή γράφεται στο αρχείο ελέγχου.",
    ),
    "No provider staff see your organization.": (
        "没有服务商员工能看到您的组织。",
        "Κανένα μέλος του προσωπικού του παρόχου δεν βλέπει τον οργανισμό σας.",
    ),
    "The client's decision": ("客户的决定", "Η απόφαση του πελάτη"),
    "Nobody is named.": ("未指定任何人。", "Δεν έχει οριστεί κανείς."),
    "Only the client's administrators change this, in their portal.": (
        "只有客户的管理员可以在其门户中更改此设置。",
        "Μόνο οι διαχειριστές του πελάτη το αλλάζουν, στην πύλη τους.",
    ),
    "may reveal": ("可以查看", "μπορείτε να αποκαλύπτετε"),
    "may not reveal": ("不可查看", "δεν μπορείτε να αποκαλύπτετε"),
    "Provider staff who see this organization": (
        "能看到该组织的服务商员工",
        "Προσωπικό του παρόχου που βλέπει αυτόν τον οργανισμό",
    ),
    "Every reveal, change and grant, chained by hashes: an entry edited, removed or moved afterwards breaks the chain and is named here.": (
        "每次查看、更改和授权都通过哈希串联：事后被编辑、删除或移动的记录会破坏链条，并在此处指明。",
        "Κάθε αποκάλυψη, αλλαγή και παραχώρηση, αλυσιδωμένες με κατακερματισμούς: μια εγγραφή που αλλάχτηκε, αφαιρέθηκε ή μετακινήθηκε εκ των υστέρων σπάει την αλυσίδα και κατονομάζεται εδώ.",
    ),
    "Chain intact": ("链条完整", "Αλυσίδα ακέραιη"),
    "%(entries)s entry": ("%(entries)s 条记录", ("%(entries)s εγγραφή", "%(entries)s εγγραφές")),
    "%(checkpoints)s signed checkpoint": (
        "%(checkpoints)s 个已签名检查点",
        (
            "%(checkpoints)s υπογεγραμμένο σημείο ελέγχου",
            "%(checkpoints)s υπογεγραμμένα σημεία ελέγχου",
        ),
    ),
    "last signed at entry %(seq)s, %(at)s": (
        "最近一次签名于第 %(seq)s 条记录，%(at)s",
        "τελευταία υπογραφή στην εγγραφή %(seq)s, %(at)s",
    ),
    "The chain is broken": ("链条已断裂", "Η αλυσίδα έχει σπάσει"),
    "the first bad entry is number %(seq)s.": (
        "第一条有问题的记录是第 %(seq)s 条。",
        "η πρώτη προβληματική εγγραφή είναι η υπ' αριθμόν %(seq)s.",
    ),
    "The log was changed after it was written: ask your provider why.": (
        "日志在写入后被更改过：请询问您的服务商原因。",
        "Το αρχείο άλλαξε αφού γράφτηκε: ρωτήστε τον πάροχό σας γιατί.",
    ),
    "Reason": ("理由", "Αιτιολογία"),
    "Hash": ("哈希", "Κατακερματισμός"),
    "Nothing recorded yet.": ("尚无记录。", "Δεν έχει καταγραφεί τίποτα ακόμη."),
    "Newer": ("较新", "Νεότερες"),
    "Older": ("较早", "Παλαιότερες"),
}
