"""A document's Markdown as HTML that is safe to put in a page: CommonMark without raw HTML,
then nh3 (ammonia) keeps only the tags and attributes Markdown makes, and only http(s) and
mailto links, each opened with rel="noopener noreferrer"."""

from __future__ import annotations

from functools import cache

import nh3
from markdown_it import MarkdownIt

TAGS = frozenset(
    {
        "a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "img", "li", "ol", "p", "pre", "strong", "ul", "table", "thead", "tbody", "tr",
        "th", "td", "del",
    }
)  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
SCHEMES = frozenset({"http", "https", "mailto"})


@cache
def _parser() -> MarkdownIt:
    # "commonmark" with html off: a <script> in the text is shown as text, never as a tag.
    return MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")


def render(text: str) -> str:
    """The document's text as sanitised HTML."""
    html = _parser().render(text)
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(SCHEMES),
        link_rel="noopener noreferrer",
    )
