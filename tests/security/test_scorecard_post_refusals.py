"""Generated hostile scorecard posts: refused with nothing changed, or saved exactly.

Covers the four ways a scorecard changes (the no-JavaScript save, autosave as a form and
as JSON, submit, amend). Whatever is posted, the answer is a save (302/200) or a refusal
(400/403/409) that leaves the scorecard, its answers and its amendments untouched;
never a server error.
"""

import json

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from interviews import planning, scoring
from interviews.models import Amendment, Answer, Scorecard
from selection.models import HiringTeamMember
from tests import factories
from tests.interviews.conftest import card_of, complete, make_question
from tests.security.conftest import FUZZ, fingerprint

pytestmark = pytest.mark.django_db

TABLES = (Scorecard, Answer, Amendment)
NOTES = ["situation", "action", "result", "learned"]


@pytest.fixture
def cards(opening, library, interviewer, manager, groups):
    """A draft and a submitted scorecard of ``interviewer``, and a colleague's question ids."""
    colleague = factories.make_user("colleague@example.com", "Interviewer")
    HiringTeamMember.objects.create(opening=opening, user=colleague,
                                    role=HiringTeamMember.INTERVIEWER)
    for slug in ("discovery", "negotiating", "resilience"):
        for n in (1, 2):
            make_question(library[slug], f"{slug} question {n}")
    kit = planning.build_kit(opening=opening, by=manager)
    planning.apply_auto_split(kit=kit, by=manager)
    draft_app = factories.make_application(opening, "Ada", "Lovelace")
    final_app = factories.make_application(opening, "Bo", "Middleton")
    for app in (draft_app, final_app):
        planning.schedule_interviews(application=app, by=manager)
    draft = card_of(interviewer, draft_app)
    final = complete(card_of(interviewer, final_app), interviewer)
    mine = list(draft.answers.values_list("question_id", flat=True))
    theirs = list(card_of(colleague, draft_app).answers.values_list("question_id", flat=True))
    assert mine and theirs and not set(mine) & set(theirs)
    return {"draft": draft, "final": final, "mine": mine, "theirs": theirs, "user": interviewer}


TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "ok", "x" * 20_001, "\x00", "a\x00b", "<script>alert(1)</script>",
                     "=HYPERLINK(\"http://x\")", "\ud7ff\ue000", "\u202e reversed"]),
)
RATING = st.one_of(
    st.integers(-3, 9).map(str),
    st.sampled_from(["", " 3 ", "3.0", "²", "٣", "1e1", "0x3", "+3", "-0", "five", "9" * 5000,
                     "\x00"]),
)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats() | TEXT | RATING,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                 max_size=3),
    max_leaves=6,
)


@st.composite
def posts(draw, cards):
    """(endpoint, body, content type or None, target scorecard) for one hostile request."""
    target = draw(st.sampled_from(["draft", "draft", "final"]))
    card = cards[target]
    endpoint = "amend" if target == "final" else draw(
        st.sampled_from(["save", "autosave", "autosave", "submit"]))
    as_json = endpoint == "autosave" and draw(st.booleans())
    own = cards["mine"]
    keys = []
    for _ in range(draw(st.integers(0, 6))):
        qid = draw(st.sampled_from(own + own + cards["theirs"] + [0, 999_999, 10**30]))
        keys.append(f"q{qid}-{draw(st.sampled_from([*NOTES, 'rating', 'rating', 'score']))}")
    keys += draw(st.lists(st.sampled_from(
        ["recommendation", "rationale", "reason", "q", "q1", "qx-rating", "zzz", "q" + "1" * 5000
         + "-rating"]), max_size=3))
    body: dict = {}
    for key in keys:
        if as_json:
            body[key] = draw(JSON_VALUE)
        elif key.endswith("rating"):
            body[key] = draw(RATING)
        elif key == "recommendation":
            body[key] = draw(st.sampled_from(["yes", "no", "strong_yes", "maybe", ""]) | TEXT)
        else:
            values = draw(st.lists(TEXT, min_size=1, max_size=3))  # duplicate keys
            body[key] = values if len(values) > 1 else values[0]
    version = card.version
    choices = [version, version, version, version - 1, "", "x", "1e3", None]
    body["version"] = draw(st.sampled_from(choices + ([10**30, [version]] if as_json else [])))
    if body["version"] is None:
        del body["version"]
    if endpoint == "amend":
        body.setdefault("reason", draw(st.sampled_from(["Typo in my notes.", "", "x" * 4001])))
    if endpoint == "submit":
        body["action"] = "submit"
        endpoint = "save"
    if as_json:
        raw = json.dumps(body)
        if draw(st.booleans()) and body:  # the same key twice in one JSON object
            raw = raw[:-1] + ", " + json.dumps(body)[1:]
        if draw(st.integers(0, 9)) == 0:
            raw = draw(st.sampled_from(["[1, 2]", "not json", "\"text\"", "", "{\"a\": 1e999}"]))
        return endpoint, raw, "application/json", card
    return endpoint, body, None, card


