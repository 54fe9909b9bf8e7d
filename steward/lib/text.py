"""Short texts that end up in one line somewhere else: a ticket's title is an email subject."""

from __future__ import annotations

import unicodedata

from django.utils.translation import gettext as _

# Control characters and Unicode's line and paragraph separators: any of them in a header
# makes the mail library refuse the message (CR, LF) or split the line.
_BREAKING = frozenset({"Cc", "Zl", "Zp"})


def has_control(value: str) -> bool:
    return any(unicodedata.category(c) in _BREAKING for c in value)


def title_error(value: str) -> str:
    """Why this cannot be a title, or "" when it can."""
    if not value.strip():
        return _("Say what it is about: spaces alone are not a title.")
    if has_control(value):
        return _("One line of text: no line breaks, tabs or control characters.")
    return ""


def one_line(value: str) -> str:
    """The text with every control character or line break folded into one space: for
    titles that come from outside (a mail subject, a monitoring check), refused nowhere."""
    folded = "".join(" " if unicodedata.category(c) in _BREAKING else c for c in value)
    return " ".join(folded.split())
