"""Fill locale/{zh_Hans,el}/LC_MESSAGES/django.po from the table below, then compilemessages.

Run `python scripts/translations.py` after `steward makemessages -l zh_Hans -l el` (`make
messages` does both and compiles): a msgid with an entry here or in scripts/i18n/*.py gets its
msgstr (and loses a fuzzy flag); the rest stay for translators.
"""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# msgid: (Simplified Chinese, Greek); for a msgid_plural entry, each may be a tuple of the
# language's plural forms (Greek: one, other), or one text for all.
T: dict[str, tuple[Any, Any]] = {
    # Base layout, errors, sign-in
    "Dashboard": ("仪表板", "Πίνακας ελέγχου"),
    "Queue": ("队列", "Ουρά"),
    "New ticket": ("新建工单", "Νέο αίτημα"),
    "My tickets": ("我的工单", "Τα αιτήματά μου"),
    "New request": ("新请求", "Νέο αίτημα"),
    "Language": ("语言", "Γλώσσα"),
    "Open user menu": ("打开用户菜单", "Μενού χρήστη"),
    "Account": ("账户", "Λογαριασμός"),
    "API tokens": ("API 令牌", "Διακριτικά API"),
    "Two-factor sign-in": ("双重验证登录", "Σύνδεση δύο παραγόντων"),
    "Sign out": ("退出登录", "Αποσύνδεση"),
    "Close": ("关闭", "Κλείσιμο"),
    "Times shown in": ("时间显示时区", "Οι ώρες εμφανίζονται σε"),
    "Not found": ("未找到", "Δεν βρέθηκε"),
    "There is nothing here.": ("这里什么也没有。", "Δεν υπάρχει τίποτα εδώ."),
    "The page does not exist, or you do not have access to it.": (
        "该页面不存在，或您无权访问。",
        "Η σελίδα δεν υπάρχει ή δεν έχετε πρόσβαση σε αυτήν.",
    ),
    "Go home": ("返回首页", "Αρχική σελίδα"),
    "Not allowed": ("不允许", "Δεν επιτρέπεται"),
    "Your role does not allow this.": ("您的角色不允许此操作。", "Ο ρόλος σας δεν το επιτρέπει."),
    "Sign in": ("登录", "Σύνδεση"),
    "Sign in to Steward": ("登录 Steward", "Σύνδεση στο Steward"),
    "Forgot your password?": ("忘记密码？", "Ξεχάσατε τον κωδικό σας;"),
    "No account? Your IT provider creates one for you.": (
        "没有账户？您的 IT 服务商会为您创建。",
        "Δεν έχετε λογαριασμό; Τον δημιουργεί ο πάροχος IT σας.",
    ),
    "Steward": ("Steward", "Steward"),
    # Account pages
    "Your account": ("您的账户", "Ο λογαριασμός σας"),
    "Save": ("保存", "Αποθήκευση"),
    "Security": ("安全", "Ασφάλεια"),
    "Change password": ("修改密码", "Αλλαγή κωδικού"),
    "Time zone": ("时区", "Ζώνη ώρας"),
    "Name": ("名称", "Όνομα"),
    "My organization's language": ("我所在机构的语言", "Η γλώσσα του οργανισμού μου"),
    "My organization's time zone": ("我所在机构的时区", "Η ζώνη ώρας του οργανισμού μου"),
    "Your settings were saved.": ("您的设置已保存。", "Οι ρυθμίσεις σας αποθηκεύτηκαν."),
    "name": ("姓名", "όνομα"),
    "phone": ("电话", "τηλέφωνο"),
    "Send a token as “Authorization: Bearer <token>”. It acts with your role and sees what you "
    "see.": (
        "以 “Authorization: Bearer <令牌>” 发送令牌。它以您的角色操作，只能看到您能看到的内容。",
        "Στείλτε το διακριτικό ως “Authorization: Bearer <token>”. Ενεργεί με τον ρόλο σας "
        "και βλέπει ό,τι βλέπετε.",
    ),
    "Your new token. Copy it now: it will not be shown again.": (
        "您的新令牌。请立即复制：它不会再次显示。",
        "Το νέο σας διακριτικό. Αντιγράψτε το τώρα: δεν θα εμφανιστεί ξανά.",
    ),
    "Copy": ("复制", "Αντιγραφή"),
    "Starts with": ("开头为", "Ξεκινά με"),
    "Created": ("创建时间", "Δημιουργήθηκε"),
    "Last used": ("最近使用", "Τελευταία χρήση"),
    "revoked": ("已吊销", "ανακλήθηκε"),
    "Revoke": ("吊销", "Ανάκληση"),
    "No tokens yet.": ("还没有令牌。", "Δεν υπάρχουν ακόμη διακριτικά."),
    "Create token": ("创建令牌", "Δημιουργία διακριτικού"),
    "What the token is for, e.g. 'monitoring'.": (
        "令牌的用途，例如“监控”。",
        "Για ποιο σκοπό είναι, π.χ. «παρακολούθηση».",
    ),
    "Token %(name)s revoked.": ("令牌 %(name)s 已吊销。", "Το διακριτικό %(name)s ανακλήθηκε."),
    # Roles, statuses, priorities, levels, kinds, sources
    "Provider admin": ("服务商管理员", "Διαχειριστής παρόχου"),
    "Provider manager": ("服务商经理", "Υπεύθυνος παρόχου"),
    "Technician": ("技术员", "Τεχνικός"),
    "Client admin": ("客户管理员", "Διαχειριστής πελάτη"),
    "Client user": ("客户用户", "Χρήστης πελάτη"),
    "New": ("新建", "Νέο"),
    "Open": ("处理中", "Ανοιχτό"),
    "Waiting on client": ("等待客户回复", "Αναμονή για τον πελάτη"),
    "Waiting on third party": ("等待第三方", "Αναμονή για τρίτο μέρος"),
    "Resolved": ("已解决", "Επιλύθηκε"),
    "Closed": ("已关闭", "Κλειστό"),
    "High": ("高", "Υψηλή"),
    "Medium": ("中", "Μεσαία"),
    "Low": ("低", "Χαμηλή"),
    "P1 - Critical": ("P1 - 紧急", "P1 - Κρίσιμο"),
    "P2 - High": ("P2 - 高", "P2 - Υψηλό"),
    "P3 - Medium": ("P3 - 中", "P3 - Μεσαίο"),
    "P4 - Low": ("P4 - 低", "P4 - Χαμηλό"),
    "Incident": ("故障", "Περιστατικό"),
    "Service request": ("服务请求", "Αίτημα υπηρεσίας"),
    "Portal": ("门户", "Πύλη"),
    "Email": ("电子邮件", "Email"),
    "Phone": ("电话", "Τηλέφωνο"),
    "Monitoring": ("监控", "Παρακολούθηση"),
    "API": ("API", "API"),
    "Agent": ("技术员", "Τεχνικός"),
    # Portal
    "Your requests": ("您的请求", "Τα αιτήματά σας"),
    "Request": ("请求", "Αίτημα"),
    "Status": ("状态", "Κατάσταση"),
    "Priority": ("优先级", "Προτεραιότητα"),
    "Opened": ("提交时间", "Άνοιξε"),
    "Next promised": ("下一个承诺时间", "Επόμενη δέσμευση"),
    "You have no requests yet.": ("您还没有任何请求。", "Δεν έχετε ακόμη αιτήματα."),
    "Ask for help": ("寻求帮助", "Ζητήστε βοήθεια"),
    "Tell us what is wrong and how much it stops you working.": (
        "告诉我们出了什么问题，以及它对您的工作影响有多大。",
        "Πείτε μας τι δεν πάει καλά και πόσο σας εμποδίζει να δουλέψετε.",
    ),
    "What is the problem?": ("出了什么问题？", "Ποιο είναι το πρόβλημα;"),
    "Details": ("详细信息", "Λεπτομέρειες"),
    "What happened, since when, any error message.": (
        "发生了什么、从什么时候开始、有无错误信息。",
        "Τι συνέβη, από πότε, τυχόν μήνυμα σφάλματος.",
    ),
    "How many people are affected?": ("有多少人受到影响？", "Πόσοι άνθρωποι επηρεάζονται;"),
    "Just me": ("只有我", "Μόνο εγώ"),
    "My team or department": ("我的团队或部门", "Η ομάδα ή το τμήμα μου"),
    "The whole company": ("整个公司", "Όλη η εταιρεία"),
    "Can you still work?": ("您还能继续工作吗？", "Μπορείτε ακόμη να δουλέψετε;"),
    "Yes, it is an inconvenience": ("可以，只是不方便", "Ναι, απλώς με ενοχλεί"),
    "Only slowly, or with a workaround": (
        "只能慢慢做，或需要变通办法",
        "Μόνο αργά ή με κάποια παράκαμψη",
    ),
    "No, work is stopped": ("不能，工作已停止", "Όχι, η δουλειά έχει σταματήσει"),
    "Attachment": ("附件", "Συνημμένο"),
    "Up to %(mb)s MB: a screenshot, a PDF, a document.": (
        "最大 %(mb)s MB：截图、PDF 或文档。",
        "Έως %(mb)s MB: στιγμιότυπο οθόνης, PDF, έγγραφο.",
    ),
    "Send request": ("提交请求", "Αποστολή αιτήματος"),
    "Your agreement promises (priority %(priority)s):": (
        "您的服务协议承诺（优先级 %(priority)s）：",
        "Η σύμβασή σας εγγυάται (προτεραιότητα %(priority)s):",
    ),
    "A first response by": ("首次响应不晚于", "Πρώτη απάντηση έως"),
    "A resolution by": ("解决不晚于", "Επίλυση έως"),
    "Counted in business hours (%(calendar)s) under “%(agreement)s”. Times in your time zone.": (
        "按工作时间（%(calendar)s）计算，依据“%(agreement)s”。时间为您所在时区。",
        "Υπολογίζεται σε εργάσιμες ώρες (%(calendar)s) βάσει της σύμβασης «%(agreement)s». "
        "Οι ώρες είναι στη ζώνη ώρας σας.",
    ),
    "No agreement is in force for your organization; we will answer as soon as we can.": (
        "贵机构目前没有生效的服务协议；我们会尽快答复。",
        "Δεν ισχύει σύμβαση για τον οργανισμό σας· θα απαντήσουμε το συντομότερο.",
    ),
    "Your request %(number)s is with us.": (
        "我们已收到您的请求 %(number)s。",
        "Λάβαμε το αίτημά σας %(number)s.",
    ),
    "Your reply": ("您的回复", "Η απάντησή σας"),
    "Send reply": ("发送回复", "Αποστολή απάντησης"),
    "Your reply was sent.": ("您的回复已发送。", "Η απάντησή σας στάλθηκε."),
    "What we promised": ("我们的承诺", "Τι δεσμευτήκαμε"),
    "First response": ("首次响应", "Πρώτη απάντηση"),
    "Next update": ("下次更新", "Επόμενη ενημέρωση"),
    "Resolution": ("解决", "Επίλυση"),
    "The clock is paused while we wait for your answer.": (
        "在等待您回复期间，计时已暂停。",
        "Το χρονόμετρο σταματά όσο περιμένουμε την απάντησή σας.",
    ),
    "How these were worked out": ("这些时间是如何计算的", "Πώς υπολογίστηκαν"),
    "No service level applies to this request.": (
        "此请求不适用服务级别。",
        "Δεν ισχύει επίπεδο υπηρεσίας για αυτό το αίτημα.",
    ),
    "My problem is solved: close this request": (
        "问题已解决：关闭此请求",
        "Το πρόβλημα λύθηκε: κλείσιμο αιτήματος",
    ),
    "Ticket %(number)s is closed. Thank you.": (
        "工单 %(number)s 已关闭。谢谢。",
        "Το αίτημα %(number)s έκλεισε. Ευχαριστούμε.",
    ),
    "met": ("已达成", "τηρήθηκε"),
    "missed": ("未达成", "δεν τηρήθηκε"),
    "due": ("截止", "προθεσμία"),
    "{time} left": ("剩余 {time}", "απομένουν {time}"),
    "{time} overdue": ("已超时 {time}", "εκπρόθεσμο κατά {time}"),
    "%(t)s left": ("剩余 %(t)s", "απομένουν %(t)s"),
    "%(t)s overdue": ("已超时 %(t)s", "εκπρόθεσμο κατά %(t)s"),
    "Paused": ("已暂停", "Σε παύση"),
    "Done": ("已完成", "Ολοκληρώθηκε"),
    "No SLA": ("无 SLA", "Χωρίς SLA"),
    "Ticket": ("工单", "Αίτημα"),
    "SLA": ("SLA", "SLA"),
    "Organization": ("机构", "Οργανισμός"),
    "Assignee": ("负责人", "Υπεύθυνος"),
    "Requester": ("提交人", "Αιτών"),
    "Impact": ("影响范围", "Επίπτωση"),
    "Urgency": ("紧急程度", "Επείγον"),
    # SLA explanations (shown to clients too)
    "%(clock)s: not started (starts with the first public reply).": (
        "%(clock)s：尚未开始（在首次公开回复后开始）。",
        "%(clock)s: δεν ξεκίνησε (ξεκινά με την πρώτη δημόσια απάντηση).",
    ),
    "%(clock)s missed: %(used)s of business time used by %(stop)s %(tz)s, target %(target)s "
    "for %(priority)s.": (
        "%(clock)s 未达成：截至 %(stop)s（%(tz)s）已用工作时间 %(used)s，%(priority)s 的目标为 "
        "%(target)s。",
        "%(clock)s: δεν τηρήθηκε· χρησιμοποιήθηκαν %(used)s εργάσιμου χρόνου έως %(stop)s "
        "%(tz)s, με στόχο %(target)s για %(priority)s.",
    ),
    "%(clock)s met at %(stop)s %(tz)s: %(used)s of business time used, target %(target)s for "
    "%(priority)s.": (
        "%(clock)s 已于 %(stop)s（%(tz)s）达成：已用工作时间 %(used)s，%(priority)s 的目标为 "
        "%(target)s。",
        "%(clock)s: τηρήθηκε στις %(stop)s %(tz)s· χρησιμοποιήθηκαν %(used)s εργάσιμου χρόνου, "
        "με στόχο %(target)s για %(priority)s.",
    ),
    "%(clock)s paused since %(since)s %(tz)s (%(status)s): %(used)s of %(target)s used; the "
    "clock resumes when the ticket leaves that status.": (
        "%(clock)s 自 %(since)s（%(tz)s）起暂停（%(status)s）：已用 %(used)s / %(target)s；"
        "工单离开该状态后恢复计时。",
        "%(clock)s: σε παύση από %(since)s %(tz)s (%(status)s)· χρησιμοποιήθηκαν %(used)s από "
        "%(target)s· ο χρόνος συνεχίζει όταν το αίτημα φύγει από αυτή την κατάσταση.",
    ),
    "%(clock)s due %(due)s %(tz)s: %(target)s of business time for %(priority)s from "
    "%(start)s, counted in %(cal)s hours (%(hours)s)": (
        "%(clock)s 截止于 %(due)s（%(tz)s）：%(priority)s 的目标为自 %(start)s 起 %(target)s "
        "工作时间，按 %(cal)s 的工作时间计算（%(hours)s）",
        "%(clock)s έως %(due)s %(tz)s: %(target)s εργάσιμου χρόνου για %(priority)s από "
        "%(start)s, με τις ώρες του %(cal)s (%(hours)s)",
    ),
    ", paused %(paused)s": ("，其间暂停 %(paused)s", ", με παύση %(paused)s"),
    # Agent desk
    "All open": ("全部未关闭", "Όλα τα ανοιχτά"),
    "All": ("全部", "Όλα"),
    "All organizations": ("全部机构", "Όλοι οι οργανισμοί"),
    "Any priority": ("任意优先级", "Οποιαδήποτε προτεραιότητα"),
    "Due within (hours)": ("多少小时内到期", "Λήγει εντός (ωρών)"),
    "Search": ("搜索", "Αναζήτηση"),
    "Anyone": ("任何人", "Οποιοσδήποτε"),
    "Me": ("我", "Εγώ"),
    "Unassigned": ("未分配", "Χωρίς ανάθεση"),
    "Message": ("消息", "Μήνυμα"),
    "Public reply": ("公开回复", "Δημόσια απάντηση"),
    "Internal note": ("内部备注", "Εσωτερική σημείωση"),
    "Visibility": ("可见范围", "Ορατότητα"),
    "No queue": ("无队列", "Χωρίς ουρά"),
    "Title": ("标题", "Τίτλος"),
    "Description": ("描述", "Περιγραφή"),
    "Requester email": ("提交人邮箱", "Email αιτούντος"),
    "Type": ("类型", "Τύπος"),
    "Source": ("来源", "Πηγή"),
    "public": ("公开", "δημόσιο"),
    "internal": ("内部", "εσωτερικό"),
    "Choose a member of staff to assign to.": (
        "请选择要分配的员工。",
        "Επιλέξτε μέλος του προσωπικού για ανάθεση.",
    ),
    "%(n)s tickets assigned.": ("已分配 %(n)s 个工单。", "Ανατέθηκαν %(n)s αιτήματα."),
    "Reply sent.": ("回复已发送。", "Η απάντηση στάλθηκε."),
    "Note added.": ("备注已添加。", "Η σημείωση προστέθηκε."),
    "Ticket updated.": ("工单已更新。", "Το αίτημα ενημερώθηκε."),
    "Ticket %(number)s opened.": ("工单 %(number)s 已创建。", "Το αίτημα %(number)s άνοιξε."),
    "Tickets": ("工单", "Αιτήματα"),
    "Assign to": ("分配给", "Ανάθεση σε"),
    "Unassign": ("取消分配", "Κατάργηση ανάθεσης"),
    "Assign selected": ("分配所选", "Ανάθεση επιλεγμένων"),
    "Select all": ("全选", "Επιλογή όλων"),
    "No tickets match these filters.": (
        "没有符合这些条件的工单。",
        "Κανένα αίτημα δεν ταιριάζει με τα φίλτρα.",
    ),
    "First page": ("第一页", "Πρώτη σελίδα"),
    "Next page": ("下一页", "Επόμενη σελίδα"),
    "Open work, what breaches next, and where.": (
        "未完成的工作、即将超时的工单及其所在机构。",
        "Ανοιχτές εργασίες, τι λήγει πρώτο και πού.",
    ),
    "Open tickets": ("未关闭工单", "Ανοιχτά αιτήματα"),
    "Breaching in the next 4 hours": ("未来 4 小时内超时", "Λήγουν τις επόμενες 4 ώρες"),
    "Show them": ("查看", "Εμφάνιση"),
    "Overdue now": ("当前已超时", "Εκπρόθεσμα τώρα"),
    "SLA breaches recorded today": ("今日记录的 SLA 违约", "Παραβιάσεις SLA σήμερα"),
    "Next due": ("即将到期", "Λήγουν επόμενα"),
    "Nothing breaches in the next four hours.": (
        "未来四小时内没有将要超时的工单。",
        "Τίποτα δεν λήγει τις επόμενες τέσσερις ώρες.",
    ),
    "By organization": ("按机构", "Ανά οργανισμό"),
    "Due in 4 h": ("4 小时内到期", "Λήγουν σε 4 ώρες"),
    "Overdue": ("已超时", "Εκπρόθεσμα"),
    "No organizations assigned to you.": (
        "没有分配给您的机构。",
        "Δεν σας έχουν ανατεθεί οργανισμοί.",
    ),
    "Open ticket": ("创建工单", "Άνοιγμα αιτήματος"),
    "Ordered by SLA urgency: what breaches first is on top.": (
        "按 SLA 紧急程度排序：最先超时的排在最前。",
        "Ταξινόμηση κατά επείγον SLA: ό,τι λήγει πρώτο είναι πάνω.",
    ),
    "Filter": ("筛选", "Φίλτρο"),
    "via": ("来自", "μέσω"),
    "unassigned": ("未分配", "χωρίς ανάθεση"),
    "Conversation": ("对话", "Συνομιλία"),
    "No replies yet.": ("还没有回复。", "Δεν υπάρχουν ακόμη απαντήσεις."),
    "Reply": ("回复", "Απάντηση"),
    "Send": ("发送", "Αποστολή"),
    "Service level": ("服务级别", "Επίπεδο υπηρεσίας"),
    "Breached": ("已违约", "Παραβιάστηκε"),
    "Policy": ("政策", "Πολιτική"),
    "No agreement was in force when this ticket was opened, so it has no SLA.": (
        "创建此工单时没有生效的服务协议，因此没有 SLA。",
        "Δεν ίσχυε σύμβαση όταν άνοιξε το αίτημα, οπότε δεν έχει SLA.",
    ),
    "Change": ("修改", "Αλλαγή"),
    "Save changes": ("保存修改", "Αποθήκευση αλλαγών"),
    "Timeline": ("时间线", "Χρονολόγιο"),
    "Status changed": ("状态已变更", "Αλλαγή κατάστασης"),
    "Priority changed": ("优先级已变更", "Αλλαγή προτεραιότητας"),
    "Assigned": ("已分配", "Ανάθεση"),
    "Queue changed": ("队列已变更", "Αλλαγή ουράς"),
    "Title changed": ("标题已变更", "Αλλαγή τίτλου"),
    "SLA warning": ("SLA 预警", "Προειδοποίηση SLA"),
    "SLA breached": ("SLA 违约", "Παραβίαση SLA"),
    "Notification sent": ("通知已发送", "Στάλθηκε ειδοποίηση"),
    "Quote requested": ("已请求审批报价", "Ζητήθηκε έγκριση προσφοράς"),
    "Block of hours alert": ("工时包提醒", "Ειδοποίηση πακέτου ωρών"),
    "%(u)s of %(a)s h": ("已用 %(u)s / %(a)s 小时", "%(u)s από %(a)s ώρες"),
    # Mail sent to clients (templates/mail/email)
    "We have received your request and logged it as %(number)s.": (
        "我们已收到您的请求，编号为 %(number)s。",
        "Λάβαμε το αίτημά σας και το καταχωρίσαμε ως %(number)s.",
    ),
    "We have received your request and logged it as <strong>%(number)s</strong>.": (
        "我们已收到您的请求，编号为 <strong>%(number)s</strong>。",
        "Λάβαμε το αίτημά σας και το καταχωρίσαμε ως <strong>%(number)s</strong>.",
    ),
    "We will respond by": ("我们将在此时间前回复", "Θα απαντήσουμε έως"),
    "We aim to resolve it by": ("我们力争在此时间前解决", "Στόχος επίλυσης έως"),
    "These times come from your agreement and count your business hours and holidays.": (
        "这些时间来自您的服务协议，按您的工作时间和节假日计算。",
        "Οι χρόνοι αυτοί προκύπτουν από τη σύμβασή σας και μετρούν τις εργάσιμες ώρες "
        "και τις αργίες σας.",
    ),
    "Follow your request": ("查看您的请求", "Παρακολουθήστε το αίτημά σας"),
    "Reply to this email to add to request %(number)s; keep the number in the subject.": (
        "回复此邮件即可补充请求 %(number)s；请保留主题中的编号。",
        "Απαντήστε σε αυτό το μήνυμα για να προσθέσετε στο αίτημα %(number)s· "
        "κρατήστε τον αριθμό στο θέμα.",
    ),
    "View %(number)s in the portal": ("在门户中查看 %(number)s", "Δείτε το %(number)s στην πύλη"),
    "We have resolved your request. If the problem is not solved, reply to this email or "
    "reopen the request in the portal and we will pick it up again.": (
        "我们已解决您的请求。如果问题仍未解决，请回复此邮件或在门户中重新打开请求，我们会继续处理。",
        "Επιλύσαμε το αίτημά σας. Αν το πρόβλημα δεν λύθηκε, απαντήστε σε αυτό το μήνυμα ή "
        "ανοίξτε ξανά το αίτημα στην πύλη και θα το αναλάβουμε ξανά.",
    ),
    "We need an answer from you to go on with your request. Please reply to this email.": (
        "我们需要您的答复才能继续处理您的请求。请回复此邮件。",
        "Χρειαζόμαστε μια απάντησή σας για να συνεχίσουμε με το αίτημά σας. "
        "Παρακαλούμε απαντήστε σε αυτό το μήνυμα.",
    ),
    "Your request is closed.": ("您的请求已关闭。", "Το αίτημά σας έκλεισε."),
    "Reopen or view the request": ("重新打开或查看请求", "Ανοίξτε ξανά ή δείτε το αίτημα"),
    "View the request": ("查看请求", "Δείτε το αίτημα"),
    "Received: ": ("已收到：", "Ελήφθη: "),
    "Waiting for your answer: ": ("等待您的答复：", "Αναμένουμε την απάντησή σας: "),
    "Resolved: ": ("已解决：", "Επιλύθηκε: "),
    "Closed: ": ("已关闭：", "Έκλεισε: "),
    "Due": ("截止", "Προθεσμία"),
    "Open the ticket": ("打开工单", "Άνοιγμα αιτήματος"),
    # The client's agreement pages, invoices and mails (templates/billing and reports, mail/email)
    "Our agreement": ("我们的协议", "Η σύμβασή μας"),
    "What is covered, the targets promised, the hours left, and every change to the terms.": (
        "涵盖的服务、承诺的时限、剩余工时，以及条款的每一次变更。",
        "Τι καλύπτεται, οι δεσμευμένοι χρόνοι, οι ώρες που απομένουν και κάθε αλλαγή των όρων.",
    ),
    "Invoices": ("发票", "Τιμολόγια"),
    "What it is worth": ("价值对比", "Τι αξίζει"),
    "Waiting for your approval": ("等待您的批准", "Αναμένουν την έγκρισή σας"),
    "Fixed price": ("固定价格", "Σταθερή τιμή"),
    "Estimate": ("估算", "Εκτίμηση"),
    "Note (optional)": ("备注（可选）", "Σημείωση (προαιρετικά)"),
    "Note": ("备注", "Σημείωση"),
    "Approve": ("批准", "Έγκριση"),
    "Decline": ("拒绝", "Απόρριψη"),
    "No agreement is on record.": ("没有协议记录。", "Δεν υπάρχει καταχωρισμένη σύμβαση."),
    "Terms": ("条款", "Όροι"),
    "version %(n)s": ("第 %(n)s 版", "έκδοση %(n)s"),
    "Billing": ("计费方式", "Χρέωση"),
    "Period": ("期间", "Περίοδος"),
    "Monthly fee": ("月费", "Μηνιαία αμοιβή"),
    "Per user and month": ("每用户每月", "Ανά χρήστη και μήνα"),
    "Per device and month": ("每设备每月", "Ανά συσκευή και μήνα"),
    "Hourly rate": ("小时费率", "Ωριαία χρέωση"),
    "out of hours": ("非工作时间", "εκτός ωραρίου"),
    "Hours in the monthly block": ("每月预付工时", "Ώρες του μηνιαίου πακέτου"),
    "unused hours roll over one month": (
        "未用工时可顺延一个月",
        "οι αχρησιμοποίητες ώρες μεταφέρονται έναν μήνα",
    ),
    "Hours included per month": ("每月包含工时", "Ώρες που περιλαμβάνονται ανά μήνα"),
    "unlimited": ("不限", "απεριόριστες"),
    "Billed in steps of": ("计费单位", "Χρέωση ανά"),
    "%(m)s minutes": ("%(m)s 分钟", "%(m)s λεπτά"),
    "Response and resolution targets": ("响应与解决时限", "Χρόνοι απόκρισης και επίλυσης"),
    "%(m)s business minutes": ("%(m)s 个工作分钟", "%(m)s εργάσιμα λεπτά"),
    "Hours used this month": ("本月已用工时", "Ώρες που χρησιμοποιήθηκαν αυτόν τον μήνα"),
    "%(left)s hours left": ("剩余 %(left)s 小时", "απομένουν %(left)s ώρες"),
    "Covered services": ("涵盖的服务", "Υπηρεσίες που καλύπτονται"),
    "month": ("月", "μήνα"),
    "included": ("已包含", "περιλαμβάνεται"),
    "Everything the agreement's terms describe; no separate services.": (
        "协议条款所述的全部内容；没有单独的服务项目。",
        "Όλα όσα περιγράφουν οι όροι της σύμβασης· χωρίς χωριστές υπηρεσίες.",
    ),
    "Not covered": ("不包含", "Δεν καλύπτονται"),
    "History of the terms": ("条款变更历史", "Ιστορικό των όρων"),
    "Number": ("编号", "Αριθμός"),
    "Total": ("合计", "Σύνολο"),
    "No invoices yet.": ("暂无发票。", "Δεν υπάρχουν ακόμη τιμολόγια."),
    "credits": ("冲销", "πιστώνει"),
    "Invoice": ("发票", "Τιμολόγιο"),
    "Credit note": ("红字发票", "Πιστωτικό σημείωμα"),
    "Managed IT services": ("IT 托管服务", "Διαχειριζόμενες υπηρεσίες πληροφορικής"),
    "Issued": ("开具日期", "Έκδοση"),
    "Draft: not a valid invoice": ("草稿：不是有效发票", "Πρόχειρο: δεν είναι έγκυρο τιμολόγιο"),
    "Bill to": ("付款方", "Χρέωση προς"),
    "Agreement": ("协议", "Σύμβαση"),
    "Credits": ("冲销", "Πιστώνει"),
    "Quantity": ("数量", "Ποσότητα"),
    "Unit price": ("单价", "Τιμή μονάδας"),
    "Amount": ("金额", "Ποσό"),
    "Every line is traceable to the tickets and time entries it bills; ask us for the detail "
    "or see it in your portal.": (
        "每一行都可追溯到对应的工单和工时记录；如需明细请联系我们，或在门户中查看。",
        "Κάθε γραμμή αντιστοιχεί στα αιτήματα και στις καταγραφές χρόνου που χρεώνει· "
        "ζητήστε μας τις λεπτομέρειες ή δείτε τις στην πύλη σας.",
    ),
    "What the agreement is worth": ("协议的价值", "Τι αξίζει η σύμβαση"),
    "%(s)s to %(e)s: what was paid, what break-fix or a managed agreement would have cost, and "
    "the work lost to outages.": (
        "%(s)s 至 %(e)s：实际支付、按次维修或托管协议各需花费多少，以及停机造成的工作损失。",
        "%(s)s έως %(e)s: τι πληρώθηκε, τι θα κόστιζε η χρέωση ανά επέμβαση ή μια σύμβαση "
        "διαχείρισης, και η εργασία που χάθηκε από διακοπές.",
    ),
    "Paid under the agreement": ("按协议已支付", "Πληρώθηκαν βάσει της σύμβασης"),
    "The same work at break-fix rates": (
        "同样工作按次计费",
        "Η ίδια εργασία με χρέωση ανά επέμβαση",
    ),
    "A managed agreement for every user": (
        "所有用户的托管协议",
        "Σύμβαση διαχείρισης για κάθε χρήστη",
    ),
    "Work lost to outages": ("停机造成的工作损失", "Εργασία που χάθηκε από διακοπές"),
    "Time logged": ("已记录工时", "Καταγεγραμμένος χρόνος"),
    "Break-fix: time × rate (out of hours ×%(m)s)": (
        "按次计费：工时 × 费率（非工作时间 ×%(m)s）",
        "Ανά επέμβαση: χρόνος × χρέωση (εκτός ωραρίου ×%(m)s)",
    ),
    "Managed: users × price × months": (
        "托管：用户数 × 单价 × 月数",
        "Διαχείριση: χρήστες × τιμή × μήνες",
    ),
    "Outages: hours × people stopped × cost of an hour": (
        "停机：小时数 × 受影响人数 × 每小时成本",
        "Διακοπές: ώρες × άτομα που σταμάτησαν × κόστος μιας ώρας",
    ),
    "Break-fix bill plus lost work": (
        "按次计费账单加工作损失",
        "Λογαριασμός ανά επέμβαση και χαμένη εργασία",
    ),
    "Industry studies put the repair bill at only about 12% of what an outage costs a "
    "business; the rest is work that stops.": (
        "行业研究表明，维修费用只占停机给企业造成总损失的约 12%；其余是停下来的工作。",
        "Μελέτες του κλάδου δείχνουν ότι ο λογαριασμός της επισκευής είναι μόνο περίπου το 12% "
        "του κόστους μιας διακοπής· το υπόλοιπο είναι εργασία που σταματά.",
    ),
    "Inputs": ("输入", "Δεδομένα"),
    "Recalculate": ("重新计算", "Επανυπολογισμός"),
    "Outages counted": ("计入的停机", "Διακοπές που μετρήθηκαν"),
    "From": ("从", "Από"),
    "To": ("至", "Έως"),
    "Break-fix rate per hour": ("按次计费每小时费率", "Χρέωση ανά ώρα (ανά επέμβαση)"),
    "Managed price per user and month": (
        "托管每用户每月价格",
        "Τιμή διαχείρισης ανά χρήστη και μήνα",
    ),
    "Cost of an hour of a person's work": (
        "每人每小时工作成本",
        "Κόστος μιας ώρας εργασίας ενός ατόμου",
    ),
    "People stopped by an outage": ("停机影响的人数", "Άτομα που σταματούν σε μια διακοπή"),
    "The period ends before it starts.": (
        "结束时间早于开始时间。",
        "Η περίοδος τελειώνει πριν αρχίσει.",
    ),
    "Thank you: your decision is recorded.": (
        "谢谢：您的决定已记录。",
        "Ευχαριστούμε: η απόφασή σας καταγράφηκε.",
    ),
    "%(percent)d%% of your support hours used: %(agreement)s": (
        "支持工时已使用 %(percent)d%%：%(agreement)s",
        "Χρησιμοποιήθηκε το %(percent)d%% των ωρών υποστήριξης: %(agreement)s",
    ),
    "Approval needed: ": ("需要您批准：", "Χρειάζεται έγκριση: "),
    'Your agreement "%(name)s" includes a block of support hours each month.': (
        "您的协议“%(name)s”每月包含一定的支持工时。",
        "Η σύμβασή σας «%(name)s» περιλαμβάνει ένα πακέτο ωρών υποστήριξης κάθε μήνα.",
    ),
    "Used this month: %(used)s of %(available)s hours (%(threshold)s%%).": (
        "本月已用：%(used)s / %(available)s 小时（%(threshold)s%%）。",
        "Χρησιμοποιήθηκαν αυτόν τον μήνα: %(used)s από %(available)s ώρες (%(threshold)s%%).",
    ),
    "Further work this month is billed at the agreement's hourly rate.": (
        "本月后续工作将按协议的小时费率计费。",
        "Η περαιτέρω εργασία αυτόν τον μήνα χρεώνεται με την ωριαία χρέωση της σύμβασης.",
    ),
    "See your agreement and hours": ("查看您的协议和工时", "Δείτε τη σύμβαση και τις ώρες σας"),
    "Request %(number)s needs work that your agreement does not cover.": (
        "请求 %(number)s 需要协议范围以外的工作。",
        "Το αίτημα %(number)s χρειάζεται εργασία που δεν καλύπτει η σύμβασή σας.",
    ),
    "Approve or decline it in the portal": (
        "在门户中批准或拒绝",
        "Εγκρίνετε ή απορρίψτε το στην πύλη",
    ),
    "Or reply to this email with APPROVE or DECLINE on the first line.": (
        "或回复此邮件，在第一行写 APPROVE（批准）或 DECLINE（拒绝）。",
        "Ή απαντήστε σε αυτό το μήνυμα με APPROVE ή DECLINE στην πρώτη γραμμή.",
    ),
    # Agreement terms as the client reads them (model labels, version history)
    "Managed, per user": ("托管，按用户", "Διαχείριση, ανά χρήστη"),
    "Managed, per device": ("托管，按设备", "Διαχείριση, ανά συσκευή"),
    "Block of prepaid hours": ("预付工时包", "Πακέτο προπληρωμένων ωρών"),
    "Break-fix, hourly": ("按次维修，按小时", "Ανά επέμβαση, με την ώρα"),
    "billing": ("计费方式", "χρέωση"),
    "currency": ("币种", "νόμισμα"),
    "monthly fee": ("月费", "μηνιαία αμοιβή"),
    "price per user or device": ("每用户或设备价格", "τιμή ανά χρήστη ή συσκευή"),
    "devices covered": ("涵盖设备数", "συσκευές που καλύπτονται"),
    "hourly rate": ("小时费率", "ωριαία χρέωση"),
    "out-of-hours multiplier": ("非工作时间倍数", "συντελεστής εκτός ωραρίου"),
    "hours included per month": ("每月包含工时", "ώρες που περιλαμβάνονται ανά μήνα"),
    "hours in the monthly block": ("每月预付工时", "ώρες του μηνιαίου πακέτου"),
    "unused block hours roll over one month": (
        "未用工时顺延一个月",
        "οι αχρησιμοποίητες ώρες μεταφέρονται έναν μήνα",
    ),
    "billing increment (minutes)": ("计费单位（分钟）", "βήμα χρέωσης (λεπτά)"),
    "not covered": ("不包含", "δεν καλύπτεται"),
    "covered": ("包含", "καλύπτεται"),
    "covered, %s a month": ("包含，每月 %s", "καλύπτεται, %s τον μήνα"),
    "no target": ("无目标", "χωρίς στόχο"),
    "first version": ("第一版", "πρώτη έκδοση"),
    "agreement made": ("协议订立", "σύναψη σύμβασης"),
    "changed in the admin": ("在管理后台修改", "αλλαγή από τη διαχείριση"),
    "SLA policy changed": ("SLA 政策已更改", "αλλαγή πολιτικής SLA"),
    "cancelled by a credit note": ("已由贷项通知单取消", "ακυρώθηκε με πιστωτικό σημείωμα"),
    "%(h)s h out of hours": ("其中 %(h)s 小时为非工作时间", "%(h)s ώρ. εκτός ωραρίου"),
    "SLA policy": ("SLA 政策", "Πολιτική SLA"),
    "starts": ("开始", "έναρξη"),
    "ends": ("结束", "λήξη"),
    "Approved": ("已批准", "Εγκρίθηκε"),
    "price per month": ("每月价格", "τιμή ανά μήνα"),
    # KPI targets the provider commits to
    "Tickets within their SLA targets": (
        "在 SLA 目标内完成的工单",
        "Αιτήματα εντός των στόχων SLA",
    ),
    "Median first response": ("首次响应时间中位数", "Διάμεσος χρόνος πρώτης απόκρισης"),
    "Median resolution": ("解决时间中位数", "Διάμεσος χρόνος επίλυσης"),
    "Client satisfaction, 1 to 5": ("客户满意度（1 至 5）", "Ικανοποίηση πελάτη, 1 έως 5"),
    "Tickets reopened": ("重新打开的工单", "Αιτήματα που άνοιξαν ξανά"),
    "business minutes": ("个工作分钟", "εργάσιμα λεπτά"),
    "business hours": ("个工作小时", "εργάσιμες ώρες"),
    "at least %(target)s %(unit)s": ("至少 %(target)s %(unit)s", "τουλάχιστον %(target)s %(unit)s"),
    "at most %(target)s %(unit)s": ("至多 %(target)s %(unit)s", "το πολύ %(target)s %(unit)s"),
    "We commit to": ("我们承诺", "Δεσμευόμαστε για"),
    "KPI targets we commit to": ("我们承诺的 KPI 目标", "Στόχοι KPI που δεσμευόμαστε"),
    "Leave empty for no commitment; the scorecard measures these.": (
        "留空表示不作承诺；记分卡将衡量这些指标。",
        "Αφήστε κενό για καμία δέσμευση· η κάρτα επιδόσεων τα μετρά.",
    ),
    "cost of an hour of a person's work": (
        "每人每小时工作成本",
        "κόστος μιας ώρας εργασίας ενός ατόμου",
    ),
    "KPI targets": ("KPI 目标", "Στόχοι KPI"),
    "yes": ("是", "ναι"),
    "no": ("否", "όχι"),
    "%s business minutes": ("%s 个工作分钟", "%s εργάσιμα λεπτά"),
    "first response": ("首次响应", "πρώτη απόκριση"),
    "next update": ("下次更新", "επόμενη ενημέρωση"),
    "resolution": ("解决", "επίλυση"),
    # Invoice lines, written in the client's language when the month is drafted
    "Managed service, per user": ("托管服务，按用户", "Υπηρεσία διαχείρισης, ανά χρήστη"),
    "Managed service, per device": ("托管服务，按设备", "Υπηρεσία διαχείρισης, ανά συσκευή"),
    "user": ("用户", "χρήστης"),
    "device": ("设备", "συσκευή"),
    "job": ("项", "εργασία"),
    "h": ("小时", "ώρ."),
    "Block of %s hours": ("%s 小时预付工时包", "Πακέτο %s ωρών"),
    "%(label)s, at the rate of terms version %(n)s": (
        "%(label)s，按第 %(n)s 版条款费率",
        "%(label)s, με τη χρέωση της έκδοσης όρων %(n)s",
    ),
    "Hours used from the block (%s available)": (
        "从工时包中使用的小时（可用 %s 小时）",
        "Ώρες από το πακέτο (διαθέσιμες %s)",
    ),
    "Support time": ("支持工时", "Χρόνος υποστήριξης"),
    "Approved work outside the agreement": (
        "已批准的协议外工作",
        "Εγκεκριμένη εργασία εκτός σύμβασης",
    ),
    "%(label)s, out of hours (x%(factor)s)": (
        "%(label)s，非工作时间（×%(factor)s）",
        "%(label)s, εκτός ωραρίου (×%(factor)s)",
    ),
    "Fixed-price work: %s": ("固定价格工作：%s", "Εργασία σταθερής τιμής: %s"),
    "Hours beyond the %s included": (
        "超出所含 %s 小时的工时",
        "Ώρες πέρα από τις %s που περιλαμβάνονται",
    ),
    "Credit: %s": ("冲销：%s", "Πίστωση: %s"),
    "Reason: %s": ("原因：%s", "Αιτία: %s"),
    # Input refused with a reason (security fixes: titles, dates, oversized forms)
    "Enter a date between %(first)s and %(last)s.": (
        "请输入 %(first)s 至 %(last)s 之间的日期。",
        "Δώστε ημερομηνία από %(first)s έως %(last)s.",
    ),
    "One line of text: no line breaks, tabs or control characters.": (
        "只能是一行文字：不能包含换行、制表符或控制字符。",
        "Μία γραμμή κειμένου: χωρίς αλλαγές γραμμής, στηλοθέτες ή χαρακτήρες ελέγχου.",
    ),
    "Say what it is about: spaces alone are not a title.": (
        "请说明是关于什么的：只有空格不能作为标题。",
        "Πείτε τι αφορά: μόνο κενά δεν αποτελούν τίτλο.",
    ),
    "This form has more fields than the site accepts.": (
        "此表单的字段数量超过了网站允许的上限。",
        "Η φόρμα έχει περισσότερα πεδία από όσα δέχεται ο ιστότοπος.",
    ),
    "This form is larger than the site accepts.": (
        "此表单的大小超过了网站允许的上限。",
        "Η φόρμα είναι μεγαλύτερη από όσο δέχεται ο ιστότοπος.",
    ),
    "Assignee: choose a member of staff to assign to.": (
        "负责人：请选择一名员工进行分配。",
        "Υπεύθυνος: επιλέξτε μέλος του προσωπικού για την ανάθεση.",
    ),
}


