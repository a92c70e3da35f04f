"""Matrix rows for scheduling, calendar feeds and the emails-and-calendar page."""

SIGNED_IN = {"anonymous": "login", "candidate": "login", "interviewer": "ok", "outsider": "ok",
             "other_manager": "ok", "manager": "ok", "hr": "ok", "superuser": "ok"}
MANAGERS = {"anonymous": "login", "candidate": "login", "interviewer": "deny",
            "outsider": "deny", "other_manager": "deny", "manager": "ok", "hr": "ok",
            "superuser": "ok"}
# The feed's secret token is the key (calendar apps cannot log in): whoever holds the
# address reads that one person's interviews; a wrong token is a 404
# (tests/interviews/test_calendar_feed.py).
TOKEN_HOLDER = dict.fromkeys(SIGNED_IN, "ok")


def _feed_path(o) -> str:
    from django.contrib.auth import get_user_model

    from interviews.feeds import feed_for

    owner = get_user_model().objects.get(email="interviewer@demo.selection")
    return f"/interviews/calendar/{feed_for(owner).token}.ics"


MATRIX: dict = {
    "account_notifications": ("GET", lambda o: "/people/me/notifications/", SIGNED_IN),
    "interviews:schedule_times": (
        "GET", lambda o: f"/interviews/openings/{o.slug}/candidates/{o.app}/times/", MANAGERS),
    "interviews:calendar_reset": ("POST", lambda o: "/interviews/calendar/reset/", SIGNED_IN),
    "interviews:calendar_feed": ("GET", _feed_path, TOKEN_HOLDER),
}
