"""Business calendars, SLA policies, queues and routing: the desk's service-level settings."""

# msgid: (Simplified Chinese, Greek)
T: dict[str, tuple[str, str]] = {
    # Navigation
    "Agreements": ("协议", "Συμβάσεις"),
    "Mail": ("邮件", "Αλληλογραφία"),
    "Service levels": ("服务级别", "Επίπεδα υπηρεσιών"),
    "Business calendars": ("工作日历", "Ημερολόγια εργασίας"),
    "SLA policies": ("SLA 政策", "Πολιτικές SLA"),
    "Queues and routing": ("队列与分派", "Ουρές και δρομολόγηση"),
    # Models
    "time zone": ("时区", "ζώνη ώρας"),
    "business calendar": ("工作日历", "ημερολόγιο εργασίας"),
    "business calendars": ("工作日历", "ημερολόγια εργασίας"),
    "Service": ("服务", "Υπηρεσία"),
    "notification email": ("通知邮箱", "email ειδοποιήσεων"),
    "Notified about SLA warnings on unassigned tickets.": (
        "未分配的工单出现 SLA 预警时通知此邮箱。",
        "Ειδοποιείται για προειδοποιήσεις SLA σε αιτήματα χωρίς ανάθεση.",
    ),
    "default queue": ("默认队列", "προεπιλεγμένη ουρά"),
    "New tickets that no routing rule places land here.": (
        "没有任何分派规则匹配的新工单进入此队列。",
        "Εδώ καταλήγουν τα νέα αιτήματα που δεν ταιριάζουν σε κανέναν κανόνα δρομολόγησης.",
    ),
    "queue": ("队列", "ουρά"),
    "queues": ("队列", "ουρές"),
    "position": ("顺序", "σειρά"),
    "source": ("来源", "πηγή"),
    "routing rule": ("分派规则", "κανόνας δρομολόγησης"),
    "routing rules": ("分派规则", "κανόνες δρομολόγησης"),
    "Name an organization, a source or a service: tickets that match nothing go to the "
    "default queue.": (
        "请至少指定一个机构、来源或服务：不匹配任何规则的工单会进入默认队列。",
        "Ορίστε οργανισμό, προέλευση ή υπηρεσία: τα αιτήματα που δεν ταιριάζουν πουθενά "
        "πηγαίνουν στην προεπιλεγμένη ουρά.",
    ),
    "weekly hours": ("每周工作时间", "εβδομαδιαίο ωράριο"),
    "holiday country": ("节假日所属国家", "χώρα αργιών"),
    "holiday subdivision": ("节假日所属地区", "περιοχή αργιών"),
    "closed dates": ("休息日", "ημέρες κλειστά"),
    "extra working dates": ("调休上班日", "έκτακτες εργάσιμες ημέρες"),
    "calendar": ("日历", "ημερολόγιο"),
    "targets": ("目标", "στόχοι"),
    "pause statuses": ("暂停计时的状态", "καταστάσεις παύσης"),
    "priority matrix": ("优先级矩阵", "πίνακας προτεραιότητας"),
    "Empty: the client organization's calendar.": (
        "留空：使用客户机构的日历。",
        "Κενό: το ημερολόγιο του οργανισμού του πελάτη.",
    ),
    # Model validation
    'Weekly hours must be an object like {"mon": [["09:00", "17:00"]]}.': (
        '每周工作时间须为如下格式的对象：{"mon": [["09:00", "17:00"]]}。',
        'Το εβδομαδιαίο ωράριο πρέπει να είναι αντικείμενο όπως {"mon": [["09:00", "17:00"]]}.',
    ),
    "%(day)s is not a day; use mon, tue, wed, thu, fri, sat, sun.": (
        "%(day)s 不是有效的星期；请使用 mon、tue、wed、thu、fri、sat、sun。",
        "Το %(day)s δεν είναι ημέρα· χρησιμοποιήστε mon, tue, wed, thu, fri, sat, sun.",
    ),
    "%(day)s: a list of [start, end] pairs.": (
        "%(day)s：须为 [开始, 结束] 时间对的列表。",
        "%(day)s: μια λίστα από ζεύγη [αρχή, τέλος].",
    ),
    '%(day)s: each interval is ["HH:MM", "HH:MM"].': (
        '%(day)s：每个时段的格式为 ["HH:MM", "HH:MM"]。',
        '%(day)s: κάθε διάστημα έχει τη μορφή ["HH:MM", "HH:MM"].',
    ),
    "%(day)s: intervals overlap or are out of order.": (
        "%(day)s：时段有重叠或顺序不对。",
        "%(day)s: τα διαστήματα επικαλύπτονται ή δεν είναι στη σειρά.",
    ),
    "A list of dates (YYYY-MM-DD).": (
        "须为日期列表（YYYY-MM-DD）。",
        "Μια λίστα ημερομηνιών (ΕΕΕΕ-ΜΜ-ΗΗ).",
    ),
    "%(value)s is not a date (YYYY-MM-DD).": (
        "%(value)s 不是有效日期（YYYY-MM-DD）。",
        "Το %(value)s δεν είναι ημερομηνία (ΕΕΕΕ-ΜΜ-ΗΗ).",
    ),
    "%(country)s is not a country the holidays package knows (ISO 3166 code, e.g. GR, CN, GB).": (
        "节假日数据中没有国家 %(country)s（请使用 ISO 3166 代码，如 GR、CN、GB）。",
        "Η χώρα %(country)s δεν υπάρχει στα δεδομένα αργιών (κωδικός ISO 3166, π.χ. GR, CN, GB).",
    ),
    "A subdivision needs a country.": (
        "指定地区前须先选择国家。",
        "Για περιοχή χρειάζεται πρώτα χώρα.",
    ),
    "%(sub)s is not a subdivision of %(country)s.": (
        "%(sub)s 不是 %(country)s 的地区。",
        "Το %(sub)s δεν είναι περιοχή της χώρας %(country)s.",
    ),
    "no working hours": ("无工作时间", "χωρίς ώρες λειτουργίας"),
    'Targets must be an object like {"P1": {"first_response": 30, "resolution": 240}}.': (
        '目标须为如下格式的对象：{"P1": {"first_response": 30, "resolution": 240}}。',
        "Οι στόχοι πρέπει να είναι αντικείμενο όπως "
        '{"P1": {"first_response": 30, "resolution": 240}}.',
    ),
    "%(p)s is not a priority; use P1, P2, P3 or P4.": (
        "%(p)s 不是有效的优先级；请使用 P1、P2、P3 或 P4。",
        "Το %(p)s δεν είναι προτεραιότητα· χρησιμοποιήστε P1, P2, P3 ή P4.",
    ),
    "%(p)s: an object of business minutes per clock.": (
        "%(p)s：须为按计时项列出工作分钟数的对象。",
        "%(p)s: ένα αντικείμενο με εργάσιμα λεπτά ανά χρονόμετρο.",
    ),
    "%(clock)s is not a clock; use first_response, next_update or resolution.": (
        "%(clock)s 不是有效的计时项；请使用 first_response、next_update 或 resolution。",
        "Το %(clock)s δεν είναι χρονόμετρο· χρησιμοποιήστε first_response, next_update ή "
        "resolution.",
    ),
    "%(p)s %(clock)s: a positive whole number of business minutes.": (
        "%(p)s %(clock)s：须为正整数（工作分钟）。",
        "%(p)s %(clock)s: θετικός ακέραιος αριθμός εργάσιμων λεπτών.",
    ),
    "%(p)s needs a %(clock)s target.": (
        "%(p)s 需要设置 %(clock)s 目标。",
        "Το %(p)s χρειάζεται στόχο %(clock)s.",
    ),
    'Pause statuses are a list like ["waiting_on_client"] or an object like '
    '{"resolution": ["waiting_on_client"]}.': (
        '暂停状态须为列表（如 ["waiting_on_client"]）或对象'
        '（如 {"resolution": ["waiting_on_client"]}）。',
        'Οι καταστάσεις παύσης είναι λίστα όπως ["waiting_on_client"] ή αντικείμενο όπως '
        '{"resolution": ["waiting_on_client"]}.',
    ),
    "%(clock)s is not a clock.": (
        "%(clock)s 不是有效的计时项。",
        "Το %(clock)s δεν είναι χρονόμετρο.",
    ),
    "%(clock)s: a list of statuses.": (
        "%(clock)s：须为状态列表。",
        "%(clock)s: μια λίστα καταστάσεων.",
    ),
    "The priority matrix needs rows high, medium and low.": (
        "优先级矩阵须包含 high、medium、low 三行。",
        "Ο πίνακας προτεραιότητας χρειάζεται γραμμές high, medium και low.",
    ),
    "Each matrix row maps high, medium and low to P1-P4.": (
        "矩阵每一行须将 high、medium、low 对应到 P1-P4。",
        "Κάθε γραμμή του πίνακα αντιστοιχίζει τα high, medium και low σε P1-P4.",
    ),
    "Between 1 and 99.": ("须在 1 到 99 之间。", "Από 1 έως 99."),
    # Calendar form
    "Monday": ("星期一", "Δευτέρα"),
    "Tuesday": ("星期二", "Τρίτη"),
    "Wednesday": ("星期三", "Τετάρτη"),
    "Thursday": ("星期四", "Πέμπτη"),
    "Friday": ("星期五", "Παρασκευή"),
    "Saturday": ("星期六", "Σάββατο"),
    "Sunday": ("星期日", "Κυριακή"),
    "from": ("开始", "από"),
    "to": ("结束", "έως"),
    "No public holidays": ("不使用法定节假日", "Χωρίς επίσημες αργίες"),
    "Public holidays of": ("法定节假日所属国家", "Επίσημες αργίες της χώρας"),
    "Region": ("地区", "Περιοχή"),
    "Optional: a region's code as the holidays package names it, e.g. ENG.": (
        "可选：节假日数据中的地区代码，如 ENG。",
        "Προαιρετικό: ο κωδικός περιοχής όπως στα δεδομένα αργιών, π.χ. ENG.",
    ),
    "Closed dates": ("休息日", "Ημέρες κλειστά"),
    "Days you are closed besides public holidays; one date a line.": (
        "法定节假日之外不营业的日期；每行一个日期。",
        "Ημέρες που είστε κλειστά εκτός από τις επίσημες αργίες· μία ημερομηνία ανά γραμμή.",
    ),
    "Make-up working days": ("调休上班日", "Έκτακτες εργάσιμες ημέρες"),
    "Days you work although the week or a holiday says closed; one date a line.": (
        "按周计划或节假日本应休息、但需要上班的日期；每行一个日期。",
        "Ημέρες που εργάζεστε, αν και το ωράριο ή μια αργία τις δείχνει κλειστές· μία "
        "ημερομηνία ανά γραμμή.",
    ),
    "%(day)s: %(start)s-%(end)s overlaps another interval.": (
        "%(day)s：%(start)s-%(end)s 与其他时段重叠。",
        "%(day)s: το %(start)s-%(end)s επικαλύπτει άλλο διάστημα.",
    ),
    "%(day)s: %(value)s is not a time (HH:MM, e.g. 09:00).": (
        "%(day)s：%(value)s 不是有效时间（HH:MM，如 09:00）。",
        "%(day)s: το %(value)s δεν είναι ώρα (ΩΩ:ΛΛ, π.χ. 09:00).",
    ),
    "%(day)s: %(start)s-%(end)s ends before it starts.": (
        "%(day)s：%(start)s-%(end)s 的结束时间早于开始时间。",
        "%(day)s: το %(start)s-%(end)s τελειώνει πριν αρχίσει.",
    ),
    # Policy form
    "Business calendar": ("工作日历", "Ημερολόγιο εργασίας"),
    "Warning threshold, percent of a target": (
        "预警阈值（目标的百分比）",
        "Όριο προειδοποίησης, ποσοστό του στόχου",
    ),
    "The client organization's calendar": (
        "客户机构的日历",
        "Το ημερολόγιο του οργανισμού του πελάτη",
    ),
    "Empty: each client's own calendar, else 24x7 in its time zone.": (
        "留空：使用各客户自己的日历；客户未设置日历时，按其时区 7×24 小时计算。",
        "Κενό: το ημερολόγιο κάθε πελάτη, αλλιώς 24x7 στη ζώνη ώρας του.",
    ),
    "%(p)s: a %(clock)s target of at least one minute.": (
        "%(p)s：%(clock)s 目标至少为 1 分钟。",
        "%(p)s: στόχος «%(clock)s» τουλάχιστον ενός λεπτού.",
    ),
    # Queue and rule forms
    "Default queue": ("默认队列", "Προεπιλεγμένη ουρά"),
    "Notification email": ("通知邮箱", "Email ειδοποιήσεων"),
    "Make another queue the default instead: new tickets always need one.": (
        "请改为将其他队列设为默认：新工单始终需要一个默认队列。",
        "Ορίστε πρώτα άλλη ουρά ως προεπιλεγμένη: τα νέα αιτήματα χρειάζονται πάντα μία.",
    ),
    "Position": ("顺序", "Σειρά"),
    "Rules are tried from the lowest position; the first match wins.": (
        "按顺序号从小到大依次匹配规则；第一条匹配的规则生效。",
        "Οι κανόνες ελέγχονται από τη μικρότερη σειρά· ισχύει ο πρώτος που ταιριάζει.",
    ),
    "Any organization": ("任意机构", "Οποιοσδήποτε οργανισμός"),
    "Any service": ("任意服务", "Οποιαδήποτε υπηρεσία"),
    "Any source": ("任意来源", "Οποιαδήποτε πηγή"),
    # Messages
    "Calendar %(name)s saved.": ("日历 %(name)s 已保存。", "Το ημερολόγιο %(name)s αποθηκεύτηκε."),
    "SLA policy %(name)s saved.": (
        "SLA 政策 %(name)s 已保存。",
        "Η πολιτική SLA %(name)s αποθηκεύτηκε.",
    ),
    "Queue %(name)s saved.": ("队列 %(name)s 已保存。", "Η ουρά %(name)s αποθηκεύτηκε."),
    "Routing rule saved.": ("分派规则已保存。", "Ο κανόνας δρομολόγησης αποθηκεύτηκε."),
    "Routing rule removed.": ("分派规则已删除。", "Ο κανόνας δρομολόγησης αφαιρέθηκε."),
    # Calendar pages
    "New calendar": ("新建日历", "Νέο ημερολόγιο"),
    "When each client is open: the hours SLA targets count in, public holidays and your own "
    "closed days.": (
        "各客户的营业时间：SLA 目标按这些工作时间计算，并扣除法定节假日和您自定的休息日。",
        "Πότε λειτουργεί κάθε πελάτης: οι ώρες στις οποίες μετρούν οι στόχοι SLA, οι επίσημες "
        "αργίες και οι δικές σας ημέρες κλειστά.",
    ),
    "Policies": ("政策", "Πολιτικές"),
    "Clients": ("客户", "Πελάτες"),
    "closed days: %(n)s": ("休息日：%(n)s 天", "ημέρες κλειστά: %(n)s"),
    "No calendars yet: without one, targets count around the clock in the client's time zone.": (
        "还没有日历：没有日历时，目标按客户时区 7×24 小时计算。",
        "Δεν υπάρχουν ακόμη ημερολόγια: χωρίς ημερολόγιο οι στόχοι μετρούν όλο το 24ωρο στη "
        "ζώνη ώρας του πελάτη.",
    ),
    "Nothing was saved: please correct the fields marked below.": (
        "未保存任何内容：请修改下方标出的字段。",
        "Δεν αποθηκεύτηκε τίποτα: διορθώστε τα πεδία που επισημαίνονται παρακάτω.",
    ),
    "Open tickets counting their SLA in this calendar: %(n)s.": (
        "按此日历计算 SLA 的未结工单：%(n)s 个。",
        "Ανοιχτά αιτήματα που μετρούν το SLA τους σε αυτό το ημερολόγιο: %(n)s.",
    ),
    "After a change their due times are worked out again with the new hours at their next "
    "change or SLA check; warnings and breaches already recorded stay in their history.": (
        "修改后，这些工单会在下一次变更或 SLA 检查时按新的工作时间重新计算到期时间；"
        "已记录的预警和超时仍保留在其历史中。",
        "Μετά από μια αλλαγή, οι προθεσμίες τους υπολογίζονται ξανά με το νέο ωράριο στην "
        "επόμενη μεταβολή ή στον επόμενο έλεγχο SLA· οι προειδοποιήσεις και οι παραβιάσεις "
        "που έχουν ήδη καταγραφεί μένουν στο ιστορικό τους.",
    ),
    "Read only: admins and managers change calendars.": (
        "只读：仅管理员和经理可以修改日历。",
        "Μόνο ανάγνωση: τα ημερολόγια αλλάζουν οι διαχειριστές και οι υπεύθυνοι.",
    ),
    "Calendar": ("日历", "Ημερολόγιο"),
    "Special days": ("特殊日期", "Ειδικές ημέρες"),
    "Weekly hours": ("每周工作时间", "Εβδομαδιαίο ωράριο"),
    "Several intervals a day, e.g. 09:00–13:00 and 14:00–18:00. Leave a day empty when "
    "closed; 24:00 ends a day at midnight. A spare empty pair is always shown: fill it to add "
    "an interval.": (
        "每天可设多个时段，例如 09:00–13:00 和 14:00–18:00。休息日留空；24:00 表示到午夜结束。"
        "每天总会多显示一组空白时段，填写即可添加。",
        "Πολλά διαστήματα την ημέρα, π.χ. 09:00–13:00 και 14:00–18:00. Αφήστε κενή μια ημέρα "
        "που είστε κλειστά· το 24:00 σημαίνει έως τα μεσάνυχτα. Εμφανίζεται πάντα ένα κενό "
        "ζεύγος: συμπληρώστε το για να προσθέσετε διάστημα.",
    ),
    "Check before saving": ("保存前请核对", "Ελέγξτε πριν την αποθήκευση"),
    "Public holidays": ("法定节假日", "Επίσημες αργίες"),
    "%(first)s to %(last)s": ("%(first)s 至 %(last)s", "%(first)s έως %(last)s"),
    "None: no country chosen.": ("无：未选择国家。", "Καμία: δεν επιλέχθηκε χώρα."),
    "Preview again": ("重新预览", "Νέα προεπισκόπηση"),
    "Preview holidays and save": ("预览节假日并保存", "Προεπισκόπηση αργιών και αποθήκευση"),
    # Policy pages
    "What each priority promises, in business time of a calendar. Agreements name the policy "
    "they promise.": (
        "各优先级承诺的响应与解决时间，按日历的工作时间计算。协议会指定所承诺的政策。",
        "Τι υπόσχεται κάθε προτεραιότητα, σε εργάσιμο χρόνο ενός ημερολογίου. Κάθε σύμβαση "
        "ορίζει την πολιτική που υπόσχεται.",
    ),
    "New policy": ("新建政策", "Νέα πολιτική"),
    "warns at %(pct)s%": ("达到 %(pct)s% 时预警", "προειδοποίηση στο %(pct)s%"),
    "agreements: %(n)s": ("协议：%(n)s 份", "συμβάσεις: %(n)s"),
    "No SLA policies yet.": ("还没有 SLA 政策。", "Δεν υπάρχουν ακόμη πολιτικές SLA."),
    "New SLA policy": ("新建 SLA 政策", "Νέα πολιτική SLA"),
    "Agreements that promise this policy: %(n)s. Saving a change of targets records a new "
    "version of each.": (
        "承诺此政策的协议：%(n)s 份。保存对目标的修改后，每份协议都会记录一个新版本。",
        "Συμβάσεις που υπόσχονται αυτή την πολιτική: %(n)s. Η αποθήκευση αλλαγής στόχων "
        "καταγράφει νέα έκδοση σε καθεμία.",
    ),
    "Read only: admins and managers change SLA policies.": (
        "只读：仅管理员和经理可以修改 SLA 政策。",
        "Μόνο ανάγνωση: τις πολιτικές SLA αλλάζουν οι διαχειριστές και οι υπεύθυνοι.",
    ),
    "Clocks pause while": ("以下状态时暂停计时", "Τα χρονόμετρα σταματούν όσο"),
    "Targets in business time": ("目标（工作时间）", "Στόχοι σε εργάσιμο χρόνο"),
    "Hours and minutes of the calendar's working time. First response and resolution are "
    "required; leave next update empty for none.": (
        "按日历工作时间计的小时和分钟。首次响应和解决为必填；不需要后续更新目标时留空即可。",
        "Ώρες και λεπτά εργάσιμου χρόνου του ημερολογίου. Η πρώτη απάντηση και η επίλυση "
        "είναι υποχρεωτικές· αφήστε κενή την επόμενη ενημέρωση αν δεν τη χρειάζεστε.",
    ),
    "min": ("分钟", "λεπ."),
    # Queue pages
    "New queue": ("新建队列", "Νέα ουρά"),
    "Read only: admins and managers change queues.": (
        "只读：仅管理员和经理可以修改队列。",
        "Μόνο ανάγνωση: τις ουρές αλλάζουν οι διαχειριστές και οι υπεύθυνοι.",
    ),
    "Every new ticket lands in a queue: the first routing rule that matches it, else the "
    "default queue.": (
        "每个新工单都会进入一个队列：第一条匹配的分派规则指定的队列，否则进入默认队列。",
        "Κάθε νέο αίτημα μπαίνει σε ουρά: του πρώτου κανόνα δρομολόγησης που ταιριάζει, "
        "αλλιώς στην προεπιλεγμένη.",
    ),
    "Queues": ("队列", "Ουρές"),
    "default": ("默认", "προεπιλογή"),
    "No queues yet: the first ticket makes a default queue, Service desk.": (
        "还没有队列：第一个工单会自动创建默认队列 Service desk。",
        "Δεν υπάρχουν ακόμη ουρές: το πρώτο αίτημα δημιουργεί την προεπιλεγμένη ουρά Service desk.",
    ),
    "Routing rules": ("分派规则", "Κανόνες δρομολόγησης"),
    "New rule": ("新建规则", "Νέος κανόνας"),
    "When a new ticket is from": ("新工单的条件", "Όταν το νέο αίτημα είναι από"),
    "Edit": ("编辑", "Επεξεργασία"),
    "Remove": ("删除", "Αφαίρεση"),
    "No rules: every new ticket goes to the default queue.": (
        "没有规则：所有新工单都进入默认队列。",
        "Χωρίς κανόνες: κάθε νέο αίτημα πηγαίνει στην προεπιλεγμένη ουρά.",
    ),
    "A queue given explicitly (by a mailbox, or in the API) wins over the rules. A rule "
    "matches when all the conditions it names match.": (
        "明确指定的队列（由邮箱或 API 指定）优先于规则。规则中列出的所有条件都满足时才算匹配。",
        "Μια ουρά που ορίζεται ρητά (από γραμματοκιβώτιο ή στο API) υπερισχύει των κανόνων. "
        "Ένας κανόνας ταιριάζει όταν ισχύουν όλες οι συνθήκες του.",
    ),
    "Routing rule": ("分派规则", "Κανόνας δρομολόγησης"),
    "Name one or more conditions; a new ticket that matches all of them goes to the queue.": (
        "指定一个或多个条件；满足全部条件的新工单会进入该队列。",
        "Ορίστε μία ή περισσότερες συνθήκες· ένα νέο αίτημα που τις πληροί όλες πηγαίνει στην "
        "ουρά.",
    ),
}