# Each area keeps its own table in scripts/i18n/<area>.py (a dict named T, same shape), so
# work on different pages does not edit one file.
for _table in sorted((ROOT / "scripts" / "i18n").glob("*.py")):
    T.update(runpy.run_path(str(_table))["T"])


def _unquote(block: str) -> str:
    return "".join(re.findall(r'"(.*)"', block)).replace('\\"', '"').replace("\\n", "\n")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def fill(po_path: Path, column: int) -> int:
    text = po_path.read_text()
    filled = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal filled
        flags, msgid_block = match.group(1) or "", match.group(2)
        msgid = _unquote(msgid_block)
        # Template strings with a literal % come out of makemessages doubled.
        key = msgid.replace("%%", "%") if "%%" in msgid else msgid
        if key not in T or not msgid:
            return match.group(0)
        value = T[key][column]
        if "%%" in msgid:
            # A literal % doubles; a %(name)s placeholder stays as it is.
            value = re.sub(r"%(?!\()", "%%", value)
        filled += 1
        # A fuzzy guess made by msgmerge, with the "#|" lines naming what it guessed from,
        # gives way to the table's translation.
        flags = re.sub(r"#\|[^\n]*\n", "", flags)
        flags = re.sub(r", fuzzy|#, fuzzy\n", "", flags)
        return f"{flags}msgid {msgid_block}msgstr {_quote(value)}\n"

    def replace_plural(match: re.Match[str]) -> str:
        # msgid/msgid_plural with msgstr[0..n]: the table gives one text (Chinese has one
        # form) or a tuple of forms in the catalog's order (Greek: one, other).
        nonlocal filled
        flags, msgid_block, plural_block = match.group(1) or "", match.group(2), match.group(3)
        msgid = _unquote(msgid_block)
        if msgid not in T:
            return match.group(0)
        value = T[msgid][column]
        count = len(re.findall(r"^msgstr\[", match.group(4), re.M))
        forms = [value] * count if isinstance(value, str) else list(value)
        if len(forms) != count:
            raise SystemExit(f"{po_path}: {msgid!r} needs {count} plural forms")
        filled += 1
        flags = re.sub(r"#\|[^\n]*\n", "", flags)
        flags = re.sub(r", fuzzy|#, fuzzy\n", "", flags)
        strs = "".join(f"msgstr[{i}] {_quote(form)}\n" for i, form in enumerate(forms))
        return f"{flags}msgid {msgid_block}msgid_plural {plural_block}{strs}"

    plural = re.compile(
        r'((?:#[,|][^\n]*\n)*)msgid ((?:"[^\n]*"\n)+)msgid_plural ((?:"[^\n]*"\n)+)'
        r'((?:msgstr\[\d+\] (?:"[^\n]*"\n)+)+)'
    )
    text = plural.sub(replace_plural, text)
    pattern = re.compile(r'((?:#[,|][^\n]*\n)*)msgid ((?:"[^\n]*"\n)+)msgstr ((?:"[^\n]*"\n)+)')
    text = pattern.sub(replace, text)
    # The header makemessages writes is complete once filled: not fuzzy, and naming its language.
    text = re.sub(r'\A((?:#[^\n]*\n)*?)#, fuzzy\n(msgid ""\n)', r"\1\2", text)
    text = text.replace('"Language: \\n"', f'"Language: {po_path.parent.parent.name}\\n"', 1)
    po_path.write_text(text)
    return filled


def main() -> int:
    for locale, column in (("zh_Hans", 0), ("el", 1)):
        path = ROOT / "locale" / locale / "LC_MESSAGES" / "django.po"
        print(f"{locale}: {fill(path, column)} strings translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
