"""Template filters for the library's numbers and yes/no values."""

from django import template
from django.utils.html import format_html

from competencies.numbers import plain_number

register = template.Library()


@register.filter(name="plain_number")
def plain_number_filter(value) -> str:
    """3.00 -> 3, 2.50 -> 2.5 (see competencies.numbers.plain_number)."""
    return plain_number(value)


@register.filter
def yes_no_badge(value, words: str = "Yes,No"):
    """A boolean as a word in a badge: ``x.trainable|yes_no_badge:"Trainable,No"``."""
    yes, _, no = words.partition(",")
    tone = " ok" if value else ""
    return format_html('<span class="badge{}">{}</span>', tone, yes if value else no)
