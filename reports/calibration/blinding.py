"""Blind scoring in reports: what one reader may not see yet, and figures computed without it.

The rules belong to the apps that own the scorecards:
``interviews.selectors.scorecards_hidden_from`` (someone who interviews a candidate and
has not submitted sees nobody else's card; reading others' cards needs current hiring-team
membership) and ``assessments.roleplay.roleplays_hidden_from`` (an assessor's unsubmitted
roleplay scorecard hides the other assessors' of that person in that exercise). This
module turns them into a ``Blind`` for one reader and one opening, and every report path
(candidate page and PDF, packets, the calibration page, the ``calibrate`` command) asks
it: withheld scorecards are left out of the evidence *before* anything is computed, so no
mean, spread, knock-out check, agreement or leniency figure carries them either.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, is_dataclass

import numpy as np

INTERVIEWS_WITHHELD = (
    "Interview scorecards for {name} are withheld{whom}: {who} interview{s} this candidate "
    "and {have} not submitted a scorecard yet, and scoring stays blind until then. Figures "
    "computed from interview ratings leave this candidate's out."
)
ROLEPLAY_WITHHELD = (
    "Roleplay scorecards for {name} in {exercises} are withheld{whom}: {who} assess{es} this "
    "candidate there and {have} not submitted yet."
)


@dataclass(frozen=True)
class Blind:
    """What one reader may not see: by application (interviews) and by candidate and
    roleplay exercise. Empty means everything may be shown."""

    interviews: frozenset[int] = frozenset()            # application ids
    roleplays: frozenset[tuple[int, str]] = frozenset()  # (candidate id, exercise slug)
    for_packet: bool = False  # a shared packet names "the person who requested it", not "you"

    def __bool__(self) -> bool:
        return bool(self.interviews or self.roleplays)

    def hides_interviews(self, application_id: int) -> bool:
        return application_id in self.interviews

    def hidden_exercises(self, candidate_id: int) -> list[str]:
        return sorted(slug for cand, slug in self.roleplays if cand == candidate_id)

    def keeps_rating(self, rating) -> bool:
        """For ``interviews.evidence.InterviewRating`` rows."""
        return rating.application_id not in self.interviews

    def keeps_score(self, score) -> bool:
        """For ``assessments.evidence.InstrumentScore`` rows."""
        if score.person_kind != "candidate" or not score.instrument.startswith("roleplay:"):
            return True
        return (score.person_id, score.instrument.partition(":")[2]) not in self.roleplays

    def notes(self, application, exercise_titles: dict[str, str] | None = None) -> list[str]:
        """The sentences that say what is withheld for this application, and why."""
        name = application.candidate.full_name
        whom = " from this packet" if self.for_packet else ""
        who, s, es, have = (("the person who requested it", "s", "es", "has")
                            if self.for_packet else ("you", "", "", "have"))
        out = []
        if self.hides_interviews(application.pk):
            out.append(INTERVIEWS_WITHHELD.format(name=name, whom=whom, who=who, s=s,
                                                  have=have))
        hidden = self.hidden_exercises(application.candidate_id)
        if hidden:
            titles = exercise_titles or {}
            exercises = ", ".join(f"“{titles.get(slug, slug)}”" for slug in hidden)
            out.append(ROLEPLAY_WITHHELD.format(name=name, exercises=exercises, whom=whom,
                                                who=who, es=es, have=have))
        return out


NOBODY = Blind()


def blind_for(user, opening, *, for_packet: bool = False) -> Blind:
    """What ``user`` may not see of the scorecards on ``opening``'s candidates.

    ``user`` None (the command line without ``--user``) sees everything.
    """
    if user is None:
        return NOBODY
    applications = list(opening.applications.all())
    hidden: set[int] = set()
    roleplays: set[tuple[int, str]] = set()
    try:
        from interviews.selectors import scorecards_hidden_from
    except ImportError:
        pass
    else:
        hidden = scorecards_hidden_from(user, applications)
    try:
        from assessments.roleplay import roleplays_hidden_from
    except ImportError:
        pass
    else:
        roleplays = roleplays_hidden_from(user, [a.candidate_id for a in applications])
    return Blind(frozenset(hidden), frozenset(roleplays), for_packet)


def evidence_for_reader(opening, blind: Blind):
    """``evidence_for_opening`` with the reader's withheld scorecards left out beforehand."""
    from reports.calibration.evidence import evidence_for_opening, opening_candidates

    if not blind:
        return evidence_for_opening(opening)
    kwargs = {}
    try:
        from interviews.evidence import interview_ratings
    except ImportError:
        pass
    else:
        kwargs["interview_ratings"] = [r for r in interview_ratings(opening)
                                       if blind.keeps_rating(r)]
    try:
        from assessments.evidence import instrument_scores
    except ImportError:
        pass
    else:
        ids = [req.dimension_id for req in opening.requirements]
        kwargs["instrument_scores"] = [
            s for s in instrument_scores(dimension_ids=ids,
                                         candidate_ids=opening_candidates(opening))
            if blind.keeps_score(s)]
    return evidence_for_opening(opening, **kwargs)


