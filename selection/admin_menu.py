"""The "Selection" group in the Wagtail admin menu: the app's HR pages, one click away.

Only HR and superusers see it (the pages themselves check access as always). The
calibration entry lists each open opening, read in one query when the menu is drawn.
"""

from django.urls import reverse
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .access import is_hr
from .models import Opening


class HRMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_hr(request.user)


class OpeningCalibrationMenu(Menu):
    """One entry per open opening, linking to its calibration page in the app."""

    def __init__(self):
        super().__init__(items=[])

    def menu_items_for_request(self, request):
        if not is_hr(request.user):
            return []
        openings = Opening.objects.filter(status=Opening.OPEN).order_by("title")
        return [
            HRMenuItem(o.title, reverse("opening_calibration", args=[o.slug]),
                       name=f"calibration-{o.slug}", icon_name="view", order=n)
            for n, o in enumerate(openings)
        ]


# (label, URL name, icon) in menu order.
ENTRIES = [
    ("Openings in the app", "opening_list", "doc-full-inverse"),
    ("Fairness", "fairness", "success"),
    ("Assessment tools", "assessments:test_list", "tasks"),
    ("Producers", "assessments:producer_list", "group"),
    ("SJT invitations", "assessments:invitation_list", "mail"),
    ("Import psychometrics", "assessments:import_psychometrics", "upload"),
    ("Import performance", "assessments:import_performance", "upload"),
    ("Import candidates", "assessments:import_candidates", "upload"),
    ("Invite a colleague", "invite_user", "mail"),
    ("Back to the app", "home", "arrow-left"),
]


def selection_menu() -> SubmenuMenuItem:
    """The "Selection" group: the app's HR pages and calibration per opening."""
    items = [
        HRMenuItem(label, reverse(url_name), name=url_name.replace(":", "-"),
                   icon_name=icon, order=10 * (n + 1))
        for n, (label, url_name, icon) in enumerate(ENTRIES)
    ]
    items.insert(1, SubmenuMenuItem("Calibration", OpeningCalibrationMenu(),
                                    name="calibration", icon_name="view", order=15))
    return SubmenuMenuItem("Selection", Menu(items=items), name="selection",
                           icon_name="clipboard-list", order=150)
