"""Mailboxes and their sign-in (password or OAuth 2): the mailbox pages, form and messages."""

T: dict[str, tuple[str, str]] = {
    # The mailbox form's sections
    "Reading over IMAP": ("通过 IMAP 读取", "Ανάγνωση μέσω IMAP"),
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
    "Stored encrypted. Leave empty to keep the current secret.": (
        "加密保存。留空则保留当前密钥。",
        "Αποθηκεύεται κρυπτογραφημένο. Αφήστε το κενό για να κρατήσετε το τρέχον.",
    ),
}
