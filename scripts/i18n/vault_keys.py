# ruff: noqa: E501
"""The vault's keys and chains (issue 12): the checkpoint mail the client admins receive.
msgid: (Simplified Chinese, Greek)."""

T: dict[str, tuple[object, object]] = {
    "Audit log checkpoint for %(organization)s: entry %(seq)s": (
        "%(organization)s 的审计日志检查点：第 %(seq)s 条",
        "Σημείο ελέγχου του αρχείου καταγραφής (%(organization)s): εγγραφή %(seq)s",
    ),
    "%(provider)s has signed the audit log of %(organization)s at entry %(seq)s: every look at a password up to that entry is fixed by the signature below.": (
        "%(provider)s 已在第 %(seq)s 条处签署 %(organization)s 的审计日志：截至该条的每一次密码查看都由下方的签名固定下来。",
        "Ο πάροχός σας %(provider)s υπέγραψε το αρχείο καταγραφής του οργανισμού %(organization)s στην εγγραφή %(seq)s: κάθε προβολή κωδικού έως εκείνη την εγγραφή κατοχυρώνεται από την παρακάτω υπογραφή.",
    ),
    "Sequence number": ("序号", "Αύξων αριθμός"),
    "Signed at": ("签署时间", "Υπογράφηκε στις"),
    "Head hash": ("链头哈希", "Κατακερματισμός κεφαλής"),
    "Provider's public key": ("服务商的公钥", "Δημόσιο κλειδί του παρόχου"),
    "Signature": ("签名", "Υπογραφή"),
    "Keep this mail: the verifier in your exit pack checks the audit log against it, so a history rewritten after today would no longer match.": (
        "请保留此邮件：退出包中的验证程序会据此核对审计日志，今天之后被改写的历史将无法与之相符。",
        "Κρατήστε αυτό το μήνυμα: ο επαληθευτής στο πακέτο αποχώρησής σας ελέγχει το αρχείο καταγραφής με βάση αυτό, ώστε ένα ιστορικό που ξαναγράφτηκε μετά από σήμερα να μην ταιριάζει πλέον.",
    ),
}
