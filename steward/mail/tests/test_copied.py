"""A colleague copied on the mail that opens a ticket follows it in the portal."""

from __future__ import annotations

import pytest
from django.urls import reverse

from steward.mail import inbound
from steward.mail.tests.factory import make_mail
from steward.test import ScanningClient, World, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def test_the_organizations_contacts_copied_on_the_mail_read_the_ticket(w: World) -> None:
    raw = make_mail(
        sender=w.acme_admin.email,
        headers={"Cc": f"Andy <{w.acme_user.email.upper()}>, {w.globex_user.email}, x@else.test"},
    )
    ticket = inbound.receive(raw).inbound.ticket
    assert ticket is not None
    assert list(ticket.cc.all()) == [w.acme_user]  # not another organization's, nor strangers
    page = ScanningClient(w.acme_user).get(reverse("portal:ticket", args=[ticket.number]))
    assert page.status_code == 200


def test_a_colleague_not_copied_does_not_read_it(w: World) -> None:
    ticket = inbound.receive(make_mail(sender=w.acme_admin.email)).inbound.ticket
    assert ticket is not None
    page = ScanningClient(w.acme_user).get(reverse("portal:ticket", args=[ticket.number]))
    assert page.status_code == 404
