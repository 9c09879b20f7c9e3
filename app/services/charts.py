"""Charts drawn on the server as SVG: no script, no external library, readable without colour.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` (and an ``aria-label``)
so a screen reader announces what it shows; pages print the same numbers in a table beside it.
Colours come from CSS classes (``app.css``) with presentation-attribute fallbacks; no inline
``style`` attributes, so the Content-Security-Policy stays strict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from flask_babel import format_date, format_decimal, format_percent
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from app.services.metrics import ProgrammeMetrics
from app.templating import rupiah, thousands

WIDTH = 560
WIDE = 960
ROW = 30
LABEL_WIDTH = 170
VALUE_WIDTH = 130
PALETTE = ("#0f766e", "#f59e0b", "#6366f1", "#db2777", "#65a30d")


class Bar(Protocol):
    """Anything with a key, a label and a value (``metrics.Group`` fits)."""

    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def value(self) -> int: ...


@dataclass(frozen=True)
class Chart:
    """A drawn chart, its title and the name of its CSV file."""

    name: str
    title: str
    svg: Markup


def compact_rupiah(amount: int) -> str:
    """Short rupiah for axes: ``Rp 1,2 bn``, ``Rp 350 m``, ``Rp 12 k`` (in the reader's locale)."""
    for size, text in (
        (1_000_000_000_000, _l("Rp %(n)s tn")),
        (1_000_000_000, _l("Rp %(n)s bn")),
        (1_000_000, _l("Rp %(n)s m")),
        (1_000, _l("Rp %(n)s k")),
    ):
        if abs(amount) >= size:
            shown = round(amount / size, 1)
            return str(text % {"n": format_decimal(shown if shown % 1 else int(shown))})
    return rupiah(amount)


def _svg(chart_id: str, title: str, summary: str, width: int, height: int, body: str) -> Markup:
    title_text, summary_text = escape(title), escape(summary)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{title_text}" aria-describedby="{chart_id}-desc" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{title_text}</title>'
        f'<desc id="{chart_id}-desc">{summary_text}</desc>{body}</svg>'
    )


def _truncate(label: str, limit: int = 23) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _summary(bars: Sequence[Bar], fmt: Callable[[int], str]) -> str:
    return "; ".join(f"{b.label}: {fmt(b.value)}" for b in bars) or str(_l("No data yet."))


def bar_chart(
    chart_id: str, title: str, bars: Sequence[Bar], fmt: Callable[[int], str] = thousands
) -> Markup:
    """Horizontal bars, one row per item, each labelled with its value."""
    if not bars:
        return _empty(chart_id, title)
    top = max((b.value for b in bars), default=0) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = ROW * len(bars) + 10
    parts = []
    for n, bar in enumerate(bars):
        y = 5 + n * ROW
        length = max(round(span * bar.value / top), 1 if bar.value else 0)
        parts.append(
            f'<g class="bar-row"><text class="chart-label" x="{LABEL_WIDTH - 8}" y="{y + 19}" '
            f'text-anchor="end" fill="#1f2937" font-size="13">{escape(_truncate(bar.label))}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 4}" '
            f'width="{length}" height="{ROW - 8}" rx="3" fill="{PALETTE[0]}"/>'
            f'<text class="chart-value" x="{LABEL_WIDTH + length + 6}" y="{y + 19}" '
            f'fill="#1f2937" font-size="13">{escape(fmt(bar.value))}</text></g>'
        )
    return _svg(chart_id, title, _summary(bars, fmt), WIDTH, height, "".join(parts))


def month_chart(
    chart_id: str, title: str, months: Sequence[Bar], fmt: Callable[[int], str] = rupiah
) -> Markup:
    """Columns per month (``YYYY-MM`` keys) with a value axis; a line joins the tops."""
    if not months:
        return _empty(chart_id, title)
    left, bottom, top_pad, legend_h = 78, 34, 12, 26
    height = 260 + legend_h
    plot_w, plot_h = WIDE - left - 10, height - legend_h - bottom - top_pad
    peak = max((m.value for m in months), default=0) or 1
    step = plot_w / len(months)
    every = max(1, round(len(months) / 12))
    parts = []
    for fraction in (0, 0.5, 1):
        y = top_pad + plot_h * (1 - fraction)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{WIDE - 10}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#e5e7eb"/>'
            f'<text class="chart-axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'fill="#6b7280" font-size="12">{escape(compact_rupiah(round(peak * fraction)))}</text>'
        )
    points = []
    for n, month in enumerate(months):
        bar_h = plot_h * month.value / peak
        x, y = left + n * step, top_pad + plot_h - bar_h
        width = max(step * 0.7, 1)
        parts.append(
            f'<rect class="bar" x="{x + step * 0.15:.1f}" y="{y:.1f}" width="{width:.1f}" '
            f'height="{bar_h:.1f}" fill="{PALETTE[0]}"><title>{escape(_month(month.key))}: '
            f"{escape(fmt(month.value))}</title></rect>"
        )
        points.append(f"{x + step / 2:.1f},{y:.1f}")
        if n % every == 0:
            parts.append(
                f'<text class="chart-axis" x="{x + step / 2:.1f}" y="{height - legend_h - 12}" '
                f'text-anchor="middle" fill="#6b7280" font-size="12">'
                f"{escape(_month(month.key, short=True))}</text>"
            )
    if len(points) > 1:
        parts.append(
            f'<polyline class="trend" points="{" ".join(points)}" fill="none" '
            f'stroke="{PALETTE[1]}" stroke-width="2"/>'
        )
    columns, line = str(_l("Columns: value awarded in the month")), str(_l("Line: trend from month to month"))
    y = height - 14
    parts.append(
        f'<g class="chart-legend"><rect class="bar" x="{left}" y="{y - 10}" width="14" '
        f'height="12" fill="{PALETTE[0]}"/><text class="chart-label" x="{left + 20}" y="{y}" '
        f'fill="#1f2937" font-size="12">{escape(columns)}</text>'
        f'<line class="trend" x1="{left + 340}" x2="{left + 362}" y1="{y - 4}" y2="{y - 4}" '
        f'stroke="{PALETTE[1]}" stroke-width="2"/><text class="chart-label" x="{left + 368}" '
        f'y="{y}" fill="#1f2937" font-size="12">{escape(line)}</text></g>'
    )
    summary = f"{columns}; {line}. " + "; ".join(f"{_month(m.key)}: {fmt(m.value)}" for m in months)
    return _svg(chart_id, title, summary, WIDE, height, "".join(parts))


