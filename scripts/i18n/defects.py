# ruff: noqa: E501
"""What a new user tripped over: the demo's sign-in page, the error pages, the phone menu."""

# msgid: (Simplified Chinese, Greek)
T: dict[str, tuple[str, str]] = {
    "Demo accounts": ("演示账户", "Λογαριασμοί επίδειξης"),
    "Every account's password is <code>%(password)s</code>. Click an account to fill in the form.": (
        "所有账户的密码均为 <code>%(password)s</code>。点击某个账户即可自动填写登录表单。",
        "Ο κωδικός όλων των λογαριασμών είναι <code>%(password)s</code>. Πατήστε έναν λογαριασμό για να συμπληρωθεί η φόρμα.",
    ),
    "IT provider": ("IT 服务商", "Πάροχος IT"),
    "Menu": ("菜单", "Μενού"),
    "Send a token with each request in this header. It acts with your role and sees what you see.": (
        "请在每个请求的以下请求头中发送令牌。令牌以您的角色执行操作，只能看到您能看到的内容。",
        "Στείλτε το διακριτικό σε κάθε αίτημα με την παρακάτω κεφαλίδα. Ενεργεί με τον ρόλο σας και βλέπει ό,τι βλέπετε κι εσείς.",
    ),
    "Server error": ("服务器错误", "Σφάλμα διακομιστή"),
    "Something went wrong on our side.": (
        "我们这边出了问题。",
        "Κάτι πήγε στραβά από τη μεριά μας.",
    ),
    "It has been logged; please try again in a moment.": (
        "问题已记录，请稍后再试。",
        "Το σφάλμα καταγράφηκε· δοκιμάστε ξανά σε λίγο.",
    ),
    "Bad request": ("请求无效", "Μη έγκυρο αίτημα"),
    "This request could not be understood.": (
        "无法理解此请求。",
        "Αυτό το αίτημα δεν ήταν κατανοητό.",
    ),
    "Go back and try again; if it keeps happening, tell your IT provider.": (
        "请返回后重试；如果问题仍然存在，请联系您的 IT 服务商。",
        "Επιστρέψτε και δοκιμάστε ξανά· αν επαναληφθεί, ενημερώστε τον πάροχο IT σας.",
    ),
    "Page expired": ("页面已过期", "Η σελίδα έληξε"),
    "This form has expired.": ("此表单已过期。", "Αυτή η φόρμα έχει λήξει."),
    "Reload the page and send it again. If your browser blocks cookies for this site, allow them: signing in needs one.": (
        "请刷新页面后重新提交。如果您的浏览器阻止了本站的 Cookie，请允许它们：登录需要 Cookie。",
        "Ανανεώστε τη σελίδα και στείλτε τη φόρμα ξανά. Αν ο περιηγητής σας μπλοκάρει τα cookies αυτού του ιστότοπου, επιτρέψτε τα: η σύνδεση τα χρειάζεται.",
    ),
    # The API's own answers when something other than the API refused (405, 413, CSRF, a crash)
    "Method %(method)s is not allowed here; use %(allowed)s.": (
        "此处不允许使用 %(method)s 方法；请使用 %(allowed)s。",
        "Η μέθοδος %(method)s δεν επιτρέπεται εδώ· χρησιμοποιήστε %(allowed)s.",
    ),
    "Bad request.": ("请求无效。", "Μη έγκυρο αίτημα."),
    "The request body is too large.": (
        "请求正文过大。",
        "Το σώμα του αιτήματος είναι πολύ μεγάλο.",
    ),
    "Something went wrong on our side. It has been logged; please try again.": (
        "我们这边出了问题，已记录下来；请重试。",
        "Κάτι πήγε στραβά από την πλευρά μας. Καταγράφηκε· δοκιμάστε ξανά.",
    ),
}
