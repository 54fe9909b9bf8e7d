"""Active checks: what a probe found, as staff read it in results and ticket descriptions."""

from typing import Any

# msgid: (Simplified Chinese, Greek); plural entries: Greek as (one, other).
T: dict[str, tuple[Any, Any]] = {
    "not an active check: %(kind)s": (
        "不是主动检查：%(kind)s",
        "δεν είναι ενεργός έλεγχος: %(kind)s",
    ),
    "timed out after %(s)s s": ("%(s)s 秒后超时", "λήξη χρόνου μετά από %(s)s s"),
    "connection refused": ("连接被拒绝", "η σύνδεση απορρίφθηκε"),
    "connection reset": ("连接被重置", "η σύνδεση επαναφέρθηκε"),
    "connection failed: %(reason)s": ("连接失败：%(reason)s", "η σύνδεση απέτυχε: %(reason)s"),
    "too many redirects": ("重定向次数过多", "πάρα πολλές ανακατευθύνσεις"),
    "%(host)s does not resolve": ("%(host)s 无法解析", "το %(host)s δεν επιλύεται"),
    "the server closed the connection without answering": (
        "服务器未应答即关闭了连接",
        "ο διακομιστής έκλεισε τη σύνδεση χωρίς να απαντήσει",
    ),
    "certificate has expired": ("证书已过期", "το πιστοποιητικό έχει λήξει"),
    "certificate is not valid for this host name": (
        "证书对此主机名无效",
        "το πιστοποιητικό δεν ισχύει για αυτό το όνομα κεντρικού υπολογιστή",
    ),
    "certificate is not trusted (%(reason)s)": (
        "证书不受信任（%(reason)s）",
        "το πιστοποιητικό δεν είναι αξιόπιστο (%(reason)s)",
    ),
    "certificate is not valid (%(reason)s)": (
        "证书无效（%(reason)s）",
        "το πιστοποιητικό δεν είναι έγκυρο (%(reason)s)",
    ),
    "TLS handshake failed: %(reason)s": (
        "TLS 握手失败：%(reason)s",
        "η χειραψία TLS απέτυχε: %(reason)s",
    ),
    "target %(target)s is not host:port": (
        "目标 %(target)s 不是 主机:端口 格式",
        "ο στόχος %(target)s δεν είναι της μορφής host:port",
    ),
    "HTTP %(status)s in %(ms)s ms": (
        "HTTP %(status)s，用时 %(ms)s 毫秒",
        "HTTP %(status)s σε %(ms)s ms",
    ),
    "%(said)s, expected %(expected)s": (
        "%(said)s，预期 %(expected)s",
        "%(said)s, αναμενόταν %(expected)s",
    ),
    'keyword "%(keyword)s" not found': (
        "未找到关键字“%(keyword)s”",
        "η λέξη-κλειδί «%(keyword)s» δεν βρέθηκε",
    ),
    'unwanted keyword "%(keyword)s" found': (
        "发现了不应出现的关键字“%(keyword)s”",
        "βρέθηκε η ανεπιθύμητη λέξη-κλειδί «%(keyword)s»",
    ),
    "%(said)s, slower than %(max)s ms": (
        "%(said)s，慢于 %(max)s 毫秒",
        "%(said)s, πιο αργά από %(max)s ms",
    ),
    "port %(port)s open, connected in %(ms)s ms": (
        "端口 %(port)s 开放，%(ms)s 毫秒内连接成功",
        "η θύρα %(port)s είναι ανοιχτή, σύνδεση σε %(ms)s ms",
    ),
    "the server sent no certificate": (
        "服务器未发送证书",
        "ο διακομιστής δεν έστειλε πιστοποιητικό",
    ),
    "certificate expires in %(days)s day (%(date)s)": (
        "证书将在 %(days)s 天后过期（%(date)s）",
        (
            "το πιστοποιητικό λήγει σε %(days)s ημέρα (%(date)s)",
            "το πιστοποιητικό λήγει σε %(days)s ημέρες (%(date)s)",
        ),
    ),
    "%(name)s does not exist": ("%(name)s 不存在", "το %(name)s δεν υπάρχει"),
    "%(name)s has no %(type)s record": (
        "%(name)s 没有 %(type)s 记录",
        "το %(name)s δεν έχει εγγραφή %(type)s",
    ),
    "no name server answered for %(name)s": (
        "没有域名服务器应答 %(name)s",
        "κανένας διακομιστής ονομάτων δεν απάντησε για το %(name)s",
    ),
    "%(name)s resolves to %(values)s": (
        "%(name)s 解析为 %(values)s",
        "το %(name)s επιλύεται σε %(values)s",
    ),
    "the registry does not know %(name)s": (
        "注册局没有 %(name)s 的记录",
        "το μητρώο δεν γνωρίζει το %(name)s",
    ),
    "the registry answered HTTP %(status)s": (
        "注册局返回 HTTP %(status)s",
        "το μητρώο απάντησε HTTP %(status)s",
    ),
    "the registry's answer could not be read": (
        "无法读取注册局的应答",
        "η απάντηση του μητρώου δεν ήταν αναγνώσιμη",
    ),
    "the registry gives no expiration date for %(name)s": (
        "注册局未提供 %(name)s 的到期日期",
        "το μητρώο δεν δίνει ημερομηνία λήξης για το %(name)s",
    ),
    "registration expired on %(date)s": (
        "注册已于 %(date)s 过期",
        "η καταχώριση έληξε στις %(date)s",
    ),
    "registration expires in %(days)s day (%(date)s)": (
        "注册将在 %(days)s 天后过期（%(date)s）",
        (
            "η καταχώριση λήγει σε %(days)s ημέρα (%(date)s)",
            "η καταχώριση λήγει σε %(days)s ημέρες (%(date)s)",
        ),
    ),
}
