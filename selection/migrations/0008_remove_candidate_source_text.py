"""The old free-text source goes, now that 0007 has mapped it onto the list."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('selection', '0007_candidate_sources_from_text'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='candidate',
            name='source_text',
        ),
    ]
