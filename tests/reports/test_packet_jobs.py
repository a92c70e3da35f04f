"""Packets are built in the background, report their status and offer the file when ready."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports.packet_models import ReportPacket
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


@pytest.mark.django_db
def test_packet_stuck_running_is_marked_failed_and_can_be_retried(
    client, cohort_opening, manager, _packet_dir
):
    """A worker killed mid-build leaves 'running' and maybe a temporary file behind."""
    packet = ReportPacket.objects.create(
        opening=cohort_opening, stage="calibration", status=ReportPacket.RUNNING, attempts=1,
        started_at=timezone.now() - timedelta(hours=1), requested_by=manager,
    )
    _packet_dir.mkdir(parents=True)
    partial = _packet_dir / f".packet-{packet.pk}-{cohort_opening.slug}-abc.part"
    partial.write_bytes(b"%PDF-1.4 half")
    client.force_login(manager)
    html = client.get(_url(cohort_opening, packet)).content.decode()
    packet.refresh_from_db()
    assert packet.status == ReportPacket.FAILED
    assert "Failed" in html and "Try again" in html and "refresh" not in html
    assert not partial.exists()
    response = client.post(_url(cohort_opening, packet, "retry/"))
    assert response.status_code == 303
    packet.refresh_from_db()
    assert packet.status == ReportPacket.DONE and packet.attempts == 2
    assert (_packet_dir / packet.file_name).is_file()


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
