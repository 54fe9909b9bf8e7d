"""Mailboxes and their sign-in (password or OAuth 2): the mailbox pages, form and messages."""

T: dict[str, tuple[str, str]] = {
    # The mail pages around the mailbox form
    "Mail": ("邮件", "Αλληλογραφία"),
    "Received": ("已收到", "Εισερχόμενα"),
    "Outbox": ("发件箱", "Εξερχόμενα"),
    "Mailboxes": ("邮箱", "Γραμματοκιβώτια"),
    "Mailbox": ("邮箱", "Γραμματοκιβώτιο"),
    "mailbox": ("邮箱", "γραμματοκιβώτιο"),
    "mailboxes": ("邮箱", "γραμματοκιβώτια"),
    "Add a mailbox": ("添加邮箱", "Προσθήκη γραμματοκιβωτίου"),
    "Addresses clients write to. Each is read over IMAP, or fed by a mail server pipe "
    "(steward mail ingest) or the API.": (
        "客户发信的地址。每个邮箱通过 IMAP 读取，"
        "或由邮件服务器管道（steward mail ingest）或 API 投递。",
        "Οι διευθύνσεις όπου γράφουν οι πελάτες. Καθεμία διαβάζεται μέσω IMAP ή τροφοδοτείται "
        "από διοχέτευση του διακομιστή αλληλογραφίας (steward mail ingest) ή από το API.",
    ),
    "Reads": ("读取方式", "Ανάγνωση"),
    "Unknown senders": ("未知发件人", "Άγνωστοι αποστολείς"),
    "Last read": ("上次读取", "Τελευταία ανάγνωση"),
    "All clients": ("所有客户", "Όλοι οι πελάτες"),
    "pipe or API": ("管道或 API", "διοχέτευση ή API"),
    "disabled": ("已停用", "απενεργοποιημένο"),
    "OK": ("正常", "Εντάξει"),
    "No mailboxes yet.": ("还没有邮箱。", "Δεν υπάρχουν ακόμη γραμματοκιβώτια."),
    "Mailbox %s saved.": ("邮箱 %s 已保存。", "Το γραμματοκιβώτιο %s αποθηκεύτηκε."),
    "Last attempt to read it": ("上次读取尝试", "Τελευταία απόπειρα ανάγνωσης"),
    # The mailbox's fields
    "address": ("地址", "διεύθυνση"),
    "organization": ("组织", "οργανισμός"),
    "queue": ("队列", "ουρά"),
    "unknown senders": ("未知发件人", "άγνωστοι αποστολείς"),
    "enabled": ("已启用", "ενεργό"),
    "Empty: a provider-wide mailbox for every client.": (
        "留空：面向所有客户的服务商公共邮箱。",
        "Κενό: γραμματοκιβώτιο του παρόχου για όλους τους πελάτες.",
    ),
    "Create a contact in the mailbox's organization": (
        "在该邮箱所属组织中创建联系人",
        "Δημιουργία επαφής στον οργανισμό του γραμματοκιβωτίου",
    ),
    "Quarantine for a person to place": (
        "隔离，由人工归类",
        "Σε καραντίνα, για να την τοποθετήσει κάποιος",
    ),
    "Reading over IMAP": ("通过 IMAP 读取", "Ανάγνωση μέσω IMAP"),
    "IMAP host": ("IMAP 服务器", "Διακομιστής IMAP"),
    "Empty: mail arrives by pipe or API.": (
        "留空：邮件通过管道或 API 送达。",
        "Κενό: η αλληλογραφία φτάνει μέσω διοχέτευσης ή API.",
    ),
    "IMAP port": ("IMAP 端口", "Θύρα IMAP"),
    "security": ("加密方式", "ασφάλεια"),
    "SSL/TLS": ("SSL/TLS", "SSL/TLS"),
    "STARTTLS": ("STARTTLS", "STARTTLS"),
    "None (loopback or a trusted network only)": (
        "无（仅限本机回环或受信任网络）",
        "Καμία (μόνο για loopback ή έμπιστο δίκτυο)",
    ),
    "IMAP user": ("IMAP 用户名", "Χρήστης IMAP"),
    "folder": ("文件夹", "φάκελος"),
    "move processed mail to": ("已处理邮件移至", "μεταφορά της επεξεργασμένης αλληλογραφίας σε"),
    "Empty: processed mail is marked as read and left in the folder.": (
        "留空：已处理的邮件标为已读并留在原文件夹。",
        "Κενό: η επεξεργασμένη αλληλογραφία σημειώνεται ως αναγνωσμένη και μένει στον φάκελο.",
    ),
    "poll every (seconds)": ("轮询间隔（秒）", "έλεγχος κάθε (δευτερόλεπτα)"),
    "Between 10 and 3600 seconds.": (
        "请输入 10 到 3600 秒之间的值。",
        "Από 10 έως 3600 δευτερόλεπτα.",
    ),
    "An IMAP mailbox needs a user name.": (
        "IMAP 邮箱需要用户名。",
        "Ένα γραμματοκιβώτιο IMAP χρειάζεται όνομα χρήστη.",
    ),
    "IMAP password": ("IMAP 密码", "Κωδικός IMAP"),
    "Stored encrypted. Leave empty to keep the current one.": (
        "加密存储。留空则保留当前值。",
        "Αποθηκεύεται κρυπτογραφημένο. Αφήστε το κενό για να διατηρηθεί το τρέχον.",
    ),
    "Mail from provider staff": (
        "来自服务商员工的邮件",
        "Αλληλογραφία από το προσωπικό του παρόχου",
    ),
    # Signing in: password or OAuth 2
    "Sign-in": ("登录", "Σύνδεση"),
    "sign in with": ("登录方式", "σύνδεση με"),
    "Password": ("密码", "Κωδικός πρόσβασης"),
    "OAuth 2 (Microsoft 365, Google Workspace)": (
        "OAuth 2（Microsoft 365、Google Workspace）",
        "OAuth 2 (Microsoft 365, Google Workspace)",
    ),
    "OAuth 2 provider": ("OAuth 2 提供方", "πάροχος OAuth 2"),
    "Microsoft 365": ("Microsoft 365", "Microsoft 365"),
    "Google Workspace": ("Google Workspace", "Google Workspace"),
    "Other": ("其他", "Άλλος"),
    "Microsoft tenant": ("Microsoft 租户", "Μισθωτής (tenant) Microsoft"),
    "The directory (tenant) ID or domain of the app registration. Empty: any work or school "
    "account.": (
        "应用注册所在目录（租户）的 ID 或域名。留空：任意工作或学校帐户。",
        "Το αναγνωριστικό καταλόγου (tenant) ή ο τομέας της καταχώρισης εφαρμογής. "
        "Κενό: οποιοσδήποτε εταιρικός ή σχολικός λογαριασμός.",
    ),
    "authorization URL": ("授权 URL", "URL εξουσιοδότησης"),
    "token URL": ("令牌 URL", "URL διακριτικών"),
    "Only for another provider.": ("仅用于其他提供方。", "Μόνο για άλλον πάροχο."),
    "client ID": ("客户端 ID", "αναγνωριστικό πελάτη (client ID)"),
    "Client secret": ("客户端密钥", "Μυστικό πελάτη (client secret)"),
    "scopes": ("权限范围", "εμβέλειες (scopes)"),
    "Separated by spaces. Empty: what the provider needs for IMAP.": (
        "以空格分隔。留空：使用该提供方读取 IMAP 所需的范围。",
        "Χωρισμένες με κενά. Κενό: όσες χρειάζεται ο πάροχος για το IMAP.",
    ),
    "OAuth 2 signs in to an IMAP server: name it.": (
        "OAuth 2 用于登录 IMAP 服务器：请填写服务器地址。",
        "Το OAuth 2 συνδέεται σε διακομιστή IMAP: συμπληρώστε τον.",
    ),
    "The client ID of the app registered with the provider.": (
        "请填写在提供方处注册的应用的客户端 ID。",
        "Συμπληρώστε το αναγνωριστικό πελάτη της εφαρμογής που καταχωρίσατε στον πάροχο.",
    ),
    "Another provider needs this address.": (
        "其他提供方需要填写此地址。",
        "Για άλλον πάροχο η διεύθυνση αυτή είναι υποχρεωτική.",
    ),
    "Redirect URI to register with the provider": (
        "需在提供方处登记的重定向 URI",
        "URI ανακατεύθυνσης για καταχώριση στον πάροχο",
    ),
    "Connected": ("已连接", "Συνδεδεμένο"),
    "access token valid until": ("访问令牌有效期至", "το διακριτικό πρόσβασης ισχύει έως"),
    "Needs reconnecting": ("需要重新连接", "Χρειάζεται επανασύνδεση"),
    "Not connected yet": ("尚未连接", "Δεν έχει συνδεθεί ακόμη"),
    "Save your changes first; Connect signs in at the provider as the mailbox and comes back "
    "here.": (
        "请先保存更改；点击“连接”后将以该邮箱身份在提供方登录，完成后返回此页。",
        "Αποθηκεύστε πρώτα τις αλλαγές σας· η Σύνδεση σάς συνδέει στον πάροχο ως το "
        "γραμματοκιβώτιο και σας επιστρέφει εδώ.",
    ),
    "Connect": ("连接", "Σύνδεση"),
    "Connect again": ("重新连接", "Νέα σύνδεση"),
    "Connect this mailbox again.": ("请重新连接此邮箱。", "Συνδέστε ξανά αυτό το γραμματοκιβώτιο."),
    "The provider no longer accepts its sign-in, so it is not read until an admin connects it.": (
        "提供方已不再接受该邮箱的登录凭据，在管理员重新连接之前不会读取此邮箱。",
        "Ο πάροχος δεν δέχεται πλέον τη σύνδεσή του, οπότε δεν διαβάζεται μέχρι να το "
        "συνδέσει ξανά ένας διαχειριστής.",
    ),
    "The provider refused the sign-in: connect the mailbox again.": (
        "提供方拒绝了登录：请重新连接邮箱。",
        "Ο πάροχος απέρριψε τη σύνδεση: συνδέστε ξανά το γραμματοκιβώτιο.",
    ),
    "Choose OAuth 2 and enter the client ID first.": (
        "请先选择 OAuth 2 并填写客户端 ID。",
        "Επιλέξτε πρώτα OAuth 2 και συμπληρώστε το αναγνωριστικό πελάτη.",
    ),
    "Mailbox %s connected.": ("邮箱 %s 已连接。", "Το γραμματοκιβώτιο %s συνδέθηκε."),
    "The mailbox was not connected": ("邮箱未能连接", "Το γραμματοκιβώτιο δεν συνδέθηκε"),
    "This sign-in link is not valid or has expired. Press Connect again.": (
        "此登录链接无效或已过期，请重新点击“连接”。",
        "Αυτός ο σύνδεσμος σύνδεσης δεν είναι έγκυρος ή έχει λήξει. Πατήστε ξανά Σύνδεση.",
    ),
    "The provider did not connect the mailbox: %(error)s": (
        "提供方未能连接该邮箱：%(error)s",
        "Ο πάροχος δεν συνέδεσε το γραμματοκιβώτιο: %(error)s",
    ),
    "The provider sent no code back.": (
        "提供方没有返回授权码。",
        "Ο πάροχος δεν επέστρεψε κωδικό εξουσιοδότησης.",
    ),
    "Back to the mailbox": ("返回邮箱", "Επιστροφή στο γραμματοκιβώτιο"),
    "Back to the mailboxes": ("返回邮箱列表", "Επιστροφή στα γραμματοκιβώτια"),
    # Other mail strings of the same models, forms and views
    "domain": ("域名", "τομέας"),
    "IMAP": ("IMAP", "IMAP"),
    "Pipe": ("管道", "Διοχέτευση"),
    "API": ("API", "API"),
    "Added to a ticket": ("已添加到工单", "Προστέθηκε σε αίτημα"),
    "Bounce recorded": ("已记录退信", "Καταγράφηκε επιστροφή"),
    "Ignored (automatic or our own)": (
        "已忽略（自动邮件或本系统发出）",
        "Αγνοήθηκε (αυτόματο ή δικό μας)",
    ),
    "Quarantined": ("已隔离", "Σε καραντίνα"),
    "Pending": ("待发送", "Σε αναμονή"),
    "Sending": ("发送中", "Αποστέλλεται"),
    "Sent": ("已发送", "Στάλθηκε"),
    "Failed": ("失败", "Απέτυχε"),
    "Message-ID": ("Message-ID", "Message-ID"),
    "Any state": ("任意状态", "Οποιαδήποτε κατάσταση"),
    "New ticket for": ("为以下组织新建工单", "Νέο αίτημα για"),
    "Or add to ticket": ("或添加到工单", "Ή προσθήκη στο αίτημα"),
    "No ticket %s.": ("没有工单 %s。", "Δεν υπάρχει αίτημα %s."),
    "Choose an organization or a ticket, not both.": (
        "请选择组织或工单，不能同时选择。",
        "Επιλέξτε οργανισμό ή αίτημα, όχι και τα δύο.",
    ),
    "Only quarantined mail is processed again.": (
        "只有被隔离的邮件才能重新处理。",
        "Μόνο η αλληλογραφία σε καραντίνα επεξεργάζεται ξανά.",
    ),
    "Only quarantined mail is placed by hand.": (
        "只有被隔离的邮件才能手动归类。",
        "Μόνο η αλληλογραφία σε καραντίνα τοποθετείται χειροκίνητα.",
    ),
    "%(state)s: %(number)s.": ("%(state)s：%(number)s。", "%(state)s: %(number)s."),
    "It will be sent again within a minute.": (
        "将在一分钟内重新发送。",
        "Θα σταλεί ξανά μέσα σε ένα λεπτό.",
    ),
}
