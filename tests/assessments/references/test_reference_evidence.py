"""What the manager sees: the table per dimension (mean, range, n), the contradiction flag,
rehire answers, the blind rule, and referee text escaped."""

import pytest

from assessments.references import answering, nomination
from assessments.references.evidence import reference_evidence
from competencies.models import Dimension
from interviews.models import Answer, Interview, Question, Scorecard
from tests.assessments.references.conftest import referee_rows


def answer(referee, ratings: dict, *, rehire="yes", comment="", anything_else=""):
    """Submits the referee's answers; ``ratings`` by the question's dimension slug."""
    data = {"relationship": "Manager", "rehire": rehire, "anything_else": anything_else}
    slugs = dict(Dimension.objects.values_list("pk", "slug"))
    for question in referee.request.questions:
        rating = ratings.get(slugs[question["dimension_id"]])
        if rating:
            data[f"q{question['id']}-rating"] = str(rating)
        data[f"q{question['id']}-comment"] = comment
    answering.save_answers(referee=referee, data=data, submit=True)


def interview(application, interviewer, ratings: dict, *, state=Scorecard.SUBMITTED):
    """One interviewer's scorecard on the application, rated by dimension slug."""
    item = Interview.objects.create(application=application, interviewer=interviewer)
    card = Scorecard.objects.create(interview=item, state=state, version=1)
    for n, (slug, rating) in enumerate(ratings.items()):
        question = Question.objects.create(dimension=Dimension.objects.get(slug=slug),
                                           text=f"Tell me about {slug}", best_case="Good.")
        Answer.objects.create(scorecard=card, question=question, rating=rating, sort_order=n)
    return card


@pytest.fixture
def answered(referees):
    answer(referees[0], {"discovery": 1, "negotiating": 4}, rehire="yes",
           comment="<b>bold</b> & 'quoted'")
    answer(referees[1], {"discovery": 2, "negotiating": 3}, rehire="reservations",
           anything_else="=HYPERLINK(\"http://x\")")
    return referees


def test_the_table_gives_mean_range_and_n_per_dimension(answered, finalist, interviewer):
    interview(finalist, interviewer, {"discovery": 4, "negotiating": 4})
    evidence = reference_evidence(finalist)
    rows = {r.dimension: r for r in evidence.rows}
    # discovery: referees 1 and 2 -> mean 1.5, range 1-2, n 2; interview 4 -> 2.5 apart
    assert (rows["Discovery questioning"].mean, rows["Discovery questioning"].low,
            rows["Discovery questioning"].high, rows["Discovery questioning"].n) == (1.5, 1, 2, 2)
    assert rows["Discovery questioning"].contradicts
    # negotiating: referees 4 and 3 -> 3.5; interview 4 -> 0.5 apart
    assert rows["Negotiating"].mean == 3.5 and not rows["Negotiating"].contradicts
    # resilience: nobody rated it
    assert "Resilience" not in rows
    assert evidence.rehire == [("Yes", 1), ("Yes, with reservations", 1)]
    assert evidence.answered == 2


def test_two_points_apart_is_a_contradiction_and_less_is_not(referees, finalist, interviewer):
    answer(referees[0], {"discovery": 2, "negotiating": 2})
    answer(referees[1], {"discovery": 2, "negotiating": 3})
    interview(finalist, interviewer, {"discovery": 4, "negotiating": 4})
    rows = {r.dimension: r for r in reference_evidence(finalist).rows}
    assert rows["Discovery questioning"].contradicts  # 2.0 against 4.0: exactly two
    assert not rows["Negotiating"].contradicts  # 2.5 against 4.0: one and a half


def test_draft_scorecards_do_not_enter_the_comparison(answered, finalist, interviewer):
    interview(finalist, interviewer, {"discovery": 5}, state=Scorecard.DRAFT)
    rows = {r.dimension: r for r in reference_evidence(finalist).rows}
    assert rows["Discovery questioning"].interview_mean is None
    assert not rows["Discovery questioning"].contradicts


@pytest.mark.parametrize("reader", ["manager", "hr"])
def test_the_manager_and_hr_see_the_answers_and_the_flag_escaped(client, answered, finalist,
                                                                 interviewer, reader, request):
    interview(finalist, interviewer, {"discovery": 4})
    client.force_login(request.getfixturevalue(reader))
    page = client.get(finalist.get_absolute_url()).content.decode()
    assert "Contradicts the interview" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &#x27;quoted&#x27;" in page
    assert "<b>bold</b>" not in page
    assert "Yes, with reservations 1" in page


def test_a_manager_who_interviews_and_has_not_submitted_sees_no_answers(
        client, answered, finalist, manager):
    card = interview(finalist, manager, {"discovery": 3}, state=Scorecard.DRAFT)
    client.force_login(manager)
    page = client.get(finalist.get_absolute_url()).content.decode()
    assert "bold" not in page
    assert "show once you have" in page
    Scorecard.objects.filter(pk=card.pk).update(state=Scorecard.SUBMITTED)
    page = client.get(finalist.get_absolute_url()).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_interviewers_and_other_managers_cannot_open_the_candidate_page(
        client, answered, finalist, interviewer, other_manager):
    for user in (interviewer, other_manager):
        client.force_login(user)
        assert client.get(finalist.get_absolute_url()).status_code == 403


def test_an_interviewer_reads_the_references_only_after_submitting(client, answered,
                                                                   finalist, interviewer):
    """The blind rule for interviewers: their page of the other scorecards shows the
    referees' answers once they have submitted their own, and is closed before."""
    card = interview(finalist, interviewer, {"discovery": 4}, state=Scorecard.DRAFT)
    client.force_login(interviewer)
    others = f"/interviews/scorecards/{card.pk}/others/"
    refused = client.get(others)
    assert refused.status_code == 403 and "bold" not in refused.content.decode()
    Scorecard.objects.filter(pk=card.pk).update(state=Scorecard.SUBMITTED)
    page = client.get(others).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &#x27;quoted&#x27;" in page
    assert "<b>bold</b>" not in page
    assert "Contradicts the interview" in page  # discovery: referees 1.5, interview 4


def test_an_interviewer_sees_no_reference_section_when_nobody_has_answered(
        client, referees, finalist, interviewer):
    card = interview(finalist, interviewer, {"discovery": 4})
    client.force_login(interviewer)
    page = client.get(f"/interviews/scorecards/{card.pk}/others/")
    assert page.status_code == 200
    assert "What the referees say" not in page.content.decode()


def test_a_candidate_with_three_referees_shows_every_status(reference_request, finalist):
    nomination.name_referees(request=reference_request, data=referee_rows(
        *[(n, e, "former_manager") for n, e, _ in
          [("A", "a@x.example", 0), ("B", "b@x.example", 0), ("C", "c@x.example", 0)]]))
    first, second, third = reference_evidence(finalist).referees
    answer(first, {"discovery": 3})
    answering.decline(referee=second)
    assert [r.status for r in reference_evidence(finalist).referees] == [
        "answered", "declined", "named"]  # the third's email goes out on commit