def _url(endpoint: str, card: Scorecard) -> str:
    suffix = {"save": "", "autosave": "autosave/", "amend": "amend/"}[endpoint]
    return f"/interviews/scorecards/{card.pk}/{suffix}"


def _stored(card: Scorecard) -> dict:
    return scoring.snapshot(Scorecard.objects.get(pk=card.pk))


def _reset(cards) -> None:
    """Each example starts from a draft and a submitted card (a submit may have happened)."""
    Scorecard.objects.filter(pk=cards["draft"].pk).update(state=Scorecard.DRAFT,
                                                           submitted_at=None)
    for key in ("draft", "final"):
        cards[key].refresh_from_db()


@FUZZ
@given(data=st.data())
def test_hostile_scorecard_posts_are_refused_or_saved_exactly(client, cards, data):
    _reset(cards)
    endpoint, body, content_type, card = data.draw(posts(cards))
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    version = card.version
    if content_type:
        response = client.post(_url(endpoint, card), body, content_type=content_type)
    else:
        response = client.post(_url(endpoint, card), body)
    assert response.status_code in (200, 302, 400, 403, 409), response.status_code
    event(f"answered {response.status_code}")
    if response.status_code in (400, 403, 409):
        assert fingerprint(*TABLES) == before, f"a refused {endpoint} changed the scorecard"
        return
    stored = _stored(card)
    assert stored["version"] >= version + 1
    if isinstance(body, dict):
        _assert_saved_as_posted(body, stored)


def _assert_saved_as_posted(body: dict, stored: dict) -> None:
    for key, value in body.items():
        if not key.startswith("q") or "-" not in key:
            continue
        qid, field = key[1:].split("-", 1)
        last = value[-1] if isinstance(value, list) else value
        saved = stored["answers"][qid][field]
        blank = last is None or (isinstance(last, str) and not last.strip())
        if field == "rating":
            assert saved == (None if blank else int(last))
        else:
            assert saved == ("" if last is None else last)


def test_a_superscript_digit_is_not_a_rating(client, cards):
    """'²'.isdigit() is True but int('²') fails: the post must be a 400, not a crash."""
    card, qid = cards["draft"], cards["mine"][0]
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    response = client.post(_url("autosave", card), {"version": card.version,
                                                    f"q{qid}-rating": "²"})
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before


def test_a_question_id_too_long_for_int_is_refused(client, cards):
    card = cards["draft"]
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    response = client.post(_url("autosave", card), {"version": card.version,
                                                    "q" + "1" * 5000 + "-rating": "3"},
                           content_type="application/json")
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before


@pytest.mark.parametrize("value", [["yes"], {"a": 1}, 3])
def test_a_recommendation_that_is_not_text_is_refused(client, cards, value):
    card = cards["draft"]
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    response = client.post(_url("autosave", card), {"version": card.version,
                                                    "recommendation": value},
                           content_type="application/json")
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before


def test_a_version_beyond_any_integer_is_refused(client, cards):
    card = cards["draft"]
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    response = client.post(_url("autosave", card), {"version": 10**30, "rationale": "x"},
                           content_type="application/json")
    assert response.status_code in (400, 409)
    assert fingerprint(*TABLES) == before


