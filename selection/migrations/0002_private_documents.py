"""Uploaded documents are for staff only: a group restriction on the root collection.

Wagtail serves a document at /documents/<id>/<file> to anyone unless its collection (or an
ancestor) carries a view restriction. Every collection descends from the root, so one
restriction there covers every document, present and future: the three staff groups (and
superusers) may open them; anyone else is sent to log in.
"""

from django.db import migrations

STAFF_GROUPS = ["HR", "Hiring manager", "Interviewer"]
GROUPS = "groups"


def restrict_root_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=root, restriction_type=GROUPS
    )
    restriction.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in STAFF_GROUPS])


def lift_restriction(apps, schema_editor):
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    CollectionViewRestriction.objects.filter(
        collection__depth=1, restriction_type=GROUPS
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("selection", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(restrict_root_collection, lift_restriction)]
