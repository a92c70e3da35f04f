"""Every page that shows typed text shows hostile payloads as text, never as markup."""

import pytest
from django.utils.html import escape

from tests.security.conftest import assert_no_live_markup
from tests.security.hostile_world import pages

pytestmark = pytest.mark.django_db

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_every_page_shows_typed_payloads_as_text(client, hostile):
    """One hostile world (it takes seconds to build), every page, then a refused post."""
    for who, url, must_show in pages(hostile):
        client.logout()
        if who:
            client.force_login(hostile.users[who])
        response = client.get(url)
        assert response.status_code == 200, f"{url} as {who}: {response.status_code}"
        html = response.content.decode()
        assert_no_live_markup(html, f"{url} as {who}")
        if must_show:
            assert "alert(1)" in html or "onerror" in html, f"no payload reached {url}"
            assert "&lt;" in html, f"{url} shows no escaped markup"
    client.force_login(hostile.users["manager"])
    html = client.get(hostile.application.get_absolute_url()).content.decode()
    assert ESCAPED in html  # the candidate's name, as text
    assert "&lt;font size=80&gt;BIG&lt;/font&gt;" in html
    client.force_login(hostile.users["hr"])
    html = client.get("/assessments/imports/candidates/").content.decode()
    assert f"{escape(hostile.application.candidate.source.name)} (<code>hostile</code>)" in html

    card = hostile.scorecards[0]
    client.force_login(hostile.users["interviewer"])
    response = client.post(f"{card.get_absolute_url()}amend/",
                           {"version": card.version, "reason": "", "rationale": "<b>unclosed"})
    assert response.status_code == 400
    assert_no_live_markup(response.content.decode(), "the refused amendment")
