"""Charts for hiring reports, drawn once and rendered twice: PDF (reportlab) and SVG.

A chart function decides every position, scale and label and returns a ``Chart``: a
list of plain shapes in points, y pointing down from the top-left corner. ``to_drawing``
turns it into a reportlab ``Drawing`` (flipping y), ``to_svg`` into an inline SVG string
(all text escaped). So the browser page and the PDF show the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html import escape

from reportlab import rl_config
from reportlab.graphics import shapes as rl
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.pdf.fonts import BOLD, REGULAR, register_fonts

TIER_COLOURS = {"top": "#1d7a46", "middle": "#8a9ab5", "bottom": "#b3261e"}
TIER_LABELS = {"top": "Top", "middle": "Middle", "bottom": "Bottom"}
CANDIDATE_COLOUR = "#132340"
INK, MUTED, GRID = "#1d2433", "#5b6476", "#d9dee7"
TIERS = ("top", "middle", "bottom")


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = GRID
    width: float = 0.6
    dash: tuple | None = None


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None
    stroke: str | None = None
    width: float = 0.6


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str
    stroke: str | None = None
    opacity: float = 1.0


@dataclass(frozen=True)
class Dots:
    """Many small markers of one colour (one path in the PDF and in the SVG)."""

    points: tuple  # (x, y) pairs
    r: float
    fill: str
    opacity: float = 1.0


@dataclass(frozen=True)
class Polygon:
    points: tuple  # x1, y1, x2, y2, ...
    fill: str
    stroke: str | None = None


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float = 8
    anchor: str = "start"  # start | middle | end
    fill: str = INK
    bold: bool = False


@dataclass
class Chart:
    width: float
    height: float
    title: str
    shapes: list = field(default_factory=list)
    # For charts of many rows: given the height left on a page, the part that fits and the
    # rest (two charts), or None when not even one row fits. The PDF splits across pages.
    split: Callable[[float], tuple[Chart, Chart] | None] | None = None

    def add(self, *items) -> None:
        self.shapes.extend(items)


@dataclass(frozen=True)
class Scale:
    """Linear map from data values to positions."""

    lo: float
    hi: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        value = min(max(value, self.lo), self.hi)
        return self.start + (value - self.lo) / (self.hi - self.lo) * (self.end - self.start)


def fit_text(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` points in our font."""
    register_fonts()
    font = BOLD if bold else REGULAR
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # binary search for the longest prefix that fits
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def z_scale(values, start: float, end: float, *, floor: float = 2.5) -> Scale:
    """A symmetric z-score axis wide enough for ``values`` (at least ±``floor``)."""
    finite = [abs(v) for v in values if v is not None and math.isfinite(v)]
    bound = max([floor, *finite])
    bound = math.ceil(bound * 2) / 2
    return Scale(-bound, bound, start, end)


def _z_axis(chart: Chart, scale: Scale, top: float, bottom: float, caption: str) -> None:
    for tick in range(math.ceil(scale.lo), math.floor(scale.hi) + 1):
        x = scale(tick)
        chart.add(Line(x, top, x, bottom, stroke=MUTED if tick == 0 else GRID,
                       width=0.8 if tick == 0 else 0.5),
                  Text(x, bottom + 10, _tick(tick), 7, "middle", MUTED))
    chart.add(Text((scale.start + scale.end) / 2, bottom + 21, caption, 7, "middle", MUTED))


def _tick(value: int) -> str:
    return "0" if value == 0 else f"+{value}" if value > 0 else f"\u2212{-value}"


def _diamond(x: float, y: float, r: float) -> Polygon:
    return Polygon((x, y - r, x + r, y, x, y + r, x - r, y), CANDIDATE_COLOUR, "#ffffff")


def _legend(chart: Chart, x: float, y: float, with_candidate: str | None) -> None:
    if with_candidate:
        chart.add(_diamond(x + 4, y - 3, 4.5),
                  Text(x + 12, y, fit_text(with_candidate, 130, 7.5), 7.5))
        x += 12 + min(stringWidth(with_candidate, REGULAR, 7.5), 130) + 14
    for tier in TIERS:
        label = f"{TIER_LABELS[tier]} producers (mean)"
        chart.add(Circle(x + 4, y - 3, 3.5, TIER_COLOURS[tier]), Text(x + 11, y, label, 7.5))
        x += 11 + stringWidth(label, REGULAR, 7.5) + 12


