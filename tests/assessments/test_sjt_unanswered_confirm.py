"""Taking a test: a progress count stays on the page, and a submit with items unanswered
asks for confirmation first; nothing is submitted until it is confirmed (issue 14)."""

import pytest

from assessments.models import SJTAttempt

from .conftest import KEYS, options_of

pytestmark = pytest.mark.django_db


def first_scenario_rated(sjt_test) -> dict:
    s1 = sjt_test.scenarios.order_by("sort_order").first()
    return {f"s{s1.pk}-o{pk}": str(k) for pk, k in zip(options_of(sjt_test)[0], KEYS[0],
                                                       strict=True)}


def all_rated(sjt_test) -> dict:
    fields = {}
    for scenario, options, keys in zip(sjt_test.scenarios.order_by("sort_order"),
                                       options_of(sjt_test), KEYS, strict=True):
        fields.update({f"s{scenario.pk}-o{pk}": str(k)
                       for pk, k in zip(options, keys, strict=True)})
    return fields


def test_progress_count_is_rendered_and_follows_saved_answers(anon, link, sjt_test):
    anon.post(link + "start/")
    page = anon.get(link).content.decode()
    assert '<strong id="sjt-answered">0</strong> of <span id="sjt-items">8</span> rated' in page
    anon.post(link + "answers/", {**first_scenario_rated(sjt_test), "action": "save"})
    page = anon.get(link).content.decode()
    assert '<strong id="sjt-answered">4</strong> of <span id="sjt-items">8</span> rated' in page


def test_submit_with_unanswered_items_asks_first_and_submits_only_when_confirmed(
        anon, link, sjt_test):
    anon.post(link + "start/")
    answers = first_scenario_rated(sjt_test)
    asked = anon.post(link + "answers/", {**answers, "action": "submit"})
    page = asked.content.decode()
    assert asked.status_code == 200 and "Thank you" not in page
    assert "4 of 8 responses are not rated yet." in page
    assert 'name="action" value="submit-confirmed">Submit with 4 unanswered</button>' in page
    attempt = SJTAttempt.objects.get()
    assert attempt.completed_at is None and attempt.completion == ""
    assert attempt.total_score is None
    assert len(attempt.answers[next(iter(attempt.answers))]) == 4  # saved, not submitted
    assert anon.get(link).status_code == 200                       # the test is still open

    done = anon.post(link + "answers/", {**answers, "action": "submit-confirmed"})
    assert done.status_code == 200 and b"Thank you" in done.content
    attempt.refresh_from_db()
    assert attempt.completion == SJTAttempt.SUBMITTED
    assert (attempt.items_answered, attempt.items_total) == (4, 8)


def test_a_confirm_incomplete_field_also_confirms(anon, link, sjt_test):
    anon.post(link + "start/")
    done = anon.post(link + "answers/", {**first_scenario_rated(sjt_test), "action": "submit",
                                         "confirm_incomplete": "1"})
    assert b"Thank you" in done.content
    assert SJTAttempt.objects.get().completion == SJTAttempt.SUBMITTED


def test_a_fully_answered_test_submits_without_asking(anon, link, sjt_test):
    anon.post(link + "start/")
    done = anon.post(link + "answers/", {**all_rated(sjt_test), "action": "submit"})
    assert b"Thank you" in done.content
    attempt = SJTAttempt.objects.get()
    assert (attempt.items_answered, attempt.items_total, attempt.total_score) == (8, 8, 1.0)


def test_most_least_counts_picks(anon, most_least_test, application, manager):
    from assessments import delivery

    invitation, _ = delivery.invite(test=most_least_test, by=manager,
                                    candidate=application.candidate)
    link = delivery.link_path(invitation)
    anon.post(link + "start/")
    s1 = most_least_test.scenarios.order_by("sort_order").first()
    asked = anon.post(link + "answers/", {f"s{s1.pk}-most": str(options_of(most_least_test)[0][0]),
                                          "action": "submit"})
    page = asked.content.decode()
    assert "3 of 4 choices are not made yet." in page
    assert '<strong id="sjt-answered">1</strong> of <span id="sjt-items">4</span> chosen' in page
    assert SJTAttempt.objects.get().completed_at is None
