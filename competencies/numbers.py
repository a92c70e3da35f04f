"""Weights and other decimals as people write them: 3, 2.5, 0.33; never 3.00."""

from decimal import Decimal, InvalidOperation

from django import forms


def plain_number(value) -> str:
    """The number without trailing zeros or exponent ("3.00" -> "3", "2.50" -> "2.5").

    Anything that is not a number comes back as text, and None as an empty string.
    """
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", ""} else text


class PlainDecimalInput(forms.NumberInput):
    """A number box that shows a stored 3.00 as 3 (what HR typed), not 3.00."""

    def format_value(self, value):
        if isinstance(value, Decimal | float | int):
            return plain_number(value)
        return super().format_value(value)
