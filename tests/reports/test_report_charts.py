"""One chart model, two renderings: the PDF drawing and the SVG put shapes in the same place."""

import re

from reportlab.graphics import shapes as rl

from reports.pdf.charts import (
    Circle,
    posterior_chart,
    profile_chart,
    strip_chart,
    to_drawing,
    to_svg,
)

ROWS = [
    {"name": "Discovery", "candidate": 1.2, "means": {"top": 0.8, "middle": 0.0, "bottom": -0.7},
     "discriminating": True},
    {"name": "Negotiating", "candidate": None,
     "means": {"top": 0.1, "middle": 0.0, "bottom": -0.1}, "discriminating": False},
]


def test_profile_chart_same_positions_in_svg_and_drawing():
    chart = profile_chart(ROWS, candidate="Zoë Łukasiewicz", width=500)
    svg = to_svg(chart)
    drawing = to_drawing(chart)
    circles = [s for s in chart.shapes if isinstance(s, Circle)]
    svg_circles = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    rl_circles = [c for c in drawing.contents if isinstance(c, rl.Circle)]
    assert len(circles) == len(svg_circles) == len(rl_circles)
    for model, (cx, cy), pdf in zip(circles, svg_circles, rl_circles, strict=True):
        assert abs(float(cx) - model.cx) < 0.01 and abs(float(cy) - model.cy) < 0.01
        assert abs(pdf.cx - model.cx) < 1e-9
        assert abs(pdf.cy - (chart.height - model.cy)) < 1e-9  # y flipped for reportlab
    assert "Zoë Łukasiewicz" in svg
    assert "Discovery *" in svg  # discriminating marked
    assert "no score" in svg


def test_top_mean_is_right_of_bottom_mean():
    chart = profile_chart(ROWS[:1], candidate="X", width=500)
    circles = [s for s in chart.shapes if isinstance(s, Circle)]
    top, middle, bottom = circles[-3:]  # the first three are the legend
    assert bottom.cx < middle.cx < top.cx


def test_strip_chart_counts_producers_and_posterior_shows_percent():
    panels = [{"name": "Discovery", "candidate": 0.3,
               "values": {"top": [1.0, 1.2, 0.8, 1.5], "middle": [0.0] * 6, "bottom": [-1.0]}}]
    svg = to_svg(strip_chart(panels, candidate="X"))
    assert "Discovery (n = 11)" in svg and "Middle (6)" in svg
    post = to_svg(posterior_chart([{"name": "A", "posterior": {"top": 0.62, "middle": 0.3,
                                                                "bottom": 0.08}},
                                   {"name": "B", "posterior": {"top": None}}]))
    assert "62%" in post and "not enough evidence" in post
