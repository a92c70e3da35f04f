"""Packets are built in the background, report their status and offer the file when ready."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports.packets.models import ReportPacket
from tests.reports.report_helpers import pdf_text, squash


@pytest.fixture(autouse=True)
def _packet_dir(settings, tmp_path):
    settings.SELECTION_PACKET_DIR = tmp_path / "packets"
    return settings.SELECTION_PACKET_DIR


def _url(opening, packet=None, suffix=""):
    base = f"/reports/openings/{opening.slug}/packets/"
    return base if packet is None else f"{base}{packet.pk}/{suffix}"


@pytest.mark.django_db
def test_generate_packet_runs_in_background_and_offers_the_file(client, cohort_opening, manager,
                                                                _packet_dir):
    client.force_login(manager)
    response = client.post(_url(cohort_opening), {"stage": "calibration"})
    assert response.status_code == 303
    packet = ReportPacket.objects.get()
    assert response["Location"] == _url(cohort_opening, packet)
    assert packet.status == ReportPacket.DONE  # the immediate backend ran the task
    assert packet.attempts == 1 and packet.candidate_count == 1
    assert not packet.includes_fairness
    page = client.get(_url(cohort_opening, packet)).content.decode()
    assert "Download packet" in page and 'http-equiv="refresh"' not in page
    download = client.get(_url(cohort_opening, packet, "packet.pdf"))
    assert download["Content-Disposition"].startswith("attachment;")
    text = squash(pdf_text(b"".join(download.streaming_content)))
    assert "AdaLovelace" in text and "BoMiddleton" not in text
    assert squash("Interviewer agreement and leniency") in text
    # the side-by-side page carries each candidate's one-sentence headline
    from reports.hiring_report.gather import candidate_report

    sentence = candidate_report(cohort_opening.applications_by_name["Ada"]).band["sentence"]
    assert squash("In one sentence") in text and squash(sentence) in text
    assert [p.name for p in _packet_dir.iterdir()] == [packet.file_name]


@pytest.mark.django_db
def test_hr_packet_has_fairness_and_stays_with_hr(client, cohort_opening, hr, manager):
    client.force_login(hr)
    client.post(_url(cohort_opening), {"stage": ""})
    packet = ReportPacket.objects.get()
    assert packet.includes_fairness and packet.status == ReportPacket.DONE
    text = squash(pdf_text(b"".join(
        client.get(_url(cohort_opening, packet, "packet.pdf")).streaming_content)))
    assert squash("Selection rates by self-identified group") in text
    for name in ("AdaLovelace", "BoMiddleton", "CyLowe"):
        assert name in text
    client.force_login(manager)
    assert client.get(_url(cohort_opening, packet)).status_code == 403
    assert client.get(_url(cohort_opening, packet, "packet.pdf")).status_code == 403
    assert f"packets/{packet.pk}/" not in client.get(cohort_opening.get_absolute_url()
                                                     ).content.decode()


@pytest.mark.django_db
def test_status_page_refreshes_itself_while_queued_or_running(client, cohort_opening, manager):
    client.force_login(manager)
    for status in (ReportPacket.QUEUED, ReportPacket.RUNNING):
        packet = ReportPacket.objects.create(opening=cohort_opening, status=status,
                                             started_at=timezone.now())
        html = client.get(_url(cohort_opening, packet)).content.decode()
        assert '<meta http-equiv="refresh" content="3">' in html
        assert client.get(_url(cohort_opening, packet, "packet.pdf")).status_code == 404


def _lost_run(opening, manager, packet_dir, *, attempts=1, beat_ago=timedelta(hours=1)):
    """What a worker killed mid-build leaves: 'running', an old heartbeat, a temporary file."""
    started = timezone.now() - beat_ago
    packet = ReportPacket.objects.create(
        opening=opening, stage="calibration", status=ReportPacket.RUNNING, attempts=attempts,
        started_at=started, heartbeat_at=started, requested_by=manager, run_token="lost-run",
        requested_at=started,
    )
    packet_dir.mkdir(parents=True, exist_ok=True)
    partial = packet_dir / f".packet-{packet.pk}-lost-run-abc.part"
    partial.write_bytes(b"%PDF-1.4 half")
    return packet, partial


@pytest.mark.django_db
def test_build_whose_worker_died_is_queued_again_and_built_once(
    client, cohort_opening, manager, _packet_dir
):
    packet, partial = _lost_run(cohort_opening, manager, _packet_dir)
    client.force_login(manager)
    html = client.get(_url(cohort_opening, packet)).content.decode()
    packet.refresh_from_db()
    # the immediate backend ran the new attempt as soon as it was queued
    assert packet.status == ReportPacket.DONE and packet.attempts == 2
    assert packet.run_token not in ("", "lost-run")
    assert "Download packet" in html
    assert not partial.exists()
    assert [p.name for p in _packet_dir.iterdir()] == [packet.file_name]


@pytest.mark.django_db
def test_build_with_a_fresh_heartbeat_is_left_running(cohort_opening, manager, _packet_dir,
                                                      settings):
    from reports.packets.jobs import recover_stale_packets

    settings.SELECTION_PACKET_STALE_SECONDS = 30
    packet, partial = _lost_run(cohort_opening, manager, _packet_dir,
                                beat_ago=timedelta(seconds=5))
    assert recover_stale_packets() == []
    packet.refresh_from_db()
    assert packet.status == ReportPacket.RUNNING and packet.run_token == "lost-run"
    assert partial.exists()
    # the same run, 40 s later, has lost its worker
    later = timezone.now() + timedelta(seconds=40)
    assert recover_stale_packets(now=later) == [packet.pk]


@pytest.mark.django_db
def test_two_recoveries_of_the_same_lost_run_queue_it_once(cohort_opening, manager,
                                                           _packet_dir):
    """Two workers (or a worker and a page view) find the same lost run at the same time."""
    from reports.packets.jobs import recover_stale_packets

    packet, _ = _lost_run(cohort_opening, manager, _packet_dir)
    seen_by_first = list(ReportPacket.objects.filter(pk=packet.pk))
    seen_by_second = list(ReportPacket.objects.filter(pk=packet.pk))
    assert recover_stale_packets(seen_by_first) == [packet.pk]
    assert recover_stale_packets(seen_by_second) == []
    packet.refresh_from_db()
    assert packet.status == ReportPacket.DONE and packet.attempts == 2
    assert len(list(_packet_dir.glob("*.pdf"))) == 1


@pytest.mark.django_db
def test_a_run_that_was_superseded_changes_nothing(cohort_opening, manager, _packet_dir):
    from reports.packets.jobs import run_packet

    packet = ReportPacket.objects.create(opening=cohort_opening, stage="calibration",
                                         requested_by=manager, run_token="current")
    assert run_packet(packet, "an-older-run") == "superseded"
    packet.refresh_from_db()
    assert packet.status == ReportPacket.QUEUED and packet.attempts == 0
    assert not _packet_dir.exists() or not any(_packet_dir.iterdir())
    assert run_packet(packet, "current") == ReportPacket.DONE
    assert run_packet(packet, "current") == "superseded"  # a task delivered twice
    packet.refresh_from_db()
    assert packet.attempts == 1


@pytest.mark.django_db
def test_build_that_keeps_dying_stops_after_the_last_attempt(
    client, cohort_opening, manager, _packet_dir, settings
):
    settings.SELECTION_PACKET_MAX_ATTEMPTS = 3
    packet, partial = _lost_run(cohort_opening, manager, _packet_dir, attempts=3)
    client.force_login(manager)
    html = client.get(_url(cohort_opening, packet)).content.decode()
    packet.refresh_from_db()
    assert packet.status == ReportPacket.FAILED and packet.attempts == 3
    assert "It stopped 3 times" in packet.error
    assert "Failed" in html and "Try again" in html and "refresh" not in html
    assert not partial.exists()
    response = client.post(_url(cohort_opening, packet, "retry/"))
    assert response.status_code == 303
    packet.refresh_from_db()
    assert packet.status == ReportPacket.DONE and packet.attempts == 4
    assert (_packet_dir / packet.file_name).is_file()


@pytest.mark.django_db
def test_packet_waiting_for_a_worker_stays_queued_and_says_why(client, cohort_opening, manager,
                                                               settings):
    """Waiting long is no failure: the packet is built as soon as a worker runs."""
    from reports.packets.jobs import request_packet

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    packet = request_packet(cohort_opening, stage="calibration", user=manager)
    ReportPacket.objects.filter(pk=packet.pk).update(
        requested_at=timezone.now() - timedelta(hours=2))
    client.force_login(manager)
    html = client.get(_url(cohort_opening, packet)).content.decode()
    packet.refresh_from_db()
    assert packet.status == ReportPacket.QUEUED
    assert "Queued" in html and "No background worker has checked in" in html


@pytest.mark.django_db
def test_packet_whose_task_failed_unrecorded_is_marked_failed(client, cohort_opening, manager,
                                                              settings):
    from django_tasks_db.models import DBTaskResult

    from reports.packets.jobs import request_packet

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    packet = request_packet(cohort_opening, stage="calibration", user=manager)
    DBTaskResult.objects.filter(id=packet.task_result_id).update(status="FAILED")
    client.force_login(manager)
    html = client.get(_url(cohort_opening, packet)).content.decode()
    packet.refresh_from_db()
    assert packet.status == ReportPacket.FAILED
    assert "failed before it could record a result" in html and "Try again" in html


@pytest.mark.django_db
def test_build_that_cannot_write_is_failed_with_no_file(client, cohort_opening, manager,
                                                        settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.SELECTION_PACKET_DIR = blocker / "packets"  # cannot be created
    client.force_login(manager)
    client.post(_url(cohort_opening), {"stage": "calibration"})
    packet = ReportPacket.objects.get()
    assert packet.status == ReportPacket.FAILED
    assert packet.file_name == "" and "NotADirectoryError" in packet.error
    html = client.get(_url(cohort_opening, packet)).content.decode()
    assert "could not be built" in html and "Try again" in html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


@pytest.mark.django_db
def test_packet_access_matrix(client, request, cohort_opening, manager, library, other_manager):
    from tests import factories

    factories.make_opening(library["profile"], manager=other_manager, slug="other")
    packet = ReportPacket.objects.create(opening=cohort_opening, requested_by=manager)
    expected = {"interviewer": 403, "outsider": 403, "other_manager": 403, "manager": 200,
                "hr": 200}
    for who, status in expected.items():
        client.force_login(request.getfixturevalue(who))
        assert client.get(_url(cohort_opening, packet)).status_code == status, who
        post = client.post(_url(cohort_opening), {"stage": "calibration"})
        assert post.status_code == (303 if status == 200 else 403), who
    client.logout()
    assert client.get(_url(cohort_opening, packet)).status_code == 302
    assert client.post(_url(cohort_opening), {"stage": ""}).status_code == 302


@pytest.mark.django_db
def test_opening_page_offers_generate_packet(client, cohort_opening, manager):
    client.force_login(manager)
    html = client.get(cohort_opening.get_absolute_url()).content.decode()
    assert "Generate packet" in html and 'name="stage"' in html


@pytest.mark.django_db
def test_unknown_stage_is_refused(client, cohort_opening, manager):
    client.force_login(manager)
    assert client.post(_url(cohort_opening), {"stage": "nonsense"}).status_code == 400
    assert not ReportPacket.objects.exists()
