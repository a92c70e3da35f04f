"""Counts answered items on SJT attempts, and rescores completed attempts so that unanswered
items are left out rather than scored as wrong."""

from django.db import migrations, models


def rescore_completed(apps, schema_editor):
    from assessments import sjt

    SJTAttempt = apps.get_model("assessments", "SJTAttempt")
    attempts = (SJTAttempt.objects.filter(completed_at__isnull=False)
                .select_related("invitation__test_revision"))
    for attempt in attempts.iterator():
        test = sjt.snapshot(attempt.invitation.test_revision)
        result = sjt.score_attempt(method=test.scoring_method, scenarios=test.scenarios,
                                   answers=attempt.answers or {})
        attempt.scenario_scores = {str(k): v for k, v in result.scenario_scores.items()}
        attempt.dimension_scores = {str(k): v for k, v in result.dimension_scores.items()}
        attempt.total_score = result.total
        attempt.items_answered, attempt.items_total = result.answered, result.items
        attempt.save(update_fields=["scenario_scores", "dimension_scores", "total_score",
                                    "items_answered", "items_total"])


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="sjtattempt",
            name="items_answered",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="sjtattempt",
            name="items_total",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(rescore_completed, migrations.RunPython.noop),
    ]
