"""Figures in words, for the pages a hiring manager reads (pure functions, no Django).

Every figure on a manager's page says what it means where it stands; these functions
write those words once so the calibration page, the hiring report and the PDF agree.

* Interviewer agreement (``agreement_words``): an intraclass correlation is read with
  Koo & Li's (2016) guideline, "Koo TK, Li MY. A guideline of selecting and reporting
  intraclass correlation coefficients for reliability research. J Chiropr Med 15:155-163":
  below 0.50 poor, 0.50 to 0.75 moderate, 0.75 to 0.90 good, above 0.90 excellent. We say
  "agree well" from 0.75 (good or excellent), "agree moderately" from 0.50, "agree poorly"
  below. Krippendorff's alpha is read with Krippendorff's (2004) own cut-offs: reliable from
  0.800, tentative conclusions only from 0.667; "well", "moderately", "poorly" likewise.
* Where two frames disagree (``frames_disagree``): a requirement whose level meets its
  target while the candidate is below most top producers on that dimension (percentile
  among the top producers under 25), or the reverse (below target, above most top producers:
  percentile 75 or more), is named in words with both figures and the likely causes.
"""

from __future__ import annotations

ICC_WELL, ICC_MODERATE = 0.75, 0.50            # Koo & Li (2016)
ALPHA_WELL, ALPHA_MODERATE = 0.800, 0.667      # Krippendorff (2004)
BELOW_MOST_TOP = 25.0   # percentile among top producers below which "below most top producers"
ABOVE_MOST_TOP = 75.0   # ... from which "above most top producers"

INSTRUMENT_WORDS = {"sjt": "judgment test", "roleplay": "roleplay",
                    "psychometric": "psychometrics"}


def agreement_words(value: float | None, statistic: str = "icc") -> str | None:
    """"interviewers agree well / moderately / poorly" for an ICC or Krippendorff's alpha."""
    if value is None or value != value:  # None or NaN
        return None
    well, moderate = (ALPHA_WELL, ALPHA_MODERATE) if statistic == "alpha" else (
        ICC_WELL, ICC_MODERATE)
    if value >= well:
        return "interviewers agree well"
    if value >= moderate:
        return "interviewers agree moderately"
    return "interviewers agree poorly"


def percentile_words(percentile: float | None, cohort: str = "top producers",
                     n: int | None = None) -> str | None:
    """"scores above 70 % of the top producers (n = 24)": what a Pct top of 70 means."""
    if percentile is None or percentile != percentile:
        return None
    of = f" (n = {n})" if n is not None else ""
    return f"scores above {round(percentile)} % of the {cohort}{of}"


def sjt_total_words(total: float | None, scale: str, percentile: float | None,
                    n: int | None) -> str:
    """An SJT total on its scale and where it falls among the producers who took the test."""
    if total is None:
        return "no total"
    low, _, high = scale.partition(" to ")
    where = (f"; among the {n} producer{'s' if n != 1 else ''} who took this test it is above "
             f"{round(percentile)} % of them" if percentile is not None and n else
             "; no producer has taken this test yet, so there is nothing to compare it with")
    return (f"{total:.2f} on a scale from {low} (worst) to {high} (best, the experts' "
            f"key){where}")


def evidence_words(interview: float | None, assessment: float | None) -> str:
    """What a requirement's level rests on: "interview", "assessments" or both."""
    if interview is not None and assessment is not None:
        return "interview and assessments"
    return "interview" if interview is not None else "assessments"


def producer_evidence_words(instruments: list[str]) -> str:
    """The producers' evidence on a dimension from its instrument keys ("sjt:...", ...)."""
    kinds = []
    for key in instruments:
        word = INSTRUMENT_WORDS.get(key.partition(":")[0], key.partition(":")[0])
        if word not in kinds:
            kinds.append(word)
    if not kinds:
        return "no instrument"
    return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def frames_disagree(*, level: float | None, target: float, percentile_top: float | None,
                    candidate_evidence: str, producer_evidence: str) -> str | None:
    """The sentence for a requirement where the target and the top producers disagree.

    Meeting the target (level >= target) while below most top producers (percentile < 25),
    or missing it while above most top producers (percentile >= 75); None otherwise or
    when either figure is missing.
    """
    if level is None or percentile_top is None or percentile_top != percentile_top:
        return None
    pct = round(percentile_top)
    sources = f"({candidate_evidence} against {producer_evidence})"
    if level >= target and percentile_top < BELOW_MOST_TOP:
        return (f"Meets the target of {_number(target)}, yet below most top producers on "
                f"this dimension (percentile {pct}): the target may be set low, or this "
                f"evidence differs from the producers' {sources}.")
    if level < target and percentile_top >= ABOVE_MOST_TOP:
        return (f"Below the target of {_number(target)}, yet above most top producers on "
                f"this dimension (percentile {pct}): the target may be set high, or this "
                f"evidence differs from the producers' {sources}.")
    return None