def share_bar(chart_id: str, title: str, parts_: Sequence[Bar], fmt: Callable[[int], str] = rupiah) -> Markup:
    """One bar split into shares (a stacked 100 % bar) with a legend giving each share."""
    total = sum(p.value for p in parts_)
    if not total:
        return _empty(chart_id, title)
    span, x = WIDTH - 20, 10.0
    body = []
    for n, part in enumerate(parts_):
        width = span * part.value / total
        if width > 0:
            body.append(
                f'<rect class="share share-{part.key or n}" x="{x:.1f}" y="10" '
                f'width="{width:.1f}" height="36" fill="{PALETTE[n % len(PALETTE)]}"/>'
            )
            if width > 46:
                body.append(
                    f'<text class="share-label" x="{x + width / 2:.1f}" y="33" '
                    f'text-anchor="middle" fill="#fff" font-size="13" font-weight="700">'
                    f"{escape(format_percent(part.value / total))}</text>"
                )
        x += width
    for n, part in enumerate(parts_):
        y = 64 + n * 22
        body.append(
            f'<rect class="share share-{part.key or n}" x="10" y="{y}" width="14" height="14" '
            f'fill="{PALETTE[n % len(PALETTE)]}"/>'
            f'<text class="chart-label" x="32" y="{y + 12}" fill="#1f2937" font-size="13">'
            f"{escape(part.label)}: {escape(format_percent(part.value / total))} · "
            f"{escape(fmt(part.value))}</text>"
        )
    height = 64 + len(parts_) * 22 + 4
    summary = "; ".join(f"{p.label}: {format_percent(p.value / total)} ({fmt(p.value)})" for p in parts_)
    return _svg(chart_id, title, summary, WIDTH, height, "".join(body))


def _empty(chart_id: str, title: str) -> Markup:
    text = escape(str(_l("No data yet.")))
    return _svg(
        chart_id,
        title,
        str(_l("No data yet.")),
        WIDTH,
        60,
        f'<text class="chart-empty" x="10" y="35" fill="#6b7280" font-size="14">{text}</text>',
    )


def _month(key: str, short: bool = False) -> str:
    day = date(int(key[:4]), int(key[5:7]), 1)
    return str(format_date(day, "MMM yy" if short else "MMMM yyyy"))


def programme_charts(metrics: ProgrammeMetrics, prefix: str = "chart") -> dict[str, Chart]:
    """The charts of the dashboard and the transparency page, by name."""
    titles = {
        "funnel": str(_l("UMKM at each stage")),
        "month": str(_l("Value awarded by month")),
        "kota": str(_l("Value awarded by the supplier's kota")),
        "category": str(_l("Value awarded by category")),
        "scale": str(_l("Value awarded by business scale")),
    }
    return {
        "funnel": Chart(
            "funnel",
            titles["funnel"],
            bar_chart(f"{prefix}-funnel", titles["funnel"], metrics.funnel, thousands),
        ),
        "month": Chart(
            "month", titles["month"], month_chart(f"{prefix}-month", titles["month"], metrics.by_month)
        ),
        "kota": Chart(
            "kota", titles["kota"], bar_chart(f"{prefix}-kota", titles["kota"], metrics.by_kota, rupiah)
        ),
        "category": Chart(
            "category",
            titles["category"],
            bar_chart(f"{prefix}-category", titles["category"], metrics.by_category, rupiah),
        ),
        "scale": Chart(
            "scale", titles["scale"], share_bar(f"{prefix}-scale", titles["scale"], metrics.by_scale)
        ),
    }