def profile_chart(rows: list[dict], *, candidate: str, width: float = 500) -> Chart:
    """Dot plot: per dimension the candidate's z-score and each cohort's mean.

    ``rows``: dicts with ``name``, ``candidate`` (z or None), ``means`` ({tier: z or None})
    and ``discriminating`` (bool). Discriminating dimensions are bold and starred.
    """
    register_fonts()
    label_w, row_h, top = 170.0, 17.0, 26.0
    height = top + row_h * max(len(rows), 1) + 40
    chart = Chart(width, height, f"Profile of {candidate} against the producer cohorts")
    values = [r["candidate"] for r in rows] + [v for r in rows for v in r["means"].values()]
    scale = z_scale(values, label_w + 10, width - 12)
    _legend(chart, 0, 10, candidate)
    bottom = top + row_h * len(rows)
    _z_axis(chart, scale, top, bottom, "z-score (0 = the producers' average)")
    for i, row in enumerate(rows):
        y = top + row_h * i + row_h / 2
        if i % 2 == 0:
            chart.add(Rect(0, y - row_h / 2, width, row_h, "#f4f6fa"))
        star = " *" if row["discriminating"] else ""
        name = fit_text(row["name"], label_w - (8 if star else 0), 7.5, bool(star)) + star
        chart.add(Text(0, y + 3, name, 7.5, bold=row["discriminating"]))
        known = [v for v in row["means"].values() if v is not None]
        if known:
            chart.add(Line(scale(min(known)), y, scale(max(known)), y, MUTED, 0.8))
        for tier in TIERS:
            if row["means"].get(tier) is not None:
                chart.add(Circle(scale(row["means"][tier]), y, 3.5, TIER_COLOURS[tier]))
        if row["candidate"] is None:
            chart.add(Text(width - 12, y + 3, "no score", 7, "end", MUTED))
        else:
            chart.add(_diamond(scale(row["candidate"]), y, 5))
    chart.add(Text(0, height - 2, "* discriminating: separates top producers from the others "
                   "(Holm-adjusted p < 0.05)", 6.5, fill=MUTED))
    return chart


TIER_TINTS = {"top": "#b9dcc6", "middle": "#d5dbe6", "bottom": "#ecbcb8"}


def _panel_summary(panel: dict) -> dict:
    """The cohort summary of a strip panel (``summary``, or built from ``values`` lists)."""
    if "summary" in panel:
        return panel["summary"]
    import numpy as np

    from reports.calibration.summaries import cohort_summary

    values = panel.get("values", {})
    column = np.array([v for t in TIERS for v in values.get(t, []) if v is not None], float)
    tiers = np.array([t for t in TIERS for v in values.get(t, []) if v is not None], object)
    return cohort_summary(column, tiers)


def strip_chart(panels: list[dict], *, candidate: str, width: float = 500) -> Chart:
    """Where the candidate falls among the real producers, one block per dimension.

    ``panels``: dicts with ``name``, ``candidate`` (z or None) and ``summary`` (a
    ``reports.calibration.summaries.cohort_summary``; or ``values``: {tier: [z, ...]}).
    Each cohort is a histogram of its producers (shaded bars, taller where more producers
    score) with a box from the first to the third quartile and a tick at the median; the
    candidate is a line. The chart's size does not depend on the number of producers.
    """
    register_fonts()
    label_w, band, head = 60.0, 13.0, 16.0
    block = head + band * 3 + 8
    top = 18.0
    height = top + block * max(len(panels), 1) + 26
    chart = Chart(width, height, f"{candidate} among the producers")
    summaries = [_panel_summary(p) for p in panels]
    values = [p["candidate"] for p in panels] + [
        v for summary in summaries for row in summary["tiers"].values()
        for v in (row["min"], row["max"])
    ]
    scale = z_scale(values, label_w + 6, width - 12, floor=2.0)
    chart.add(_diamond(4, 7, 4.5), Text(12, 10, fit_text(
        f"{candidate} (line); shaded bars: how many producers score there; boxes span the "
        "middle half", width - 14, 7.5), 7.5))
    for k, (panel, summary) in enumerate(zip(panels, summaries, strict=True)):
        y0 = top + block * k
        n = sum(row["n"] for row in summary["tiers"].values())
        chart.add(Text(0, y0 + 11, fit_text(f"{panel['name']} (n = {n})", width, 8, True), 8,
                       bold=True))
        rows_top, rows_bottom = y0 + head, y0 + head + band * 3
        for tick in range(math.ceil(scale.lo), math.floor(scale.hi) + 1):
            chart.add(Line(scale(tick), rows_top, scale(tick), rows_bottom,
                           MUTED if tick == 0 else GRID, 0.5))
        for t, tier in enumerate(TIERS):
            yc = rows_top + band * t + band / 2
            _cohort_row(chart, scale, summary, tier, yc, band)
        if panel["candidate"] is not None:
            x = scale(panel["candidate"])
            chart.add(Line(x, rows_top - 2, x, rows_bottom + 2, CANDIDATE_COLOUR, 1.6),
                      _diamond(x, rows_top - 3, 3.5))
        else:
            chart.add(Text(width - 12, y0 + 11, "candidate not scored", 7, "end", MUTED))
    bottom = top + block * len(panels)
    for tick in range(math.ceil(scale.lo), math.floor(scale.hi) + 1):
        chart.add(Text(scale(tick), bottom + 2, _tick(tick), 7, "middle",
                       MUTED))
    chart.add(Text((scale.start + scale.end) / 2, bottom + 14, "z-score", 7, "middle", MUTED))
    return chart


