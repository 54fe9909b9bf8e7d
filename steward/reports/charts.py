"""Charts for the review pack, drawn on the server as SVG markup that WeasyPrint and browsers
show inline: bars by category (tickets by priority and type), this period beside the previous
one against the targets, and one bar split in parts (maintenance on time, late, skipped).

Each chart is its own matplotlib Figure, never pyplot: pyplot keeps figures in global state,
which two requests drawing at once would share. Text stays text (svg.fonttype "none"), so the
PDF's words can be searched and copied, and the font is chosen per language: DejaVu Sans has
Latin and Greek, Chinese needs Noto Sans CJK (installed by scripts/system-deps, as the invoice
PDFs need it too)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from steward.lib.formats import format_number

if TYPE_CHECKING:
    from matplotlib.figure import Figure

INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
NAVY = "#0f2a4a"
BLUE = "#2563eb"
SKY = "#93c5fd"
GREY = "#cbd5e1"
GREEN = "#15803d"
AMBER = "#d97706"
RED = "#b91c1c"


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]
    colour: str


def fonts(language: str) -> list[str]:
    """The font families for a language, first choice first."""
    if language.lower().startswith("zh"):
        return ["Noto Sans CJK SC", "DejaVu Sans"]
    return ["DejaVu Sans", "Noto Sans CJK SC"]


@cache
def _matplotlib() -> None:
    """matplotlib is imported on the first chart, not with the module: it takes half a second,
    and every process loads this module with the URLs, most of them never to draw."""
    import matplotlib

    # Read by the SVG backend when it writes text; no other part of Steward draws with
    # matplotlib, so this process-wide setting changes nothing else. "none" writes <text>, not
    # glyph paths.
    matplotlib.rcParams["svg.fonttype"] = "none"
    # Ids of clip paths are hashed from this salt rather than a random one: the same data
    # gives the same SVG, and two charts on one page still differ by their content.
    matplotlib.rcParams["svg.hashsalt"] = "steward"


def _figure(width: float, height: float) -> Figure:
    """A figure in inches, transparent, as the page behind it is white."""
    _matplotlib()
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=72)
    fig.patch.set_alpha(0)
    return fig


def _style(ax: object, language: str) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(GRID)
    ax.tick_params(colors=MUTED, labelsize=8, length=0)
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        label.set_fontfamily(fonts(language))
    ax.set_axisbelow(True)
    ax.patch.set_alpha(0)


def _legend(ax: object, language: str, columns: int, order: Sequence[str] = ()) -> None:
    """The legend above the plot, in one row; `order` puts those labels first."""
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    handles, labels = ax.get_legend_handles_labels()
    ranked = sorted(
        zip(handles, labels, strict=True),
        key=lambda hl: order.index(hl[1]) if hl[1] in order else len(order),
    )
    ax.legend(
        [h for h, _l in ranked],
        [lbl for _h, lbl in ranked],
        loc="upper left",
        bbox_to_anchor=(0, 1.18),
        ncols=columns,
        frameon=False,
        prop={"family": fonts(language), "size": 8},
        handlelength=1,
        columnspacing=1.2,
        labelcolor=INK,
    )


def _svg(fig: Figure, title: str) -> str:
    """The figure as an <svg> element (no XML prologue) that scales to its container."""
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Title": title, "Date": None})
    markup = out.getvalue()
    start = markup.index("<svg")
    svg = markup[start:]
    # role and aria-label: a screen reader says what the chart is rather than reading ticks.
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(title)}" ', 1)


def _attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def _count_axis(ax: object, language: str) -> None:
    from matplotlib.axes import Axes
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    assert isinstance(ax, Axes)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(int(v), language)))
    ax.grid(axis="y", color=GRID, linewidth=0.6)


def grouped_bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    language: str,
    stacked: bool = False,
    width: float = 6.4,
    height: float = 2.0,
) -> str:
    """Vertical bars per category, one per series side by side, or stacked; counts on the
    axis, and each bar's value above it when side by side."""
    fig = _figure(width, height)
    ax = fig.add_subplot()
    n = max(len(series), 1)
    span = 0.72
    bar = span if stacked else span / n
    bottoms = [0.0] * len(categories)
    for i, s in enumerate(series):
        values = [float(v or 0) for v in s.values]
        xs = [c if stacked else c - span / 2 + bar * (i + 0.5) for c in range(len(categories))]
        rects = ax.bar(xs, values, bar * 0.92, bottom=bottoms, color=s.colour, label=s.label)
        if stacked:
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        else:
            labels = [format_number(int(v), language) if v else "" for v in values]
            ax.bar_label(rects, labels=labels, padding=2, fontsize=7, color=INK,
                         fontfamily=fonts(language))  # fmt: skip
    if stacked:
        totals = ax.bar(range(len(categories)), bottoms, span * 0.92, fill=False, linewidth=0)
        labels = [format_number(int(v), language) if v else "" for v in bottoms]
        ax.bar_label(totals, labels=labels, padding=2, fontsize=7, color=INK,
                     fontfamily=fonts(language))  # fmt: skip
    ax.set_xticks(range(len(categories)), list(categories))
    _count_axis(ax, language)
    ax.margins(y=0.15)
    _style(ax, language)
    _legend(ax, language, len(series))
    fig.subplots_adjust(left=0.07, right=0.99, top=0.82, bottom=0.14)
    return _svg(fig, title)


