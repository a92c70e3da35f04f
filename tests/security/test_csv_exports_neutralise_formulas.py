"""Every CSV the product offers opens in a spreadsheet as text, never as a formula.

The product's own pages offer no CSV today; the HR workspace (Wagtail) does: site
history, aging and locked pages, workflow reports, and any listing with exports. They are
found by walking the URL configuration, fetched as HR after people typed formula-like
names, and every cell is checked. A guard also fails when an app starts writing CSV
without the shared ``selection.csv_safety.safe_csv_cell``.
"""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from assessments.models import JudgmentTest
from selection.csv_safety import safe_csv_cell
from tests.security.hostile_world import pages

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
APPS = ["selection", "competencies", "interviews", "assessments", "reports"]


def _export_urls(patterns=None, prefix="") -> list[str]:
    """URLs (without arguments) of every view that can answer ?export=csv."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if not entry.pattern.converters:
                namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
                found += _export_urls(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.converters:
            view = getattr(entry.callback, "view_class", None)
            if view is not None and issubclass(view, SpreadsheetExportMixin):
                found.append(reverse(prefix + entry.name))
    return sorted(set(found))


def _cells(response) -> list[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""))
    return [cell for row in rows for cell in row]


def _formula_named_tests() -> None:
    """Published SJTs whose titles start like formulas: the site history lists them."""
    for n, title in enumerate(FORMULAS):
        test = JudgmentTest(title=title, slug=f"formula-{n}", instructions=title,
                            time_limit_minutes=10, live=False)
        test.save()
        test.save_revision().publish()


def test_every_csv_export_neutralises_formulas(client, hostile, hr):
    _formula_named_tests()
    client.force_login(hr)
    urls = _export_urls()
    assert "/cms/reports/site-history/" in urls, urls
    checked = 0
    for url in urls + [u for _, u, _ in pages(hostile)]:
        response = client.get(url, {"export": "csv"})
        if not response.get("Content-Type", "").startswith("text/csv"):
            continue
        checked += 1
        cells = _cells(response)
        for cell in cells:
            assert not cell.startswith(DANGEROUS), f"{url}: the cell {cell!r} would run"
        if url == "/cms/reports/site-history/":
            for formula in FORMULAS:
                assert "'" + formula in cells, f"{formula!r} is missing from the site history"
    assert checked >= 5


def test_safe_csv_cell():
    assert [safe_csv_cell(v) for v in FORMULAS] == ["'" + v for v in FORMULAS]
    assert safe_csv_cell("Ada Lovelace") == "Ada Lovelace"
    assert safe_csv_cell(-5) == -5
    assert safe_csv_cell(None) is None
    assert safe_csv_cell("") == ""


def test_no_app_writes_csv_without_the_shared_neutraliser():
    base = Path(settings.BASE_DIR)
    offenders = []
    for app in APPS:
        for path in (base / app).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            writes = "text/csv" in text or "csv.writer" in text or "csv.DictWriter" in text
            if writes and "safe_csv_cell" not in text:
                offenders.append(str(path.relative_to(base)))
    assert not offenders, f"CSV written without safe_csv_cell: {offenders}"
