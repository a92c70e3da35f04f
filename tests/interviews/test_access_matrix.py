"""Every interviews URL against every kind of user: who is allowed, who is refused."""

import pytest

from interviews import planning
from tests import factories
from tests.interviews.conftest import card_of, complete

USERS = ["anonymous", "assigned", "unassigned", "manager", "other_manager", "hr"]
# url, method, expected status per user in USERS order (302 for anonymous = login redirect)
MATRIX = [
    ("/interviews/", "get", [302, 200, 200, 200, 200, 200]),
    ("/interviews/scorecards/{draft}/", "get", [302, 200, 403, 403, 403, 403]),
    ("/interviews/scorecards/{draft}/", "post", [302, 302, 403, 403, 403, 403]),
    ("/interviews/scorecards/{draft}/autosave/", "post", [302, 200, 403, 403, 403, 403]),
    ("/interviews/scorecards/{final}/amend/", "get", [302, 200, 403, 403, 403, 403]),
    ("/interviews/scorecards/{final}/amend/", "post", [302, 302, 403, 403, 403, 403]),
    ("/interviews/scorecards/{final}/others/", "get", [302, 200, 403, 403, 403, 403]),
    ("/interviews/openings/{slug}/kit/", "get", [302, 403, 403, 200, 403, 200]),
    ("/interviews/openings/{slug}/kit/build/", "post", [302, 403, 403, 302, 403, 302]),
    ("/interviews/openings/{slug}/kit/swap/", "post", [302, 403, 403, 302, 403, 302]),
    ("/interviews/openings/{slug}/plan/", "get", [302, 403, 403, 200, 403, 200]),
    ("/interviews/openings/{slug}/plan/", "post", [302, 403, 403, 302, 403, 302]),
    ("/interviews/openings/{slug}/plan/auto/", "post", [302, 403, 403, 302, 403, 302]),
    ("/interviews/openings/{slug}/candidates/{app}/schedule/", "post",
     [302, 403, 403, 302, 403, 302]),
    ("/interviews/openings/{slug}/calibration-session/", "get", [302, 403, 403, 200, 403, 200]),
    ("/interviews/openings/{slug}/calibration-session/", "post",
     [302, 403, 403, 302, 403, 302]),
]


@pytest.fixture
def world(scheduled, planned, interviewer, outsider, manager, other_manager, hr, other_opening):
    """Two candidates: the assigned interviewer submitted one scorecard, drafts the other."""
    final = complete(card_of(interviewer, scheduled), interviewer)
    second = factories.make_application(scheduled.opening, "Grace", "Hopper")
    planning.schedule_interviews(application=second, by=manager)
    draft = card_of(interviewer, second)
    users = {"anonymous": None, "assigned": interviewer, "unassigned": outsider,
             "manager": manager, "other_manager": other_manager, "hr": hr}
    ids = {"draft": draft.pk, "final": final.pk, "slug": scheduled.opening.slug,
           "app": second.pk}
    return users, ids, (draft, final, scheduled, planned)


def _payload(url: str, objects) -> dict:
    """Valid form data for a URL, read fresh so that earlier requests do not make it stale."""
    draft, final, application, kit = objects
    draft.refresh_from_db()
    final.refresh_from_db()
    slots = planning.kit_questions(kit)
    payloads = {
        "autosave": {"version": draft.version, "rationale": "typed"},
        "scorecards/{draft}/": {"version": draft.version, "rationale": "typed"},
        "amend": {"version": final.version, "rationale": "again", "reason": "typo"},
        "swap": {"kit_question": slots[0].pk, "question": slots[0].question_id},
        "plan/": {f"slot-{s.pk}": s.interviewer_id for s in slots},
        "calibration": {"application": application.pk,
                        f"app{application.pk}-outcome": "advance",
                        f"app{application.pk}-rationale": "Strong panel."},
    }
    for key, data in payloads.items():
        if key in url:
            return data
    return {}


@pytest.mark.parametrize("who", USERS)
def test_access(client, world, who):
    users, ids, objects = world
    if users[who] is not None:
        client.force_login(users[who])
    for url, method, expected in MATRIX:
        status = expected[USERS.index(who)]
        target = url.format(**ids)
        if method == "post":
            response = client.post(target, _payload(url, objects))
        else:
            response = client.get(target)
        assert response.status_code == status, f"{who} {method} {target}"
        if who == "anonymous":
            assert "/accounts/login/" in response["Location"]
