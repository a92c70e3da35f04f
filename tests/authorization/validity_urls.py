"""Matrix rows for the validity-on-hires and pipeline-against-profile pages and the start of
a hire. A profile's pages are for HR and the managers of its openings; interviewers see none.
"""


def _profile(o) -> int:
    from selection.models import Opening

    return Opening.objects.get(slug=o.slug).role_profile_id


MANAGERS = {"anonymous": "login", "candidate": "login", "interviewer": "deny",
            "outsider": "deny", "other_manager": "deny", "manager": "ok", "hr": "ok",
            "superuser": "ok"}

MATRIX: dict = {
    "profile_validity": ("GET", lambda o: f"/reports/profiles/{_profile(o)}/validity/", MANAGERS),
    "profile_pipeline": ("GET", lambda o: f"/reports/profiles/{_profile(o)}/pipeline/", MANAGERS),
    "profile_pipeline_csv": (
        "GET", lambda o: f"/reports/profiles/{_profile(o)}/pipeline.csv", MANAGERS),
    "opening_pipeline": ("GET", lambda o: f"/reports/openings/{o.slug}/pipeline/", MANAGERS),
    "opening_pipeline_csv": (
        "GET", lambda o: f"/reports/openings/{o.slug}/pipeline.csv", MANAGERS),
    # Refused for a candidate who is not hired (a message), but the view runs for managers.
    "application_start": (
        "POST", lambda o: f"/openings/{o.slug}/candidates/{o.app}/start/", MANAGERS),
}
