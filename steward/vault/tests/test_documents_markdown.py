"""Documents render Markdown safely: nothing a writer types runs in a reader's browser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from steward.vault.markdown import render


def test_it_renders_markdown() -> None:
    html = render("# Network\n\n- **VLAN 10**: office\n\n| Port | Use |\n|---|---|\n| 1 | WAN |\n")
    assert "<h1>Network</h1>" in html
    assert "<strong>VLAN 10</strong>" in html
    assert "<td>WAN</td>" in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Hello <img src=x onerror=alert(1)>",
        '<a href="#" onclick="alert(1)">x</a>',
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "![x](javascript:alert(1))",
        '![x](x.png "t" onerror="alert(1)")',
        "<iframe src=https://evil.example></iframe>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ],
)
def test_it_leaves_no_script_attribute_or_dangerous_link(text: str) -> None:
    tags = _tags(render(text))
    assert {name for name, _attrs in tags} <= {"p", "a", "img"}
    for _name, attrs in tags:
        for attr, value in attrs:
            assert not attr.startswith("on"), attrs
            assert not (value or "").strip().lower().startswith(("javascript:", "data:")), attrs


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The elements a browser would build from the HTML, with their attributes."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Parser().feed(html)
    return found


def test_it_shows_raw_html_as_text() -> None:
    assert render("<script>alert(1)</script>").strip() == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )


def test_it_opens_links_without_giving_the_opener_away() -> None:
    html = render("[registrar](https://www.papaki.gr/)")
    assert html.strip() == (
        '<p><a href="https://www.papaki.gr/" rel="noopener noreferrer">registrar</a></p>'
    )