def blinded_calibration(opening, blind: Blind, *, fresh: bool = False) -> dict:
    """``calibrate_opening`` on the evidence ``blind`` leaves to the reader, computed once
    per evidence and withholding.

    The stored snapshot cannot serve a reader who may not see everything (it carries the
    scorecards they may not see), and a live opening usually has someone still to submit,
    so without this every report and API read recalibrated the whole opening. The
    snapshot's own staleness signal is time and events (``snapshots``: a snapshot older
    than the maximum age, or a receiver queueing a recompute), which says nothing about
    whether a payload matches the evidence now. So what is checked here is the evidence
    itself: the reader's evidence is read (a few queries, no computing) and hashed with
    what ``build_calibration`` reads besides it (the opening's id, slug and title, the
    minimum cohort, the payload format) and what ``blind`` withholds. A submitted
    scorecard, a new judgment-test attempt, an import, a new producer or candidate, a
    changed requirement: each changes the hash, and the next read computes anew.

    One cache entry per opening and withholding holds the latest payload with its hash
    (a payload of a thousand candidates is large: older evidence's are replaced, not kept
    beside it until they time out). Any cache Django is configured with will do (the
    default is per process); ``fresh`` computes without the cache.
    """
    from django.conf import settings
    from django.core.cache import cache

    from reports.calibration import compute

    evidence = evidence_for_reader(opening, blind)
    min_n = settings.SELECTION_MIN_COHORT
    if fresh:
        return compute.calibrate_opening(opening, evidence=evidence, min_n=min_n)
    withheld = (sorted(blind.interviews), sorted(blind.roleplays))
    digest = hashlib.sha256()
    _digest((compute.PAYLOAD_FORMAT, opening.pk, opening.slug, opening.title, min_n,
             withheld, evidence), digest)
    signature = digest.hexdigest()
    whom = hashlib.sha256(repr(withheld).encode()).hexdigest()
    key = f"reports:blinded-calibration:{opening.pk}:{whom}"
    cached = cache.get(key)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == signature:
        return cached[1]
    payload = compute.calibrate_opening(opening, evidence=evidence, min_n=min_n)
    # the key names the evidence, so the timeout only frees openings nobody reads
    cache.set(key, (signature, payload),
              timeout=settings.SELECTION_BLIND_CALIBRATION_CACHE_SECONDS)
    return payload


def _digest(value, digest) -> None:
    """Feeds ``value`` (evidence: dataclasses, numpy arrays, containers, plain values) into
    ``digest`` whole: equal values give equal bytes, and the type and length of everything
    go in, so no two different values are fed alike. Order is kept as it is (the
    calibration may depend on it)."""
    if isinstance(value, np.ndarray):
        if value.dtype == object:
            digest.update(b"O" + repr(value.shape).encode())
            for item in value.ravel().tolist():
                _digest(item, digest)
        else:
            digest.update(f"A{value.dtype.str}{value.shape}".encode())
            digest.update(np.ascontiguousarray(value).tobytes())
    elif is_dataclass(value) and not isinstance(value, type):
        digest.update(f"D{type(value).__qualname__}".encode())
        for f in fields(value):
            _digest(getattr(value, f.name), digest)
    elif isinstance(value, dict):
        digest.update(f"M{len(value)}".encode())
        for k, v in value.items():
            _digest(k, digest)
            _digest(v, digest)
    elif isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        digest.update(f"L{type(value).__name__}{len(items)}".encode())
        for item in items:
            _digest(item, digest)
    else:  # str, int, float (repr is exact), bool, None, Decimal, dates
        text = repr(value).encode()
        digest.update(f"V{type(value).__name__}{len(text)}:".encode() + text)


def blind_notes(opening, blind: Blind) -> list[str]:
    """Every withheld-evidence sentence for the opening's candidates (for whole-opening pages)."""
    if not blind:
        return []
    titles = exercise_titles(blind)
    out = []
    for application in opening.applications.select_related("candidate").order_by("pk"):
        out += blind.notes(application, titles)
    return out


