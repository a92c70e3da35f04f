"""Candidate sources become a short list HR keeps (``CandidateSource``).

Three steps, each its own migration (PostgreSQL refuses to alter a table whose rows were
just updated in the same transaction under deferred foreign-key checks): this one adds
the list and the new link and keeps the old text as ``source_text``; 0007 fills the list
and the links from the text; 0008 removes the text.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('selection', '0005_email_opt_out'),
    ]

    operations = [
        migrations.CreateModel(
            name='CandidateSource',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text="As the funnel and pipeline pages should show it, e.g. 'Job board'.", max_length=80, unique=True)),
                ('slug', models.SlugField(help_text="How the applicant-tracking system names this source through the API, e.g. 'job-board'. Changing it breaks integrations that send the old one.", max_length=80, unique=True)),
                ('active', models.BooleanField(default=True, help_text='Only active sources are offered for new candidates and accepted from the API. Switch a source off instead of deleting it: candidates who came from it keep it, and the funnel still counts them.')),
                ('order', models.PositiveIntegerField(default=0, help_text='Sources are listed from the lowest number up.')),
            ],
            options={
                'ordering': ['order', 'name'],
            },
        ),
        migrations.RenameField(
            model_name='candidate',
            old_name='source',
            new_name='source_text',
        ),
        migrations.AddField(
            model_name='candidate',
            name='source',
            field=models.ForeignKey(blank=True, help_text='Where the candidate came from.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='candidates', to='selection.candidatesource'),
        ),
    ]
