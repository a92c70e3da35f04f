"""The candidate import: keyed by email, sources by slug or name, applications at Applied,
every bad row refusing the whole file, the same file twice changing nothing, HR only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.csvfile import ImportRefused
from assessments.imports import import_candidates
from selection.models import Application, Candidate, CandidateSource, Opening, StageChange
from tests import factories
from tests.security.conftest import assert_no_live_markup, fingerprint

pytestmark = pytest.mark.django_db

HEADER = "first_name,last_name,email,phone,external_id,source,opening\n"
PAGE = "/assessments/imports/candidates/"
TABLES = (Candidate, Application, StageChange, CandidateSource)


@pytest.fixture
def sources(db):
    referral = factories.source("referral", "Referral", order=1)
    board = factories.source("job-board", "Job board", order=2)
    old = factories.source("print-ad", "Print ad", order=3, active=False)
    CandidateSource.objects.exclude(pk__in=[referral.pk, board.pk, old.pk]).update(active=False)
    return {"referral": referral, "job-board": board, "print-ad": old}


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return (header + "".join(row + "\n" for row in rows)).encode()


def _errors(data: bytes) -> list[str]:
    with pytest.raises(ImportRefused) as refused:
        import_candidates(data)
    return refused.value.errors


def test_creates_candidates_with_sources_by_slug_or_name_and_adds_them_to_the_opening(
        sources, opening):
    result = import_candidates(_csv(
        "Ada,Lovelace,ada@example.com,020 7946 0000,ATS-1,referral,ae-test",
        "Grace,Hopper,grace@example.com,,,JOB BOARD,",   # by name, any capitals
        "Alan,Turing,alan@example.com,,,Job-Board,AE-TEST",
    ))
    assert (result.created, result.updated, result.unchanged, result.applications) == (3, 0, 0, 2)
    ada = Candidate.objects.get(email="ada@example.com")
    assert (ada.first_name, ada.last_name, ada.phone, ada.external_id, ada.source) == (
        "Ada", "Lovelace", "020 7946 0000", "ATS-1", sources["referral"])
    assert Candidate.objects.get(email="grace@example.com").source == sources["job-board"]
    assert Candidate.objects.get(email="alan@example.com").source == sources["job-board"]
    assert sorted(Application.objects.filter(opening=opening).values_list(
        "candidate__email", "stage")) == [("ada@example.com", Application.APPLIED),
                                          ("alan@example.com", Application.APPLIED)]
    assert not Application.objects.filter(candidate__email="grace@example.com").exists()
    assert "row 2: Ada Lovelace <ada@example.com>: created, added to Opening ae-test at " \
           "Applied" in result.changes


def test_an_existing_email_is_updated_not_duplicated(sources, opening):
    ada = factories.make_application(opening, "Ada", "Lovelace", stage="screening").candidate
    ada.phone = "111"
    ada.save()
    result = import_candidates(_csv(
        f"Ada,King,{ada.email.upper()},,,Referral,ae-test"))
    assert (result.created, result.updated, result.unchanged, result.applications) == (0, 1, 0, 0)
    assert Candidate.objects.count() == 1
    ada.refresh_from_db()
    # an empty optional cell keeps what is stored; the email keeps its stored spelling
    assert (ada.last_name, ada.phone, ada.source, ada.email) == (
        "King", "111", sources["referral"], "ada.lovelace@example.com")
    # already on the opening: not added again, and the stage stays
    assert list(Application.objects.values_list("stage", flat=True)) == ["screening"]


def test_an_existing_candidate_is_added_to_another_opening_at_applied(sources, opening):
    ada = factories.make_application(opening, "Ada", "Lovelace").candidate
    other = factories.make_opening(opening.role_profile, slug="ae-other")
    result = import_candidates(_csv(f"Ada,Lovelace,{ada.email},,,,ae-other"))
    assert (result.created, result.updated, result.unchanged, result.applications) == (0, 0, 1, 1)
    assert Application.objects.get(candidate=ada, opening=other).stage == Application.APPLIED


def test_the_same_file_twice_changes_nothing_the_second_time(sources, opening):
    data = _csv("Ada,Lovelace,ada@example.com,,ATS-1,referral,ae-test",
                "Grace,Hopper,grace@example.com,123,,job-board,")
    import_candidates(data)
    before = fingerprint(*TABLES)
    again = import_candidates(data)
    assert (again.created, again.updated, again.unchanged, again.applications) == (0, 0, 2, 0)
    assert again.changes == []
    assert str(again) == "2 rows: 0 created, 0 updated, 2 unchanged; 0 applications added"
    assert fingerprint(*TABLES) == before


def test_every_bad_row_is_listed_and_nothing_is_saved(sources, opening):
    closed = factories.make_opening(opening.role_profile, slug="ae-closed")
    closed.status = Opening.CLOSED
    closed.save()
    factories.make_application(opening, "Kept", "Person")
    before = fingerprint(*TABLES)
    errors = _errors(_csv(
        "Ada,Lovelace,ada@example.com,,,referral,ae-test",      # row 2: fine
        "No,Mail,,,,,",                                          # row 3: missing email
        "Bad,Mail,not-an-email,,,,",                             # row 4: malformed
        "Un,Known,unknown@example.com,,,LinkedIn,",              # row 5: unknown source
        "Sw,Off,off@example.com,,,print-ad,",                    # row 6: switched off
        "No,Where,nowhere@example.com,,,,no-such-opening",       # row 7: unknown opening
        "Was,Closed,closed@example.com,,,,ae-closed",            # row 8: closed opening
        "Ada,Again,ADA@example.com,,,,",                         # row 9: duplicate email
        ",Nameless,nameless@example.com,,,,",                    # row 10: empty first name
        f"{'L' * 81},Long,long@example.com,,,,",                 # row 11: oversized field
        "Id,Bad,id@example.com,,has space,,",                    # row 12: bad external id
    ))
    assert "row 3, column email: empty; the email address is the key of the import, every " \
           "row needs one" in errors
    assert "row 4, column email: 'not-an-email' is not an email address" in errors
    assert ("row 5, column source: unknown source 'LinkedIn'; use one of: Referral (referral), "
            "Job board (job-board), or leave it empty") in errors
    assert any(e.startswith("row 6, column source: switched-off source 'print-ad'; use one "
                            "of: Referral (referral)") for e in errors)
    assert "row 7, column opening: no opening with the slug 'no-such-opening'" in errors
    assert any(e.startswith("row 8, column opening: 'ae-closed' (Opening ae-closed) is closed")
               for e in errors)
    assert "row 9, column email: duplicate of row 2 (same email)" in errors
    assert "row 10, column first_name: empty" in errors
    assert "row 11, column first_name: 81 characters; at most 80" in errors
    assert any(e.startswith("row 12, column external_id: 'has space' is not") for e in errors)
    assert not any(e.startswith("row 2") for e in errors)
    assert len(errors) == 10
    assert fingerprint(*TABLES) == before


def test_a_refusal_after_good_rows_leaves_the_database_as_it_was(sources, opening):
    """The last row is bad: the good rows before it are not saved either."""
    factories.make_application(opening, "Kept", "Person")
    before = fingerprint(*TABLES)
    errors = _errors(_csv(*[f"P,{n},p{n}@example.com,,,referral,ae-test" for n in range(20)],
                          "Bad,Source,bad@example.com,,,agency-x,"))
    assert errors == [e for e in errors if e.startswith("row 22, column source")]
    assert fingerprint(*TABLES) == before


def test_external_ids_are_not_taken_from_or_changed_for_another_candidate(sources, opening):
    ada = factories.make_application(opening, "Ada", "Lovelace").candidate
    ada.external_id = "ATS-1"
    ada.save()
    errors = _errors(_csv(
        f"Ada,Lovelace,{ada.email},,ATS-2,,",
        "Grace,Hopper,grace@example.com,,ATS-1,,",
        "Alan,Turing,alan@example.com,,ATS-9,,",
        "Alan,Other,other@example.com,,ATS-9,,",
    ))
    assert errors[0].startswith("row 2, column external_id: this candidate's external id is "
                                "'ATS-1'")
    assert errors[1] == "row 3, column external_id: 'ATS-1' is another candidate's external id"
    assert errors[2] == "row 5, column external_id: duplicate of row 4 (same external id)"
    # the candidate's current, switched-off source is accepted for them (as by the API)
    ada.source = factories.source("print-ad", "Print ad", active=False)
    ada.save()
    assert import_candidates(_csv(f"Ada,Lovelace,{ada.email},,,print-ad,")).unchanged == 1


def test_missing_columns_and_oversized_files_are_refused(sources, settings):
    assert _errors(b"name,email\nAda Lovelace,ada@example.com\n") == [
        "row 1, column first_name: missing column", "row 1, column last_name: missing column"]
    settings.SELECTION_IMPORT_MAX_BYTES = 50
    assert _errors(_csv("Ada,Lovelace,ada@example.com,,,,"))[0].startswith("The file is ")
    assert not Candidate.objects.exists()


def test_the_page_imports_and_shows_typed_text_as_text(client, hr, sources, opening):
    client.force_login(hr)
    page = client.get(PAGE)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Referral (<code>referral</code>)" in html and "<code>ae-test</code>" in html
    assert "Print ad" not in html  # switched off: not offered
    hostile = _csv('"<script>alert(1)</script>",<b>Bold,evil@example.com,,,referral,')
    response = client.post(PAGE, {"file": SimpleUploadedFile(
        '"><img src=x onerror=alert(1)>.csv', hostile, "text/csv")})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 rows: 1 created, 0 updated, 0 unchanged; 0 applications added." in html
    assert_no_live_markup(html, "the candidate import result")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Bold &lt;evil@example.com&gt;: " \
           "created" in html
    assert Candidate.objects.get(email="evil@example.com").first_name == \
        "<script>alert(1)</script>"


def test_the_page_shows_refusals_with_the_hostile_cell_as_text(client, hr, sources):
    client.force_login(hr)
    bad = _csv("Ada,Lovelace,ada@example.com,,,<script>alert(1)</script>,")
    response = client.post(PAGE, {"file": SimpleUploadedFile("bad.csv", bad, "text/csv")})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported from bad.csv" in html
    assert "row 2, column source: unknown source &#x27;&lt;script&gt;alert(1)&lt;/script&gt;" \
           "&#x27;" in html
    assert_no_live_markup(html, "the refused candidate import")
    assert not Candidate.objects.exists()


def test_the_template_file_imports_as_it_is(client, hr, sources):
    client.force_login(hr)
    response = client.get(f"{PAGE}template.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="candidates.csv"'
    assert response.content.decode().splitlines()[0] == (
        "first_name,last_name,email,phone,external_id,source,opening")
    result = import_candidates(response.content)
    assert result.created == 1
    assert Candidate.objects.get().source == sources["referral"]


@pytest.mark.parametrize("who", ["manager", "interviewer"])
def test_only_hr_may_import(client, request, who, sources):
    client.force_login(request.getfixturevalue(who))
    data = _csv("Ada,Lovelace,ada@example.com,,,referral,")
    response = client.post(PAGE, {"file": SimpleUploadedFile("c.csv", data, "text/csv")})
    assert response.status_code == 403
    assert client.get(f"{PAGE}template.csv").status_code == 403
    assert not Candidate.objects.exists()


def test_the_command_imports_and_fails_on_bad_rows(sources, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv("Ada,Lovelace,,,,,"))
    with pytest.raises(CommandError, match="Nothing imported: 1 problem"):
        call_command("import_candidates", str(bad))
    assert "row 2, column email: empty" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_bytes(_csv("Ada,Lovelace,ada@example.com,,,referral,"))
    call_command("import_candidates", str(good))
    assert "1 created" in capsys.readouterr().out
