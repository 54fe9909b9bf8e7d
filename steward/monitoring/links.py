"""What monitoring adds to the desk's tickets: the check that opened each."""

from __future__ import annotations

from collections.abc import Sequence

from steward.desk.models import Source, Ticket
from steward.monitoring.models import Alert


def tickets_checks(tickets: Sequence[Ticket]) -> None:
    """Set `opened_by_check` on a page of tickets: one query, none when no ticket of the page
    came from monitoring."""
    ids = [t.pk for t in tickets if t.source == Source.MONITORING]
    if not ids:
        return
    owners = dict(Alert.objects.filter(ticket_id__in=ids).values_list("ticket_id", "owner_id"))
    for ticket in tickets:
        ticket.opened_by_check = owners.get(ticket.pk)
