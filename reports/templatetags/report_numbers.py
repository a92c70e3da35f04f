"""Number formats for reports: never more precision than the data supports."""

import math

from django import template

register = template.Library()

DASH = "–"


def _number(value) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


@register.filter
def two(value) -> str:
    """Two decimals with a true minus sign (effect sizes, ICCs, correlations, z)."""
    number = _number(value)
    if number is None:
        return DASH
    text = f"{number:.2f}"
    if text in ("-0.00",):
        text = "0.00"
    return text.replace("-", "−")


@register.filter
def pvalue(value) -> str:
    """'< 0.001' below a thousandth, else three decimals."""
    number = _number(value)
    if number is None:
        return DASH
    return "< 0.001" if number < 0.001 else f"{number:.3f}"


@register.filter
def whole(value) -> str:
    """A percentile or percentage as a whole number."""
    number = _number(value)
    return DASH if number is None else str(round(number))


@register.filter
def percent(value) -> str:
    """A share between 0 and 1 as a whole percentage."""
    number = _number(value)
    return DASH if number is None else f"{round(100 * number)}\u00a0%"


@register.filter
def rating(value) -> str:
    """An interview rating mean on the 1-5 scale, one decimal."""
    number = _number(value)
    return DASH if number is None else f"{number:.1f}"


INSTRUMENT_KINDS = {"sjt": "Judgment test", "roleplay": "Roleplay", "psychometric": "Psychometric"}


@register.filter
def instrument(value) -> str:
    """'sjt:ae-judgment' as 'Judgment test: ae-judgment'."""
    if not value:
        return ""
    kind, _, name = str(value).partition(":")
    return f"{INSTRUMENT_KINDS.get(kind, kind)}: {name.replace('/', ' / ')}" if name else kind


@register.filter(name="after_badge")
def after_badge_filter(sentence, label) -> str:
    """``{{ sentence|after_badge:label }}``: the sentence without the band's name in front,
    for places that show the band's badge just before it."""
    from reports.hiring_report.pipeline_status import after_badge

    return after_badge(str(sentence or ""), str(label or ""))
