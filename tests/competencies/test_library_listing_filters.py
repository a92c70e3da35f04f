"""The library's listings filter as HR works: competencies and traits by category, trainable
and status, with or without a name search; SAR questions by dimension."""

import re

import pytest

from competencies.models import Competency, Trait
from tests import factories
from tests.interviews.conftest import make_question

COMPETENCIES = "/cms/snippets/competencies/competency/"
TRAITS = "/cms/snippets/competencies/trait/"
QUESTIONS = "/cms/snippets/interviews/question/"


def _dimension(model, slug, name, *, category, trainable=True, live=True):
    """A competency or trait as HR saves it: published, or a draft never published."""
    levels = {f"level_{n}": text for n, text in enumerate(factories.ANCHORS, start=1)}
    item = model(slug=slug, name=name, category=category, definition=f"About {name}.",
                 trainable=trainable, live=live, **levels)
    item.save()
    revision = item.save_revision()
    if live:
        revision.publish()
    return item


@pytest.fixture
def shelf(library):
    """Two categories, trainable or not, live or draft, among competencies and traits."""
    return {
        "forecasting": _dimension(Competency, "forecasting", "Forecast accuracy",
                                  category="Pipeline"),
        "prospecting": _dimension(Competency, "prospecting", "Prospecting rhythm",
                                  category="Pipeline", trainable=False, live=False),
        "closing": _dimension(Competency, "closing", "Closing calmly", category="Deals",
                              trainable=False),
        "grit": _dimension(Trait, "grit", "Grit under pressure", category="Drive",
                           trainable=False),
        "curiosity": _dimension(Trait, "curiosity", "Curiosity about buyers",
                                category="Drive", live=False),
    }


def listed(client, url, **params) -> set[str]:
    """The names in a listing's rows (each row's title is a span named after the item)."""
    response = client.get(url, params)
    assert response.status_code == 200
    return set(re.findall(r'<span id="snippet_\d+_title">([^<]+)</span>',
                          response.content.decode()))


MINE = {"Forecast accuracy", "Prospecting rhythm", "Closing calmly"}


@pytest.mark.parametrize("params, expected", [
    ({"category": "Pipeline"}, {"Forecast accuracy", "Prospecting rhythm"}),
    ({"trainable": "no"}, {"Prospecting rhythm", "Closing calmly"}),
    ({"live": "no"}, {"Prospecting rhythm"}),
    ({"category": "Pipeline", "trainable": "yes", "live": "yes"}, {"Forecast accuracy"}),
    ({"q": "prospect"}, {"Prospecting rhythm"}),
    ({"q": "calmly", "trainable": "no", "live": "yes"}, {"Closing calmly"}),
    ({"q": "calmly", "category": "Pipeline"}, set()),
])
def test_competencies_filter_by_category_trainable_status_and_name(client, hr, shelf,
                                                                    params, expected):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    assert listed(client, COMPETENCIES, **params) & MINE == expected


def test_traits_filter_the_same_way_and_offer_their_categories(client, hr, shelf):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    assert listed(client, TRAITS, category="Drive") == {"Grit under pressure",
                                                        "Curiosity about buyers"}
    assert listed(client, TRAITS, category="Drive", live="no") == {"Curiosity about buyers"}
    assert listed(client, TRAITS, trainable="no", q="grit") == {"Grit under pressure"}
    html = client.get(TRAITS).content.decode()
    assert '<option value="Drive">Drive</option>' in html
    assert "Hire for it" in html  # trainable in words, not True/False


def test_questions_filter_by_dimension_with_or_without_a_search(client, hr, library):
    asks = make_question(library["discovery"], "Tell me about a buyer you questioned well.")
    make_question(library["negotiating"], "Tell me about a trade you refused.")
    make_question(library["discovery"], "Describe a first meeting you prepared.")
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(QUESTIONS, {"dimension": library["discovery"].pk}).content.decode()
    assert "questioned well" in html and "first meeting" in html
    assert "trade you refused" not in html
    searched = client.get(QUESTIONS, {"dimension": library["discovery"].pk, "q": "buyer"})
    text = searched.content.decode()
    assert asks.text in text and "first meeting" not in text
    elsewhere = client.get(QUESTIONS, {"dimension": library["negotiating"].pk, "q": "buyer"})
    assert asks.text not in elsewhere.content.decode()
