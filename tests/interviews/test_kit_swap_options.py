""""Swap for" offers the live questions of the same dimension that are not in the kit."""

import re

from interviews import planning
from tests.interviews.conftest import make_question


def _options_by_slot(kit) -> dict[str, list[str]]:
    slots = planning.kit_questions(kit)
    options = planning.swap_options(slots)
    return {slot.question.text: [q.text for q in options[slot.pk]] for slot in slots}


def test_each_question_is_offered_only_its_own_dimensions_spare_questions(kit, bank, library):
    extra = make_question(library["discovery"], "discovery question 3")
    make_question(library["discovery"], "discovery draft", live=False)
    options = _options_by_slot(kit)
    # Discovery (weight 3) holds both bank questions: the third is the only spare one.
    assert options["discovery question 1"] == [extra.text]
    assert options["discovery question 2"] == [extra.text]
    # Resilience (weight 1) holds one of two: the other is offered.
    assert options["resilience question 1"] == ["resilience question 2"]
    # Negotiating (weight 2) holds both of its questions: nothing to swap for.
    assert options["negotiating question 1"] == []
    assert options["negotiating question 2"] == []


def test_the_kit_page_offers_same_dimension_questions_and_says_when_there_is_none(
        client, kit, bank, hr, opening):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(f"/interviews/openings/{opening.slug}/kit/").content.decode()
    blocks = re.findall(r'<div class="kit-question">(.*?)</div>', html, re.S)
    assert len(blocks) == 5
    by_text = {re.search(r"</span> (.*?)</p>", b).group(1): b for b in blocks}
    resilience = by_text["resilience question 1"]
    assert re.findall(r"<option [^>]*>(.*?)</option>", resilience) == ["resilience question 2"]
    negotiating = by_text["negotiating question 1"]
    assert "<select" not in negotiating
    assert "No other question for this competency yet" in negotiating
    assert 'href="/cms/snippets/interviews/question/add/"' in negotiating