def _cohort_row(chart: Chart, scale: Scale, summary: dict, tier: str, yc: float,
                band: float) -> None:
    """One cohort of a strip panel: its label, histogram, quartile box and median."""
    row = summary["tiers"].get(tier) or {"n": 0, "counts": [], "quartiles": None}
    chart.add(Text(0, yc + 3, f"{TIER_LABELS[tier]} ({row['n']})", 7, fill=MUTED))
    counts = row.get("counts") or []
    most = max(counts, default=0)
    if most:
        step = (summary["hi"] - summary["lo"]) / len(counts)
        base, tall = yc + band / 2 - 1, band - 2
        for b, count in enumerate(counts):
            if count:
                x1 = scale(summary["lo"] + step * b)
                x2 = scale(summary["lo"] + step * (b + 1))
                h = max(tall * count / most, 1.0)
                chart.add(Rect(x1, base - h, max(x2 - x1, 0.5), h, TIER_TINTS[tier]))
    if row["n"] >= 4 and row.get("quartiles"):
        q1, med, q3 = row["quartiles"]
        chart.add(Rect(scale(q1), yc - band / 2 + 2, scale(q3) - scale(q1), band - 4,
                       None, TIER_COLOURS[tier], 0.8),
                  Line(scale(med), yc - band / 2 + 1, scale(med), yc + band / 2 - 1,
                       TIER_COLOURS[tier], 1.4))


POSTERIOR_ROW_H, POSTERIOR_TOP, POSTERIOR_FOOT = 15.0, 18.0, 8.0


def posterior_chart(rows: list[dict], *, width: float = 500, label_w: float = 150) -> Chart:
    """Stacked bars of P(top), P(middle), P(bottom), one per candidate.

    ``rows``: dicts with ``name`` and ``posterior`` ({tier: probability or None}). In a PDF
    the chart splits between rows across pages, each part with its own legend, so a packet
    of any number of candidates lays out.
    """
    register_fonts()
    row_h, top = POSTERIOR_ROW_H, POSTERIOR_TOP
    height = top + row_h * max(len(rows), 1) + POSTERIOR_FOOT
    chart = Chart(width, height, "Probability of resembling each producer cohort")
    if len(rows) > 1:
        chart.split = partial(_split_posterior, rows, width, label_w)
    x = label_w
    for tier in TIERS:
        label = f"P({tier})"
        chart.add(Rect(x, 3, 8, 8, TIER_COLOURS[tier]), Text(x + 11, 10, label, 7.5))
        x += 11 + stringWidth(label, REGULAR, 7.5) + 12
    scale = Scale(0, 1, label_w, width - 30)
    for i, row in enumerate(rows):
        y = top + row_h * i
        chart.add(Text(0, y + 10, fit_text(row["name"], label_w - 6, 7.5), 7.5))
        post = row.get("posterior") or {}
        if any(post.get(t) is None for t in TIERS):
            chart.add(Text(label_w, y + 10, "not enough evidence for probabilities", 7, "start",
                           MUTED))
            continue
        start = 0.0
        for tier in TIERS:
            share = float(post[tier])
            chart.add(Rect(scale(start), y + 2, scale(start + share) - scale(start), row_h - 5,
                           TIER_COLOURS[tier]))
            start += share
        chart.add(Text(width - 28, y + 10, f"{round(100 * post['top'])}%", 7, "start"))
    return chart


