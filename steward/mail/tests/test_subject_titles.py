"""A subject that decodes to several lines still makes a one-line ticket title."""

from __future__ import annotations

import base64

import pytest

from steward.desk.models import Ticket
from steward.mail import inbound
from steward.mail.tests.factory import make_mail
from steward.test import world

pytestmark = pytest.mark.django_db


def test_it_folds_line_breaks_out_of_the_title() -> None:
    w = world()
    # An encoded word can carry what a header line cannot: CR LF and a forged header.
    word = base64.b64encode(b"Printer\r\nBcc: everyone@example.com").decode()
    raw = make_mail(sender=w.acme_user.email, headers={"X-Test": "1"}).replace(
        b"Subject: The printer on floor 2 is jammed", f"Subject: =?utf-8?b?{word}?=".encode()
    )
    inbound.receive(raw)
    ticket = Ticket.objects.get()
    assert "\r" not in ticket.title and "\n" not in ticket.title
    assert ticket.title == "Printer Bcc: everyone@example.com"
