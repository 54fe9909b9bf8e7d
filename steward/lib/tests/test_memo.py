"""A look-up runs once per key inside a scope, every time outside it."""

from __future__ import annotations

from steward.lib.memo import Memo


def test_it_remembers_only_inside_its_scope() -> None:
    memo = Memo("test_memo")
    calls: list[str] = []

    def look_up(key: str) -> str:
        calls.append(key)
        return key.upper()

    assert memo.get("a", lambda: look_up("a")) == "A"
    assert memo.get("a", lambda: look_up("a")) == "A"
    assert calls == ["a", "a"]
    calls.clear()
    with memo.scope():
        assert memo.get("a", lambda: look_up("a")) == "A"
        with memo.scope():  # an inner scope shares the outer one's
            assert memo.get("a", lambda: look_up("a")) == "A"
            assert memo.get("b", lambda: look_up("b")) == "B"
        assert memo.get("b", lambda: look_up("b")) == "B"
    assert calls == ["a", "b"]
    memo.get("a", lambda: look_up("a"))
    assert calls == ["a", "b", "a"]
