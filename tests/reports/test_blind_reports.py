"""Blind scoring holds in every report: a hiring manager who also interviews (or assesses) a
candidate and has not submitted sees no colleague's card on that candidate, nor any figure
computed from one, on any page, PDF, packet, calibration page or command.

The fixture: the ``cohort_opening`` (two interviewers submitted cards on Ada, Bo and Cy)
whose hiring manager also interviews Ada and holds a draft, and who also has a draft
roleplay scorecard for Ada in an exercise where the first interviewer submitted theirs.
"""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import URLPattern, URLResolver, get_resolver

from reports.calibration.blinding import blind_for, calibration_for_reader
from reports.hiring_report.gather import candidate_report
from reports.packets.models import ReportPacket
from selection.models import HiringTeamMember

from .report_helpers import add_notes, pdf_text, squash

NOTE = "Interviewer notes say the quota story did not add up"
RATIONALE = "Rationale: strong hire on the forecast example"
ROLEPLAY_NOTE = "Roleplay assessor saw the budget question dodged"
COLLEAGUE = "Interviewer2"  # the second interviewer's name as the reports print it
WITHHELD = "Interview scorecards for Ada Lovelace are withheld"


@pytest.fixture
def blind_manager(cohort_opening, manager, interviewer):
    """The hiring manager interviews Ada and assesses her roleplay; both still drafts."""
    from assessments.models import RoleplayExercise, RoleplayRating, RoleplayScorecard
    from interviews.models import Answer, Interview, Question, Scorecard

    ada = cohort_opening.applications_by_name["Ada"]
    add_notes(ada, NOTE)
    Scorecard.objects.filter(interview__application=ada).update(
        rationale=RATIONALE, recommendation="strong_yes")
    interview = Interview.objects.create(application=ada, interviewer=manager)
    draft = Scorecard.objects.create(interview=interview)
    Answer.objects.create(scorecard=draft, question=Question.objects.first(), rating=1,
                          situation="The manager's own unfinished note")
    exercise = RoleplayExercise.objects.create(
        title="Pricing call", slug="pricing-call", candidate_brief="Sell.", buyer_brief="Buy.")
    theirs = RoleplayScorecard.objects.create(
        exercise=exercise, assessor=interviewer, candidate=ada.candidate, application=ada,
        status=RoleplayScorecard.SUBMITTED, notes=ROLEPLAY_NOTE)
    RoleplayRating.objects.create(scorecard=theirs, dimension=cohort_opening.test_dims[0],
                                  rating=5, notes=ROLEPLAY_NOTE)
    RoleplayScorecard.objects.create(exercise=exercise, assessor=manager,
                                     candidate=ada.candidate, application=ada)
    cohort_opening.ada, cohort_opening.manager_draft = ada, draft
    cohort_opening.their_roleplay = theirs
    return manager


@pytest.fixture
def second_manager(cohort_opening, other_manager):
    HiringTeamMember.objects.create(opening=cohort_opening, user=other_manager,
                                    role=HiringTeamMember.HIRING_MANAGER)
    return other_manager


def _leaks(text: str, *, names: bool = True) -> list[str]:
    """Card content that must not reach the blind reader. With ``names``, also the
    colleague's name (pages about Ada alone; the candidate page lists who interviews her
    and how far each is, which is status, and opening-wide tables name every interviewer)."""
    flat = squash(text)
    return [s for s in (NOTE, RATIONALE, ROLEPLAY_NOTE, "Strongyes") + (COLLEAGUE,) * names
            if squash(s) in flat]


def _body(response) -> str:
    if response["Content-Type"].startswith("application/pdf"):
        data = b"".join(response.streaming_content) if response.streaming else response.content
        return pdf_text(data)
    return response.content.decode()


def candidate_routes() -> list[str]:
    """Every URL route of the project that names a candidate of an opening."""
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)
    return sorted({r for r in walk(get_resolver().url_patterns)
                   if "<slug:slug>" in r and "candidates/<int:pk>" in r})


def _url(route: str, slug: str, pk: int) -> str:
    return "/" + route.replace("<slug:slug>", slug).replace("<int:pk>", str(pk)).lstrip("^")


def test_every_candidate_page_and_pdf_hides_colleagues_cards(client, cohort_opening,
                                                             blind_manager, hr):
    ada = cohort_opening.ada
    routes = candidate_routes()
    assert any(r.endswith("/report/") for r in routes)
    assert any(r.endswith("report.pdf") for r in routes)
    client.force_login(blind_manager)
    read = []
    for route in routes:
        response = client.get(_url(route, cohort_opening.slug, ada.pk))
        if response.status_code == 405:  # POST-only actions show nothing
            continue
        assert response.status_code == 200, route
        body = _body(response)
        assert _leaks(body, names="report" in route) == [], route
        read.append(route)
    assert len(read) >= 3  # the candidate page, the report and its PDF at least
    report = client.get(_url(next(r for r in routes if r.endswith("/report/")),
                             cohort_opening.slug, ada.pk)).content.decode()
    assert WITHHELD in report
    pdf = pdf_text(client.get(_url(next(r for r in routes if r.endswith("report.pdf")),
                                   cohort_opening.slug, ada.pk)).content)
    assert squash(WITHHELD) in squash(pdf)
    # HR, who does not interview Ada, reads everything
    client.force_login(hr)
    page = client.get(_url(next(r for r in routes if r.endswith("/report/")),
                           cohort_opening.slug, ada.pk)).content.decode()
    assert NOTE in page and COLLEAGUE in page and ROLEPLAY_NOTE in page