def exercise_titles(blind: Blind) -> dict[str, str]:
    slugs = {slug for _, slug in blind.roleplays}
    if not slugs:
        return {}
    from assessments.models import RoleplayExercise

    return dict(RoleplayExercise.objects.filter(slug__in=slugs).values_list("slug", "title"))


def calibration_for_reader(opening, user, *, fresh: bool = False,
                           blind: Blind | None = None, application_ids=(),
                           index: bool = False) -> dict:
    """The calibration payload ``user`` may see (the page and ``calibrate --user``).

    Without anything withheld it is the opening's latest stored snapshot (computed now
    with ``fresh``). Otherwise it is computed from the evidence the reader may see and not
    stored (the stored snapshot stays the whole picture for everyone else), once per
    evidence (``blinded_calibration``); its warnings open with what it leaves out.
    ``blind``: ``blind_for(user, opening)`` when the caller already has it. A stored
    snapshot's candidates come as ``stored_calibration`` gives them (``application_ids``,
    ``index``); a payload computed now has every candidate.
    """
    from reports.calibration.compute import calibrate_opening
    from reports.calibration.snapshots import stored_calibration

    blind = blind_for(user, opening) if blind is None else blind
    if not blind:
        if fresh:
            return calibrate_opening(opening)
        return stored_calibration(opening, application_ids=application_ids, index=index)[0]
    payload = blinded_calibration(opening, blind, fresh=fresh)
    payload["warnings"] = blind_notes(opening, blind) + payload["warnings"]
    return payload


def carried_scorecards(opening, blind: Blind) -> dict:
    """Whose scorecards a document built for ``blind`` carries, in any form (cards, means,
    agreement): every submitted interview scorecard of the opening and every submitted
    roleplay scorecard of its candidates, except those ``blind`` withholds."""
    carried = {"interviews": [], "roleplays": []}
    try:
        from interviews.models import Scorecard
    except ImportError:
        pass
    else:
        ids = set(Scorecard.objects.filter(
            interview__application__opening=opening, state__in=Scorecard.FINAL_STATES,
        ).values_list("interview__application_id", flat=True))
        carried["interviews"] = sorted(i for i in ids if not blind.hides_interviews(i))
    try:
        from assessments.models import RoleplayScorecard
    except ImportError:
        pass
    else:
        pairs = set(RoleplayScorecard.objects.filter(
            candidate__applications__opening=opening, status=RoleplayScorecard.SUBMITTED,
        ).values_list("candidate_id", "exercise__slug"))
        carried["roleplays"] = sorted([c, s] for c, s in pairs if (c, s) not in blind.roleplays)
    return carried


def packet_refusal(packet, user) -> str:
    """Why ``user`` may not download this packet yet ("" when they may).

    A packet is built once, for the person who requested it (their own drafts withhold
    those candidates' scorecards from it), and shared with the opening's managers. A reader
    who interviews or assesses a candidate and has not submitted may not read the packet
    while it carries other people's scorecards on that candidate; they submit first, or
    request a packet of their own, which withholds that candidate's scorecards.
    """
    blind = blind_for(user, packet.opening)
    if not blind:
        return ""
    carried = packet.scorecard_evidence
    if carried is None:  # built before the packet recorded it: assume everything
        carried = carried_scorecards(packet.opening, NOBODY)
    apps = {a.pk: a for a in packet.opening.applications.select_related("candidate")}
    clash = set(blind.interviews) & set(carried.get("interviews", []))
    pairs = {tuple(p) for p in carried.get("roleplays", [])} & set(blind.roleplays)
    clash |= {a.pk for a in apps.values() if any(c == a.candidate_id for c, _ in pairs)}
    if not clash:
        return ""
    names = sorted(apps[pk].candidate.full_name for pk in clash if pk in apps)
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (f"This packet carries other people's scorecards on {listed}, whom you interview "
            "or assess and have not submitted a scorecard for yet; scoring stays blind until "
            "you do. Submit your scorecard, or generate a packet of your own: it leaves out "
            "the scorecards you may not see yet.")


def reader_from_option(email: str | None, opening):
    """The ``--user`` of a report command: None without it; CommandError when the address
    is unknown or that person does not manage the opening (the pages would refuse them)."""
    if not email:
        return None
    from django.contrib.auth import get_user_model
    from django.core.management.base import CommandError

    from selection.access import can_manage_opening

    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise CommandError(f"No active user with the email address {email!r}.")
    if not can_manage_opening(user, opening):
        raise CommandError(f"{email} does not manage {opening.slug}: only HR and the "
                           "opening's hiring managers see its reports.")
    return user
