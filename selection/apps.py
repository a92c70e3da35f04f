from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class SelectionConfig(AppConfig):
    default = True
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

        from .hires import hire_panel
        from .panels import register_panel

        register_panel("application", hire_panel)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the account rules of selection/user_admin.py."""

    default = False
    user_viewset = "selection.user_admin.StaffUserViewSet"
