"""Matrix rows for references and background checks (kept apart so the list stays readable).

The candidate's and the referees' links are public by token: whoever holds the link may use
it (it is the credential), so every visitor kind gets the page or a refusal of the input
(410 once used). Staff pages: the opening's managers, and HR alone for background checks.
"""

EVERYONE = dict.fromkeys(["anonymous", "candidate", "interviewer", "outsider",
                          "other_manager", "manager", "hr", "superuser"], "ok")
MANAGERS = {"anonymous": "login", "candidate": "login", "interviewer": "deny",
            "outsider": "deny", "other_manager": "deny", "manager": "ok", "hr": "ok",
            "superuser": "ok"}
HR_ONLY = {**MANAGERS, "manager": "deny"}


def referee_token(o) -> str:
    """The demo referee who is still answering (a saved draft)."""
    from assessments.models import Referee
    from assessments.references.links import referee_token as token

    return token(Referee.objects.get(email="jonas.aalto@kalevi.example"))


def candidate_token(o) -> str:
    """The demo finalist who has been asked and has not named referees yet."""
    from assessments.models import ReferenceRequest
    from assessments.references.links import candidate_token as token

    return token(ReferenceRequest.objects.filter(named_at__isnull=True).get())


def finalist(o) -> int:
    from assessments.models import ReferenceRequest

    return ReferenceRequest.objects.filter(named_at__isnull=True).get().application_id


MATRIX: dict = {
    # Public by token.
    "assessments:name_referees": (
        "GET", lambda o: f"/assessments/c/{candidate_token(o)}/referees/", EVERYONE),
    "assessments:reference_form": (
        "GET", lambda o: f"/assessments/r/{referee_token(o)}/", EVERYONE),
    "assessments:reference_save": (
        "POST", lambda o: f"/assessments/r/{referee_token(o)}/answers/", EVERYONE),
    "assessments:reference_decline": (
        "POST", lambda o: f"/assessments/r/{referee_token(o)}/decline/", EVERYONE),
    # Staff.
    "assessments:reference_form_page": (
        "GET", lambda o: f"/assessments/openings/{o.slug}/references/", MANAGERS),
    "assessments:reference_form_edit": (
        "POST", lambda o: f"/assessments/openings/{o.slug}/references/edit/", MANAGERS),
    "assessments:checks_edit": (
        "POST", lambda o: f"/assessments/openings/{o.slug}/checks/", HR_ONLY),
    "assessments:request_references": (
        "POST", lambda o: f"/assessments/candidates/{finalist(o)}/references/", MANAGERS),
    "assessments:record_background": (
        "POST", lambda o: f"/assessments/candidates/{finalist(o)}/background/", HR_ONLY),
    "assessments:record_notice": (
        "POST", lambda o: f"/assessments/candidates/{finalist(o)}/background/notice/", HR_ONLY),
}
