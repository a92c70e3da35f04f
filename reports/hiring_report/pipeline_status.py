"""The one-sentence status of each candidate on the manager's pipeline board
(``selection.pipeline_board``), from the stored calibration snapshots only: the home page
never starts a computation. A fixed number of queries for any number of openings."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery

from reports.calibration.blinding import Blind
from reports.calibration.compute import PAYLOAD_FORMAT
from reports.hiring_report.headlines import openings_headlines
from reports.models import CalibrationRow, CalibrationSnapshot


def _blind(user, applications) -> Blind:
    from assessments.roleplay import roleplays_hidden_from
    from interviews.selectors import scorecards_hidden_from

    return Blind(frozenset(scorecards_hidden_from(user, applications)),
                 frozenset(roleplays_hidden_from(user, [a.candidate_id for a in applications])))


def pipeline_statuses(user, openings, applications) -> dict[int, dict]:
    """Band and sentence per application id, for the reader ``user`` (blind scoring).

    The snapshot query runs for any non-empty ``openings``, so the home page's query count
    is the same with or without candidates."""
    if not openings:
        return {}
    by_id = {a.opening_id: a.opening for a in applications}
    openings = {o.pk: by_id.get(o.pk, o) for o in openings}
    latest = (CalibrationSnapshot.objects.filter(opening=OuterRef("opening"))
              .order_by("-computed_at", "-pk").values("pk")[:1])
    snapshots = (CalibrationSnapshot.objects.filter(opening_id__in=list(openings))
                 .filter(pk=Subquery(latest)).only("opening_id", "payload"))
    snapshots = [s for s in snapshots if s.payload.get("format") == PAYLOAD_FORMAT]
    if not snapshots or not applications:
        return {}
    rows: dict[int, list[dict]] = {s.pk: [] for s in snapshots}
    for snapshot_id, data in CalibrationRow.objects.filter(
            snapshot_id__in=list(rows), application_id__in=[a.pk for a in applications]
    ).values_list("snapshot_id", "data"):
        rows[snapshot_id].append(data)
    pairs = [(openings[s.opening_id], s.payload | {"candidates": rows[s.pk]})
             for s in snapshots]
    statuses = openings_headlines(pairs, _blind(user, applications),
                                  [a.pk for a in applications])
    return {pk: status | {"board_sentence": board_sentence(status)}
            for pk, status in statuses.items()}


def after_badge(sentence: str, label: str) -> str:
    """The one sentence as it reads after the band's badge: without the band's name in
    front, since the badge says it ("Poor fit: meets 2 of 10..." -> "Meets 2 of 10...")."""
    prefix = f"{label}: "
    if label and sentence.startswith(prefix):
        rest = sentence[len(prefix):]
        return rest[:1].upper() + rest[1:]
    return sentence


def board_sentence(status: dict) -> str:
    """The sentence as the board shows it beside the band's badge: without the band's name
    in front and without "shown below" (the chart is in the report)."""
    text = after_badge(status.get("sentence", ""), status.get("label", ""))
    return text.replace(", shown below.", ".")
