# ruff: noqa: E501
"""Monitoring's core: checks, their statuses, the reasons of flips, the alert mails, and the
API's refusals."""

# msgid: (Simplified Chinese, Greek)
T: dict[str, tuple[str, str]] = {
    "Check failed": ("检查失败", "Ο έλεγχος απέτυχε"),
    "Check recovered": ("检查已恢复", "Ο έλεγχος αποκαταστάθηκε"),
    "Checklist item ticked": ("已勾选检查清单项", "Σημειώθηκε στοιχείο λίστας ελέγχου"),
    "checklist item": ("检查清单项", "στοιχείο λίστας ελέγχου"),
    "checklist items": ("检查清单项", "στοιχεία λίστας ελέγχου"),
    "done": ("已完成", "ολοκληρώθηκε"),
    "evidence": ("证据", "τεκμήριο"),
    "Down": ("故障", "Εκτός λειτουργίας"),
    "Recovered": ("已恢复", "Αποκαταστάθηκε"),
    "A ping arrived.": ("收到一次 ping。", "Έφτασε ένα ping."),
    "The job reported a failure (exit status %(status)s).": (
        "作业报告失败（退出状态 %(status)s）。",
        "Η εργασία ανέφερε αποτυχία (κωδικός εξόδου %(status)s).",
    ),
    "The job reported a failure.": ("作业报告失败。", "Η εργασία ανέφερε αποτυχία."),
    "%(check)s is down": ("%(check)s 出现故障", "%(check)s: εκτός λειτουργίας"),
    "Check: %(name)s (%(kind)s)": ("检查：%(name)s（%(kind)s）", "Έλεγχος: %(name)s (%(kind)s)"),
    "Target: %(target)s": ("目标：%(target)s", "Στόχος: %(target)s"),
    "Last ping: %(at)s UTC": ("上次 ping：%(at)s UTC", "Τελευταίο ping: %(at)s UTC"),
    "No ping has arrived yet.": ("尚未收到任何 ping。", "Δεν έχει φτάσει ακόμη κανένα ping."),
    "Still down when the maintenance window ended.": (
        "维护时段结束时仍处于故障状态。",
        "Παρέμενε εκτός λειτουργίας όταν έληξε το παράθυρο συντήρησης.",
    ),
    "The job started at %(at)s UTC and has not finished within its grace time.": (
        "作业于 %(at)s UTC 开始，但未在宽限时间内完成。",
        "Η εργασία ξεκίνησε στις %(at)s UTC και δεν ολοκληρώθηκε μέσα στο περιθώριο χάριτος.",
    ),
    "No ping since %(last)s UTC: expected by %(due)s UTC, with %(grace)s of grace.": (
        "自 %(last)s UTC 起未收到 ping：应在 %(due)s UTC 前到达，宽限时间 %(grace)s。",
        "Κανένα ping από τις %(last)s UTC: αναμενόταν έως τις %(due)s UTC, με περιθώριο χάριτος %(grace)s.",
    ),
    "Paused by %(who)s.": ("由 %(who)s 暂停。", "Σε παύση από %(who)s."),
    "Resumed by %(who)s.": ("由 %(who)s 恢复。", "Συνέχιση από %(who)s."),
    "target: required for this kind of check.": (
        "target：此类检查必须填写。",
        "target: απαιτείται γι' αυτό το είδος ελέγχου.",
    ),
    "target: give an http:// or https:// URL.": (
        "target：请填写 http:// 或 https:// 网址。",
        "target: δώστε μια διεύθυνση URL http:// ή https://.",
    ),
    "target: the port must be between 1 and 65535.": (
        "target：端口必须在 1 到 65535 之间。",
        "target: η θύρα πρέπει να είναι από 1 έως 65535.",
    ),
    "target: the URL has no valid host name.": (
        "target：网址中没有有效的主机名。",
        "target: η διεύθυνση URL δεν έχει έγκυρο όνομα κεντρικού υπολογιστή.",
    ),
    "target: give host:port, e.g. mail.example.com:443.": (
        "target：请填写 主机:端口，例如 mail.example.com:443。",
        "target: δώστε host:θύρα, π.χ. mail.example.com:443.",
    ),
    "target: %(host)s is not a host name.": (
        "target：%(host)s 不是主机名。",
        "target: το %(host)s δεν είναι όνομα κεντρικού υπολογιστή.",
    ),
    "target: give a host name, e.g. example.com.": (
        "target：请填写主机名，例如 example.com。",
        "target: δώστε ένα όνομα κεντρικού υπολογιστή, π.χ. example.com.",
    ),
    "expect: give an object.": ("expect：请提供一个对象。", "expect: δώστε ένα αντικείμενο."),
    "expect: %(key)s does not apply to this kind of check.": (
        "expect：%(key)s 不适用于此类检查。",
        "expect: το %(key)s δεν ισχύει γι' αυτό το είδος ελέγχου.",
    ),
    "expect: %(key)s must be a whole number from %(low)s to %(high)s.": (
        "expect：%(key)s 必须是 %(low)s 到 %(high)s 之间的整数。",
        "expect: το %(key)s πρέπει να είναι ακέραιος από %(low)s έως %(high)s.",
    ),
    "expect: status is a list of HTTP status codes (100-599).": (
        "expect：status 是 HTTP 状态码列表（100-599）。",
        "expect: το status είναι λίστα κωδικών κατάστασης HTTP (100-599).",
    ),
    "expect: %(key)s is a text of 1 to 500 characters.": (
        "expect：%(key)s 是 1 到 500 个字符的文本。",
        "expect: το %(key)s είναι κείμενο από 1 έως 500 χαρακτήρες.",
    ),
    "expect: method is one of %(methods)s.": (
        "expect：method 只能是 %(methods)s 之一。",
        "expect: το method είναι ένα από τα %(methods)s.",
    ),
    "expect: follow_redirects is true or false.": (
        "expect：follow_redirects 为 true 或 false。",
        "expect: το follow_redirects είναι true ή false.",
    ),
    "expect: values is a list of addresses or names.": (
        "expect：values 是地址或名称的列表。",
        "expect: το values είναι λίστα διευθύνσεων ή ονομάτων.",
    ),
    "kind: use one of %(kinds)s.": (
        "kind：请使用 %(kinds)s 之一。",
        "kind: χρησιμοποιήστε ένα από τα %(kinds)s.",
    ),
    "name: 1 to 200 characters.": ("name：1 到 200 个字符。", "name: από 1 έως 200 χαρακτήρες."),
    "%(key)s: high, medium or low.": (
        "%(key)s：high、medium 或 low。",
        "%(key)s: high, medium ή low.",
    ),
    "tags: up to 20 tags of 1 to 40 characters.": (
        "tags：最多 20 个标签，每个 1 到 40 个字符。",
        "tags: έως 20 ετικέτες από 1 έως 40 χαρακτήρες.",
    ),
    "period: from 10 seconds to a year.": (
        "period：10 秒到一年。",
        "period: από 10 δευτερόλεπτα έως ένα έτος.",
    ),
    "grace: from 1 second to a year.": (
        "grace：1 秒到一年。",
        "grace: από 1 δευτερόλεπτο έως ένα έτος.",
    ),
    "timezone: not an IANA time zone (e.g. Europe/Athens).": (
        "timezone：不是 IANA 时区（例如 Europe/Athens）。",
        "timezone: δεν είναι ζώνη ώρας IANA (π.χ. Europe/Athens).",
    ),
    "interval: from 10 seconds to a week.": (
        "interval：10 秒到一周。",
        "interval: από 10 δευτερόλεπτα έως μία εβδομάδα.",
    ),
    "timeout: from 1 to 120 seconds.": (
        "timeout：1 到 120 秒。",
        "timeout: από 1 έως 120 δευτερόλεπτα.",
    ),
    "timeout: shorter than the interval.": (
        "timeout：必须短于间隔。",
        "timeout: πρέπει να είναι μικρότερο από το διάστημα.",
    ),
    "retries: from 0 to 20.": ("retries：0 到 20。", "retries: από 0 έως 20."),
    "reopen_within: from 0 seconds to 30 days.": (
        "reopen_within：0 秒到 30 天。",
        "reopen_within: από 0 δευτερόλεπτα έως 30 ημέρες.",
    ),
    "keep_pings: from 10 to 100000.": (
        "keep_pings：10 到 100000。",
        "keep_pings: από 10 έως 100000.",
    ),
    "kind: a check keeps its kind; make a new check.": (
        "kind：检查的类型不可更改；请新建一个检查。",
        "kind: ένας έλεγχος κρατά το είδος του· δημιουργήστε νέο έλεγχο.",
    ),
    "starts: give a time with its offset (ISO 8601).": (
        "starts：请填写带时区偏移的时间（ISO 8601）。",
        "starts: δώστε ώρα με τη διαφορά ώρας της (ISO 8601).",
    ),
    "ends: after the start.": ("ends：必须晚于开始时间。", "ends: μετά την έναρξη."),
    "ends: a repeating window lasts at most 7 days.": (
        "ends：重复时段最长 7 天。",
        "ends: ένα επαναλαμβανόμενο παράθυρο διαρκεί έως 7 ημέρες.",
    ),
    "reason: at most 300 characters.": ("reason：最多 300 个字符。", "reason: έως 300 χαρακτήρες."),
    "checks: each must be a check of the organization.": (
        "checks：每一项都必须是该组织的检查。",
        "checks: το καθένα πρέπει να είναι έλεγχος του οργανισμού.",
    ),
    "Only provider staff change checks.": (
        "只有服务商员工可以更改检查。",
        "Μόνο το προσωπικό του παρόχου αλλάζει ελέγχους.",
    ),
    "%(key)s: may not be null.": ("%(key)s：不能为 null。", "%(key)s: δεν μπορεί να είναι null."),
    "check": ("检查", "έλεγχος"),
    "kind: use one of %(values)s.": (
        "kind：请使用 %(values)s 之一。",
        "kind: χρησιμοποιήστε ένα από τα %(values)s.",
    ),
    "reason": ("原因", "αιτία"),
    "checklist": ("检查清单", "λίστα ελέγχου"),
    "checks": ("检查", "έλεγχοι"),
    "maintenance window": ("维护时段", "παράθυρο συντήρησης"),
    "maintenance windows": ("维护时段", "παράθυρα συντήρησης"),
    "maintenance plan": ("维护计划", "πλάνο συντήρησης"),
    "maintenance plans": ("维护计划", "πλάνα συντήρησης"),
    "Heartbeat": ("心跳", "Heartbeat"),
    "HTTP": ("HTTP", "HTTP"),
    "TCP port": ("TCP 端口", "Θύρα TCP"),
    "TLS certificate": ("TLS 证书", "Πιστοποιητικό TLS"),
    "DNS": ("DNS", "DNS"),
    "Domain registration": ("域名注册", "Καταχώριση τομέα"),
    "Up": ("正常", "Σε λειτουργία"),
    "Paused": ("已暂停", "Σε παύση"),
    "Success": ("成功", "Επιτυχία"),
    "Started": ("已开始", "Ξεκίνησε"),
    "Failure": ("失败", "Αποτυχία"),
    "Log": ("日志", "Καταγραφή"),
    "Maintenance": ("维护", "Συντήρηση"),
    "kind": ("类型", "είδος"),
    "tags": ("标签", "ετικέτες"),
    "period": ("周期", "περίοδος"),
    "grace": ("宽限时间", "περιθώριο χάριτος"),
    "cron schedule": ("cron 计划", "πρόγραμμα cron"),
    "target": ("目标", "στόχος"),
    "interval": ("间隔", "διάστημα"),
    "timeout": ("超时", "χρονικό όριο"),
    "retries": ("重试次数", "επαναλήψεις"),
    "expectations": ("预期", "προσδοκίες"),
    "resolve its ticket on recovery": (
        "恢复时解决其工单",
        "επίλυση του αιτήματος κατά την αποκατάσταση",
    ),
    "reopen within": ("在此时间内重新打开", "επαναφορά εντός"),
    "results kept": ("保留的结果数", "αποτελέσματα που κρατούνται"),
    "repeats": ("重复", "επανάληψη"),
    "first occurrence": ("首次发生", "πρώτη εμφάνιση"),
    "estimated minutes": ("预计分钟数", "εκτιμώμενα λεπτά"),
}
