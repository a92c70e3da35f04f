"""manage.py calibrate SLUG [--json]: valid JSON, readable text, clear error for a bad slug."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reports.models import CalibrationSnapshot


def test_json_output_is_valid_and_complete(cohort_opening):
    out = StringIO()
    call_command("calibrate", cohort_opening.slug, "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["opening"]["slug"] == cohort_opening.slug
    assert {"dimensions", "cohorts", "differences", "candidates", "interviewers",
            "warnings", "computed_at"} <= set(payload)
    assert len(payload["candidates"]) == 3
    assert not CalibrationSnapshot.objects.exists()  # printing does not store


def test_text_summary_names_dimensions_and_candidates(cohort_opening):
    out = StringIO()
    call_command("calibrate", cohort_opening.slug, "--save", stdout=out)
    text = out.getvalue()
    assert "Discovery questioning" in text and "*separates*" in text
    assert "Ada Lovelace" in text and "% of top producers" in text
    assert CalibrationSnapshot.objects.filter(opening=cohort_opening).count() == 1


def test_unknown_slug_is_a_command_error(opening):
    with pytest.raises(CommandError, match="No opening with slug 'nope'"):
        call_command("calibrate", "nope", "--json", stdout=StringIO())