def _split_posterior(rows: list[dict], width: float, label_w: float,
                     available: float) -> tuple[Chart, Chart] | None:
    """The rows that fit in ``available`` points and the rest, as two posterior charts."""
    fits = math.floor((available - POSTERIOR_TOP - POSTERIOR_FOOT) / POSTERIOR_ROW_H)
    if fits < 1 or fits >= len(rows):
        return None
    return (posterior_chart(rows[:fits], width=width, label_w=label_w),
            posterior_chart(rows[fits:], width=width, label_w=label_w))


def expectancy_chart(bins: list[dict], *, width: float = 420, height: float = 150) -> Chart:
    """Share of top producers per band of held-out P(top), with the number in each band.

    ``bins``: ``validate_fit`` expectancy rows (``low, high, n, n_top``).
    """
    register_fonts()
    top, bottom, left = 18.0, height - 30.0, 34.0
    chart = Chart(width, height, "Held-out producers: share who are top, by predicted P(top)")
    chart.add(Text(left, 10, "Share of top producers among held-out producers with a "
                   "similar P(top)", 7.5, "start"))
    scale = Scale(0, 1, bottom, top)
    for tick in (0, 0.5, 1):
        chart.add(Line(left, scale(tick), width - 6, scale(tick)),
                  Text(left - 4, scale(tick) + 3, f"{round(100 * tick)}%", 7, "end", MUTED))
    slot = (width - 6 - left) / max(len(bins), 1)
    for k, row in enumerate(bins):
        x = left + slot * k
        if row["n"]:
            share = row["n_top"] / row["n"]
            chart.add(Rect(x + slot * 0.15, scale(share), slot * 0.7, scale(0) - scale(share),
                           TIER_COLOURS["top"]),
                      Text(x + slot / 2, scale(share) - 3, f"{round(100 * share)}%", 7,
                           "middle"))
        chart.add(Text(x + slot / 2, bottom + 10,
                       f"{round(100 * row['low'])}-{round(100 * row['high'])}%", 7, "middle"),
                  Text(x + slot / 2, bottom + 20, f"n = {row['n']}", 7, "middle", MUTED))
    return chart


# --- renderers ----------------------------------------------------------------------------


def _colour(value: str | None):
    return None if value is None else colors.HexColor(value)


class SplittingDrawing(rl.Drawing):
    """A Drawing of a chart that can split between its rows when a page is too short."""

    def split(self, avail_width, avail_height):
        parts = self.__dict__["_chart"].split(avail_height)
        return [] if parts is None else [to_drawing(part) for part in parts]


def to_drawing(chart: Chart) -> rl.Drawing:
    """The chart as a reportlab Drawing (y flipped: reportlab's origin is bottom-left).

    A chart that can split (``Chart.split``) becomes a Drawing that splits across pages.
    reportlab's attribute checking of every shape (``rl_config.shapeChecking``) is off while
    the shapes are made: the chart's own shapes are typed, and the check was a tenth of a
    packet's build time.
    """
    register_fonts()
    checking, rl_config.shapeChecking = rl_config.shapeChecking, 0
    try:
        return _drawing(chart)
    finally:
        rl_config.shapeChecking = checking


