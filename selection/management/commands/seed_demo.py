"""Loads the demo: library, role profiles, people, openings, candidates, producers, evidence."""

import importlib
import importlib.util

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from competencies.demo import seed_library
from selection import demo
from selection.roles import ensure_library
from selection.search_index import rebuild_search_index


def evidence_seeders() -> list[str]:
    """The ``<app>.demo`` modules that provide ``seed(stdout)``, in INSTALLED_APPS order.

    Apps add their own demo evidence this way, so the hiring core names none of them.
    """
    names = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name != "selection" and importlib.util.find_spec(name) is not None:
            if callable(getattr(importlib.import_module(name), "seed", None)):
                names.append(name)
    return names


class Command(BaseCommand):
    help = "Loads the demo data. Safe to run again: what exists is left as it is."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true",
            help="Do nothing when the database already has user accounts.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and get_user_model().objects.exists():
            self.stdout.write("The database already has accounts; demo not loaded again.")
            return
        with transaction.atomic():
            self._seed()
            # Some demo rows are bulk-created, which skips the search index: rebuild it so
            # the workspace's searches find everything that was loaded.
            rebuild_search_index()
        self._print_logins()

    def _seed(self):
        index = ensure_library()
        created = seed_library(index)
        users = demo.ensure_users()
        openings = demo.ensure_openings(users)
        created["decision reasons"] = demo.ensure_decision_reasons()
        created["candidate sources"] = demo.ensure_candidate_sources()
        from assessments.demo_content import CANDIDATE_NAMES

        created["candidates"] = demo.ensure_candidates(openings, CANDIDATE_NAMES)
        created["producers"] = demo.ensure_producers()
        for module_name in evidence_seeders():
            result = importlib.import_module(module_name).seed(self.stdout)
            if isinstance(result, dict):
                created.update(result)
        # What already existed (the migrations' defaults, a demo loaded before) goes unsaid.
        summary = ", ".join(f"{n} {what}" for what, n in created.items() if n)
        self.stdout.write(f"Demo loaded; newly created: {summary}." if summary
                          else "Demo already loaded; nothing new created.")

    def _print_logins(self):
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {demo.DEMO_PASSWORD})")
        for email, first, last, group, superuser in demo.DEMO_USERS:
            role = "superuser" if superuser else group
            self.stdout.write(f"  {email:<30} {role:<15} {first} {last}")
        self.stdout.write("Open http://127.0.0.1:8000/ and log in; HR works in /cms/.")
