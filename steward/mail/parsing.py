"""Raw RFC 822 bytes to what a ticket needs; pure, fast, and never raises."""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes
from email.header import decode_header
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from html.parser import HTMLParser

import nh3

from steward.lib.files import shorten_name

# Real "gb2312" mail carries GBK characters, and Big5 mail HKSCS ones: decode with the
# supersets. Latin-1 labels are routinely Windows-1252 in practice.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cn-big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ks_c_5601-1987": "cp949",
    "windows-874": "cp874",
}
_MSGID = re.compile(r"<([^<>\s]+)>")
_SPACE = re.compile(r"\s+")


@dataclass
class ParsedAttachment:
    name: str
    content_type: str
    data: bytes
    inline: bool
    content_id: str


@dataclass
class ParsedMail:
    message_id: str = ""
    in_reply_to: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    subject: str = ""
    from_address: str = ""
    from_name: str = ""
    reply_to: str = ""
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    date: datetime | None = None
    automatic: str = ""
    is_bounce: bool = False
    bounced_ids: list[str] = field(default_factory=list)
    bounce_detail: str = ""
    text: str = ""
    html: str = ""
    reply: str = ""
    attachments: list[ParsedAttachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    # Authentication-Results headers as they stand, topmost first (RFC 8601).
    auth_results: list[str] = field(default_factory=list)
    from_headers: int = 0


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    label = charset.strip().strip('"').lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, str]:
    """(text, defect or ""): the declared charset, else UTF-8, else GB18030, else
    Windows-1252 with replacement characters."""
    codec = _codec(charset)
    if codec:
        try:
            return data.decode(codec), ""
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
        return text, (f"declared charset {charset} did not fit; read as utf-8" if charset else "")
    except UnicodeDecodeError:
        pass
    if charset is None or codec is None:
        # Undeclared 8-bit text in Chinese mail is nearly always GBK; Western text fails here.
        try:
            text = data.decode("gb18030")
            if not _looks_like_mojibake(text):
                return text, f"charset {charset or 'undeclared'}: read as gb18030"
        except UnicodeDecodeError:
            pass
    return (
        data.decode(codec or "cp1252", errors="replace"),
        f"charset {charset or 'undeclared'}: some bytes could not be read",
    )


def _looks_like_mojibake(text: str) -> bool:
    # Western 8-bit text decoded as GB18030 gives rare CJK mixed with ASCII letters in
    # words; real Chinese text has runs of CJK. A cheap test: a CJK character glued to a
    # Latin letter on both sides.
    return bool(re.search(r"[A-Za-z][\u4e00-\u9fff][A-Za-z]", text))


def _header(msg: Message, name: str) -> str:
    """A header's text, with RFC 2047 words and raw 8-bit bytes decoded."""
    try:
        value = msg.get(name)
    except Exception:
        return ""
    if value is None:
        return ""
    return _decode_header_value(value)


def _decode_header_value(value: object) -> str:
    if not isinstance(value, str):
        # compat32 hands back a Header object for undecodable raw bytes.
        try:
            chunks = decode_header(value)  # type: ignore[arg-type]
        except Exception:
            return str(value)
    else:
        if "=?" not in value and not _has_surrogates(value):
            return _SPACE.sub(" ", value).strip()
        try:
            chunks = decode_header(value)
        except Exception:
            return _SPACE.sub(" ", _unsurrogate(value)).strip()
    parts = []
    for chunk, charset in chunks:
        if isinstance(chunk, bytes):
            parts.append(decode_bytes(chunk, charset)[0])
        else:
            parts.append(_unsurrogate(chunk))
    # Adjacent encoded words were joined by decode_header; plain parts keep their spaces.
    return _SPACE.sub(" ", "".join(parts)).strip()