def test_report_figures_leave_the_withheld_cards_out(cohort_opening, blind_manager, hr):
    ada = cohort_opening.ada
    blind = candidate_report(ada, reader=blind_manager)
    full = candidate_report(ada, reader=hr)
    assert all(r["interview"] is None for r in blind.weighted["rows"])
    assert any(r["interview"] is not None for r in full.weighted["rows"])
    assert blind.interviews["scorecards"] == [] and blind.interviews["spreads"] == []
    assert blind.roleplays == [] and full.roleplays
    assert blind.withheld and blind.limits[:len(blind.withheld)] == blind.withheld
    # the opening's agreement figures lose Ada's ratings too
    n_blind = blind.agreement["overall"]["n_ratings"]
    assert n_blind < full.agreement["overall"]["n_ratings"]
    # Bo's report for the same reader is whole: only Ada is withheld
    bo = candidate_report(cohort_opening.applications_by_name["Bo"], reader=blind_manager)
    assert bo.interviews["scorecards"] and not bo.withheld


def test_calibration_page_is_computed_without_the_withheld_cards(client, cohort_opening,
                                                                 blind_manager, hr):
    url = f"/reports/openings/{cohort_opening.slug}/calibration/"
    client.force_login(hr)
    full = client.get(url)
    client.force_login(blind_manager)
    blind = client.get(url)
    assert blind.status_code == 200
    html = blind.content.decode()
    assert WITHHELD in html and "Roleplay scorecards for Ada Lovelace" in html

    def ada(context):
        return next(c for c in context["candidates"] if c["name"] == "Ada Lovelace")

    assert all(d["interview_mean"] is None for d in ada(blind.context)["dimensions"])
    assert any(d["interview_mean"] is not None for d in ada(full.context)["dimensions"])
    assert (blind.context["interviewers"]["overall"]["n_ratings"]
            < full.context["interviewers"]["overall"]["n_ratings"])
    assert _leaks(html, names=False) == []
    assert COLLEAGUE in full.content.decode()  # the leniency table names interviewers


def test_calibration_session_page_is_blind(client, cohort_opening, blind_manager):
    from interviews.models import Scorecard

    Scorecard.objects.filter(interview__application=cohort_opening.ada).exclude(
        pk=cohort_opening.manager_draft.pk).update(rationale=RATIONALE)
    client.force_login(blind_manager)
    html = client.get(
        f"/interviews/openings/{cohort_opening.slug}/calibration-session/").content.decode()
    ada_block = html.split("Ada Lovelace", 1)[1].split("Bo Middleton", 1)[0]
    assert "Strong yes" not in ada_block and RATIONALE not in ada_block


def test_roleplay_scorecard_of_a_colleague_is_refused_until_submitting(client, cohort_opening,
                                                                       blind_manager, hr):
    url = f"/assessments/roleplay/{cohort_opening.their_roleplay.pk}/"
    client.force_login(blind_manager)
    response = client.get(url)
    assert response.status_code == 403 and ROLEPLAY_NOTE not in response.content.decode()
    client.force_login(hr)
    assert ROLEPLAY_NOTE in client.get(url).content.decode()


def _request_packet(client, user, opening) -> ReportPacket:
    client.force_login(user)
    response = client.post(f"/reports/openings/{opening.slug}/packets/",
                           {"stage": ""})
    assert response.status_code == 303
    packet = ReportPacket.objects.latest("pk")
    assert packet.status == ReportPacket.DONE, packet.error
    return packet


def _download(client, opening, packet):
    return client.get(f"/reports/openings/{opening.slug}/packets/{packet.pk}/packet.pdf")


def test_packet_built_for_a_blind_requester_withholds_that_candidate(
        client, cohort_opening, blind_manager, second_manager, settings, tmp_path):
    settings.SELECTION_PACKET_DIR = tmp_path
    packet = _request_packet(client, blind_manager, cohort_opening)
    assert cohort_opening.ada.pk not in packet.scorecard_evidence["interviews"]
    assert packet.scorecard_evidence["roleplays"] == []
    response = _download(client, cohort_opening, packet)
    assert response.status_code == 200
    text = _body(response)
    assert squash("Interview scorecards for Ada Lovelace are withheld from this packet") \
        in squash(text)
    assert _leaks(text, names=False) == []
    # the other manager reads the same packet: it carries nothing they may not see
    client.force_login(second_manager)
    assert _download(client, cohort_opening, packet).status_code == 200


