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

_SLOTS: dict[str, list[Callable]] = {}


def register_panel(slot: str, panel: Callable) -> None:
    panels = _SLOTS.setdefault(slot, [])
    if panel not in panels:
        panels.append(panel)


def panels_for(slot: str, request, **objects) -> list[tuple[str, dict]]:
    return [r for panel in _SLOTS.get(slot, []) if (r := panel(request, **objects)) is not None]


_COUNTS: list[Callable] = []


def register_nav_count(count: Callable) -> None:
    """Adds ``count(user) -> int`` (things due for the user) to the number beside My work."""
    if count not in _COUNTS:
        _COUNTS.append(count)


def nav_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return sum(count(user) for count in _COUNTS)
