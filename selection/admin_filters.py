"""The HR workspace's candidate listing: filters by pipeline stage, opening and source.

A candidate's stage lives on each of their applications, a related table, and Wagtail's
search refuses a filter on a related field once a search term is typed ("Cannot filter
search results with field ..."). So the filters narrow the candidates by primary key, to
those with an application matching the stage and opening (one SQL subquery, no list of
ids in Python), before the search runs; ``Candidate.search_fields`` declares
``FilterField("id")`` for that, as Wagtail's own images and documents do. Both filters
apply to the same application: "Interviewing" in "Account executive" finds a candidate
interviewing for that opening, not one interviewing elsewhere who merely applied here.
"""

import django_filters
from django import forms
from django.db.models import Prefetch
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from .models import Application, Candidate, CandidateSource, Opening

APPLICATION_FILTERS = ("stage", "opening")


class CandidateFilterSet(WagtailFilterSet):
    stage = django_filters.ChoiceFilter(
        label="Stage", choices=Application.STAGES, empty_label="All",
        widget=forms.RadioSelect, method="narrowed_together",
        help_text="The stage of any of the candidate's applications (in the opening "
                  "below, if one is chosen).",
    )
    opening = django_filters.ModelChoiceFilter(
        label="Opening", queryset=Opening.objects.order_by("title"), empty_label="All",
        method="narrowed_together",
    )

    source = django_filters.ModelChoiceFilter(
        label="Source", queryset=CandidateSource.objects.order_by("order", "name"),
        empty_label="All",
    )

    class Meta:
        model = Candidate
        fields = []

    def narrowed_together(self, queryset, name, value):
        """Each application filter is applied in ``filter_queryset``, with the others."""
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        wanted = {name: self.form.cleaned_data.get(name) for name in APPLICATION_FILTERS}
        wanted = {name: value for name, value in wanted.items() if value}
        if not wanted:
            return queryset
        matching = Application.objects.filter(**wanted).values("candidate_id")
        return queryset.filter(pk__in=matching)


def listed_candidates(request):
    """The listing's rows, with their source, applications and openings read once per page."""
    return Candidate.objects.select_related("source").prefetch_related(Prefetch(
        "applications",
        queryset=Application.objects.select_related("opening").order_by("opening__title"),
    ))


def applications_cell(candidate) -> str:
    """'Account executive: Interviewing; SDR: Rejected', from the prefetched applications."""
    return "; ".join(f"{a.opening.title}: {a.get_stage_display()}"
                     for a in candidate.applications.all()) or "–"


APPLICATIONS_COLUMN = Column("applications", label="Openings and stages",
                             accessor=applications_cell)
