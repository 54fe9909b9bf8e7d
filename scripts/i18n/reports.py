"""Proof of value: the reports' models, menu, entry page and period picker. Each area of the
reports (scorecard, satisfaction, downtime, problems, reviews and advice, the review pack)
keeps its own table beside this one."""

# msgid: (Simplified Chinese, Greek)
T: dict[str, tuple[str, str]] = {
    # Menu and entry page
    "Reports": ("报告", "Αναφορές"),
    "What each agreement delivered: service levels, downtime and its cost, recurring problems, reviews and advice.": (  # noqa: E501
        "每份协议实际交付了什么：服务级别、停机及其成本、反复出现的问题、复盘与建议。",
        "Τι απέδωσε κάθε σύμβαση: επίπεδα υπηρεσιών, διακοπές λειτουργίας και το κόστος τους, επαναλαμβανόμενα προβλήματα, αναλύσεις συμβάντων και συστάσεις.",  # noqa: E501
    ),
    "Problems": ("问题", "Προβλήματα"),
    "Satisfaction": ("满意度", "Ικανοποίηση"),
    "Advice": ("建议", "Συστάσεις"),
    "Show": ("显示", "Εμφάνιση"),
    # A percentage: "92.9 %" (the scorecard's values)
    # (written with a single %: scripts/translations.py doubles it for the python-format entry)
    "%(n)s %": ("%(n)s%", "%(n)s %"),
    # Period
    "Enter a date as YYYY-MM-DD.": (
        "请按 YYYY-MM-DD 格式输入日期。",
        "Γράψτε την ημερομηνία ως ΕΕΕΕ-ΜΜ-ΗΗ.",
    ),
    "A period is at most five years.": (
        "时间段最长五年。",
        "Μια περίοδος είναι το πολύ πέντε έτη.",
    ),
    # Models
    "rating": ("评分", "βαθμολογία"),
    "comment": ("评论", "σχόλιο"),
    "satisfaction survey": ("满意度调查", "έρευνα ικανοποίησης"),
    "satisfaction surveys": ("满意度调查", "έρευνες ικανοποίησης"),
    "Known error": ("已知错误", "Γνωστό σφάλμα"),
    "root cause": ("根本原因", "βασική αιτία"),
    "workaround": ("临时解决办法", "προσωρινή λύση"),
    "owner": ("负责人", "υπεύθυνος"),
    "problem": ("问题", "πρόβλημα"),
    "problems": ("问题", "προβλήματα"),
    "what happened": ("发生了什么", "τι συνέβη"),
    "how it was fixed": ("如何修复", "πώς διορθώθηκε"),
    "how it will be avoided": ("如何避免再次发生", "πώς θα αποφευχθεί"),
    "action": ("行动项", "ενέργεια"),
    "Proposed": ("已提议", "Προτάθηκε"),
    "Declined": ("已拒绝", "Απορρίφθηκε"),
    "Deferred": ("已推迟", "Αναβλήθηκε"),
    "risk if declined": ("拒绝的风险", "κίνδυνος αν απορριφθεί"),
    "one-off cost": ("一次性费用", "εφάπαξ κόστος"),
    "monthly cost": ("每月费用", "μηνιαίο κόστος"),
    "security control": ("安全控制项", "μέτρο ασφάλειας"),
    "recommendation": ("建议", "σύσταση"),
    "recommendations": ("建议", "συστάσεις"),
    "note": ("备注", "σημείωση"),
}
