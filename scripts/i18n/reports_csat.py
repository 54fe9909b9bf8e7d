# ruff: noqa: E501
"""Satisfaction surveys (issue 13): the survey mail and its signed link, the public and the
portal form, the low-score mail, the desk's card and list. msgid: (Simplified Chinese, Greek)."""

T: dict[str, tuple[object, object]] = {
    # Model labels (steward/reports/models.py, satisfaction part)
    "rating": ("评分", "βαθμολογία"),
    "comment": ("评论", "σχόλιο"),
    "satisfaction survey": ("满意度调查", "έρευνα ικανοποίησης"),
    "satisfaction surveys": ("满意度调查", "έρευνες ικανοποίησης"),
    # The survey mail
    "How did we do? %(title)s": ("我们做得怎么样？%(title)s", "Πώς τα πήγαμε; %(title)s"),
    "We have resolved your request. How satisfied are you with how we handled it? One click is enough; you can add a comment on the page.": (
        "我们已解决您的请求。您对我们的处理满意吗？点击一下即可；您还可以在页面上留下评论。",
        "Επιλύσαμε το αίτημά σας. Πόσο ικανοποιημένοι είστε από τον χειρισμό του; Ένα κλικ αρκεί· μπορείτε να προσθέσετε σχόλιο στη σελίδα.",
    ),
    "%(rating)s star": ("%(rating)s 星", ("%(rating)s αστέρι", "%(rating)s αστέρια")),
    "Answer the survey": ("回答调查", "Απαντήστε στην έρευνα"),
    "The link works once, for %(days)s day, without signing in.": (
        "此链接无需登录，可在 %(days)s 天内使用一次。",
        (
            "Ο σύνδεσμος λειτουργεί μία φορά, για %(days)s ημέρα, χωρίς σύνδεση.",
            "Ο σύνδεσμος λειτουργεί μία φορά, για %(days)s ημέρες, χωρίς σύνδεση.",
        ),
    ),
    "1 = very dissatisfied, 5 = very satisfied": (
        "1 = 非常不满意，5 = 非常满意",
        "1 = πολύ δυσαρεστημένος, 5 = πολύ ικανοποιημένος",
    ),
    # The low-score mail
    "Low satisfaction score: %(rating)s of 5": (
        "满意度低：%(rating)s 分（满分 5 分）",
        "Χαμηλή βαθμολογία ικανοποίησης: %(rating)s στα 5",
    ),
    "The requester rated this ticket %(rating)s of 5.": (
        "请求人给此工单打了 %(rating)s 分（满分 5 分）。",
        "Ο αιτών βαθμολόγησε αυτό το αίτημα με %(rating)s στα 5.",
    ),
    "Their comment": ("对方的评论", "Το σχόλιό του"),
    "They left no comment.": ("对方未留下评论。", "Δεν άφησε σχόλιο."),
    # The form
    "How satisfied are you with how we handled your request?": (
        "您对我们处理您请求的方式满意吗？",
        "Πόσο ικανοποιημένοι είστε από τον χειρισμό του αιτήματός σας;",
    ),
    "Choose a rating from 1 to 5.": ("请选择 1 到 5 的评分。", "Επιλέξτε βαθμολογία από 1 έως 5."),
    "Anything you would like to tell us? (optional)": (
        "有什么想告诉我们的吗？（可选）",
        "Θέλετε να μας πείτε κάτι; (προαιρετικό)",
    ),
    "Very dissatisfied": ("非常不满意", "Πολύ δυσαρεστημένος"),
    "Very satisfied": ("非常满意", "Πολύ ικανοποιημένος"),
    "Send my answer": ("提交我的回答", "Αποστολή της απάντησής μου"),
    "rating: choose a whole number from 1 to 5.": (
        "rating：请选择 1 到 5 之间的整数。",
        "rating: επιλέξτε έναν ακέραιο από 1 έως 5.",
    ),
    "This survey has already been answered.": (
        "此调查已有回答。",
        "Αυτή η έρευνα έχει ήδη απαντηθεί.",
    ),
    "Only the person who asked or a client admin can answer.": (
        "只有提出请求的人或客户管理员可以回答。",
        "Μόνο όποιος υπέβαλε το αίτημα ή ένας διαχειριστής του πελάτη μπορεί να απαντήσει.",
    ),
    "The ticket is not resolved: there is nothing to rate yet.": (
        "工单尚未解决：目前还没有可评价的内容。",
        "Το αίτημα δεν έχει επιλυθεί: δεν υπάρχει ακόμη κάτι να βαθμολογηθεί.",
    ),
    # The public page
    "How did we do?": ("我们做得怎么样？", "Πώς τα πήγαμε;"),
    "Thank you: this survey has been answered.": (
        "谢谢：此调查已回答。",
        "Ευχαριστούμε: αυτή η έρευνα έχει απαντηθεί.",
    ),
    "The link works once; your answer is recorded.": (
        "此链接只能使用一次；您的回答已记录。",
        "Ο σύνδεσμος λειτουργεί μία φορά· η απάντησή σας έχει καταγραφεί.",
    ),
    "This link has expired": ("此链接已过期", "Αυτός ο σύνδεσμος έχει λήξει"),
    "This link does not work": ("此链接无效", "Αυτός ο σύνδεσμος δεν λειτουργεί"),
    "This survey link has expired.": (
        "此调查链接已过期。",
        "Αυτός ο σύνδεσμος της έρευνας έχει λήξει.",
    ),
    "You can still rate the request on its page in the portal.": (
        "您仍可以在门户的请求页面上进行评价。",
        "Μπορείτε ακόμη να βαθμολογήσετε το αίτημα στη σελίδα του στην πύλη.",
    ),
    "This survey link does not work.": (
        "此调查链接无效。",
        "Αυτός ο σύνδεσμος της έρευνας δεν λειτουργεί.",
    ),
    "It may have been copied only in part. Open the link from the email again, or rate the request in the portal.": (
        "链接可能只被复制了一部分。请从邮件中重新打开链接，或在门户中评价该请求。",
        "Ίσως αντιγράφηκε μόνο εν μέρει. Ανοίξτε ξανά τον σύνδεσμο από το email ή βαθμολογήστε το αίτημα στην πύλη.",
    ),
    "Go to the portal": ("前往门户", "Μετάβαση στην πύλη"),
    # The portal
    "Your satisfaction": ("您的满意度", "Η ικανοποίησή σας"),
    "Thank you for your answer.": ("感谢您的回答。", "Ευχαριστούμε για την απάντησή σας."),
    "Once we resolve this request, you can tell us here how we did.": (
        "我们解决此请求后，您可以在这里告诉我们做得怎么样。",
        "Μόλις επιλύσουμε αυτό το αίτημα, μπορείτε να μας πείτε εδώ πώς τα πήγαμε.",
    ),
    "Only the person who asked and the client's administrators rate a request.": (
        "只有提出请求的人和客户管理员可以评价请求。",
        "Μόνο όποιος υπέβαλε το αίτημα και οι διαχειριστές του πελάτη βαθμολογούν ένα αίτημα.",
    ),
    # The desk
    "Reports": ("报告", "Αναφορές"),
    "Satisfaction": ("满意度", "Ικανοποίηση"),
    "Resolution %(n)s": ("第 %(n)s 次解决", "Επίλυση %(n)s"),
    "No answer yet": ("尚未回答", "Καμία απάντηση ακόμη"),
    "Low score": ("低分", "Χαμηλή βαθμολογία"),
    "Asked %(to)s on %(when)s": ("已于 %(when)s 询问 %(to)s", "Ερωτήθηκε %(to)s στις %(when)s"),
    "What clients answered when their requests were resolved: one question, 1 to 5, and a comment.": (
        "客户在请求解决后的回答：一个问题，1 到 5 分，外加评论。",
        "Τι απάντησαν οι πελάτες όταν επιλύθηκαν τα αιτήματά τους: μία ερώτηση, 1 έως 5, και ένα σχόλιο.",
    ),
    "Resolved in the last": ("解决时间在最近", "Επιλύθηκαν τις τελευταίες"),
    "%(days)s day": ("%(days)s 天", ("%(days)s ημέρα", "%(days)s ημέρες")),
    "Low scores only (%(low)s or less)": (
        "仅低分（%(low)s 分及以下）",
        "Μόνο χαμηλές βαθμολογίες (%(low)s ή λιγότερο)",
    ),
    "Mean rating": ("平均评分", "Μέση βαθμολογία"),
    "Response rate": ("回复率", "Ποσοστό απαντήσεων"),
    "%(a)s of %(s)s answered": ("%(s)s 份中已回答 %(a)s 份", "%(a)s από %(s)s απάντησαν"),
    "Low scores": ("低分", "Χαμηλές βαθμολογίες"),
    "Mean": ("平均", "Μέσος όρος"),
    "No surveys in this period.": ("此期间没有调查。", "Καμία έρευνα σε αυτή την περίοδο."),
    "Recent answers": ("最近的回答", "Πρόσφατες απαντήσεις"),
    "No answers in this period.": ("此期间没有回答。", "Καμία απάντηση σε αυτή την περίοδο."),
}
