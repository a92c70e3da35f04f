"""The hiring core in the HR workspace: openings, candidates and producers.

Snippet listings of indexed models name no ``search_fields``: they search the model's
search index, i.e. its AutocompleteFields. The SQLite full-text index cannot be narrowed
to named fields (it answers "no such column"), so the model's declaration is the one place
that says what a listing finds.
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from competencies.admin_columns import listing_filters, yes_no_column

from .access import is_hr
from .admin_filters import APPLICATIONS_COLUMN, CandidateFilterSet, listed_candidates
from .documents import refuse_unless_allowed
from .models import Candidate, CandidateSource, DecisionReason, Opening, Producer
from .user_admin import refuse_bulk_changes

# Offered to new decisions and candidates, or kept only for the records that name it.
ACTIVE = ("Status", "Offered", "Retired")


class OpeningViewSet(SnippetViewSet):
    model = Opening
    icon = "doc-full-inverse"
    menu_label = "Openings"
    list_display = ["title", "role_profile", "status", "opened_at"]
    list_filter = ["status"]
    # No search_fields: searched through the model's index, all its AutocompleteFields.


class CandidateViewSet(SnippetViewSet):
    model = Candidate
    icon = "user"
    menu_label = "Candidates"
    list_display = ["full_name", "email", APPLICATIONS_COLUMN, "source", "created_at"]
    # Stage and opening, narrowed by a subquery so that a search term still works, and
    # source (selection/admin_filters.py).
    filterset_class = CandidateFilterSet
    # No search_fields: searched through the model's index, all its AutocompleteFields.

    def get_queryset(self, request):
        return listed_candidates(request)


class ProducerViewSet(SnippetViewSet):
    model = Producer
    icon = "group"
    menu_label = "Producers"
    list_display = ["full_name", "role_title", "performance", "tier", "tier_source"]
    list_filter = ["tier", "tier_source"]
    # No search_fields: searched through the model's index, all its AutocompleteFields.


class DecisionReasonViewSet(SnippetViewSet):
    """The short list of reasons a decision can give; a rejection needs at least one."""

    model = DecisionReason
    icon = "list-ul"
    menu_label = "Decision reasons"
    list_display = ["name", yes_no_column("active", *ACTIVE), "order"]
    filterset_class = listing_filters(DecisionReason, [], active=ACTIVE)
    search_fields = ["name"]
    ordering = ["order", "name"]


class CandidateSourceViewSet(SnippetViewSet):
    """The short list of candidate sources the funnel groups by and the API names by slug."""

    model = CandidateSource
    icon = "list-ul"
    menu_label = "Candidate sources"
    list_display = ["name", "slug", yes_no_column("active", *ACTIVE), "order"]
    filterset_class = listing_filters(CandidateSource, [], active=ACTIVE)
    search_fields = ["name", "slug"]
    ordering = ["order", "name"]


class HiringViewSetGroup(SnippetViewSetGroup):
    items = (OpeningViewSet, CandidateViewSet, ProducerViewSet, DecisionReasonViewSet,
             CandidateSourceViewSet)
    menu_icon = "group"
    menu_label = "Hiring"
    menu_name = "hiring"


register_snippet(HiringViewSetGroup)


# Before Wagtail's own check (see selection/documents.py).
hooks.register("before_serve_document", refuse_unless_allowed, order=-100)
# The user listing's bulk actions follow the account rules of selection/user_admin.py.
hooks.register("before_bulk_action", refuse_bulk_changes)


# HR's dashboard (selection/dashboard.py): approvals, decisions due, open openings.
@hooks.register("construct_homepage_panels")
def hiring_dashboard_panels(request, panels):
    from .approvals_dashboard import AwaitingMyApprovalPanel, MySubmissionsPanel
    from .dashboard import AwaitingDecisionPanel, OpeningsOverviewPanel, add_panels

    if is_hr(request.user):
        stock = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}
        panels[:] = [p for p in panels if getattr(p, "name", "") not in stock]
    add_panels(request, panels, [AwaitingMyApprovalPanel, MySubmissionsPanel,
                                 AwaitingDecisionPanel, OpeningsOverviewPanel])


# Avatars without Gravatar: an uploaded picture when there is one, else initials.
@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    from .branding import initials_avatar_url

    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return initials_avatar_url(user, size)


# The app's HR pages in the admin menu (selection/admin_menu.py).
@hooks.register("register_admin_menu_item")
def selection_menu_group():
    from .admin_menu import selection_menu

    return selection_menu()


# The dashboard's summary line counts Selection's things instead of "pages" (after
# Wagtail's own hook has added its page count).
@hooks.register("construct_homepage_summary_items", order=100)
def hiring_summary_items(request, items):
    from wagtail.admin.site_summary import PagesSummaryItem

    from .dashboard import summary_items

    if is_hr(request.user):
        items[:] = [i for i in items if not isinstance(i, PagesSummaryItem)]
        items.extend(summary_items(request))
