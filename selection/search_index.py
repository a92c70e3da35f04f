"""Keeps the search index in step with what the models declare.

Rows that are bulk-created, and rows indexed before a model's search fields changed, are
missing from the index (or indexed by the old declaration) until it is rebuilt. Running
``migrate`` rebuilds it, so a deployment always ends with an index that matches the code.
"""

import io

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS


def rebuild_search_index() -> None:
    call_command("update_index", verbosity=0, stdout=io.StringIO())


def rebuild_after_migrate(sender, using=DEFAULT_DB_ALIAS, plan=None, **kwargs) -> None:
    """post_migrate hook. A flush (as between transactional tests) passes no plan: skipped."""
    if plan is None or using != DEFAULT_DB_ALIAS:
        return
    rebuild_search_index()
