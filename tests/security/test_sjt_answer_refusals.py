"""Generated hostile SJT answer posts: refused with nothing changed, or saved exactly.

The candidate's signed link is the only credential, so anything can arrive at
t/<token>/answers/: options from another scenario or test, unknown ids, duplicate keys,
ratings out of range, picks for the wrong scoring method, huge payloads. Each is a
400 with the attempt untouched, or a save of exactly the answers sent; never a 500.
"""

import re

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from assessments import delivery
from assessments.models import SJTAttempt, SJTInvitation
from tests.assessments.conftest import make_test, options_of
from tests.security.conftest import FUZZ, fingerprint

pytestmark = pytest.mark.django_db

TABLES = (SJTAttempt, SJTInvitation)


@pytest.fixture
def takers(library, application, manager):
    """A started attempt at a rate-each and at a most/least test, and a third test's ids."""
    tests = {
        "rate_each": make_test(library, slug="rate"),
        "most_least": make_test(library, method="most_least", slug="ml"),
    }
    other = make_test(library, slug="other")
    result = {"other_options": sum(options_of(other), []),
              "other_scenarios": list(other.scenarios.values_list("pk", flat=True))}
    for method, test in tests.items():
        invitation, _ = delivery.invite(test=test, by=manager, candidate=application.candidate,
                                        application=application)
        delivery.start_attempt(invitation)
        result[method] = {
            "url": delivery.link_path(invitation) + "answers/",
            "attempt": SJTAttempt.objects.get(invitation=invitation),
            "scenarios": list(test.scenarios.order_by("sort_order").values_list("pk", flat=True)),
            "options": options_of(test),
        }
    return result


RATINGS = st.one_of(st.integers(-2, 8).map(str),
                    st.sampled_from(["", " 4 ", "4.0", "²", "٣", "1e1", "five", "9" * 5000,
                                     "\x00", "<script>"]))


@st.composite
def answer_posts(draw, takers):
    method = draw(st.sampled_from(["rate_each", "most_least"]))
    taker = takers[method]
    scenario_ids = taker["scenarios"] + takers["other_scenarios"][:1] + [0, 10**25]
    option_ids = sum(taker["options"], []) + takers["other_options"][:2] + [0, 10**25]
    body: dict = {}
    for _ in range(draw(st.integers(0, 10))):
        sid = draw(st.sampled_from(taker["scenarios"] * 3 + scenario_ids))
        if draw(st.booleans()):
            own = taker["options"][taker["scenarios"].index(sid)] \
                if sid in taker["scenarios"] else []
            key = f"s{sid}-o{draw(st.sampled_from(own * 3 + option_ids))}"
            value = draw(RATINGS)
        else:
            key = f"s{sid}-{draw(st.sampled_from(['most', 'least']))}"
            value = draw(st.sampled_from(option_ids).map(str) | RATINGS)
        if key in body and draw(st.booleans()):  # the same field twice
            previous = body[key] if isinstance(body[key], list) else [body[key]]
            body[key] = [*previous, value]
        else:
            body[key] = value
    body.update(draw(st.dictionaries(
        st.sampled_from(["s", "s1", "s1-o", "sx-o1", "s1-o1-o2", "s" + "1" * 5000 + "-most",
                         "csrfmiddlewaretoken"]), RATINGS, max_size=2)))
    if draw(st.integers(0, 4)) == 0:
        body["action"] = "submit-confirmed"  # "submit" alone asks first when items are missing
    headers = {"HTTP_X_AUTOSAVE": "1"} if draw(st.booleans()) else {}
    return method, body, headers


def _reset(takers) -> None:
    """Every example starts from an open attempt (a previous example may have submitted)."""
    for method in ("rate_each", "most_least"):
        SJTAttempt.objects.filter(pk=takers[method]["attempt"].pk).update(
            completed_at=None, completion="", scenario_scores=None, dimension_scores=None,
            total_score=None, items_answered=None, items_total=None,
        )


def _expected(body: dict) -> dict:
    """What a successful save stores: the last value of each non-empty answer field."""
    answers: dict = {}
    for key, value in body.items():
        last = value[-1] if isinstance(value, list) else value
        match = re.fullmatch(r"s([0-9]+)-(?:o([0-9]+)|(most|least))", key)
        if not match or not last.strip():
            continue
        answers.setdefault(match[1], {})[match[2] or match[3]] = int(last.strip())
    return answers


