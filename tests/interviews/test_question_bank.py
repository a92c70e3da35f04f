"""The demo question bank covers every demo dimension; the admin lists questions."""

from collections import Counter

from competencies import demo_content as library
from interviews.demo_content import QUESTIONS


def test_demo_bank_has_two_questions_for_every_demo_dimension():
    counts = Counter(q["dimension"] for q in QUESTIONS)
    slugs = [d["slug"] for d in library.COMPETENCIES + library.TRAITS]
    assert all(counts[slug] >= 2 for slug in slugs), [s for s in slugs if counts[s] < 2]


def test_hr_edits_questions_in_the_admin(client, hr, bank):
    client.force_login(hr)
    response = client.get("/cms/snippets/interviews/question/")
    assert response.status_code == 200
    assert "discovery question 1" in response.content.decode()
    question = bank["discovery"][0]
    edit = client.get(f"/cms/snippets/interviews/question/edit/{question.pk}/")
    assert edit.status_code == 200
    assert "Best-case answer" in edit.content.decode()
