"""Demo self-identification answers and the first calibration of each open demo opening."""

from django.utils import timezone

from reports.calibration.compute import latest_snapshot, store_snapshot
from reports.models import SelfIdentification, self_id_groups
from selection.models import Candidate, Opening

DEMO_OPENINGS = ["ae-nordics", "sdr-london"]
# Per demo candidate in name order: a group index, "declined", or None (never asked).
PATTERN = [0, 1, 0, 1, "declined", 0, 1, 2, 1, 0, None, 1, 0, "declined", 1, None]


def seed(stdout=None) -> dict[str, int]:
    """Creates missing self-identification records and first snapshots; returns counts."""
    groups = self_id_groups()
    created_ids = 0
    candidates = Candidate.objects.filter(
        applications__opening__slug__in=DEMO_OPENINGS).distinct().order_by("email")
    for candidate, choice in zip(candidates, PATTERN, strict=False):
        if choice is None:
            continue
        declined = choice == "declined"
        _, new = SelfIdentification.objects.get_or_create(
            candidate=candidate,
            defaults={
                "group_label": "" if declined else groups[choice % len(groups)],
                "consent_given_at": None if declined else timezone.now(),
            },
        )
        created_ids += new
    # The past hires first: once linked to their producer records they join the producer
    # comparison, so a snapshot stored before them would already be out of date.
    from reports.validity.demo import seed as seed_past_hires

    past_hires = seed_past_hires(stdout)
    snapshots = 0
    for opening in Opening.objects.filter(status=Opening.OPEN).order_by("pk"):
        if latest_snapshot(opening) is None:
            store_snapshot(opening)
            snapshots += 1
    return {"self-identifications": created_ids, "calibration snapshots": snapshots,
            **past_hires}
