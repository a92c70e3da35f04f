"""The server decides the time limit: late answers are refused and the attempt is scored."""

from datetime import timedelta

import pytest

from assessments.models import SJTAttempt

from .conftest import options_of

pytestmark = pytest.mark.django_db


def started(anon, link):
    anon.post(link + "start/")
    return SJTAttempt.objects.get()


def test_answer_after_deadline_is_refused_and_attempt_scored_with_saved(anon, link, sjt_test):
    attempt = started(anon, link)
    s1 = sjt_test.scenarios.order_by("sort_order").first()
    o1 = options_of(sjt_test)[0]
    anon.post(link + "answers/", {f"s{s1.pk}-o{pk}": str(k)
                                  for pk, k in zip(o1, [5, 4, 2, 1], strict=True)})
    SJTAttempt.objects.filter(pk=attempt.pk).update(
        started_at=attempt.started_at - timedelta(minutes=31)
    )
    late = anon.post(link + "answers/", {f"s{s1.pk}-o{o1[0]}": "1", "action": "submit"})
    assert late.status_code == 410
    assert b"Time is up" in late.content
    attempt.refresh_from_db()
    assert attempt.completion == SJTAttempt.TIMED_OUT
    assert attempt.answers[str(s1.pk)][str(o1[0])] == 5          # the late change was refused
    assert attempt.scenario_scores[str(s1.pk)] == 1.0            # scored with what was saved
    assert attempt.total_score == 1.0                  # scenario 2 unanswered: left out, not 0
    assert (attempt.items_answered, attempt.items_total) == (4, 8)


def test_reload_after_deadline_closes_the_attempt(anon, link):
    attempt = started(anon, link)
    SJTAttempt.objects.filter(pk=attempt.pk).update(
        started_at=attempt.started_at - timedelta(hours=2)
    )
    response = anon.get(link)
    assert response.status_code == 410 and b"Time is up" in response.content
    attempt.refresh_from_db()
    assert attempt.completed_at is not None and attempt.total_score is None  # nothing answered
    assert (attempt.items_answered, attempt.items_total) == (0, 8)


def test_answer_just_before_deadline_is_accepted(anon, link, sjt_test):
    attempt = started(anon, link)
    SJTAttempt.objects.filter(pk=attempt.pk).update(
        started_at=attempt.started_at - timedelta(minutes=29, seconds=50)
    )
    s1 = sjt_test.scenarios.order_by("sort_order").first()
    o1 = options_of(sjt_test)[0]
    response = anon.post(link + "answers/", {f"s{s1.pk}-o{o1[0]}": "3"}, HTTP_X_AUTOSAVE="1")
    assert response.status_code == 200
    assert response.json()["seconds_left"] <= 10
