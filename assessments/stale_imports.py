"""Imports HR should refresh: the newest performance figures or psychometric scores of an
instrument older than ``SELECTION_IMPORT_STALE_DAYS`` days (two queries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from .models import PerformanceRecord, PsychometricScore


@dataclass
class StaleImport:
    what: str
    last: object  # datetime of the newest row
    days: int
    url: str


def stale_imports(now=None) -> list[StaleImport]:
    """Each import kind whose newest row is older than the setting, oldest first.

    An import never made is not listed: there is nothing to refresh yet.
    """
    now = now or timezone.now()
    limit = now - timedelta(days=settings.SELECTION_IMPORT_STALE_DAYS)
    found = []
    newest = PerformanceRecord.objects.aggregate(last=Max("imported_at"))["last"]
    if newest and newest < limit:
        found.append(StaleImport("Producers' performance figures", newest,
                                 (now - newest).days,
                                 reverse("assessments:import_performance")))
    rows = (PsychometricScore.objects.values("scale__instrument")
            .annotate(last=Max("imported_at")).filter(last__lt=limit)
            .order_by("scale__instrument"))
    for row in rows:
        found.append(StaleImport(f"Psychometric scores: {row['scale__instrument']}",
                                 row["last"], (now - row["last"]).days,
                                 reverse("assessments:import_psychometrics")))
    return sorted(found, key=lambda s: s.last)
