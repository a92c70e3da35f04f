"""The candidate's voluntary self-identification step hands its answer to whoever keeps it.

This app shows the step on the candidate's test link; where the answer is stored, and
the privacy notice that says how it is used, belong to the fairness monitoring in
``reports``, which registers itself here when it starts (``provide_keeper``). Without a
keeper the step is not offered.
"""

from __future__ import annotations

from typing import Protocol


class Keeper(Protocol):
    PRIVACY_NOTICE: list[str]
    SelfIdentificationRefused: type[Exception]

    def question_choices(self) -> list[tuple[str, str]]: ...

    def record_answer(self, candidate, group: str, consent: bool): ...


_keeper: Keeper | None = None


def provide_keeper(keeper: Keeper) -> None:
    """Registers what stores the answers (``reports.calibration.self_identification``)."""
    global _keeper
    _keeper = keeper


def keeper() -> Keeper | None:
    return _keeper