@pytest.mark.parametrize("field", ["note", "rationale", "reason"])
def test_nul_characters_are_refused_not_a_database_error(client, cards, field):
    """PostgreSQL refuses NUL in text; the scorecard must answer 400 on every database."""
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    qid = cards["mine"][0]
    if field == "reason":
        card = cards["final"]
        response = client.post(_url("amend", card), {"version": card.version,
                                                     "reason": "typo\x00"})
    else:
        card = cards["draft"]
        key = f"q{qid}-situation" if field == "note" else "rationale"
        response = client.post(_url("autosave", card), {"version": card.version,
                                                        key: "a\x00b"})
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before


def _assert_json_refusal(response, before) -> None:
    assert response.status_code == 400, response.status_code
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"].strip()
    assert fingerprint(*TABLES) == before


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("raw", [
    '{"version": Infinity, "rationale": "changed"}',
    '{"version": -Infinity, "rationale": "changed"}',
    '{"version": NaN, "rationale": "changed"}',
    '{"version": 1e400, "rationale": "changed"}',
    '{"version": 1, "rationale": "changed", "q1-rating": 1e400}',
    '{"version": true, "rationale": "changed"}',
    '{"version": 1.0, "rationale": "changed"}',
    '{"version": 2147483648, "rationale": "changed"}',
    '{"version": -1, "rationale": "changed"}',
    '{"version": 1, "rationale": ' + DEEP + "}",
    '{"version": 1, "rationale": "changed", "x": ' + DEEP + "}",
], ids=["infinity", "minus-infinity", "nan", "1e400", "1e400-rating", "true", "float",
        "beyond-int32", "negative", "deep-rationale", "deep-ignored"])
def test_a_json_autosave_that_is_not_a_plain_version_is_a_json_400(client, cards, raw):
    """Each of these was a 500 page, or (``true``, ``1.0``) a save at version 1."""
    card = cards["draft"]
    Scorecard.objects.filter(pk=card.pk).update(version=1)  # so that true == 1 would match
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    response = client.post(_url("autosave", card), raw, content_type="application/json")
    _assert_json_refusal(response, before)


@pytest.mark.parametrize("version", ["1.0", "1e0", "\u0661", " ", "+1", "99999999999"])
def test_a_form_version_must_be_plain_digits(client, cards, version):
    card = cards["draft"]
    Scorecard.objects.filter(pk=card.pk).update(version=1)
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    response = client.post(_url("autosave", card), {"version": version, "rationale": "changed"})
    _assert_json_refusal(response, before)


def test_a_plain_version_still_saves(client, cards):
    """The strict version check does not refuse what the page really sends."""
    card = cards["draft"]
    client.force_login(cards["user"])
    response = client.post(_url("autosave", card), {"version": str(card.version),
                                                    "rationale": "changed"})
    assert response.status_code == 200
    assert _stored(card)["rationale"] == "changed"


@pytest.mark.parametrize("as_json", [True, False], ids=["json", "form"])
def test_an_oversized_autosave_is_a_json_400(client, cards, settings, as_json):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    card = cards["draft"]
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    body = {"version": card.version, "rationale": "x" * 20_000}
    if as_json:
        response = client.post(_url("autosave", card), body, content_type="application/json")
    else:
        response = client.post(_url("autosave", card), body)
    _assert_json_refusal(response, before)


def test_an_autosave_with_too_many_fields_is_a_json_400(client, cards, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    card = cards["draft"]
    client.force_login(cards["user"])
    before = fingerprint(*TABLES)
    body = {"version": card.version, **{f"zz{n}": "x" for n in range(60)}}
    response = client.post(_url("autosave", card), body)
    _assert_json_refusal(response, before)


def test_an_oversized_autosave_is_a_json_400_with_csrf_checked(cards, settings):
    """A browser's autosave sends its CSRF token in the form, so the CSRF check reads the
    oversized form before the view runs: the error handler answers the script in JSON."""
    from django.test import Client

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    card = cards["draft"]
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(cards["user"])
    assert browser.get(f"/interviews/scorecards/{card.pk}/").status_code == 200
    token = browser.cookies["csrftoken"].value
    before = fingerprint(*TABLES)
    response = browser.post(_url("autosave", card), {
        "csrfmiddlewaretoken": token, "version": card.version, "rationale": "x" * 20_000,
    }, HTTP_ACCEPT="application/json", HTTP_X_REQUESTED_WITH="fetch")
    _assert_json_refusal(response, before)
