"""The manager's pipeline board: per opening, one column per active stage, each candidate
with the days in that stage and, where the reports know it, the one-sentence status.

The sentence comes from the hiring report's rule, which lives in ``reports``; the hiring
core may not import it, so ``reports`` registers a provider here
(``register_status_provider``), called once for every candidate on the board.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from .models import Application, Opening

_providers: list[Callable] = []


def register_status_provider(provider: Callable) -> None:
    """``provider(user, openings, applications) -> {application_id: {"key", "label",
    "sentence"}}``, in a fixed number of queries for any number of openings and applications."""
    if provider not in _providers:
        _providers.append(provider)


@dataclass
class Card:
    application: Application
    days_in_stage: int
    status: dict | None = None


#: Cards shown per stage on the home page; the rest are counted and linked to the
#: opening's page, so a volume opening does not make the home page thousands of pixels long.
CARDS_PER_COLUMN = 5


@dataclass
class Column:
    label: str
    cards: list[Card]
    more: int = 0
    """How many more candidates are in this stage than the column shows."""


@dataclass
class Board:
    opening: Opening
    columns: list[Column] = field(default_factory=list)


def boards(user, openings: list[Opening], now=None) -> list[Board]:
    """One board per opening; one query for the applications plus the providers' own. Each
    stage shows the candidates who have waited longest in it, at most ``CARDS_PER_COLUMN``."""
    now = now or timezone.now()
    applications = list(
        Application.objects.filter(opening__in=openings, stage__in=Application.ACTIVE_STAGES)
        .select_related("candidate", "opening__role_profile_revision")
        .order_by("stage_changed_at", "pk")
    )
    statuses: dict[int, dict] = {}
    for provider in _providers:
        statuses.update(provider(user, openings, applications))
    labels = dict(Application.STAGES)
    by_opening = {o.pk: {stage: [] for stage in Application.ACTIVE_STAGES} for o in openings}
    for a in applications:
        by_opening[a.opening_id][a.stage].append(
            Card(a, (now - a.stage_changed_at).days, statuses.get(a.pk)))
    return [Board(o, [Column(labels[stage], cards[:CARDS_PER_COLUMN],
                             max(0, len(cards) - CARDS_PER_COLUMN))
                      for stage, cards in by_opening[o.pk].items()])
            for o in openings]
