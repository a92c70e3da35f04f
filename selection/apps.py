from django.apps import AppConfig


class SelectionConfig(AppConfig):
    name = "selection"
    verbose_name = "Hiring"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .roles import ensure_groups_after_migrate
        from .search_index import rebuild_after_migrate

        post_migrate.connect(ensure_groups_after_migrate, sender=self)
        post_migrate.connect(rebuild_after_migrate, sender=self)

        from .csv_safety import neutralise_wagtail_exports

        neutralise_wagtail_exports()  # formula-like names in the workspace's CSV exports
