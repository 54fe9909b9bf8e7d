"""The one written form of a moment, wherever the API or an event's data carries one."""

from __future__ import annotations

from datetime import UTC, datetime


def iso(value: datetime) -> str:
    """ISO 8601 in UTC with its offset and every microsecond: `2026-03-02T07:30:00.000000+00:00`."""
    return value.astimezone(UTC).isoformat(timespec="microseconds")
