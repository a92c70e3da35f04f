"""Slots where other apps add a section to a hiring-core page.

``register_panel("application", fn)`` adds ``fn(request, application=...)`` to the
candidate page; ``"application_summary"`` likewise, at the top of it (what a manager reads
first); ``"opening"`` receives ``opening=...``;
``"submitted_scorecards"`` receives ``application=...`` on an interviewer's page of the
other scorecards, shown once the blind rule lets them see those. A panel returns
``(template_name, context)`` or ``None``. The page has already checked access to the
opening; a panel checks anything finer itself.
"""

from collections.abc import Callable
from dataclasses import dataclass

_SLOTS: dict[str, list[Callable]] = {}


def register_panel(slot: str, panel: Callable) -> None:
    panels = _SLOTS.setdefault(slot, [])
    if panel not in panels:
        panels.append(panel)


def panels_for(slot: str, request, **objects) -> list[tuple[str, dict]]:
    return [r for panel in _SLOTS.get(slot, []) if (r := panel(request, **objects)) is not None]


@dataclass(frozen=True)
class Due:
    """One kind of thing due in the top bar: ``Due(2, "scorecard to write",
    "scorecards to write")`` reads "2 scorecards to write"."""

    number: int
    one: str
    many: str

    def __str__(self) -> str:
        return f"{self.number} {self.one if self.number == 1 else self.many}"


_COUNTS: list[Callable] = []


def register_nav_count(count: Callable) -> None:
    """Adds ``count(user) -> list[Due]`` (things due for the user) to the number beside
    My work."""
    if count not in _COUNTS:
        _COUNTS.append(count)


def nav_counts(user) -> list[Due]:
    """Each kind of thing due for the user, those with none left out."""
    if not user.is_authenticated:
        return []
    return [due for count in _COUNTS for due in count(user) if due.number]


def nav_count(user) -> int:
    return sum(due.number for due in nav_counts(user))
