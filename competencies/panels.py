"""The compact requirements table above the role profile's requirement panels."""

from wagtail.admin.panels import Panel

from .weights import DOMINANT_SHARE, weights_overview


class RequirementsOverviewPanel(Panel):
    """Dimension, weight, share of total weight, target and knock-out for every requirement.

    Rendered from the saved profile (pages work without JavaScript); a small script
    (competencies/requirements-overview.js) redraws it as the panels below change.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "competencies/admin/requirements_overview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            requirements = sorted(self.instance.requirements.all(),
                                  key=lambda r: r.sort_order or 0)
            context["overview"] = weights_overview(requirements)
            context["dominant_percent"] = int(DOMINANT_SHARE * 100)
            return context