def test_shared_packet_is_refused_to_a_reader_with_a_draft(client, cohort_opening,
                                                           blind_manager, second_manager,
                                                           settings, tmp_path):
    from interviews import scoring

    settings.SELECTION_PACKET_DIR = tmp_path
    packet = _request_packet(client, second_manager, cohort_opening)
    assert cohort_opening.ada.pk in packet.scorecard_evidence["interviews"]
    assert COLLEAGUE in _body(_download(client, cohort_opening, packet))

    client.force_login(blind_manager)
    refused = _download(client, cohort_opening, packet)
    assert refused.status_code == 403
    body = refused.content.decode()
    assert "Ada Lovelace" in body and "generate a packet of your own" in body
    status = client.get(f"/reports/openings/{cohort_opening.slug}/packets/{packet.pk}/")
    page = status.content.decode()
    assert "packet.pdf" not in page and "Generate my own packet" in page

    # submitting both drafts ends the blind period: the shared packet opens
    draft = cohort_opening.manager_draft
    scoring.save_draft(scorecard=draft, by=blind_manager, base_version=draft.version,
                       data={"recommendation": "yes", "rationale": "Seen enough.",
                             **{f"q{a.question_id}-rating": 3 for a in draft.answers.all()}})
    scoring.submit_scorecard(scorecard=draft, by=blind_manager, base_version=draft.version)
    assert _download(client, cohort_opening, packet).status_code == 403  # roleplay draft
    from assessments.models import RoleplayScorecard

    RoleplayScorecard.objects.filter(assessor=blind_manager).update(
        status=RoleplayScorecard.SUBMITTED)
    assert _download(client, cohort_opening, packet).status_code == 200


def test_packet_from_before_the_field_existed_is_treated_as_carrying_everything(
        client, cohort_opening, blind_manager, second_manager, settings, tmp_path):
    settings.SELECTION_PACKET_DIR = tmp_path
    packet = _request_packet(client, second_manager, cohort_opening)
    ReportPacket.objects.filter(pk=packet.pk).update(scorecard_evidence=None)
    client.force_login(blind_manager)
    assert _download(client, cohort_opening, packet).status_code == 403


def test_calibrate_command_for_a_user(cohort_opening, blind_manager, outsider):
    def run(*args) -> dict:
        out = StringIO()
        call_command("calibrate", cohort_opening.slug, "--json", *args, stdout=out)
        return json.loads(out.getvalue())

    def ada(payload):
        return next(c for c in payload["candidates"] if c["name"] == "Ada Lovelace")

    full = run()
    assert any(d["interview_mean"] is not None for d in ada(full)["dimensions"])
    blind = run("--user", blind_manager.email)
    assert all(d["interview_mean"] is None for d in ada(blind)["dimensions"])
    assert blind["warnings"][0].startswith(WITHHELD)
    assert blind["interviewers"]["overall"]["n_ratings"] < \
        full["interviewers"]["overall"]["n_ratings"]
    assert COLLEAGUE not in json.dumps(ada(blind))
    with pytest.raises(CommandError, match="--save"):
        run("--user", blind_manager.email, "--save")
    with pytest.raises(CommandError, match="does not manage"):
        run("--user", outsider.email)
    with pytest.raises(CommandError, match="No active user"):
        run("--user", "nobody@example.com")


def test_report_and_packet_commands_for_a_user(cohort_opening, blind_manager, tmp_path):
    ada = cohort_opening.ada
    out = tmp_path / "ada.pdf"
    call_command("hiring_report", str(ada.candidate_id), "--opening", cohort_opening.slug,
                 "-o", str(out), "--user", blind_manager.email, stdout=StringIO())
    text = pdf_text(out.read_bytes())
    assert squash(WITHHELD) in squash(text) and _leaks(text) == []
    call_command("hiring_report", str(ada.candidate_id), "--opening", cohort_opening.slug,
                 "-o", str(out), stdout=StringIO())
    assert NOTE in re.sub(r"\s+", " ", pdf_text(out.read_bytes()))  # the whole picture
    packet = tmp_path / "packet.pdf"
    call_command("calibration_packet", cohort_opening.slug, "-o", str(packet),
                 "--user", blind_manager.email, stdout=StringIO())
    assert "withheldfromthispacket" in squash(pdf_text(packet.read_bytes()))


def test_blind_is_empty_for_a_manager_without_drafts(cohort_opening, second_manager, hr):
    assert not blind_for(second_manager, cohort_opening)
    assert not blind_for(hr, cohort_opening)
    payload = calibration_for_reader(cohort_opening, hr)
    assert not any("withheld" in w for w in payload["warnings"])
