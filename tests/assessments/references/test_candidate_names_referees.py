"""The finalist names referees from their signed link: consent, the required relationships,
no self-reference, no duplicates; all or nothing; the link works once."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from assessments.models import Referee
from tests.assessments.references.conftest import TWO_MANAGERS, referee_rows


def test_requesting_references_emails_the_candidate_their_link(django_capture_on_commit_callbacks,
                                                               client, bank, finalist, manager):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/assessments/candidates/{finalist.pk}/references/")
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[finalist.candidate.email]]
    assert "/assessments/c/" in mail.outbox[0].body
    assert "2 former managers" in mail.outbox[0].body


def test_two_former_managers_are_named_and_each_gets_their_own_link(
        django_capture_on_commit_callbacks, anon, candidate_link, reference_request):
    page = anon.get(candidate_link)
    assert page.status_code == 200
    assert "2 former managers" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = anon.post(candidate_link, TWO_MANAGERS)
    assert response.status_code == 200
    referees = list(Referee.objects.filter(request=reference_request))
    assert [r.status for r in referees] == ["sent", "sent"]
    assert sorted(m.to[0] for m in mail.outbox) == ["max@acme.example", "mia@acme.example"]
    assert all("/assessments/r/" in m.body for m in mail.outbox)
    reference_request.refresh_from_db()
    assert reference_request.consent_at is not None
    assert anon.get(candidate_link).status_code == 410


def test_one_manager_and_a_peer_fall_short_of_two_managers(anon, candidate_link,
                                                           reference_request):
    response = anon.post(candidate_link, referee_rows(
        ("Mia Manager", "mia@acme.example", "former_manager"),
        ("Pat Peer", "pat@acme.example", "peer")))
    assert response.status_code == 400
    assert "add 1 more former manager" in response.content.decode()
    assert not Referee.objects.exists()
    # the form comes back filled in, so nothing typed is lost
    assert 'value="pat@acme.example"' in response.content.decode()


def test_without_consent_nobody_is_contacted(anon, candidate_link):
    data = dict(TWO_MANAGERS)
    del data["consent"]
    response = anon.post(candidate_link, data)
    assert response.status_code == 400
    assert "consent" in response.content.decode()
    assert not Referee.objects.exists()


def test_a_candidate_cannot_name_themselves_or_one_email_twice(anon, candidate_link, finalist):
    response = anon.post(candidate_link, referee_rows(
        ("Me Myself", finalist.candidate.email.upper(), "former_manager"),
        ("Mia Manager", "mia@acme.example", "former_manager"),
        ("Mia Again", "MIA@acme.example", "former_manager")))
    text = response.content.decode()
    assert response.status_code == 400
    assert "that is your own email" in text
    assert "the same email is given twice" in text
    assert not Referee.objects.exists()


def test_oversized_and_malformed_rows_are_refused_row_by_row(anon, candidate_link):
    data = dict(TWO_MANAGERS)
    data["r0-name"] = "x" * 500
    data["r1-email"] = "not an email"
    data["r1-from"] = "last spring"
    text = anon.post(candidate_link, data).content.decode()
    assert "Referee 1: the name is longer than 120 characters." in text
    assert "Referee 2: &#x27;not an email&#x27; is not an email address." in text
    assert "Referee 2, worked together from: write the date as year and month" in text
    assert not Referee.objects.exists()


def test_markup_in_a_referee_name_is_shown_as_text_to_staff(client, anon, candidate_link,
                                                            finalist, manager):
    data = dict(TWO_MANAGERS)
    data["r0-name"] = "<script>alert(1)</script>"
    anon.post(candidate_link, data)
    client.force_login(manager)
    page = client.get(finalist.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_expired_or_forged_candidate_link_is_refused(anon, candidate_link, reference_request):
    assert anon.get(candidate_link.replace("/referees/", "x/referees/")).status_code == 403
    reference_request.expires_at = timezone.now() - timedelta(minutes=1)
    reference_request.save()
    assert anon.get(candidate_link).status_code == 410
    assert anon.post(candidate_link, TWO_MANAGERS).status_code == 410
    assert not Referee.objects.exists()


def test_the_candidate_link_is_rate_limited_too(anon, candidate_link, settings):
    settings.SELECTION_LINK_RATE_LIMIT = 2
    codes = [anon.get(candidate_link).status_code for _ in range(2)]
    codes.append(anon.post(candidate_link, TWO_MANAGERS).status_code)
    assert codes == [200, 200, 429]
    assert not Referee.objects.exists()


def test_the_candidate_page_shows_requested_until_referees_are_named(client, reference_request,
                                                                     finalist, manager):
    client.force_login(manager)
    page = client.get(finalist.get_absolute_url()).content.decode()
    assert '<span class="badge">Requested</span>' in page
    assert "/assessments/c/" in page  # the candidate's link, to send it another way
