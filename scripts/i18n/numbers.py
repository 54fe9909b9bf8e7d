"""Issue 10, sections 3 and 4: true numbers on the value and agreements pages, quote prices,
stopped clocks, and the portal's privacy between colleagues."""

T = {
    # Tickets: business stops and copied contacts
    "Stops the business": ("业务中断", "Σταματά την επιχείρηση"),
    "stops the business": ("业务中断", "σταματά την επιχείρηση"),
    "The client's work stopped: counted as work lost on the value page.": (
        "客户的工作因此停止：在价值页面中计为损失的工作。",
        "Η δουλειά του πελάτη σταμάτησε: μετράει ως χαμένη εργασία στη σελίδα αξίας.",
    ),
    "Copied": ("抄送", "Σε κοινοποίηση"),
    "copied": ("抄送", "σε κοινοποίηση"),
    "Contacts who read this ticket as its requester does.": (
        "可以像请求人一样查看此工单的联系人。",
        "Επαφές που βλέπουν το αίτημα όπως ο αιτών.",
    ),
    "Business stop marked": ("已标记业务中断", "Σημειώθηκε διακοπή της επιχείρησης"),
    "Copied people changed": ("抄送人员已更改", "Αλλαγή στην κοινοποίηση"),
    "nobody": ("无人", "κανείς"),
    # Stopped clocks
    "%(clock)s not needed: the ticket was resolved or closed at %(stop)s %(tz)s, before it "
    "fell due; not counted as met or missed.": (
        "%(clock)s：无需计算。工单已于 %(stop)s %(tz)s 解决或关闭，早于到期时间，"
        "不计为达成或未达成。",
        "%(clock)s: δεν χρειάστηκε· το αίτημα επιλύθηκε ή έκλεισε στις %(stop)s %(tz)s, "
        "πριν από την προθεσμία· δεν μετράει ούτε ως τήρηση ούτε ως αστοχία.",
    ),
    "not needed": ("无需", "δεν χρειάστηκε"),
    "stopped": ("已停止", "σταμάτησε"),
    # Portal list
    "Search by number or title": ("按编号或标题搜索", "Αναζήτηση με αριθμό ή τίτλο"),
    "Clear": ("清除", "Καθαρισμός"),
    "You": ("您", "Εσείς"),
    "No request matches “%(q)s”.": (
        "没有与“%(q)s”匹配的请求。",
        "Κανένα αίτημα δεν ταιριάζει με «%(q)s».",
    ),
    "Previous": ("上一页", "Προηγούμενη"),
    "Next": ("下一页", "Επόμενη"),
    "Page %(page)s": ("第 %(page)s 页", "Σελίδα %(page)s"),
    "Requested by %(who)s": ("请求人：%(who)s", "Αιτών: %(who)s"),
    "Requester": ("请求人", "Αιτών"),
    # Value page
    "People working there": ("员工人数", "Άτομα που εργάζονται εκεί"),
    "Empty: the organization's headcount.": (
        "留空：使用该组织的员工人数。",
        "Κενό: ο αριθμός εργαζομένων του οργανισμού.",
    ),
    "The organization's headcount is not set, so this counts the people with portal "
    "accounts (%(n)s); most staff never sign in. Enter the number of people working there "
    "below, or set the headcount on the organization.": (
        "该组织尚未设置员工人数，因此这里按拥有门户账户的人数（%(n)s）计算；"
        "而大多数员工从不登录。请在下方输入实际员工人数，或在组织资料中设置员工人数。",
        "Ο αριθμός εργαζομένων του οργανισμού δεν έχει οριστεί, οπότε μετρώνται όσοι έχουν "
        "λογαριασμό στην πύλη (%(n)s)· οι περισσότεροι εργαζόμενοι δεν συνδέονται ποτέ. "
        "Συμπληρώστε παρακάτω πόσοι εργάζονται εκεί ή ορίστε τον αριθμό στον οργανισμό.",
    ),
    "Managed: users × price × months under an agreement": (
        "托管服务：用户数 × 单价 × 协议有效月数",
        "Διαχειριζόμενη υπηρεσία: χρήστες × τιμή × μήνες με σύμβαση",
    ),
    "Users: the organization's headcount.": (
        "用户数：该组织的员工人数。",
        "Χρήστες: ο αριθμός εργαζομένων του οργανισμού.",
    ),
    "Users: the number entered.": ("用户数：所输入的数字。", "Χρήστες: ο αριθμός που δώσατε."),
    "Users: portal accounts (headcount not set).": (
        "用户数：门户账户数（未设置员工人数）。",
        "Χρήστες: λογαριασμοί πύλης (δεν έχει οριστεί αριθμός εργαζομένων).",
    ),
    "An agreement was in force in %(m)s of the %(n)s months.": (
        "在 %(n)s 个月中，有 %(m)s 个月存在有效协议。",
        "Υπήρχε σύμβαση σε ισχύ τους %(m)s από τους %(n)s μήνες.",
    ),
    "Outages: business hours × people stopped × cost of an hour": (
        "停机：工作时间（小时）× 受影响人数 × 每小时成本",
        "Διακοπές: ώρες λειτουργίας × άτομα που σταμάτησαν × κόστος ώρας",
    ),
    "Only incidents marked as stopping the business, resolved, counted in the hours of %(cal)s.": (
        "仅计入已解决且标记为业务中断的事件，按“%(cal)s”的工作时间计算。",
        "Μόνο επιλυμένα περιστατικά που σημειώθηκαν ότι σταμάτησαν την επιχείρηση, "
        "μετρημένα στις ώρες του ημερολογίου «%(cal)s».",
    ),
    "Only incidents marked as stopping the business, resolved; the organization has no "
    "business calendar, so they are counted round the clock.": (
        "仅计入已解决且标记为业务中断的事件；该组织没有工作日历，因此按全天 24 小时计算。",
        "Μόνο επιλυμένα περιστατικά που σημειώθηκαν ότι σταμάτησαν την επιχείρηση· ο "
        "οργανισμός δεν έχει ημερολόγιο εργασίας, οπότε μετρώνται όλο το εικοσιτετράωρο.",
    ),
    "Still open, so far": ("仍未解决，截至目前", "Ακόμη ανοιχτά, μέχρι στιγμής"),
    "%(h)s business hours so far, not counted above until they are resolved.": (
        "截至目前 %(h)s 个工作小时，解决之前不计入上方合计。",
        "%(h)s ώρες λειτουργίας μέχρι στιγμής· δεν μετρώνται παραπάνω μέχρι να επιλυθούν.",
    ),
    "%(h)s so far": ("截至目前 %(h)s", "%(h)s μέχρι στιγμής"),
    # Agreements list
    "Monthly amount": ("每月金额", "Μηνιαίο ποσό"),
    "headcount not set: users not counted": (
        "未设置员工人数：未计入用户",
        "δεν έχει οριστεί αριθμός εργαζομένων: οι χρήστες δεν μετρήθηκαν",
    ),
    "users: %(n)s × %(p)s": ("用户：%(n)s × %(p)s", "χρήστες: %(n)s × %(p)s"),
    "devices: %(n)s × %(p)s": ("设备：%(n)s × %(p)s", "συσκευές: %(n)s × %(p)s"),
    "fee": ("月费", "πάγιο"),
}
