"""Invitations to the judgment test through the API: created once, status readable, the
candidate's link only for a client that may invite."""

from django.core import mail

from assessments.delivery import invitation_for_token
from tests.assessments.conftest import make_test


def test_an_invitation_is_created_once_and_mailed(ats, application, library):
    test = make_test(library)
    path = f"/applications/{application.pk}/invitations/sjt"
    first = ats.post(path, {"test_id": test.pk})
    again = ats.post(path, {"test_id": test.pk})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["status"] == "open"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [application.candidate.email]
    token = first.json()["link"].rstrip("/").rsplit("/", 1)[1]
    assert invitation_for_token(token).pk == first.json()["id"]


def test_the_link_is_returned_only_to_a_client_that_may_invite(make_api, application, library):
    test = make_test(library)
    invited = make_api().post(f"/applications/{application.pk}/invitations/sjt",
                              {"test_id": test.pk, "send_email": False}).json()
    reader = make_api(scopes=["results:read"])
    status = reader.get(f"/invitations/{invited['id']}").json()
    assert status["status"] == "open" and status["link"] is None


def test_an_unpublished_or_unknown_test_is_not_found(ats, application, library):
    test = make_test(library)
    test.live = False
    test.save()
    for test_id in (test.pk, 999_999):
        response = ats.post(f"/applications/{application.pk}/invitations/sjt",
                            {"test_id": test_id})
        assert response.status_code == 404


def test_the_applications_invitations_are_listed(ats, application, library):
    test = make_test(library)
    ats.post(f"/applications/{application.pk}/invitations/sjt",
             {"test_id": test.pk, "send_email": False})
    listed = ats.get(f"/applications/{application.pk}/invitations").json()
    assert [i["test"] for i in listed] == [test.title]