def _drawing(chart: Chart) -> rl.Drawing:
    h = chart.height
    if chart.split is None:
        drawing = rl.Drawing(chart.width, h)
    else:
        drawing = SplittingDrawing(chart.width, h)
        drawing.__dict__["_chart"] = chart  # Drawing checks attribute names; bypass for ours
    for s in chart.shapes:
        if isinstance(s, Line):
            drawing.add(rl.Line(s.x1, h - s.y1, s.x2, h - s.y2, strokeColor=_colour(s.stroke),
                                strokeWidth=s.width, strokeDashArray=s.dash))
        elif isinstance(s, Rect):
            drawing.add(rl.Rect(s.x, h - s.y - s.h, s.w, s.h, fillColor=_colour(s.fill),
                                strokeColor=_colour(s.stroke),
                                strokeWidth=s.width if s.stroke else 0))
        elif isinstance(s, Circle):
            drawing.add(rl.Circle(s.cx, h - s.cy, s.r, fillColor=_colour(s.fill),
                                  fillOpacity=s.opacity, strokeColor=_colour(s.stroke),
                                  strokeWidth=0.6 if s.stroke else 0))
        elif isinstance(s, Dots):
            path = rl.Path(fillColor=_colour(s.fill), fillOpacity=s.opacity, strokeColor=None,
                           strokeWidth=0)
            for x, y in s.points:  # small diamonds: four points each, one fill for all
                y = h - y
                path.moveTo(x, y + s.r)
                path.lineTo(x + s.r, y)
                path.lineTo(x, y - s.r)
                path.lineTo(x - s.r, y)
                path.closePath()
            drawing.add(path)
        elif isinstance(s, Polygon):
            pts = [v if n % 2 == 0 else h - v for n, v in enumerate(s.points)]
            drawing.add(rl.Polygon(pts, fillColor=_colour(s.fill), strokeColor=_colour(s.stroke),
                                   strokeWidth=0.6 if s.stroke else 0))
        elif isinstance(s, Text):
            drawing.add(rl.String(s.x, h - s.y, s.text, fontName=BOLD if s.bold else REGULAR,
                                  fontSize=s.size, fillColor=_colour(s.fill),
                                  textAnchor=s.anchor))
    return drawing


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _svg_shape(s) -> str:
    if isinstance(s, Line):
        dash = f' stroke-dasharray="{" ".join(map(_n, s.dash))}"' if s.dash else ""
        return (f'<line x1="{_n(s.x1)}" y1="{_n(s.y1)}" x2="{_n(s.x2)}" y2="{_n(s.y2)}" '
                f'stroke="{s.stroke}" stroke-width="{_n(s.width)}"{dash}/>')
    if isinstance(s, Rect):
        stroke = f' stroke="{s.stroke}" stroke-width="{_n(s.width)}"' if s.stroke else ""
        return (f'<rect x="{_n(s.x)}" y="{_n(s.y)}" width="{_n(s.w)}" height="{_n(s.h)}" '
                f'fill="{s.fill or "none"}"{stroke}/>')
    if isinstance(s, Circle):
        extra = f' stroke="{s.stroke}" stroke-width="0.6"' if s.stroke else ""
        if s.opacity < 1:
            extra += f' fill-opacity="{_n(s.opacity)}"'
        return f'<circle cx="{_n(s.cx)}" cy="{_n(s.cy)}" r="{_n(s.r)}" fill="{s.fill}"{extra}/>'
    if isinstance(s, Dots):
        r = _n(s.r)
        d = "".join(f"M{_n(x)} {_n(y - s.r)}l{r} {r}l-{r} {r}l-{r} -{r}z" for x, y in s.points)
        return f'<path d="{d}" fill="{s.fill}" fill-opacity="{_n(s.opacity)}"/>'
    if isinstance(s, Polygon):
        pts = " ".join(f"{_n(s.points[i])},{_n(s.points[i + 1])}"
                       for i in range(0, len(s.points), 2))
        stroke = f' stroke="{s.stroke}" stroke-width="0.6"' if s.stroke else ""
        return f'<polygon points="{pts}" fill="{s.fill}"{stroke}/>'
    weight = ' font-weight="bold"' if s.bold else ""
    return (f'<text x="{_n(s.x)}" y="{_n(s.y)}" font-size="{_n(s.size)}" '
            f'text-anchor="{s.anchor}" fill="{s.fill}"{weight}>{escape(s.text)}</text>')


def to_svg(chart: Chart) -> str:
    """The chart as an inline SVG element; every text is HTML-escaped."""
    body = "".join(_svg_shape(s) for s in chart.shapes)
    title = escape(chart.title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'viewBox="0 0 {_n(chart.width)} {_n(chart.height)}" width="{_n(chart.width)}" '
        f'height="{_n(chart.height)}" aria-label="{title}" '
        f'font-family="DejaVu Sans, Verdana, sans-serif"><title>{title}</title>{body}</svg>'
    )
