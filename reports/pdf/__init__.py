"""Reportlab documents for hiring reports: fonts, styles, safe markup, the two documents."""
