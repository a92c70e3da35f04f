"""Invitations to name referees through the API: the candidate page's request, its status,
and the candidate's link only for a client that may invite."""

import re

from django.core import mail
from django.utils import timezone

from assessments.models import ReferenceRequest
from assessments.references import links, nomination
from tests.assessments.references.conftest import TWO_MANAGERS, bank  # noqa: F401


def _path(application):
    return f"/applications/{application.pk}/invitations/references"


def test_a_request_is_created_once_and_the_candidate_mailed(
        ats, application, bank, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        first = ats.post(_path(application), {})
        again = ats.post(_path(application), {})
    assert (first.status_code, again.status_code) == (201, 200)
    assert ReferenceRequest.objects.filter(application=application).count() == 1
    body = first.json()
    assert body["status"] == "requested" and body["referees"] == []
    assert body["required"] == {"former_manager": 2}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [application.candidate.email]
    stored = ReferenceRequest.objects.get(application=application)
    # The signed token carries the second it was made, so the answer's link and the mailed
    # one may differ by a second's stamp: both must open this request.
    mailed = re.search(r"http\S+/c/[^/\s]+/referees/", mail.outbox[0].body).group(0)
    for link in (body["link"], mailed):
        assert link.startswith(links.candidate_url(stored).split("/c/")[0] + "/c/")
        token = link.rstrip("/").split("/")[-2]
        assert links.request_for_token(token).pk == stored.pk


def test_the_link_is_returned_only_to_a_client_that_may_invite(
        make_api, application, bank):  # noqa: F811
    make_api().post(_path(application), {"send_email": False})
    reader = make_api(scopes=["results:read"])
    status = reader.get(_path(application))
    assert status.status_code == 200
    assert status.json()["status"] == "requested" and status.json()["link"] is None
    assert make_api(scopes=["results:read"]).post(_path(application), {}).status_code == 403


def test_the_status_follows_the_referees_without_naming_them(
        ats, application, bank):  # noqa: F811
    ats.post(_path(application), {"send_email": False})
    request = ReferenceRequest.objects.get(application=application)
    first, second = nomination.name_referees(request=request, data=TWO_MANAGERS)
    first.sent_at = second.sent_at = timezone.now()
    first.submitted_at = timezone.now()
    first.save()
    second.save()
    body = ats.get(_path(application)).json()
    assert body["status"] == "named" and body["link"] is None
    assert [r["status"] for r in body["referees"]] == ["answered", "sent"]
    assert {r["relationship"] for r in body["referees"]} == {"former_manager"}
    text = str(body)
    assert "mia@acme.example" not in text and "Mia Manager" not in text


def test_without_reference_questions_the_request_is_refused_and_nothing_saved(
        ats, application):
    response = ats.post(_path(application), {"send_email": False})
    assert response.status_code == 409
    assert response.json()["code"] == "no_reference_questions"
    assert not ReferenceRequest.objects.filter(application=application).exists()
    assert ats.get(_path(application)).status_code == 404


def test_a_client_of_another_opening_cannot_reach_the_application(
        make_api, application, bank, library, manager):  # noqa: F811
    from tests import factories

    other = factories.make_opening(library["profile"], manager=manager, slug="elsewhere")
    restricted = make_api(openings=[other])
    assert restricted.post(_path(application), {"send_email": False}).status_code == 404
    assert restricted.get(_path(application)).status_code == 404
    assert not ReferenceRequest.objects.filter(application=application).exists()
