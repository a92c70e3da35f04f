"""Scorecard ergonomics: a refused submit marks each missing question where it is and lists
links to them; the navigator numbers each question, rated or not; one status word everywhere."""

import re

from interviews.models import Scorecard
from tests.interviews.conftest import card_of, complete


def _post_incomplete(client, card, rated_answer):
    return client.post(f"/interviews/scorecards/{card.pk}/", {
        "version": str(card.version), "action": "submit",
        f"q{rated_answer.question_id}-rating": "4",
        f"q{rated_answer.question_id}-action": "Called the CFO",
    })


def test_refused_submit_marks_each_missing_question_and_links_to_it(client, scheduled,
                                                                    interviewer):
    card = card_of(interviewer, scheduled)
    answers = list(card.answers.order_by("sort_order", "pk"))
    assert len(answers) >= 2
    client.force_login(interviewer)
    response = _post_incomplete(client, card, answers[0])
    page = response.content.decode()
    # the draft was saved (nothing typed is lost), so the answer is the page again, not an error
    assert response.status_code == 200
    assert "Saved as a draft, not submitted" in page
    listed = re.search(r'<div class="card alert" role="alert" id="missing">(.*?)</div>', page,
                       re.S).group(1)
    for number, answer in enumerate(answers, 1):
        link = f'<a href="#q{answer.question_id}">A rating for question {number}</a>'
        assert (link in listed) is (answer is not answers[0])
        marked = re.search(rf'<section class="card question( missing)?" id="q{answer.question_id}"',
                           page)
        assert bool(marked.group(1)) is (answer is not answers[0])
    assert 'href="#recommendation"' in listed and 'href="#id_rationale"' in listed
    assert 'id="recommendation"' in page and 'id="id_rationale"' in page
    card.refresh_from_db()
    assert card.state == Scorecard.DRAFT and card.answers.filter(rating=4).count() == 1


def test_question_navigator_numbers_every_question_rated_or_not(client, scheduled,
                                                                interviewer):
    card = card_of(interviewer, scheduled)
    answers = list(card.answers.order_by("sort_order", "pk"))
    client.force_login(interviewer)
    _post_incomplete(client, card, answers[0])
    page = client.get(f"/interviews/scorecards/{card.pk}/").content.decode()
    nav = re.search(r'<nav class="question-nav".*?</nav>', page, re.S).group(0)
    assert re.findall(r'href="#q(\d+)"', nav) == [str(a.question_id) for a in answers]
    assert nav.count('class="answered"') == 1 and nav.count("(not rated yet)") == len(answers) - 1
    assert "missing" not in re.sub(r"<[^>]*>", "", nav)  # no alert on a plain reload


def test_status_word_is_the_same_on_the_list_and_on_the_card(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    client.force_login(interviewer)

    def words():
        listing = client.get("/interviews/").content.decode()
        own = client.get(f"/interviews/scorecards/{card.pk}/").content.decode()
        heading = re.search(r"<h1>.*?</h1>", own, re.S).group(0)
        return listing, heading

    listing, heading = words()
    assert "Not started" in heading and "Draft" not in heading and "Not started" in listing
    question = card.answers.first().question_id
    client.post(f"/interviews/scorecards/{card.pk}/",
                {"version": "0", f"q{question}-situation": "Lost a renewal"})
    card.refresh_from_db()
    listing, heading = words()
    assert "Draft" in heading and "Draft" in listing
    complete(card, interviewer)
    listing, heading = words()
    assert "Submitted" in heading and "Submitted" in listing
