"""Recurring problems: paraphrases in English, Greek and Chinese grouped, unrelated tickets
left out, languages joined only through a shared asset or check, the period respected."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from steward.accounts.models import Organization
from steward.desk.models import Ticket
from steward.monitoring.models import Alert, Check
from steward.reports import recurring
from steward.reports.period import Period
from steward.reports.tests.paraphrases import FAULTS, UNRELATED
from steward.test import make_org, make_ticket
from steward.vault.models import Asset, TicketAsset

pytestmark = pytest.mark.django_db

START = datetime(2026, 10, 1, 9, tzinfo=UTC)
PERIOD = Period(date(2026, 9, 1), date(2026, 11, 30))


def _open(org: Organization, title: str, description: str = "", days: int = 0) -> Ticket:
    return make_ticket(org, title=title, description=description, at=START + timedelta(days=days))


def _corpus(org: Organization) -> dict[str, list[int]]:
    """Every paraphrase and unrelated ticket, opened a day apart; ids by fault:language."""
    made: dict[str, list[int]] = {}
    n = 0
    for fault, languages in FAULTS.items():
        for language, items in languages.items():
            for title, description in items:
                n += 1
                made.setdefault(f"{fault}:{language}", []).append(
                    _open(org, title, description, n % 60).pk
                )
    for items in UNRELATED.values():
        for title, description in items:
            n += 1
            made.setdefault("unrelated", []).append(_open(org, title, description, n % 60).pk)
    return made


def test_it_groups_paraphrases_of_each_fault_in_each_language() -> None:
    org = make_org("ACME")
    made = _corpus(org)
    found = {frozenset(c.tickets) for c in recurring.clusters(org, PERIOD)}
    for key, ids in made.items():
        if key != "unrelated":
            assert frozenset(ids) in found, key
    # No unrelated ticket joined a fault's group.
    faults = {pk for key, ids in made.items() if key != "unrelated" for pk in ids}
    for group in found:
        assert not (group & faults) or not (group & set(made["unrelated"])), group


def test_it_labels_a_group_with_a_title_of_its_own_and_its_first_day() -> None:
    org = make_org("ACME")
    ids = [
        _open(org, title, description, days).pk
        for days, (title, description) in enumerate(FAULTS["vpn"]["en"], start=3)
    ]
    _open(org, "Website shows a 502 error", "Our public website is down.", 1)
    (group,) = recurring.clusters(org, PERIOD)
    assert group.tickets == ids
    assert group.label in {title for title, _d in FAULTS["vpn"]["en"]}
    assert group.since == START + timedelta(days=3)


def test_it_joins_languages_only_through_a_shared_asset() -> None:
    org = make_org("ACME")
    ids = {
        language: [_open(org, t, d, n).pk for n, (t, d) in enumerate(items)]
        for language, items in FAULTS["printer"].items()
    }
    groups = recurring.clusters(org, PERIOD)
    assert sorted(len(g.tickets) for g in groups) == [4, 4, 4]
    printer = Asset.objects.create(organization=org, name="PRN-2F", kind="printer")
    TicketAsset.objects.bulk_create(
        TicketAsset(ticket_id=pk, asset=printer) for pks in ids.values() for pk in pks
    )
    (group,) = recurring.clusters(org, PERIOD)
    assert sorted(group.tickets) == sorted(pk for pks in ids.values() for pk in pks)


def test_it_groups_tickets_one_check_opened_whatever_they_say() -> None:
    org = make_org("ACME")
    check = Check.objects.create(organization=org, name="Web site", kind="heartbeat")
    titles = ["Website down", "Ο ιστότοπος δεν απαντά", "网站无法访问"]
    tickets = [_open(org, title, "", n) for n, title in enumerate(titles)]
    assert recurring.clusters(org, PERIOD) == []
    Alert.objects.bulk_create(Alert(owner=check, ticket=t) for t in tickets)
    (group,) = recurring.clusters(org, PERIOD)
    assert group.tickets == [t.pk for t in tickets]


def test_it_does_not_report_two_tickets() -> None:
    org = make_org("ACME")
    _open(org, "VPN keeps dropping", "", 1)
    _open(org, "VPN keeps dropping!!", "", 2)
    assert recurring.clusters(org, PERIOD) == []
    _open(org, "vpn keeps dropping (3rd time)", "", 3)
    assert len(recurring.clusters(org, PERIOD)[0].tickets) == 3


def test_it_counts_only_the_period_and_the_organization() -> None:
    org, other = make_org("ACME"), make_org("GLBX")
    for n in range(3):
        _open(org, "Mailbox full, cannot send email", "", n * 20)  # days 0, 20, 40
        _open(other, "Mailbox full, cannot send email", "", n)
    assert len(recurring.clusters(org, PERIOD)[0].tickets) == 3
    # From 15 October: only two of the three.
    assert recurring.clusters(org, Period(date(2026, 10, 15), date(2026, 11, 30))) == []


def test_it_normalises_case_numbers_references_accents_and_replies() -> None:
    assert recurring.normalise("Re: ΕΚΤΥΠΩΤΗΣ 2ος όροφος #123, ACME-45!!") == "εκτυπωτης ος οροφος"
    assert recurring.normalise("ＶＰＮ　断开了。") == "vpn 断开了"
    assert recurring.normalise("???") == ""


def test_it_survives_tickets_with_nothing_to_read() -> None:
    org = make_org("ACME")
    for n in range(3):
        _open(org, "???", "", n)
    (group,) = recurring.clusters(org, PERIOD)
    assert len(group.tickets) == 3
