"""Reading difficult mail: legacy charsets, nested and broken MIME, quoted history, bounces,
and anything at all (a fuzz of raw bytes) without ever raising."""

from __future__ import annotations

import base64
from email import policy
from email.message import EmailMessage

from hypothesis import given, settings
from hypothesis import strategies as st

from steward.mail.parsing import decode_bytes, html_to_text, parse, trim_reply


def _mail(body: str = "Hello", charset: str = "utf-8", **headers: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = headers.pop("From", "Andy <andy@acme.test>")
    mail["To"] = "help@provider.test"
    mail["Subject"] = headers.pop("Subject", "Test")
    mail["Message-ID"] = headers.pop("Message_ID", "<m1@acme.test>")
    for name, value in headers.items():
        mail[name.replace("_", "-")] = value
    mail.set_content(body, charset=charset)
    return mail


def _raw_legacy(subject: str, body: str, charset: str, name: str = "王伟") -> bytes:
    """A message as old mail programs write it: body and encoded-word subject in `charset`."""
    encoded_subject = base64.b64encode(subject.encode(charset)).decode()
    return (
        f"From: =?{charset}?B?{base64.b64encode(name.encode(charset)).decode()}?= "
        "<wang@glbx.test>\r\n"
        "To: help@provider.test\r\n"
        f"Subject: =?{charset}?B?{encoded_subject}?=\r\n"
        "Message-ID: <legacy@glbx.test>\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: text/plain; charset="{charset}"\r\n'
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode() + body.encode(charset)


def test_it_reads_chinese_in_gb2312_gbk_and_gb18030() -> None:
    # 镕 is outside GB2312 but inside GBK: real "gb2312" mail carries such characters.
    for label in ("gb2312", "gbk", "gb18030"):
        raw = _raw_legacy("打印机坏了", "朱镕基路的打印机不能打印。", "gb18030").replace(
            b"gb18030", label.encode()
        )
        mail = parse(raw)
        assert mail.subject == "打印机坏了", label
        assert mail.text == "朱镕基路的打印机不能打印。", label
        assert mail.from_name == "王伟" and mail.from_address == "wang@glbx.test"
        assert mail.defects == [], label


def test_it_reads_traditional_chinese_in_big5() -> None:
    mail = parse(_raw_legacy("印表機無法列印", "二樓的印表機顯示錯誤。", "big5", name="王偉"))
    assert mail.subject == "印表機無法列印"
    assert mail.text == "二樓的印表機顯示錯誤。"


def test_it_reads_greek_in_iso_8859_7_and_windows_1253() -> None:
    for charset in ("iso-8859-7", "cp1253"):
        raw = _mail("Ο εκτυπωτής δείχνει σφάλμα 13.", charset=charset).as_bytes()
        raw = raw.replace(
            b"Subject: Test",
            b"Subject: =?"
            + charset.encode()
            + b"?Q?"
            + ("Βλάβη".encode(charset).hex("=").upper().encode().join([b"=", b""]))
            + b"?=",
        )
        mail = parse(raw)
        assert mail.text.strip() == "Ο εκτυπωτής δείχνει σφάλμα 13.", charset
        assert mail.subject == "Βλάβη", charset


def test_it_reads_windows_1252_labelled_as_latin_1() -> None:
    raw = (
        b"From: a@b.test\r\nSubject: caf\xe9\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
        b"\r\nThe \x93smart quotes\x94 cost \x8020.\r\n"
    )
    mail = parse(raw)
    assert mail.text.strip() == "The \u201csmart quotes\u201d cost \u20ac20."
    assert mail.subject == "café"


def test_it_guesses_undeclared_chinese() -> None:
    raw = b"From: a@b.test\r\nSubject: x\r\n\r\n" + "服务器宕机了".encode("gbk")
    mail = parse(raw)
    assert mail.text == "服务器宕机了"
    assert any("gb18030" in d for d in mail.defects)


def test_it_decodes_bytes_it_cannot_read_with_a_note() -> None:
    text, defect = decode_bytes(b"ok \xff\xfe\xfd end", "no-such-charset")
    assert text.startswith("ok ") and text.endswith(" end")
    assert "could not be read" in defect


def test_it_walks_nested_multiparts_with_inline_images_and_attachments() -> None:
    mail = _mail("Plain version: see the screenshot.")
    mail.add_alternative(
        '<html><body><p>HTML version</p><img src="cid:shot@acme"></body></html>', subtype="html"
    )
    _plain, html_part = mail.iter_parts()
    html_part.add_related(b"\x89PNG\r\n\x1a\nimage", "image", "png", cid="<shot@acme>")
    mail.add_attachment(
        b"%PDF-1.4 report", maintype="application", subtype="pdf", filename="月度报告.pdf"
    )
    parsed = parse(mail.as_bytes())
    assert parsed.text.strip() == "Plain version: see the screenshot."
    assert "HTML version" in parsed.html
    by_name = {a.name: a for a in parsed.attachments}
    assert by_name["月度报告.pdf"].data == b"%PDF-1.4 report"
    assert by_name["月度报告.pdf"].content_type == "application/pdf"
    inline = [a for a in parsed.attachments if a.inline]
    assert len(inline) == 1 and inline[0].content_id == "shot@acme"
    assert inline[0].data == b"\x89PNG\r\n\x1a\nimage"


def test_it_keeps_a_20_mb_attachment_whole() -> None:
    mail = _mail("The disk image is attached.")
    big = bytes(range(256)) * (20 * 1024 * 4)
    mail.add_attachment(big, maintype="application", subtype="octet-stream", filename="disk.img")
    parsed = parse(mail.as_bytes())
    assert [a.name for a in parsed.attachments] == ["disk.img"]
    assert parsed.attachments[0].data == big


def test_it_turns_html_only_mail_into_clean_text() -> None:
    mail = EmailMessage()
    mail["From"] = "a@b.test"
    mail["Subject"] = "HTML only"
    mail.set_content(
        "<html><head><style>p{color:red}</style></head><body onload='steal()'>"
        "<p>Line one</p><p>Line&nbsp;two &amp; more</p><script>alert(1)</script>"
        "<ul><li>first</li><li>second</li></ul></body></html>",
        subtype="html",
    )
    parsed = parse(mail.as_bytes())
    assert parsed.text == "Line one\n\nLine two & more\n\n- first\n- second"
    assert "<script" not in parsed.html and "onload" not in parsed.html
    assert "<p>Line one</p>" in parsed.html


def test_it_survives_broken_mime() -> None:
    missing_end = (
        b"From: a@b.test\r\nSubject: cut\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        b"--XX\r\nContent-Type: text/plain\r\n\r\nThe text survives.\r\n"
        b"--XX\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Disposition: attachment; filename=a.pdf\r\n\r\nJVBERi0x!!!not base64"
    )
    parsed = parse(missing_end)
    assert parsed.text.strip() == "The text survives."
    assert parsed.defects
    no_boundary = b"From: a@b.test\r\nContent-Type: multipart/mixed\r\n\r\nJust text.\r\n"
    assert "Just text." in parse(no_boundary).text or parse(no_boundary).defects


def test_it_notes_a_missing_sender() -> None:
    raw = b"To: help@provider.test\r\nSubject: who?\r\n\r\nNo From header here.\r\n"
    parsed = parse(raw)
    assert parsed.from_address == ""
    assert parsed.subject == "who?" and parsed.text.strip() == "No From header here."
    assert "no usable From address" in parsed.defects


def test_it_trims_a_gmail_reply() -> None:
    body = (
        "Yes, that fixed it, thanks!\n\n"
        "On Mon, 23 Nov 2026 at 10:04, Help Desk <help@provider.test>\nwrote:\n\n"
        "> Please restart the router.\n> Regards\n"
    )
    parsed = parse(_mail(body).as_bytes())
    assert parsed.reply == "Yes, that fixed it, thanks!"
    assert "Please restart the router." in parsed.text


def test_it_trims_an_outlook_reply() -> None:
    body = (
        "It happened again at 9:15.\r\n\r\nMaria\r\n\r\n"
        "________________________________\r\n"
        "From: Help Desk <help@provider.test>\r\nSent: Monday, November 23, 2026 10:04\r\n"
        "To: Maria <maria@acme.test>\r\nSubject: [ACME-12] VPN\r\n\r\nDoes it still drop?\r\n"
    )
    parsed = parse(_mail(body).as_bytes())
    assert parsed.reply == "It happened again at 9:15.\n\nMaria"
    assert "Does it still drop?" in parsed.text


def test_it_trims_chinese_and_greek_replies() -> None:
    assert trim_reply("好的，谢谢。\n\n在 2026年11月23日 10:04，Help Desk 写道：\n> 请重启") == (
        "好的，谢谢。"
    )
    assert trim_reply("已经好了\n\n-----原始邮件-----\n发件人: Help Desk\n发送时间: 周一") == (
        "已经好了"
    )
    assert trim_reply("Ευχαριστώ!\n\nΣτις Δευ 23 Νοε 2026, ο Help Desk έγραψε:\n> Δοκιμάστε") == (
        "Ευχαριστώ!"
    )
    assert trim_reply("Έγινε.\n\nΑπό: Help Desk\nΣτάλθηκε: Δευτέρα\nΘέμα: x") == "Έγινε."


def test_it_drops_signatures_and_phone_footers() -> None:
    assert trim_reply("Done.\n\n-- \nAndy\nAcme Ltd") == "Done."
    assert trim_reply("Done.\n\nSent from my iPhone") == "Done."
    assert trim_reply("好的\n\n从我的iPhone发送") == "好的"
    assert trim_reply("Εντάξει\n\nΣτάλθηκε από το iPhone μου") == "Εντάξει"


def test_it_keeps_the_whole_text_when_trimming_leaves_nothing() -> None:
    parsed = parse(_mail("> only a quote\n> nothing new").as_bytes())
    assert parsed.reply == "> only a quote\n> nothing new"


def test_it_tells_automatic_mail_from_people() -> None:
    assert parse(_mail(Auto_Submitted="auto-replied").as_bytes()).automatic == (
        "Auto-Submitted: auto-replied"
    )
    assert parse(_mail(Precedence="bulk").as_bytes()).automatic == "Precedence: bulk"
    assert parse(_mail(X_Autoreply="yes").as_bytes()).automatic == "X-Autoreply"
    assert parse(_mail(List_Id="<news.acme.test>").as_bytes()).automatic == "List-Id"
    assert parse(_mail(Auto_Submitted="no").as_bytes()).automatic == ""
    assert parse(_mail(X_Auto_Response_Suppress="All").as_bytes()).automatic == ""


def test_it_reads_thread_headers() -> None:
    raw = (
        b"From: a@b.test\r\nMessage-ID: <new@b.test>\r\nIn-Reply-To: <ack.1@provider.test>\r\n"
        b"References: <c1@b.test>\r\n <ack.1@provider.test>\r\n\t<r2@provider.test>\r\n\r\nhi"
    )
    parsed = parse(raw)
    assert parsed.message_id == "new@b.test"
    assert parsed.in_reply_to == ["ack.1@provider.test"]
    assert parsed.references == ["c1@b.test", "ack.1@provider.test", "r2@provider.test"]


def test_it_finds_the_original_in_a_bounce() -> None:
    original = _mail("Your ticket was received", Message_ID="<ack.9@provider.test>")
    report = EmailMessage()
    report["From"] = "MAILER-DAEMON@mx.acme.test"
    report["Subject"] = "Undelivered Mail Returned to Sender"
    report.set_content("Delivery failed.")
    report.add_attachment(original)
    raw = report.as_bytes(policy=policy.SMTP).replace(
        b"multipart/mixed", b"multipart/report; report-type=delivery-status", 1
    )
    parsed = parse(raw)
    assert parsed.is_bounce
    assert parsed.bounced_ids == ["ack.9@provider.test"]
    assert parsed.attachments == []


def test_it_recognises_a_bounce_without_a_report_part() -> None:
    raw = (
        b"From: postmaster@acme.test\r\nSubject: Delivery Status Notification (Failure)\r\n\r\n"
        b"Could not deliver.\r\n\r\n  Message-ID: <ack.7@provider.test>\r\n"
    )
    parsed = parse(raw)
    assert parsed.is_bounce and parsed.bounced_ids == ["ack.7@provider.test"]


def test_it_attaches_forwarded_mail() -> None:
    outer = _mail("See below.")
    outer.add_attachment(_mail("The original complaint", Subject="Printer: again!"))
    parsed = parse(outer.as_bytes())
    assert [a.name for a in parsed.attachments] == ["Printer_ again!.eml"]
    assert b"The original complaint" in parsed.attachments[0].data


def test_it_extracts_text_from_html() -> None:
    assert html_to_text("<div>a<br>b</div><table><tr><td>c</td><td>d</td></tr></table>") == (
        "a\nb\n\nc d"
    )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4000))
def test_it_never_raises_on_any_bytes(raw: bytes) -> None:
    parsed = parse(raw)
    assert isinstance(parsed.text, str) and isinstance(parsed.defects, list)


VALID = _mail("Body text", Subject="=?utf-8?q?caf=C3=A9?=").as_bytes()


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(VALID)), st.integers(0, len(VALID)), st.binary(max_size=64))
def test_it_never_raises_on_a_damaged_message(start: int, end: int, junk: bytes) -> None:
    damaged = VALID[:start] + junk + VALID[max(start, end) :]
    parsed = parse(damaged)
    assert isinstance(parsed.subject, str) and isinstance(parsed.reply, str)
