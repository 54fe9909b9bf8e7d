# ruff: noqa: E501
"""Invoices an accountant accepts: VAT settings, the invoice page and PDF, UBL and the month's
export (issue 10, section 2). msgid: (Simplified Chinese, Greek)."""

T: dict[str, tuple[str, str]] = {
    # VAT settings (agreement and client)
    "VAT": ("增值税", "ΦΠΑ"),
    "VAT at a rate": ("按税率征收增值税", "ΦΠΑ με συντελεστή"),
    "Exempt from VAT": ("免征增值税", "Απαλλαγή από ΦΠΑ"),
    "Reverse charge": ("反向征收", "Αντίστροφη επιβάρυνση"),
    "Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC": (
        "反向征收：增值税由收票方申报缴纳（欧盟第 2006/112/EC 号指令第 196 条）",
        "Αντίστροφη επιβάρυνση: ο ΦΠΑ αποδίδεται από τον λήπτη, άρθρο 196 της Οδηγίας 2006/112/ΕΚ",
    ),
    "VAT %(rate)s%": ("增值税 %(rate)s%", "ΦΠΑ %(rate)s%"),
    "An exempt invoice says why: give the legal reason.": (
        "免税发票须注明理由：请填写免税的法律依据。",
        "Ένα τιμολόγιο με απαλλαγή αναφέρει τον λόγο: συμπληρώστε τη νομική βάση.",
    ),
    "VAT rate (%)": ("增值税税率（%）", "Συντελεστής ΦΠΑ (%)"),
    "exemption reason or legal note": ("免税理由或法律说明", "λόγος απαλλαγής ή νομική σημείωση"),
    "Printed on the invoice: the law that exempts it, or the reverse-charge note.": (
        "打印在发票上：免税所依据的法规，或反向征收说明。",
        "Τυπώνεται στο τιμολόγιο: η διάταξη που το απαλλάσσει ή η σημείωση αντίστροφης επιβάρυνσης.",
    ),
    "client's tax": ("客户税务设置", "φορολογική ρύθμιση πελάτη"),
    "clients' tax": ("客户税务设置", "φορολογικές ρυθμίσεις πελατών"),
    "Leave empty to use the client's tax setting.": (
        "留空则使用客户的税务设置。",
        "Αφήστε το κενό για να ισχύσει η φορολογική ρύθμιση του πελάτη.",
    ),
    "Give the VAT rate, or leave VAT empty.": (
        "请填写增值税税率，或将增值税留空。",
        "Συμπληρώστε τον συντελεστή ΦΠΑ ή αφήστε το ΦΠΑ κενό.",
    ),
    "Payment within %(days)s days of the invoice date.": (
        "请于发票日期后 %(days)s 天内付款。",
        "Εξόφληση εντός %(days)s ημερών από την ημερομηνία του τιμολογίου.",
    ),
    "Saved. Invoices already issued keep the VAT they carry.": (
        "已保存。已开具的发票保留原有的增值税。",
        "Αποθηκεύτηκε. Τα τιμολόγια που έχουν ήδη εκδοθεί διατηρούν τον ΦΠΑ τους.",
    ),
    "The client's VAT": ("客户的增值税", "Ο ΦΠΑ του πελάτη"),
    "What this client's invoices carry unless its agreement sets its own VAT. Invoices already issued keep theirs.": (
        "除非协议另行设定增值税，该客户的发票均按此设置计税。已开具的发票保持不变。",
        "Ισχύει για τα τιμολόγια αυτού του πελάτη, εκτός αν η σύμβασή του ορίζει δικό της ΦΠΑ. "
        "Τα τιμολόγια που έχουν ήδη εκδοθεί δεν αλλάζουν.",
    ),
    "Reverse charge: for a business client in another EU country; without a note of your own the invoice says “Reverse charge: VAT to be accounted for by the recipient, Article 196 Directive 2006/112/EC”. Exempt: name the law that exempts the service.": (
        "反向征收：适用于其他欧盟国家的企业客户；如未填写说明，发票将注明“反向征收：增值税由收票方申报缴纳"
        "（欧盟第 2006/112/EC 号指令第 196 条）”。免税：请注明免税所依据的法规。",
        "Αντίστροφη επιβάρυνση: για επαγγελματία πελάτη σε άλλη χώρα της ΕΕ· χωρίς δική σας "
        "σημείωση, το τιμολόγιο αναγράφει «Αντίστροφη επιβάρυνση: ο ΦΠΑ αποδίδεται από τον λήπτη, "
        "άρθρο 196 της Οδηγίας 2006/112/ΕΚ». Απαλλαγή: αναφέρετε τη διάταξη που απαλλάσσει την "
        "υπηρεσία.",
    ),
    "the client's setting": ("客户的设置", "ρύθμιση του πελάτη"),
    "change": ("更改", "αλλαγή"),
    # The invoice page and the PDF
    "VAT number": ("增值税号", "ΑΦΜ"),
    "Company number": ("公司注册号", "Αριθμός μητρώου εταιρείας"),
    "The provider's legal details are incomplete: an invoice needs the address, country and VAT number.": (
        "服务商的法定信息不完整：发票需要地址、国家和增值税号。",
        "Τα νομικά στοιχεία του παρόχου είναι ελλιπή: ένα τιμολόγιο χρειάζεται διεύθυνση, χώρα και ΑΦΜ.",
    ),
    "The client's billing address or country is missing.": (
        "缺少客户的账单地址或国家。",
        "Λείπει η διεύθυνση τιμολόγησης ή η χώρα του πελάτη.",
    ),
    "Issue date": ("开票日期", "Ημερομηνία έκδοσης"),
    "when issued": ("开具时确定", "κατά την έκδοση"),
    "Due date": ("到期日", "Ημερομηνία λήξης"),
    "%(days)s days after issue": ("开票后 %(days)s 天", "%(days)s ημέρες μετά την έκδοση"),
    "Supply period": ("服务期间", "Περίοδος παροχής"),
    "Corrects invoice": ("更正发票", "Διορθώνει το τιμολόγιο"),
    "Payment": ("付款信息", "Πληρωμή"),
    "Bank": ("银行", "Τράπεζα"),
    "Reference": ("付款附言", "Αιτιολογία πληρωμής"),
    "Net": ("净额", "Καθαρή αξία"),
    "VAT amount": ("增值税额", "Ποσό ΦΠΑ"),
    "Subtotal": ("小计", "Μερικό σύνολο"),
    "Total credited": ("贷记总额", "Σύνολο πίστωσης"),
    "Total due": ("应付总额", "Πληρωτέο σύνολο"),
    "Currency": ("币种", "Νόμισμα"),
    "terms version %(n)s": ("条款第 %(n)s 版", "όροι, έκδοση %(n)s"),
    "credited by": ("已由贷记单冲销：", "πιστώθηκε με"),
    "UBL 2.1 XML (EN 16931) for accounting software": (
        "供会计软件导入的 UBL 2.1 XML（EN 16931）",
        "UBL 2.1 XML (EN 16931) για λογιστικό πρόγραμμα",
    ),
    "Issue": ("开具", "Έκδοση"),
    "Issued": ("已开具", "Εκδόθηκε"),
    "Seller": ("开票方", "Εκδότης"),
    "time entries: %(n)s": ("工时记录：%(n)s 条", "καταχωρίσεις χρόνου: %(n)s"),
    "A draft: the provider's and the client's details are shown as they stand now. Issuing numbers the invoice, dates it and keeps these details on it unchanged.": (
        "草稿：服务商和客户信息按当前资料显示。开具时将为发票编号、标注日期，并将这些信息原样保存在发票上。",
        "Πρόχειρο: τα στοιχεία του παρόχου και του πελάτη εμφανίζονται όπως είναι τώρα. Με την "
        "έκδοση το τιμολόγιο παίρνει αριθμό και ημερομηνία, και τα στοιχεία αυτά μένουν σε αυτό "
        "αμετάβλητα.",
    ),
    "Traced to": ("对应记录", "Αντιστοιχεί σε"),
    "Nothing to bill this month.": (
        "本月没有需要计费的项目。",
        "Τίποτα προς χρέωση αυτόν τον μήνα.",
    ),
    "Correct it with a credit note": ("用贷记单更正", "Διόρθωση με πιστωτικό σημείωμα"),
    "An issued invoice is never edited. A credit note cancels it in full; then draft the month again.": (
        "已开具的发票不可修改。贷记单会全额冲销该发票，之后请重新起草当月发票。",
        "Ένα εκδομένο τιμολόγιο δεν αλλάζει ποτέ. Ένα πιστωτικό σημείωμα το ακυρώνει πλήρως· "
        "έπειτα συντάξτε ξανά τον μήνα.",
    ),
    "Issue a credit note": ("开具贷记单", "Έκδοση πιστωτικού σημειώματος"),
    "Why is it credited?": ("冲销原因", "Γιατί πιστώνεται;"),
    "Say why the invoice is credited.": (
        "请说明冲销发票的原因。",
        "Πείτε γιατί πιστώνεται το τιμολόγιο.",
    ),
    "Issued as %s.": ("已开具，编号 %s。", "Εκδόθηκε ως %s."),
    "Draft": ("草稿", "Πρόχειρο"),
    # The agreements pages: the month's export
    "Agreements": ("协议", "Συμβάσεις"),
    "Mail": ("邮件", "Αλληλογραφία"),
    "Month": ("月份", "Μήνας"),
    "Draft the month": ("起草当月发票", "Σύνταξη του μήνα"),
    "State": ("状态", "Κατάσταση"),
    "What each client pays for, what is covered, and the invoices.": (
        "每个客户的付费内容、服务范围和发票。",
        "Τι πληρώνει κάθε πελάτης, τι καλύπτεται και τα τιμολόγια.",
    ),
    "Value": ("价值", "Αξία"),
    "No agreements yet.": ("尚无协议。", "Δεν υπάρχουν ακόμη συμβάσεις."),
    "New agreement": ("新建协议", "Νέα σύμβαση"),
    "Change the terms": ("修改条款", "Αλλαγή όρων"),
    "Export for the accounts": ("导出给会计", "Εξαγωγή για το λογιστήριο"),
    "Every invoice and credit note issued in a month, one row per VAT rate with net, VAT and gross, as CSV for your accounting software. Each invoice also downloads as UBL 2.1 XML.": (
        "某月开具的全部发票和贷记单，每个增值税税率一行，含净额、增值税和含税总额，以 CSV 格式导入会计软件。"
        "每张发票也可单独下载为 UBL 2.1 XML。",
        "Όλα τα τιμολόγια και τα πιστωτικά σημειώματα ενός μήνα, μία γραμμή ανά συντελεστή ΦΠΑ με "
        "καθαρή αξία, ΦΠΑ και σύνολο, σε CSV για το λογιστικό σας πρόγραμμα. Κάθε τιμολόγιο "
        "κατεβαίνει επίσης ως UBL 2.1 XML.",
    ),
    "Download CSV": ("下载 CSV", "Λήψη CSV"),
}
