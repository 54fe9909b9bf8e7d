"""Languages, dates and units (issue 10 section 5): the strings the catalogs still lacked, and
the fuzzy guesses msgmerge made, translated. msgid: (Simplified Chinese, Greek)."""

from __future__ import annotations

from typing import Any

T: dict[str, tuple[Any, Any]] = {
    # Organizations, provider, people (model fields and choices)
    "Active": ("活跃", "Ενεργός"),
    "Onboarding": ("接入中", "Σε ένταξη"),
    "Inactive": ("已停用", "Ανενεργός"),
    "code": ("代码", "κωδικός"),
    "2-12 capital letters or digits, starting with a letter.": (
        "2–12 个大写字母或数字，以字母开头。",
        "2-12 κεφαλαία γράμματα ή ψηφία, με γράμμα στην αρχή.",
    ),
    "Short code used in ticket numbers, e.g. ACME.": (
        "用于工单编号的简短代码，例如 ACME。",
        "Σύντομος κωδικός για τους αριθμούς αιτημάτων, π.χ. ACME.",
    ),
    "time zone": ("时区", "ζώνη ώρας"),
    "language": ("语言", "γλώσσα"),
    "business calendar": ("工作日历", "ημερολόγιο εργασίας"),
    "IT manager": ("IT 负责人", "υπεύθυνος IT"),
    "status": ("状态", "κατάσταση"),
    "headcount": ("员工人数", "αριθμός εργαζομένων"),
    "legal name": ("法定名称", "επωνυμία"),
    "Empty: the name above.": ("留空：使用上面的名称。", "Κενό: το παραπάνω όνομα."),
    "billing address": ("账单地址", "διεύθυνση τιμολόγησης"),
    "country": ("国家/地区", "χώρα"),
    "ISO 3166 code, e.g. GR.": ("ISO 3166 代码，例如 CN。", "Κωδικός ISO 3166, π.χ. GR."),
    "tax or VAT number": ("税号", "ΑΦΜ"),
    "users see all of the organization's tickets": (
        "用户可查看本机构的全部工单",
        "οι χρήστες βλέπουν όλα τα αιτήματα του οργανισμού",
    ),
    "organization": ("机构", "οργανισμός"),
    "organizations": ("机构", "οργανισμοί"),
    "address": ("地址", "διεύθυνση"),
    "company registration number": ("公司注册号", "αριθμός ΓΕΜΗ"),
    "email": ("电子邮件", "email"),
    "website": ("网站", "ιστότοπος"),
    "logo": ("标志", "λογότυπο"),
    "bank": ("开户银行", "τράπεζα"),
    "IBAN": ("IBAN", "IBAN"),
    "BIC": ("BIC", "BIC"),
    "other payment details": ("其他付款信息", "άλλα στοιχεία πληρωμής"),
    "Shown on invoices below the bank.": (
        "显示在发票上的银行信息下方。",
        "Εμφανίζεται στα τιμολόγια κάτω από την τράπεζα.",
    ),
    "payment terms (days)": ("付款期限（天）", "προθεσμία πληρωμής (ημέρες)"),
    "Invoices fall due this many days after issue.": (
        "发票在开具后这么多天到期。",
        "Τα τιμολόγια λήγουν τόσες ημέρες μετά την έκδοση.",
    ),
    "invoice footer": ("发票页脚", "υποσέλιδο τιμολογίου"),
    "provider": ("服务商", "πάροχος"),
    "role": ("角色", "ρόλος"),
    "Empty: the organization's language.": (
        "留空：使用所在机构的语言。",
        "Κενό: η γλώσσα του οργανισμού.",
    ),
    "Empty: the organization's time zone.": (
        "留空：使用所在机构的时区。",
        "Κενό: η ζώνη ώρας του οργανισμού.",
    ),
    "active": ("启用", "ενεργός"),
    "users": ("用户", "χρήστες"),
    "Client users belong to an organization.": (
        "客户用户必须属于某个机构。",
        "Οι χρήστες πελατών ανήκουν σε έναν οργανισμό.",
    ),
    "Provider staff do not belong to a client organization.": (
        "服务商员工不属于客户机构。",
        "Το προσωπικό του παρόχου δεν ανήκει σε οργανισμό πελάτη.",
    ),
    # Time, scope and quotes on a ticket
    "Minutes": ("分钟数", "Λεπτά"),
    "What was done": ("完成的工作", "Τι έγινε"),
    "Started": ("开始时间", "Έναρξη"),
    "Billable": ("计费", "Χρεώσιμο"),
    "What you are doing": ("正在做什么", "Τι κάνετε"),
    "Scope": ("服务范围", "Εύρος"),
    "In scope": ("在服务范围内", "Εντός σύμβασης"),
    "Out of scope": ("超出服务范围", "Εκτός σύμβασης"),
    "Work to be approved": ("待批准的工作", "Εργασία προς έγκριση"),
    "Estimated hours": ("预计工时", "Εκτιμώμενες ώρες"),
    "Or a fixed price": ("或固定价格", "Ή σταθερή τιμή"),
    "Give either an estimate of hours or a fixed price.": (
        "请填写预计工时或固定价格（二选一）。",
        "Δώστε είτε εκτίμηση ωρών είτε σταθερή τιμή.",
    ),
    "Month": ("月份", "Μήνας"),
    "Why is it credited?": ("冲销原因？", "Γιατί πιστώνεται;"),
    "Waiting for the client": ("等待客户决定", "Αναμονή για τον πελάτη"),
    "Declined": ("已拒绝", "Απορρίφθηκε"),
    "work": ("工作", "εργασία"),
    "estimated hours": ("预计工时", "εκτιμώμενες ώρες"),
    "fixed price": ("固定价格", "σταθερή τιμή"),
    "started": ("开始时间", "έναρξη"),
    "minutes": ("分钟数", "λεπτά"),
    "what was done": ("完成的工作", "τι έγινε"),
    "billable": ("计费", "χρεώσιμο"),
    "Draft": ("草稿", "Πρόχειρο"),
    "Time logged.": ("工时已记录。", "Ο χρόνος καταγράφηκε."),
    "Time entry removed; the ticket's history keeps it.": (
        "工时记录已删除；工单历史中仍保留该记录。",
        "Η καταγραφή χρόνου διαγράφηκε· το ιστορικό του αιτήματος τη διατηρεί.",
    ),
    "Timer stopped: %s logged.": (
        "计时已停止：记录了 %s。",
        "Το χρονόμετρο σταμάτησε: καταγράφηκαν %s.",
    ),
    "Timer started.": ("计时已开始。", "Το χρονόμετρο ξεκίνησε."),
    "Choose in or out of scope and give the reason.": (
        "请选择是否在服务范围内，并说明原因。",
        "Επιλέξτε εντός ή εκτός σύμβασης και δώστε την αιτία.",
    ),
    "Quote sent to the client's administrators.": (
        "报价已发送给客户的管理员。",
        "Η προσφορά στάλθηκε στους διαχειριστές του πελάτη.",
    ),
    "Saved; the change is in the history.": (
        "已保存；此更改已记入历史。",
        "Αποθηκεύτηκε· η αλλαγή καταγράφηκε στο ιστορικό.",
    ),
    "Issued as %s.": ("已开具，编号 %s。", "Εκδόθηκε ως %s."),
    "Say why the invoice is credited.": (
        "请说明冲销这张发票的原因。",
        "Πείτε γιατί πιστώνεται το τιμολόγιο.",
    ),
    # Agreements, services, KPIs
    "What changed and why (kept in the history)": (
        "改了什么、为什么改（记入历史）",
        "Τι άλλαξε και γιατί (μένει στο ιστορικό)",
    ),
    "%s per month": ("每月 %s", "%s τον μήνα"),
    "KPI targets are an object of target names and numbers.": (
        "KPI 目标须是由目标名称和数值组成的对象。",
        "Οι στόχοι KPI είναι αντικείμενο με ονόματα στόχων και αριθμούς.",
    ),
    "%(key)s is not a KPI; the KPIs are %(known)s.": (
        "%(key)s 不是 KPI；可用的 KPI 有：%(known)s。",
        "Το %(key)s δεν είναι KPI· οι KPI είναι: %(known)s.",
    ),
    "%(key)s: the target is a number.": (
        "%(key)s：目标必须是数字。",
        "%(key)s: ο στόχος είναι αριθμός.",
    ),
    "%(key)s: the target is between %(low)s and %(high)s.": (
        "%(key)s：目标须在 %(low)s 到 %(high)s 之间。",
        "%(key)s: ο στόχος είναι από %(low)s έως %(high)s.",
    ),
    "description": ("说明", "περιγραφή"),
    "list price per month": ("每月标价", "τιμή καταλόγου ανά μήνα"),
    "service": ("服务", "υπηρεσία"),
    "services": ("服务", "υπηρεσίες"),
    "agreement": ("服务协议", "σύμβαση"),
    "agreements": ("服务协议", "συμβάσεις"),
    "An agreement cannot end before it starts.": (
        "协议的结束日期不能早于开始日期。",
        "Μια σύμβαση δεν μπορεί να λήγει πριν ξεκινήσει.",
    ),
    "%s of business time": ("%s 工作时间", "%s εργάσιμου χρόνου"),
    # Tickets (model fields, events)
    "No specific service": ("不指定服务", "Χωρίς συγκεκριμένη υπηρεσία"),
    "Service": ("服务", "Υπηρεσία"),
    "notification email": ("通知邮箱", "email ειδοποιήσεων"),
    "Notified about SLA warnings on unassigned tickets.": (
        "未分配工单出现 SLA 预警时通知此邮箱。",
        "Ειδοποιείται για προειδοποιήσεις SLA σε αιτήματα χωρίς υπεύθυνο.",
    ),
    "queue": ("队列", "ουρά"),
    "queues": ("队列", "ουρές"),
    "number": ("编号", "αριθμός"),
    "title": ("标题", "τίτλος"),
    "requester": ("提交人", "αιτών"),
    "requester email": ("提交人邮箱", "email αιτούντος"),
    "assignee": ("负责人", "υπεύθυνος"),
    "type": ("类型", "τύπος"),
    "impact": ("影响范围", "επίπτωση"),
    "urgency": ("紧急程度", "επείγον"),
    "priority": ("优先级", "προτεραιότητα"),
    "source": ("来源", "προέλευση"),
    "created": ("创建时间", "δημιουργήθηκε"),
    "updated": ("更新时间", "ενημερώθηκε"),
    "ticket": ("工单", "αίτημα"),
    "tickets": ("工单", "αιτήματα"),
    "Email bounced": ("邮件被退回", "Το email επεστράφη"),
    "Service changed": ("服务已更改", "Η υπηρεσία άλλαξε"),
    "Time corrected": ("工时已更正", "Ο χρόνος διορθώθηκε"),
    "message": ("消息", "μήνυμα"),
    "%(name)s is not an IANA time zone name (e.g. Europe/Athens).": (
        "%(name)s 不是 IANA 时区名称（例如 Asia/Shanghai）。",
        "Το %(name)s δεν είναι όνομα ζώνης ώρας IANA (π.χ. Europe/Athens).",
    ),
    # Mail: mailboxes, intake, outbox
    "IMAP password": ("IMAP 密码", "Κωδικός IMAP"),
    "Stored encrypted. Leave empty to keep the current one.": (
        "加密保存。留空则保留当前密码。",
        "Αποθηκεύεται κρυπτογραφημένος. Αφήστε το κενό για να κρατήσετε τον τρέχοντα.",
    ),
    "Between 10 and 3600 seconds.": ("10 到 3600 秒之间。", "Από 10 έως 3600 δευτερόλεπτα."),
    "An IMAP mailbox needs a user name.": (
        "IMAP 邮箱需要用户名。",
        "Ένα γραμματοκιβώτιο IMAP χρειάζεται όνομα χρήστη.",
    ),
    "Any state": ("任意状态", "Οποιαδήποτε κατάσταση"),
    "New ticket for": ("为此机构新建工单", "Νέο αίτημα για"),
    "Or add to ticket": ("或添加到工单", "Ή προσθήκη στο αίτημα"),
    "No ticket %s.": ("没有工单 %s。", "Δεν υπάρχει αίτημα %s."),
    "Choose an organization or a ticket, not both.": (
        "请选择一个机构或一个工单，不能同时选择。",
        "Επιλέξτε οργανισμό ή αίτημα, όχι και τα δύο.",
    ),
    "Could not be processed: %(error)s": (
        "无法处理：%(error)s",
        "Δεν ήταν δυνατή η επεξεργασία: %(error)s",
    ),
    "Automatic message (%s).": ("自动发送的邮件（%s）。", "Αυτόματο μήνυμα (%s)."),
    "The message has no sender address.": (
        "该邮件没有发件人地址。",
        "Το μήνυμα δεν έχει διεύθυνση αποστολέα.",
    ),
    "Sent from one of our own addresses: a mail loop.": (
        "由我们自己的地址发出：邮件循环。",
        "Στάλθηκε από δική μας διεύθυνση: βρόχος αλληλογραφίας.",
    ),
    "More than %(n)d messages from %(sender)s within %(minutes)d minutes.": (
        "%(sender)s 在 %(minutes)d 分钟内发来超过 %(n)d 封邮件。",
        "Περισσότερα από %(n)d μηνύματα από %(sender)s μέσα σε %(minutes)d λεπτά.",
    ),
    "A delivery failure report for a message this system did not send.": (
        "一封退信通知，但原邮件并非本系统发出。",
        "Αναφορά αποτυχίας παράδοσης για μήνυμα που δεν έστειλε αυτό το σύστημα.",
    ),
    "%(sender)s is provider staff without access to %(number)s.": (
        "%(sender)s 是服务商员工，但无权访问 %(number)s。",
        "Ο/Η %(sender)s ανήκει στο προσωπικό του παρόχου χωρίς πρόσβαση στο %(number)s.",
    ),
    "%(sender)s belongs to another organization than %(number)s.": (
        "%(sender)s 属于其他机构，而非 %(number)s 所属机构。",
        "Ο/Η %(sender)s ανήκει σε άλλον οργανισμό από το %(number)s.",
    ),
    "%(sender)s wrote about %(number)s but is not a contact of its organization.": (
        "%(sender)s 就 %(number)s 来信，但不是该机构的联系人。",
        "Ο/Η %(sender)s έγραψε για το %(number)s αλλά δεν είναι επαφή του οργανισμού του.",
    ),
    "(The email had no text.)": ("（邮件没有正文。）", "(Το email δεν είχε κείμενο.)"),
    "(no subject)": ("（无主题）", "(χωρίς θέμα)"),
    "Attachments sent with the email.": (
        "随邮件发送的附件。",
        "Συνημμένα που στάλθηκαν με το email.",
    ),
    "Sent by provider staff (%s) without a ticket to add it to.": (
        "由服务商员工（%s）发送，但没有可添加到的工单。",
        "Στάλθηκε από το προσωπικό του παρόχου (%s) χωρίς αίτημα στο οποίο να προστεθεί.",
    ),
    "Unknown sender %s and no organization to file it under.": (
        "未知发件人 %s，且没有可归入的机构。",
        "Άγνωστος αποστολέας %s και κανένας οργανισμός για να καταχωριστεί.",
    ),
    "Unknown sender %(sender)s; %(mailbox)s quarantines unknown senders.": (
        "未知发件人 %(sender)s；%(mailbox)s 会隔离未知发件人的邮件。",
        "Άγνωστος αποστολέας %(sender)s· το %(mailbox)s θέτει σε καραντίνα τους "
        "άγνωστους αποστολείς.",
    ),
    "[%(name)s was not attached: %(reason)s It is kept in the original email.]": (
        "[%(name)s 未作为附件保存：%(reason)s 它保留在原始邮件中。]",
        "[Το %(name)s δεν επισυνάφθηκε: %(reason)s Διατηρείται στο αρχικό email.]",
    ),
    "SSL/TLS": ("SSL/TLS", "SSL/TLS"),
    "STARTTLS": ("STARTTLS", "STARTTLS"),
    "None (loopback or a trusted network only)": (
        "无（仅限本机或可信网络）",
        "Καμία (μόνο τοπικά ή σε έμπιστο δίκτυο)",
    ),
    "Create a contact in the mailbox's organization": (
        "在邮箱所属机构中新建联系人",
        "Δημιουργία επαφής στον οργανισμό του γραμματοκιβωτίου",
    ),
    "Quarantine for a person to place": (
        "隔离，等待人工归档",
        "Καραντίνα μέχρι να το τοποθετήσει κάποιος",
    ),
    "Empty: a provider-wide mailbox for every client.": (
        "留空：面向所有客户的服务商公共邮箱。",
        "Κενό: κοινό γραμματοκιβώτιο του παρόχου για όλους τους πελάτες.",
    ),
    "IMAP host": ("IMAP 服务器", "Διακομιστής IMAP"),
    "Empty: mail arrives by pipe or API.": (
        "留空：邮件通过管道或 API 接收。",
        "Κενό: η αλληλογραφία έρχεται μέσω pipe ή API.",
    ),
    "IMAP port": ("IMAP 端口", "Θύρα IMAP"),
    "security": ("加密方式", "ασφάλεια σύνδεσης"),
    "IMAP user": ("IMAP 用户名", "Χρήστης IMAP"),
    "folder": ("文件夹", "φάκελος"),
    "move processed mail to": ("已处理邮件移至", "μετακίνηση των επεξεργασμένων μηνυμάτων σε"),
    "Empty: processed mail is marked as read and left in the folder.": (
        "留空：已处理的邮件标记为已读并留在原文件夹中。",
        "Κενό: τα επεξεργασμένα μηνύματα σημειώνονται ως αναγνωσμένα και μένουν στον φάκελο.",
    ),
    "unknown senders": ("未知发件人", "άγνωστοι αποστολείς"),
    "poll every (seconds)": ("轮询间隔（秒）", "έλεγχος κάθε (δευτερόλεπτα)"),
    "enabled": ("启用", "ενεργό"),
    "mailbox": ("邮箱", "γραμματοκιβώτιο"),
    "mailboxes": ("邮箱", "γραμματοκιβώτια"),
    "domain": ("域名", "τομέας"),
    "IMAP": ("IMAP", "IMAP"),
    "Pipe": ("管道", "Pipe"),
    "Received": ("已接收", "Παραλήφθηκε"),
    "Added to a ticket": ("已添加到工单", "Προστέθηκε σε αίτημα"),
    "Bounce recorded": ("已记录退信", "Καταγράφηκε επιστροφή"),
    "Ignored (automatic or our own)": (
        "已忽略（自动邮件或本系统邮件）",
        "Αγνοήθηκε (αυτόματο ή δικό μας)",
    ),
    "Quarantined": ("已隔离", "Σε καραντίνα"),
    "Message-ID": ("Message-ID", "Message-ID"),
    "Pending": ("待发送", "Σε αναμονή"),
    "Sending": ("发送中", "Αποστέλλεται"),
    "Sent": ("已发送", "Στάλθηκε"),
    "Failed": ("发送失败", "Απέτυχε"),
    "%(percent)d% of your support hours used: %(agreement)s": (
        "您的支持工时已用 %(percent)d%：%(agreement)s",
        "Χρησιμοποιήθηκε το %(percent)d% των ωρών υποστήριξής σας: %(agreement)s",
    ),
    "Only quarantined mail is processed again.": (
        "只有被隔离的邮件才能重新处理。",
        "Μόνο τα μηνύματα σε καραντίνα επεξεργάζονται ξανά.",
    ),
    "Only quarantined mail is placed by hand.": (
        "只有被隔离的邮件才能人工归档。",
        "Μόνο τα μηνύματα σε καραντίνα τοποθετούνται με το χέρι.",
    ),
    "%(state)s: %(number)s.": ("%(state)s：%(number)s。", "%(state)s: %(number)s."),
    "It will be sent again within a minute.": (
        "将在一分钟内重新发送。",
        "Θα σταλεί ξανά μέσα σε ένα λεπτό.",
    ),
    "Mailbox %s saved.": ("邮箱 %s 已保存。", "Το γραμματοκιβώτιο %s αποθηκεύτηκε."),
    # SLA: calendars, policies and the due-time explanation
    "%(minutes)s of business time (%(n)s minutes) from %(start)s in %(cal)s (%(tz)s, %(hours)s).": (
        "从 %(start)s 起 %(minutes)s 工作时间（%(n)s 分钟），按 %(cal)s（%(tz)s，%(hours)s）计算。",
        "%(minutes)s εργάσιμου χρόνου (%(n)s λεπτά) από %(start)s με το %(cal)s "
        "(%(tz)s, %(hours)s).",
    ),
    "Closed at the start; counting from the next opening, %(open)s.": (
        "开始时处于非工作时间；从下一个工作时段 %(open)s 起计时。",
        "Κλειστά στην αρχή· η μέτρηση ξεκινά με το επόμενο άνοιγμα, %(open)s.",
    ),
    "Counted %(from)s-%(to)s (%(len)s).": (
        "计入 %(from)s–%(to)s（%(len)s）。",
        "Μετρήθηκε %(from)s-%(to)s (%(len)s).",
    ),
    "... and %(n)s more working periods.": (
        "……另有 %(n)s 个工作时段。",
        "... και %(n)s ακόμη περίοδοι εργασίας.",
    ),
    "Closed days skipped: %(days)s.": (
        "跳过的非工作日：%(days)s。",
        "Παραλείφθηκαν οι κλειστές ημέρες: %(days)s.",
    ),
    "Due %(due)s.": ("截止 %(due)s。", "Προθεσμία %(due)s."),
    'Weekly hours must be an object like {"mon": [["09:00", "17:00"]]}.': (
        '每周工作时间须是类似 {"mon": [["09:00", "17:00"]]} 的对象。',
        'Το εβδομαδιαίο ωράριο πρέπει να είναι αντικείμενο όπως {"mon": [["09:00", "17:00"]]}.',
    ),
    "%(day)s is not a day; use mon, tue, wed, thu, fri, sat, sun.": (
        "%(day)s 不是有效的星期；请使用 mon、tue、wed、thu、fri、sat、sun。",
        "Το %(day)s δεν είναι ημέρα· χρησιμοποιήστε mon, tue, wed, thu, fri, sat, sun.",
    ),
    "%(day)s: a list of [start, end] pairs.": (
        "%(day)s：须是 [开始, 结束] 时间对的列表。",
        "%(day)s: λίστα από ζεύγη [έναρξη, λήξη].",
    ),
    '%(day)s: each interval is ["HH:MM", "HH:MM"].': (
        '%(day)s：每个时段的格式为 ["HH:MM", "HH:MM"]。',
        '%(day)s: κάθε διάστημα είναι ["HH:MM", "HH:MM"].',
    ),
    "%(day)s: %(start)s-%(end)s ends before it starts.": (
        "%(day)s：%(start)s–%(end)s 的结束时间早于开始时间。",
        "%(day)s: το %(start)s-%(end)s λήγει πριν ξεκινήσει.",
    ),
    "%(day)s: intervals overlap or are out of order.": (
        "%(day)s：时段重叠或顺序不对。",
        "%(day)s: τα διαστήματα επικαλύπτονται ή δεν είναι στη σειρά.",
    ),
    "A list of dates (YYYY-MM-DD).": (
        "日期列表（YYYY-MM-DD）。",
        "Λίστα ημερομηνιών (YYYY-MM-DD).",
    ),
    "%(value)s is not a date (YYYY-MM-DD).": (
        "%(value)s 不是有效日期（YYYY-MM-DD）。",
        "Το %(value)s δεν είναι ημερομηνία (YYYY-MM-DD).",
    ),
    "%(country)s is not a country the holidays package knows (ISO 3166 code, e.g. GR, CN, GB).": (
        "holidays 软件包不认识国家/地区 %(country)s（请用 ISO 3166 代码，例如 CN、GR、GB）。",
        "Το πακέτο holidays δεν γνωρίζει τη χώρα %(country)s (κωδικός ISO 3166, π.χ. GR, CN, GB).",
    ),
    "weekly hours": ("每周工作时间", "εβδομαδιαίο ωράριο"),
    "holiday country": ("节假日所属国家/地区", "χώρα αργιών"),
    "holiday subdivision": ("节假日所属地区", "περιφέρεια αργιών"),
    "closed dates": ("休息日", "ημέρες κλειστά"),
    "extra working dates": ("调休上班日", "επιπλέον εργάσιμες ημέρες"),
    "business calendars": ("工作日历", "ημερολόγια εργασίας"),
    "A subdivision needs a country.": (
        "指定地区前须先指定国家/地区。",
        "Η περιφέρεια χρειάζεται χώρα.",
    ),
    "%(sub)s is not a subdivision of %(country)s.": (
        "%(sub)s 不是 %(country)s 的下级行政区。",
        "Το %(sub)s δεν είναι περιφέρεια της χώρας %(country)s.",
    ),
    "no working hours": ("无工作时间", "χωρίς ώρες εργασίας"),
    'Targets must be an object like {"P1": {"first_response": 30, "resolution": 240}}.': (
        '目标须是类似 {"P1": {"first_response": 30, "resolution": 240}} 的对象。',
        "Οι στόχοι πρέπει να είναι αντικείμενο όπως "
        '{"P1": {"first_response": 30, "resolution": 240}}.',
    ),
    "%(p)s is not a priority; use P1, P2, P3 or P4.": (
        "%(p)s 不是有效的优先级；请使用 P1、P2、P3 或 P4。",
        "Το %(p)s δεν είναι προτεραιότητα· χρησιμοποιήστε P1, P2, P3 ή P4.",
    ),
    "%(p)s: an object of business minutes per clock.": (
        "%(p)s：须是按计时项给出工作分钟数的对象。",
        "%(p)s: αντικείμενο με εργάσιμα λεπτά ανά μέτρηση.",
    ),
    "%(clock)s is not a clock; use first_response, next_update or resolution.": (
        "%(clock)s 不是计时项；请使用 first_response、next_update 或 resolution。",
        "Το %(clock)s δεν είναι μέτρηση· χρησιμοποιήστε first_response, next_update ή resolution.",
    ),
    "%(p)s %(clock)s: a positive whole number of business minutes.": (
        "%(p)s %(clock)s：须是正整数的工作分钟数。",
        "%(p)s %(clock)s: θετικός ακέραιος αριθμός εργάσιμων λεπτών.",
    ),
    "%(p)s needs a %(clock)s target.": (
        "%(p)s 需要 %(clock)s 目标。",
        "Το %(p)s χρειάζεται στόχο %(clock)s.",
    ),
    'Pause statuses are a list like ["waiting_on_client"] or an object like '
    '{"resolution": ["waiting_on_client"]}.': (
        '暂停状态须是类似 ["waiting_on_client"] 的列表，'
        '或类似 {"resolution": ["waiting_on_client"]} 的对象。',
        'Οι καταστάσεις παύσης είναι λίστα όπως ["waiting_on_client"] ή αντικείμενο όπως '
        '{"resolution": ["waiting_on_client"]}.',
    ),
    "%(clock)s is not a clock.": ("%(clock)s 不是计时项。", "Το %(clock)s δεν είναι μέτρηση."),
    "%(clock)s: a list of statuses.": (
        "%(clock)s：须是状态列表。",
        "%(clock)s: λίστα καταστάσεων.",
    ),
    "The priority matrix needs rows high, medium and low.": (
        "优先级矩阵需要 high、medium、low 三行。",
        "Ο πίνακας προτεραιοτήτων χρειάζεται τις γραμμές high, medium και low.",
    ),
    "Each matrix row maps high, medium and low to P1-P4.": (
        "矩阵每一行须把 high、medium、low 映射到 P1–P4。",
        "Κάθε γραμμή του πίνακα αντιστοιχίζει τα high, medium και low σε P1-P4.",
    ),
    "calendar": ("日历", "ημερολόγιο"),
    "Empty: the client organization's calendar.": (
        "留空：使用客户机构的日历。",
        "Κενό: το ημερολόγιο του οργανισμού-πελάτη.",
    ),
    "targets": ("目标", "στόχοι"),
    "pause statuses": ("暂停状态", "καταστάσεις παύσης"),
    "warning at % of target": ("达到目标的百分之几时预警", "προειδοποίηση στο % του στόχου"),
    "priority matrix": ("优先级矩阵", "πίνακας προτεραιοτήτων"),
    "SLA policies": ("SLA 政策", "Πολιτικές SLA"),
    "Between 1 and 99.": ("1 到 99 之间。", "Από 1 έως 99."),
    # Menu, ticket page's time panel, agreements, invoices
    "Agreements": ("服务协议", "Συμβάσεις"),
    "Mail": ("邮件", "Αλληλογραφία"),
    "Time and scope": ("工时与服务范围", "Χρόνος και εύρος"),
    "Stop timer": ("停止计时", "Διακοπή χρονομέτρου"),
    "running since %(t)s": ("自 %(t)s 起计时", "σε εξέλιξη από %(t)s"),
    "Start timer": ("开始计时", "Έναρξη χρονομέτρου"),
    "Empty: the work just ended": ("留空：工作刚刚结束", "Κενό: η εργασία μόλις τελείωσε"),
    "Log time": ("记录工时", "Καταγραφή χρόνου"),
    "When": ("时间", "Πότε"),
    "Who": ("人员", "Ποιος"),
    "What": ("内容", "Τι"),
    "not billed": ("不计费", "χωρίς χρέωση"),
    "quoted": ("已报价", "με προσφορά"),
    "running": ("计时中", "σε εξέλιξη"),
    "Invoiced: credit the invoice to correct it": (
        "已开票：如需更正，请冲销该发票",
        "Τιμολογήθηκε: για διόρθωση, πιστώστε το τιμολόγιο",
    ),
    "invoiced": ("已开票", "τιμολογήθηκε"),
    "Remove this time entry": ("删除这条工时记录", "Διαγραφή αυτής της καταγραφής χρόνου"),
    "Quote": ("报价", "Προσφορά"),
    "Change the scope or ask for approval": (
        "更改服务范围或请求批准",
        "Αλλαγή εύρους ή αίτηση έγκρισης",
    ),
    "Record": ("记录", "Καταχώριση"),
    "Hours": ("小时", "Ώρες"),
    "or fixed price": ("或固定价格", "ή σταθερή τιμή"),
    "Ask the client": ("征求客户同意", "Ερώτηση στον πελάτη"),
    "Change the terms": ("修改条款", "Αλλαγή όρων"),
    "Draft the month": ("生成本月草稿发票", "Σύνταξη του μήνα"),
    "State": ("状态", "Κατάσταση"),
    "New agreement": ("新建服务协议", "Νέα σύμβαση"),
    "Saving records a new version: tickets already opened keep the terms they were opened under.": (
        "保存会生成一个新版本：已创建的工单仍按创建时的条款执行。",
        "Η αποθήκευση δημιουργεί νέα έκδοση: τα αιτήματα που έχουν ήδη ανοίξει κρατούν τους "
        "όρους με τους οποίους άνοιξαν.",
    ),
    "The service catalogue is empty.": ("服务目录为空。", "Ο κατάλογος υπηρεσιών είναι κενός."),
    "A price of 0 means the service is in the base fee.": (
        "价格为 0 表示该服务已包含在基本费用中。",
        "Τιμή 0 σημαίνει ότι η υπηρεσία περιλαμβάνεται στη βασική χρέωση.",
    ),
    "What each client pays for, what is covered, and the invoices.": (
        "每个客户付费购买的服务、覆盖范围以及发票。",
        "Τι πληρώνει κάθε πελάτης, τι καλύπτεται και τα τιμολόγια.",
    ),
    "Value": ("价值", "Αξία"),
    "No agreements yet.": ("还没有服务协议。", "Δεν υπάρχουν ακόμη συμβάσεις."),
    "terms version %(n)s": ("条款第 %(n)s 版", "έκδοση όρων %(n)s"),
    "credited by": ("冲销发票", "πιστώθηκε με"),
    "Issue": ("开具", "Έκδοση"),
    "Traced to": ("来源", "Προέλευση"),
    "%(n)s time entry": ("%(n)s 条工时记录", ("%(n)s καταγραφή χρόνου", "%(n)s καταγραφές χρόνου")),
    "Nothing to bill this month.": (
        "本月没有需要计费的内容。",
        "Τίποτα προς χρέωση αυτόν τον μήνα.",
    ),
    "Correct it with a credit note": ("用红字发票更正", "Διόρθωση με πιστωτικό σημείωμα"),
    "An issued invoice is never edited. A credit note cancels it in full; then draft the "
    "month again.": (
        "已开具的发票不能修改。红字发票会将其全额冲销；之后请重新生成本月发票。",
        "Ένα εκδοθέν τιμολόγιο δεν αλλάζει ποτέ. Το πιστωτικό σημείωμα το ακυρώνει πλήρως· "
        "έπειτα συντάξτε ξανά τον μήνα.",
    ),
    "Issue a credit note": ("开具红字发票", "Έκδοση πιστωτικού σημειώματος"),
    # Ticket page
    "By email": ("通过邮件", "Μέσω email"),
    "original email": ("原始邮件", "αρχικό email"),
    "by email": ("通过邮件", "μέσω email"),
    "no specific service": ("不指定服务", "χωρίς συγκεκριμένη υπηρεσία"),
    "removed: %(m)s, %(d)s": ("已删除：%(m)s，%(d)s", "διαγράφηκε: %(m)s, %(d)s"),
    "%(u)s of %(a)s": ("%(u)s / %(a)s", "%(u)s από %(a)s"),
    "%(h)s out of hours": ("其中非工作时间 %(h)s", "%(h)s εκτός ωραρίου"),
    # Mail pages
    "Outbox": ("发件箱", "Εξερχόμενα"),
    "Mailboxes": ("邮箱", "Γραμματοκιβώτια"),
    "Used this month: %(used)s of %(available)s hours (%(threshold)s%).": (
        "本月已用：%(used)s / %(available)s 小时（%(threshold)s%）。",
        "Χρήση αυτόν τον μήνα: %(used)s από %(available)s ώρες (%(threshold)s%).",
    ),
    "Text": ("正文", "Κείμενο"),
    "Download the original": ("下载原始邮件", "Λήψη του πρωτοτύπου"),
    "Attachments": ("附件", "Συνημμένα"),
    "Problems met while reading it": ("读取时遇到的问题", "Προβλήματα κατά την ανάγνωση"),
    "Size": ("大小", "Μέγεθος"),
    "Place it": ("归档", "Τοποθέτηση"),
    "Place": ("归档", "Τοποθέτηση"),
    "Process again": ("重新处理", "Νέα επεξεργασία"),
    "Every email received is kept as it arrived. Quarantined mail waits for a person to "
    "place it.": (
        "收到的每封邮件都按原样保存。被隔离的邮件等待人工归档。",
        "Κάθε email που λαμβάνεται φυλάσσεται όπως έφτασε. Τα μηνύματα σε καραντίνα περιμένουν "
        "κάποιον να τα τοποθετήσει.",
    ),
    "Sender or subject": ("发件人或主题", "Αποστολέας ή θέμα"),
    "Subject": ("主题", "Θέμα"),
    "Nothing in quarantine: every email found its place.": (
        "隔离区为空：每封邮件都已归档。",
        "Τίποτα σε καραντίνα: κάθε email βρήκε τη θέση του.",
    ),
    "No mail here.": ("这里没有邮件。", "Δεν υπάρχουν μηνύματα εδώ."),
    "Add a mailbox": ("添加邮箱", "Προσθήκη γραμματοκιβωτίου"),
    "Last attempt to read it": ("最近一次读取", "Τελευταία προσπάθεια ανάγνωσης"),
    "Addresses clients write to. Each is read over IMAP, or fed by a mail server pipe "
    "(steward mail ingest) or the API.": (
        "客户来信的地址。每个邮箱通过 IMAP 读取，"
        "或由邮件服务器管道（steward mail ingest）或 API 投递。",
        "Διευθύνσεις στις οποίες γράφουν οι πελάτες. Καθεμία διαβάζεται μέσω IMAP ή τροφοδοτείται "
        "από pipe του διακομιστή αλληλογραφίας (steward mail ingest) ή από το API.",
    ),
    "Mailbox": ("邮箱", "Γραμματοκιβώτιο"),
    "Reads": ("读取方式", "Ανάγνωση"),
    "Unknown senders": ("未知发件人", "Άγνωστοι αποστολείς"),
    "Last read": ("最近读取", "Τελευταία ανάγνωση"),
    "disabled": ("已停用", "ανενεργό"),
    "All clients": ("所有客户", "Όλοι οι πελάτες"),
    "pipe or API": ("管道或 API", "pipe ή API"),
    "OK": ("正常", "Εντάξει"),
    "No mailboxes yet.": ("还没有邮箱。", "Δεν υπάρχουν ακόμη γραμματοκιβώτια."),
    "What Steward sends. Mail that could not be sent is tried again with growing pauses; "
    "nothing is lost while the mail server is down.": (
        "Steward 发出的邮件。发送失败的邮件会以逐渐延长的间隔重试；"
        "邮件服务器停机期间不会丢失任何邮件。",
        "Ό,τι στέλνει το Steward. Τα μηνύματα που δεν στάλθηκαν ξαναδοκιμάζονται με όλο και "
        "μεγαλύτερες παύσεις· τίποτα δεν χάνεται όσο ο διακομιστής αλληλογραφίας είναι εκτός.",
    ),
    "Not sent yet": ("尚未发送", "Δεν στάλθηκαν ακόμη"),
    "Queued": ("排队时间", "Σε ουρά από"),
    "Attempts": ("尝试次数", "Προσπάθειες"),
    "Bounced": ("已退回", "Επεστράφη"),
    "next try": ("下次重试", "επόμενη προσπάθεια"),
    "Send now": ("立即发送", "Αποστολή τώρα"),
    "Everything has been sent.": ("所有邮件均已发送。", "Όλα έχουν σταλεί."),
    # API errors, in the caller's language
    "No such %(what)s.": ("找不到该%(what)s。", "Δεν βρέθηκε %(what)s."),
    "invoice": ("发票", "τιμολόγιο"),
    "quote": ("报价", "προσφορά"),
    "scope register for this ticket": ("此工单的服务范围记录", "μητρώο εύρους για αυτό το αίτημα"),
    "time entry": ("工时记录", "καταγραφή χρόνου"),
    "The request body is not valid JSON.": (
        "请求正文不是有效的 JSON。",
        "Το σώμα του αιτήματος δεν είναι έγκυρο JSON.",
    ),
    "Invalid input.": ("输入无效。", "Μη έγκυρη είσοδος."),
    "Sign in or send 'Authorization: Bearer <token>'.": (
        "请登录，或发送 'Authorization: Bearer <token>'。",
        "Συνδεθείτε ή στείλτε 'Authorization: Bearer <token>'.",
    ),
    "body: send a JSON object.": (
        "body：请发送一个 JSON 对象。",
        "body: στείλτε ένα αντικείμενο JSON.",
    ),
    "Not found.": ("未找到。", "Δεν βρέθηκε."),
    "The request body is larger than %(limit)s bytes.": (
        "请求正文超过 %(limit)s 字节。",
        "Το σώμα του αιτήματος ξεπερνά τα %(limit)s byte.",
    ),
    "A number in the request is out of range.": (
        "请求中的某个数字超出范围。",
        "Ένας αριθμός στο αίτημα είναι εκτός ορίων.",
    ),
    "A value in the request is out of range.": (
        "请求中的某个值超出范围。",
        "Μια τιμή στο αίτημα είναι εκτός ορίων.",
    ),
    "This conflicts with an existing record.": (
        "这与已有记录冲突。",
        "Αυτό συγκρούεται με υπάρχουσα εγγραφή.",
    ),
    "cursor: not a cursor this API gave out.": (
        "cursor：不是本 API 给出的游标。",
        "cursor: δεν είναι δρομέας που έδωσε αυτό το API.",
    ),
    "limit: between 1 and %(max)s.": (
        "limit：须在 1 到 %(max)s 之间。",
        "limit: από 1 έως %(max)s.",
    ),
    "offset: 0 or more.": ("offset：须大于或等于 0。", "offset: 0 ή περισσότερο."),
    "No API endpoint at %(path)s.": (
        "%(path)s 没有 API 端点。",
        "Δεν υπάρχει σημείο API στο %(path)s.",
    ),
    # The scope a ticket has until staff decide
    "No agreement was in force when the ticket was opened.": (
        "创建工单时没有生效的服务协议。",
        "Καμία σύμβαση δεν ίσχυε όταν άνοιξε το αίτημα.",
    ),
    "Break-fix agreement: all work is billed by the hour.": (
        "按次维修协议：所有工作按小时计费。",
        "Σύμβαση ανά επέμβαση: όλη η εργασία χρεώνεται με την ώρα.",
    ),
    "Covered by the agreement (no specific service).": (
        "在服务协议覆盖范围内（未指定具体服务）。",
        "Καλύπτεται από τη σύμβαση (χωρίς συγκεκριμένη υπηρεσία).",
    ),
    "%(name)s is a covered service.": (
        "%(name)s 在协议覆盖的服务之内。",
        "Η υπηρεσία %(name)s καλύπτεται.",
    ),
    "%(name)s is not among the agreement's covered services.": (
        "%(name)s 不在协议覆盖的服务之内。",
        "Η υπηρεσία %(name)s δεν είναι στις υπηρεσίες που καλύπτει η σύμβαση.",
    ),
    # An invoice's state, and the date the PDF gives (once one msgid, read wrongly as a date)
    "Issued": ("已开具", "Εκδόθηκε"),
    "Issued on %(d)s": ("开具日期：%(d)s", "Ημερομηνία έκδοσης: %(d)s"),
    "%(m)s of business time": ("%(m)s 工作时间", "%(m)s εργάσιμου χρόνου"),
    "Duration": ("时长", "Διάρκεια"),
    # Refusals (DomainError), on pages and in the API
    "%(number)s is issued; correct it with a credit note.": (
        "%(number)s 已开具；请用红字发票更正。",
        "Το %(number)s έχει εκδοθεί· διορθώστε το με πιστωτικό σημείωμα.",
    ),
    "Only provider admins and managers issue invoices.": (
        "只有服务商管理员和经理可以开具发票。",
        "Μόνο οι διαχειριστές και οι υπεύθυνοι του παρόχου εκδίδουν τιμολόγια.",
    ),
    "The month changed since this draft was made (time or terms); it has been drafted again. "
    "Review it, then issue.": (
        "此草稿生成后本月数据有变（工时或条款），已重新生成。请核对后再开具。",
        "Ο μήνας άλλαξε από τότε που συντάχθηκε το πρόχειρο (χρόνος ή όροι)· συντάχθηκε ξανά. "
        "Ελέγξτε το και μετά εκδώστε το.",
    ),
    "%(number)s is already issued.": ("%(number)s 已经开具。", "Το %(number)s έχει ήδη εκδοθεί."),
    "Only an issued invoice can be credited.": (
        "只有已开具的发票才能冲销。",
        "Μόνο ένα εκδοθέν τιμολόγιο μπορεί να πιστωθεί.",
    ),
    "reason: say why the invoice is credited.": (
        "reason：请说明冲销这张发票的原因。",
        "reason: πείτε γιατί πιστώνεται το τιμολόγιο.",
    ),
    "%(number)s is already credited.": (
        "%(number)s 已经冲销。",
        "Το %(number)s έχει ήδη πιστωθεί.",
    ),
    "Only provider staff write quotes.": (
        "只有服务商员工可以报价。",
        "Μόνο το προσωπικό του παρόχου γράφει προσφορές.",
    ),
    "description: say what the work is.": (
        "description：请说明是什么工作。",
        "description: πείτε ποια είναι η εργασία.",
    ),
    "Only the client's administrators approve quotes.": (
        "只有客户的管理员可以批准报价。",
        "Μόνο οι διαχειριστές του πελάτη εγκρίνουν προσφορές.",
    ),
    "This quote was already decided: %(state)s.": (
        "此报价已有决定：%(state)s。",
        "Για αυτή την προσφορά έχει ήδη αποφασιστεί: %(state)s.",
    ),
    "This ticket is out of scope: billable time needs a quote the client approved.": (
        "此工单超出服务范围：计费工时需要客户已批准的报价。",
        "Το αίτημα είναι εκτός σύμβασης: ο χρεώσιμος χρόνος χρειάζεται προσφορά εγκεκριμένη από "
        "τον πελάτη.",
    ),
    "Only provider staff decide scope.": (
        "只有服务商员工可以判定服务范围。",
        "Μόνο το προσωπικό του παρόχου αποφασίζει το εύρος.",
    ),
    "reason: say why.": ("reason：请说明原因。", "reason: πείτε γιατί."),
    "Only provider staff log time.": (
        "只有服务商员工可以记录工时。",
        "Μόνο το προσωπικό του παρόχου καταγράφει χρόνο.",
    ),
    "minutes: between 1 and 1440.": ("minutes：须在 1 到 1440 之间。", "minutes: από 1 έως 1440."),
    "description: say what was done.": (
        "description：请说明做了什么。",
        "description: πείτε τι έγινε.",
    ),
    "started_at: work logged has to be done already.": (
        "started_at：只能记录已经完成的工作。",
        "started_at: η εργασία που καταγράφεται πρέπει να έχει ήδη γίνει.",
    ),
    "Only provider staff correct time.": (
        "只有服务商员工可以更正工时。",
        "Μόνο το προσωπικό του παρόχου διορθώνει χρόνο.",
    ),
    "Only the person who logged the time, or a manager, corrects it.": (
        "只有记录该工时的人或经理可以更正。",
        "Μόνο όποιος κατέγραψε τον χρόνο, ή ένας υπεύθυνος, τον διορθώνει.",
    ),
    "This time is billed on %(number)s; credit the invoice first.": (
        "该工时已计入 %(number)s；请先冲销该发票。",
        "Ο χρόνος αυτός έχει χρεωθεί στο %(number)s· πιστώστε πρώτα το τιμολόγιο.",
    ),
    "This timer is running: stop it first.": (
        "该计时正在进行：请先停止。",
        "Το χρονόμετρο τρέχει: σταματήστε το πρώτα.",
    ),
    "started_at: %(month)s is invoiced (%(number)s); log the time in an open month, or credit "
    "the invoice first.": (
        "started_at：%(month)s 已开票（%(number)s）；请在未结账的月份记录工时，或先冲销该发票。",
        "started_at: ο μήνας %(month)s έχει τιμολογηθεί (%(number)s)· καταγράψτε τον χρόνο σε "
        "ανοιχτό μήνα ή πιστώστε πρώτα το τιμολόγιο.",
    ),
    "Your timer is already running; stop it first.": (
        "您的计时已在进行；请先停止。",
        "Το χρονόμετρό σας τρέχει ήδη· σταματήστε το πρώτα.",
    ),
    "No timer is running.": ("没有正在进行的计时。", "Δεν τρέχει κανένα χρονόμετρο."),
    "services: no service with the code %(codes)s.": (
        "services：没有代码为 %(codes)s 的服务。",
        "services: δεν υπάρχει υπηρεσία με κωδικό %(codes)s.",
    ),
    "services: a price cannot be negative.": (
        "services：价格不能为负数。",
        "services: η τιμή δεν μπορεί να είναι αρνητική.",
    ),
    "%(term)s: not a term of an agreement.": (
        "%(term)s：不是协议条款。",
        "%(term)s: δεν είναι όρος σύμβασης.",
    ),
    # The API's refusals of bad input (the field name stays as the caller sent it)
    "timezone: %(value)r is not an IANA time zone name.": (
        "timezone：%(value)r 不是 IANA 时区名称。",
        "timezone: το %(value)r δεν είναι όνομα ζώνης ώρας IANA.",
    ),
    "language: use one of %(codes)s.": (
        "language：请使用 %(codes)s 之一。",
        "language: χρησιμοποιήστε ένα από: %(codes)s.",
    ),
    "status: use one of %(values)s.": (
        "status：请使用 %(values)s 之一。",
        "status: χρησιμοποιήστε ένα από: %(values)s.",
    ),
    "calendar: no such calendar.": (
        "calendar：没有这个日历。",
        "calendar: δεν υπάρχει τέτοιο ημερολόγιο.",
    ),
    "it_manager: no such provider staff member.": (
        "it_manager：没有这位服务商员工。",
        "it_manager: δεν υπάρχει τέτοιο μέλος του προσωπικού του παρόχου.",
    ),
    "%(key)s: may not be null.": ("%(key)s：不能为 null。", "%(key)s: δεν μπορεί να είναι null."),
    "name: an organization with this name exists.": (
        "name：已有同名机构。",
        "name: υπάρχει ήδη οργανισμός με αυτό το όνομα.",
    ),
    "code: an organization with this code exists.": (
        "code：已有使用此代码的机构。",
        "code: υπάρχει ήδη οργανισμός με αυτόν τον κωδικό.",
    ),
    "Only provider admins manage users.": (
        "只有服务商管理员可以管理用户。",
        "Μόνο οι διαχειριστές του παρόχου διαχειρίζονται χρήστες.",
    ),
    "email: a user with this email exists.": (
        "email：已有使用此邮箱的用户。",
        "email: υπάρχει ήδη χρήστης με αυτό το email.",
    ),
    "organization: no such organization.": (
        "organization：没有这个机构。",
        "organization: δεν υπάρχει τέτοιος οργανισμός.",
    ),
    "organization: client users belong to an organization.": (
        "organization：客户用户必须属于某个机构。",
        "organization: οι χρήστες πελατών ανήκουν σε οργανισμό.",
    ),
    "organization: provider staff do not belong to a client organization.": (
        "organization：服务商员工不属于客户机构。",
        "organization: το προσωπικό του παρόχου δεν ανήκει σε οργανισμό πελάτη.",
    ),
    "timezone: not an IANA time zone name.": (
        "timezone：不是 IANA 时区名称。",
        "timezone: δεν είναι όνομα ζώνης ώρας IANA.",
    ),
    "No such user.": ("没有这个用户。", "Δεν υπάρχει τέτοιος χρήστης."),
    "No such token.": ("没有这个令牌。", "Δεν υπάρχει τέτοιο διακριτικό."),
    "started_at: give a time zone offset.": (
        "started_at：请带上时区偏移。",
        "started_at: δώστε απόκλιση ζώνης ώρας.",
    ),
    "agreement: no such agreement.": (
        "agreement：没有这个服务协议。",
        "agreement: δεν υπάρχει τέτοια σύμβαση.",
    ),
    "code: a service %(code)s exists.": (
        "code：服务 %(code)s 已存在。",
        "code: η υπηρεσία %(code)s υπάρχει ήδη.",
    ),
    "sla_policy: no such SLA policy.": (
        "sla_policy：没有这个 SLA 政策。",
        "sla_policy: δεν υπάρχει τέτοια πολιτική SLA.",
    ),
    "ordering: use one of %(values)s.": (
        "ordering：请使用 %(values)s 之一。",
        "ordering: χρησιμοποιήστε ένα από: %(values)s.",
    ),
    "status: use one of all, open, %(values)s.": (
        "status：请使用 all、open 或 %(values)s 之一。",
        "status: χρησιμοποιήστε ένα από: all, open, %(values)s.",
    ),
    "priority: use P1, P2, P3 or P4.": (
        "priority：请使用 P1、P2、P3 或 P4。",
        "priority: χρησιμοποιήστε P1, P2, P3 ή P4.",
    ),
    "breaching_within_minutes: between 0 and 10000000.": (
        "breaching_within_minutes：须在 0 到 10000000 之间。",
        "breaching_within_minutes: από 0 έως 10000000.",
    ),
    "cursor: not a cursor of this list.": (
        "cursor：不是此列表的游标。",
        "cursor: δεν είναι δρομέας αυτής της λίστας.",
    ),
    "Only provider staff assign tickets.": (
        "只有服务商员工可以分配工单。",
        "Μόνο το προσωπικό του παρόχου αναθέτει αιτήματα.",
    ),
    "source: Steward sets the source of a client's ticket.": (
        "source：客户工单的来源由 Steward 设定。",
        "source: την προέλευση του αιτήματος ενός πελάτη την ορίζει το Steward.",
    ),
    "organization: required.": ("organization：必填。", "organization: υποχρεωτικό."),
    "type: incident or service_request.": (
        "type：incident 或 service_request。",
        "type: incident ή service_request.",
    ),
    "requester_email: not a contact of your organization.": (
        "requester_email：不是您所在机构的联系人。",
        "requester_email: δεν είναι επαφή του οργανισμού σας.",
    ),
    "assignee: no such provider staff member.": (
        "assignee：没有这位服务商员工。",
        "assignee: δεν υπάρχει τέτοιο μέλος του προσωπικού του παρόχου.",
    ),
    "service: no such service in the catalogue.": (
        "service：服务目录中没有这项服务。",
        "service: δεν υπάρχει τέτοια υπηρεσία στον κατάλογο.",
    ),
    "queue: no such queue.": ("queue：没有这个队列。", "queue: δεν υπάρχει τέτοια ουρά."),
    "Clients can only close or reopen their tickets.": (
        "客户只能关闭或重新打开自己的工单。",
        "Οι πελάτες μπορούν μόνο να κλείσουν ή να ανοίξουν ξανά τα αιτήματά τους.",
    ),
    "Only provider staff write internal notes.": (
        "只有服务商员工可以写内部备注。",
        "Μόνο το προσωπικό του παρόχου γράφει εσωτερικές σημειώσεις.",
    ),
    "Only provider admins and managers post mail.": (
        "只有服务商管理员和经理可以提交邮件。",
        "Μόνο οι διαχειριστές και οι υπεύθυνοι του παρόχου υποβάλλουν μηνύματα.",
    ),
    "No mailbox with the address %(address)s.": (
        "没有地址为 %(address)s 的邮箱。",
        "Δεν υπάρχει γραμματοκιβώτιο με τη διεύθυνση %(address)s.",
    ),
    "Content-Length is not a number.": (
        "Content-Length 不是数字。",
        "Το Content-Length δεν είναι αριθμός.",
    ),
    "The message is larger than %(limit)s bytes.": (
        "邮件超过 %(limit)s 字节。",
        "Το μήνυμα ξεπερνά τα %(limit)s byte.",
    ),
    "The request body is empty; send the raw message.": (
        "请求正文为空；请发送原始邮件。",
        "Το σώμα του αιτήματος είναι κενό· στείλτε το αρχικό μήνυμα.",
    ),
    "name: a calendar with this name exists.": (
        "name：已有同名日历。",
        "name: υπάρχει ήδη ημερολόγιο με αυτό το όνομα.",
    ),
    "start: include a UTC offset, e.g. 2026-03-02T09:00:00+02:00.": (
        "start：请带上 UTC 偏移，例如 2026-03-02T09:00:00+08:00。",
        "start: συμπεριλάβετε απόκλιση από UTC, π.χ. 2026-03-02T09:00:00+02:00.",
    ),
    "name: a policy with this name exists.": (
        "name：已有同名政策。",
        "name: υπάρχει ήδη πολιτική με αυτό το όνομα.",
    ),
}
