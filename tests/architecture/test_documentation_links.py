"""The README and docs/ link only to files in the repository, and nothing points outside it."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
OUTSIDE = "/".join(["..", "shared"])  # the folder beside a checkout that a clone lacks
SKIPPED_FOLDERS = {".git", ".venv", "node_modules", "media", "static", "test-artifacts",
                   "__pycache__", ".pytest_cache", ".ruff_cache"}


def local_links(document: Path) -> list[str]:
    return [
        target for target in LINK.findall(document.read_text())
        if not re.match(r"^(https?:|mailto:|#)", target)
    ]


def test_the_docs_the_readme_promises_exist():
    for name in ("architecture.md", "calibration.md", "operations.md"):
        assert (ROOT / "docs" / name).is_file(), name
    readme_links = local_links(ROOT / "README.md")
    for name in ("docs/architecture.md", "docs/calibration.md", "docs/operations.md"):
        assert name in readme_links


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_local_link_resolves_inside_the_repository(document):
    broken = []
    for target in local_links(document):
        path = (document.parent / target.split("#", 1)[0]).resolve()
        if not path.exists() or ROOT not in path.parents and path != ROOT:
            broken.append(target)
    assert broken == [], f"{document.name} links to {broken}"


def test_the_link_check_catches_a_link_outside(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"See [the design]({OUTSIDE}/DESIGN.md) and [web](https://example.org).")
    assert local_links(page) == [f"{OUTSIDE}/DESIGN.md"]


def test_nothing_in_the_repository_points_to_the_shared_folder():
    offenders = []
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if (not path.is_file() or SKIPPED_FOLDERS & set(relative.parts)
                or relative.parts[0].endswith(".egg-info")
                or path.suffix in {".png", ".pdf", ".ttf", ".pyc", ".sqlite3", ".gz"}):
            continue
        try:
            text = path.read_text()
        except UnicodeDecodeError:
            continue
        if OUTSIDE in text:
            offenders.append(relative.as_posix())
    assert offenders == []
