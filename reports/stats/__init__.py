"""Pure statistics for the Selection reports (numpy + scipy only, no Django).

Arrays in, frozen dataclasses out; NaN marks a missing value on input and an undefined
figure on output (``dataclasses.asdict`` keeps NaN as ``float("nan")``; convert to null for
JSON). Only ``adverse_impact`` raises for invalid counts; the others raise ValueError only
for structurally inconsistent arguments (mismatched shapes, unknown dimension names).
"""

from .cohorts import DimensionDifference, cohort_differences
from .fairness import ImpactRatio, adverse_impact
from .fit import CandidateFit, candidate_fit
from .raters import RaterAgreement, rater_agreement
from .reliability import Consistency, internal_consistency
from .validation import FitValidation, validate_fit
from .validity import Validity, applicant_sd_ratio, predictive_validity

__all__ = [
    "CandidateFit",
    "Consistency",
    "DimensionDifference",
    "FitValidation",
    "ImpactRatio",
    "RaterAgreement",
    "Validity",
    "adverse_impact",
    "applicant_sd_ratio",
    "candidate_fit",
    "cohort_differences",
    "internal_consistency",
    "predictive_validity",
    "rater_agreement",
    "validate_fit",
]