def _has_surrogates(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def _unsurrogate(value: str) -> str:
    """compat32 keeps raw 8-bit header bytes as surrogates; turn them back into text."""
    if not _has_surrogates(value):
        return value
    raw = value.encode("ascii", "surrogateescape")
    return decode_bytes(raw, None)[0]


def _ids(value: str) -> list[str]:
    found = _MSGID.findall(value)
    if not found and value.strip() and " " not in value.strip():
        found = [value.strip()]
    seen: dict[str, None] = {}
    for mid in found:
        seen.setdefault(mid[:255], None)
    return list(seen)


def _address(value: str) -> tuple[str, str]:
    name, addr = parseaddr(value)
    addr = addr.strip().lower()
    if "@" not in addr or " " in addr:
        return name, ""
    return name.strip(), addr


def _addresses(value: str) -> list[str]:
    out = []
    for _name, addr in getaddresses([value]):
        addr = addr.strip().lower()
        if "@" in addr:
            out.append(addr)
    return out


def _automatic(msg: Message) -> str:
    auto = _header(msg, "Auto-Submitted").lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = _header(msg, "Precedence").lower()
    if precedence in ("bulk", "list", "junk", "auto_reply"):
        return f"Precedence: {precedence}"
    # Not X-Auto-Response-Suppress: Outlook sets it on ordinary mail too.
    for name in ("X-Autoreply", "X-Autorespond"):
        if _header(msg, name):
            return name
    if _header(msg, "List-Id") or _header(msg, "List-Unsubscribe"):
        return "List-Id"
    return ""


def _payload(part: Message, defects: list[str]) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:
        defects.append(f"a part could not be decoded: {exc}")
        return b""
    if isinstance(data, bytes):
        return data
    return b""


def _part_text(part: Message, defects: list[str]) -> str:
    data = _payload(part, defects)
    text, defect = decode_bytes(data, part.get_content_charset())
    if defect:
        defects.append(defect)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if not name:
        return ""
    return _decode_header_value(name).replace("/", "_").replace("\\", "_").strip()


class _Walker:
    def __init__(self, mail: ParsedMail) -> None:
        self.mail = mail
        self.plain: list[str] = []
        self.html: list[str] = []
        self.cids: set[str] = set()

    def walk(self, part: Message, depth: int = 0) -> None:
        if depth > 30:
            self.mail.defects.append("MIME nesting deeper than 30 levels; the rest is skipped")
            return
        ctype = part.get_content_type()
        if ctype in ("message/rfc822", "message/global"):
            self.attach_message(part)
            return
        if part.is_multipart():
            payload = part.get_payload()
            if not isinstance(payload, list):
                return
            children = [child for child in payload if isinstance(child, Message)]
            if ctype == "multipart/report":
                self.report(children)
            if ctype == "multipart/alternative":
                self.alternative(children, depth)
                return
            for child in children:
                if isinstance(child, Message):
                    self.walk(child, depth + 1)
            return
        disposition = (part.get("Content-Disposition") or "").split(";")[0].strip().lower()
        name = _filename(part)
        if ctype in ("text/plain", "text/html") and disposition != "attachment" and not name:
            text = _part_text(part, self.mail.defects)
            (self.plain if ctype == "text/plain" else self.html).append(text)
            return
        if ctype in ("message/delivery-status", "text/rfc822-headers"):
            return  # Read by report(); not an attachment a person needs.
        self.attachment(part, ctype, name, disposition)

    def alternative(self, children: list[Message], depth: int) -> None:
        # The richest version the message offers goes to `html`, the plain one to `text`.
        before_plain, before_html = len(self.plain), len(self.html)
        for child in children:
            if isinstance(child, Message):
                self.walk(child, depth + 1)
        # Keep one plain and one html body from this alternative group at most.
        del self.plain[before_plain + 1 :]
        del self.html[before_html + 1 :]

    def attachment(self, part: Message, ctype: str, name: str, disposition: str) -> None:
        data = _payload(part, self.mail.defects)
        cid = (part.get("Content-ID") or "").strip().strip("<>")
        n = len(self.mail.attachments) + 1
        if not name:
            ext = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif"}.get(ctype, "bin")
            name = f"attachment-{n}.{ext}"
        self.mail.attachments.append(
            ParsedAttachment(
                name=shorten_name(name, 255, 200),
                content_type=ctype,
                data=data,
                inline=disposition == "inline" or bool(cid),
                content_id=cid,
            )
        )

    def attach_message(self, part: Message) -> None:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            try:
                data = inner.as_bytes()
            except Exception:
                data = str(inner).encode("utf-8", "replace")
            subject = _header(inner, "Subject") or "message"
        else:
            data = _payload(part, self.mail.defects)
            subject = "message"
        if self.mail.is_bounce and isinstance(inner, Message):
            self.mail.bounced_ids.extend(_ids(_header(inner, "Message-ID")))
            return
        safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", subject)[:150].strip() or "message"
        self.mail.attachments.append(
            ParsedAttachment(f"{safe}.eml", "message/rfc822", data, False, "")
        )

    def report(self, children: list[Message]) -> None:
        self.mail.is_bounce = True
        details = []
        for child in children:
            if not isinstance(child, Message):
                continue
            ctype = child.get_content_type()
            if ctype == "message/delivery-status":
                details.extend(_delivery_status(child))
            elif ctype == "text/rfc822-headers":
                text = _part_text(child, self.mail.defects)
                match = re.search(r"(?im)^message-id:\s*(.*(?:\n[ \t].*)*)", text)
                if match:
                    self.mail.bounced_ids.extend(_ids(match.group(1)))
        self.mail.bounce_detail = "; ".join(details)[:1000]


def _delivery_status(part: Message) -> list[str]:
    fields: list[str] = []
    payload = part.get_payload()
    blocks = payload if isinstance(payload, list) else []
    texts = []
    for block in blocks:
        if isinstance(block, Message):
            texts.append("\n".join(f"{k}: {v}" for k, v in block.items()))
    if not texts:
        raw = part.get_payload(decode=True)
        texts.append(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(payload))
    for text in texts:
        for key in ("Final-Recipient", "Status", "Diagnostic-Code"):
            match = re.search(rf"(?im)^{key}:\s*(.+)$", text)
            if match:
                value = match.group(1).strip()
                if key == "Final-Recipient":
                    value = value.split(";")[-1].strip()
                fields.append(f"{key}: {value}")
    return fields


_BOUNCE_SENDERS = re.compile(r"^(mailer-daemon|postmaster)@", re.IGNORECASE)
_BOUNCE_SUBJECTS = re.compile(
    r"(undeliver|delivery status notification|returned mail|delivery has failed|"
    r"mail delivery failed|failure notice|退信|未能送达|无法投递)",
    re.IGNORECASE,
)


def parse(raw: bytes) -> ParsedMail:
    """Everything a ticket needs from one email. Never raises: what cannot be read is
    recorded in `defects`, and the raw bytes are kept by the caller anyway."""
    mail = ParsedMail()
    try:
        _parse_into(mail, raw)
    except Exception as exc:  # The last line of defence: the bytes may be anything at all.
        mail.defects.append(f"could not be read as an email: {type(exc).__name__}: {exc}")
        if not mail.text:
            mail.text = decode_bytes(raw[:100_000], None)[0]
    if not mail.reply:
        mail.reply = trim_reply(mail.text) or mail.text.strip()
    return mail


def _parse_into(mail: ParsedMail, raw: bytes) -> None:
    msg = message_from_bytes(raw, policy=compat32)
    for defect in msg.defects:
        mail.defects.append(f"MIME structure: {type(defect).__name__}")
    mail.message_id = (_ids(_header(msg, "Message-ID")) or [""])[0]
    mail.in_reply_to = _ids(_header(msg, "In-Reply-To"))
    mail.references = _ids(_header(msg, "References"))
    mail.subject = _header(msg, "Subject")[:1000]
    mail.from_name, mail.from_address = _address(_header(msg, "From"))
    mail.from_headers = len(msg.get_all("From") or [])
    mail.auth_results = [
        _decode_header_value(value) for value in msg.get_all("Authentication-Results") or []
    ]
    if not mail.from_address:
        mail.defects.append("no usable From address")
    mail.reply_to = _address(_header(msg, "Reply-To"))[1]
    mail.to = _addresses(_header(msg, "To"))
    mail.cc = _addresses(_header(msg, "Cc"))
    date = _header(msg, "Date")
    if date:
        try:
            parsed_date = parsedate_to_datetime(date)
            mail.date = parsed_date if parsed_date.tzinfo else None
        except (TypeError, ValueError, IndexError):
            mail.defects.append("unreadable Date header")
    mail.automatic = _automatic(msg)
    if (
        msg.get_content_type() == "multipart/report"
        and (
            (msg.get_param("report-type") or "").lower() == "delivery-status"  # type: ignore[union-attr]
        )
        or _BOUNCE_SENDERS.match(mail.from_address)
        and _BOUNCE_SUBJECTS.search(mail.subject)
    ):
        mail.is_bounce = True
    walker = _Walker(mail)
    walker.walk(msg)
    if mail.is_bounce and not mail.bounced_ids:
        # A bounce without a report part (qmail, some Exchange): look for quoted headers.
        body = "\n".join(walker.plain)
        match = re.search(r"(?im)^\s*message-id:\s*(<[^>]+>)", body)
        if match:
            mail.bounced_ids = _ids(match.group(1))
    html_body = "\n".join(walker.html)
    if html_body:
        mail.html = nh3.clean(html_body)
    plain = "\n\n".join(t.strip("\n") for t in walker.plain if t.strip())
    mail.text = plain if plain else html_to_text(html_body)
    mail.reply = trim_reply(mail.text) or mail.text.strip()


class _TextExtractor(HTMLParser):
    _BLOCK = {
        "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
        "blockquote", "pre", "hr", "ul", "ol", "section", "article", "header", "footer",
    }  # fmt: skip
    _SKIP = {"script", "style", "head", "title", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in self._BLOCK:
            self.out.append("\n")
        elif tag == "td":
            self.out.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK and tag not in ("br", "li"):
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(_SPACE.sub(" ", data))


def html_to_text(markup: str) -> str:
    if not markup.strip():
        return ""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:
        return html.unescape(re.sub(r"<[^>]+>", " ", markup)).strip()
    lines = [line.strip() for line in "".join(parser.out).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# Where quoted history or a signature starts, in the mail programs clients use.
_CUT = re.compile(
    r"""^(?:
        -{2,}\s*(?:original\s+message|forwarded\s+message|原始邮件|原始郵件|Αρχικό\s+μήνυμα)\s*-{2,}
      | _{10,}
      | --[ ]?$
      | On\s.{1,200}\swrote:\s*$
      | On\s.{1,200}$(?=\n.{0,200}\swrote:\s*$)
      | 在\s?.{1,200}写道[:：]\s*$
      | 於\s?.{1,200}寫道[:：]\s*$
      | Στις\s.{1,200}έγραψε:?\s*$
      | (?:From|发件人|寄件者|Από|Αποστολέας)\s*[:：].*\n(?:.*\n){0,3}?
        \s*(?:Sent|Date|发送时间|日期|寄件日期|Στάλθηκε|Ημερομηνία)\s*[:：]
      | Sent\s+from\s+my\s.{1,40}$
      | 从我的\s?iPhone发送\s*$
      | 发自我的\s?.{1,20}$
      | Στάλθηκε\s+από\s+το\s.{1,40}$
    )""",
    re.MULTILINE | re.VERBOSE | re.IGNORECASE,
)
_QUOTED_TAIL = re.compile(r"(?:\n[ \t]*>.*)+\s*$")


def trim_reply(text: str) -> str:
    """The new part of a reply: up to the first quoted-history or signature marker, and
    without a trailing block of "> " lines."""
    text = text.replace("\r\n", "\n")
    found = _CUT.search(text)
    if found:
        text = text[: found.start()]
    text = _QUOTED_TAIL.sub("", "\n" + text)[1:] if text else text
    return text.strip()
