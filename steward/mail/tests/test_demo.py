"""The demo's mail: a morning's email through the real intake, in every outcome."""

from __future__ import annotations

import pytest

from steward.desk.demo import seed
from steward.desk.models import Source, Ticket
from steward.mail import demo
from steward.mail.models import Inbound, InboundState, Mailbox, Outbound, OutboundState

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_it_seeds_mail_in_every_outcome() -> None:
    seed(tickets=30)
    demo.seed()
    states = set(Inbound.objects.values_list("state", flat=True))
    assert {InboundState.NEW_TICKET, InboundState.IGNORED, InboundState.QUARANTINED} <= states
    greek, chinese, starter = (
        Inbound.objects.get(msgid=f"demo-{n}@mail.example").ticket for n in (1, 2, 3)
    )
    assert isinstance(greek, Ticket) and isinstance(chinese, Ticket)
    assert greek.title == "Δεν λειτουργεί ο εκτυπωτής λογιστηρίου"
    assert greek.source == Source.EMAIL and greek.organization.code == "ACRO"
    assert chinese.title == "VPN 连接不上" and chinese.organization.code == "PDT"
    assert "从我的iPhone发送" in chinese.description  # The whole text; the reply view trims.
    assert starter is not None and starter.requester_email == "harry@thames.example"
    assert Outbound.objects.filter(state=OutboundState.PENDING).exists()
    forged = Inbound.objects.get(msgid="demo-6@mail.example")
    assert forged.state == InboundState.QUARANTINED and "dmarc=fail" in forged.reason
    demo.seed()
    assert Mailbox.objects.count() == 2
