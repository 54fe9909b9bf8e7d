"""Monitoring's core: checks, their statuses, the reasons of flips, the alert mails, and the
API's refusals."""

# msgid: (Simplified Chinese, Greek)
T: dict[str, tuple[str, str]] = {
    "Recovered": ("已恢复", "Αποκαταστάθηκε"),
    "%(key)s: may not be null.": ("%(key)s：不能为 null。", "%(key)s: δεν μπορεί να είναι null."),
    "Paused": ("已暂停", "Σε παύση"),
    "Started": ("已开始", "Ξεκίνησε"),
}
