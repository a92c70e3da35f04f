"""The hiring core in the HR workspace: openings, candidates and producers."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Candidate, Opening, Producer


class OpeningViewSet(SnippetViewSet):
    model = Opening
    icon = "doc-full-inverse"
    menu_label = "Openings"
    list_display = ["title", "role_profile", "status", "opened_at"]
    list_filter = ["status"]
    search_fields = ["title"]


class CandidateViewSet(SnippetViewSet):
    model = Candidate
    icon = "user"
    menu_label = "Candidates"
    list_display = ["full_name", "email", "source", "created_at"]
    search_fields = ["first_name", "last_name", "email"]


class ProducerViewSet(SnippetViewSet):
    model = Producer
    icon = "group"
    menu_label = "Producers"
    list_display = ["full_name", "role_title", "performance", "tier", "tier_source"]
    list_filter = ["tier", "tier_source"]
    search_fields = ["first_name", "last_name", "email"]


class HiringViewSetGroup(SnippetViewSetGroup):
    items = (OpeningViewSet, CandidateViewSet, ProducerViewSet)
    menu_icon = "group"
    menu_label = "Hiring"
    menu_name = "hiring"


register_snippet(HiringViewSetGroup)
