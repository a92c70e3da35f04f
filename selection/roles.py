"""The three staff groups and what each may do; the role-profile approval workflow.

Other apps add their model permissions to ``GROUP_PERMISSIONS`` here, so that the
whole permission picture stays in one place.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

HR = "HR"
HIRING_MANAGER = "Hiring manager"
INTERVIEWER = "Interviewer"

# "app_label.codename" per group. Hiring managers and interviewers get their access
# from hiring-team membership (see selection/access.py), not from model permissions.
GROUP_PERMISSIONS: dict[str, list[str]] = {
    HR: [
        "wagtailadmin.access_admin",
        *(
            f"competencies.{action}_{model}"
            for model in ("competency", "trait")
            for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")
        ),
        *(
            f"selection.{action}_{model}"
            for model in ("opening", "candidate", "application", "producer", "decisionreason",
                          "candidatesource")
            for action in ("add", "change", "delete", "view")
        ),
        *(
            f"interviews.{action}_{model}"
            for model in ("question", "interviewkit")
            for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")
        ),
        *(
            f"assessments.{action}_{model}"
            for model in ("judgmenttest", "roleplayexercise", "psychometricscale",
                          "referencequestion")
            for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")
        ),
        *(
            f"reports.{action}_selfidentification"
            for action in ("add", "change", "delete", "view")
        ),
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    HIRING_MANAGER: [],
    INTERVIEWER: [],
}

# What HR may do on the role-profile pages. No "publish": a profile goes live only
# through the approval workflow, where a second HR person approves.
HR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page", "view_page"]


def ensure_groups() -> dict[str, Group]:
    """Creates the groups if missing and sets their permissions; returns them by name."""
    wanted = {perm for perms in GROUP_PERMISSIONS.values() for perm in perms}
    by_key = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in={w.split(".", 1)[1] for w in wanted}
        )
    }
    groups = {}
    with transaction.atomic():
        for name, perms in GROUP_PERMISSIONS.items():
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.add(*[by_key[p] for p in perms if p in by_key])
            groups[name] = group
    return groups


def ensure_groups_after_migrate(sender, **kwargs) -> None:
    """post_migrate hook: a fresh database always has the groups."""
    ensure_groups()


def name_the_site() -> None:
    """The default Wagtail site is called by the product's name, not "localhost"."""
    from django.conf import settings
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True, site_name="").update(
        site_name=settings.WAGTAIL_SITE_NAME)


def ensure_library():
    """Creates the role library index page with its peer-approval workflow; returns the page."""
    from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

    from competencies.models import PeerApprovalTask, RoleLibraryIndexPage

    groups = ensure_groups()
    name_the_site()
    index = RoleLibraryIndexPage.objects.first()
    if index is None:
        root = Page.get_first_root_node()
        home = root.get_children().first() or root
        index = home.add_child(instance=RoleLibraryIndexPage(title="Role profiles", slug="roles"))
        index.save_revision().publish()
    task, _ = PeerApprovalTask.objects.get_or_create(name="HR peer approval")
    task.groups.set([groups[HR]])
    workflow, _ = Workflow.objects.get_or_create(name="Role profile approval")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    for codename in HR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(
            group=groups[HR], page=index, permission=permission
        )
    return index
