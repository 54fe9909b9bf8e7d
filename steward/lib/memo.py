"""Look-ups remembered for one block of work, then forgotten: many tickets opened at once ask
each organization's agreement once, not once a ticket."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any


class Memo:
    """Outside `scope()` every look-up runs; inside it, each key's look-up runs once."""

    def __init__(self, name: str) -> None:
        self._var: ContextVar[dict[Hashable, Any] | None] = ContextVar(name, default=None)

    @contextmanager
    def scope(self) -> Iterator[None]:
        """Remember inside this block; an inner scope shares the outer one's."""
        if self._var.get() is not None:
            yield
            return
        token = self._var.set({})
        try:
            yield
        finally:
            self._var.reset(token)

    def get[T](self, key: Hashable, look_up: Callable[[], T]) -> T:
        memo = self._var.get()
        if memo is None:
            return look_up()
        if key not in memo:
            memo[key] = look_up()
        return memo[key]  # type: ignore[no-any-return]

    def put(self, key: Hashable, value: object) -> None:
        """Remember `value` for `key` inside a scope: what one look-up found for a whole
        batch. Outside a scope, nothing is remembered."""
        memo = self._var.get()
        if memo is not None:
            memo[key] = value