def against_target(
    title: str,
    labels: Sequence[str],
    now: Sequence[float | None],
    before: Sequence[float | None],
    targets: Sequence[float | None],
    language: str,
    names: tuple[str, str, str],
    width: float = 6.4,
    height: float = 2.0,
) -> str:
    """Percentages, one row per measure: this period's bar, the previous period's thinner bar
    beneath it, and the target as a mark across both. `names` are the legend's words for this
    period, the previous one and the target."""
    from matplotlib.ticker import FuncFormatter

    fig = _figure(width, height)
    ax = fig.add_subplot()
    rows = list(range(len(labels)))[::-1]
    ax.barh([r + 0.17 for r in rows], [float(v or 0) for v in now], 0.34, color=NAVY,
            label=names[0])  # fmt: skip
    ax.barh([r - 0.17 for r in rows], [float(v or 0) for v in before], 0.34, color=GREY,
            label=names[1])  # fmt: skip
    marked = False
    for r, target in zip(rows, targets, strict=True):
        if target is None:
            continue
        ax.plot([float(target)] * 2, [r - 0.42, r + 0.42], color=AMBER, linewidth=2,
                label=None if marked else names[2])  # fmt: skip
        marked = True
    for r, value in zip(rows, now, strict=True):
        text = "–" if value is None else format_number(value, language, digits=1) + " %"
        ax.text(float(value or 0) + 1.2, r + 0.17, text, va="center", fontsize=7.5, color=INK,
                fontfamily=fonts(language))  # fmt: skip
    ax.set_xlim(0, 112)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{int(v)} %"))
    ax.set_yticks(rows, list(labels))
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    _style(ax, language)
    _legend(ax, language, 3, order=names)
    fig.subplots_adjust(left=0.36, right=0.99, top=0.84, bottom=0.11)
    return _svg(fig, title)


def split_bar(
    title: str,
    parts: Sequence[tuple[str, int, str]],
    language: str,
    width: float = 6.4,
    height: float = 0.9,
) -> str:
    """One horizontal bar cut into parts (label, count, colour), each part's count inside it
    and the labels in the legend: maintenance done on time, late and skipped."""
    fig = _figure(width, height)
    ax = fig.add_subplot()
    left = 0
    for label, count, colour in parts:
        if count:
            rect = ax.barh([0], [count], 0.6, left=left, color=colour, label=label)
            ax.bar_label(rect, labels=[format_number(count, language)], label_type="center",
                         fontsize=8, color="white", fontfamily=fonts(language))  # fmt: skip
        left += count
    ax.set_xlim(0, max(left, 1))
    ax.set_yticks([])
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    _style(ax, language)
    ax.legend(loc="upper left", bbox_to_anchor=(0, 1.9), ncols=len(parts), frameon=False,
              prop={"family": fonts(language), "size": 8}, handlelength=1)  # fmt: skip
    fig.subplots_adjust(left=0.005, right=0.995, top=0.5, bottom=0.05)
    return _svg(fig, title)