@FUZZ
@given(data=st.data())
def test_hostile_answer_posts_are_refused_or_saved_exactly(client, takers, data):
    _reset(takers)
    method, body, headers = data.draw(answer_posts(takers))
    before = fingerprint(*TABLES)
    response = client.post(takers[method]["url"], body, **headers)
    assert response.status_code in (200, 302, 400), response.status_code
    event(f"answered {response.status_code}")
    if response.status_code == 400:
        assert fingerprint(*TABLES) == before, "a refused answer post changed the attempt"
        return
    attempt = SJTAttempt.objects.get(pk=takers[method]["attempt"].pk)
    assert attempt.answers == _expected(body)
    if body.get("action") == "submit-confirmed":
        assert attempt.completed_at is not None and attempt.items_total is not None
        assert (attempt.total_score is None) == (attempt.items_answered == 0)


def test_a_superscript_digit_is_not_a_pick(client, takers):
    taker = takers["most_least"]
    before = fingerprint(*TABLES)
    response = client.post(taker["url"], {f"s{taker['scenarios'][0]}-most": "²"})
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before


def test_a_scenario_id_too_long_for_int_is_refused(client, takers):
    taker = takers["rate_each"]
    before = fingerprint(*TABLES)
    response = client.post(taker["url"], {"s" + "1" * 5000 + "-most": "1"})
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before


def test_a_huge_payload_is_refused_with_nothing_changed(client, takers):
    taker = takers["rate_each"]
    sid, oid = taker["scenarios"][0], taker["options"][0][0]
    body = {f"s{sid}-o{oid}": ["3"] * 5000, "filler": "x" * 2_000_000}
    before = fingerprint(*TABLES)
    response = client.post(taker["url"], body)
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before


def test_rating_an_option_of_the_other_scenario_is_refused(client, takers):
    taker = takers["rate_each"]
    first, second = taker["scenarios"]
    before = fingerprint(*TABLES)
    response = client.post(taker["url"], {f"s{first}-o{taker['options'][1][0]}": "3"},
                           HTTP_X_AUTOSAVE="1")
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert fingerprint(*TABLES) == before
    assert second  # both scenarios exist; the option belongs to the second


def _assert_json_refusal(response, before) -> None:
    """What sjt.js reads: a JSON body with ``ok`` false, a title and a message."""
    assert response.status_code == 400, response.status_code
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["ok"] is False and body["title"].strip() and body["error"].strip()
    assert fingerprint(*TABLES) == before


def _answer(taker) -> dict:
    return {f"s{taker['scenarios'][0]}-o{taker['options'][0][0]}": "4"}


def test_an_oversized_autosave_is_a_json_400(client, takers, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    taker = takers["rate_each"]
    before = fingerprint(*TABLES)
    response = client.post(taker["url"], {**_answer(taker), "filler": "x" * 20_000},
                           HTTP_X_AUTOSAVE="1")
    _assert_json_refusal(response, before)


def test_an_autosave_with_too_many_fields_is_a_json_400(client, takers, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    taker = takers["rate_each"]
    before = fingerprint(*TABLES)
    body = {**_answer(taker), **{f"filler{n}": "x" for n in range(60)}}
    response = client.post(taker["url"], body, HTTP_X_AUTOSAVE="1")
    _assert_json_refusal(response, before)


def test_an_oversized_save_without_script_is_a_page_that_says_why(client, takers, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    taker = takers["rate_each"]
    before = fingerprint(*TABLES)
    response = client.post(taker["url"], {**_answer(taker), "filler": "x" * 20_000})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "nothing was saved" in response.content.decode()
    assert fingerprint(*TABLES) == before


@pytest.mark.parametrize("limit", ["DATA_UPLOAD_MAX_MEMORY_SIZE", "DATA_UPLOAD_MAX_NUMBER_FIELDS"])
def test_an_oversized_autosave_is_a_json_400_with_csrf_checked(takers, settings, limit):
    """sjt.js sends the CSRF token inside the form, so the CSRF check reads the form before
    the view runs; the 400 handler still answers the script in JSON."""
    from django.test import Client

    setattr(settings, limit, 50 if limit.endswith("FIELDS") else 10_000)
    taker = takers["rate_each"]
    browser = Client(enforce_csrf_checks=True)
    page = taker["url"].removesuffix("answers/")
    assert browser.get(page).status_code == 200
    body = {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value, **_answer(taker),
            **{f"filler{n}": "x" * 200 for n in range(60)}}
    before = fingerprint(*TABLES)
    response = browser.post(taker["url"], body, HTTP_X_AUTOSAVE="1")
    _assert_json_refusal(response, before)
