"""The same faults said in different words, in English, Greek and Chinese, and tickets about
other things that must not join them: the corpus the distance threshold was tuned on."""

from __future__ import annotations

# fault -> language -> (title, description) said four ways
FAULTS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "printer": {
        "en": [
            ("Printer on 2F does not print", "Nothing comes out of the printer on the 2nd floor."),
            ("2nd floor printer not printing", "Sent three jobs, the printer does nothing."),
            ("Can't print on the second floor printer", "The printer shows ready but won't print."),
            ("printer 2F not printing anything!!", "Jobs stay in the queue of the 2F printer."),
        ],
        "el": [
            ("Ο εκτυπωτής στον 2ο όροφο δεν τυπώνει", "Στέλνω εκτύπωση και δεν βγαίνει τίποτα."),
            ("Δεν τυπώνει ο εκτυπωτής του δεύτερου ορόφου", "Οι εκτυπώσεις μένουν στην ουρά."),
            ("εκτυπωτης 2ος οροφος δεν τυπωνει", "Ο εκτυπωτής δείχνει έτοιμος αλλά δεν τυπώνει."),
            ("Πρόβλημα με τον εκτυπωτή στον 2ο όροφο", "Ο εκτυπωτής δεν τυπώνει από το πρωί."),
        ],
        "zh-hans": [
            ("二楼打印机无法打印", "发送打印任务后打印机没有反应。"),
            ("二楼的打印机不能打印了", "打印任务一直在队列里。"),
            ("打印机(二楼)打印不出来", "打印机显示就绪但是不打印。"),
            ("二楼打印机不打印", "从早上开始二楼打印机就不能打印。"),
        ],
    },
    "vpn": {
        "en": [
            ("VPN keeps dropping", "Working from home the VPN disconnects every hour."),
            ("VPN disconnects every hour", "The VPN connection drops and I lose my session."),
            ("vpn connection drops from home", "VPN disconnected again during a call."),
            ("My VPN drops all the time", "The VPN keeps disconnecting since Monday."),
        ],
        "el": [
            ("Το VPN αποσυνδέεται συνέχεια", "Από το σπίτι το VPN αποσυνδέεται κάθε ώρα."),
            ("Αποσύνδεση VPN κάθε ώρα", "Η σύνδεση VPN πέφτει και χάνω τη δουλειά μου."),
            ("Πέφτει το VPN από το σπίτι", "Το VPN αποσυνδέθηκε ξανά."),
            ("το vpn πεφτει συνεχεια", "Η σύνδεση VPN πέφτει από τη Δευτέρα."),
        ],
        "zh-hans": [
            ("VPN 经常断开", "在家办公时 VPN 每小时断开一次。"),
            ("VPN 每小时断开一次", "VPN 连接断开后需要重新登录。"),
            ("在家 VPN 连接总是断", "开会的时候 VPN 又断开了。"),
            ("VPN 连接经常断开", "从周一开始 VPN 一直断开。"),
        ],
    },
    "quota": {
        "en": [
            ("Mailbox full, cannot send email", "Outlook says my mailbox is over its quota."),
            ("Email quota exceeded", "I get a warning that my mailbox is full."),
            ("mailbox is full again", "Cannot send mail: mailbox quota exceeded."),
            ("Outlook: mailbox over quota", "My mailbox is full and email bounces."),
        ],
        "el": [
            ("Γέμισε το γραμματοκιβώτιο", "Το Outlook λέει ότι το γραμματοκιβώτιο είναι γεμάτο."),
            ("Γεμάτο γραμματοκιβώτιο, δεν στέλνω email", "Υπέρβαση ορίου γραμματοκιβωτίου."),
            ("Το γραμματοκιβώτιο μου γέμισε πάλι", "Δεν μπορώ να στείλω email."),
            ("Όριο γραμματοκιβωτίου email", "Μήνυμα ότι το γραμματοκιβώτιο είναι γεμάτο."),
        ],
        "zh-hans": [
            ("邮箱已满，无法发送邮件", "Outlook 提示邮箱容量已满。"),
            ("邮箱容量超出限制", "收到邮箱已满的警告。"),
            ("我的邮箱又满了", "邮箱已满，邮件发不出去。"),
            ("邮箱满了发不了邮件", "邮箱容量不足，无法发送。"),
        ],
    },
}

# Each a ticket about something else: none of these may join a fault above or each other.
UNRELATED: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("New starter needs a laptop", "Maria joins on Monday in accounts."),
        ("Website shows a 502 error", "Our public website is down."),
        ("Request: second monitor", "Could I have a second monitor for my desk?"),
        ("Password reset for the CRM", "I am locked out of the CRM."),
    ],
    "el": [
        ("Νέος υπάλληλος χρειάζεται λογαριασμό", "Ξεκινά τη Δευτέρα στο τμήμα πωλήσεων."),
        ("Αργό δίκτυο στο γραφείο", "Όλα τα αρχεία ανοίγουν πολύ αργά."),
        ("Χρειάζομαι δεύτερη οθόνη", "Μπορώ να έχω μια δεύτερη οθόνη;"),
        ("Κλείδωσε ο λογαριασμός μου στο CRM", "Δεν μπορώ να μπω στο CRM."),
    ],
    "zh-hans": [
        ("新员工需要电脑和账号", "新同事下周一入职。"),
        ("服务器磁盘空间不足", "文件服务器提示磁盘空间不足。"),
        ("申请第二台显示器", "我需要一台新的显示器。"),
        ("CRM 密码重置", "我的 CRM 账号被锁定了。"),
    ],
}
