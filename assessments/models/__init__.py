"""Assessments models: authored instruments, SJT delivery, and the evidence they produce."""

from .authoring import (
    JudgmentTest,
    PsychometricScale,
    ResponseOption,
    RoleplayBehaviour,
    RoleplayExercise,
    Scenario,
)
from .delivery import SJTAttempt, SJTInvitation
from .records import PerformanceRecord, PsychometricScore, RoleplayRating, RoleplayScorecard
from .references import (
    BackgroundCheck,
    Referee,
    ReferenceForm,
    ReferenceFormQuestion,
    ReferenceQuestion,
    ReferenceRequest,
)

__all__ = [
    "BackgroundCheck",
    "Referee",
    "ReferenceForm",
    "ReferenceFormQuestion",
    "ReferenceQuestion",
    "ReferenceRequest",
    "JudgmentTest",
    "PerformanceRecord",
    "PsychometricScale",
    "PsychometricScore",
    "ResponseOption",
    "RoleplayBehaviour",
    "RoleplayExercise",
    "RoleplayRating",
    "RoleplayScorecard",
    "SJTAttempt",
    "SJTInvitation",
    "Scenario",
]
