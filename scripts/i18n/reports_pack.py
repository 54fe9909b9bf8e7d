# ruff: noqa: E501
"""Reports, the review pack (issue 13): the quarterly pack's sections, charts, cover and pages.
msgid: (Simplified Chinese, Greek); plural entries are keyed by their singular msgid, Greek as
(one, other)."""

T: dict[str, tuple[object, object]] = {
    # Pages and the cover
    "Review pack": ("回顾报告", "Πακέτο ανασκόπησης"),
    "Service review": ("服务回顾", "Ανασκόπηση υπηρεσιών"),
    "Download PDF": ("下载 PDF", "Λήψη PDF"),
    "The quarterly service review for the client's board: service levels, downtime and its cost, maintenance, problems, advice and spend.": (
        "为客户董事会准备的季度服务回顾：服务水平、停机时间及其成本、维护、问题、建议和支出。",
        "Η τριμηνιαία ανασκόπηση υπηρεσιών για τη διοίκηση του πελάτη: επίπεδα υπηρεσίας, διακοπές λειτουργίας και το κόστος τους, συντήρηση, προβλήματα, συστάσεις και δαπάνες.",
    ),
    "The PDF is written in the client's language (%(l)s).": (
        "PDF 使用客户的语言（%(l)s）。",
        "Το PDF είναι γραμμένο στη γλώσσα του πελάτη (%(l)s).",
    ),
    "Prepared by %(p)s on %(d)s.": (
        "由 %(p)s 于 %(d)s 编制。",
        "Συντάχθηκε από την %(p)s στις %(d)s.",
    ),
    # Summary
    "Summary": ("概览", "Σύνοψη"),
    "target %(t)s": ("目标 %(t)s", "στόχος %(t)s"),
    "no target agreed": ("未约定目标", "χωρίς συμφωνημένο στόχο"),
    "cost to the business %(c)s": ("业务损失 %(c)s", "κόστος για την επιχείρηση %(c)s"),
    "Downtime": ("停机时间", "Διακοπές λειτουργίας"),
    "Caught early": ("及早发现", "Εντοπίστηκαν νωρίς"),
    "issues found by monitoring before anyone reported them": (
        "在有人报告之前由监控发现的问题",
        "ζητήματα που εντόπισε η παρακολούθηση πριν τα αναφέρει κανείς",
    ),
    "Client satisfaction": ("客户满意度", "Ικανοποίηση πελάτη"),
    "%(r)s of surveys answered": ("%(r)s 的调查已回复", "απαντήθηκε το %(r)s των ερευνών"),
    "no surveys answered": ("没有已回复的调查", "καμία έρευνα δεν απαντήθηκε"),
    "%(n)s ticket was opened in the period and %(r)s resolved; %(b)s still open at its end.": (
        "本期共新建 %(n)s 个工单，解决 %(r)s 个；期末仍有 %(b)s 个未结。",
        (
            "Άνοιξε %(n)s αίτημα στην περίοδο και επιλύθηκαν %(r)s· %(b)s έμεναν ανοιχτά στο τέλος της.",
            "Άνοιξαν %(n)s αιτήματα στην περίοδο και επιλύθηκαν %(r)s· %(b)s έμεναν ανοιχτά στο τέλος της.",
        ),
    ),
    # Scorecard
    "Scorecard against the targets": ("对照目标的记分卡", "Αποτελέσματα έναντι των στόχων"),
    "Each measure as the agreement defines it, against its target, beside the previous period of the same length.": (
        "每项指标均按协议定义计算，与其目标对照，并与同等长度的上一期并列。",
        "Κάθε μέτρηση όπως την ορίζει η σύμβαση, έναντι του στόχου της, δίπλα στην προηγούμενη περίοδο ίδιας διάρκειας.",
    ),
    "Measure": ("指标", "Μέτρηση"),
    "This period": ("本期", "Αυτή η περίοδος"),
    "Previous period": ("上期", "Προηγούμενη περίοδος"),
    "Trend": ("趋势", "Τάση"),
    "better": ("改善", "καλύτερα"),
    "worse": ("变差", "χειρότερα"),
    "unchanged": ("持平", "αμετάβλητο"),
    "%(n)s counted": ("计入 %(n)s 项", ("%(n)s μετρήθηκε", "%(n)s μετρήθηκαν")),
    "Resolved at first contact": ("首次联系即解决", "Επίλυση με την πρώτη επαφή"),
    # Tickets
    "Tickets opened by priority and type": (
        "按优先级和类型新建的工单",
        "Αιτήματα που άνοιξαν ανά προτεραιότητα και τύπο",
    ),
    "Tickets per month": ("每月工单", "Αιτήματα ανά μήνα"),
    "No tickets were opened in this period.": (
        "本期没有新建工单。",
        "Δεν άνοιξε κανένα αίτημα σε αυτή την περίοδο.",
    ),
    "Incidents": ("事件", "Περιστατικά"),
    "Service requests": ("服务请求", "Αιτήματα υπηρεσίας"),
    "No service given": ("未指定服务", "Χωρίς υπηρεσία"),
    # Downtime
    "Downtime and its cost": ("停机时间及其成本", "Διακοπές λειτουργίας και το κόστος τους"),
    "Downtime outside maintenance windows": (
        "维护窗口之外的停机时间",
        "Διακοπές εκτός παραθύρων συντήρησης",
    ),
    "Down inside maintenance windows (not counted above)": (
        "维护窗口内的停机（未计入上方）",
        "Διακοπές μέσα σε παράθυρα συντήρησης (δεν μετρώνται παραπάνω)",
    ),
    "Cost of downtime to the business": (
        "停机给业务造成的成本",
        "Κόστος των διακοπών για την επιχείρηση",
    ),
    "Billed for fixes": ("修复已开票金额", "Χρεώθηκαν για επισκευές"),
    "Caught early by monitoring": ("由监控及早发现", "Εντοπίστηκαν νωρίς από την παρακολούθηση"),
    "The %(n)s longest of %(t)s interruptions": (
        "%(t)s 次中断里最长的 %(n)s 次",
        "Οι %(n)s μεγαλύτερες από %(t)s διακοπές",
    ),
    "Interruptions": ("中断", "Διακοπές"),
    "No downtime was recorded in this period.": (
        "本期没有记录到停机。",
        "Δεν καταγράφηκε διακοπή λειτουργίας σε αυτή την περίοδο.",
    ),
    # Maintenance
    "No maintenance was planned in this period.": (
        "本期没有计划维护。",
        "Δεν είχε προγραμματιστεί συντήρηση σε αυτή την περίοδο.",
    ),
    "Planned": ("已计划", "Προγραμματισμένες"),
    "Done late": ("延迟完成", "Έγιναν με καθυστέρηση"),
    "On time": ("按时", "Εγκαίρως"),
    # Problems and reviews
    "Problems and reviews": ("问题与回顾", "Προβλήματα και ανασκοπήσεις"),
    "Recurring issues": ("反复出现的问题", "Επαναλαμβανόμενα ζητήματα"),
    "Since": ("始于", "Από"),
    "No issue came back three times or more in this period.": (
        "本期没有问题出现三次或以上。",
        "Κανένα ζήτημα δεν επανήλθε τρεις ή περισσότερες φορές σε αυτή την περίοδο.",
    ),
    "Problems": ("问题", "Προβλήματα"),
    "Root cause": ("根本原因", "Βασική αιτία"),
    "Workaround": ("临时解决办法", "Προσωρινή λύση"),
    "No problems were open in this period.": (
        "本期没有未解决的问题。",
        "Δεν υπήρχαν ανοιχτά προβλήματα σε αυτή την περίοδο.",
    ),
    "Post-incident reviews": ("事后复盘", "Ανασκοπήσεις περιστατικών"),
    "What happened": ("发生了什么", "Τι συνέβη"),
    "How it will be avoided": ("如何避免再次发生", "Πώς θα αποφευχθεί"),
    "due %(d)s": ("截止 %(d)s", "προθεσμία %(d)s"),
    "No incident in this period needed a review.": (
        "本期没有需要回顾的事件。",
        "Κανένα περιστατικό σε αυτή την περίοδο δεν χρειάστηκε ανασκόπηση.",
    ),
    # Advice
    "Recommendations and decisions": ("建议与决定", "Συστάσεις και αποφάσεις"),
    "Recommendation": ("建议", "Σύσταση"),
    "One-off": ("一次性", "Εφάπαξ"),
    "Monthly": ("每月", "Μηνιαία"),
    "Risk if declined": ("拒绝的风险", "Κίνδυνος αν απορριφθεί"),
    "No recommendations were made or awaiting a decision in this period.": (
        "本期没有提出或待决定的建议。",
        "Δεν έγιναν ούτε εκκρεμούσαν συστάσεις σε αυτή την περίοδο.",
    ),
    "Decisions taken": ("已作出的决定", "Αποφάσεις που πάρθηκαν"),
    "Date": ("日期", "Ημερομηνία"),
    "Decision": ("决定", "Απόφαση"),
    # Security and exit-readiness
    "Security and exit-readiness": ("安全与退出准备度", "Ασφάλεια και ετοιμότητα αποχώρησης"),
    "%(r)s of %(t)s controls reviewed.": (
        "已审查 %(t)s 项控制中的 %(r)s 项。",
        "Ελέγχθηκαν %(r)s από %(t)s μέτρα.",
    ),
    "Gaps to close": ("待弥补的差距", "Κενά προς κάλυψη"),
    "Control": ("控制项", "Μέτρο"),
    "Exit-readiness": ("退出准备度", "Ετοιμότητα αποχώρησης"),
    "Accounts the client holds itself": (
        "客户自己持有的账户",
        "Λογαριασμοί που κατέχει ο ίδιος ο πελάτης",
    ),
    "Passwords the provider does not know": (
        "服务商不知道的密码",
        "Κωδικοί που δεν γνωρίζει ο πάροχος",
    ),
    "Documentation in place": ("已有的文档", "Τεκμηρίωση που υπάρχει"),
    # Time and spend
    "Time used and spend against the agreement": (
        "对照协议的用时与支出",
        "Χρόνος και δαπάνες έναντι της σύμβασης",
    ),
    "Agreement: %(a)s": ("协议：%(a)s", "Σύμβαση: %(a)s"),
    "No agreement was in force in this period.": (
        "本期没有生效的协议。",
        "Δεν ίσχυε σύμβαση σε αυτή την περίοδο.",
    ),
    "of which out of hours": ("其中非工作时间", "εκ των οποίων εκτός ωραρίου"),
    "Hours in the agreement (%(n)s month)": (
        "协议包含的小时数（%(n)s 个月）",
        ("Ώρες της σύμβασης (%(n)s μήνας)", "Ώρες της σύμβασης (%(n)s μήνες)"),
    ),
    "Monthly amount under the agreement": ("协议下的月度金额", "Μηνιαίο ποσό της σύμβασης"),
    "Invoiced for the period": ("本期开票金额", "Τιμολογήθηκαν για την περίοδο"),
}
