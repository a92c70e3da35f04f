"""A referee's signed link: one submission, decline, expiry, rate limit, and nothing else
of the candidate's file on the page."""

from datetime import timedelta

from django.utils import timezone

from assessments.models import Referee
from tests.assessments.references.conftest import answers_for


def save_url(link: str) -> str:
    return link + "answers/"


def test_one_submission_then_the_link_answers_410(anon, referee, referee_link):
    page = anon.get(referee_link)
    assert page.status_code == 200
    response = anon.post(save_url(referee_link), answers_for(referee, action="submit"))
    assert response.status_code == 200
    assert "Your reference is submitted" in response.content.decode()
    referee.refresh_from_db()
    assert referee.status == "answered"
    assert referee.answers[f"q{referee.request.questions[0]['id']}"]["rating"] == 4
    assert anon.get(referee_link).status_code == 410
    second = anon.post(save_url(referee_link), answers_for(referee, rating="1", action="submit"))
    assert second.status_code == 410
    referee.refresh_from_db()
    assert referee.answers[f"q{referee.request.questions[0]['id']}"]["rating"] == 4


def test_a_submission_without_the_rehire_answer_is_saved_not_submitted(anon, referee,
                                                                       referee_link):
    data = answers_for(referee, action="submit")
    del data["rehire"]
    response = anon.post(save_url(referee_link), data)
    assert response.status_code == 400
    assert "whether you would hire or work with them again" in response.content.decode()
    referee.refresh_from_db()
    assert referee.submitted_at is None and referee.answers["relationship"]


def test_a_rating_outside_one_to_five_changes_nothing(anon, referee, referee_link):
    anon.post(save_url(referee_link), answers_for(referee, rating="3"))
    for bad in ("6", "0", "-1", "٣", "4.5"):
        response = anon.post(save_url(referee_link), answers_for(referee, rating=bad))
        assert response.status_code == 400, bad
    referee.refresh_from_db()
    assert {a["rating"] for k, a in referee.answers.items() if k.startswith("q")} == {3}


def test_an_oversized_comment_is_refused_whole(anon, referee, referee_link):
    response = anon.post(save_url(referee_link), answers_for(referee, comment="x" * 2001))
    assert response.status_code == 400
    assert "longer than 2000 characters" in response.content.decode()
    referee.refresh_from_db()
    assert referee.answers == {} and referee.saved_at is None


def test_declining_closes_the_link_and_keeps_nothing_written(anon, referee, referee_link):
    anon.post(save_url(referee_link), answers_for(referee))
    response = anon.post(referee_link + "decline/", {"reason": "Policy: dates only."})
    assert response.status_code == 200
    referee.refresh_from_db()
    assert referee.status == "declined"
    assert referee.answers == {} and referee.decline_reason == "Policy: dates only."
    assert anon.get(referee_link).status_code == 410
    assert anon.post(save_url(referee_link), answers_for(referee)).status_code == 410


def test_an_expired_link_answers_410_and_saves_nothing(anon, referee, referee_link):
    Referee.objects.filter(pk=referee.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1))
    assert anon.get(referee_link).status_code == 410
    assert anon.post(save_url(referee_link), answers_for(referee)).status_code == 410
    assert anon.post(referee_link + "decline/").status_code == 410
    referee.refresh_from_db()
    assert referee.answers == {} and referee.declined_at is None


def test_a_forged_link_is_refused(anon, referee_link):
    token = referee_link.split("/")[3]
    assert anon.get(f"/assessments/r/{token[:-2]}xx/").status_code == 403
    assert anon.get("/assessments/r/nonsense/").status_code == 403


def test_a_link_used_too_often_answers_429(anon, referee_link, settings):
    settings.SELECTION_LINK_RATE_LIMIT = 3
    assert [anon.get(referee_link).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_the_referee_sees_nothing_else_of_the_candidates_file(anon, client, referees,
                                                              referee_link, finalist):
    from selection.pipeline import record_decision

    record_decision(application=finalist, outcome="advance",
                    rationale="Secret rationale of the calibration meeting",
                    by=finalist.opening.team.first().user)
    text = anon.get(referee_link).content.decode()
    assert "Grace Hopper" in text and finalist.opening.title in text
    for private in (finalist.candidate.email, "Secret rationale", referees[1].name,
                    referees[1].email, "Calibration", "calibration"):
        assert private not in text
    assert "Log out" not in text


def test_the_privacy_notice_says_who_reads_and_how_long_answers_are_kept(anon, referee_link,
                                                                         settings):
    settings.SELECTION_REFERENCE_RETENTION_DAYS = 200
    text = anon.get(referee_link).content.decode()
    assert "Who reads your answers" in text
    assert "The HR team and the hiring manager for this opening read them" in text
    assert "The candidate does not see them" in text
    assert "kept for 200 days after you give them and then erased" in text
