"""Settings pages: the provider, client organizations, people, getting started."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    # Menu and tabs
    "Settings": ("设置", "Ρυθμίσεις"),
    "Agreements": ("服务协议", "Συμβάσεις"),
    "Mail": ("邮件", "Αλληλογραφία"),
    "Mailboxes": ("邮箱", "Γραμματοκιβώτια"),
    "SLA policies": ("SLA 策略", "Πολιτικές SLA"),
    "Calendars": ("工作日历", "Ημερολόγια"),
    "Overview": ("概览", "Επισκόπηση"),
    "Your company": ("贵公司", "Η εταιρεία σας"),
    "Clients": ("客户", "Πελάτες"),
    "People": ("人员", "Άτομα"),
    # Getting started
    "Getting started": ("快速上手", "Πρώτα βήματα"),
    "Setup checklist": ("设置清单", "Λίστα ρύθμισης"),
    "%(done)s of %(total)s done": (
        "已完成 %(done)s / %(total)s",
        "%(done)s από %(total)s ολοκληρώθηκαν",
    ),
    "Welcome. These steps take a new installation to its first client's first ticket; each is "
    "ticked when it is done.": (
        "欢迎使用。完成以下步骤，即可从全新安装走到第一个客户的第一张工单；每完成一步都会自动打勾。",
        "Καλώς ήρθατε. Αυτά τα βήματα οδηγούν μια νέα εγκατάσταση ως το πρώτο αίτημα του "
        "πρώτου πελάτη· κάθε βήμα τσεκάρεται μόλις ολοκληρωθεί.",
    ),
    "To do": ("待办", "Εκκρεμεί"),
    "Enter your company's details": ("填写贵公司信息", "Συμπληρώστε τα στοιχεία της εταιρείας σας"),
    "Add your first client": ("添加第一个客户", "Προσθέστε τον πρώτο σας πελάτη"),
    "Set up a business calendar": ("设置工作日历", "Ορίστε ένα ημερολόγιο εργασίας"),
    "Define an SLA policy": ("定义 SLA 策略", "Ορίστε μια πολιτική SLA"),
    "Sign an agreement": ("签订服务协议", "Συνάψτε μια σύμβαση"),
    "Connect a mailbox": ("连接邮箱", "Συνδέστε ένα γραμματοκιβώτιο"),
    "No client yet. A short checklist takes you from your company's details to your first "
    "client's first ticket.": (
        "还没有客户。一份简短的清单将带您从填写公司信息一直走到第一个客户的第一张工单。",
        "Δεν υπάρχει ακόμη πελάτης. Μια σύντομη λίστα σας οδηγεί από τα στοιχεία της "
        "εταιρείας σας ως το πρώτο αίτημα του πρώτου πελάτη σας.",
    ),
    "Open the checklist": ("打开清单", "Άνοιγμα λίστας"),
    "Your company, your clients and the people who work with Steward.": (
        "贵公司、您的客户，以及使用 Steward 的人员。",
        "Η εταιρεία σας, οι πελάτες σας και όσοι δουλεύουν με το Steward.",
    ),
    "Legal name, address, tax number, logo, bank and payment terms: shown on invoices and in "
    "mail.": (
        "法定名称、地址、税号、徽标、银行及付款条件：显示在发票和邮件中。",
        "Επωνυμία, διεύθυνση, ΑΦΜ, λογότυπο, τράπεζα και όροι πληρωμής: εμφανίζονται στα "
        "τιμολόγια και στα μηνύματα.",
    ),
    "The organizations you look after, their mail domains and billing details.": (
        "您服务的机构及其邮件域名和开票信息。",
        "Οι οργανισμοί που εξυπηρετείτε, οι τομείς αλληλογραφίας και τα στοιχεία τιμολόγησής τους.",
    ),
    "Your staff and your clients' users: invitations, roles, assignments.": (
        "您的员工和客户用户：邀请、角色、分配。",
        "Το προσωπικό σας και οι χρήστες των πελατών σας: προσκλήσεις, ρόλοι, αναθέσεις.",
    ),
    # Provider
    "Shown on invoices and at the foot of every mail Steward sends.": (
        "显示在发票上，以及 Steward 发出的每封邮件末尾。",
        "Εμφανίζονται στα τιμολόγια και στο κάτω μέρος κάθε μηνύματος που στέλνει το Steward.",
    ),
    "Only a provider admin may change these details.": (
        "只有服务商管理员可以修改这些信息。",
        "Μόνο διαχειριστής του παρόχου μπορεί να αλλάξει αυτά τα στοιχεία.",
    ),
    "Only a provider admin may change this.": (
        "只有服务商管理员可以修改此项。",
        "Μόνο διαχειριστής του παρόχου μπορεί να το αλλάξει.",
    ),
    "Full name": ("姓名", "Ονοματεπώνυμο"),
    "Company name": ("公司名称", "Όνομα εταιρείας"),
    "Logo": ("徽标", "Λογότυπο"),
    "Current logo": ("当前徽标", "Τρέχον λογότυπο"),
    "Country": ("国家/地区", "Χώρα"),
    "PNG, JPEG, WebP or GIF, at most 512 KB.": (
        "PNG、JPEG、WebP 或 GIF，最大 512 KB。",
        "PNG, JPEG, WebP ή GIF, έως 512 KB.",
    ),
    "The logo may be at most 512 KB.": (
        "徽标最大为 512 KB。",
        "Το λογότυπο μπορεί να είναι έως 512 KB.",
    ),
    "Upload a PNG, JPEG, WebP or GIF image.": (
        "请上传 PNG、JPEG、WebP 或 GIF 图片。",
        "Ανεβάστε εικόνα PNG, JPEG, WebP ή GIF.",
    ),
    "This is not an IBAN.": ("这不是有效的 IBAN。", "Αυτό δεν είναι IBAN."),
    "A BIC has 8 or 11 letters and digits.": (
        "BIC 由 8 或 11 位字母和数字组成。",
        "Ο κωδικός BIC έχει 8 ή 11 γράμματα και ψηφία.",
    ),
    "Your company's details were saved.": (
        "公司信息已保存。",
        "Τα στοιχεία της εταιρείας σας αποθηκεύτηκαν.",
    ),
    "legal name": ("法定名称", "επωνυμία"),
    "Empty: the name above.": ("留空：使用上面的名称。", "Κενό: το παραπάνω όνομα."),
    "address": ("地址", "διεύθυνση"),
    "country": ("国家/地区", "χώρα"),
    "ISO 3166 code, e.g. GR.": ("ISO 3166 代码，例如 CN。", "Κωδικός ISO 3166, π.χ. GR."),
    "tax or VAT number": ("税号", "ΑΦΜ"),
    "company registration number": ("公司注册号", "αριθμός ΓΕΜΗ"),
    "email": ("电子邮件", "email"),
    "website": ("网站", "ιστότοπος"),
    "logo": ("徽标", "λογότυπο"),
    "bank": ("开户银行", "τράπεζα"),
    "IBAN": ("IBAN", "IBAN"),
    "BIC": ("BIC", "BIC"),
    "other payment details": ("其他付款信息", "άλλα στοιχεία πληρωμής"),
    "Shown on invoices below the bank.": (
        "显示在发票上的银行信息下方。",
        "Εμφανίζεται στα τιμολόγια κάτω από την τράπεζα.",
    ),
    "payment terms (days)": ("付款期限（天）", "όροι πληρωμής (ημέρες)"),
    "Invoices fall due this many days after issue.": (
        "发票在开具后多少天到期。",
        "Τα τιμολόγια λήγουν τόσες ημέρες μετά την έκδοση.",
    ),
    "invoice footer": ("发票页脚", "υποσέλιδο τιμολογίου"),
    "provider": ("服务商", "πάροχος"),
    # Organizations
    "Active": ("启用", "Ενεργός"),
    "Onboarding": ("接入中", "Σε ένταξη"),
    "Inactive": ("已停用", "Ανενεργός"),
    "code": ("代码", "κωδικός"),
    "2-12 capital letters or digits, starting with a letter.": (
        "2-12 位大写字母或数字，以字母开头。",
        "2-12 κεφαλαία γράμματα ή ψηφία, με πρώτο γράμμα.",
    ),
    "Short code used in ticket numbers, e.g. ACME.": (
        "用于工单编号的简短代码，例如 ACME。",
        "Σύντομος κωδικός στους αριθμούς αιτημάτων, π.χ. ACME.",
    ),
    "time zone": ("时区", "ζώνη ώρας"),
    "language": ("语言", "γλώσσα"),
    "business calendar": ("工作日历", "ημερολόγιο εργασίας"),
    "IT manager": ("IT 负责人", "υπεύθυνος IT"),
    "status": ("状态", "κατάσταση"),
    "headcount": ("员工人数", "αριθμός εργαζομένων"),
    "billing address": ("账单地址", "διεύθυνση τιμολόγησης"),
    "users see all of the organization's tickets": (
        "用户可查看本机构的所有工单",
        "οι χρήστες βλέπουν όλα τα αιτήματα του οργανισμού",
    ),
    "organization": ("机构", "οργανισμός"),
    "organizations": ("机构", "οργανισμοί"),
    "cost of an hour of a person's work": (
        "每人每小时工作成本",
        "κόστος μίας ώρας εργασίας ενός ατόμου",
    ),
    "Mail domains": ("邮件域名", "Τομείς αλληλογραφίας"),
    "One a line, e.g. acme.example: mail from an unknown sender at these domains belongs to "
    "this client.": (
        "每行一个，例如 acme.example：来自这些域名的未知发件人的邮件归属此客户。",
        "Ένας ανά γραμμή, π.χ. acme.example: μηνύματα από άγνωστο αποστολέα σε αυτούς τους "
        "τομείς ανήκουν σε αυτόν τον πελάτη.",
    ),
    "The provider's person accountable for this client.": (
        "服务商方面负责此客户的人员。",
        "Το άτομο του παρόχου που είναι υπεύθυνο για αυτόν τον πελάτη.",
    ),
    "Another organization already has this code.": (
        "已有其他机构使用此代码。",
        "Άλλος οργανισμός έχει ήδη αυτόν τον κωδικό.",
    ),
    "Another organization already has this name.": (
        "已有其他机构使用此名称。",
        "Άλλος οργανισμός έχει ήδη αυτό το όνομα.",
    ),
    "%(domain)s is not a mail domain.": (
        "%(domain)s 不是有效的邮件域名。",
        "Το %(domain)s δεν είναι τομέας αλληλογραφίας.",
    ),
    "%(domain)s already belongs to %(organization)s.": (
        "%(domain)s 已属于 %(organization)s。",
        "Ο τομέας %(domain)s ανήκει ήδη στον οργανισμό %(organization)s.",
    ),
    "%(name)s was saved.": ("%(name)s 已保存。", "Το %(name)s αποθηκεύτηκε."),
    "The organizations you look after.": ("您服务的机构。", "Οι οργανισμοί που εξυπηρετείτε."),
    "Add a client": ("添加客户", "Προσθήκη πελάτη"),
    "Hide inactive clients": ("隐藏已停用的客户", "Απόκρυψη ανενεργών πελατών"),
    "Show inactive clients too": ("同时显示已停用的客户", "Εμφάνιση και των ανενεργών πελατών"),
    "Client": ("客户", "Πελάτης"),
    "Code": ("代码", "Κωδικός"),
    "Headcount": ("员工人数", "Εργαζόμενοι"),
    "No clients yet.": ("还没有客户。", "Δεν υπάρχουν ακόμη πελάτες."),
    "People of this client": ("此客户的人员", "Άτομα αυτού του πελάτη"),
    "To deactivate a client, set its status to Inactive: its tickets and history stay.": (
        "要停用客户，请将其状态设为“已停用”：其工单和历史记录会保留。",
        "Για να απενεργοποιήσετε έναν πελάτη, ορίστε την κατάστασή του σε «Ανενεργός»: τα "
        "αιτήματα και το ιστορικό του παραμένουν.",
    ),
    "None.": ("无。", "Κανένα."),
    # People
    "Client users belong to an organization.": (
        "客户用户必须属于某个机构。",
        "Οι χρήστες πελατών ανήκουν σε έναν οργανισμό.",
    ),
    "Provider staff do not belong to a client organization.": (
        "服务商员工不属于客户机构。",
        "Το προσωπικό του παρόχου δεν ανήκει σε οργανισμό πελάτη.",
    ),
    "Someone with this email address already has an account.": (
        "已有人使用此电子邮件地址注册了账户。",
        "Υπάρχει ήδη λογαριασμός με αυτή τη διεύθυνση email.",
    ),
    "This is the last active provider admin: make someone else an admin first.": (
        "这是最后一位在职的服务商管理员：请先将其他人设为管理员。",
        "Αυτός είναι ο τελευταίος ενεργός διαχειριστής του παρόχου: ορίστε πρώτα κάποιον "
        "άλλον διαχειριστή.",
    ),
    "role": ("角色", "ρόλος"),
    "Role": ("角色", "Ρόλος"),
    "active": ("启用", "ενεργός"),
    "users": ("用户", "χρήστες"),
    "Empty: the organization's language.": (
        "留空：使用所在机构的语言。",
        "Κενό: η γλώσσα του οργανισμού.",
    ),
    "Empty: the organization's time zone.": (
        "留空：使用所在机构的时区。",
        "Κενό: η ζώνη ώρας του οργανισμού.",
    ),
    "For client admins and client users.": (
        "适用于客户管理员和客户用户。",
        "Για διαχειριστές και χρήστες πελατών.",
    ),
    "Assigned organizations": ("负责的机构", "Ανατεθειμένοι οργανισμοί"),
    "A technician sees and works on the tickets of these clients only.": (
        "技术员只能查看和处理这些客户的工单。",
        "Ο τεχνικός βλέπει και χειρίζεται μόνο τα αιτήματα αυτών των πελατών.",
    ),
    "May sign in": ("允许登录", "Μπορεί να συνδεθεί"),
    "Off: they can no longer sign in or use their API tokens; their tickets and history stay.": (
        "关闭后：此人无法再登录或使用 API 令牌；其工单和历史记录会保留。",
        "Απενεργοποιημένο: δεν μπορεί πλέον να συνδεθεί ούτε να χρησιμοποιήσει τα διακριτικά "
        "API του· τα αιτήματα και το ιστορικό του παραμένουν.",
    ),
    "%(email)s was invited: they will get a link to choose a password.": (
        "已邀请 %(email)s：对方将收到一个设置密码的链接。",
        "Στάλθηκε πρόσκληση στο %(email)s: θα λάβει σύνδεσμο για να ορίσει κωδικό.",
    ),
    "%(name)s may not sign in.": ("%(name)s 无权登录。", "Ο/Η %(name)s δεν μπορεί να συνδεθεί."),
    "A new sign-in link was sent to %(email)s.": (
        "新的登录链接已发送至 %(email)s。",
        "Στάλθηκε νέος σύνδεσμος σύνδεσης στο %(email)s.",
    ),
    "Your password is set. Sign in with it now.": (
        "密码已设置。现在请用它登录。",
        "Ο κωδικός σας ορίστηκε. Συνδεθείτε τώρα με αυτόν.",
    ),
    "Your staff and your clients' users.": (
        "您的员工和客户用户。",
        "Το προσωπικό σας και οι χρήστες των πελατών σας.",
    ),
    "People with an account": ("有账户的人员", "Άτομα με λογαριασμό"),
    "Contacts who only write email": ("仅通过邮件联系的人", "Επαφές που γράφουν μόνο με email"),
    "Everyone": ("所有人", "Όλοι"),
    "Provider staff": ("服务商员工", "Προσωπικό παρόχου"),
    "Client users": ("客户用户", "Χρήστες πελατών"),
    "Show people who may no longer sign in": (
        "显示已无法登录的人员",
        "Εμφάνιση ατόμων που δεν μπορούν πλέον να συνδεθούν",
    ),
    "Show": ("显示", "Εμφάνιση"),
    "Last sign-in": ("最近登录", "Τελευταία σύνδεση"),
    "Nobody.": ("无人。", "Κανείς."),
    "may not sign in": ("不可登录", "χωρίς σύνδεση"),
    "invited": ("已邀请", "προσκεκλημένος"),
    "never": ("从未", "ποτέ"),
    "All clients": ("所有客户", "Όλοι οι πελάτες"),
    "Addresses that asked for help by mail without an account. Invite one to give them the "
    "portal.": (
        "没有账户、通过邮件求助的地址。邀请他们即可开通门户。",
        "Διευθύνσεις που ζήτησαν βοήθεια με email χωρίς λογαριασμό. Στείλτε τους πρόσκληση "
        "για να αποκτήσουν πρόσβαση στην πύλη.",
    ),
    "Last request": ("最近请求", "Τελευταίο αίτημα"),
    "Everyone who wrote in has an account.": (
        "所有来信的人都已有账户。",
        "Όλοι όσοι έγραψαν έχουν λογαριασμό.",
    ),
    "Invite someone": ("邀请人员", "Πρόσκληση ατόμου"),
    "They get an email with a link to choose a password; the link works once and expires.": (
        "对方会收到一封含有设置密码链接的邮件；该链接仅可使用一次，且会过期。",
        "Θα λάβει email με σύνδεσμο για να ορίσει κωδικό· ο σύνδεσμος λειτουργεί μία φορά "
        "και λήγει.",
    ),
    "Send the invitation": ("发送邀请", "Αποστολή πρόσκλησης"),
    "Send a new sign-in link": ("发送新的登录链接", "Αποστολή νέου συνδέσμου σύνδεσης"),
    "The link lets them choose a new password; it works once and expires.": (
        "该链接可用于设置新密码；仅可使用一次，且会过期。",
        "Ο σύνδεσμος επιτρέπει να οριστεί νέος κωδικός· λειτουργεί μία φορά και λήγει.",
    ),
    # Invitation and its page
    "Your %(provider)s account: choose a password": (
        "您的 %(provider)s 账户：请设置密码",
        "Ο λογαριασμός σας στο %(provider)s: ορίστε κωδικό",
    ),
    "Hello %(name)s,": ("%(name)s，您好：", "Γεια σας %(name)s,"),
    "%(provider)s has opened an account for you in %(site_name)s, where you follow your IT "
    "requests.": (
        "%(provider)s 已为您在 %(site_name)s 中开通账户，您可以在这里跟进您的 IT 请求。",
        "Η %(provider)s σας δημιούργησε λογαριασμό στο %(site_name)s, όπου παρακολουθείτε "
        "τα αιτήματά σας για την πληροφορική.",
    ),
    "Choose your password": ("设置您的密码", "Ορίστε τον κωδικό σας"),
    "The link works once, until %(expires)s.": (
        "该链接仅可使用一次，有效期至 %(expires)s。",
        "Ο σύνδεσμος λειτουργεί μία φορά, έως τις %(expires)s.",
    ),
    "Choose a password": ("设置密码", "Ορισμός κωδικού"),
    "Your account is %(email)s. Choose the password you will sign in with.": (
        "您的账户是 %(email)s。请设置用于登录的密码。",
        "Ο λογαριασμός σας είναι %(email)s. Ορίστε τον κωδικό με τον οποίο θα συνδέεστε.",
    ),
    "Set my password": ("设置密码", "Ορισμός κωδικού"),
    "This link has expired or has already been used.": (
        "此链接已过期或已被使用。",
        "Ο σύνδεσμος έχει λήξει ή έχει ήδη χρησιμοποιηθεί.",
    ),
    "Ask your administrator for a new one, or use “Forgot your password?” on the sign-in page.": (
        "请向管理员索取新链接，或在登录页面使用“忘记密码？”。",
        "Ζητήστε νέο από τον διαχειριστή σας ή χρησιμοποιήστε το «Ξεχάσατε τον κωδικό σας;» "
        "στη σελίδα σύνδεσης.",
    ),
}
