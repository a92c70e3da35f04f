"""Generated hostile roleplay scorecard posts: refused with nothing changed, or saved exactly."""

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from assessments import roleplay
from assessments.models import (
    RoleplayBehaviour,
    RoleplayExercise,
    RoleplayRating,
    RoleplayScorecard,
)
from tests.security.conftest import FUZZ, fingerprint

pytestmark = pytest.mark.django_db

TABLES = (RoleplayScorecard, RoleplayRating)
RATINGS = st.one_of(st.integers(-1, 7).map(str),
                    st.sampled_from(["", "3.0", "²", "٣", "9" * 5000, "\x00", "3 "]))
NOTES = st.one_of(st.text(max_size=30), st.sampled_from(["\x00", "a\x00", "<b>unclosed"]))


@pytest.fixture
def card(library, application, interviewer, manager):
    """A draft roleplay scorecard of ``interviewer`` on two behaviours."""
    exercise = RoleplayExercise(title="Discovery call", slug="discovery-call",
                                candidate_brief="Call.", buyer_brief="Be Dana.",
                                duration_minutes=20, live=False)
    exercise.behaviours = [
        RoleplayBehaviour(dimension=library[slug], observable="Asks.", sort_order=n)
        for n, slug in enumerate(["discovery", "negotiating"])
    ]
    exercise.save()
    exercise.save_revision().publish()
    scorecard, _ = roleplay.assign_assessor(
        exercise=RoleplayExercise.objects.get(pk=exercise.pk), assessor=interviewer,
        by=manager, application=application,
    )
    return scorecard


@FUZZ
@given(data=st.data())
def test_hostile_roleplay_posts_are_refused_or_saved_exactly(client, card, interviewer, data):
    RoleplayScorecard.objects.filter(pk=card.pk).update(status="draft", submitted_at=None)
    dims = list(card.exercise.behaviours.values_list("dimension_id", flat=True))
    body = {}
    for dim in dims + [0, 10**20]:
        if data.draw(st.booleans()):
            body[f"rating-{dim}"] = data.draw(st.lists(RATINGS, min_size=1, max_size=2))
        if data.draw(st.booleans()):
            body[f"notes-{dim}"] = data.draw(NOTES)
    body["notes"] = data.draw(NOTES)
    body["action"] = data.draw(st.sampled_from(["save", "save", "submit", "other"]))
    client.force_login(interviewer)
    before = fingerprint(*TABLES)
    response = client.post(f"/assessments/roleplay/{card.pk}/", body)
    assert response.status_code in (302, 400), response.status_code
    event(f"answered {response.status_code}")
    if response.status_code == 400:
        assert fingerprint(*TABLES) == before, "a refused roleplay post changed the scorecard"
        return
    saved = {r.dimension_id: r for r in RoleplayRating.objects.filter(scorecard=card)}
    for dim in dims:
        posted = body.get(f"rating-{dim}", [""])[-1]
        expected = int(posted) if posted.strip() else None
        assert saved[dim].rating == expected
        assert saved[dim].notes == body.get(f"notes-{dim}", "").strip()
    assert RoleplayScorecard.objects.get(pk=card.pk).notes == body["notes"]


@pytest.mark.parametrize("field", ["rating", "notes"])
@pytest.mark.parametrize("value", ["²", "9" * 5000, "a\x00b"])
def test_odd_characters_are_a_400_with_nothing_changed(client, card, interviewer, field, value):
    dim = card.exercise.behaviours.first().dimension_id
    client.force_login(interviewer)
    before = fingerprint(*TABLES)
    response = client.post(f"/assessments/roleplay/{card.pk}/",
                           {f"{field}-{dim}": value, "action": "save"})
    if field == "notes" and value != "a\x00b":
        assert response.status_code == 302  # long or odd text is fine as a note
        return
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before

