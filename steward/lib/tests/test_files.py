"""File names: shortened to what file systems and columns hold, handed back as downloads."""

from __future__ import annotations

from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from steward.lib.files import content_disposition, disk_name, shorten_name


def test_it_keeps_the_extension_and_whole_characters() -> None:
    short = shorten_name("报告" * 200 + ".xlsx", 255)
    assert short.endswith(".xlsx") and short.startswith("报告")
    assert len(short.encode()) <= 255
    assert shorten_name("a" * 300, 255) == "a" * 255
    assert shorten_name("report.pdf", 255) == "report.pdf"
    assert len(shorten_name("é" * 250 + ".pdf", 255, 200)) <= 200


def test_it_cuts_a_name_with_no_extension_at_the_end() -> None:
    # No extension to keep: no dot, a leading dot only, or a "suffix" too long to be one.
    assert shorten_name("报告" * 100, 30) == "报告" * 5
    assert shorten_name("." + "b" * 40, 10) == "." + "b" * 9
    long_tail = "notes." + "x" * 40
    assert shorten_name(long_tail, 20) == long_tail[:20]


@given(st.text(min_size=1, max_size=400), st.integers(min_value=20, max_value=300))
def test_a_shortened_name_always_fits(name: str, limit: int) -> None:
    short = shorten_name(name, limit)
    assert len(short.encode()) <= limit
    assert disk_name(name) and len(disk_name(name).encode()) <= 100
    assert disk_name(name) not in (".", "..") and "/" not in disk_name(name)


@given(st.text(min_size=1, max_size=200))
def test_the_download_header_carries_the_exact_name(name: str) -> None:
    header = content_disposition(name)
    fallback, _sep, encoded = header.partition("; filename*=UTF-8''")
    assert fallback.startswith('attachment; filename="') and fallback.count('"') == 2
    assert fallback.isascii() and "\n" not in header and "\r" not in header
    assert unquote(encoded) == name
