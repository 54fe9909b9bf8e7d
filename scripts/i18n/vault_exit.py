# ruff: noqa: E501
"""Vault, exit (issue 12): the exit pack and its README, the security posture catalogue and
pages, the exit-readiness score. msgid: (Simplified Chinese, Greek); plural entries are keyed
by their singular msgid, Greek as (one, other)."""

T: dict[str, tuple[object, object]] = {
    # Tabs and titles
    "Exit readiness": ("退出准备度", "Ετοιμότητα αποχώρησης"),
    "Security posture": ("安全状况", "Στάση ασφάλειας"),
    # The posture catalogue: Cyber Essentials
    "Firewalls": ("防火墙", "Τείχη προστασίας"),
    "Every device that reaches the internet sits behind a firewall with its default password changed, and only the services the business needs are let in.": (
        "每台连接互联网的设备都位于防火墙之后，防火墙的默认密码已更改，只放行业务所需的服务。",
        "Κάθε συσκευή που βγαίνει στο διαδίκτυο βρίσκεται πίσω από τείχος προστασίας με αλλαγμένο τον προεπιλεγμένο κωδικό, και επιτρέπονται μόνο οι υπηρεσίες που χρειάζεται η επιχείρηση.",
    ),
    "Secure configuration": ("安全配置", "Ασφαλής διαμόρφωση"),
    "Computers and network devices are set up to do only what they must: unused accounts and software removed, default passwords changed, auto-run off.": (
        "计算机和网络设备只做必须做的事：删除不用的账户和软件，更改默认密码，关闭自动运行。",
        "Οι υπολογιστές και οι συσκευές δικτύου ρυθμίζονται να κάνουν μόνο ό,τι πρέπει: αχρησιμοποίητοι λογαριασμοί και λογισμικό αφαιρούνται, οι προεπιλεγμένοι κωδικοί αλλάζουν, η αυτόματη εκτέλεση είναι κλειστή.",
    ),
    "User access control": ("用户访问控制", "Έλεγχος πρόσβασης χρηστών"),
    "Each person has their own account with only the access their work needs; administrator accounts are separate and used only for administration.": (
        "每个人都有自己的账户，只拥有工作所需的权限；管理员账户单独设置，仅用于管理。",
        "Κάθε άτομο έχει δικό του λογαριασμό με μόνο την πρόσβαση που χρειάζεται η δουλειά του· οι λογαριασμοί διαχειριστή είναι χωριστοί και χρησιμοποιούνται μόνο για διαχείριση.",
    ),
    "Malware protection": ("恶意软件防护", "Προστασία από κακόβουλο λογισμικό"),
    "Anti-malware is installed and up to date on every computer, or only approved applications may run.": (
        "每台计算机都安装了最新的反恶意软件，或只允许运行经批准的应用程序。",
        "Σε κάθε υπολογιστή είναι εγκατεστημένο και ενημερωμένο λογισμικό προστασίας από κακόβουλο λογισμικό, ή εκτελούνται μόνο εγκεκριμένες εφαρμογές.",
    ),
    "Security update management": ("安全更新管理", "Διαχείριση ενημερώσεων ασφαλείας"),
    "Operating systems and software are supported by their makers and high-risk security updates are installed within 14 days.": (
        "操作系统和软件仍受厂商支持，高风险安全更新在 14 天内安装。",
        "Τα λειτουργικά συστήματα και το λογισμικό υποστηρίζονται από τους κατασκευαστές τους και οι ενημερώσεις ασφαλείας υψηλού κινδύνου εγκαθίστανται μέσα σε 14 ημέρες.",
    ),
    # ISO/IEC 27001:2022 Annex A
    "Access control": ("访问控制", "Έλεγχος πρόσβασης"),
    "Rules for who may reach which information and systems are written down, granted on need and reviewed.": (
        "谁可以访问哪些信息和系统的规则已成文，按需授予并定期复核。",
        "Οι κανόνες για το ποιος έχει πρόσβαση σε ποιες πληροφορίες και συστήματα είναι γραμμένοι, παραχωρούνται κατά ανάγκη και επανεξετάζονται.",
    ),
    "Information security for use of cloud services": (
        "使用云服务的信息安全",
        "Ασφάλεια πληροφοριών κατά τη χρήση υπηρεσιών νέφους",
    ),
    "Cloud services are chosen, run and left by rule: who holds each account, where the data lives, how it comes back at the end.": (
        "云服务的选择、运行和退出都有规则：谁持有每个账户、数据存放在哪里、结束时如何取回。",
        "Οι υπηρεσίες νέφους επιλέγονται, λειτουργούν και εγκαταλείπονται με κανόνες: ποιος κατέχει κάθε λογαριασμό, πού βρίσκονται τα δεδομένα, πώς επιστρέφουν στο τέλος.",
    ),
    "ICT readiness for business continuity": (
        "业务连续性的信息通信技术准备",
        "Ετοιμότητα ΤΠΕ για την επιχειρησιακή συνέχεια",
    ),
    "The systems the business cannot work without are known, with a plan and a tested way to bring them back in the time the business can bear.": (
        "业务离不开的系统已明确，并有计划和经过测试的方法，能在业务可承受的时间内恢复它们。",
        "Τα συστήματα χωρίς τα οποία η επιχείρηση δεν λειτουργεί είναι γνωστά, με σχέδιο και δοκιμασμένο τρόπο επαναφοράς τους στον χρόνο που αντέχει η επιχείρηση.",
    ),
    "Information security awareness, education and training": (
        "信息安全意识、教育和培训",
        "Ευαισθητοποίηση, εκπαίδευση και κατάρτιση στην ασφάλεια πληροφοριών",
    ),
    "Staff learn to spot phishing and to handle information safely, when they join and at least once a year.": (
        "员工在入职时以及每年至少一次学习识别网络钓鱼并安全处理信息。",
        "Το προσωπικό μαθαίνει να αναγνωρίζει το ηλεκτρονικό ψάρεμα και να χειρίζεται με ασφάλεια τις πληροφορίες, κατά την πρόσληψη και τουλάχιστον μία φορά τον χρόνο.",
    ),
    "Protection against malware": ("防范恶意软件", "Προστασία έναντι κακόβουλου λογισμικού"),
    "Malware is detected and stopped, and people know what to do if it gets in.": (
        "恶意软件会被发现和阻止，人们也知道一旦中招该怎么做。",
        "Το κακόβουλο λογισμικό εντοπίζεται και σταματά, και όλοι ξέρουν τι να κάνουν αν μπει.",
    ),
    "Management of technical vulnerabilities": ("技术漏洞管理", "Διαχείριση τεχνικών ευπαθειών"),
    "Weaknesses in the systems in use are found (updates, advisories, scans), judged and fixed in time.": (
        "在用系统中的弱点会被发现（更新、公告、扫描）、评估并及时修复。",
        "Οι αδυναμίες των συστημάτων σε χρήση εντοπίζονται (ενημερώσεις, ανακοινώσεις, σαρώσεις), αξιολογούνται και διορθώνονται έγκαιρα.",
    ),
    "Information backup": ("信息备份", "Αντίγραφα ασφαλείας πληροφοριών"),
    "Backups of data and systems are taken as agreed, kept apart from the originals, and restored in a test regularly.": (
        "按约定备份数据和系统，备份与原件分开保存，并定期进行恢复测试。",
        "Τα αντίγραφα ασφαλείας δεδομένων και συστημάτων λαμβάνονται όπως συμφωνήθηκε, φυλάσσονται χωριστά από τα πρωτότυπα και επαναφέρονται δοκιμαστικά τακτικά.",
    ),
    "Logging": ("日志记录", "Καταγραφή"),
    "Activity, faults and security events are logged, the logs are protected from change and looked at.": (
        "活动、故障和安全事件都有日志记录，日志受保护不被篡改，并有人查看。",
        "Η δραστηριότητα, τα σφάλματα και τα συμβάντα ασφαλείας καταγράφονται, τα αρχεία καταγραφής προστατεύονται από αλλαγές και εξετάζονται.",
    ),
    "Network security": ("网络安全", "Ασφάλεια δικτύου"),
    "Networks and their devices are secured, managed and watched; guest and office networks are kept apart.": (
        "网络及其设备受到保护、管理和监控；访客网络与办公网络相互隔离。",
        "Τα δίκτυα και οι συσκευές τους προστατεύονται, διαχειρίζονται και παρακολουθούνται· τα δίκτυα επισκεπτών και γραφείου είναι χωριστά.",
    ),
    # Statuses
    "Met": ("已满足", "Πληρείται"),
    "Partly met": ("部分满足", "Πληρείται εν μέρει"),
    "Not met": ("未满足", "Δεν πληρείται"),
    "Not applicable": ("不适用", "Δεν εφαρμόζεται"),
    "Not reviewed": ("未审查", "Δεν έχει ελεγχθεί"),
    # Posture: errors and computed evidence
    "status: use one of %(values)s.": (
        "status：请使用 %(values)s 之一。",
        "status: χρησιμοποιήστε ένα από τα %(values)s.",
    ),
    "%(field)s: text of at most %(n)s characters.": (
        "%(field)s：文本最多 %(n)s 个字符。",
        "%(field)s: κείμενο έως %(n)s χαρακτήρες.",
    ),
    "assets: no such asset in this organization.": (
        "assets：该机构没有此资产。",
        "assets: δεν υπάρχει τέτοιο στοιχείο εξοπλισμού σε αυτόν τον οργανισμό.",
    ),
    "%(good)s of %(total)s computers on an operating system still updated.": (
        "%(total)s 台计算机中有 %(good)s 台运行仍在更新的操作系统。",
        "%(good)s από %(total)s υπολογιστές έχουν λειτουργικό σύστημα που ενημερώνεται ακόμη.",
    ),
    "%(n)s without an operating system recorded.": (
        "%(n)s 台未记录操作系统。",
        "%(n)s χωρίς καταγεγραμμένο λειτουργικό σύστημα.",
    ),
    "%(mfa)s of %(total)s Steward users sign in with a second factor.": (
        "%(total)s 名 Steward 用户中有 %(mfa)s 名使用第二因素登录。",
        "%(mfa)s από %(total)s χρήστες του Steward συνδέονται με δεύτερο παράγοντα.",
    ),
    "%(held)s of %(total)s cloud accounts are held by the client.": (
        "%(total)s 个云账户中有 %(held)s 个由客户持有。",
        "%(held)s από %(total)s λογαριασμούς νέφους κατέχει ο πελάτης.",
    ),
    "Every look at a password is logged in a signed hash chain (%(n)s entries).": (
        "每次查看密码都记录在签名的哈希链中（%(n)s 条）。",
        "Κάθε ματιά σε κωδικό καταγράφεται σε υπογεγραμμένη αλυσίδα κατακερματισμού (%(n)s εγγραφές).",
    ),
    "No such control.": ("没有此控制项。", "Δεν υπάρχει τέτοιο μέτρο ελέγχου."),
    "Only the provider's staff review the posture.": (
        "只有服务商的员工可以审查安全状况。",
        "Μόνο το προσωπικό του παρόχου επανεξετάζει τη στάση ασφάλειας.",
    ),
    # Posture page
    "The Cyber Essentials controls and chosen ISO/IEC 27001:2022 themes, as last reviewed.": (
        "Cyber Essentials 控制项和所选的 ISO/IEC 27001:2022 主题，按最近一次审查的结果。",
        "Τα μέτρα ελέγχου Cyber Essentials και επιλεγμένα θέματα του ISO/IEC 27001:2022, όπως επανεξετάστηκαν τελευταία.",
    ),
    "Review overdue": ("审查已逾期", "Η επανεξέταση καθυστερεί"),
    "Controls": ("控制项", "Μέτρα ελέγχου"),
    "Owner": ("负责人", "Υπεύθυνος"),
    "Evidence": ("证据", "Τεκμήρια"),
    "From the records": ("来自记录", "Από τα αρχεία"),
    "Review by": ("审查截止", "Επανεξέταση έως"),
    "Review": ("审查", "Επανεξέταση"),
    "Status": ("状态", "Κατάσταση"),
    "Save": ("保存", "Αποθήκευση"),
    "Saved: %(control)s.": ("已保存：%(control)s。", "Αποθηκεύτηκε: %(control)s."),
    "Two-factor sign-in": ("双重验证登录", "Σύνδεση δύο παραγόντων"),
    "Authenticator app": ("验证器应用", "Εφαρμογή ταυτοποίησης"),
    "Security key": ("安全密钥", "Κλειδί ασφαλείας"),
    "Password only": ("仅密码", "Μόνο κωδικός"),
    "No Steward users in this organization.": (
        "该机构没有 Steward 用户。",
        "Δεν υπάρχουν χρήστες του Steward σε αυτόν τον οργανισμό.",
    ),
    # Exit page
    "Everything your IT provider knows about your IT is yours. This is how ready you are to take it elsewhere.": (
        "IT 服务商所了解的关于您 IT 的一切都属于您。这里显示您将其带到别处的准备程度。",
        "Ό,τι γνωρίζει ο πάροχος IT για την πληροφορική σας είναι δικό σας. Εδώ φαίνεται πόσο έτοιμοι είστε να το πάρετε αλλού.",
    ),
    "How ready this client is to leave us: the accounts they hold, the passwords we have not seen, the documentation.": (
        "该客户离开我们的准备程度：他们持有的账户、我们未查看过的密码、文档。",
        "Πόσο έτοιμος είναι αυτός ο πελάτης να φύγει: οι λογαριασμοί που κατέχει, οι κωδικοί που δεν έχουμε δει, η τεκμηρίωση.",
    ),
    "Readiness score": ("准备度评分", "Βαθμός ετοιμότητας"),
    "The mean of the three parts below.": (
        "下面三部分的平均值。",
        "Ο μέσος όρος των τριών μερών παρακάτω.",
    ),
    "Accounts you hold": ("您持有的账户", "Λογαριασμοί που κατέχετε"),
    "%(done)s of %(total)s vendor account is yours.": (
        "%(total)s 个供应商账户中有 %(done)s 个属于您。",
        (
            "%(done)s από %(total)s λογαριασμό προμηθευτή είναι δικός σας.",
            "%(done)s από %(total)s λογαριασμούς προμηθευτών είναι δικοί σας.",
        ),
    ),
    "No vendor recorded yet: nothing to take over.": (
        "尚未记录供应商：没有需要接管的。",
        "Δεν έχει καταγραφεί ακόμη προμηθευτής: τίποτα προς ανάληψη.",
    ),
    "Passwords changed since the provider saw them": (
        "服务商查看后已更改的密码",
        "Κωδικοί που άλλαξαν αφότου τους είδε ο πάροχος",
    ),
    "%(done)s of %(total)s password was not seen since it last changed.": (
        "%(total)s 个密码中有 %(done)s 个自上次更改后未被查看。",
        (
            "%(done)s από %(total)s κωδικό δεν έχει προβληθεί από την τελευταία αλλαγή του.",
            "%(done)s από %(total)s κωδικούς δεν έχουν προβληθεί από την τελευταία αλλαγή τους.",
        ),
    ),
    "No password in the vault yet.": (
        "保险库中还没有密码。",
        "Δεν υπάρχει ακόμη κωδικός στο θησαυροφυλάκιο.",
    ),
    "Documentation": ("文档", "Τεκμηρίωση"),
    "At least one document written": ("至少写了一份文档", "Έχει γραφτεί τουλάχιστον ένα έγγραφο"),
    "Assets recorded": ("已记录资产", "Έχει καταγραφεί εξοπλισμός"),
    "Vendors recorded": ("已记录供应商", "Έχουν καταγραφεί προμηθευτές"),
    "Take over these first": ("请先接管这些", "Αναλάβετε πρώτα αυτά"),
    "Held by the provider": ("由服务商持有", "Στα χέρια του παρόχου"),
    "Seen since it changed": ("更改后已被查看", "Προβλήθηκε μετά την αλλαγή"),
    "seen %(when)s": ("查看于 %(when)s", "προβλήθηκε %(when)s"),
    "Nothing: every account is yours, and no password was seen since it changed.": (
        "没有：每个账户都属于您，也没有密码在更改后被查看过。",
        "Τίποτα: κάθε λογαριασμός είναι δικός σας και κανένας κωδικός δεν προβλήθηκε μετά την αλλαγή του.",
    ),
    "The exit pack": ("退出包", "Το πακέτο αποχώρησης"),
    "One zip file with everything, for you or your next provider. It is made when you ask and not kept; taking it is written in the access log.": (
        "一个包含一切的 zip 文件，供您或您的下一个服务商使用。它在您请求时生成，不会保留；下载记录会写入访问日志。",
        "Ένα αρχείο zip με τα πάντα, για εσάς ή τον επόμενο πάροχό σας. Δημιουργείται όταν το ζητήσετε και δεν φυλάσσεται· η λήψη του γράφεται στο αρχείο πρόσβασης.",
    ),
    "%(n)s password, for KeePassXC": (
        "%(n)s 个密码，用于 KeePassXC",
        ("%(n)s κωδικός, για το KeePassXC", "%(n)s κωδικοί, για το KeePassXC"),
    ),
    "%(n)s vendor": ("%(n)s 个供应商", ("%(n)s προμηθευτής", "%(n)s προμηθευτές")),
    "%(n)s document": ("%(n)s 份文档", ("%(n)s έγγραφο", "%(n)s έγγραφα")),
    "%(n)s ticket with its messages": (
        "%(n)s 个工单及其消息",
        ("%(n)s αίτημα με τα μηνύματά του", "%(n)s αιτήματα με τα μηνύματά τους"),
    ),
    "the service agreements": ("服务协议", "οι συμβάσεις υπηρεσιών"),
    "the access log and a program that checks it": (
        "访问日志以及检查它的程序",
        "το αρχείο πρόσβασης και ένα πρόγραμμα που το ελέγχει",
    ),
    "what is inside, for the next provider": (
        "包内有什么，供下一个服务商参考",
        "τι περιέχει, για τον επόμενο πάροχο",
    ),
    "Password for the vault file": (
        "保险库文件的密码",
        "Κωδικός για το αρχείο του θησαυροφυλακίου",
    ),
    "At least 12 characters. Steward does not keep it: write it down somewhere safe.": (
        "至少 12 个字符。Steward 不会保存它：请记在安全的地方。",
        "Τουλάχιστον 12 χαρακτήρες. Το Steward δεν τον φυλάει: σημειώστε τον κάπου ασφαλές.",
    ),
    "The same password again": ("再次输入相同的密码", "Ο ίδιος κωδικός ξανά"),
    "The two passwords differ.": ("两次输入的密码不一致。", "Οι δύο κωδικοί διαφέρουν."),
    "Download the exit pack": ("下载退出包", "Λήψη του πακέτου αποχώρησης"),
    "Your organization's admins can download the exit pack.": (
        "贵机构的管理员可以下载退出包。",
        "Οι διαχειριστές του οργανισμού σας μπορούν να κατεβάσουν το πακέτο αποχώρησης.",
    ),
    "The client's admins and provider admins can download the exit pack.": (
        "客户的管理员和服务商管理员可以下载退出包。",
        "Οι διαχειριστές του πελάτη και οι διαχειριστές του παρόχου μπορούν να κατεβάσουν το πακέτο αποχώρησης.",
    ),
    # The pack and its README
    "password: at least %(n)s characters.": (
        "password：至少 %(n)s 个字符。",
        "password: τουλάχιστον %(n)s χαρακτήρες.",
    ),
    "Only the client's admins and provider admins may take the exit pack.": (
        "只有客户的管理员和服务商管理员可以获取退出包。",
        "Μόνο οι διαχειριστές του πελάτη και οι διαχειριστές του παρόχου μπορούν να πάρουν το πακέτο αποχώρησης.",
    ),
    "Vendors": ("供应商", "Προμηθευτές"),
    "Other": ("其他", "Άλλο"),
    "Exit pack of %(org)s": ("%(org)s 的退出包", "Πακέτο αποχώρησης του %(org)s"),
    "Made on %(when)s by Steward. Everything your IT provider knew about your IT is in it.": (
        "由 Steward 于 %(when)s 生成。您的 IT 服务商所了解的关于您 IT 的一切都在其中。",
        "Δημιουργήθηκε στις %(when)s από το Steward. Ό,τι γνώριζε ο πάροχος IT για την πληροφορική σας βρίσκεται εδώ.",
    ),
    "What is inside": ("包内有什么", "Τι περιέχει"),
    "File": ("文件", "Αρχείο"),
    "What it holds": ("内容", "Τι περιέχει"),
    '%(n)s password (KeePass KDBX 4), grouped by vendor, by asset, and "Other".': (
        "%(n)s 个密码（KeePass KDBX 4），按供应商、资产和“其他”分组。",
        (
            "%(n)s κωδικός (KeePass KDBX 4), ομαδοποιημένος ανά προμηθευτή, ανά εξοπλισμό και «Άλλο».",
            "%(n)s κωδικοί (KeePass KDBX 4), ομαδοποιημένοι ανά προμηθευτή, ανά εξοπλισμό και «Άλλο».",
        ),
    ),
    "%(n)s asset (computers, network devices, services).": (
        "%(n)s 项资产（计算机、网络设备、服务）。",
        (
            "%(n)s στοιχείο εξοπλισμού (υπολογιστές, συσκευές δικτύου, υπηρεσίες).",
            "%(n)s στοιχεία εξοπλισμού (υπολογιστές, συσκευές δικτύου, υπηρεσίες).",
        ),
    ),
    "%(n)s third party, and who holds its account.": (
        "%(n)s 个第三方，以及每个账户由谁持有。",
        (
            "%(n)s τρίτος, και ποιος κατέχει τον λογαριασμό του.",
            "%(n)s τρίτοι, και ποιος κατέχει κάθε λογαριασμό.",
        ),
    ),
    "%(n)s document, in Markdown.": (
        "%(n)s 份文档，Markdown 格式。",
        ("%(n)s έγγραφο, σε Markdown.", "%(n)s έγγραφα, σε Markdown."),
    ),
    "%(n)s ticket, with its messages and history.": (
        "%(n)s 个工单，含消息和历史。",
        (
            "%(n)s αίτημα, με τα μηνύματα και το ιστορικό του.",
            "%(n)s αιτήματα, με τα μηνύματα και το ιστορικό τους.",
        ),
    ),
    "The service agreements and their versions.": (
        "服务协议及其各版本。",
        "Οι συμβάσεις υπηρεσιών και οι εκδόσεις τους.",
    ),
    'The access log: one entry a line ("type": "entry"), then the signed checkpoints ("type": "checkpoint").': (
        '访问日志：每行一条记录（"type": "entry"），然后是签名的检查点（"type": "checkpoint"）。',
        'Το αρχείο πρόσβασης: μία εγγραφή ανά γραμμή ("type": "entry"), και μετά τα υπογεγραμμένα σημεία ελέγχου ("type": "checkpoint").',
    ),
    "Checks the access log (Python 3 and `cryptography`).": (
        "检查访问日志（需要 Python 3 和 `cryptography`）。",
        "Ελέγχει το αρχείο πρόσβασης (Python 3 και `cryptography`).",
    ),
    "Opening the passwords": ("打开密码库", "Άνοιγμα των κωδικών"),
    "Open vault.kdbx in KeePassXC (keepassxc.org) or any KeePass 2 application, with the password chosen when the pack was made. Steward does not keep that password.": (
        "使用 KeePassXC（keepassxc.org）或任何 KeePass 2 应用程序打开 vault.kdbx，密码为生成此包时选择的密码。Steward 不保存该密码。",
        "Ανοίξτε το vault.kdbx στο KeePassXC (keepassxc.org) ή σε οποιαδήποτε εφαρμογή KeePass 2, με τον κωδικό που επιλέχθηκε όταν δημιουργήθηκε το πακέτο. Το Steward δεν φυλάει αυτόν τον κωδικό.",
    ),
    "Checking the access log": ("检查访问日志", "Έλεγχος του αρχείου πρόσβασης"),
    "Every look at a password, every change and every export is an entry of a hash chain. Check that none was changed, removed or reordered:": (
        "每次查看密码、每次更改和每次导出都是哈希链中的一条记录。检查是否有记录被更改、删除或重新排序：",
        "Κάθε ματιά σε κωδικό, κάθε αλλαγή και κάθε εξαγωγή είναι εγγραφή μιας αλυσίδας κατακερματισμού. Ελέγξτε ότι καμία δεν άλλαξε, δεν αφαιρέθηκε και δεν αναδιατάχθηκε:",
    ),
    "It ends with 0 and says OK when the log is whole; otherwise it names the first entry at fault. Compare the key with the one in the checkpoint mails you received.": (
        "日志完整时，它以 0 结束并显示 OK；否则会指出第一条有问题的记录。请将密钥与您收到的检查点邮件中的密钥进行比较。",
        "Όταν το αρχείο είναι ακέραιο τερματίζει με 0 και γράφει OK· αλλιώς κατονομάζει την πρώτη προβληματική εγγραφή. Συγκρίνετε το κλειδί με εκείνο στα μηνύματα σημείων ελέγχου που λάβατε.",
    ),
    "Take over these accounts first": (
        "请先接管这些账户",
        "Αναλάβετε πρώτα αυτούς τους λογαριασμούς",
    ),
    "Accounts your previous provider holds on your behalf:": (
        "您之前的服务商代您持有的账户：",
        "Λογαριασμοί που κατέχει για λογαριασμό σας ο προηγούμενος πάροχος:",
    ),
    "Accounts a third party holds:": ("由第三方持有的账户：", "Λογαριασμοί που κατέχει τρίτος:"),
    "Passwords seen by your previous provider since they last changed:": (
        "自上次更改后被您之前的服务商查看过的密码：",
        "Κωδικοί που είδε ο προηγούμενος πάροχος μετά την τελευταία αλλαγή τους:",
    ),
    "seen %(when)s by %(who)s": ("%(who)s 于 %(when)s 查看", "προβλήθηκε %(when)s από %(who)s"),
    "Then change every password in the vault that your previous provider knew.": (
        "然后更改保险库中您之前的服务商知道的每个密码。",
        "Έπειτα αλλάξτε κάθε κωδικό του θησαυροφυλακίου που γνώριζε ο προηγούμενος πάροχος.",
    ),
    # Vendor kinds, as the exit page and the README name them (vault.models)
    "Email and office (Microsoft 365, Google)": (
        "邮件和办公（Microsoft 365、Google）",
        "Email και γραφείο (Microsoft 365, Google)",
    ),
    "Software": ("软件", "Λογισμικό"),
    "Hardware": ("硬件", "Υλικό"),
    "Telecom": ("电信", "Τηλεπικοινωνίες"),
}
