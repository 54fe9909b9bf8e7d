"""How the apps above the desk learn what happened to a ticket, without the desk calling them.

The desk only records events. An app that reacts (mail, billing) subscribes here to the
kinds it cares about, in its `AppConfig.ready()`, and is handed each new event of those
kinds in the transaction that recorded it: a change and what it causes (an outbox row)
commit together or not at all. An event recorded while nobody was listening
waits in the backlog (`Unpublished`) until the worker's `publish_backlog` hands it over.
Either way each event is handed over once: see `record` and `publish_backlog`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from steward.accounts.models import User
from steward.desk.models import Ticket, TicketEvent, Unpublished

log = logging.getLogger(__name__)

Subscriber = Callable[[TicketEvent], None]
# Subscribes to every kind.
ANY = "*"

_subscribers: dict[str, list[Subscriber]] = {}
# The events recorded inside a `holding()` block, handed over at its end.
_held: ContextVar[list[TicketEvent] | None] = ContextVar("steward_desk_held", default=None)
# Inside a `deferred()` block: events wait in the backlog instead.
_deferring: ContextVar[bool] = ContextVar("steward_desk_deferring", default=False)


def subscribe(kind: str, fn: Subscriber) -> None:
    """Hand `fn` each new event of `kind` (or of every kind: ANY), inside its transaction.
    What `fn` raises undoes the change that recorded the event."""
    fns = _subscribers.setdefault(kind, [])
    if fn not in fns:  # ready() can run more than once (a test that reloads the apps)
        fns.append(fn)


def listening() -> bool:
    return any(_subscribers.values())


@contextmanager
def detached() -> Iterator[None]:
    """Nobody listens inside the block (tests): what is recorded waits in the backlog."""
    global _subscribers
    saved, _subscribers = _subscribers, {}
    try:
        yield
    finally:
        _subscribers = saved


def record(
    ticket: Ticket,
    kind: str,
    actor: User | None = None,
    at: datetime | None = None,
    *,
    once_key: str | None = None,
    **data: object,
) -> TicketEvent:
    """Append an event to the ticket's history and hand it to the subscribers: at the end of
    the enclosing `holding()` block, else at once."""
    # No savepoint: inside the caller's transaction this adds nothing, outside it makes one,
    # so that an event is never committed without what its subscribers write.
    with transaction.atomic(savepoint=False):
        event = TicketEvent.objects.create(
            ticket=ticket,
            kind=kind,
            actor=actor,
            at=at or timezone.now(),
            once_key=once_key,
            data=data,
        )
        held = _held.get()
        if not listening() or _deferring.get():
            # Nobody to hand it to (or not yet): the worker will, from a backlog row that
            # commits with the event, so an event is never committed without a way to be
            # handed over.
            Unpublished.objects.create(event=event)
        elif held is not None:
            held.append(event)
        else:
            _hand_over(event)
    return event


@contextmanager
def holding() -> Iterator[None]:
    """Hand the events recorded inside over when the block ends without an error, in the
    order recorded: a mail about a change is written once the change is whole (its due
    times computed, its files attached). Use inside the change's transaction; an inner
    block leaves the handing over to the outermost."""
    if _held.get() is not None:
        yield
        return
    held: list[TicketEvent] = []
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
    for event in held:
        _hand_over(event)


@contextmanager
def deferred() -> Iterator[None]:
    """The events recorded inside wait in the backlog, as if nobody listened, for the caller
    to hand over with `publish_backlog` once its change has committed: a burst of changes
    (a power cut's thousand outages) is visible without waiting for the mail each causes.
    Each event is still handed over once, and never lost: its backlog row commits with it."""
    token = _deferring.set(True)
    try:
        yield
    finally:
        _deferring.reset(token)


def publish_all() -> int:
    """`publish_backlog` until it hands nothing more over (an event that fails each time
    stays for the next run); returns how many were handed over."""
    handed = 0
    while step := publish_backlog():
        handed += step
    return handed


def _hand_over(event: TicketEvent) -> None:
    for fn in [*_subscribers.get(event.kind, ()), *_subscribers.get(ANY, ())]:
        fn(event)


def publish_backlog(limit: int = 200) -> int:
    """Hand over the events recorded while nobody listened, each once, however many workers
    run this at the same time; returns how many this call handed over."""
    if not listening():
        return 0  # Still nobody to hand them to: they keep waiting.
    pks = list(Unpublished.objects.order_by("event_id").values_list("event_id", flat=True)[:limit])
    handed = 0
    for pk in pks:
        try:
            handed += publish(pk)
        except Exception:
            # The row stays (its transaction rolled back): the next run tries again, and one
            # event that cannot be handed over does not hold up the others.
            log.exception("could not hand over ticket event %s", pk)
    return handed


def publish(pk: int) -> bool:
    """Hand over one waiting event, unless another worker has (or it never waited)."""
    with transaction.atomic():
        # The claim: of workers racing for one row, exactly one DELETE counts 1 (PostgreSQL:
        # the others wait for its row lock, then find the row gone and count 0; SQLite:
        # writers queue). The event is handed over in the claim's transaction, so a worker
        # that dies half way leaves the row for the next run, not a lost or a double mail.
        claimed, _ = Unpublished.objects.filter(event_id=pk).delete()
        if claimed != 1:
            return False
        event = TicketEvent.objects.select_related("ticket", "actor").get(pk=pk)
        _hand_over(event)
    return True
