"""Listing columns and filters that show yes/no values as words, for every snippet listing."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import LiveStatusTagColumn, StatusTagColumn


def yes_no_column(field: str, label: str, yes: str, no: str) -> StatusTagColumn:
    """A column showing ``yes`` or ``no`` as a status tag instead of True or False."""
    return StatusTagColumn(
        field, label=label, sort_key=field,
        accessor=lambda obj: yes if getattr(obj, field) else no,
        primary=lambda obj: bool(getattr(obj, field)),
    )


def status_column() -> LiveStatusTagColumn:
    """Published or draft, in words (e.g. "live + draft")."""
    return LiveStatusTagColumn()


def yes_no_filter(field: str, label: str, yes: str, no: str) -> django_filters.ChoiceFilter:
    """A filter offering ``yes`` and ``no`` as words (the active filter reads "Status: Draft")."""

    def apply(queryset, name, value):
        if value in ("yes", "no"):
            return queryset.filter(**{field: value == "yes"})
        return queryset

    return django_filters.ChoiceFilter(
        label=label, choices=[("yes", yes), ("no", no)], method=apply, empty_label="Any",
    )


def values_filter(model, field: str, label: str) -> django_filters.ChoiceFilter:
    """A choice of the values ``field`` holds now (e.g. the library's categories)."""

    def choices():
        values = model.objects.order_by(field).values_list(field, flat=True).distinct()
        return [(value, value) for value in values if value]

    return django_filters.ChoiceFilter(label=label, choices=choices, empty_label="Any")


def listing_filters(model, fields: list[str], *, by_value: dict[str, str] | None = None,
                    **words) -> type[WagtailFilterSet]:
    """A filter set on ``fields``; ``by_value`` fields (name: label) offer the values they
    hold; yes/no fields are given as ``name=(label, yes, no)``."""
    attrs = {name: yes_no_filter(name, *spec) for name, spec in words.items()}
    attrs |= {name: values_filter(model, name, label)
              for name, label in (by_value or {}).items()}
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": fields})
    return type(f"{model.__name__}Filters", (WagtailFilterSet,), attrs)


STATUS = ("Status", "Published", "Draft")
TRAINABLE = ("Trainable", "Trainable", "Hire for it")
