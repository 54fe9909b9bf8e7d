"""Monitoring's threads inside `steward worker`: the sweep (heartbeats that went quiet,
tickets held by a maintenance window) every second, and the active probes. Both are safe on
any number of workers: every change of status is claimed (actions._transition)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.db import close_old_connections

from steward.desk import events
from steward.monitoring import actions, demo_target, runner
from steward.monitoring.probes import Network

log = logging.getLogger(__name__)


def _every(stop: threading.Event, interval: float, work: Callable[[], object], name: str) -> None:
    log.info("monitoring %s started", name)
    while not stop.is_set():
        close_old_connections()
        try:
            work()
        except Exception:  # One bad round must not stop the watching; the next one retries.
            log.exception("monitoring %s failed", name)
        stop.wait(interval)


def sweep_round() -> int:
    """One sweep: its tickets commit first, then the mail they cause is written. When a
    thousand checks go quiet at once, the thousandth ticket does not wait for the mail of
    the 999 before it."""
    with events.deferred():
        done = actions.sweep()
    if done:
        events.publish_all()
    return done


def run_sweep(stop: threading.Event, interval: float = 1.0) -> None:
    """A heartbeat is marked down (and its ticket opened) within `interval` of its grace's end."""
    _every(stop, interval, sweep_round, "sweep")


def run_probes(stop: threading.Event, interval: float = 1.0) -> None:
    """Every active check due is probed (together, with asyncio) and its result recorded.
    In the demo, the probes trust the demo site's own authority once it has made one."""
    net: Network | None = None

    def probe_round() -> int:
        nonlocal net
        net = net or demo_target.network()
        return runner.run_due(net=net)

    _every(stop, interval, probe_round, "probes")


def start(stop: threading.Event) -> list[threading.Thread]:
    # Apart: a slow round of probes (a timeout of many seconds) must not delay the sweep.
    threads = [
        threading.Thread(target=run_sweep, args=(stop,), name="monitoring-sweep", daemon=True),
        threading.Thread(target=run_probes, args=(stop,), name="monitoring-probes", daemon=True),
    ]
    for thread in threads:
        thread.start()
    return threads
