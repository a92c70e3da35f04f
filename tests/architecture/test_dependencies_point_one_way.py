"""The import graph: nothing outside ``reports`` imports it, and its packages keep their floors.

``api`` (the integration API) is the top floor, above ``reports``: it may import every app,
and no app (``reports`` included) imports it. Like the project's root URLs, it names the
apps below; they never name it.

Other apps announce what happened through signals they define (``interviews.signals``,
``assessments.signals``) or take a function ``reports`` hands them when it starts
(``assessments.analysis.provide_reliability``). These tests read the source with ``ast``,
so a lazy import inside a function counts as much as one at the top of a module.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OTHER_APPS = ["selection", "competencies", "interviews", "assessments"]


def python_files(folder: str):
    for path in sorted((ROOT / folder).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_modules(path: Path, package: str | None = None) -> list[tuple[int, str]]:
    """Every module the file imports, with its line: import statements and import_module("...")."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    if package is None:
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names
                      if module in {"", "reports"}]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                node.func, "id", "")) == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return found


def is_reports(module: str) -> bool:
    return module == "reports" or module.startswith("reports.")


def is_api(module: str) -> bool:
    return module == "api" or module.startswith("api.")


@pytest.mark.parametrize("app", [*OTHER_APPS, "reports"])
def test_no_app_imports_the_api_above_it(app):
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in python_files(app)
        for line, module in imported_modules(path)
        if is_api(module)
    ]
    assert offenders == [], (
        "The API sits on top: it listens to what the apps announce (api/receivers.py) and "
        "calls them; they never import it:\n" + "\n".join(offenders)
    )


def test_the_api_may_import_reports_and_every_app():
    """The top floor reads results through the report's own gathering, so it imports
    ``reports`` (and the others); the check above must not have been made to pass by
    an API that imports nothing."""
    imported = {module.split(".")[0] for path in python_files("api")
                for _, module in imported_modules(path)}
    assert {"reports", "selection", "assessments", "interviews"} <= imported


@pytest.mark.parametrize("app", OTHER_APPS)
def test_no_app_below_reports_imports_it(app):
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in python_files(app)
        for line, module in imported_modules(path)
        if is_reports(module)
    ]
    assert offenders == [], (
        "Announce through a signal the app defines, or take a function reports registers "
        "in ReportsConfig.ready():\n" + "\n".join(offenders)
    )


def test_the_check_sees_lazy_relative_and_dynamic_imports(tmp_path):
    sample = tmp_path / "probe.py"
    sample.write_text(
        "import importlib\n"
        "def f():\n    from reports.packets.jobs import enqueue\n"
        "def g():\n    from ..stats import fit\n"
        "importlib.import_module('reports.demo')\n"
    )
    found = [module for _, module in imported_modules(sample, package="reports.calibration")]
    assert "reports.packets.jobs" in found
    assert "reports.stats" in found
    assert "reports.demo" in found
    assert not is_reports("reportsx.views")


def test_the_statistics_import_no_django_and_nothing_else_of_reports():
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in python_files("reports/stats")
        for line, module in imported_modules(path)
        if module.split(".")[0] in {"django", "wagtail", *OTHER_APPS}
        or (is_reports(module) and not module.startswith("reports.stats"))
    ]
    assert offenders == []


def test_pdf_and_stats_do_not_reach_up_into_pages():
    """The drawing code and the numbers serve the pages; they never import a view."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for folder in ("reports/pdf", "reports/stats")
        for path in python_files(folder)
        for line, module in imported_modules(path)
        if module.endswith((".views", ".urls")) and is_reports(module)
    ]
    assert offenders == []


def test_no_two_report_modules_differ_only_by_a_prefix():
    """``views.py`` beside ``report_views.py`` was the sign of two apps in one folder."""
    stems = {}
    for path in (ROOT / "reports").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        stems.setdefault(path.parent, set()).add(path.stem)
    clashes = [
        f"{folder.relative_to(ROOT)}: {a} and {b}"
        for folder, names in stems.items()
        for a in names for b in names
        if a != b and b.endswith("_" + a)
    ]
    assert clashes == []
