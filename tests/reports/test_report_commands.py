"""manage.py hiring_report and calibration_packet write PDFs with the right content."""

import pytest
from django.core.management import CommandError, call_command

from tests.reports.report_helpers import pdf_text, squash


@pytest.mark.django_db
def test_hiring_report_command(cohort_opening, tmp_path):
    ada = cohort_opening.applications_by_name["Ada"]
    out = tmp_path / "report.pdf"
    call_command("hiring_report", str(ada.candidate_id), "--opening", cohort_opening.slug,
                 "-o", str(out))
    text = squash(pdf_text(out.read_bytes()))
    assert "AdaLovelace" in text and "Resilience" in text
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


@pytest.mark.django_db
def test_hiring_report_command_refuses_a_candidate_not_in_the_opening(cohort_opening, tmp_path):
    with pytest.raises(CommandError, match="has not applied"):
        call_command("hiring_report", "999999", "--opening", cohort_opening.slug,
                     "-o", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.django_db
def test_calibration_packet_command_one_stage(cohort_opening, tmp_path):
    out = tmp_path / "packet.pdf"
    call_command("calibration_packet", cohort_opening.slug, "--stage", "calibration",
                 "-o", str(out))
    text = squash(pdf_text(out.read_bytes()))
    assert "AdaLovelace" in text  # the only candidate at calibration
    assert "BoMiddleton" not in text and "CyLowe" not in text
    assert "Interviewerleniency" in text.replace("agreementand", "") or "Leniency" in text
    # no fairness section without --fairness: one line at the start says where they are
    assert squash("Fairness figures (selection rates by group) are in packets HR requests") \
        in text
    assert squash("Fairness summary") not in text


@pytest.mark.django_db
def test_calibration_packet_command_all_active_with_fairness(cohort_opening, tmp_path):
    out = tmp_path / "packet.pdf"
    call_command("calibration_packet", cohort_opening.slug, "--fairness", "-o", str(out))
    text = squash(pdf_text(out.read_bytes()))
    for name in ("AdaLovelace", "BoMiddleton", "CyLowe"):
        assert name in text
    assert "Sideby side".replace(" ", "") in text
    assert squash("Selection rates by self-identified group") in text
