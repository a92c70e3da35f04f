"""The migration that adds the answered counts rescores attempts scored by the old rule."""

import importlib

import pytest
from django.apps import apps

from assessments.models import SJTAttempt

from .conftest import KEYS, options_of

pytestmark = pytest.mark.django_db

migration = importlib.import_module("assessments.migrations.0002_sjtattempt_items_answered")


def test_old_attempt_is_rescored_without_its_unanswered_items(anon, link, sjt_test):
    anon.post(link + "start/")
    s1 = sjt_test.scenarios.order_by("sort_order").first()
    fields = {f"s{s1.pk}-o{pk}": str(k) for pk, k in zip(options_of(sjt_test)[0], KEYS[0],
                                                          strict=True)}
    anon.post(link + "answers/", {**fields, "action": "submit-confirmed"})
    # as the old rule stored it: scenario 2 unanswered scored 0, nothing counted
    SJTAttempt.objects.update(total_score=0.5, scenario_scores={str(s1.pk): 1.0, "x": 0.0},
                              items_answered=None, items_total=None)
    migration.rescore_completed(apps, None)
    attempt = SJTAttempt.objects.get()
    assert attempt.total_score == 1.0 and attempt.scenario_scores == {str(s1.pk): 1.0}
    assert (attempt.items_answered, attempt.items_total) == (4, 8)
