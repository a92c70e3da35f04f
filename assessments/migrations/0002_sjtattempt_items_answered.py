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
        migrations.AlterField(
            model_name="judgmenttest",
            name="scoring_method",
            field=models.CharField(
                choices=[("rate_each", "Rate each response 1-5"),
                         ("most_least", "Most and least effective")],
                default="rate_each", max_length=12,
                help_text=(
                    "How candidates answer and how answers are scored. 'Rate each response': "
                    'the candidate rates every response 1-5; a scenario scores 1 minus the me'
                    "an distance between the candidate's ratings and your keys divided by 4, "
                    "so 1 = rated exactly like the experts and 0 = as far off as possible. 'M"
                    "ost and least effective': the candidate picks one response as most and o"
                    "ne as least effective; +1 when the 'most' pick is a top-keyed response, "
                    "+1 when the 'least' pick is a bottom-keyed one, -1 for each pick on the "
                    'wrong end, so a scenario scores -2 to +2. Scores per competency are the '
                    'mean of the scenarios mapped to it. An unrated response or a pick not ma'
                    'de is left out, not counted as wrong; a test with too few answers is sho'
                    'wn as incomplete and does not enter the band.'
                ),
            ),
        ),
        migrations.RunPython(rescore_completed, migrations.RunPython.noop),
    ]
